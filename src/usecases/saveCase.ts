/**
 * Save a new case or an edit: the authority, whatever the page checked. The zod schema
 * built from 表单定义 validates every field (zh errors naming the field), the user must be
 * in 人员权限, edits need the version the page loaded, and nothing is written unless
 * everything passed. Runs the same in the bound script (owner alone) and in the writer.
 */
import type { CaseRecord } from '../domain/caseModel';
import { parseStatus } from '../domain/caseModel';
import { BangfuError } from '../domain/errors';
import type { FieldDef } from '../domain/forms/fieldDefs';
import { validateSubmission } from '../domain/forms/caseSchema';
import { chainForNewCase, chainOf, withChainOwners } from '../domain/workflow/chain';
import { normalizeValue, numberOf, textOf } from '../domain/forms/values';
import { mayOverrideWarnings, roleLabel } from '../domain/roles';
import { inCountyScope, type User } from '../domain/workflow/permissions';
import { dueDate, provisionalDueNote, provisionalYearsOf } from '../domain/workflow/deadlines';
import { coerceCivil } from '../domain/civilDate';
import type { FieldError, Json, SaveCaseRequest, SaveCaseResult, Warning } from '../shared/endpoints';
import { jsonCell, type AuditRecord, type FieldChange } from '../sheets/audit';
import { caseCells, caseColumn, findCase, openCaseSheet, sameCell, type CaseSheet } from '../sheets/cases';
import { commitCaseWithAudit, commitTarget } from '../sheets/commit';
import { auditChain } from './verifyAudit';
import { findRows, readRow, type Cell, type TableRow } from '../sheets/table';
import { casesWithId, countyForNewCase, duplicateWarnings, EDIT_ROLES_BY_STATUS, resolveCounty, statusText } from '../config/caseRules';
import { allocateWorkerNo, suggestRelief } from '../config/domainRules';
import { say, t, type Ctx } from './ctx';
import { idempotentWrite } from './idempotent';
import { newCaseAudit, newCaseRecord } from './newCase';

export function notFound(workerNo: string): BangfuError {
  return new BangfuError('case.notFound', `找不到职工编号为 ${workerNo} 的案件`, `No case with worker number ${workerNo}`);
}

export function checkScope(user: User, record: CaseRecord): void {
  if (!inCountyScope(user, record.county)) {
    throw new BangfuError(
      'case.scope',
      `该案件属于县区 ${textOf(record.county)}，不在您的管辖范围`,
      `The case belongs to county ${textOf(record.county)}, outside your scope`,
    );
  }
}

function fieldLabelOf(ctx: Ctx, key: string): string {
  if (key === 'county') return t(ctx, '县区', 'County');
  try {
    const d = ctx.forms().fields.find((f) => f.key === key);
    return d ? t(ctx, d.zh, d.en) : key;
  } catch {
    return key;
  }
}

export function idDef(defs: readonly FieldDef[]): FieldDef {
  return defs.find((d) => d.key === 'id_number') ?? ({ key: 'id_number', type: 'idcard', options: [] } as unknown as FieldDef);
}

const failed = (message: string, errors: FieldError[] = [], warnings: Warning[] = []): SaveCaseResult => ({ ok: false, errors, warnings, message });

/** Saves a new case or an edit. Nothing is written on any error. */
export function saveCase(ctx: Ctx, req: SaveCaseRequest): SaveCaseResult {
  return idempotentWrite(
    ctx,
    req?.requestId,
    (e) => failed(say(ctx, e), e.field ? [{ field: e.field, label: fieldLabelOf(ctx, e.field), message: say(ctx, e) }] : []),
    (user, requestId) => (req.workerNo ? saveEdit(ctx, user, req, requestId) : saveNew(ctx, user, req, requestId)),
  );
}

interface Prepared {
  values: Record<string, Json>;
  warnings: Warning[];
}

