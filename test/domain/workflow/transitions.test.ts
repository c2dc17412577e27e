import type { CaseRecord } from '../../../src/domain/caseModel';
import { applyAction, readObjections, type ActionContext } from '../../../src/domain/workflow/transitions';
import { readDecision } from '../../../src/domain/workflow/snapshot';
import type { ReviewActionKey } from '../../../src/shared/endpoints';
import type { User } from '../../../src/domain/workflow/permissions';
import { aCase, calendar, city, county, medicalSnapshot, province, refusal, reviewer, rules, shayangReviewer, staff } from './fixtures';
import { readStageRecords } from '../../../src/domain/workflow/stageRecords';

/** A case at the city's approval (市总审批), after the county's 初审. */
const atCity = (o: Partial<CaseRecord> = {}) => aCase({ status: 'approval', stage: '市总审批', notice_end: '2025-10-14', ...o });

function act(c: CaseRecord, action: ReviewActionKey, user: User, today: string, extra: Partial<ActionContext> = {}) {
  return applyAction(c, action, { user, today, calendar, rules, ...extra });
}
/** The case after the action, as the server would write it. */
function after(c: CaseRecord, action: ReviewActionKey, user: User, today: string, extra: Partial<ActionContext> = {}): CaseRecord {
  return { ...c, ...(act(c, action, user, today, extra).next as CaseRecord) };
}

describe('the whole path of seed 001: 申请 → 审核 → 公示 → 县区初审 → 市总审批 → 省总备案 across the 2025 National Day holiday', () => {
  const submitted = aCase();
  const inNotice = after(submitted, 'pass', reviewer, '2025-09-30');
  const inApproval = after(inNotice, 'end_notice', reviewer, '2025-10-15');
  const atCityStage = after(inApproval, 'prelim', county, '2025-10-20');
  const approved = after(atCityStage, 'approve', city, '2025-10-22', { policySnapshot: medicalSnapshot });
  const filed = after(approved, 'file', province, '2025-10-24');

  it('review passes: notice starts that day and runs 5 full working days (Oct 1–8 off, Sat Oct 11 worked)', () => {
    expect(inNotice).toMatchObject({ status: 'notice', notice_start: '2025-09-30', notice_end: '2025-10-14', stage_since: '2025-09-30' });
    // while in notice, the case is due to be handed over on the first working day after it
    expect(inNotice.due_date).toBe('2025-10-15');
  });

  it('the notice can be ended the day after notice_end, not before', () => {
    const e = refusal(() => act(inNotice, 'end_notice', reviewer, '2025-10-14'));
    expect(e.zh).toBe('公示期未满：公示至 2025-10-14（含），2025-10-14 之后方可结束公示');
    // the county's 7 working days run from the hand-over on Wed 15 October: Thu 16 … Fri 24
    expect(inApproval).toMatchObject({ status: 'approval', stage_since: '2025-10-15', due_date: '2025-10-24', overdue: false });
  });

  it('a notice ended late still gives the county its full 7 working days, recomputed on the move', () => {
    const late = act(inNotice, 'end_notice', reviewer, '2025-11-03');
    expect(late.next).toMatchObject({ status: 'approval', stage_since: '2025-11-03', due_date: '2025-11-12', overdue: false });
    expect(late.audit.changedFields.map((f) => f.key)).toEqual(expect.arrayContaining(['status', 'stage_since', 'due_date']));
  });

  it("the county's 初审 hands the case to the city, with no deadline for the city's approval", () => {
    expect(atCityStage).toMatchObject({ status: 'approval', stage: '市总审批', stage_since: '2025-10-20', due_date: '', chain: '河北001@2006-01-01' });
  });

  it('approval by the city takes the suggested amount by default and freezes the decision', () => {
    expect(approved).toMatchObject({ status: 'approved', stage: '省总备案', approved_amount: 1600, due_date: '' });
    const snap = readDecision(approved.decision_snapshot);
    expect(snap).toMatchObject({ scheme: 'medical', amount: 1600, decidedOn: '2025-10-22', decidedBy: city.email, suggestedAmount: 1600 });
  });

  it('the province records the filing; the case enters the archive with its 帮扶金额', () => {
    expect(filed).toMatchObject({ status: 'filed', stage: '', assistance_amount: 1600, entered_year: 2025, emergency_pending: false });
  });

  it('each stage done is recorded in 环节记录: date, stage, who, decision', () => {
    expect(readStageRecords(filed.stage_records).map((r) => [r.on, r.stage, r.by, r.decision])).toEqual([
      ['2025-09-30', '单位工会审核', reviewer.email, '通过'],
      ['2025-10-15', '公示', reviewer.email, '通过'],
      ['2025-10-20', '县区初审', county.email, '通过'],
      ['2025-10-22', '市总审批', city.email, '通过'],
      ['2025-10-24', '省总备案', province.email, '通过'],
    ]);
  });

  it('the province spot-checks the filed case with its finding; the case stays filed', () => {
    expect(refusal(() => act(filed, 'spot_check', province, '2025-12-01')).zh).toBe('“省总抽查”须填写意见');
    const checked = after(filed, 'spot_check', province, '2025-12-01', { reason: '入户核实，情况属实' });
    expect(checked.status).toBe('filed');
    expect(readStageRecords(checked.stage_records).at(-1)).toMatchObject({ stage: '省总抽查', decision: '已抽查', opinion: '入户核实，情况属实' });
  });

  it('a county exits a filed case with a reason', () => {
    expect(refusal(() => act(filed, 'exit', county, '2026-04-20')).zh).toBe('“退出”须填写原因');
    const exited = after(filed, 'exit', county, '2026-04-20', { reason: '2026年复审：已再就业，家庭人均收入高于低保线' });
    expect(exited).toMatchObject({ status: 'exited', exited_at: '2026-04-20', exit_reason: '2026年复审：已再就业，家庭人均收入高于低保线' });
  });

  it('an approved amount set by the city replaces the suggestion, to the fen', () => {
    const other = after(atCityStage, 'approve', city, '2025-10-22', { amount: 2000.5, policySnapshot: medicalSnapshot });
    expect(other.approved_amount).toBe(2000.5);
    expect(readDecision(other.decision_snapshot).amount).toBe(2000.5);
  });
});

