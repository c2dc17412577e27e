/**
 * 校验操作日志: checks the hash chain of the whole log (ONE getValues) against the head the
 * writer keeps, and names the sheet row of the first row that does not match.
 */
import type { Ctx } from '../server/context';
import { checkAuditValues, type AuditChain, type AuditCheck } from '../sheets/auditChain';
import { requireSheet, SHEET_NAMES } from '../sheets/workbook';
import { sha256Hex } from '../platform/digest';

/** How this request chains 操作日志 rows: SHA-256 through Utilities, and the writer's head when there is one. */
export function auditChain(ctx: Ctx): AuditChain {
  return { digest: sha256Hex, head: ctx.auditHead };
}

export function verifyAuditLog(ctx: Ctx): AuditCheck {
  // Under the writers' lock: the head and the sheet must be read as one state, not across an append.
  const lock = (ctx as { lock?: <T>(fn: () => T) => T }).lock ?? (<T>(fn: () => T) => fn());
  return lock(() => {
    const values = requireSheet(ctx.ss, SHEET_NAMES.audit).getDataRange().getValues();
    return checkAuditValues(values, sha256Hex, ctx.auditHead?.read() ?? null);
  });
}
