/**
 * 审批流程 in a workbook (SPEC §2.6): setup writes it (carrying over the stage deadlines the
 * old 期限 table held), an administrator who is not the owner switches chains or adds a
 * version through the draft, and cases in flight keep the chain they started under.
 */
import { saveCase } from '../../src/server/intake';
import { getReviewQueue, reviewAction } from '../../src/server/review';
import { setupSpreadsheet } from '../../src/server/setup';
import { setNow } from '../../src/server/clock';
import { as, day, liMing, newWorkbook, OWNER, records, rid, sheet, wangXiuying, type Fake } from '../server/fixtures';
import { applyDraft, lastAlert, openDraft, snapshot } from './helpers';

afterEach(() => jest.restoreAllMocks());
afterAll(() => setNow(null));

const caseOf = (fake: Fake, no: string) => records(fake, '案件').find((r) => r['职工编号'] === no)!;
const version = (fake: Fake, no: string) => Number(caseOf(fake, no)['版本']);
function act(fake: Fake, no: string, action: Parameters<typeof reviewAction>[0]['action'], extra: Partial<Parameters<typeof reviewAction>[0]> = {}) {
  return reviewAction({ requestId: rid(action), workerNo: no, action, version: version(fake, no), ...extra });
}
function newCase(fake: Fake, values = wangXiuying()): string {
  as(fake, 'staff');
  const r = saveCase({ requestId: rid('new'), values });
  if (!r.ok) throw new Error(r.message);
  return r.workerNo;
}
/** The draft's cells of the rows of `chain` in column `col` (1-based) set to `value`. */
function setColumn(draft: GoogleAppsScript.Spreadsheet.Sheet, chain: string, col: number, value: unknown, where: (row: unknown[]) => boolean = () => true) {
  draft
    .getDataRange()
    .getValues()
    .forEach((r, i) => {
      if (i > 0 && r[0] === chain && where(r)) draft.getRange(i + 1, col).setValue(value);
    });
}
const COL = { to: 3, enabled: 4, name: 6, workdays: 10 };

test('setup writes 审批流程 with seed 001 in use, and moves the stage deadlines an old 期限 table held into it', () => {
  const fake = newWorkbook('2025-09-30');
  const chainRows = sheet(fake, '审批流程').getDataRange().getValues();
  expect(chainRows[0].slice(0, 6)).toEqual(['流程', '生效日期', '失效日期', '启用', '顺序', '环节']);
  expect(chainRows.filter((r) => r[0] === '河北001').map((r) => [r[5], r[3], r[9]])).toEqual([
    ['单位工会审核', '是', 3],
    ['公示', '是', 5],
    ['县区初审', '是', 7],
    ['市总审批', '是', ''],
    ['省总备案', '是', ''],
    ['省总抽查', '是', ''],
  ]);
  // A workbook from before the chain was data: no 审批流程, and its 期限 table holds 审核 = 2 days.
  fake.runAs(OWNER, () => {
    fake.spreadsheet.deleteSheet(sheet(fake, '审批流程') as never);
    const settings = sheet(fake, '设置');
    settings.getRange(settings.getLastRow() + 1, 1, 1, 5).setValues([['审核', 2, '2006-01-01', '', '县总工会通知']]);
  });
  as(fake, 'admin');
  const report = setupSpreadsheet();
  expect(report.created).toContain('审批流程');
  expect(report.message).toContain('设置：期限表中审核的期限已移至“审批流程”表（河北001流程）');
  const review = sheet(fake, '审批流程')
    .getDataRange()
    .getValues()
    .find((r) => r[0] === '河北001' && r[5] === '单位工会审核')!;
  expect(review[9]).toBe(2);
  expect(
    sheet(fake, '设置')
      .getDataRange()
      .getValues()
      .some((r) => r[0] === '审核'),
  ).toBe(false);
  // A new case counts 2 working days: Tue 30 Sep → Thu 9, Fri 10 Oct (1–8 Oct off).
  const no = newCase(fake);
  expect(day(caseOf(fake, no)['截止日期'])).toBe('2025-10-10');
});