describe('the audit entry', () => {
  it('records from, to, who, why and each changed field with before and after', () => {
    const { audit } = act(aCase({ status: 'notice', notice_start: '2025-09-30', notice_end: '2025-10-14' }), 'return', reviewer, '2025-10-09', {
      reason: '家庭收入材料缺失',
    });
    expect(audit).toMatchObject({ action: 'return', from: 'notice', to: 'returned', reason: '家庭收入材料缺失', by: reviewer.email, on: '2025-10-09' });
    expect(audit.changedFields).toEqual(
      expect.arrayContaining([
        { key: 'status', before: 'notice', after: 'returned' },
        { key: 'return_reason', before: '', after: '家庭收入材料缺失' },
        { key: 'due_date', before: '2025-10-11', after: '' },
      ]),
    );
    expect(audit.changedFields.map((f) => f.key)).not.toContain('overdue'); // unchanged fields are left out
  });

  it('never changes the case it was given', () => {
    const c = Object.freeze(aCase());
    const copy = { ...c };
    act(c, 'pass', reviewer, '2025-09-30');
    expect(c).toEqual(copy);
  });
});

describe('return stops the clock; resubmission restarts it', () => {
  it('returned cases have no due date and are never overdue', () => {
    const returned = after(aCase(), 'return', reviewer, '2025-10-09', { reason: '身份证复印件不清晰' });
    expect(returned).toMatchObject({ status: 'returned', due_date: '', overdue: false, return_reason: '身份证复印件不清晰' });
  });

  it('resubmitting counts 3 new working days from the resubmission day (2026 Spring Festival)', () => {
    const returned = after(aCase(), 'return', reviewer, '2025-10-09', { reason: '身份证复印件不清晰' });
    // Thu 2026-02-12 → Fri 13, Sat 14 (worked), then Feb 15–23 off → Tue 24
    const again = after(returned, 'resubmit', staff, '2026-02-12');
    expect(again).toMatchObject({
      status: 'submitted',
      submitted_at: '2026-02-12',
      due_date: '2026-02-24',
      return_reason: '',
      notice_start: '',
      notice_end: '',
    });
  });

  it('return needs a reason, in zh', () => {
    expect(refusal(() => act(aCase(), 'return', reviewer, '2025-10-09', { reason: '  ' })).zh).toBe('“退回”须填写原因');
  });

  it('each step returns by the role whose step it is', () => {
    expect(after(aCase({ status: 'approval', notice_end: '2025-10-14' }), 'return', county, '2025-10-16', { reason: '材料不全' }).status).toBe('returned');
    expect(after(atCity(), 'return', city, '2025-10-22', { reason: '收入证明与社保记录不符' })).toMatchObject({ status: 'returned', stage: '' });
    // 001's 省总备案 may not return (审批流程: 可退回 否): the approval stands.
    expect(refusal(() => act(aCase({ status: 'approved', stage: '省总备案' }), 'return', city, '2025-10-22', { reason: '收入不实' })).zh).toBe(
      '“省总备案”环节不能退回案件',
    );
    expect(refusal(() => act(aCase({ status: 'approval' }), 'return', reviewer, '2025-10-16', { reason: '材料不全' })).zh).toBe(
      '“退回”须由县区总工会办理，您的角色是单位工会审核',
    );
  });
});

