/**
 * The playground's workbook on disk: the fake spreadsheet saved to and loaded from .xlsx
 * with exceljs. Kept: every sheet in order, values with their types (numbers, text,
 * booleans, dates), formulas (with their last computed value, so Excel shows it too),
 * notes, frozen rows, hidden columns and plain-text ('@') columns. Not kept (not in the
 * file format, or not ours to persist): data validation, protections, charts, triggers
 * and script properties; the real setup code puts validation and protections back on
 * each start. Spilled array values are not written: they are the formula's, not data.
 *
 * Dates: the fake holds Beijing wall-clock Dates (the script time zone); an .xlsx holds
 * wall-clock serials with no zone. exceljs reads and writes serials as UTC, so dates cross
 * as "same wall clock" both ways, and Excel shows the date the sheet showed.
 */
import { renameSync, unlinkSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { FakeSheet, FakeSpreadsheet } from './gas/spreadsheet';

const KEY = 20_000; // the fake's cell key: row * KEY + col

/** By tag, not instanceof: a Date made inside the bundle's vm is another realm's. */
const isDate = (v: unknown): v is Date => typeof v === 'object' && v !== null && (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]');
const isBlank = (v: unknown) => v === '' || v === undefined || v === null;

export interface SaveOptions {
  /** The value each formula cell shows now (by cell key), written as the cached result. */
  formulaValues?: (sheet: FakeSheet) => ReadonlyMap<number, { value: unknown }>;
}

/** Writes every sheet of the fake to `path`, atomically (a temp file, then a rename). */
export async function saveFakeToWorkbook(ss: FakeSpreadsheet, path: string, opts: SaveOptions = {}): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    // The streaming writer: rows go to the file as they are made, about twice as fast as
    // building the whole workbook model first (10,000 rows in a fifth of a second).
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: tmp,
      useStyles: true,
      useSharedStrings: true,
      zip: { zlib: { level: 1 } },
    } as ExcelJS.stream.xlsx.WorkbookStreamWriterOptions);
    wb.creator = 'Bangfu playground';
    for (const sheet of ss._sheets) writeSheet(wb, sheet, opts.formulaValues?.(sheet));
    await wb.commit();
    renameSync(tmp, path); // a crash mid-write never leaves half a workbook
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing was written */
    }
    throw e;
  }
}

function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: FakeSheet, computed: ReadonlyMap<number, { value: unknown }> | undefined): void {
  const ws = wb.addWorksheet(sheet._name, sheet._frozenRows > 0 ? { views: [{ state: 'frozen', ySplit: sheet._frozenRows }] } : {});
  let lastRow = sheet._lastRow();
  let lastCol = sheet._lastColumn();
  // Column settings go first: the streaming writer writes them before the first row.
  for (let c = 1; c <= lastCol; c++) if (sheet._rule<string>('numberFormat', 2, c) === '@') ws.getColumn(c).numFmt = '@';
  for (const c of sheet._hiddenColumns) ws.getColumn(c).hidden = true;
  const notesByRow = new Map<number, [number, string][]>();
  for (const [k, note] of sheet._notes) {
    const r = Math.floor(k / KEY);
    notesByRow.set(r, [...(notesByRow.get(r) ?? []), [k % KEY, note]]);
    // A note on an otherwise empty cell is kept too.
    lastRow = Math.max(lastRow, r);
    lastCol = Math.max(lastCol, k % KEY);
  }
  for (let r = 1; r <= lastRow; r++) {
    const src = sheet._values[r - 1] ?? [];
    const line: ExcelJS.CellValue[] = [];
    for (let c = 1; c <= lastCol; c++) {
      const f = sheet._formulas.size > 0 ? sheet._formulas.get(r * KEY + c) : undefined;
      if (f !== undefined) {
        line.push({ formula: f.slice(1), result: cachedResult(computed?.get(r * KEY + c)?.value) } as ExcelJS.CellFormulaValue);
      } else {
        line.push(isBlank(src[c - 1]) ? null : fileValue(src[c - 1]));
      }
    }
    const row = ws.getRow(r);
    row.values = line;
    for (let i = 0; i < line.length; i++) {
      const v = line[i];
      if (v instanceof Date) row.getCell(i + 1).numFmt = hasTime(v) ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd';
    }
    for (const [c, note] of notesByRow.get(r) ?? []) row.getCell(c).note = note;
    row.commit();
  }
  ws.commit();
}

const hasTime = (d: Date) => d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0 || d.getUTCSeconds() !== 0;

/** A cell value as the file holds it (a Date from the bundle's vm realm becomes this realm's). */
function fileValue(v: unknown): ExcelJS.CellValue {
  if (isDate(v)) return new Date(Date.UTC(v.getFullYear(), v.getMonth(), v.getDate(), v.getHours(), v.getMinutes(), v.getSeconds(), v.getMilliseconds()));
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

function cachedResult(v: unknown): ExcelJS.CellFormulaValue['result'] {
  if (Array.isArray(v)) return cachedResult((v as unknown[][])[0]?.[0]);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || isDate(v)) return fileValue(v) as ExcelJS.CellFormulaValue['result'];
  return undefined;
}

/** Replaces the fake spreadsheet's sheets with the workbook's, keeping exact value types. */
export async function loadWorkbookIntoFake(path: string, ss: FakeSpreadsheet): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  if (wb.worksheets.length === 0) return;
  // New sheets first, then drop the old ones: a spreadsheet always has at least one sheet.
  const old = [...ss._sheets];
  for (const ws of wb.worksheets) {
    const clash = old.find((s) => s._name === ws.name);
    if (clash) clash._name = `__old_${clash._sheetId}`;
    readSheet(ws, ss.insertSheet(ws.name));
  }
  for (const s of old) ss.deleteSheet(s);
  ss._active = 0;
}

function readSheet(ws: ExcelJS.Worksheet, sheet: FakeSheet): void {
  const frozen = ws.views?.find((v) => v.state === 'frozen') as { ySplit?: number } | undefined;
  sheet._frozenRows = frozen?.ySplit ?? 0;
  sheet._maxRows = Math.max(1000, ws.rowCount + 100);
  sheet._maxCols = Math.max(26, ws.columnCount);
  for (let c = 1; c <= ws.columnCount; c++) {
    const column = ws.getColumn(c);
    if (column.numFmt === '@') sheet._setRule('numberFormat', { row: 1, col: c, numRows: sheet._maxRows, numCols: 1 }, '@');
    if (column.hidden) sheet._hiddenColumns.add(c);
  }
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const line: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Formula) {
        // cell.formula also resolves a shared formula written by Excel.
        sheet._formulas.set(r * KEY + c, `=${cell.formula}`);
        line[c - 1] = '';
      } else {
        line[c - 1] = sheetValue(cell.value);
      }
      if (cell.note) sheet._notes.set(r * KEY + c, typeof cell.note === 'string' ? cell.note : (cell.note.texts ?? []).map((t) => t.text).join(''));
    });
    for (let i = 0; i < line.length; i++) if (line[i] === undefined) line[i] = '';
    while (sheet._values.length < r - 1) sheet._values.push([]);
    sheet._values[r - 1] = line;
  });
}

/** A file value as the fake holds it: rich text and links as their text, dates as Beijing wall clock. */
function sheetValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return '';
  if (v instanceof Date)
    return new Date(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate(), v.getUTCHours(), v.getUTCMinutes(), v.getUTCSeconds(), v.getUTCMilliseconds());
  if (typeof v !== 'object') return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v) return String(v.text);
  if ('error' in v) return String(v.error);
  return '';
}
