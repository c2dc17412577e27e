/**
 * The playground's workbook on disk: the fake spreadsheet saved to and loaded from .xlsx
 * with exceljs. Kept: every sheet in order, values with their types (numbers, text,
 * booleans, dates), formulas (with their last computed value), notes, frozen rows, and
 * plain-text ('@') columns. Not kept (not in the file format, or not ours to persist):
 * data validation, protections, charts, triggers and script properties; the real setup
 * code puts validation and protections back on the next 初始化/修复表格.
 */
import { renameSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { FakeSheet, FakeSpreadsheet } from './gas/spreadsheet';

const KEY = 20_000;

export async function saveWorkbook(ss: FakeSpreadsheet, path: string, evaluate?: (sheet: FakeSheet, formula: string, row: number, col: number) => unknown): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bangfu playground';
  for (const sheet of ss._sheets) {
    const ws = wb.addWorksheet(sheet._name, sheet._frozenRows > 0 ? { views: [{ state: 'frozen', ySplit: sheet._frozenRows }] } : {});
    const lastRow = sheet._lastRow();
    const lastCol = sheet._lastColumn();
    for (let c = 1; c <= lastCol; c++) if (sheet._rule<string>('numberFormat', 2, c) === '@') ws.getColumn(c).numFmt = '@';
    for (let r = 1; r <= lastRow; r++) {
      const src = sheet._values[r - 1] ?? [];
      for (let c = 1; c <= lastCol; c++) {
        const f = sheet._formulas.get(r * KEY + c);
        const v = src[c - 1];
        if (f !== undefined) {
          const result = evaluate ? evaluate(sheet, f, r, c) : undefined;
          ws.getCell(r, c).value = { formula: f.slice(1), result: plainResult(result) } as ExcelJS.CellFormulaValue;
        } else if (v !== '' && v !== undefined && v !== null) {
          ws.getCell(r, c).value = hostValue(v);
        }
      }
    }
    for (const [k, note] of sheet._notes) ws.getCell(Math.floor(k / KEY), k % KEY).note = note;
  }
  const tmp = `${path}.tmp-${process.pid}`;
  await wb.xlsx.writeFile(tmp);
  renameSync(tmp, path); // a crash mid-write never leaves half a workbook
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** A Date made inside the bundle's vm is not `instanceof Date` here: exceljs needs this realm's. */
function hostValue(v: unknown): ExcelJS.CellValue {
  if (isDate(v)) return new Date(v.getTime());
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

function plainResult(v: unknown): ExcelJS.CellFormulaValue['result'] {
  if (Array.isArray(v)) return plainResult((v as unknown[][])[0]?.[0]);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || isDate(v)) return hostValue(v) as never;
  return undefined;
}

/** Replaces the fake spreadsheet's sheets with the workbook's. */
export async function loadWorkbook(ss: FakeSpreadsheet, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const names = wb.worksheets.map((w) => w.name);
  if (names.length === 0) return;
  // Make the new sheets first, then drop the old ones (a spreadsheet always has one sheet).
  const old = [...ss._sheets];
  for (const ws of wb.worksheets) {
    const existing = old.find((s) => s._name === ws.name);
    if (existing) existing._name = `__old_${existing._sheetId}`;
    const sheet = ss.insertSheet(ws.name);
    readSheet(ws, sheet);
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
    if (ws.getColumn(c).numFmt === '@') sheet._setRule('numberFormat', { row: 1, col: c, numRows: sheet._maxRows, numCols: 1 }, '@');
  }
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const line: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = cell.value;
      if (v && typeof v === 'object' && 'formula' in v) {
        sheet._formulas.set(r * KEY + c, `=${(v as ExcelJS.CellFormulaValue).formula}`);
        line[c - 1] = '';
      } else if (v && typeof v === 'object' && 'richText' in v) {
        line[c - 1] = (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
      } else if (v && typeof v === 'object' && 'text' in v) {
        line[c - 1] = String((v as ExcelJS.CellHyperlinkValue).text);
      } else {
        line[c - 1] = v ?? '';
      }
      if (cell.note) sheet._notes.set(r * KEY + c, typeof cell.note === 'string' ? cell.note : (cell.note.texts ?? []).map((t) => t.text).join(''));
    });
    for (let i = 0; i < line.length; i++) if (line[i] === undefined) line[i] = '';
    while (sheet._values.length < r - 1) sheet._values.push([]);
    sheet._values[r - 1] = line;
  });
}
