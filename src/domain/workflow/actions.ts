/**
 * The case actions as one table: which statuses each applies in, who takes it, where it
 * leads and what it asks for. Who acts and where a case goes next come from the approval
 * chain it runs under (chain.ts, the 审批流程 sheet; seed 001's 审核 → 公示 → 县区初审 →
 * 市总审批 → 省总备案 by default): each stage action completes the case's current stage.
 * permissions.ts and transitions.ts both read this table, so a rule lives in one place.
 */
import type { CaseRecord, CaseStatus, Role } from '../caseModel';
import { parseStatus, STATUS_LABELS } from '../caseModel';
import { coerceCivil, type CivilDate } from '../civilDate';
import type { Locale } from '../errors';
import { chainOf, currentStage, type ChainBook, type ChainVersion, type Stage, type StageKind } from './chain';
import { isYes, numberOf, textOf } from '../forms/values';

export const ACTION_KEYS = [
  'pass',
  'return',
  'objection',
  'end_notice',
  'opinion',
  'prelim',
  'approve',
  'file',
  'spot_check',
  'mark_paid',
  'pay',
  'resubmit',
  'exit',
] as const;
export type ReviewActionKey = (typeof ACTION_KEYS)[number];

export interface ActionRule {
  zh: string;
  en: string;
  /** Statuses the action applies in. */
  from: readonly CaseStatus[];
  /**
   * The status after it: 'next' = the status of the chain's next stage (chain.ts statusAt);
   * null = status unchanged (a payment, a spot-check).
   */
  to: CaseStatus | 'next' | null;
  /**
   * Who takes it: 'stage' = the roles of the case's current stage in its chain (审批流程);
   * 'spotcheck' = the roles of the chain's 抽查 stage; else fixed roles.
   */
  roles: readonly Role[] | 'stage' | 'spotcheck';
  /** The stage kind it completes (it applies only when the case's current stage is of this kind). */
  kind?: StageKind;
  needsReason: boolean;
  amount: 'none' | 'optional' | 'required';
  /** A decision on the case: its author may not take it (four-eyes principle). */
  decision: boolean;
}

const BEFORE_FILING: CaseStatus[] = ['submitted', 'notice', 'approval'];

export const ACTIONS: Record<ReviewActionKey, ActionRule> = {
  pass: {
    zh: '审核通过',
    en: 'Pass review',
    from: ['submitted'],
    to: 'next',
    roles: 'stage',
    kind: 'review',
    needsReason: false,
    amount: 'none',
    decision: true,
  },
  // Any stage whose 可退回 is 是, by that stage's roles.
  return: {
    zh: '退回',
    en: 'Return',
    from: ['submitted', 'notice', 'approval', 'approved'],
    to: 'returned',
    roles: 'stage',
    needsReason: true,
    amount: 'none',
    decision: false,
  },
  // The public raises an objection; whoever runs the notice records it.
  objection: {
    zh: '公示异议',
    en: 'Objection',
    from: ['notice'],
    to: 'returned',
    roles: 'stage',
    kind: 'notice',
    needsReason: true,
    amount: 'none',
    decision: false,
  },
  end_notice: {
    zh: '公示期满',
    en: 'End notice',
    from: ['notice'],
    to: 'next',
    roles: 'stage',
    kind: 'notice',
    needsReason: false,
    amount: 'none',
    decision: false,
  },
  // 004 调查表 四 / 003 附件1: a union's opinion on the case (the text is the reason field).
  opinion: {
    zh: '签署意见',
    en: 'Give opinion',
    from: BEFORE_FILING,
    to: 'next',
    roles: 'stage',
    kind: 'opinion',
    needsReason: true,
    amount: 'none',
    decision: true,
  },
  // 001 §2: the county's 初审 within 7 working days, then the city approves.
  prelim: {
    zh: '初审通过',
    en: 'Pass preliminary review',
    from: ['approval'],
    to: 'next',
    roles: 'stage',
    kind: 'prelim',
    needsReason: false,
    amount: 'none',
    decision: true,
  },
  approve: {
    zh: '审批通过',
    en: 'Approve',
    from: ['approval'],
    to: 'next',
    roles: 'stage',
    kind: 'approve',
    needsReason: false,
    amount: 'optional',
    decision: true,
  },
  file: { zh: '备案', en: 'File', from: ['approved'], to: 'next', roles: 'stage', kind: 'file', needsReason: false, amount: 'optional', decision: true },
  // 001 §2: the province spot-checks filed cases (抽查核实); recorded, the case stays filed.
  spot_check: {
    zh: '抽查核实',
    en: 'Spot-check',
    from: ['filed'],
    to: null,
    roles: 'spotcheck',
    kind: 'spotcheck',
    needsReason: true,
    amount: 'none',
    decision: false,
  },
  // 先救助后补办 (seed 001 §2): the assistance centres (county or city) pay before approval.
  mark_paid: {
    zh: '先行救助发放',
    en: 'Pay first (emergency)',
    from: BEFORE_FILING,
    to: null,
    roles: ['county', 'city'],
    needsReason: false,
    amount: 'required',
    decision: true,
  },
  // A later payment to an archived family (each year's 生活救助, each Spring Festival grant, SPEC §5.1),
  // once every stage payment waits for is done (chain.ts paymentAllowed).
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

/**
 * The roles that may take `action` on `c` under its chain: the current stage's (for a
 * stage action: [] when the stage is of another kind, or for 退回 when it may not return),
 * the chain's spot-check stage's, or the action's fixed roles.
 */
export function rolesFor(action: ReviewActionKey, c: CaseRecord, chains: ChainBook): readonly Role[] {
  const rule = ACTIONS[action];
  if (Array.isArray(rule.roles)) return rule.roles;
  const v = chainOf(chains, c);
  if (rule.roles === 'spotcheck') return v.spotChecks.flatMap((s) => s.roles);
  const stage = currentStage(v, c);
  if (stage === null) return [];
  if (action === 'return') return stage.mayReturn ? stage.roles : [];
  return rule.kind === stage.kind ? stage.roles : [];
}

/**
 * The stage `action` completes on a case at `stage` of `chain`, taken by `role`: the stage
 * itself for a stage action, the chain's spot-check of that role for 抽查, otherwise none.
 * What it records (意见, 盖章) is what the action must supply.
 */
export function stageCompletedBy(action: ReviewActionKey, chain: ChainVersion, stage: Stage | null, role: Role): Stage | null {
  if (ACTIONS[action].to === 'next') return stage;
  if (action === 'spot_check') return chain.spotChecks.find((s) => s.roles.includes(role)) ?? null;
  return null;
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

/** Statuses a stage clock may run in (a due date can be overdue): a 备案 stage may have a deadline too. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['submitted', 'notice', 'approval', 'approved'];
/** Cases the union is assisting: re-reviewed every year (SPEC §2 dynamic management). */
export const ACTIVE_STATUSES: readonly CaseStatus[] = ['approved', 'filed'];
