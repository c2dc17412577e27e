/**
 * Scheduled work: installing is idempotent and touches only our triggers; the daily check
 * recomputes deadlines in one read and one write and mails each reviewer their overdue
 * cases; the annual re-review and the quarterly reminder act once, in their windows.
 * With a writer connected the jobs run in the writer (its trigger, as the owner).
 */
import { setNow } from '../../src/server/clock';
import { saveCase } from '../../src/server/intake';
import {
  dailyDeadlineCheck,
  dailyJobs,
  installTriggers,
  removeTriggers,
  runAnnualReview,
  runDeadlineCheck,
  runQuarterlyReminder,
} from '../../src/server/triggers';
import { dailyJobs as writerDailyJobs } from '../../src/writer/index';
import { OWNER, as, day, inWriterTrigger, liMing, makeId, newWorkbook, records, rid, sheet, wangXiuying, writerJob, writerOf, type Fake } from './fixtures';

afterAll(() => setNow(null));

/** The bound project's triggers the current user sees. */
function handlers(): string[] {
  return ScriptApp.getProjectTriggers()
    .map((t) => t.getHandlerFunction())
    .sort();
}

/** Every trigger of the writer project, with who installed it. */
function writerTriggers(fake: Fake): string[] {
  return writerOf(fake)
    .triggers.map((t) => `${t.getHandlerFunction()}@${(t as unknown as { _spec: { owner: string } })._spec.owner}`)
    .sort();
}

const dailyDeadlineCheckInWriter = (fake: Fake) => writerJob(fake, runDeadlineCheck);
const annualReviewCheck = (fake: Fake) => writerJob(fake, runAnnualReview);
const quarterlyReminder = (fake: Fake) => writerJob(fake, runQuarterlyReminder);

function setSetting(fake: Fake, label: string, value: unknown): void {
  fake.runAs(OWNER, () => setSettingAsOwner(fake, label, value));
}
function setSettingAsOwner(fake: Fake, label: string, value: unknown): void {
  const s = sheet(fake, '设置');
  const values = s.getDataRange().getValues();
  const i = values.findIndex((r) => r[0] === label);
  expect(i).toBeGreaterThan(0);
  s.getRange(i + 1, 2).setValue(value);
}

/** Writes a case row straight into 案件, as the owner importing old records would (nobody else may). */
function typeCase(fake: Fake, cells: Record<string, unknown>): void {
  fake.runAs(OWNER, () => {
    const s = sheet(fake, '案件');
    const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String);
    s.getRange(s.getLastRow() + 1, 1, 1, header.length).setValues([header.map((h) => (cells[h] ?? '') as never)]);
  });
}

test('installing twice, or by another administrator, leaves one daily trigger in the writer; removing leaves other triggers alone', () => {
  const fake = newWorkbook();
  ScriptApp.newTrigger('someoneElsesReport').timeBased().everyDays(1).atHour(9).create();
  installTriggers();
  installTriggers();
  as(fake, 'admin');
  expect(installTriggers().message).toContain('已安装定时任务');
  // One trigger, in the writer, installed as the owner whoever asked; the bound script holds none of ours.
  expect(writerTriggers(fake)).toEqual([`dailyJobs@${OWNER}`]);
  fake.setUser(OWNER);
  expect(handlers()).toEqual(['someoneElsesReport']);
  // A staff member may not install or remove them.
  as(fake, 'staff');
  expect(() => installTriggers()).toThrow('只有管理员可以安装定时任务');
  expect(writerTriggers(fake)).toHaveLength(1);
  fake.setUser(OWNER);
  const removed = removeTriggers();
  expect(removed.removed).toBe(1);
  expect(writerTriggers(fake)).toEqual([]);
  expect(handlers()).toEqual(['someoneElsesReport']);
  expect(removeTriggers().message).toBe('没有需要删除的定时任务');
});

test("with the writer connected, the bound script's jobs write nothing: a trigger left there skips, a hand run is told", () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'staff');
  expect(saveCase({ requestId: rid(), values: wangXiuying() }).ok).toBe(true);
  setNow('2025-10-13');
  const before = records(fake, '案件').map((c) => c['逾期']);
  fake.counter.reset();
  fake.runTrigger(() => dailyJobs(), OWNER);
  expect(fake.counter.snapshot()['Range.setValues'] ?? 0).toBe(0);
  expect(records(fake, '案件').map((c) => c['逾期'])).toEqual(before);
  expect(() => dailyDeadlineCheck()).toThrow('定时任务由写入服务每天自动执行');
});

test('the daily check marks overdue cases in one read and one write, and mails each reviewer their own', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'staff');
  expect(saveCase({ requestId: rid(), values: wangXiuying() }).ok).toBe(true);
  expect(saveCase({ requestId: rid(), values: liMing({ emergency: '是' }) }).ok).toBe(true);
  setSetting(fake, '邮件提醒', '是');

  // Mon 13 October: the review was due on Sat 11 October (adjusted working day); the emergency one on 30 September.
  setNow('2025-10-13');
  fake.counter.reset();
  const result = dailyDeadlineCheckInWriter(fake);
  expect(result).toMatchObject({ open: 2, overdue: 2, failures: [] });
  const cases = records(fake, '案件');
  expect(cases.map((c) => [c['职工编号'], day(c['截止日期']), c['逾期']])).toEqual([
    ['H0100001', '2025-10-11', true],
    ['H0100002', '2025-09-30', true],
  ]);
  const counts = fake.counter.snapshot();
  expect(counts['Range.setValues']).toBe(1); // due date and overdue are adjacent: one block
  expect(result.mailed).toBe(1);
  const mails = (fake as unknown as { mails: { to: string; subject: string; body: string }[] }).mails;
  expect(mails).toHaveLength(1);
  expect(mails[0].to).toBe('lina@jszgh.cn');
  expect(mails[0].subject).toBe('【帮扶】您有 2 件逾期案件（2025-10-13）');
  expect(mails[0].body).toContain('H0100001 王秀英');

  // Nothing changed since: the next run writes nothing.
  fake.counter.reset();
  expect(dailyDeadlineCheckInWriter(fake).changed).toBe(0);
  expect(fake.counter.snapshot()['Range.setValues'] ?? 0).toBe(0);
});

