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
import { BangfuError } from '../domain/errors';
import { isYes, numberOf, textOf } from '../domain/forms/values';
import { ACTIONS, ACTION_KEYS, actionLabel, rolesFor, statusLabel } from '../domain/workflow/actions';
import { availableActions, can, isWaitingOn, type User } from '../domain/workflow/permissions';
import { isDueSoon, isOverdue, provisionalDueNote, provisionalYearsOf } from '../domain/workflow/deadlines';
import { coerceCivil } from '../domain/civilDate';
import { applyAction } from '../domain/workflow/transitions';
import type { ReviewActionKey, ReviewActionRequest, ReviewActionResult, ReviewItem, ReviewQueue } from '../shared/endpoints';
import { jsonCell, type AuditRecord } from '../sheets/audit';
import { caseCells, findCase, openCaseSheet, readCases } from '../sheets/cases';
import { commitCaseWithAudit, commitTarget } from '../sheets/commit';
import { openLedger } from '../sheets/payments';
import { paymentForAction } from '../domain/ledger';
import { withDocumentLock } from '../sheets/lock';
import { showSidebar } from '../sheets/ui';
import { statusText } from '../config/caseRules';
import { requestContext, requireUser, say, t, userDto, type Ctx } from './context';
import { suggestRelief } from '../config/domainRules';
import { cachedResult, checkRequestId, rememberResult } from './requestCache';

export function openReview(): void {
  showSidebar('review', '审核工作台');
}

/** Summary lines a reviewer reads before deciding (label in the user's language). */
const SUMMARY_KEYS = ['employer', 'hardship_category', 'per_capita_monthly', 'household_size', 'causes', 'scheme', 'relief_base', 'other_programme', 'submitted_at', 'notice_end', 'return_reason'];

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
      label = key === 'submitted_at' ? t(ctx, '提交日期', 'Submitted on') : key === 'notice_end' ? t(ctx, '公示结束', 'Notice until') : key === 'return_reason' ? t(ctx, '退回原因', 'Return reason') : key;
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
  const items: ReviewItem[] = [];
  for (const row of table.rows) {
    const c = row.record as CaseRecord;
    const status = parseStatus(c.status);
    if (status === null || !isWaitingOn(user, c)) continue;
    const actions = availableActions(user, c, ctx.today);
    const relief = suggestRelief(policy, c, ctx.today, dibao);
    items.push({
      workerNo: textOf(c.worker_no),
      name: textOf(c.name),
      county: textOf(c.county),
      status,
      statusLabel: statusLabel(status, locale),
      dueDate: textOf(c.due_date) || null,
      dueNote: safe(() => provisionalDueNote(provisionalYearsOf(c, coerceCivil(c.due_date), calendar)), '') || undefined,
      overdue: isOverdue(c, ctx.today),
      dueSoon: safe(() => isDueSoon(c, ctx.today, calendar), false),
      emergency: isYes(c.emergency),
      emergencyPending: c.emergency_pending === true || isYes(c.emergency_pending),
      version: numberOf(c.version) ?? 0,
      summary: summaryOf(ctx, c),
      suggestedAmount: numberOf(c.suggested_amount),
      reliefExplain: locale === 'en' ? relief.explain.en : relief.explain.zh,
      actions: actions.map((a) => ({
        key: a, label: actionLabel(a, locale), needsReason: ACTIONS[a].needsReason, needsAmount: ACTIONS[a].amount !== 'none',
      })),
      unavailable: unavailableActions(user, c, status, actions, ctx.today, locale),
    });
  }
  items.sort((a, b) => (a.dueDate ?? '9999') < (b.dueDate ?? '9999') ? -1 : (a.dueDate ?? '9999') > (b.dueDate ?? '9999') ? 1 : a.workerNo < b.workerNo ? -1 : 1);
  return { locale, user: userDto(ctx), items };
}

/**
 * The steps of this status that belong to the user's role but are refused on this case
 * (her own case, a notice not yet over …), each with the reason the server would give, so
 * the page says why a button is missing. Payment first applies only to emergency cases: on
 * any other it is no step at all, not a refusal.
 */
