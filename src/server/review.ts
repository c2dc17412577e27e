/**
 * The review workbench's server side: the queue of cases waiting on the user, and the
 * workflow actions. The page shows only the buttons the server allows, but the server
 * decides again on every action (workflow `can` inside `applyAction`): a page that skips
 * its checks gets a clear refusal and nothing changes.
 */
import type { CaseRecord, CaseStatus } from '../domain/caseModel';
import type { CivilDate } from '../domain/civilDate';
import type { Locale } from '../domain/errors';
import { notListed } from './access';
import { parseStatus } from '../domain/caseModel';
import { isYes, numberOf, textOf } from '../domain/forms/values';
import { ACTIONS, ACTION_KEYS, actionLabel, rolesFor, stageCompletedBy, statusLabel } from '../domain/workflow/actions';
import { availableActions, can, isWaitingOn, type User } from '../domain/workflow/permissions';
import { isDueSoon, isOverdue, provisionalDueNote, provisionalYearsOf } from '../domain/workflow/deadlines';
import { chainOf, currentStage, type ChainBook, type Stage } from '../domain/workflow/chain';
import { readStageRecords } from '../domain/workflow/stageRecords';
import { coerceCivil } from '../domain/civilDate';
import type { ReviewActionKey, ReviewActionRequest, ReviewActionResult, ReviewItem, ReviewQueue } from '../shared/endpoints';
import { readCases } from '../sheets/cases';
import { showSidebar } from '../sheets/ui';
import { requestContext, requireUser, t, userDto, type Ctx } from './context';
import { caseConditions, suggestRelief } from '../config/domainRules';
import { unmetText } from '../domain/conditions';
import { BangfuError } from '../domain/errors';
import { sendWrite } from '../platform/writerClient';
import { paymentsByWorker } from '../sheets/payments';
import { paymentDto } from '../domain/ledger';

export function openReview(): void {
  showSidebar('review', '审核工作台');
}

/** Summary lines a reviewer reads before deciding (label in the user's language). */
const SUMMARY_KEYS = [
  'employer',
  'hardship_category',
  'per_capita_monthly',
  'household_size',
  'causes',
  'scheme',
  'relief_base',
  'other_programme',
  'submitted_at',
  'notice_end',
  'return_reason',
];

function summaryOf(ctx: Ctx, c: CaseRecord): { label: string; value: string }[] {
  const defs = ctx.forms().fields;
  const locale = ctx.locale();
  const out: { label: string; value: string }[] = [];
  for (const key of SUMMARY_KEYS) {
    const v = textOf(c[key]);
    if (v === '') continue;
    const def = defs.find((d) => d.key === key);
    let label: string;
    let value = v;
    if (def) {
      label = locale === 'en' ? def.en : def.zh;
      const i = def.optionLabels ? def.options.indexOf(v) : -1;
      if (i >= 0) value = def.optionLabels![i];
    } else {
      label =
        key === 'submitted_at'
          ? t(ctx, '提交日期', 'Submitted on')
          : key === 'notice_end'
            ? t(ctx, '公示结束', 'Notice until')
            : key === 'return_reason'
              ? t(ctx, '退回原因', 'Return reason')
              : key;
    }
    out.push({ label, value });
  }
  return out;
}

