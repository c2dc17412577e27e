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
import { caseColumns } from '../sheets/cases';
import { appendRows, readHeader, type Cell } from '../sheets/table';
import { readSheetValues, SHEET_NAMES } from '../sheets/workbook';
import { now } from './clock';
import { civilFromDate } from '../domain/civilDate';

const STAMP = ['updated_by', 'updated_at', 'request_id', 'version'] as const;

export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  const sheet = e.range.getSheet();
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
    changes: changesText(row.map((v, j) => ({
      field: keyOf.get(left + j) ?? `第${left + j}列`,
      label: columns.find((c) => c.key === keyOf.get(left + j))?.zh,
      before: single ? jsonCell(e.oldValue ?? null) : null,
      beforeUnknown: !single,
      after: jsonCell(v),
    }))),
    request_id: '',
  }));
  try {
    const audit = ss.getSheetByName(SHEET_NAMES.audit);
    if (audit) appendRows(audit, readHeader(audit, AUDIT_COLUMNS), log);
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