describe('objections during the notice', () => {
  const inNotice = aCase({ status: 'notice', notice_start: '2025-09-30', notice_end: '2025-10-14' });

  it('return the case and are recorded', () => {
    const objected = after(inNotice, 'objection', reviewer, '2025-10-10', { reason: '同事反映其配偶经营个体商店，收入未申报' });
    expect(objected).toMatchObject({ status: 'returned', return_reason: '公示异议：同事反映其配偶经营个体商店，收入未申报' });
    expect(readObjections(objected.objections)).toEqual([{ on: '2025-10-10', by: reviewer.email, reason: '同事反映其配偶经营个体商店，收入未申报' }]);
  });

  it('keep earlier objections when another one comes', () => {
    const first = after(inNotice, 'objection', reviewer, '2025-10-10', { reason: '收入未申报' });
    const second = after({ ...first, status: 'notice' }, 'objection', county, '2025-10-20', { reason: '住房情况不实' });
    expect(readObjections(second.objections).map((o) => o.reason)).toEqual(['收入未申报', '住房情况不实']);
  });

  it('need a reason and happen only during the notice', () => {
    expect(refusal(() => act(inNotice, 'objection', reviewer, '2025-10-10')).zh).toBe('“公示异议”须填写原因');
    expect(refusal(() => act(aCase(), 'objection', reviewer, '2025-10-10', { reason: '有异议' })).zh).toBe('案件当前状态为“待审核”，不能“公示异议”');
  });
});

describe('the emergency path: help first, complete the steps afterwards', () => {
  const urgent = aCase({ emergency: '是', submitted_at: '2025-10-03', due_date: '2025-10-03' });

  it('an emergency is due the same day, even on a holiday', () => {
    const resubmitted = after({ ...urgent, status: 'returned' }, 'resubmit', staff, '2025-10-03');
    expect(resubmitted.due_date).toBe('2025-10-03');
  });

  it('the county pays before approval; the case stays flagged until it is filed', () => {
    const paid = after(urgent, 'mark_paid', county, '2025-10-03', { amount: 3000 });
    expect(paid).toMatchObject({ status: 'submitted', paid_amount: 3000, paid_at: '2025-10-03', emergency_pending: true });
    const inNotice = after(paid, 'pass', reviewer, '2025-10-09');
    const inApproval = after(inNotice, 'end_notice', county, '2025-10-17');
    const atCityStage = after(inApproval, 'prelim', county, '2025-10-17');
    const approved = after(atCityStage, 'approve', city, '2025-10-17', { policySnapshot: medicalSnapshot });
    expect(approved.emergency_pending).toBe(true);
    const filed = after(approved, 'file', city, '2025-10-20');
    expect(filed.emergency_pending).toBe(false);
  });

  it('pays only emergency cases, only once, only before approval, only a positive amount', () => {
    expect(refusal(() => act(aCase(), 'mark_paid', county, '2025-10-03', { amount: 3000 })).zh).toBe('只有标为“紧急”的案件可以先行救助发放');
    const paid = after(urgent, 'mark_paid', county, '2025-10-03', { amount: 3000 });
    expect(refusal(() => act(paid, 'mark_paid', city, '2025-10-04', { amount: 3000 })).zh).toBe('该案件已先行发放，不能重复发放');
    expect(refusal(() => act({ ...urgent, status: 'approved' }, 'mark_paid', county, '2025-10-20', { amount: 3000 })).zh).toBe(
      '案件当前状态为“已审批”，不能“先行救助发放”',
    );
    expect(refusal(() => act(urgent, 'mark_paid', county, '2025-10-03')).zh).toBe('“先行救助发放”须填写金额');
    expect(refusal(() => act(urgent, 'mark_paid', county, '2025-10-03', { amount: 0 })).zh).toBe('金额应大于 0');
  });
});

