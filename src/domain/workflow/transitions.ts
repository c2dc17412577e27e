/**
 * One workflow step on one case: check it is allowed, then compute the patch to write and
 * the audit entry (操作日志) describing it. Pure: the input case is never mutated, "today"
 * and the calendar come in, and a refusal is a thrown BangfuError with a zh message.
 * The server writes `next` and `audit` together under the document lock.
 */
import { isDate } from '../civilDate';
import { BangfuError } from '../errors';
import type { CaseRecord, CaseStatus } from '../caseModel';
import { yearOf, type CivilDate } from '../civilDate';
import { rowsOf, rowsText, textOf, type ValueFieldDef } from '../forms/values';
import { ACTIONS, caseAmount, caseStatus, stageCompletedBy, type ReviewActionKey } from './actions';
import { can, type User } from './permissions';
import { noticeEnd, recomputeDeadline, type WorkflowRules, type WorkdayCalendar } from './deadlines';
import { chainOf, currentStage, nextStage, paymentAllowed, statusAt } from './chain';
import { appendStageRecord } from './stageRecords';
import { freezeDecision, type PolicySnapshot } from './snapshot';

type Cell = CaseRecord[string];

export interface ActionContext {
  user: User | null;
  today: CivilDate;
  calendar: WorkdayCalendar;
  rules: WorkflowRules;
  /** Required for 退回, 公示异议, 退出, 抽查 and at a stage that records an opinion (the opinion's text). */
  reason?: string;
  /** The actor confirms the seal was applied, at a stage that records 盖章. */
  stamped?: boolean;
  /** Yuan: the approved amount (approve, defaults to suggested_amount), the payment (mark_paid), the 帮扶金额 (file). */
  amount?: number | null;
  /** The relief computation behind an approval; frozen into decision_snapshot. */
  policySnapshot?: PolicySnapshot;
}

export interface ChangedField {
  key: string;
  before: Cell;
  after: Cell;
}

export interface AuditEntry {
  action: ReviewActionKey;
  from: CaseStatus;
  to: CaseStatus;
  reason: string;
  by: string;
  on: CivilDate;
  changedFields: ChangedField[];
}

export interface ActionResult {
  /** Only the columns that change. */
  next: Partial<CaseRecord>;
  audit: AuditEntry;
  /** This step is the one after which money may go out (its chain's payment gate opened): it pays the decided amount. */
  opensPayment: boolean;
}

const MAX_REASON = 500;

