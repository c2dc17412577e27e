/**
 * Typed tables over sheets: the header row (row 1) names the columns, code maps them to
 * keys. Administrators may reorder columns or add their own; we find ours by the zh label,
 * the key or the English label, and leave the rest alone.
 *
 * Cost rules (Apps Script time goes to service calls, DESIGN.md "Quotas"):
 * - reading a whole table is ONE getValues over the data range;
 * - appending is ONE setValues; updating a row is ONE setValues over the span of that row
 *   that changes;
 * - finding a row by key reads ONE column, so the number of calls never depends on how
 *   many rows the sheet holds.
 */
import { dateToSheet, datesFromSheet } from './zone';
import { BangfuError } from '../domain/errors';
import { asCellText } from '../domain/forms/formulaSafety';

export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Cell = string | number | boolean | Date;

export interface Column {
  key: string;
  zh: string;
  en?: string;
}

/** Where each known column sits (1-based), read from the header row. */
export interface HeaderMap {
  sheetName: string;
  /** 1-based column number per key. */
  col: Record<string, number>;
  /** The header row as text, every column (ours and the administrator's). */
  header: string[];
  /** The number of header columns (the row width to write). */
  width: number;
}

const norm = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** Maps a header row to column numbers; unknown headers are tolerated and ignored. */
export function mapHeader(sheetName: string, headerRow: readonly unknown[], columns: readonly Column[]): HeaderMap {
  const header = headerRow.map(norm);
  const lower = header.map((h) => h.toLowerCase());
  const col: Record<string, number> = {};
  // A header cell belongs to the first column that claims it: a form field labelled like a
  // system column (an administrator's choice) gets its own, later, header cell.
  const claimed = new Set<number>();
  const claim = (test: (i: number) => boolean) => {
    for (let i = 0; i < header.length; i++) if (!claimed.has(i) && test(i)) return i;
    return -1;
  };
  for (const c of columns) {
    const key = c.key.toLowerCase();
    const en = (c.en ?? '').toLowerCase();
    let i = claim((j) => header[j] === c.zh);
    if (i < 0) i = claim((j) => lower[j] === key);
    if (i < 0 && en !== '') i = claim((j) => lower[j] === en);
    if (i >= 0) {
      col[c.key] = i + 1;
      claimed.add(i);
    }
  }
  let width = header.length;
  while (width > 0 && header[width - 1] === '') width--;
  return { sheetName, col, header, width };
}

/** Throws a zh error naming every required column the header lacks. */
export function requireColumns(map: HeaderMap, columns: readonly Column[], keys: readonly string[]): void {
  const missing = keys.filter((k) => map.col[k] === undefined).map((k) => columns.find((c) => c.key === k)?.zh ?? k);
  if (missing.length > 0) {
    throw new BangfuError(
      'table.missingColumns',
      `“${map.sheetName}”表缺少列：${missing.join('、')}。请运行 帮扶 → 初始化/修复表格`,
      `Sheet "${map.sheetName}" lacks the columns: ${missing.join(', ')}. Run 帮扶 → Set up / repair`,
    );
  }
}

export interface TableRow {
  /** 1-based sheet row. */
  rowNumber: number;
  /** The whole row as getValues gave it. */
  cells: Cell[];
  /** Our columns by key ('' when the column is absent). */
  record: Record<string, Cell>;
}

export interface Table {
  map: HeaderMap;
  rows: TableRow[];
}

export interface ReadOptions {
  /** Only these keys go into each record (the daily run needs 6 of 80 columns). */
  keys?: readonly string[];
  /** Throw when these columns are missing. */
  required?: readonly string[];
  /** Skip rows whose cells are all blank (default true). */
  skipBlank?: boolean;
}

const isBlankCell = (v: unknown) => v === '' || v === null || v === undefined;

/** The whole table with ONE getValues; header row 1, data from row 2. */
export function readTable(sheet: Sheet, columns: readonly Column[], opts: ReadOptions = {}): Table {
  const values = datesFromSheet(sheet.getDataRange().getValues() as Cell[][]);
  return tableFromValues(sheet.getName(), values, columns, opts);
}

/** The same as readTable, from values already read (one read, several uses). */
export function tableFromValues(sheetName: string, values: Cell[][], columns: readonly Column[], opts: ReadOptions = {}): Table {
  const map = mapHeader(sheetName, values[0] ?? [], columns);
  if (opts.required) requireColumns(map, columns, opts.required);
  const keys = (opts.keys ?? columns.map((c) => c.key)).filter((k) => map.col[k] !== undefined);
  const idx = keys.map((k) => map.col[k] - 1);
  const skipBlank = opts.skipBlank !== false;
  const rows: TableRow[] = [];
  for (let r = 1; r < values.length; r++) {
    const cells = values[r];
    if (skipBlank && cells.every(isBlankCell)) continue;
    const record: Record<string, Cell> = {};
    for (let j = 0; j < keys.length; j++) record[keys[j]] = cells[idx[j]] ?? '';
    rows.push({ rowNumber: r + 1, cells, record });
  }
  return { map, rows };
}

/** Header row only: one getValues of row 1. */
export function readHeader(sheet: Sheet, columns: readonly Column[]): HeaderMap {
  const lastCol = Math.max(sheet.getLastColumn(), 1);
  const row = sheet.getRange(1, 1, 1, lastCol).getValues()[0];
  return mapHeader(sheet.getName(), row, columns);
}

/** One column's data cells (row 2 down) with ONE getValues; [] for an empty table. */
export function readColumn(sheet: Sheet, map: HeaderMap, key: string): Cell[] {
  const c = map.col[key];
  if (c === undefined) return [];
  const last = sheet.getLastRow();
  if (last < 2) return [];
  return datesFromSheet(sheet.getRange(2, c, last - 1, 1).getValues()).map((r) => r[0] as Cell);
}

