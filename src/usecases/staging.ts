/**
 * 帮扶 → 提交录入行: moves the rows staff typed or pasted into 录入 into 案件.
 *
 * Every row is judged by the schema the sidebar's save uses (validateSubmission), with
 * the same duplicate-ID and other-programme checks; a row that passes becomes a case with
 * its worker number and its 新增案件 log line, and its 录入 row is marked 已提交 with that
 * number; a row that fails stays, with a zh note on each bad cell and the reason in
 * 提交状态. A cell holding a formula is refused, never imported.
 *
 * Service calls do not depend on the number of rows: 录入 is read once (values and
 * formulas of one block), 案件 gets ONE setValues for all new cases, 操作日志 ONE for all
 * their log lines, and 录入 one for the marks and one for the notes.
 *
 * Submitting twice creates nothing twice: a row marked 已提交 is skipped, and each row's
 * request id (from its row number and content) is looked up in 案件 first, so a run cut
 * off after writing 案件 but before marking 录入 is finished, not repeated, by the next.
 */
import { parseStatus } from '../domain/caseModel';
import { isDate } from '../domain/civilDate';
import { BangfuError } from '../domain/errors';
import { validateSubmission } from '../domain/forms/caseSchema';
import { FORMULA_NOTE, STAGING, stagingValue } from '../domain/forms/stagingText';
import { isBlankValue, textOf } from '../domain/forms/values';
import { makeWorkerNo, parseWorkerNo } from '../domain/workerNo';
import type { User } from '../domain/workflow/permissions';
import { auditCells, type AuditRecord } from '../sheets/audit';
import { caseCells, caseColumn, openCaseSheet } from '../sheets/cases';
import { appendAuditRows, requireChainColumns } from '../sheets/auditChain';
import { commitTarget } from '../sheets/commit';
import { readStaging, stagingColumns, writeStagingMarks, type StagingMark, type StagingRead } from '../sheets/staging';
import { appendRows, requireColumns, type Cell } from '../sheets/table';
import { countyForNewCase, duplicateWarnings, resolveCounty, type IdIndexEntry } from '../config/caseRules';
import { allocateWorkerNo, suggestRelief } from '../config/domainRules';
import { requireUser, say, t, type Ctx } from './ctx';
import { newCaseAudit, newCaseRecord } from './newCase';
import { auditChain } from './verifyAudit';

export type SubmitStagingRequest = Record<string, never> | undefined;

export interface SubmitStagingResult {
  ok: boolean;
  message: string;
  /** Rows moved into 案件 by this submission. */
  submitted: number;
  /** Rows left in 录入 with notes. */
  refused: number;
}

export function submitStaging(ctx: Ctx, _req?: SubmitStagingRequest): SubmitStagingResult {
  try {
    const user = requireUser(ctx);
    // Under the Ctx's lock (the writer's script lock, or the document lock for the owner alone): worker numbers are taken from what is read here.
    return ctx.lock(() => submitLocked(ctx, user), 30_000);
  } catch (e) {
    if (e instanceof BangfuError) return { ok: false, message: say(ctx, e), submitted: 0, refused: 0 };
    throw e;
  }
}