function unavailableActions(user: User, c: CaseRecord, status: CaseStatus, allowed: readonly ReviewActionKey[], today: CivilDate, locale: Locale): ReviewItem['unavailable'] {
  const out: NonNullable<ReviewItem['unavailable']> = [];
  for (const a of ACTION_KEYS) {
    if (allowed.includes(a) || !ACTIONS[a].from.includes(status) || !rolesFor(a, status).includes(user.role)) continue;
    if (a === 'mark_paid' && !isYes(c.emergency)) continue;
    const p = can(user, a, c, { today });
    if (!p.ok) out.push({ key: a, label: actionLabel(a, locale), reason: locale === 'en' ? p.reasonEn : p.reasonZh });
  }
  return out;
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

/** One workflow action; the case row and its 操作日志 row are written together under the lock. */
export function reviewAction(req: ReviewActionRequest): ReviewActionResult {
  const ctx = requestContext();
  try {
    const requestId = checkRequestId(req?.requestId);
    const first = cachedResult<ReviewActionResult>(requestId);
    if (first) return first;
    const user = requireUser(ctx);
    if (!ACTION_KEYS.includes(req.action)) {
      throw new BangfuError('workflow.unknownAction', `未知操作“${String(req.action)}”`, `Unknown action "${String(req.action)}"`);
    }
    const result = withDocumentLock(() => act(ctx, user, req, requestId));
    rememberResult(requestId, result);
    return result;
  } catch (e) {
    if (e instanceof BangfuError) return { ok: false, message: say(ctx, e) };
    throw e;
  }
}

function act(ctx: Ctx, user: User, req: ReviewActionRequest, requestId: string): ReviewActionResult {
  const defs = ctx.forms().fields;
  const locale = ctx.locale();
  const cs = openCaseSheet(ctx.ss, defs);
  const row = findCase(cs, String(req.workerNo ?? ''));
  if (!row) throw new BangfuError('case.notFound', `找不到职工编号为 ${req.workerNo} 的案件`, `No case with worker number ${req.workerNo}`);
  const c = row.record as CaseRecord;
  const done = (): ReviewActionResult => {
    const s = parseStatus(c.status);
    return { ok: true, workerNo: textOf(c.worker_no), status: s ?? textOf(c.status), statusLabel: statusText(c.status, locale), message: t(ctx, '已办理', 'Done') };
  };
  if (textOf(c.request_id) === requestId) return done();
  const current = numberOf(c.version) ?? 0;
  if (typeof req.version !== 'number' || req.version !== current) {
    throw new BangfuError('case.stale', `该案件已被他人办理或修改（当前版本 ${current}，您看到的是版本 ${req.version}），请刷新后重试`,
      `Someone else acted on this case (now version ${current}, you saw ${req.version}); refresh and try again`);
  }
  const action = req.action as ReviewActionKey;
  // The approval freezes what the relief was computed from, as the policy stands today.
  const snapshot = action === 'approve' ? suggestRelief(ctx.policy(), c, ctx.today, ctx.dibaoLine()).snapshot ?? undefined : undefined;
  const { next, audit } = applyAction(c, action, {
    user, today: ctx.today, calendar: ctx.calendar(), rules: ctx.rules(), reason: req.reason, amount: req.amount ?? null, policySnapshot: snapshot,
  });
  const version = current + 1;
  const changes = caseCells(defs, { ...next, updated_by: user.email, updated_at: ctx.now, request_id: requestId, version });
  const record: AuditRecord = {
    time: ctx.now,
    user: user.email,
    workerNo: textOf(c.worker_no),
    action: actionLabel(action),
    from: statusLabel(audit.from),
    to: statusLabel(audit.to),
    reason: audit.reason,
    changes: audit.changedFields.map((f) => ({ field: f.key, before: jsonCell(f.before), after: jsonCell(changes[f.key] ?? f.after) })),
    requestId,
  };
  // A step that pays (先行救助, 备案 onto the card, 发放救助) appends its 发放记录 row in the same locked write.
  const payment = paymentForAction(action, c, next, { today: ctx.today, by: user.email, period: req.period, form: req.form, approval: `${actionLabel(action)} ${ctx.today} ${requestId}` });
  const ledger = payment ? openLedger(ctx.ss) : null;
  if (payment && !ledger) throw new BangfuError('ledger.missing', '缺少“发放记录”表：请管理员运行 帮扶 → 初始化/修复表格', 'The 发放记录 sheet is missing: run setup');
  commitCaseWithAudit(commitTarget(ctx.ss, cs), { kind: 'update', before: row, changes }, [record], payment && ledger ? { ledger, rows: [payment] } : undefined);
  return {
    ok: true,
    workerNo: textOf(c.worker_no),
    status: audit.to,
    statusLabel: statusLabel(audit.to, locale),
    message: t(ctx, `${actionLabel(action)}：${textOf(c.worker_no)} 现为“${statusLabel(audit.to)}”`, `${actionLabel(action, 'en')}: ${textOf(c.worker_no)} is now "${statusLabel(audit.to, 'en')}"`),
  };
}
