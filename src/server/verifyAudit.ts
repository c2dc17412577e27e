/**
 * 帮扶 → 管理 → 校验操作日志: sent to the writer (op 'verifyAuditLog'), which checks the
 * chain against the head in its script properties. With no writer connected the owner's
 * check runs here, without a head (a cut-off tail cannot be seen then; the message says so).
 */
import type { AuditCheck } from '../sheets/auditChain';
import { toast } from '../sheets/ui';
import { sendWrite } from '../platform/writerClient';

export function verifyAuditLog(): AuditCheck {
  const result = sendWrite<AuditCheck>('verifyAuditLog', {});
  toast(result.message, '校验操作日志', 20);
  return result;
}
