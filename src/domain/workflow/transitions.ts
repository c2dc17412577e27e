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
import { ACTIONS, caseAmount, caseStatus, type ReviewActionKey } from './actions';
import { can, type User } from './permissions';
import { noticeEnd, recomputeDeadline, type DeadlineRules, type WorkdayCalendar } from './deadlines';
import { freezeDecision, type PolicySnapshot } from './snapshot';

type Cell = CaseRecord[string];

export interface ActionContext {
  user: User | null;
  today: CivilDate;
  calendar: WorkdayCalendar;
  rules: DeadlineRules;
  /** Required for 退回, 公示异议 and 退出. */
  reason?: string;
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
}

const MAX_REASON = 500;

/** Apply `action` to case `c`, or throw a BangfuError saying why not. */
export function applyAction(c: CaseRecord, action: ReviewActionKey, ctx: ActionContext): ActionResult {
  const permission = can(ctx.user, action, c, { today: ctx.today });
  if (!permission.ok) throw new BangfuError('workflow.denied', permission.reasonZh, permission.reasonEn);
  const user = ctx.user!;
  const rule = ACTIONS[action];
  const from = caseStatus(c)!;
  const reason = (ctx.reason ?? '').trim();
  if (rule.needsReason && reason === '') {
    throw new BangfuError('workflow.reasonRequired', `“${rule.zh}”须填写原因`, `"${rule.en}" needs a reason`, 'reason');
  }
  if (reason.length > MAX_REASON) {
    throw new BangfuError('workflow.reasonTooLong', `原因不能超过 ${MAX_REASON} 个字`, `The reason may not exceed ${MAX_REASON} characters`, 'reason');
  }
  const amount = ctx.amount === undefined || ctx.amount === null ? null : checkAmount(ctx.amount, rule.amount === 'required' ? 'positive' : 'nonNegative');
  if (rule.amount === 'required' && amount === null) {
    throw new BangfuError('workflow.amountRequired', `“${rule.zh}”须填写金额`, `"${rule.en}" needs an amount`, 'amount');
  }

  const t = ctx.today;
  const patch: Partial<CaseRecord> = { updated_by: user.email };
  switch (action) {
    case 'pass':
      Object.assign(patch, { status: 'notice', notice_start: t, notice_end: noticeEnd(t, ctx.calendar, ctx.rules), return_reason: '' });
      break;
    case 'return':
      Object.assign(patch, { status: 'returned', return_reason: reason });
      if (from === 'approved') Object.assign(patch, { approved_amount: '', decision_snapshot: '' }); // the decision is undone
      break;
    case 'objection':
      Object.assign(patch, {
        status: 'returned',
        return_reason: `公示异议：${reason}`,
        objections: appendObjection(c.objections, { on: t, by: user.email, reason }),
      });
      break;
    case 'end_notice':
      patch.status = 'approval';
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
      Object.assign(patch, { status: 'approved', approved_amount: round2(decided), decision_snapshot: snapshot });
      break;
    }
    case 'file': {
      const assistance = amount ?? caseAmount(c, 'assistance_amount') ?? caseAmount(c, 'approved_amount');
      Object.assign(patch, { status: 'filed', emergency_pending: false, entered_year: caseAmount(c, 'entered_year') ?? yearOf(t) });
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
    case 'resubmit':
      Object.assign(patch, { status: 'submitted', submitted_at: t, notice_start: '', notice_end: '', return_reason: '' });
      break;
    case 'exit':
      Object.assign(patch, { status: 'exited', exited_at: t, exit_reason: reason });
      break;
  }

  // The step's clock starts on the day the case reaches it (deadlines.ts).
  if (rule.to !== null && rule.to !== undefined && rule.to !== from) patch.stage_since = t;
  const merged: CaseRecord = { ...c, ...(patch as CaseRecord) };
  const deadline = recomputeDeadline(merged, t, ctx.calendar, ctx.rules);
  patch.due_date = deadline.due_date;
  patch.overdue = deadline.overdue;

  const to = rule.to ?? from;
  const changedFields = Object.keys(patch)
    .filter((k) => k !== 'updated_by' && cellText(c[k]) !== cellText(patch[k]))
    .map((k) => ({ key: k, before: c[k] ?? '', after: patch[k] as Cell }));
  return { next: patch, audit: { action, from, to, reason, by: user.email, on: t, changedFields } };
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
