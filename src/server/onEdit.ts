/**
 * Someone typed into 案件 directly (simple trigger onEdit). Not blocking, and cheap:
 * only the edited range is read, with a fixed number of calls whatever its size.
 * - each edited form-field cell is checked with the same rule as the intake form
 *   (checkField); a wrong value gets a zh note, a corrected one loses it;
 * - each edited row is stamped: updated_by, updated_at, version + 1 (so a sidebar that
 *   loaded the case before the hand edit is refused as stale instead of overwriting it);
 * - one 操作日志 line per edited row, with before/after when Sheets gives it (one cell).
 * A simple trigger may write to the spreadsheet it belongs to; it runs as the editor, so
 * a log write the editor is not allowed to make (protected sheet) is skipped silently.
 */
import { parseFormDefinitions, type FieldDef } from '../domain/forms/fieldDefs';
import { checkField } from '../domain/forms/fieldRules';
import { numberOf } from '../domain/forms/values';
import { AUDIT_COLUMNS, changesText, jsonCell } from '../sheets/audit';
import { appendAuditRows } from '../sheets/auditChain';
import { sha256Hex } from '../platform/digest';
import { caseColumns } from '../sheets/cases';
import { readHeader, safeCell, type Cell } from '../sheets/table';
import { readSheetValues, SHEET_NAMES } from '../sheets/workbook';
import { now } from './clock';
import { civilFromDate } from '../domain/civilDate';
import { FORMULA_NOTE, STAGING, stagingValue } from '../domain/forms/stagingText';
import { isBlankValue } from '../domain/forms/values';
import { readStagingHeader } from '../sheets/staging';

const STAMP = ['updated_by', 'updated_at', 'request_id', 'version'] as const;

export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  const sheet = e.range.getSheet();
  if (sheet.getName() === STAGING.sheet) return checkStagingEdit(e);
  if (sheet.getName() !== SHEET_NAMES.cases) return;
  const ss = sheet.getParent();
  let defs: FieldDef[];
  try {
    defs = parseFormDefinitions(readSheetValues(ss, SHEET_NAMES.forms)).fields;
  } catch {
    return; // A broken 表单定义 is reported by setup; typing into 案件 must still work.
  }
  const columns = caseColumns(defs);
  const map = readHeader(sheet, columns);
  const top = Math.max(e.range.getRow(), 2);
  const bottom = e.range.getRow() + e.range.getNumRows() - 1;
  if (bottom < top) return; // only the header row was edited
  const left = e.range.getColumn();
  const width = e.range.getNumColumns();
  const rows = bottom - top + 1;
  const at = now();
  const today = civilFromDate(at);

  const body = sheet.getRange(top, left, rows, width);
  const values = body.getValues();
  const byCol = new Map<number, FieldDef>();
  for (const d of defs) if (map.col[d.key] !== undefined) byCol.set(map.col[d.key], d);
  const fieldCols = [...Array(width).keys()].filter((j) => byCol.has(left + j));
  if (fieldCols.length > 0) {
    const notes = body.getNotes();
    for (let i = 0; i < rows; i++) {
      for (const j of fieldCols) notes[i][j] = checkField(byCol.get(left + j)!, values[i][j], { today }) ?? '';
    }
    body.setNotes(notes);
  }

  const email = editorEmail(e);
  const stampCols = STAMP.map((k) => map.col[k]);
  if (stampCols.every((c) => c !== undefined) && stampCols.every((c, i) => i === 0 || c === stampCols[i - 1]! + 1)) {
    // The four stamp columns are adjacent by default: one read and one write for all edited rows.
    const stampRange = sheet.getRange(top, stampCols[0]!, rows, STAMP.length);
    const stamps = stampRange.getValues();
    for (const s of stamps) {
      s[0] = email;
      s[1] = at;
      s[3] = (numberOf(s[3]) ?? 0) + 1;
      // Written back as read: the request id's text goes back with its marker, never as a formula.
      s[2] = safeCell(s[2] as Cell);
    }
    stampRange.setValues(stamps);
  }

  const keyOf = new Map<number, string>(Object.entries(map.col).map(([k, c]) => [c, k]));
  const single = rows === 1 && width === 1;
  const workerNos = map.col.worker_no !== undefined ? sheet.getRange(top, map.col.worker_no, rows, 1).getValues() : null;
  const log = values.map((row, i) => ({
    time: at,
    user: email,
    worker_no: workerNos ? (workerNos[i][0] as Cell) : '',
    action: '手工编辑',
    from: '',
    to: '',
    reason: '',
    changes: changesText(
      row.map((v, j) => ({
        field: keyOf.get(left + j) ?? `第${left + j}列`,
        label: columns.find((c) => c.key === keyOf.get(left + j))?.zh,
        before: single ? jsonCell(e.oldValue ?? null) : null,
        beforeUnknown: !single,
        after: jsonCell(v),
      })),
    ),
    request_id: '',
  }));
  try {
    const audit = ss.getSheetByName(SHEET_NAMES.audit);
    // Chained from the sheet's last row; the writer's head does not count this row, so 校验操作日志 reports it as added outside the writer.
    if (audit) appendAuditRows(audit, readHeader(audit, AUDIT_COLUMNS), log, { digest: sha256Hex });
  } catch {
    // The editor may not write 操作日志 (protected): the stamp on the row still shows who changed it.
  }
}

function editorEmail(e: GoogleAppsScript.Events.SheetsOnEdit): string {
  try {
    const fromEvent = e.user?.getEmail?.() ?? '';
    return (fromEvent || Session.getActiveUser().getEmail() || '').toLowerCase() || '（未知用户）';
  } catch {
    return '（未知用户）';
  }
}

/**
 * Typing into 录入: each edited field cell gets the note the submission would give it (a
 * formula, member text that cannot be read, a wrong ID check digit, a number out of
 * range…), and loses it once corrected. A blank cell gets no note while the row is being
 * typed: a missing required field is reported when the row is submitted. Fixed cost: the
 * header, then the edited block's values, formulas and notes, and one setNotes. A simple
 * trigger runs as the person typing, which is why 录入 stays unprotected.
 */
function checkStagingEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const sheet = e.range.getSheet();
  let defs: FieldDef[];
  try {
    defs = parseFormDefinitions(readSheetValues(sheet.getParent(), SHEET_NAMES.forms)).fields;
  } catch {
    return;
  }
  const map = readStagingHeader(sheet, defs);
  const top = Math.max(e.range.getRow(), 2);
  const bottom = e.range.getRow() + e.range.getNumRows() - 1;
  if (bottom < top) return;
  const left = e.range.getColumn();
  const width = e.range.getNumColumns();
  const byCol = new Map<number, FieldDef>();
  for (const d of defs) if (map.col[d.key] !== undefined && !d.computed) byCol.set(map.col[d.key], d);
  const cols = [...Array(width).keys()].filter((j) => byCol.has(left + j));
  if (cols.length === 0) return;
  const body = sheet.getRange(top, left, bottom - top + 1, width);
  const values = body.getValues();
  const formulas = body.getFormulas();
  const notes = body.getNotes();
  const today = civilFromDate(now());
  for (let i = 0; i < values.length; i++) {
    for (const j of cols) {
      const def = byCol.get(left + j)!;
      if (formulas[i][j]) {
        notes[i][j] = FORMULA_NOTE;
        continue;
      }
      if (isBlankValue(values[i][j])) {
        notes[i][j] = '';
        continue;
      }
      const v = stagingValue(def, values[i][j]);
      notes[i][j] = v.ok ? (checkField(def, v.value, { today }) ?? '') : v.zh;
    }
  }
  body.setNotes(notes);
}