/** Validates (zod schema from 表单定义) and collects blocking warnings; errors → a result to return. */
function validate(
  ctx: Ctx,
  user: User,
  req: SaveCaseRequest,
  cs: CaseSheet,
  previous: Record<string, unknown> | undefined,
  self: string | undefined,
): Prepared | SaveCaseResult {
  // Fields a stage of the case's chain claims are that stage's (审批流程 专属字段).
  const chains = ctx.rules().chains;
  const chain = previous ? chainOf(chains, previous as CaseRecord) : chainForNewCase(chains, ctx.today);
  const defs = withChainOwners(ctx.forms().fields, chain);
  const parsed = validateSubmission(defs, (req.values ?? {}) as Record<string, unknown>, {
    role: user.role,
    today: ctx.today,
    locale: ctx.locale(),
    previous,
    dibaoLine: ctx.dibaoLine(),
  });
  if (!parsed.ok) {
    return failed(
      t(
        ctx,
        `有 ${parsed.errors.length} 项需要修改：${parsed.errors.map((e) => e.message).join('；')}`,
        `${parsed.errors.length} field(s) need attention: ${parsed.errors.map((e) => e.message).join('; ')}`,
      ),
      parsed.errors,
    );
  }
  const values = parsed.values;
  const id = textOf(values.id_number);
  const idChanged = !previous || textOf(normalizeValue(idDef(defs), previous.id_number)) !== id;
  const progChanged = !previous || textOf(previous.other_programme) !== textOf(values.other_programme);
  let warnings: Warning[] = [];
  if (idChanged || progChanged) {
    const others = idChanged && id !== '' ? casesWithId(id, caseColumn(cs, 'id_number'), caseColumn(cs, 'worker_no'), caseColumn(cs, 'status'), self) : [];
    warnings = duplicateWarnings(idChanged ? id : '', others, progChanged ? textOf(values.other_programme) : '', ctx.locale());
  }
  // 帮扶责任人 stay as assigned, in principle (荆工办〔2016〕2号 二（四）): a change needs a reason, logged.
  const cadreBefore = previous ? textOf(previous.cadre_name).trim() : '';
  if (cadreBefore !== '' && 'cadre_name' in values && textOf(values.cadre_name).trim() !== cadreBefore) {
    warnings.push({
      code: 'cadre_change',
      message: t(
        ctx,
        `帮扶责任人原则上保持不变：由“${cadreBefore}”改为“${textOf(values.cadre_name).trim() || '（空）'}”须说明原因`,
        `The responsible cadre stays as assigned: changing ${cadreBefore} needs a reason`,
      ),
      needsOverride: true,
    });
  }
  const blocking = warnings.filter((w) => w.needsOverride);
  if (blocking.length > 0) {
    const reason = (req.override?.reason ?? '').trim();
    if (reason === '') {
      return failed(
        t(
          ctx,
          `需要审核人员填写原因后才能保存：${blocking.map((w) => w.message).join('；')}`,
          `Saving needs a reviewer's override with a reason: ${blocking.map((w) => w.message).join('; ')}`,
        ),
        [],
        warnings,
      );
    }
    if (!mayOverrideWarnings(user.role)) {
      return failed(
        t(
          ctx,
          `${roleLabel(user.role)}不能覆盖提示，请由单位工会审核人员或上级工会保存`,
          `${roleLabel(user.role, 'en')} cannot override warnings; a reviewer or higher must save`,
        ),
        [],
        warnings,
      );
    }
  }
  return { values, warnings };
}

function overrideReason(req: SaveCaseRequest, warnings: readonly Warning[]): string {
  const blocking = warnings.filter((w) => w.needsOverride);
  if (blocking.length === 0) return '';
  const what = (code: string) => (code === 'duplicate_id' ? '身份证号重复' : code === 'cadre_change' ? '更换帮扶责任人' : '已享受其他帮扶');
  return `覆盖提示（${blocking.map((w) => what(w.code)).join('、')}）：${(req.override?.reason ?? '').trim()}`;
}

function isResult(x: Prepared | SaveCaseResult): x is SaveCaseResult {
  return 'ok' in x;
}

function saveNew(ctx: Ctx, user: User, req: SaveCaseRequest, requestId: string): SaveCaseResult {
  const defs = ctx.forms().fields;
  const cs = openCaseSheet(ctx.ss, defs);
  // A retry of a request that already made a row: answer as the first time.
  const earlier = findRows(caseColumn(cs, 'request_id'), requestId);
  if (earlier.length > 0) return replay(ctx, readRow(cs.sheet, cs.map, earlier[0]), true);

  const settings = ctx.settings();
  const county = resolveCounty(countyForNewCase(user.role, user.county, req.county), settings.counties, settings.provinceLetter);
  const prepared = validate(ctx, user, req, cs, undefined, undefined);
  if (isResult(prepared)) return prepared;
  const { values, warnings } = prepared;

  const workerNo = allocateWorkerNo(caseColumn(cs, 'worker_no'), county.code);
  const relief = suggestRelief(ctx.policy(), values, ctx.today, ctx.dibaoLine());
  const record = newCaseRecord(values, {
    workerNo,
    county: county.code,
    by: user.email,
    now: ctx.now,
    today: ctx.today,
    requestId,
    suggested: relief.amount ?? '',
    calendar: ctx.calendar(),
    rules: ctx.rules(),
  });
  const cells = caseCells(defs, record);
  const audit = newCaseAudit({ now: ctx.now, by: user.email, workerNo, requestId, reason: overrideReason(req, warnings) }, defs, cells);
  const row = commitCaseWithAudit(commitTarget(ctx.ss, cs, auditChain(ctx)), { kind: 'append', record: cells }, [audit]);
  // A due date counted over an unpublished year is 暂定: say so in its cell (one call, only then).
  const dueNote = provisionalDueNote(provisionalYearsOf(record as CaseRecord, coerceCivil(record.due_date), ctx.calendar(), ctx.rules().chains));
  if (dueNote && cs.map.col.due_date !== undefined) cs.sheet.getRange(row, cs.map.col.due_date).setNote(dueNote);
  return {
    ok: true,
    workerNo,
    created: true,
    version: 1,
    message: t(
      ctx,
      `已保存，职工编号 ${workerNo}${dueNote ? `；截止日期 ${textOf(record.due_date)}（暂定）` : ''}`,
      `Saved: worker number ${workerNo}${dueNote ? `; due ${textOf(record.due_date)} (provisional)` : ''}`,
    ),
  };
}