/** Apply `action` to case `c`, or throw a BangfuError saying why not. */
export function applyAction(c: CaseRecord, action: ReviewActionKey, ctx: ActionContext): ActionResult {
  const chains = ctx.rules.chains;
  const permission = can(ctx.user, action, c, { today: ctx.today, chains });
  if (!permission.ok) throw new BangfuError('workflow.denied', permission.reasonZh, permission.reasonEn);
  const user = ctx.user!;
  const rule = ACTIONS[action];
  const from = caseStatus(c)!;
  const chain = chainOf(chains, c);
  const stage = currentStage(chain, c);
  const completes = stageCompletedBy(action, chain, stage, user.role);
  const reason = (ctx.reason ?? '').trim();
  const needsOpinion = completes !== null && completes.records.includes('opinion');
  if ((rule.needsReason || needsOpinion) && reason === '') {
    throw needsOpinion
      ? new BangfuError('workflow.opinionRequired', `“${completes!.name}”须填写意见`, `"${completes!.name}" needs an opinion`, 'reason')
      : new BangfuError('workflow.reasonRequired', `“${rule.zh}”须填写原因`, `"${rule.en}" needs a reason`, 'reason');
  }
  if (reason.length > MAX_REASON) {
    throw new BangfuError('workflow.reasonTooLong', `原因不能超过 ${MAX_REASON} 个字`, `The reason may not exceed ${MAX_REASON} characters`, 'reason');
  }
  if (completes !== null && completes.records.includes('stamp') && ctx.stamped !== true) {
    throw new BangfuError(
      'workflow.stampRequired',
      `“${completes.name}”须加盖公章：请确认已盖章`,
      `"${completes.name}" needs the union's seal: confirm it was applied`,
      'stamped',
    );
  }
  const amount = ctx.amount === undefined || ctx.amount === null ? null : checkAmount(ctx.amount, rule.amount === 'required' ? 'positive' : 'nonNegative');
  if (rule.amount === 'required' && amount === null) {
    throw new BangfuError('workflow.amountRequired', `“${rule.zh}”须填写金额`, `"${rule.en}" needs an amount`, 'amount');
  }

  const t = ctx.today;
  // Where the case goes: the chain's next stage for a stage action, the rule's status otherwise.
  const next = rule.to === 'next' && stage !== null ? nextStage(chain, stage) : null;
  const to: CaseStatus = rule.to === 'next' ? statusAt(chain, next) : (rule.to ?? from);
  // The version is pinned on the case the first time it moves (cases from before the chain was data).
  const patch: Partial<CaseRecord> = { updated_by: user.email, chain: chain.id };
  if (rule.to === 'next') patch.stage = next?.name ?? '';
  switch (action) {
    case 'pass':
      patch.return_reason = '';
      break;
    case 'return':
      Object.assign(patch, { status: 'returned', return_reason: reason, stage: '' });
      if (from === 'approved') Object.assign(patch, { approved_amount: '', decision_snapshot: '' }); // the decision is undone
      break;
    case 'objection':
      Object.assign(patch, {
        status: 'returned',
        stage: '',
        return_reason: `公示异议：${reason}`,
        objections: appendObjection(c.objections, { on: t, by: user.email, reason }),
      });
      break;
    case 'approve': {
      const decided = amount ?? caseAmount(c, 'suggested_amount');
      if (decided === null || decided < 0) {
        throw new BangfuError('workflow.amountRequired', '没有建议救助金额，请填写核定救助金额', 'No suggested amount: enter the approved amount', 'amount');
      }
      if (!ctx.policySnapshot) {
        throw new BangfuError(
          'snapshot.missing',
          '审批时缺少救助标准快照，请重新计算救助金额后再审批',
          'The relief computation is missing; recompute before approving',
        );
      }
      const snapshot = freezeDecision({ ...ctx.policySnapshot, decidedOn: t, decidedBy: user.email, amount: round2(decided) });
      Object.assign(patch, { approved_amount: round2(decided), decision_snapshot: snapshot });
      break;
    }
    case 'file': {
      const assistance = amount ?? caseAmount(c, 'assistance_amount') ?? caseAmount(c, 'approved_amount');
      if (assistance !== null) patch.assistance_amount = round2(assistance);
      break;
    }
    case 'mark_paid':
      Object.assign(patch, { paid_amount: round2(amount!), paid_at: t, emergency_pending: true });
      break;
    case 'pay':
      // The case keeps its latest payment for people reading 案件; the ledger keeps every one.
      Object.assign(patch, { paid_amount: round2(amount!), paid_at: t });
      break;
    case 'resubmit': {
      // Back to the first stage of the chain it started under.
      const first = chain.stages[0];
      Object.assign(patch, { stage: first.name, submitted_at: t, notice_start: '', notice_end: '', return_reason: '' });
      break;
    }
    case 'exit':
      Object.assign(patch, { exited_at: t, exit_reason: reason, stage: '' });
      break;
  }
  const status: CaseStatus = action === 'resubmit' ? statusAt(chain, chain.stages[0]) : to;
  if (status !== from) patch.status = status;
  // A notice starts the day the stage before it is done and lasts the notice stage's working days.
  const entered = action === 'resubmit' ? chain.stages[0] : next;
  if (entered?.kind === 'notice') Object.assign(patch, { notice_start: t, notice_end: noticeEnd(t, ctx.calendar, entered) });
  // The chain is complete: the case enters the archive (建档) and a payment made first is covered.
  if (rule.to === 'next' && status === 'filed') {
    Object.assign(patch, { emergency_pending: false, entered_year: caseAmount(c, 'entered_year') ?? yearOf(t) });
  }
  if (completes !== null) {
    patch.stage_records = appendStageRecord(c.stage_records, {
      on: t,
      stage: completes.name,
      by: user.email,
      decision: action === 'spot_check' ? '已抽查' : '通过',
      opinion: reason,
      stamp: completes.records.includes('stamp') ? '已盖章' : '',
    });
  } else if ((action === 'return' || action === 'objection') && stage !== null) {
    patch.stage_records = appendStageRecord(c.stage_records, { on: t, stage: stage.name, by: user.email, decision: '退回', opinion: reason, stamp: '' });
  }

  // The step's clock starts on the day the case reaches it (deadlines.ts).
  if (status !== from || (patch.stage !== undefined && patch.stage !== textOf(c.stage))) patch.stage_since = t;
  const merged: CaseRecord = { ...c, ...(patch as CaseRecord) };
  const deadline = recomputeDeadline(merged, t, ctx.calendar, ctx.rules);
  patch.due_date = deadline.due_date;
  patch.overdue = deadline.overdue;

  const changedFields = Object.keys(patch)
    .filter((k) => k !== 'updated_by' && cellText(c[k]) !== cellText(patch[k]))
    .map((k) => ({ key: k, before: c[k] ?? '', after: patch[k] as Cell }));
  const opensPayment = !paymentAllowed(chain, c) && paymentAllowed(chain, merged);
  return { next: patch, audit: { action, from, to: status, reason, by: user.email, on: t, changedFields }, opensPayment };
}