/** Row numbers whose `key` cell equals `value` (trimmed text compare, case-insensitive). */
export function findRows(column: readonly Cell[], value: string): number[] {
  const want = value.trim().toUpperCase();
  const out: number[] = [];
  if (want === '') return out;
  for (let i = 0; i < column.length; i++) {
    if (norm(column[i]).toUpperCase() === want) out.push(i + 2);
  }
  return out;
}

/** One row, all header columns, with ONE getValues. */
export function readRow(sheet: Sheet, map: HeaderMap, rowNumber: number): TableRow {
  const cells = datesFromSheet(sheet.getRange(rowNumber, 1, 1, Math.max(map.width, 1)).getValues())[0] as Cell[];
  const record: Record<string, Cell> = {};
  for (const [k, c] of Object.entries(map.col)) record[k] = cells[c - 1] ?? '';
  return { rowNumber, cells, record };
}

/** A value as it must be written: user text that could start a formula goes in as text. */
export function safeCell(v: Cell | null | undefined): Cell {
  if (v === null || v === undefined) return '';
  return dateToSheet(asCellText(v));
}

/** A record → a full-width row of cells in header order; unknown columns blank. */
export function toRow(map: HeaderMap, record: Record<string, Cell | null | undefined>): Cell[] {
  const row: Cell[] = new Array(Math.max(map.width, 1)).fill('');
  for (const [k, v] of Object.entries(record)) {
    const c = map.col[k];
    if (c !== undefined) row[c - 1] = safeCell(v);
  }
  return row;
}

/**
 * Makes the sheet at least `rows` × `cols`. Sheets refuses a range past the last row or
 * column (unlike appendRow), so a write that may go past them grows the sheet first:
 * two cheap reads, and an insert only when the sheet is full.
 */
export function ensureRoom(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, Math.max(rows - maxRows, ROW_GROWTH));
  const maxCols = sheet.getMaxColumns();
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

/** Rows added at a time when a sheet is full, so appends do not insert one row each. */
const ROW_GROWTH = 500;

/** Appends records after the last row with ONE setValues; returns the first new row number. */
export function appendRows(sheet: Sheet, map: HeaderMap, records: readonly Record<string, Cell | null | undefined>[]): number {
  const first = sheet.getLastRow() + 1;
  if (records.length === 0) return first;
  const rows = records.map((r) => toRow(map, r));
  ensureRoom(sheet, first + rows.length - 1, rows[0].length);
  sheet.getRange(first, 1, rows.length, rows[0].length).setValues(rows);
  return first;
}

/** The contiguous span of columns a change touches, or null when it touches none of ours. */
export function changeSpan(map: HeaderMap, changes: Record<string, unknown>): { from: number; to: number } | null {
  let from = Infinity;
  let to = -Infinity;
  for (const k of Object.keys(changes)) {
    const c = map.col[k];
    if (c === undefined) continue;
    from = Math.min(from, c);
    to = Math.max(to, c);
  }
  return from === Infinity ? null : { from, to };
}

/**
 * Writes `changes` into one row: ONE setValues over the span from the first to the last
 * changed column. Cells inside the span that do not change are written back as they were,
 * from `before` (the row as read under the same lock); a formula an administrator put in
 * such a cell is written back as its formula (one getFormulas of the same span), never
 * flattened to its value. Every other cell goes back through safeCell: getValues gives the
 * text without its apostrophe marker, so a name stored as `'=HYPERLINK(…)` would come back
 * as a live formula if it were written back as read.
 */
export function updateRow(sheet: Sheet, map: HeaderMap, before: TableRow, changes: Record<string, Cell | null | undefined>): void {
  const span = changeSpan(map, changes);
  if (!span) return;
  const n = span.to - span.from + 1;
  const range = sheet.getRange(before.rowNumber, span.from, 1, n);
  const formulas = range.getFormulas()[0];
  const row: Cell[] = [];
  for (let i = 0; i < n; i++) {
    const v = before.cells[span.from - 1 + i];
    row.push(formulas[i] ? formulas[i] : safeCell(v === undefined ? undefined : dateToSheet(v as Cell)));
  }
  for (const [k, v] of Object.entries(changes)) {
    const c = map.col[k];
    if (c !== undefined) row[c - span.from] = safeCell(v);
  }
  range.setValues([row]);
}

/**
 * Writes whole columns back, ONE setValues per contiguous block of columns (the daily
 * deadline check rewrites due_date and overdue, adjacent by default: one call).
 * `columns[key][i]` is the value for data row i (sheet row i + 2).
 */
export function writeColumns(sheet: Sheet, map: HeaderMap, columns: Record<string, Cell[]>): number {
  const keys = Object.keys(columns)
    .filter((k) => map.col[k] !== undefined)
    .sort((a, b) => map.col[a] - map.col[b]);
  let calls = 0;
  let i = 0;
  while (i < keys.length) {
    let j = i;
    while (j + 1 < keys.length && map.col[keys[j + 1]] === map.col[keys[j]] + 1) j++;
    const block = keys.slice(i, j + 1);
    const n = columns[block[0]].length;
    if (n > 0) {
      const values: Cell[][] = new Array(n);
      for (let r = 0; r < n; r++) values[r] = block.map((k) => safeCell(columns[k][r]));
      sheet.getRange(2, map.col[block[0]], n, block.length).setValues(values);
      calls++;
    }
    i = j + 1;
  }
  return calls;
}

/** Blanks one row's cells (used to undo an append whose companion write failed). */
export function clearRow(sheet: Sheet, rowNumber: number, width: number): void {
  sheet.getRange(rowNumber, 1, 1, Math.max(width, 1)).clearContent();
}
