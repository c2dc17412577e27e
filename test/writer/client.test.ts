/**
 * The bound script as a client. Before a writer exists the owner works alone and everyone
 * else is told, in Chinese, what the administrator must do (never a raw Sheets message).
 * 帮扶 → 管理 → 连接写入服务 accepts only a URL that answers the writer's health check and
 * shows what the owner must register in the writer; afterwards every write goes there.
 */
import { setNow } from '../../src/server/clock';
import { connectWriter, connectWriterUrl } from '../../src/server/connectWriter';
import { saveCase } from '../../src/server/intake';
import { reviewAction } from '../../src/server/review';
import { setupSpreadsheet } from '../../src/server/setup';
import { dailyJobs, installTriggers } from '../../src/server/triggers';
import { WRITER_URL_PROPERTY } from '../../src/platform/writerClient';
import { doGet, doPost } from '../../src/writer/index';
import { OWNER, WRITER_ID, as, liMing, newWorkbook, records, rid, wangXiuying, writerOf } from '../server/fixtures';

afterAll(() => setNow(null));

test('with no writer, the owner saves alone and everyone else reads what the administrator must do', () => {
  const fake = newWorkbook('2025-09-30', { writer: false });
  for (const who of ['staff', 'reviewer', 'county', 'city', 'admin'] as const) {
    as(fake, who);
    const r = saveCase({ requestId: rid(), values: wangXiuying() });
    expect(r.ok).toBe(false);
    expect(r.message).toContain('帮扶 → 管理 → 连接写入服务');
    expect(r.message).not.toMatch(/protected|Exception|Error/i);
  }
  as(fake, 'reviewer');
  expect(reviewAction({ requestId: rid(), workerNo: 'H0100001', action: 'pass', version: 1 })).toMatchObject({
    ok: false,
    message: expect.stringContaining('连接写入服务'),
  });
  as(fake, 'admin');
  expect(() => installTriggers()).toThrow('连接写入服务');
  expect(records(fake, '案件')).toHaveLength(0);

  // The owner's own save (as the administrator, for 京山) runs here, directly: no web request.
  fake.setUser(OWNER);
  fake.counter.reset();
  const own = saveCase({ requestId: rid(), county: 'H01', values: wangXiuying() });
  expect(own).toMatchObject({ ok: true, workerNo: 'H0100001' });
  expect(fake.counter.snapshot()['UrlFetchApp.fetch'] ?? 0).toBe(0);
  expect(records(fake, '操作日志')).toHaveLength(1);
});

test('connecting: a URL that is not a Bangfu writer is refused; the real one shows the audience and the spreadsheet ID', () => {
  const fake = newWorkbook('2025-09-30', { writer: false });
  fake.setUser(OWNER);
  expect(connectWriterUrl('http://example.com/exec')).toMatchObject({ ok: false, message: expect.stringContaining('网址格式不对') });
  expect(connectWriterUrl('https://script.google.com/macros/s/AKfycbNoSuchDeployment/exec')).toMatchObject({ ok: false });
  // A web app that is not ours: its doGet answers something else.
  const other = fake.addProject({ id: 'someoneelse' });
  const otherUrl = other.deployWebApp({
    executeAs: 'USER_DEPLOYING',
    access: 'ANYONE',
    deployer: OWNER,
    doGet: () => ContentService.createTextOutput('<html>hi</html>'),
    realm: globalThis,
  });
  expect(connectWriterUrl(otherUrl)).toMatchObject({ ok: false, message: expect.stringContaining('不是帮扶写入服务') });
  expect(PropertiesService.getScriptProperties().getProperty(WRITER_URL_PROPERTY)).toBeNull();

  // A staff member may not connect one (they could point everyone's tokens at their own web app).
  const writer = fake.addProject({ id: WRITER_ID, owner: OWNER });
  const url = writer.deployWebApp({ executeAs: 'USER_DEPLOYING', access: 'ANYONE', deployer: OWNER, doGet, doPost, realm: globalThis });
  as(fake, 'staff');
  expect(connectWriterUrl(url)).toMatchObject({ ok: false, message: expect.stringContaining('只有表格所有者或管理员') });

  // The owner, through the menu's prompt.
  fake.setUser(OWNER);
  fake.ui.nextResponse = { button: 'OK', text: `  ${url}  ` };
  const report = connectWriter();
  expect(report).toMatchObject({ ok: true, audience: fake.audience, spreadsheetId: fake.spreadsheet.getId() });
  expect(fake.ui.alerts[fake.ui.alerts.length - 1].prompt).toContain(`BANGFU_ALLOWED_AUDIENCES 包含：${fake.audience}`);
  expect(fake.ui.alerts[fake.ui.alerts.length - 1].prompt).toContain(`BANGFU_SPREADSHEETS 包含：${fake.spreadsheet.getId()}`);
  expect(PropertiesService.getScriptProperties().getProperty(WRITER_URL_PROPERTY)).toBe(url);

  // Until the owner registers them in the writer, a save is refused with the reason, and nothing is written.
  as(fake, 'staff');
  const refused = saveCase({ requestId: rid(), values: liMing() });
  expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('BANGFU_') });
  const props = writer.PropertiesService.getScriptProperties();
  props.setProperty('BANGFU_SPREADSHEETS', fake.spreadsheet.getId());
  expect(saveCase({ requestId: rid(), values: liMing() })).toMatchObject({ ok: false, message: expect.stringContaining('BANGFU_ALLOWED_AUDIENCES') });
  props.setProperty('BANGFU_ALLOWED_AUDIENCES', `other.apps.googleusercontent.com, ${report!.audience}`);
  expect(saveCase({ requestId: rid(), values: liMing() })).toMatchObject({ ok: true, workerNo: 'H0100001' });
  expect(records(fake, '案件').map((r) => r['录入人'])).toEqual(['zhangmin@jszgh.cn']);
});

