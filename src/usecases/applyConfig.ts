/**
 * 应用配置草稿: the writer (as the owner) writes an administrator's draft (草稿-人员权限 …)
 * into the owner-only configuration sheet and logs it field by field, one 操作日志 line per
 * changed row. Nothing is written unless the draft parses with the parser the add-on reads
 * that sheet with, and 人员权限 keeps an administrator (the one applying it included).
 *
 * Two calls, one code path: `previewConfigDraft` (reads only; the menu shows it to the
 * administrator) and `applyConfig` (the write, administrators only, under the lock). The
 * preview's fingerprint travels with the request, so what is applied is what was shown: a
 * draft changed after the confirmation is refused.
 */
import { BangfuError } from '../domain/errors';
import {
  asConfigSheet,
  checkDraft,
  diffConfig,
  diffSummary,
  draftName,
  gridFingerprint,
  rowChangeTitle,
  trimGrid,
  type ConfigDiff,
  type ConfigSheetName,
} from '../config/configDraft';
import { AUDIT_COLUMNS, auditCells, type AuditRecord } from '../sheets/audit';
import { appendAuditRows, requireChainColumns } from '../sheets/auditChain';
import { deleteDraft, draftIsGuarded, findDraft, readConfigGrid, readDraft, writeConfigGrid } from '../sheets/configDraft';
import { readHeader, type Cell } from '../sheets/table';
import { requireSheet, SHEET_NAMES, spreadsheetOwnerEmail } from '../sheets/workbook';
import { readCalendar } from '../config/domainRules';
import { auditChain } from './verifyAudit';
import { recomputeOpenDeadlines } from './importHolidays';
import type { Ctx } from './ctx';
import { readChains, versionsBrokenFor } from '../config/chains';
import { readCases } from '../sheets/cases';
import { parseStatus, type CaseRecord } from '../domain/caseModel';
import type { Grid } from '../config/configDraft';

export interface ConfigPreview {
  sheet: ConfigSheetName;
  diff: ConfigDiff;
  /** What the administrator confirms; the writer applies only a draft with this fingerprint. */
  fingerprint: string;
  summary: string;
}

/** What the writer replies (and keeps in its ledger of requests): the counts, not every changed cell. */
export interface ApplyConfigResult {
  ok: true;
  sheet: ConfigSheetName;
  added: number;
  changed: number;
  removed: number;
  /** Open cases whose due date moved (节假日 only). */
  moved: number;
  message: string;
}

export const CONFIG_ACTION = '修改配置';

/** Configuration is the administrators' (the writer and the menus ask the same question). */
export function requireAdmin(ctx: Ctx): void {
  const user = ctx.user();
  if (!user || user.role !== 'admin') {
    throw new BangfuError(
      'config.adminOnly',
      '只有管理员可以修改配置表（人员权限、设置、救助标准、表单定义、节假日、汇总来源、审批流程）',
      'Only an administrator may change the configuration sheets',
    );
  }
}

function formulaCell(formulas: readonly (readonly string[])[]): string | null {
  for (let r = 0; r < formulas.length; r++) {
    for (let c = 0; c < formulas[r].length; c++) if (formulas[r][c] !== '') return `第${r + 1}行第${c + 1}列`;
  }
  return null;
}

/** Who may edit a draft: the administrators of 人员权限 (and the owner, who may edit everything). */
export function draftEditors(ctx: Ctx): string[] {
  return ctx
    .staff()
    .users.filter((u) => u.role === 'admin')
    .map((u) => u.email);
}

/** Reads the draft and the sheet, checks the draft, and says what it would change. */
function prepare(ctx: Ctx, sheet: ConfigSheetName) {
  const found = findDraft(ctx.ss, sheet);
  const allowed = new Set([...draftEditors(ctx), spreadsheetOwnerEmail(ctx.ss)].filter((e) => e !== ''));
  if (found && !draftIsGuarded(found, allowed)) {
    throw new BangfuError(
      'config.unguarded',
      `“${draftName(sheet)}”不是由管理员生成的受保护草稿（或其保护已被改动），可能被他人修改过，未写入任何内容。请用 帮扶 → 管理 → 编辑配置表… 重新生成草稿`,
      `${draftName(sheet)} is not a protected draft made by an administrator; nothing was written. Regenerate it`,
    );
  }
  const draft = readDraft(ctx.ss, sheet);
  const at = formulaCell(draft.formulas);
  if (at !== null) {
    throw new BangfuError(
      'config.formula',
      `“${draftName(sheet)}”${at}是公式，未写入任何内容。请直接输入内容，不要使用公式`,
      `${draftName(sheet)} holds a formula at ${at}; type values only`,
    );
  }
  checkDraft(sheet, draft.values, ctx.email, ctx.forms().fields);
  const target = requireSheet(ctx.ss, sheet);
  const before = readConfigGrid(target, sheet);
  const diff = diffConfig(sheet, before, draft.values);
  return { draft: draft.values, target, before, diff, fingerprint: gridFingerprint(sheet, draft.values) };
}

