/**
 * The case lifecycle as one table (SPEC §1, §2; seed 001 §2 申请 → 审核 → 公示 → 审批 → 备案):
 * which action applies in which status, who takes it, where it leads and what it asks for.
 * permissions.ts and transitions.ts both read this table, so a rule lives in one place.
 */
import type { CaseRecord, CaseStatus, Role } from '../caseModel';
import { parseStatus, STATUS_LABELS } from '../caseModel';
import { coerceCivil, type CivilDate } from '../civilDate';
import type { Locale } from '../errors';
import { isYes, numberOf, textOf } from '../forms/values';

export const ACTION_KEYS = ['pass', 'return', 'objection', 'end_notice', 'approve', 'file', 'mark_paid', 'pay', 'resubmit', 'exit'] as const;
export type ReviewActionKey = (typeof ACTION_KEYS)[number];

export interface ActionRule {
  zh: string;
  en: string;
  /** Statuses the action applies in. */
  from: readonly CaseStatus[];
  /** The status after it; null = status unchanged (an emergency payment). */
  to: CaseStatus | null;
  /** Roles that take it; 'step' = whoever owns the current step (STEP_OWNERS). */
  roles: readonly Role[] | 'step';
  needsReason: boolean;
  amount: 'none' | 'optional' | 'required';
  /** A decision on the case: its author may not take it (four-eyes principle). */
  decision: boolean;
}

/** Whose turn it is in each status (seed 001 §2: unit review, notice, county approval, filing upward). */
export const STEP_OWNERS: Record<CaseStatus, readonly Role[]> = {
  submitted: ['reviewer'],
  notice: ['reviewer', 'county'],
  approval: ['county'],
  approved: ['city'],
  filed: ['county'],
  returned: ['staff'],
  exited: [],
};

export const ACTIONS: Record<ReviewActionKey, ActionRule> = {
  pass: { zh: '审核通过', en: 'Pass review', from: ['submitted'], to: 'notice', roles: ['reviewer'], needsReason: false, amount: 'none', decision: true },
  return: {
    zh: '退回',
    en: 'Return',
    from: ['submitted', 'notice', 'approval', 'approved'],
    to: 'returned',
    roles: 'step',
    needsReason: true,
    amount: 'none',
    decision: false,
  },
  // The public raises an objection; the reviewer or county union that runs the notice records it.
  objection: {
    zh: '公示异议',
    en: 'Objection',
    from: ['notice'],
    to: 'returned',
    roles: ['reviewer', 'county'],
    needsReason: true,
    amount: 'none',
    decision: false,
  },
  end_notice: {
    zh: '公示期满',
    en: 'End notice',
    from: ['notice'],
    to: 'approval',
    roles: ['reviewer', 'county'],
    needsReason: false,
    amount: 'none',
    decision: false,
  },
  approve: { zh: '审批通过', en: 'Approve', from: ['approval'], to: 'approved', roles: ['county'], needsReason: false, amount: 'optional', decision: true },
  file: { zh: '备案', en: 'File', from: ['approved'], to: 'filed', roles: ['city'], needsReason: false, amount: 'optional', decision: true },
  // 先救助后补办 (seed 001 §2): the assistance centres (county or city) pay before approval.
  mark_paid: {
    zh: '先行救助发放',
    en: 'Pay first (emergency)',
    from: ['submitted', 'notice', 'approval'],
    to: null,
    roles: ['county', 'city'],
    needsReason: false,
    amount: 'required',
    decision: true,
  },
  // A later payment to an archived family (each year's 生活救助, each Spring Festival grant, SPEC §5.1).
  pay: {
    zh: '发放救助',
    en: 'Pay assistance',
    from: ['approved', 'filed'],
    to: null,
    roles: ['county', 'city'],
    needsReason: false,
    amount: 'required',
    decision: true,
  },
  resubmit: { zh: '重新提交', en: 'Resubmit', from: ['returned'], to: 'submitted', roles: ['staff'], needsReason: false, amount: 'none', decision: false },
  exit: { zh: '退出', en: 'Exit', from: ['filed'], to: 'exited', roles: ['county'], needsReason: true, amount: 'none', decision: false },
};

export function actionLabel(action: ReviewActionKey, locale: Locale = 'zh-CN'): string {
  return locale === 'en' ? ACTIONS[action].en : ACTIONS[action].zh;
}

export function statusLabel(status: CaseStatus, locale: Locale = 'zh-CN'): string {
  return locale === 'en' ? STATUS_LABELS[status].en : STATUS_LABELS[status].zh;
}

/** The roles that may take `action` on a case in `status`. */
export function rolesFor(action: ReviewActionKey, status: CaseStatus): readonly Role[] {
  const roles = ACTIONS[action].roles;
  return roles === 'step' ? STEP_OWNERS[status] : roles;
}

// ── reading case cells ───────────────────────────────────────────────────────────

export function caseStatus(c: CaseRecord): CaseStatus | null {
  return parseStatus(c.status);
}

export function caseDate(c: CaseRecord, key: string): CivilDate | null {
  return coerceCivil(c[key]);
}

export function isEmergency(c: CaseRecord): boolean {
  return isYes(c.emergency);
}

export function caseAmount(c: CaseRecord, key: string): number | null {
  return numberOf(c[key]);
}

export function caseText(c: CaseRecord, key: string): string {
  return textOf(c[key]);
}

/** Statuses with a clock running (a due date can be overdue). */
export const OPEN_STATUSES: readonly CaseStatus[] = ['submitted', 'notice', 'approval'];
/** Cases the union is assisting: re-reviewed every year (SPEC §2 dynamic management). */
export const ACTIVE_STATUSES: readonly CaseStatus[] = ['approved', 'filed'];
