/**
 * One time zone: the same workbook story in a spreadsheet set to Asia/Shanghai, to
 * America/Los_Angeles (behind the script's zone: writes would land a day early) and to
 * Pacific/Auckland (ahead: reads would land a day early). The fake hands out Dates as
 * Apps Script does for the spreadsheet's zone; every date a user sees must be the same.
 */
import { createFakeGas, installGlobals } from '../../harness/gas';
import { setNow } from '../../src/server/clock';
import { setupSpreadsheet } from '../../src/server/setup';
import { saveCase } from '../../src/server/intake';
import { reviewAction } from '../../src/server/review';
import { runDeadlineCheck } from '../../src/server/triggers';
import { dailyJobs } from '../../src/writer/index';
import { IDCARD_INFO, WORKDAY_CN } from '../../src/server/customFunctions';
import { deployWriter, inWriterTrigger, OWNER, people, rid, wangXiuying, writerJob } from '../server/fixtures';

type Fake = ReturnType<typeof createFakeGas>;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** newWorkbook, but the spreadsheet was created under `zone` and the owner answers `answer` to setup's prompt. */
function workbookIn(zone: string, answer: 'YES' | 'NO', today: string): { fake: Fake; report: ReturnType<typeof setupSpreadsheet> } {
  const fake = createFakeGas({ owner: OWNER });
  installGlobals(globalThis, fake);
  fake.spreadsheet.setSpreadsheetTimeZone(zone);
  setNow(today);
  fake.setUser(OWNER);
  fake.ui.nextResponse = { button: answer, text: '' };
  const report = setupSpreadsheet();
  fake.ui.nextResponse = { button: 'OK', text: '' };
  const staff = fake.spreadsheet.getSheetByName('人员权限')!;
  const rows = Object.values(people).map((p) => [p.email, p.role, p.county, p.name]);
  staff.getRange(staff.getLastRow() + 1, 1, rows.length, 4).setValues(rows);
  deployWriter(fake); // staff and reviewers write through the writer, as in newWorkbook
  return { fake, report };
}

/** What the user sees in 案件 row 2 under a header label. */
function shown(fake: Fake, label: string): string {
  const s = fake.spreadsheet.getSheetByName('案件') as unknown as Sheet;
  const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
  return s.getRange(2, header.indexOf(label) + 1).getDisplayValue();
}

afterAll(() => setNow(null));

describe.each(['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Auckland'])('a spreadsheet in %s', (zone) => {
  test('due dates, the 今日 cell and WORKDAY_CN show the same days as in Beijing', () => {
    const { fake, report } = workbookIn(zone, 'NO', '2026-12-29');
    expect(fake.spreadsheet.getSpreadsheetTimeZone()).toBe(zone);
    if (zone !== 'Asia/Shanghai') expect(report.problems.join('；')).toContain(`表格时区为 ${zone}`);

    fake.setUser(people.staff.email);
    expect(saveCase({ requestId: rid(), values: wangXiuying() })).toMatchObject({ ok: true });
    expect(shown(fake, '提交日期')).toBe('2026-12-29');
    expect(shown(fake, '截止日期')).toBe('2027-01-04');

    // A second case typed straight into 案件 by the owner, the one person who may (Sheets turns the text into a date cell of that day).
    fake.setUser(OWNER);
    const cases = fake.spreadsheet.getSheetByName('案件')!;
    const head = cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0].map(String);
    const typed = head.map(
      (h) => (({ 职工编号: 'H0100002', 县区代码: 'H01', 状态: '待审核', 提交日期: '2026-12-29', 姓名: '李明', 版本: 1 }) as Record<string, unknown>)[h] ?? '',
    );
    cases.getRange(3, 1, 1, head.length).setValues([typed as never[]]);

    setNow('2026-12-30');
    inWriterTrigger(fake, () => dailyJobs());
    expect(fake.spreadsheet.getRangeByName('今日')!.getDisplayValue()).toBe('2026-12-30');
    expect(shown(fake, '截止日期')).toBe('2027-01-04');
    // The check read the dates back as the days they show: nothing to change, nothing failed.
    const check = writerJob(fake, runDeadlineCheck);
    expect(check).toMatchObject({ open: 2, changed: 0, failures: [] });
    expect(cases.getRange(3, head.indexOf('截止日期') + 1).getDisplayValue()).toBe('2027-01-04');
    const log = fake.spreadsheet
      .getSheetByName('操作日志')!
      .getDataRange()
      .getValues()
      .map((r) => String(r[3]));
    expect(log.filter((a) => a.includes('失败'))).toEqual([]);

    // =WORKDAY_CN(提交日期, 5) as Sheets evaluates it: the cell's Date in, a Date out, shown in the sheet's zone.
    const s = fake.spreadsheet.getSheetByName('案件')!;
    const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
    const submitted = s.getRange(2, header.indexOf('提交日期') + 1).getValue();
    const out = s.getRange(5, 1);
    out.setValue(WORKDAY_CN(submitted, 5) as Date);
    expect(out.getDisplayValue()).toBe('2027-01-06');
    // =IDCARD_INFO(id, "birth") gives a date cell and =IDCARD_INFO(id, "age", 今日) the age on 今日.
    const id = '420821198012300335';
    out.setValue(IDCARD_INFO(id, 'birth') as Date);
    expect(out.getDisplayValue()).toBe('1980-12-30');
    expect(IDCARD_INFO(id, 'age', fake.spreadsheet.getRangeByName('今日')!.getValue())).toBe(46);

    // The reviewer passes it on Mon 4 January: notice from that day, five working days.
    setNow('2027-01-04');
    fake.setUser(people.reviewer.email);
    expect(reviewAction({ requestId: rid(), workerNo: 'H0100001', action: 'pass', version: 1 })).toMatchObject({ ok: true, status: 'notice' });
    expect(shown(fake, '公示开始')).toBe('2027-01-04');
    expect(shown(fake, '公示结束')).toBe('2027-01-11');
  });
});

test('the owner agrees: setup sets the spreadsheet to Asia/Shanghai, dates keep their day, and says so', () => {
  const { fake, report } = workbookIn('America/Los_Angeles', 'YES', '2026-12-29');
  expect(fake.spreadsheet.getSpreadsheetTimeZone()).toBe('Asia/Shanghai');
  expect(report.repaired.join('；')).toContain('表格时区：America/Los_Angeles 改为 Asia/Shanghai');
  expect(fake.spreadsheet.getRangeByName('今日')!.getDisplayValue()).toBe('2026-12-29');
});

test("the fake gives Dates for the spreadsheet's zone, as Apps Script does", () => {
  const fake = createFakeGas({ owner: OWNER });
  installGlobals(globalThis, fake);
  fake.spreadsheet.setSpreadsheetTimeZone('America/Los_Angeles');
  const cell = fake.spreadsheet.getActiveSheet().getRange(1, 1);
  cell.setValue('2026-12-29');
  expect((cell.getValue() as Date).toISOString()).toBe('2026-12-29T08:00:00.000Z'); // midnight in Los Angeles
  fake.spreadsheet.setSpreadsheetTimeZone('Asia/Shanghai');
  expect((cell.getValue() as Date).toISOString()).toBe('2026-12-28T16:00:00.000Z'); // the same wall clock, now Beijing's
  expect(cell.getDisplayValue()).toBe('2026-12-29');
  expect(() => fake.spreadsheet.setSpreadsheetTimeZone('Mars/Olympus')).toThrow();
});
