/**
 * A new spreadsheet goes from setup to a filed case through the menu and the endpoints,
 * on the real 2025 National Day calendar, and every step leaves its line in 操作日志.
 */
import { setNow } from '../../src/server/clock';
import { onOpen } from '../../src/server/menu';
import { openIntake, previewCase, saveCase, getIntakeForm } from '../../src/server/intake';
import { getReviewQueue, openReview, reviewAction } from '../../src/server/review';
import { OWNER, as, day, newWorkbook, records, rid, sheet, wangXiuying, type Fake } from './fixtures';

function caseRow(fake: Fake, workerNo: string): Record<string, unknown> {
  const row = records(fake, '案件').find((r) => r['职工编号'] === workerNo);
  if (!row) throw new Error(`no case ${workerNo}`);
  return row;
}

function lastLog(fake: Fake): Record<string, unknown> {
  const log = records(fake, '操作日志');
  return log[log.length - 1];
}

function act(fake: Fake, workerNo: string, action: Parameters<typeof reviewAction>[0]['action'], extra: { reason?: string; amount?: number } = {}) {
  const version = Number(caseRow(fake, workerNo)['版本']);
  return reviewAction({ requestId: rid(action), workerNo, action, version, ...extra });
}

afterAll(() => setNow(null));

test('a case goes from intake to filing, each step on the working-day calendar and in the audit log', () => {
  const fake = newWorkbook('2025-09-30');

  // The menu and the sidebars.
  onOpen({ authMode: ScriptApp.AuthMode.LIMITED } as GoogleAppsScript.Events.SheetsOnOpen);
  as(fake, 'staff');
  openIntake();
  openReview();

  // 张敏 (grassroots staff, 京山) enters 王秀英 on Tue 30 September 2025.
  const form = getIntakeForm();
  expect(form.user.role).toBe('staff');
  expect(form.fields.map((f) => f.key)).toContain('id_number');
  const preview = previewCase(wangXiuying());
  expect(preview.derived.sex).toBe('女');
  expect(preview.derived.per_capita_income).toBe(6000);
  expect(preview.derived.suggested_amount).toBe(1600);
  expect(preview.errors).toEqual([]);

  const saved = saveCase({ requestId: rid('new'), values: wangXiuying() });
  expect(saved).toMatchObject({ ok: true, workerNo: 'H0100001', created: true, version: 1 });
  let row = caseRow(fake, 'H0100001');
  expect(row['状态']).toBe('待审核');
  expect(row['县区代码']).toBe('H01');
  expect(row['姓名']).toBe('王秀英');
  expect(row['建议救助金额']).toBe(1600);
  // 3 working days after Tue 30 Sep 2025 is Sat 11 Oct (1–8 Oct off, 11 Oct an adjusted working day).
  expect(day(row['截止日期'])).toBe('2025-10-11');
  expect(row['录入人']).toBe('zhangmin@jszgh.cn');
  expect(lastLog(fake)).toMatchObject({ 用户: 'zhangmin@jszgh.cn', 职工编号: 'H0100001', 操作: '新增案件', 新状态: '待审核' });
  // The log reads as Chinese: each field by its label, never a JSON key.
  expect(String(lastLog(fake)['变更字段'])).toContain(`身份证号：（空） → ${String(wangXiuying().id_number)}`);
  expect(String(lastLog(fake)['变更字段'])).toContain('姓名：（空） → 王秀英');
  expect(String(lastLog(fake)['变更字段'])).not.toMatch(/"field"|id_number/);

  // 李娜 (unit reviewer) sees it in her queue and passes it on Thu 9 October.
  setNow('2025-10-09');
  as(fake, 'reviewer');
  const queue = getReviewQueue();
  expect(queue.items.map((i) => i.workerNo)).toEqual(['H0100001']);
  expect(queue.items[0].actions.map((a) => a.key)).toEqual(expect.arrayContaining(['pass', 'return']));
  expect(queue.items[0].reliefExplain).toMatch(/1,?600\.00/);
  expect(act(fake, 'H0100001', 'pass')).toMatchObject({ ok: true, status: 'notice', statusLabel: '公示中' });
  row = caseRow(fake, 'H0100001');
  expect(row['状态']).toBe('公示中');
  expect(day(row['公示开始'])).toBe('2025-10-09');
  // Five full working days of notice after the posting day: 10, 11 (adjusted), 13, 14, 15 October.
  expect(day(row['公示结束'])).toBe('2025-10-15');
  expect(lastLog(fake)).toMatchObject({ 用户: 'lina@jszgh.cn', 操作: '审核通过', 原状态: '待审核', 新状态: '公示中' });

  // The notice cannot be ended on its last day; the day after, it can.
  setNow('2025-10-15');
  const early = act(fake, 'H0100001', 'end_notice');
  expect(early.ok).toBe(false);
  expect(early.ok === false && early.message).toContain('公示期未满');
  setNow('2025-10-16');
  expect(act(fake, 'H0100001', 'end_notice')).toMatchObject({ ok: true, status: 'approval' });
  expect(lastLog(fake)).toMatchObject({ 操作: '公示期满', 原状态: '公示中', 新状态: '待审批' });

  // 王强 (county union) does the 初审 on Fri 17 October (seed 001: within 7 working days of the hand-over).
  setNow('2025-10-17');
  as(fake, 'county');
  expect(getReviewQueue().items[0]).toMatchObject({ stage: '县区初审', dueDate: '2025-10-27', chain: '河北001' });
  expect(getReviewQueue().items[0].actions.map((a) => a.key)).toEqual(['return', 'prelim']);
  expect(act(fake, 'H0100001', 'approve')).toMatchObject({ ok: false, message: '案件当前环节为“县区初审”，不能“审批通过”' });
  expect(act(fake, 'H0100001', 'prelim')).toMatchObject({ ok: true, status: 'approval' });
  row = caseRow(fake, 'H0100001');
  expect(row).toMatchObject({ 当前环节: '市总审批', 审批流程: '河北001@2006-01-01', 截止日期: '' });
  expect(lastLog(fake)).toMatchObject({ 用户: 'wangqiang@jszgh.cn', 操作: '初审通过', 原状态: '待审批', 新状态: '待审批' });
  expect(String(lastLog(fake)['变更字段'])).toContain('当前环节：县区初审 → 市总审批');

  // 陈静 (city union) approves on Mon 20 October: the snapshot freezes the policy of the day.
  setNow('2025-10-20');
  as(fake, 'city');
  expect(getReviewQueue().items.map((i) => [i.workerNo, i.stage])).toEqual([['H0100001', '市总审批']]);
  expect(act(fake, 'H0100001', 'approve')).toMatchObject({ ok: true, status: 'approved' });
  row = caseRow(fake, 'H0100001');
  expect(row['核定救助金额']).toBe(1600);
  const snapshot = JSON.parse(String(row['审批快照']));
  expect(snapshot).toMatchObject({ scheme: 'medical', amount: 1600, decidedOn: '2025-10-20', decidedBy: 'chenjing@jmszgh.cn' });
  expect(lastLog(fake)).toMatchObject({ 用户: 'chenjing@jmszgh.cn', 操作: '审批通过', 新状态: '已审批' });
  // The approval opens payment (先建档、后帮扶; 001's 备案 does not hold it): the decided amount goes to the family's card.
  const paid = () => records(fake, '发放记录').map((r) => [r['职工编号'], r['发放金额（元）'], r['经办人']]);
  expect(paid()).toEqual([['H0100001', 1600, 'chenjing@jmszgh.cn']]);

  // The owner raises the 20,000–50,000 band to 9 % (救助标准 is the owner's alone): new suggestions change, the decision does not.
  fake.runAs(OWNER, () => editPolicyRate(fake, 20000, 0.09));
  as(fake, 'staff');
  expect(previewCase(wangXiuying()).derived.suggested_amount).toBe(1800);
  expect(JSON.parse(String(caseRow(fake, 'H0100001')['审批快照']))).toEqual(snapshot);

  // The city sends the archive to the province, which records the filing (备案) and later spot-checks it.
  as(fake, 'province');
  expect(act(fake, 'H0100001', 'file')).toMatchObject({ ok: true, status: 'filed', statusLabel: '已备案' });
  row = caseRow(fake, 'H0100001');
  expect(row['状态']).toBe('已备案');
  expect(row['救助金额（市总填写）']).toBe(1600);
  expect(JSON.parse(String(row['审批快照']))).toEqual(snapshot);
  expect(lastLog(fake)).toMatchObject({ 用户: 'zhoujie@hbszgh.org.cn', 操作: '备案', 原状态: '已审批', 新状态: '已备案' });
  expect(paid()).toHaveLength(1); // the filing pays nothing more
  expect(getReviewQueue().items.map((i) => i.actions.map((a) => a.key))).toEqual([['spot_check']]);
  expect(act(fake, 'H0100001', 'spot_check', { reason: '电话回访，情况属实' })).toMatchObject({ ok: true, status: 'filed' });
  expect(getReviewQueue().items).toEqual([]);
  expect(String(caseRow(fake, 'H0100001')['环节记录'])).toContain('省总抽查');

  // One log line per step, in order.
  expect(records(fake, '操作日志').map((r) => r['操作'])).toEqual(['新增案件', '审核通过', '公示期满', '初审通过', '审批通过', '备案', '抽查核实']);
  expect(Number(caseRow(fake, 'H0100001')['版本'])).toBe(7);
});

/** Sets the rate of every 救助标准 row whose lower bound is `lower`, as the owner would type it. */
function editPolicyRate(fake: Fake, lower: number, rate: number): void {
  const s = sheet(fake, '救助标准');
  const values = s.getDataRange().getValues();
  const header = values[0].map(String);
  const lowerCol = header.findIndex((h) => h === '下限');
  const rateCol = header.findIndex((h) => h === '比例');
  let edited = 0;
  values.forEach((r, i) => {
    if (i > 0 && Number(r[lowerCol]) === lower && r[rateCol] !== '') {
      s.getRange(i + 1, rateCol + 1).setValue(rate);
      edited++;
    }
  });
  expect(edited).toBeGreaterThan(0);
}
