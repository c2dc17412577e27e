/**
 * 校验操作日志: checks the hash chain of the whole log (ONE getValues) against the head the
 * writer keeps, and names the sheet row of the first row that does not match.
 */
import { BangfuError } from '../domain/errors';
import { requireUser, type Ctx } from './ctx';
import { checkAuditValues, type AuditChain, type AuditCheck } from '../sheets/auditChain';
import { requireSheet, SHEET_NAMES } from '../sheets/workbook';
import { sha256Hex } from '../platform/digest';

/** How this request chains 操作日志 rows: SHA-256 through Utilities, and the writer's head when there is one. */
export function auditChain(ctx: Ctx): AuditChain {
  return { digest: sha256Hex, head: ctx.auditHead };
}

export function verifyAuditLog(ctx: Ctx): AuditCheck {
  // Under the writers' lock: the head and the sheet must be read as one state, not across an append.
  return ctx.lock(() => {
    const values = requireSheet(ctx.ss, SHEET_NAMES.audit).getDataRange().getValues();
    return checkAuditValues(values, sha256Hex, ctx.auditHead?.read() ?? null);
  });
}

/** The op behind 帮扶 → 管理 → 校验操作日志: anyone listed in 人员权限 may ask (the log is readable by all anyway). */
export function verifyAuditLogRequest(ctx: Ctx): AuditCheck {
  requireUser(ctx);
  return verifyAuditLog(ctx);
}

/** The daily job's step: a log that does not match is reported as the job's failure (logged and mailed like the others). */
export function auditCheckJob(ctx: Ctx): AuditCheck {
  const r = verifyAuditLog(ctx);
  if (!r.ok) throw new BangfuError('audit.tampered', r.message, `操作日志 does not match its hash chain at row ${r.row}`);
  return r;
}
