/**
 * The writer's daily job serves every spreadsheet in BANGFU_SPREADSHEETS, each with its
 * own 设置 and its own quarterly-reminder memory; one spreadsheet failing does not stop
 * the others.
 */
import { setNow } from '../../src/server/clock';
import { saveCase } from '../../src/server/intake';
import { setupWorkbook } from '../../src/server/setup';
import { SPREADSHEETS_PROPERTY, dailyJobs } from '../../src/writer/index';
import { OWNER, as, inWriterTrigger, newWorkbook, records, rid, wangXiuying, writerOf } from '../server/fixtures';

afterAll(() => setNow(null));

test('one daily run in the writer: every listed spreadsheet gets its jobs, a missing one is skipped', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'staff');
  expect(saveCase({ requestId: rid(), values: wangXiuying() }).ok).toBe(true);
  // A second county's spreadsheet, set up by the owner; and an ID that no longer opens.
  const second = fake.runAs(OWNER, () => {
    const ss = fake.newSpreadsheet('钟祥市困难职工帮扶') as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    setupWorkbook(ss);
    return ss;
  });
  const props = writerOf(fake).PropertiesService.getScriptProperties();
  props.setProperty(SPREADSHEETS_PROPERTY, [fake.spreadsheet.getId(), '1NoSuchSpreadsheet000000', second.getId()].join(','));

  setNow('2026-04-01'); // overdue since October, re-review month, first day of the quarterly window
  const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  inWriterTrigger(fake, () => dailyJobs());
  expect(log).toHaveBeenCalledWith(expect.stringContaining('1NoSuchSpreadsheet000000'));

  expect(records(fake, '案件')[0]['逾期']).toBe(true);
  const actions = records(fake, '操作日志').map((r) => r['操作']);
  expect(actions).toContain('季度统计提醒');
  const secondLog = second
    .getSheetByName('操作日志')!
    .getDataRange()
    .getValues()
    .slice(1)
    .map((r) => r[3]);
  expect(secondLog).toContain('季度统计提醒');
  // Each spreadsheet remembers its own quarter: the next day nothing is sent again to either.
  const mails = fake.mails.length;
  setNow('2026-04-02');
  inWriterTrigger(fake, () => dailyJobs());
  log.mockRestore();
  expect(fake.mails.length).toBe(mails);
});
