/**
 * 帮扶 → 管理 → 校验操作日志. Until the writer client exists in this branch the check runs
 * here, without the writer's head (so a cut-off tail cannot be seen from the bound
 * script); with the writer connected it is sent there (op 'verifyAuditLog').
 */
import type { AuditCheck } from '../sheets/auditChain';
import { toast } from '../sheets/ui';
import { verifyAuditLog as verifyAuditLogUseCase } from '../usecases/verifyAudit';
import { requestContext } from './context';

export function verifyAuditLog(): AuditCheck {
  const result = verifyAuditLogUseCase(requestContext());
  toast(result.message, '校验操作日志', 20);
  return result;
}
