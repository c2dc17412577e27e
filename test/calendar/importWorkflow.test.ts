/**
 * The turn of the year in a workbook: a case submitted on Tue 29 December 2026 gets a due
 * date on the provisional 2027 calendar (marked 暂定 in the due-date cell's note), then the
 * administrator pastes the 2027 notice into 帮扶 → 管理 → 导入节假日通知, confirms, and the
 * deadline is recomputed on the real schedule and the move logged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveCase } from '../../src/server/intake';
import { getReviewQueue, reviewAction } from '../../src/server/review';
import { runDeadlineCheck } from '../../src/server/triggers';
import { importHolidayNoticeMenu } from '../../src/server/holidayImport';
import { setNow } from '../../src/server/clock';
import { parseHolidayNotice } from '../../src/domain/holidayNotice';
import { STATUTORY_REVISIONS } from '../../src/defaults/calendar';
import { as, day, newWorkbook, OWNER, records, rid, sheet, wangXiuying, writerJob, type Fake } from '../server/fixtures';

const NOTICE_2027 = readFileSync(join(__dirname, 'notices', '2027.txt'), 'utf8');

function dueCell(fake: Fake) {
  const s = sheet(fake, '案件');
  const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
  return s.getRange(2, header.indexOf('截止日期') + 1);
}

/** The next prompt answers `text` with OK; the alerts after it answer `buttons` in turn. */
function answer(fake: Fake, text: string, ...buttons: string[]): void {
  const ui = fake.ui;
  const prompt = jest.spyOn(ui, 'prompt').mockImplementationOnce((a: string, b?: string) => {
    ui.alerts.push({ title: a, prompt: String(b) });
    return { getResponseText: () => text, getSelectedButton: () => 'OK' };
  });
  const alert = jest.spyOn(ui, 'alert');
  for (const b of buttons)
    alert.mockImplementationOnce((a: string, m?: string) => {
      ui.alerts.push({ title: a, prompt: String(m) });
      return b;
    });
  void prompt;
}

afterEach(() => jest.restoreAllMocks());

test('29 December 2026: due date 暂定, then recomputed and logged when the 2027 notice is imported', () => {
  const fake = newWorkbook('2026-12-29');
  as(fake, 'staff');
  expect(saveCase({ requestId: rid(), values: wangXiuying() })).toMatchObject({
    ok: true,
    workerNo: 'H0100001',
    message: expect.stringContaining('截止日期 2027-01-04（暂定）'),
  });
  // Wed 30, Thu 31 December, then 元旦 (Fri 1 January 2027, provisional), Mon 4 January.
  expect(day(records(fake, '案件')[0]['截止日期'])).toBe('2027-01-04');
  expect(dueCell(fake).getNote()).toContain('暂定');

  setNow('2026-12-30');
  expect(writerJob(fake, runDeadlineCheck).failures).toEqual([]);
  expect(dueCell(fake).getNote()).toContain('暂定：2027年的节假日安排尚未公布');

  // The reviewer's workbench says the due date is provisional.
  as(fake, 'reviewer');
  expect(getReviewQueue().items[0]).toMatchObject({ workerNo: 'H0100001', dueDate: '2027-01-04', dueNote: expect.stringContaining('暂定') });

  // The administrator pastes the notice and confirms.
  setNow('2026-12-30');
  as(fake, 'admin');
  answer(fake, NOTICE_2027, 'YES', 'OK');
  importHolidayNoticeMenu();
  const shown = fake.ui.alerts.map((a) => a.prompt).join('\n');
  expect(shown).toContain('2026-12-31,休,元旦');
  expect(shown).toContain('2027-01-09,班,元旦');
  expect(shown).toContain('1 件案件的截止日期有变化');

  const holidays = records(fake, '节假日').map((r) => `${day(r['日期'])},${r['类型']}`);
  expect(holidays).toEqual(expect.arrayContaining(['2026-12-31,休', '2027-02-12,休', '2027-02-20,班']));
  // 31 December is now off: Wed 30 December, then Mon 4 and Tue 5 January.
  expect(day(records(fake, '案件')[0]['截止日期'])).toBe('2027-01-05');
  expect(dueCell(fake).getNote()).toBe('');
  as(fake, 'reviewer');
  expect(getReviewQueue().items[0].dueNote).toBeUndefined();
  const log = records(fake, '操作日志');
  expect(log[log.length - 1]).toMatchObject({
    用户: 'admin@jmszgh.cn',
    职工编号: 'H0100001',
    操作: '期限重新计算',
    原因: '导入2027年节假日安排：截止日期 2027-01-04 → 2027-01-05',
  });
  expect(String(log[log.length - 1]['变更字段'])).toContain('截止日期：2027-01-04 → 2027-01-05');
});