/** Money in yuan to the fen: finite, not negative (a payment must be positive), at most 2 decimals. */
function checkAmount(v: number, kind: 'positive' | 'nonNegative'): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new BangfuError('workflow.amountInvalid', '金额应为数字', 'The amount must be a number', 'amount');
  if (v < 0 || (kind === 'positive' && v === 0)) {
    throw new BangfuError(
      'workflow.amountInvalid',
      kind === 'positive' ? '金额应大于 0' : '金额不能为负数',
      kind === 'positive' ? 'The amount must be above 0' : 'The amount may not be negative',
      'amount',
    );
  }
  if (Math.abs(Math.round(v * 100) - v * 100) > 1e-6)
    throw new BangfuError('workflow.amountInvalid', '金额最多精确到分（两位小数）', 'The amount has more than two decimals', 'amount');
  return v;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

function cellText(v: unknown): string {
  return isDate(v) ? textOf(v) : String(v ?? '');
}

export interface Objection {
  on: CivilDate;
  by: string;
  reason: string;
}

/**
 * 异议记录 as people read it, one entry per objection: 2026-11-20（记录人：li@example.cn，
 * 异议：群众反映其配偶另有收入）；… — the table-row text of forms/values.ts, so it reads back
 * exactly (a reason with ， or ； is quoted). Cells of earlier versions (JSON) still read; a
 * note typed by hand is kept as the first entry.
 */
export const OBJECTION_COLUMNS = [
  { key: 'on', zh: '日期', type: 'date', options: [] },
  { key: 'by', zh: '记录人', type: 'text', options: [] },
  { key: 'reason', zh: '异议', type: 'text', options: [] },
] as const satisfies readonly (ValueFieldDef & { zh: string })[];

export function readObjections(cell: unknown): Objection[] {
  const s = textOf(cell);
  if (s === '') return [];
  const rows = rowsOf(s, { columns: [...OBJECTION_COLUMNS] });
  const list = (rows ?? []).map((r) => ({ on: textOf(r.on), by: textOf(r.by), reason: textOf(r.reason) }));
  // Free text (有人反映…) also "reads" as one row whose date is the whole text: not ours.
  if (rows !== null && list.every((o) => /^\d{4}-\d{2}-\d{2}$/.test(o.on) || (o.on === '' && o.reason !== ''))) return list;
  return [{ on: '', by: '', reason: s }];
}

export function objectionsText(list: readonly Objection[]): string {
  return rowsText(OBJECTION_COLUMNS, list as unknown as Record<string, unknown>[]);
}

function appendObjection(cell: unknown, o: Objection): string {
  return objectionsText([...readObjections(cell), o]);
}
