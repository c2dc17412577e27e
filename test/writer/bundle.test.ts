/**
 * dist/writer/Code.js as Apps Script loads it for the writer project: one global scope,
 * no require or module, top-level doGet / doPost / dailyJobs, no service called while
 * loading. Then the two built bundles end to end, each in its own realm, as in production:
 * a staff member's save in the client's Code.js is written by the writer's Code.js.
 * (npm test builds dist/ before jest runs.)
 */
import { createFakeGas } from '../../harness/gas';
import { callEntry, loadBundle, writerBundleSource } from '../../harness/loadBundle';
import { WRITER_ENTRY_POINTS } from '../../src/writer/entrypoints';
import { OWNER, people, wangXiuying } from '../server/fixtures';

const source = writerBundleSource();

test('the writer bundle: plain top-level entry points, nothing of Node, no service called while loading', () => {
  const fake = createFakeGas({ owner: OWNER });
  const writer = fake.addProject({ id: 'writer' });
  fake.counter.reset();
  const ctx = loadBundle(writer, source);
  expect(fake.counter.total()).toBe(0);
  for (const e of WRITER_ENTRY_POINTS) {
    expect(typeof ctx[e.name]).toBe('function');
    expect(source).toMatch(new RegExp(`^function ${e.name}\\(`, 'm'));
  }
  expect('require' in ctx || 'module' in ctx || 'process' in ctx).toBe(false);
  expect(source).not.toMatch(/\brequire\(["']/);
  const health = callEntry(ctx, 'doGet', {}) as GoogleAppsScript.Content.TextOutput;
  expect(JSON.parse(health.getContent())).toMatchObject({ ok: true, version: 1 });
  const garbage = callEntry(ctx, 'doPost', {
    postData: { contents: '}{', type: 'application/json', length: 2, name: 'postData' },
  }) as GoogleAppsScript.Content.TextOutput;
  expect(JSON.parse(garbage.getContent())).toMatchObject({ ok: false, message: expect.stringContaining('请求格式无效') });
});

test('the two built bundles, each in its own realm: a staff member saves through the writer', () => {
  const fake = createFakeGas({ owner: OWNER });
  const client = loadBundle(fake);
  const writer = fake.addProject({ id: 'writer' });
  const wctx = loadBundle(writer, source);
  for (const b of [client, wctx]) (b.Bangfu as { setNow(at: string): void }).setNow('2025-09-30');

  fake.setUser(OWNER);
  callEntry(client, 'setupSpreadsheet');
  const staff = fake.spreadsheet.getSheetByName('人员权限')!;
  staff.getRange(staff.getLastRow() + 1, 1, 1, 4).setValues([[people.staff.email, people.staff.role, people.staff.county, people.staff.name]]);
  const url = writer.deployWebApp({
    executeAs: 'USER_DEPLOYING',
    access: 'ANYONE',
    deployer: OWNER,
    realm: wctx,
    doGet: (e) => callEntry(wctx, 'doGet', e),
    doPost: (e) => callEntry(wctx, 'doPost', e),
  });
  writer.PropertiesService.getScriptProperties().setProperties({ BANGFU_ALLOWED_AUDIENCES: fake.audience, BANGFU_SPREADSHEETS: fake.spreadsheet.getId() });
  expect((client.Bangfu as { connectWriterUrl(u: string): { ok: boolean } }).connectWriterUrl(url)).toMatchObject({ ok: true });

  const saved = fake.runAs(people.staff.email, () => callEntry(client, 'saveCase', { requestId: 'bundle-1', values: wangXiuying() }));
  expect(saved).toMatchObject({ ok: true, workerNo: 'H0100001' });
  const log = fake.spreadsheet.getSheetByName('操作日志')!.getDataRange().getValues();
  expect(log).toHaveLength(2);
  expect(log[1]).toContain(people.staff.email);
  // The staff member cannot do it by hand.
  expect(() => fake.runAs(people.staff.email, () => fake.spreadsheet.getSheetByName('案件')!.getRange(2, 3).setValue('已备案'))).toThrow(/protected/);
});