test('declining the preview writes nothing; a notice it cannot read is explained; a non-administrator is refused', () => {
  const fake = newWorkbook('2026-12-01');
  const before = records(fake, '节假日').length;
  as(fake, 'admin');
  answer(fake, NOTICE_2027, 'NO', 'OK');
  importHolidayNoticeMenu();
  expect(records(fake, '节假日')).toHaveLength(before);
  expect(fake.ui.alerts[fake.ui.alerts.length - 1].prompt).toBe('未写入。');

  answer(fake, NOTICE_2027.replace('6月9日（周三）放假', '6月9日（周四）放假'), 'OK');
  importHolidayNoticeMenu();
  expect(fake.ui.alerts[fake.ui.alerts.length - 1].prompt).toContain('无法识别“五、端午节”段：6月9日是周三');
  expect(records(fake, '节假日')).toHaveLength(before);

  as(fake, 'staff');
  answer(fake, NOTICE_2027, 'YES', 'OK');
  importHolidayNoticeMenu();
  expect(fake.ui.alerts[fake.ui.alerts.length - 1].prompt).toBe('只有管理员可以导入节假日安排');
  expect(records(fake, '节假日')).toHaveLength(before);
});

test('2027 typed into 节假日 by hand: the next daily check recomputes the 暂定 due date and logs the move', () => {
  const fake = newWorkbook('2026-12-29');
  as(fake, 'staff');
  expect(saveCase({ requestId: rid(), values: wangXiuying() }).ok).toBe(true);
  expect(day(records(fake, '案件')[0]['截止日期'])).toBe('2027-01-04');
  // The owner types the notice's rows (here: what `bangfu holidays` printed): 节假日 is the owner's alone.
  fake.setUser(OWNER);
  const rows = parseHolidayNotice(NOTICE_2027, STATUTORY_REVISIONS).rows.map((r) => [r.date, r.kind, r.name]);
  const h = sheet(fake, '节假日');
  h.getRange(h.getLastRow() + 1, 1, rows.length, 3).setValues(rows);
  setNow('2026-12-30');
  expect(writerJob(fake, runDeadlineCheck)).toMatchObject({ changed: 1, failures: [] });
  expect(day(records(fake, '案件')[0]['截止日期'])).toBe('2027-01-05');
  expect(dueCell(fake).getNote()).toBe('');
  const log = records(fake, '操作日志');
  expect(log[log.length - 1]).toMatchObject({ 职工编号: 'H0100001', 操作: '期限重新计算', 原因: '节假日安排已录入：截止日期 2027-01-04 → 2027-01-05' });
  // A second run: nothing moves, nothing logged.
  expect(writerJob(fake, runDeadlineCheck).changed).toBe(0);
  expect(records(fake, '操作日志')).toHaveLength(log.length);
});

test('an import keeps an approval deadline counted from the day the case was handed over, not from the end of the notice', () => {
  const fake = newWorkbook('2026-12-01');
  as(fake, 'staff');
  expect(saveCase({ requestId: rid(), values: wangXiuying() }).ok).toBe(true);
  const step = (action: 'pass' | 'end_notice') =>
    reviewAction({ requestId: rid(action), workerNo: 'H0100001', action, version: Number(records(fake, '案件')[0]['版本']) });
  setNow('2026-12-03');
  as(fake, 'reviewer');
  expect(step('pass')).toMatchObject({ ok: true, status: 'notice' });
  expect(day(records(fake, '案件')[0]['公示结束'])).toBe('2026-12-10');
  // The reviewer ends the notice two working days late: the county's 7 working days start on Mon 14 December.
  setNow('2026-12-14');
  expect(step('end_notice')).toMatchObject({ ok: true, status: 'approval' });
  expect(day(records(fake, '案件')[0]['截止日期'])).toBe('2026-12-23');

  setNow('2026-12-15');
  as(fake, 'admin');
  const logged = records(fake, '操作日志').length;
  answer(fake, NOTICE_2027, 'YES', 'OK');
  importHolidayNoticeMenu();
  expect(fake.ui.alerts.map((a) => a.prompt).join('\n')).toContain('0 件案件的截止日期有变化');
  expect(day(records(fake, '案件')[0]['截止日期'])).toBe('2026-12-23');
  expect(
    records(fake, '操作日志')
      .slice(logged)
      .map((r) => r['操作']),
  ).not.toContain('期限重新计算');
});
