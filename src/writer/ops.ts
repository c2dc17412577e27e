/**
 * What the writer does for each op of the protocol (src/shared/writerProtocol.ts). The
 * same table serves the bound script when no writer is connected and the spreadsheet's
 * owner acts (src/platform/writerClient.ts): one code path per use case, two callers.
 * Each op gets a Ctx whose e-mail the caller cannot choose (the verified token in the
 * writer, the session here) and checks the role itself.
 *
 * Other helpers add their ops here: `submitStaging` (staging import), `verifyAuditLog` (audit).
 */
import { BangfuError } from '../domain/errors';
import { roleLabel } from '../domain/roles';
import type { WriterOp } from '../shared/writerProtocol';
import { configureWriterClient, notConnectedError } from '../platform/writerClient';
import { effectiveEmail } from '../platform/session';
import { activeSpreadsheet, spreadsheetOwnerEmail } from '../sheets/workbook';
import type { ReviewActionRequest, SaveCaseRequest } from '../shared/endpoints';
import { requestContext } from '../server/context';
import { setupWorkbook, type SetupReport } from '../server/setup';
import { runReportFor } from '../server/rollup';
import type { Ctx } from '../usecases/ctx';
import { saveCase } from '../usecases/saveCase';
import { reviewAction } from '../usecases/reviewAction';
import { installDailyJob, removeDailyJob } from '../usecases/dailyJobs';
import { submitStaging } from '../usecases/staging';
import { auditChain, verifyAuditLogRequest } from '../usecases/verifyAudit';
import { openLedger } from './ledger';
import { importHolidayNotice } from '../usecases/importHolidays';
import { applyConfig, type ApplyConfigResult } from '../usecases/applyConfig';
import { SHEET_NAMES } from '../sheets/workbook';

export type WriterOpFn = (ctx: Ctx, req: unknown) => unknown;

const asObject = (req: unknown): Record<string, unknown> =>
  req !== null && typeof req === 'object' && !Array.isArray(req) ? (req as Record<string, unknown>) : {};

/** Setup is the owner's, or an administrator's through the writer (which runs as the owner). */
function setup(ctx: Ctx): SetupReport {
  const owner = spreadsheetOwnerEmail(ctx.ss);
  if (ctx.email === '' || ctx.email !== owner) {
    const user = ctx.user();
    if (!user || user.role !== 'admin') {
      throw new BangfuError(
        'setup.notAdmin',
        `只有表格所有者或管理员可以初始化/修复表格（您是${roleLabel(user?.role ?? null)}）`,
        'Only the owner or an administrator may set up the workbook',
      );
    }
  }
  return ctx.lock(() => {
    const report = setupWorkbook(ctx.ss, auditChain(ctx));
    // The writer's ledger of request ids exists before the first write (so a save costs the same every time).
    openLedger(ctx.ss);
    return report;
  }, 30_000);
}

/**
 * 应用配置草稿; after 表单定义 changed, setup's columns follow in the same request (案件 and
 * 录入 get a column for each new field), and the reply says so.
 */
function applyConfigOp(ctx: Ctx, req: Record<string, unknown>): ApplyConfigResult {
  const result = applyConfig(ctx, { sheet: req.sheet, fingerprint: req.fingerprint });
  if (result.sheet !== SHEET_NAMES.forms || result.added + result.changed + result.removed === 0) return result;
  const report = setup(ctx);
  return { ...result, message: `${result.message}。已按新的表单定义整理“案件”和“录入”的列：${report.message}` };
}

export const WRITER_OPS: Partial<Record<WriterOp, WriterOpFn>> = {
  saveCase: (ctx, req) => saveCase(ctx, asObject(req) as unknown as SaveCaseRequest),
  reviewAction: (ctx, req) => reviewAction(ctx, asObject(req) as unknown as ReviewActionRequest),
  setup: (ctx) => setup(ctx),
  installTriggers: (ctx) => installDailyJob(ctx),
  removeTriggers: (ctx) => removeDailyJob(ctx),
  submitStaging: (ctx) => submitStaging(ctx, {}),
  verifyAuditLog: (ctx) => verifyAuditLogRequest(ctx),
  report: (ctx, req) => runReportFor(ctx, asObject(req).report),
  applyConfig: (ctx, req) => applyConfigOp(ctx, asObject(req)),
  importHolidays: (ctx, req) =>
    importHolidayNotice(ctx, {
      text: String(asObject(req).text ?? ''),
      year: typeof asObject(req).year === 'number' ? (asObject(req).year as number) : undefined,
    }),
};

export function unsupportedOp(op: string): BangfuError {
  return new BangfuError(
    'writer.unknownOp',
    `写入服务不支持此操作（${op}），请用同一版本的程序重新部署表格脚本和写入服务`,
    `The writer does not support ${op}`,
  );
}

/**
 * No writer connected: the op runs in the bound script, for the spreadsheet's owner only
 * (the owner may edit every protected range anyway); anyone else is told what the
 * administrator must do.
 */
configureWriterClient({
  spreadsheetId: () => activeSpreadsheet().getId(),
  runLocally: (op, req) => {
    const ctx = requestContext();
    const owner = spreadsheetOwnerEmail(ctx.ss);
    if (owner === '' || effectiveEmail() !== owner) throw notConnectedError();
    const fn = WRITER_OPS[op];
    if (!fn) throw unsupportedOp(op);
    return fn(ctx, req);
  },
});