test('once connected, the owner too goes through the writer, and setup repairs through it', () => {
  const fake = newWorkbook('2025-09-30');
  fake.setUser(OWNER);
  fake.counter.reset();
  expect(setupSpreadsheet().message).toMatch(/表格完好|已修复/);
  expect(fake.counter.snapshot()['UrlFetchApp.fetch']).toBe(2);
  expect(writerOf(fake).id).toBe(WRITER_ID);
});

test('a writer deployed to run as the person calling is not accepted: connecting says so in Chinese', () => {
  const fake = newWorkbook('2025-09-30', { writer: false });
  const wrong = fake.addProject({ id: WRITER_ID, owner: OWNER });
  const url = wrong.deployWebApp({ executeAs: 'USER_ACCESSING', access: 'ANYONE', deployer: OWNER, doGet, doPost, realm: globalThis });
  wrong.PropertiesService.getScriptProperties().setProperty('BANGFU_SPREADSHEETS', fake.spreadsheet.getId());
  wrong.PropertiesService.getScriptProperties().setProperty('BANGFU_ALLOWED_AUDIENCES', fake.audience);
  fake.setUser(OWNER);
  const r = connectWriterUrl(url);
  expect(r.ok).toBe(false);
  expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  expect(r.message).not.toMatch(/You do not have|protected cell|Exception/);
  expect(PropertiesService.getScriptProperties().getProperty(WRITER_URL_PROPERTY)).toBeNull();
  as(fake, 'staff');
  expect(saveCase({ requestId: rid(), values: wangXiuying() }).message).toContain('连接写入服务');
  expect(records(fake, '案件')).toHaveLength(0);
});

test('with no writer, the daily job writes only when the owner installed it', () => {
  const fake = newWorkbook('2025-09-30', { writer: false });
  fake.setUser(OWNER);
  expect(saveCase({ requestId: rid(), county: 'H01', values: wangXiuying() }).ok).toBe(true);
  setNow('2025-10-13');
  const overdue = () => records(fake, '案件')[0]['逾期'];
  expect(overdue()).not.toBe(true);
  // An administrator's own trigger (installed before the owner-only rule): it runs as the administrator and writes nothing.
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  fake.runTrigger(() => dailyJobs(), 'admin@jmszgh.cn');
  expect(overdue()).not.toBe(true);
  // The owner's trigger does the work.
  fake.runTrigger(() => dailyJobs(), OWNER);
  expect(overdue()).toBe(true);
});

test('the answer is lost on the way back: the client sends the same request again and gets the first reply, one row', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'staff');
  const app = globalThis.UrlFetchApp as unknown as { fetch: (url: string, params?: object) => unknown };
  const fetch = app.fetch;
  let lost = 0;
  app.fetch = function (this: unknown, url: string, params?: object) {
    const r = fetch.call(this, url, params);
    // The writer did the work; the connection drops before its answer arrives (once).
    if (lost === 0 && /macros\/s\//.test(url) && (params as { method?: string })?.method === 'post') {
      lost++;
      throw new Error('Timeout: https://script.google.com/macros/s/…/exec');
    }
    return r;
  };
  try {
    expect(saveCase({ requestId: rid(), values: wangXiuying() })).toMatchObject({ ok: true, workerNo: 'H0100001', created: true });
  } finally {
    app.fetch = fetch;
  }
  expect(lost).toBe(1);
  expect(records(fake, '案件')).toHaveLength(1);
  expect(records(fake, '操作日志')).toHaveLength(1);
});