/** Cases waiting on the user's role in their county scope, oldest due date first. */
export function getReviewQueue(): ReviewQueue {
  const ctx = requestContext();
  const locale = ctx.locale();
  const access = notListed(ctx);
  if (access) return { locale, user: userDto(ctx), items: [], access };
  const user = requireUser(ctx);
  const table = readCases(ctx.ss, ctx.forms().fields);
  const calendar = ctx.calendar();
  const policy = ctx.policy();
  const dibao = ctx.dibaoLine();
  const chains = ctx.rules().chains;
  const items: ReviewItem[] = [];
  for (const row of table.rows) {
    const c = row.record as CaseRecord;
    const status = parseStatus(c.status);
    if (status === null || !safe(() => isWaitingOn(user, c, chains), false)) continue;
    const actions = availableActions(user, c, ctx.today, chains);
    const chain = chainOf(chains, c);
    const stage = currentStage(chain, c);
    const relief = suggestRelief(policy, c, ctx.today, dibao);
    const unmet = unmetText(caseConditions(policy, c, ctx.today));
    items.push({
      workerNo: textOf(c.worker_no),
      name: textOf(c.name),
      county: textOf(c.county),
      status,
      statusLabel: statusLabel(status, locale),
      dueDate: textOf(c.due_date) || null,
      dueNote: safe(() => provisionalDueNote(provisionalYearsOf(c, coerceCivil(c.due_date), calendar, chains)), '') || undefined,
      chain: chain.chain,
      stage: stage?.name ?? '',
      stages: stageProgress(chain.stages, stage, status),
      overdue: isOverdue(c, ctx.today),
      dueSoon: safe(() => isDueSoon(c, ctx.today, calendar), false),
      emergency: isYes(c.emergency),
      emergencyPending: c.emergency_pending === true || isYes(c.emergency_pending),
      version: numberOf(c.version) ?? 0,
      summary: unmet === '' ? summaryOf(ctx, c) : [...summaryOf(ctx, c), { label: t(ctx, '救助条件', 'Relief conditions'), value: unmet }],
      suggestedAmount: numberOf(c.suggested_amount),
      reliefExplain: locale === 'en' ? relief.explain.en : relief.explain.zh,
      // Approving a case whose scheme's conditions are not all met needs a reason (an override, logged).
      actions: actions.map((a) => {
        // The stage it completes says what it must record (意见, 盖章).
        const at = stageCompletedBy(a, chain, stage, user.role);
        const opinion = at !== null && at.records.includes('opinion');
        return {
          key: a,
          label: actionLabel(a, locale),
          needsReason: ACTIONS[a].needsReason || opinion || (a === 'approve' && unmet !== ''),
          needsAmount: ACTIONS[a].amount !== 'none',
          needsStamp: at !== null && at.records.includes('stamp'),
          reasonIsOpinion: opinion,
        };
      }),
      unavailable: unavailableActions(user, c, status, actions, ctx.today, locale, chains),
      records: readStageRecords(c.stage_records),
    });
  }
  // The family's history on every card: one read of 发放记录 for the whole queue.
  const history = paymentsByWorker(ctx.ss, new Set(items.map((i) => i.workerNo.toUpperCase())));
  for (const i of items) i.history = (history.get(i.workerNo.toUpperCase()) ?? []).map(paymentDto);
  items.sort((a, b) =>
    (a.dueDate ?? '9999') < (b.dueDate ?? '9999') ? -1 : (a.dueDate ?? '9999') > (b.dueDate ?? '9999') ? 1 : a.workerNo < b.workerNo ? -1 : 1,
  );
  return { locale, user: userDto(ctx), items };
}

/**
 * The steps of this status that belong to the user's role but are refused on this case
 * (her own case, a notice not yet over …), each with the reason the server would give, so
 * the page says why a button is missing. Payment first applies only to emergency cases: on
 * any other it is no step at all, not a refusal.
 */
function unavailableActions(
  user: User,
  c: CaseRecord,
  status: CaseStatus,
  allowed: readonly ReviewActionKey[],
  today: CivilDate,
  locale: Locale,
  chains: ChainBook,
): ReviewItem['unavailable'] {
  const out: NonNullable<ReviewItem['unavailable']> = [];
  for (const a of ACTION_KEYS) {
    if (allowed.includes(a) || !ACTIONS[a].from.includes(status) || !rolesFor(a, c, chains).includes(user.role)) continue;
    if (a === 'mark_paid' && !isYes(c.emergency)) continue;
    const p = can(user, a, c, { today, chains });
    if (!p.ok) out.push({ key: a, label: actionLabel(a, locale), reason: locale === 'en' ? p.reasonEn : p.reasonZh });
  }
  return out;
}

/** The chain's stages as the workbench draws them: done, current, to come. */
function stageProgress(stages: readonly Stage[], at: Stage | null, status: CaseStatus): NonNullable<ReviewItem['stages']> {
  const i = at === null ? (status === 'filed' || status === 'exited' ? stages.length : -1) : stages.indexOf(at);
  return stages.map((s, j) => ({ name: s.name, state: i < 0 ? 'todo' : j < i ? 'done' : j === i ? 'current' : 'todo' }));
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

/** One workflow action: through the writer (src/usecases/reviewAction.ts runs there). */
export function reviewAction(req: ReviewActionRequest): ReviewActionResult {
  try {
    return sendWrite<ReviewActionResult>('reviewAction', req);
  } catch (e) {
    // A refusal by the writer (or: no writer, not the owner) in the result's own shape, in zh.
    if (e instanceof BangfuError) return { ok: false, message: e.zh };
    throw e;
  }
}
