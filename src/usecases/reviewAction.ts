/**
 * One workflow action (pass, return, objection, approve, file, pay first, re-review,
 * exit…): the server decides again on every action (workflow `can` inside applyAction),
 * whatever the page showed; the case row and its 操作日志 row are written together under
 * the Ctx's lock. Runs the same in the bound script (owner alone) and in the writer.
 */
import type { CaseRecord } from '../domain/caseModel';
import { parseStatus } from '../domain/caseModel';
import { BangfuError } from '../domain/errors';
import { numberOf, textOf } from '../domain/forms/values';
import { ACTION_KEYS, actionLabel, statusLabel } from '../domain/workflow/actions';
import type { User } from '../domain/workflow/permissions';
import { applyAction } from '../domain/workflow/transitions';
import { unmetText } from '../domain/conditions';
import type { ReviewActionKey, ReviewActionRequest, ReviewActionResult } from '../shared/endpoints';
import { jsonCell, type AuditRecord } from '../sheets/audit';
import { caseCells, findCase, openCaseSheet } from '../sheets/cases';
import { commitCaseWithAudit, commitTarget } from '../sheets/commit';
import { openLedger } from '../sheets/payments';
import { paymentForAction } from '../domain/ledger';
import { auditChain } from './verifyAudit';
import { statusText } from '../config/caseRules';
import { caseConditions, suggestRelief } from '../config/domainRules';
import { say, t, type Ctx } from './ctx';
import { idempotentWrite } from './idempotent';

/** One workflow action; the case row and its 操作日志 row are written together under the lock. */
export function reviewAction(ctx: Ctx, req: ReviewActionRequest): ReviewActionResult {
  return idempotentWrite<ReviewActionResult>(
    ctx,
    req?.requestId,
    (e) => ({ ok: false, message: say(ctx, e) }),
    (user, requestId) => {
      if (!ACTION_KEYS.includes(req.action)) {
        throw new BangfuError('workflow.unknownAction', `未知操作“${String(req.action)}”`, `Unknown action "${String(req.action)}"`);
      }
      return act(ctx, user, req, requestId);
    },
  );
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
    return {
      ok: true,
      workerNo: textOf(c.worker_no),
      status: s ?? textOf(c.status),
      statusLabel: statusText(c.status, locale),
      message: t(ctx, '已办理', 'Done'),
    };
  };
  if (textOf(c.request_id) === requestId) return done();
  const current = numberOf(c.version) ?? 0;
  if (typeof req.version !== 'number' || req.version !== current) {
    throw new BangfuError(
      'case.stale',
      `该案件已被他人办理或修改（当前版本 ${current}，您看到的是版本 ${req.version}），请刷新后重试`,
      `Someone else acted on this case (now version ${current}, you saw ${req.version}); refresh and try again`,
    );
  }
  const action = req.action as ReviewActionKey;
  // Approving a case that fails an entry condition of its scheme (or where one is not recorded)
  // is an override: it needs a reason, and the log line says what was overridden.
  const unmet = action === 'approve' ? unmetText(caseConditions(ctx.policy(), c, ctx.today)) : '';
  // The approval freezes what the relief was computed from, as the policy stands today.
  const snapshot = action === 'approve' ? (suggestRelief(ctx.policy(), c, ctx.today, ctx.dibaoLine()).snapshot ?? undefined) : undefined;
  const { next, audit, opensPayment } = applyAction(c, action, {
    user,
    today: ctx.today,
    calendar: ctx.calendar(),
    rules: ctx.rules(),
    reason: req.reason,
    stamped: req.stamped === true,
    amount: req.amount ?? null,
    policySnapshot: snapshot,
  });
  // After applyAction: who may approve is decided first, then whether this approval is an override.
  if (unmet !== '' && (req.reason ?? '').trim() === '') {
    throw new BangfuError(
      'conditions.override',
      `该案件${unmet}，如确需审批，请填写原因`,
      `The case does not meet its scheme's conditions (${unmet}); give a reason to approve anyway`,
      'reason',
    );
  }
  const version = current + 1;
  const changes = caseCells(defs, { ...next, updated_by: user.email, updated_at: ctx.now, request_id: requestId, version });
  const record: AuditRecord = {
    time: ctx.now,
    user: user.email,
    workerNo: textOf(c.worker_no),
    action: actionLabel(action),
    from: statusLabel(audit.from),
    to: statusLabel(audit.to),
    reason: unmet !== '' ? `${unmet}，审批原因：${audit.reason}` : audit.reason,
    changes: audit.changedFields.map((f) => ({ field: f.key, before: jsonCell(f.before), after: jsonCell(changes[f.key] ?? f.after) })),
    requestId,
  };
  // A step that pays (先行救助, the step that opens payment, 发放救助) appends its 发放记录 row in the same locked write.
  const payment = paymentForAction(action, c, next, {
    opensPayment,
    today: ctx.today,
    by: user.email,
    period: req.period,
    form: req.form,
    approval: `${actionLabel(action)} ${ctx.today} ${requestId}`,
  });
  const ledger = payment ? openLedger(ctx.ss) : null;
  if (payment && !ledger)
    throw new BangfuError('ledger.missing', '缺少“发放记录”表：请管理员运行 帮扶 → 初始化/修复表格', 'The 发放记录 sheet is missing: run setup');
  commitCaseWithAudit(
    commitTarget(ctx.ss, cs, auditChain(ctx)),
    { kind: 'update', before: row, changes },
    [record],
    payment && ledger ? { ledger, rows: [payment] } : undefined,
  );
  return {
    ok: true,
    workerNo: textOf(c.worker_no),
    status: audit.to,
    statusLabel: statusLabel(audit.to, locale),
    message: t(
      ctx,
      `${actionLabel(action)}：${textOf(c.worker_no)} 现为“${statusLabel(audit.to)}”`,
      `${actionLabel(action, 'en')}: ${textOf(c.worker_no)} is now "${statusLabel(audit.to, 'en')}"`,
    ),
  };
}
