/**
 * Every role, as a person who is not the spreadsheet's owner, takes every step of a case's
 * life through the writer, with the protections enforced as Sheets enforces them: each
 * step changes exactly one 案件 row and adds exactly one 操作日志 line, in that person's
 * name, and goes over the wire (the writer and Google's tokeninfo). The same people
 * writing 案件, 操作日志 or 人员权限 by hand are refused, and nothing changes.
 */
import { PROTECTED_MESSAGE } from '../../harness/gas';
import { setNow } from '../../src/server/clock';
import { saveCase } from '../../src/server/intake';
import { reviewAction } from '../../src/server/review';
import { setupSpreadsheet } from '../../src/server/setup';
import { runAnnualReview } from '../../src/server/triggers';
import type { ReviewActionKey } from '../../src/shared/endpoints';
import { OWNER, as, liMing, newWorkbook, people, records, rid, sheet, wangXiuying, writerJob, type Fake, type Person } from '../server/fixtures';

afterAll(() => setNow(null));

type Row = Record<string, unknown>;

function cases(fake: Fake): Row[] {
  return records(fake, '案件');
}

function caseRow(fake: Fake, workerNo: string): Row {
  const row = cases(fake).find((r) => r['职工编号'] === workerNo);
  if (!row) throw new Error(`no case ${workerNo}`);
  return row;
}

const json = (r: Row) => JSON.stringify(r, (_k, v) => (v instanceof Date ? v.toISOString() : v));

/**
 * Runs one step and checks what it wrote: exactly one 案件 row changed or added, exactly
 * one log line, by `who` (null: the writer's own daily job), over the wire when a person acts.
 */
function step(fake: Fake, who: Person | null, label: string, run: () => { ok: boolean; message?: string }): Row {
  const before = cases(fake).map(json);
  const logBefore = records(fake, '操作日志').length;
  if (who) as(fake, who);
  fake.counter.reset();
  const result = run();
  if (!result.ok) throw new Error(`${label}: ${result.message}`);
  if (who) expect(fake.counter.snapshot()['UrlFetchApp.fetch']).toBe(2);
  const after = cases(fake).map(json);
  const changed = after.filter((r, i) => r !== before[i]);
  expect({ label, changed: changed.length, added: after.length - before.length }).toEqual({ label, changed: 1, added: after.length > before.length ? 1 : 0 });
  const log = records(fake, '操作日志');
  expect({ label, lines: log.length - logBefore }).toEqual({ label, lines: 1 });
  const line = log[log.length - 1];
  expect(line['用户']).toBe(who ? people[who].email : '（定时任务）');
  return line;
}

function act(fake: Fake, workerNo: string, action: ReviewActionKey, extra: { reason?: string; amount?: number } = {}) {
  return () => reviewAction({ requestId: rid(action), workerNo, action, version: Number(caseRow(fake, workerNo)['版本']), ...extra });
}