/**
 * Cases in flight keep the chain they started under (SPEC §2.6): a 审批流程 draft that changes
 * or removes the stages of a version some case runs under is refused, nothing written. The
 * administrator adds a version with a later 生效日期 instead and switches the old one off.
 */
function keepChainsInUse(ctx: Ctx, before: Grid, draft: Grid): void {
  const defs = ctx.forms().fields;
  const next = readChains(trimGrid(draft), defs); // checkDraft has parsed it already
  const old = readChains(trimGrid(before), defs);
  const table = readCases(ctx.ss, defs, { keys: ['worker_no', 'status', 'chain', 'submitted_at', 'created_at'], required: ['worker_no', 'status'] });
  const cases = table.rows.map((r) => r.record as CaseRecord).filter((c) => parseStatus(c.status) !== 'exited');
  const broken = versionsBrokenFor(cases, old, next);
  if (broken.length === 0) return;
  const list = broken.map((b) => `“${b.id.replace('@', '”（')} 起）有 ${b.cases} 件案件`).join('，');
  throw new BangfuError(
    'config.chainInUse',
    `“${draftName(SHEET_NAMES.chain)}”未写入任何内容：${list}正按它办理，不能修改或删除这些环节。如需调整，请新增一个生效日期更晚的版本（流程名称相同），并把原版本的“启用”改为“否”或填写失效日期`,
    `${draftName(SHEET_NAMES.chain)} was not applied: cases run under ${broken.map((b) => b.id).join(', ')}; add a new version instead`,
  );
}

export function previewConfigDraft(ctx: Ctx, req: { sheet: unknown }): ConfigPreview {
  requireAdmin(ctx);
  const sheet = asConfigSheet(req.sheet);
  const p = prepare(ctx, sheet);
  if (sheet === SHEET_NAMES.chain) keepChainsInUse(ctx, p.before, p.draft);
  return { sheet, diff: p.diff, fingerprint: p.fingerprint, summary: diffSummary(sheet, p.diff) };
}

export function applyConfig(ctx: Ctx, req: { sheet: unknown; fingerprint?: unknown }): ApplyConfigResult {
  requireAdmin(ctx);
  const sheet = asConfigSheet(req.sheet);
  return ctx.lock(() => {
    const p = prepare(ctx, sheet);
    if (typeof req.fingerprint === 'string' && req.fingerprint !== p.fingerprint) {
      throw new BangfuError(
        'config.changed',
        `“${draftName(sheet)}”在您确认之后又被修改，未写入任何内容。请重新点“应用配置草稿”，核对后再确认`,
        `${draftName(sheet)} changed after you confirmed; nothing was written`,
      );
    }
    if (sheet === SHEET_NAMES.chain) keepChainsInUse(ctx, p.before, p.draft);
    const summary = diffSummary(sheet, p.diff);
    if (p.diff.rows.length === 0) {
      deleteDraft(ctx.ss, sheet);
      return { ok: true, sheet, added: 0, changed: 0, removed: 0, moved: 0, message: `${summary}：草稿与“${sheet}”相同，未作修改；草稿已删除` };
    }
    // Every cell is built before the first write: a bad value throws while nothing is written.
    const audit: AuditRecord[] = p.diff.rows.map((r) => ({
      time: ctx.now,
      user: ctx.email,
      workerNo: '',
      action: CONFIG_ACTION,
      from: '',
      to: '',
      reason: `应用“${draftName(sheet)}”：${rowChangeTitle(r)}`,
      changes: r.changes.map((c) => ({ field: c.label, label: c.label, before: c.before, after: c.after })),
      requestId: '',
    }));
    const log = requireSheet(ctx.ss, SHEET_NAMES.audit);
    const logMap = readHeader(log, AUDIT_COLUMNS);
    requireChainColumns(logMap);
    const rows = audit.map(auditCells);
    const next = trimGrid(p.draft) as Cell[][];
    writeConfigGrid(p.target, sheet, p.before, next);
    try {
      appendAuditRows(log, logMap, rows, auditChain(ctx));
    } catch (e) {
      // No log line, no change: the sheet goes back to what it was.
      writeConfigGrid(p.target, sheet, next, p.before);
      throw e;
    }
    // New days off or working days move open deadlines now, each move logged (as the notice import does).
    const moved = sheet === SHEET_NAMES.holidays ? recomputeOpenDeadlines(ctx, readCalendar(next), `应用“${draftName(sheet)}”`).length : 0;
    // The draft has served: a stale copy applied later would undo what others changed since.
    deleteDraft(ctx.ss, sheet);
    const deadlines = sheet === SHEET_NAMES.holidays ? `；重新计算办理期限，${moved} 件案件的截止日期有变化` : '';
    return {
      ok: true,
      sheet,
      added: p.diff.added,
      changed: p.diff.changed,
      removed: p.diff.removed,
      moved,
      message: `${summary}，已记入操作日志${deadlines}；草稿已删除`,
    };
  });
}