test('the administrator switches to seed 004: a case in flight keeps 001, a new one runs under 004 and asks for opinions and seals', () => {
  const fake = newWorkbook('2026-06-01');
  const old = newCase(fake);
  expect(caseOf(fake, old)).toMatchObject({ 审批流程: '河北001@2006-01-01', 当前环节: '单位工会审核' });

  as(fake, 'admin');
  const draft = openDraft(fake, '审批流程');
  setColumn(draft, '河北001', COL.enabled, '否');
  setColumn(draft, '荆门004', COL.enabled, '是');
  const result = applyDraft(fake);
  expect(result).toMatchObject({ ok: true, sheet: '审批流程', changed: 8 });
  expect(records(fake, '操作日志').filter((r) => r['操作'] === '修改配置')).toHaveLength(8);

  const fresh = newCase(fake, liMing());
  expect(caseOf(fake, fresh)).toMatchObject({ 审批流程: '荆门004@2016-01-01', 当前环节: '职工所在单位工会意见', 状态: '待审核' });

  setNow('2026-06-02');
  as(fake, 'reviewer');
  const queue = getReviewQueue().items;
  expect(queue.find((i) => i.workerNo === old)).toMatchObject({ chain: '河北001', stage: '单位工会审核' });
  const item = queue.find((i) => i.workerNo === fresh)!;
  expect(item).toMatchObject({ chain: '荆门004', stage: '职工所在单位工会意见' });
  expect(item.actions.find((a) => a.key === 'pass')).toMatchObject({ needsReason: true, needsStamp: true, reasonIsOpinion: true });
  expect(act(fake, fresh, 'pass', { reason: '情况属实，同意上报' })).toEqual({ ok: false, message: '“职工所在单位工会意见”须加盖公章：请确认已盖章' });
  expect(act(fake, fresh, 'pass', { reason: '情况属实，同意上报', stamped: true })).toMatchObject({ ok: true, status: 'approval' });
  // The case in flight still has its notice (001), the new one goes straight to the 市总.
  expect(act(fake, old, 'pass')).toMatchObject({ ok: true, status: 'notice' });

  setNow('2026-06-05');
  as(fake, 'city');
  expect(act(fake, fresh, 'approve', { reason: '同意纳入帮扶', stamped: true })).toMatchObject({ ok: true, status: 'filed' });
  expect(String(caseOf(fake, fresh)['环节记录'])).toContain('市总工会意见');
  // 004 has no 备案: its approval opens payment, and the decided amount is paid once.
  expect(records(fake, '发放记录').filter((r) => r['职工编号'] === fresh)).toHaveLength(1);
});

test('an edit to the stages of a version cases run under is refused; a new version is taken, for new cases only', () => {
  const fake = newWorkbook('2026-12-01');
  const inFlight = newCase(fake);
  as(fake, 'admin');
  const before = snapshot(fake, '审批流程', '操作日志');
  let draft = openDraft(fake, '审批流程');
  setColumn(draft, '河北001', COL.workdays, 5, (r) => r[5] === '县区初审');
  expect(applyDraft(fake)).toBeNull();
  expect(lastAlert(fake)).toBe(
    '“草稿-审批流程”未写入任何内容：“河北001”（2006-01-01 起）有 1 件案件正按它办理，不能修改或删除这些环节。如需调整，请新增一个生效日期更晚的版本（流程名称相同），并把原版本的“启用”改为“否”或填写失效日期',
  );
  expect(snapshot(fake, '审批流程', '操作日志')).toEqual(before);

  // The version of 2027 (in the same draft, its edit put back): the old one ends on 31 December,
  // the new one gives the county 5 working days.
  draft = openDraft(fake, '审批流程');
  setColumn(draft, '河北001', COL.workdays, 7, (r) => r[5] === '县区初审');
  const values = draft.getDataRange().getValues();
  const hebei = values.filter((r) => r[0] === '河北001');
  setColumn(draft, '河北001', COL.to, '2026-12-31');
  const next = hebei.map((r) => r.map((c, j) => (j === 1 ? '2027-01-01' : j === 2 ? '' : j === 9 && r[5] === '县区初审' ? 5 : c)));
  draft.getRange(draft.getLastRow() + 1, 1, next.length, next[0].length).setValues(next);
  expect(applyDraft(fake)).toMatchObject({ ok: true, added: 6, changed: 6 });

  setNow('2027-01-04');
  const later = newCase(fake, liMing());
  expect(caseOf(fake, later)['审批流程']).toBe('河北001@2027-01-01');
  expect(caseOf(fake, inFlight)['审批流程']).toBe('河北001@2006-01-01');
});

test("under seed 003 the 主管厅局's opinion is the county-level union's field alone, as its stage claims it (专属字段)", () => {
  const fake = newWorkbook('2026-12-01');
  as(fake, 'admin');
  const draft = openDraft(fake, '审批流程');
  setColumn(draft, '河北001', COL.enabled, '否');
  setColumn(draft, '河南003', COL.enabled, '是');
  expect(applyDraft(fake)).toMatchObject({ ok: true });
  const no = newCase(fake);
  as(fake, 'reviewer');
  expect(act(fake, no, 'pass', { reason: '属实', stamped: true })).toMatchObject({ ok: true, status: 'approval' });

  const edit = (opinion: string) =>
    saveCase({ requestId: rid('edit'), workerNo: no, version: version(fake, no), values: wangXiuying({ supervisor_opinion: opinion }) });
  as(fake, 'city');
  const refused = edit('同意');
  expect(refused.ok).toBe(false);
  expect(refused.message).toContain('“上级工会意见”只能由县区总工会修改');
  as(fake, 'county');
  expect(edit('经核实，同意申请')).toMatchObject({ ok: true });
  expect(caseOf(fake, no)['上级工会意见']).toBe('经核实，同意申请');
});