/** FNV-1a, 32 bits, as 8 hex digits: a row's content fingerprint for its request id. */
function fingerprint(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

// Realm-safe (the writer bundle runs in its own realm): a Date cell by its instant.
const cellText = (v: unknown) => (isDate(v) ? String(v.getTime()) : textOf(v));

interface RowOutcome {
  row: number;
  /** Problems by 0-based column (a problem of the row as a whole is noted on 提交状态). */
  problems: Map<number, string>;
}

function submitLocked(ctx: Ctx, user: User): SubmitStagingResult {
  const defs = ctx.forms().fields;
  const read = readStaging(ctx.ss, defs);
  const { map } = read;
  const width = Math.max(map.width, 1);
  // Without its two columns a row could be neither marked nor skipped next time: refuse, and say which.
  requireColumns(map, stagingColumns(defs), ['staging_status', 'worker_no']);
  const statusIdx = map.col.staging_status - 1;
  const noIdx = map.col.worker_no - 1;
  const fieldCols = defs.filter((d) => map.col[d.key] !== undefined);
  if (fieldCols.length === 0) {
    throw new BangfuError(
      'staging.noColumns',
      '“录入”表没有可识别的字段列。请运行 帮扶 → 初始化/修复表格',
      'The 录入 sheet has no recognisable field columns. Run 帮扶 → Set up / repair',
    );
  }

  const cs = openCaseSheet(ctx.ss, defs);
  const ids = caseColumn(cs, 'id_number');
  const nos = caseColumn(cs, 'worker_no');
  const statuses = caseColumn(cs, 'status');
  const requestIds = caseColumn(cs, 'request_id');
  // Indexes built once (a row-by-row scan of 20,000 cases per staging row would be quadratic).
  const byId = new Map<string, IdIndexEntry[]>();
  const addId = (id: string, entry: IdIndexEntry) => {
    const key = id.trim().toUpperCase();
    if (key === '') return;
    const list = byId.get(key) ?? [];
    list.push(entry);
    byId.set(key, list);
  };
  for (let i = 0; i < ids.length; i++) addId(textOf(ids[i]), { workerNo: textOf(nos[i]), status: parseStatus(statuses[i]), rowNumber: i + 2 });
  const byRequest = new Map<string, string>();
  for (let i = 0; i < requestIds.length; i++) if (textOf(requestIds[i]) !== '') byRequest.set(textOf(requestIds[i]), textOf(nos[i]));
  const nextSerial = new Map<string, number>();
  const takeWorkerNo = (county: string): string => {
    let serial = nextSerial.get(county);
    if (serial === undefined) serial = parseWorkerNo(allocateWorkerNo(nos, county))!.serial;
    nextSerial.set(county, serial + 1);
    return makeWorkerNo(county, serial, ctx.settings().provinceLetter);
  };

  const settings = ctx.settings();
  const locale = ctx.locale();
  const dibao = ctx.dibaoLine();
  const policy = ctx.policy();
  const calendar = ctx.calendar();
  const rules = ctx.rules();

  const marks: StagingMark[] = [];
  const notes: string[][] = read.values.map(() => new Array<string>(width).fill(''));
  const records: Record<string, Cell>[] = [];
  const audits: AuditRecord[] = [];
  let submitted = 0;
  let refused = 0;
  let already = 0;

  for (let i = 0; i < read.values.length; i++) {
    const cells = read.values[i];
    const rowNumber = i + 2;
    const outcome: RowOutcome = { row: rowNumber, problems: new Map() };
    const note = (col: number, message: string) => {
      const before = outcome.problems.get(col);
      outcome.problems.set(col, before ? `${before}；${message}` : message);
    };
    if (fieldCols.every((d) => isBlankValue(cells[map.col[d.key] - 1]) && !read.formulas[i]?.[map.col[d.key] - 1])) continue;
    if (textOf(cells[statusIdx]) === STAGING.submitted) {
      already++;
      continue;
    }

    const raw: Record<string, unknown> = {};
    for (const d of fieldCols) {
      const c = map.col[d.key] - 1;
      if (read.formulas[i]?.[c]) {
        note(c, FORMULA_NOTE);
        continue;
      }
      const v = stagingValue(d, cells[c]);
      if (v.ok) raw[d.key] = v.value;
      else note(c, locale === 'en' ? v.en : v.zh);
    }

    let county = '';
    try {
      // The city union and administrators enter for any county: they add a 县区代码 column of their own.
      const countyCol = map.header.findIndex((h) => h === '县区代码' || h === '县区');
      const wanted = countyCol >= 0 ? textOf(cells[countyCol]) : undefined;
      county = resolveCounty(countyForNewCase(user.role, user.county, wanted), settings.counties, settings.provinceLetter).code;
    } catch (e) {
      note(statusIdx, say(ctx, e));
    }

    const parsed = validateSubmission(defs, raw, { role: user.role, today: ctx.today, locale, dibaoLine: dibao });
    if (!parsed.ok) {
      for (const err of parsed.errors) {
        const col = map.col[err.field];
        // A field refused for its formula already has its note; its absence is not a second mistake.
        if (col !== undefined && outcome.problems.has(col - 1)) continue;
        note(col !== undefined ? col - 1 : statusIdx, err.message);
      }
    }

    const requestId = `录入-${rowNumber}-${fingerprint(fieldCols.map((d) => cellText(cells[map.col[d.key] - 1])).join('\u0001'))}`;
    const earlier = byRequest.get(requestId);
    if (outcome.problems.size === 0 && earlier !== undefined) {
      // Written to 案件 by a run that stopped before marking this row: mark it, write nothing.
      marks.push({ row: rowNumber, status: STAGING.submitted, workerNo: earlier });
      already++;
      continue;
    }

    if (outcome.problems.size === 0 && parsed.ok) {
      const values = parsed.values;
      const id = textOf(values.id_number);
      const warnings = duplicateWarnings(id, byId.get(id.toUpperCase()) ?? [], textOf(values.other_programme), locale);
      for (const w of warnings.filter((x) => x.needsOverride)) {
        const key = w.code === 'duplicate_id' ? 'id_number' : 'other_programme';
        const col = map.col[key];
        note(
          col !== undefined ? col - 1 : statusIdx,
          `${w.message}${t(ctx, '（需审核人员在侧边栏填写原因后保存）', ' (a reviewer must save it in the sidebar with a reason)')}`,
        );
      }
    }

    if (outcome.problems.size > 0 || !parsed.ok) {
      refused++;
      for (const [col, message] of outcome.problems) notes[i][col] = message;
      marks.push({
        row: rowNumber,
        status: t(ctx, `未提交：${outcome.problems.size} 处需修改（见批注）`, `Not submitted: ${outcome.problems.size} cell(s) to fix (see notes)`),
        workerNo: textOf(cells[noIdx]),
      });
      continue;
    }

    const values = parsed.values;
    const workerNo = takeWorkerNo(county);
    const relief = suggestRelief(policy, values, ctx.today, dibao);
    const record = newCaseRecord(values, {
      workerNo,
      county,
      by: user.email,
      now: ctx.now,
      today: ctx.today,
      requestId,
      suggested: relief.amount ?? '',
      calendar,
      rules,
    });
    const caseRow = caseCells(defs, record);
    records.push(caseRow);
    audits.push(
      newCaseAudit(
        { now: ctx.now, by: user.email, workerNo, requestId, reason: t(ctx, `录入表第 ${rowNumber} 行提交`, `Submitted from 录入 row ${rowNumber}`) },
        defs,
        caseRow,
      ),
    );
    addId(textOf(values.id_number), { workerNo, status: 'submitted', rowNumber: 0 });
    byRequest.set(requestId, workerNo);
    marks.push({ row: rowNumber, status: STAGING.submitted, workerNo });
    submitted++;
  }

  writeCases(ctx, cs, records, audits);
  writeStagingMarks(read, marks, notes);

  const parts = [
    submitted > 0 ? t(ctx, `已提交 ${submitted} 行`, `${submitted} row(s) submitted`) : '',
    refused > 0 ? t(ctx, `${refused} 行需修改（见“录入”表中的批注）`, `${refused} row(s) need changes (see the notes in 录入)`) : '',
    already > 0 ? t(ctx, `${already} 行此前已提交`, `${already} row(s) were already submitted`) : '',
  ].filter(Boolean);
  const message = parts.length > 0 ? parts.join(t(ctx, '；', '; ')) : t(ctx, '“录入”表中没有待提交的行', 'No rows to submit in 录入');
  return { ok: true, message, submitted, refused };
}

/**
 * All new cases in ONE setValues, then all their log lines in ONE (hash-chained, as
 * commit.ts chains one case's line); if the log write fails,
 * the appended case rows are blanked again before the error goes on (as commit.ts does for
 * one case), so no case exists without its log line.
 */
function writeCases(ctx: Ctx, cs: ReturnType<typeof openCaseSheet>, records: Record<string, Cell>[], audits: AuditRecord[]): void {
  if (records.length === 0) return;
  const target = commitTarget(ctx.ss, cs, auditChain(ctx));
  const auditRows = audits.map(auditCells);
  // Checked before the first write: a log without its hash columns refuses, and nothing is written.
  requireChainColumns(target.auditMap);
  const first = appendRows(target.caseSheet, target.caseMap, records);
  try {
    // Chained (前一哈希/本行哈希) like every log line; the writer's head moves in the same locked operation.
    appendAuditRows(target.auditSheet, target.auditMap, auditRows, target.chain);
  } catch (e) {
    target.caseSheet.getRange(first, 1, records.length, Math.max(target.caseMap.width, 1)).clearContent();
    throw e;
  }
}

export type { StagingRead };