test('a case in a year the calendar cannot settle (before the first built-in year) is logged as a failure; the others still update', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'staff');
  expect(saveCase({ requestId: rid(), values: wangXiuying() }).ok).toBe(true);
  typeCase(fake, { 职工编号: 'H0100002', 县区代码: 'H01', 状态: '待审核', 提交日期: new Date(2019, 2, 1), 姓名: '李明', 版本: 1 });
  setNow('2025-10-13');
  const result = dailyDeadlineCheckInWriter(fake);
  expect(result.failures).toHaveLength(1);
  expect(result.failures[0]).toContain('2019');
  expect(records(fake, '案件')[0]['逾期']).toBe(true);
  const log = records(fake, '操作日志');
  expect(log[log.length - 1]).toMatchObject({ 操作: '每日期限检查失败' });
  expect(String(log[log.length - 1]['原因'])).toContain('H0100002');
});

test('the annual re-review marks every active case once, between 1 and 30 April, with a proposal', () => {
  const fake = newWorkbook('2026-03-31');
  const filed = { 县区代码: 'H01', 状态: '已备案', 版本: 3, 致困原因: '因病' };
  typeCase(fake, { ...filed, 职工编号: 'H0100001', 姓名: '王秀英', 身份证号: makeId('420821', '1972-03-15', 12, '女'), 家庭年收入: 24000, 家庭人口: 3 });
  typeCase(fake, { ...filed, 职工编号: 'H0100002', 姓名: '李明', 身份证号: makeId('420821', '1980-11-02', 33, '男'), 家庭年收入: 90000, 家庭人口: 2 });
  typeCase(fake, { ...filed, 状态: '待审核', 职工编号: 'H0100003', 姓名: '赵芳', 家庭年收入: 10000, 家庭人口: 2 });

  expect(annualReviewCheck(fake)).toMatchObject({ marked: 0 });
  setNow('2026-04-01');
  expect(annualReviewCheck(fake)).toEqual({ marked: 2 });
  const cases = records(fake, '案件');
  expect(cases.map((c) => [c['职工编号'], c['复审年度'], c['复审结论'], c['复审建议']])).toEqual([
    ['H0100001', 2026, '低保边缘户', '保留'],
    ['H0100002', 2026, '不符合', '退出'],
    ['H0100003', '', '', ''],
  ]);
  const list = records(fake, '年度复审');
  expect(list.map((r) => [r['职工编号'], r['建议'], day(r['复审截止日期'])])).toEqual([
    ['H0100001', '保留', '2026-04-30'],
    ['H0100002', '退出', '2026-04-30'],
  ]);
  expect(records(fake, '操作日志').filter((r) => r['操作'] === '年度复审标记')).toHaveLength(2);
  // Run again the next day: nothing new.
  setNow('2026-04-02');
  expect(annualReviewCheck(fake)).toEqual({ marked: 0 });
  expect(records(fake, '年度复审')).toHaveLength(2);
});

test('the quarterly reminder goes to county and city unions once, in the first 7 working days of a quarter', () => {
  const fake = newWorkbook('2026-03-31');
  expect(quarterlyReminder(fake).sent).toBe(0);
  setNow('2026-04-01');
  const first = quarterlyReminder(fake);
  expect(first.sent).toBe(3); // 王强 and 孙丽 (county), 陈静 (city)
  const mails = (fake as unknown as { mails: { to: string; subject: string }[] }).mails;
  expect(mails.map((m) => m.to).sort()).toEqual(['chenjing@jmszgh.cn', 'sunli@syzgh.cn', 'wangqiang@jszgh.cn']);
  // Q2 2026: 1–3 April, then 4–6 April off (清明), so the 7th working day is Fri 10 April.
  expect(mails[0].subject).toBe('【帮扶】请于 2026-04-10 前上报2026年第一季度困难职工帮扶统计');
  setNow('2026-04-02');
  expect(quarterlyReminder(fake)).toMatchObject({ sent: 0, skipped: '2026-Q2 已提醒' });
  setNow('2026-04-13');
  expect(quarterlyReminder(fake)).toMatchObject({ sent: 0, skipped: '不在季度初上报期内' });
  expect(records(fake, '操作日志').filter((r) => r['操作'] === '季度统计提醒')).toHaveLength(1);
});

test('the daily job runs all three jobs and logs a failing one without stopping the rest', () => {
  const fake = newWorkbook('2026-04-01');
  as(fake, 'staff');
  expect(saveCase({ requestId: rid(), values: wangXiuying() }).ok).toBe(true);
  // The owner renamed the 逾期 column by hand: the deadline check fails, the reminder still goes out.
  fake.runAs(OWNER, () => {
    const cases = sheet(fake, '案件');
    const header = cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0];
    cases.getRange(1, header.indexOf('逾期') + 1).setValue('是否逾期');
  });
  inWriterTrigger(fake, () => writerDailyJobs());
  const log = records(fake, '操作日志');
  const failed = log.find((r) => r['操作'] === '每日期限检查失败');
  expect(String(failed?.['原因'])).toContain('缺少列：逾期');
  expect(log.map((r) => r['操作'])).toContain('季度统计提醒');
  const mails = (fake as unknown as { mails: unknown[] }).mails;
  expect(mails).toHaveLength(3);
});