function replay(ctx: Ctx, row: TableRow, created: boolean): SaveCaseResult {
  const workerNo = textOf(row.record.worker_no);
  return {
    ok: true,
    workerNo,
    created,
    version: numberOf(row.record.version) ?? 1,
    message: t(ctx, `已保存，职工编号 ${workerNo}`, `Saved: worker number ${workerNo}`),
  };
}

function saveEdit(ctx: Ctx, user: User, req: SaveCaseRequest, requestId: string): SaveCaseResult {
  const defs = ctx.forms().fields;
  const cs = openCaseSheet(ctx.ss, defs);
  const row = findCase(cs, req.workerNo!);
  if (!row) throw notFound(req.workerNo!);
  const before = row.record;
  if (textOf(before.request_id) === requestId) return replay(ctx, row, false);
  checkScope(user, before);
  const status = parseStatus(before.status);
  if (status === null) throw new BangfuError('case.badStatus', `案件状态“${textOf(before.status)}”无法识别`, `Unrecognised status "${textOf(before.status)}"`);
  if (!EDIT_ROLES_BY_STATUS[status].includes(user.role)) {
    throw new BangfuError(
      'case.notEditable',
      `案件${statusText(status)}，${roleLabel(user.role)}不能修改`,
      `The case is ${statusText(status, 'en')}; ${roleLabel(user.role, 'en')} cannot edit it`,
    );
  }
  const current = numberOf(before.version) ?? 0;
  if (req.version === undefined || req.version !== current) {
    throw new BangfuError(
      'case.stale',
      `该案件已被他人修改（当前版本 ${current}，您打开的是版本 ${req.version ?? '未知'}），请重新打开后再保存`,
      `Someone else changed this case (now version ${current}, you opened ${req.version ?? 'unknown'}); reopen it and save again`,
    );
  }

  const prepared = validate(ctx, user, req, cs, before, textOf(before.worker_no));
  if (isResult(prepared)) return prepared;
  const { values, warnings } = prepared;

  const changes: Record<string, Cell> = {};
  const changed: FieldChange[] = [];
  const newCells = caseCells(defs, values);
  for (const d of defs) {
    if (!sameCell(before[d.key], newCells[d.key]) && JSON.stringify(normalizeValue(d, before[d.key])) !== JSON.stringify(values[d.key])) {
      changes[d.key] = newCells[d.key];
      changed.push({ field: d.key, label: d.zh, before: jsonCell(before[d.key]), after: jsonCell(newCells[d.key]) });
    }
  }
  if (changed.length === 0) {
    return { ok: true, workerNo: textOf(before.worker_no), created: false, version: current, message: t(ctx, '没有需要保存的修改', 'Nothing to save') };
  }
  // Derived system values that follow the form: the suggestion and, while under review, the deadline.
  const merged = { ...before, ...values } as CaseRecord;
  const relief = suggestRelief(ctx.policy(), merged, ctx.today, ctx.dibaoLine());
  const system: Record<string, unknown> = { suggested_amount: relief.amount ?? '' };
  const due = dueDate(merged, ctx.calendar(), ctx.rules());
  if (status === 'submitted') system.due_date = due ?? '';
  for (const [k, v] of Object.entries(caseCells(defs, system))) {
    if (!sameCell(before[k], v)) {
      changes[k] = v;
      changed.push({ field: k, before: jsonCell(before[k]), after: jsonCell(v) });
    }
  }
  const version = current + 1;
  Object.assign(changes, caseCells(defs, { updated_by: user.email, updated_at: ctx.now, request_id: requestId, version }));
  const audit: AuditRecord = {
    time: ctx.now,
    user: user.email,
    workerNo: textOf(before.worker_no),
    action: '修改案件',
    from: statusText(status),
    to: statusText(status),
    reason: overrideReason(req, warnings),
    changes: changed,
    requestId,
  };
  commitCaseWithAudit(commitTarget(ctx.ss, cs, auditChain(ctx)), { kind: 'update', before: row, changes }, [audit]);
  return {
    ok: true,
    workerNo: textOf(before.worker_no),
    created: false,
    version,
    message: t(ctx, `已保存修改（版本 ${version}）`, `Changes saved (version ${version})`),
  };
}