describe('refusals', () => {
  it('nobody passes or approves a case they entered', () => {
    const byReviewer = aCase({ created_by: reviewer.email });
    expect(refusal(() => act(byReviewer, 'pass', reviewer, '2025-09-30')).zh).toBe('不能对自己录入的案件“审核通过”，请由其他人员办理');
    const byCity = atCity({ created_by: city.email.toUpperCase() });
    expect(refusal(() => act(byCity, 'approve', city, '2025-10-20', { policySnapshot: medicalSnapshot })).zh).toBe(
      '不能对自己录入的案件“审批通过”，请由其他人员办理',
    );
  });

  it('a reviewer of another county', () => {
    const e = refusal(() => act(aCase(), 'pass', shayangReviewer, '2025-09-30'));
    expect(e.zh).toBe('该案件属于县区 H01，不在您的管辖范围（H02）');
    expect(e.en).toContain('outside your scope');
  });

  it('staff cannot approve, and an unknown user can do nothing', () => {
    expect(refusal(() => act(atCity(), 'approve', staff, '2025-10-20')).zh).toBe('“审批通过”须由市总工会办理，您的角色是基层工会');
    expect(refusal(() => act(aCase({ status: 'approval' }), 'approve', county, '2025-10-20')).zh).toBe('案件当前环节为“县区初审”，不能“审批通过”');
    expect(refusal(() => applyAction(aCase(), 'pass', { user: null, today: '2025-09-30', calendar, rules })).zh).toBe('您不在“人员权限”表中，不能办理案件');
  });

  it('an action that does not apply in the status', () => {
    expect(refusal(() => act(aCase(), 'file', city, '2025-10-01')).zh).toBe('案件当前状态为“待审核”，不能“备案”');
    expect(refusal(() => act(aCase({ status: 'exited' }), 'resubmit', staff, '2025-10-01')).zh).toBe('案件当前状态为“已退出”，不能“重新提交”');
  });

  it('approval without a suggested or entered amount, or without the relief snapshot', () => {
    const noSuggestion = atCity({ suggested_amount: '' });
    expect(refusal(() => act(noSuggestion, 'approve', city, '2025-10-20', { policySnapshot: medicalSnapshot })).zh).toBe(
      '没有建议救助金额，请填写核定救助金额',
    );
    expect(refusal(() => act(atCity(), 'approve', city, '2025-10-20')).code).toBe('snapshot.missing');
  });

  it('amounts must be money: not negative, at most two decimals', () => {
    const c = atCity();
    expect(refusal(() => act(c, 'approve', city, '2025-10-20', { amount: -1, policySnapshot: medicalSnapshot })).zh).toBe('金额不能为负数');
    expect(refusal(() => act(c, 'approve', city, '2025-10-20', { amount: 100.005, policySnapshot: medicalSnapshot })).zh).toBe('金额最多精确到分（两位小数）');
  });

  it('a case status typed in Chinese is understood', () => {
    expect(after(aCase({ status: '待审核' }), 'pass', reviewer, '2025-09-30').status).toBe('notice');
  });

  it('the person who entered a returned case may resubmit it whatever their role', () => {
    const returned = aCase({ status: 'returned', created_by: reviewer.email });
    expect(after(returned, 'resubmit', reviewer, '2025-10-09').status).toBe('submitted');
    expect(refusal(() => act(aCase({ status: 'returned' }), 'resubmit', county, '2025-10-09')).zh).toBe('“重新提交”须由基层工会办理，您的角色是县区总工会');
  });
});
