/**
 * Excel in and out for the CLI: a worksheet as the 2-D values a Sheets range would give
 * (numbers, text, booleans, Dates, '' for blank), and report layouts written as sheets.
 * Node-only; never part of the Apps Script bundle.
 */
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { SheetLayout } from '../domain/reports/layout';

export async function readBook(path: string): Promise<ExcelJS.Workbook> {
  // exceljs's own message for a missing file is a stack of stream errors.
  if (!existsSync(path)) throw new Error(`找不到文件：${path}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

export function sheetValues(ws: ExcelJS.Worksheet): unknown[][] {
  const width = ws.columnCount;
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const line: unknown[] = new Array(width).fill('');
    for (let c = 1; c <= width; c++) line[c - 1] = cellValue(row.getCell(c).value);
    while (out.length < r - 1) out.push(new Array(width).fill(''));
    out[r - 1] = line;
  });
  return out;
}

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return '';
  // exceljs reads a serial as UTC; the sheet meant that wall-clock time in Beijing.
  if (v instanceof Date) return new Date(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate(), v.getUTCHours(), v.getUTCMinutes(), v.getUTCSeconds());
  if (typeof v === 'object' && !(v instanceof Date)) {
    if ('result' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
    return '';
  }
  return v;
}

/** The case sheet of a workbook: 案件 when there is one, else the first sheet. */
export function caseSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.getWorksheet('案件') ?? wb.worksheets[0];
  if (!ws) throw new Error('工作簿中没有工作表');
  return ws;
}


/**
 * The case sheet's values, streamed: a county file of 25,000 rows is read row by row
 * instead of as a whole workbook object (several times less memory, and faster).
 */
export async function streamCaseValues(path: string): Promise<unknown[][]> {
  // The stream reader reports a missing file as an unhandled stream error: check first.
  if (!existsSync(path)) throw new Error('文件不存在');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' });
  let first: unknown[][] | null = null;
  for await (const ws of reader) {
    const name = (ws as unknown as { name: string }).name;
    const rows: unknown[][] = [];
    for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
      while (rows.length < row.number - 1) rows.push([]);
      rows.push(values);
    }
    if (name === '案件') return rows;
    first ??= rows;
  }
  if (!first) throw new Error('工作簿中没有工作表');
  return first;
}

/**
 * A county file streamed: its 案件 (else its first sheet) and its 发放记录 when it has one.
 * Sheets are read in the file's order and only these two are kept.
 */
export async function streamCountyBook(path: string): Promise<{ cases: unknown[][]; payments?: unknown[][] }> {
  if (!existsSync(path)) throw new Error('文件不存在');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' });
  let cases: unknown[][] | null = null;
  let first: unknown[][] | null = null;
  let payments: unknown[][] | undefined;
  for await (const ws of reader) {
    const name = (ws as unknown as { name: string }).name;
    const keep = name === '案件' || name === '发放记录' || first === null;
    const rows: unknown[][] = [];
    for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
      if (!keep) continue;
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
      while (rows.length < row.number - 1) rows.push([]);
      rows.push(values);
    }
    if (name === '案件') cases = rows;
    else if (name === '发放记录') payments = rows;
    else first ??= rows;
  }
  const main = cases ?? first;
  if (!main) throw new Error('工作簿中没有工作表');
  return payments ? { cases: main, payments } : { cases: main };
}

/**
 * Writes report layouts with exceljs's streaming writer: each row goes to disk as it is
 * added, so a real-name list of 80,000 families does not sit in memory as cell objects.
 */
export async function writeLayouts(path: string, layouts: readonly SheetLayout[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  for (const layout of layouts) {
    const ws = wb.addWorksheet(layout.name.slice(0, 31), layout.frozenRows ? { views: [{ state: 'frozen', ySplit: layout.frozenRows }] } : {});
    if (layout.keyColumn) ws.getColumn(layout.keyColumn).hidden = true;
    const formats = new Map<number, { col: number; format: string }[]>();
    for (const f of layout.numberFormats ?? []) {
      for (let r = f.row; r < f.row + f.numRows; r++) {
        const list = formats.get(r) ?? [];
        for (let c = f.col; c < f.col + f.numCols; c++) list.push({ col: c, format: f.format });
        formats.set(r, list);
      }
    }
    const hand = new Map<number, number[]>();
    for (const h of layout.handEntries ?? []) hand.set(h.row, [...(hand.get(h.row) ?? []), h.col]);
    // The streaming writer's mergeCells before the rows exist adds a blank row 1 and shifts the
    // sheet down; after a row is committed it throws. So a merge is made when its last row is
    // added, and rows are committed once no merge still to be made covers them.
    const merges = [...(layout.merges ?? [])];
    const pending: ExcelJS.Row[] = [];
    layout.values.forEach((values, i) => {
      const row = ws.addRow(values.map((v) => (v === '' ? null : v)));
      for (const f of formats.get(i + 1) ?? []) row.getCell(f.col).numFmt = f.format;
      for (const c of hand.get(i + 1) ?? []) row.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
      pending.push(row);
      for (const m of merges.filter((m) => m.row + m.numRows - 1 === i + 1)) ws.mergeCells(m.row, m.col, m.row + m.numRows - 1, m.col + m.numCols - 1);
      const open = Math.min(...merges.filter((m) => m.row + m.numRows - 1 > i + 1).map((m) => m.row));
      while (pending.length > 0 && pending[0].number < open) pending.shift()!.commit();
    });
    for (const row of pending) row.commit();
    ws.commit();
  }
  await wb.commit();
}