test('every role takes every step through the writer: one 案件 row and one log line each, in their own name', () => {
  const fake = newWorkbook('2025-09-30');
  for (const who of Object.keys(people) as Person[]) expect(people[who].email).not.toBe(OWNER);

  // 张敏 (基层工会) enters 王秀英 and corrects the phone number.
  expect(step(fake, 'staff', '新增', () => saveCase({ requestId: rid('new'), values: wangXiuying() }))).toMatchObject({
    操作: '新增案件',
    职工编号: 'H0100001',
  });
  expect(
    step(fake, 'staff', '修改', () => saveCase({ requestId: rid('edit'), workerNo: 'H0100001', version: 1, values: wangXiuying({ phone: '13872340000' }) })),
  ).toMatchObject({ 操作: '修改案件' });
  expect(caseRow(fake, 'H0100001')['联系电话']).toBe('13872340000');

  // 李娜 (单位工会审核) returns it for a missing receipt; 张敏 sends it again; 李娜 passes it.
  setNow('2025-10-09');
  expect(step(fake, 'reviewer', '退回', act(fake, 'H0100001', 'return', { reason: '缺少医疗费用票据' }))).toMatchObject({ 操作: '退回', 新状态: '已退回' });
  expect(step(fake, 'staff', '重新提交', act(fake, 'H0100001', 'resubmit'))).toMatchObject({ 新状态: '待审核' });
  expect(step(fake, 'reviewer', '审核通过', act(fake, 'H0100001', 'pass'))).toMatchObject({ 操作: '审核通过', 新状态: '公示中' });

  // An objection during the notice (王强, 县区总工会, records it): back to the unit, sent again, passed again.
  setNow('2025-10-10');
  expect(step(fake, 'county', '公示异议', act(fake, 'H0100001', 'objection', { reason: '群众反映家庭收入有出入' }))).toMatchObject({
    操作: '公示异议',
    新状态: '已退回',
  });
  expect(step(fake, 'staff', '重新提交', act(fake, 'H0100001', 'resubmit'))).toMatchObject({ 新状态: '待审核' });
  expect(step(fake, 'reviewer', '审核通过', act(fake, 'H0100001', 'pass'))).toMatchObject({ 新状态: '公示中' });

  // Five working days of notice after Fri 10 October (11 Oct an adjusted working day): ends 16 October.
  setNow('2025-10-17');
  expect(step(fake, 'county', '公示期满', act(fake, 'H0100001', 'end_notice'))).toMatchObject({ 新状态: '待审批' });
  expect(step(fake, 'county', '初审', act(fake, 'H0100001', 'prelim'))).toMatchObject({ 操作: '初审通过', 新状态: '待审批' });
  expect(step(fake, 'city', '审批', act(fake, 'H0100001', 'approve'))).toMatchObject({ 操作: '审批通过', 新状态: '已审批' });
  expect(step(fake, 'province', '备案', act(fake, 'H0100001', 'file'))).toMatchObject({ 操作: '备案', 新状态: '已备案' });
  expect(step(fake, 'province', '抽查', act(fake, 'H0100001', 'spot_check', { reason: '入户核实，情况属实' }))).toMatchObject({
    操作: '抽查核实',
    新状态: '已备案',
  });
  expect(caseRow(fake, 'H0100001')['救助金额（市总填写）']).toBe(1600);

  // An emergency: 李明 is entered, and the county union pays first, before the review.
  setNow('2025-10-20');
  step(fake, 'staff', '新增（紧急）', () => saveCase({ requestId: rid('new'), values: liMing({ emergency: '是' }) }));
  expect(step(fake, 'county', '先行救助', act(fake, 'H0100002', 'mark_paid', { amount: 800 }))).toMatchObject({ 操作: '先行救助发放', 职工编号: 'H0100002' });
  expect(caseRow(fake, 'H0100002')['已发放金额']).toBe(800);

  // The annual re-review in April, by the writer's daily job (as the owner, nobody's click): 王秀英 is marked.
  setNow('2026-04-01');
  expect(step(fake, null, '年度复审', () => ({ ok: writerJob(fake, runAnnualReview).marked === 1 }))).toMatchObject({
    操作: '年度复审标记',
    职工编号: 'H0100001',
  });
  expect(caseRow(fake, 'H0100001')['复审年度']).toBe(2026);

  // 王强 takes her off the roll after the re-review.
  setNow('2026-04-02');
  expect(step(fake, 'county', '退出', act(fake, 'H0100001', 'exit', { reason: '家庭收入已超过低保边缘标准' }))).toMatchObject({
    操作: '退出',
    新状态: '已退出',
  });

  // The administrator repairs the workbook through the writer: nothing written by the administrator's own hand.
  as(fake, 'admin');
  fake.counter.reset();
  expect(setupSpreadsheet().message).toMatch(/表格完好|已修复/);
  expect(fake.counter.snapshot()['UrlFetchApp.fetch']).toBe(2);

  expect(records(fake, '操作日志').map((r) => r['用户'])).not.toContain(OWNER);
});

test('the same people writing 案件, 操作日志 or 人员权限 by hand are refused, and nothing changes', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'staff');
  expect(saveCase({ requestId: rid(), values: wangXiuying() }).ok).toBe(true);
  const snapshot = () => ['案件', '操作日志', '人员权限'].map((n) => JSON.stringify(sheet(fake, n).getDataRange().getValues()));
  const before = snapshot();
  for (const who of Object.keys(people) as Person[]) {
    as(fake, who);
    const tries: [string, () => unknown][] = [
      ['案件 状态', () => sheet(fake, '案件').getRange(2, 3).setValue('已备案')],
      ['案件 姓名', () => sheet(fake, '案件').getRange(2, 4).setValue('张三')],
      ['案件 新行', () => sheet(fake, '案件').appendRow(['H0100099', 'H01', '已备案'])],
      ['操作日志 改一格', () => sheet(fake, '操作日志').getRange(2, 2).setValue('someone@else.cn')],
      ['操作日志 删行', () => sheet(fake, '操作日志').deleteRow(2)],
      ['人员权限 升级', () => sheet(fake, '人员权限').getRange(2, 2).setValue('市总工会')],
      ['人员权限 加人', () => sheet(fake, '人员权限').appendRow([people[who].email, '市总工会', '', '冒名'])],
    ];
    for (const [what, write] of tries) {
      expect({
        who,
        what,
        error: (() => {
          try {
            write();
            return null;
          } catch (e) {
            return (e as Error).message;
          }
        })(),
      }).toEqual({ who, what, error: PROTECTED_MESSAGE });
    }
  }
  expect(snapshot()).toEqual(before);
});
