/**
 * Excel in and out for the CLI: a worksheet as the 2-D values a Sheets range would give
 * (numbers, text, booleans, Dates, '' for blank), and report layouts written as sheets.
 * Node-only; never part of the Apps Script bundle.
 */
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { REPORT_FONT, type SheetLayout } from '../domain/reports/layout';
import { xlsxSheets, type SheetRow } from './xlsxReader';

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

export function cellValue(v: ExcelJS.CellValue): unknown {
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

/** Points → Excel column width (characters of the default font's digit, 7 px + 5 px padding). */
function excelWidth(pt: number): number {
  return Math.max(1, Math.round(((pt / 0.75 - 5) / 7) * 100) / 100);
}

/** 1-based column number → letters (1 → A, 27 → AA). */
function colName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

type Box = { row: number; col: number; numRows: number; numCols: number };

/** The columns a list of boxes covers in row r (boxes are few; rows may be 80,000). */
function colsAt(boxes: readonly Box[] | undefined, r: number): Set<number> {
  const out = new Set<number>();
  for (const b of boxes ?? []) if (r >= b.row && r < b.row + b.numRows) for (let c = b.col; c < b.col + b.numCols; c++) out.add(c);
  return out;
}

/**
 * One style object per combination, shared by every cell that has it: exceljs recognises a
 * style object it has seen (a WeakMap), so 80,000 rows cost a lookup per cell instead of
 * building and comparing a style each.
 */
const styles = new Map<string, Partial<ExcelJS.Style>>();
function styleFor(
  size: number,
  bold: boolean,
  numFmt: string,
  border: boolean,
  fill: boolean,
  wrap: boolean,
  horizontal: '' | 'center' | 'right',
): Partial<ExcelJS.Style> {
  const key = [size, bold, numFmt, border, fill, wrap, horizontal].join('|');
  let s = styles.get(key);
  if (!s) {
    s = {
      font: { name: REPORT_FONT.name, size, ...(bold ? { bold: true } : {}) },
      alignment: { vertical: 'middle', wrapText: wrap, ...(horizontal ? { horizontal } : {}) },
      ...(numFmt ? { numFmt } : {}),
      ...(border ? { border: THIN } : {}),
      ...(fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } } : {}),
    };
    styles.set(key, s);
  }
  return s;
}

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/** Where a streamed county file's rows go (the roll-up's RollupBuilder): case rows first, then the ledger's. */
export interface CountySink {
  /** Row 1 of the case sheet is its header (a sheet without row 1 has an empty one). */
  caseHeader(header: readonly unknown[]): void;
  caseRow(rowNumber: number, row: readonly unknown[]): void;
  /** The file has a 发放记录 sheet (even an empty one). */
  ledger(): void;
  ledgerRow(rowNumber: number, row: readonly unknown[]): void;
}

type Rows = SheetRow[];

/**
 * A county file streamed into `sink`: its 案件 (else its first sheet), then its 发放记录 when it
 * has one. Streamed row by row, and each row handed on as it is read, never the file's rows
 * at once: only a sheet that may still turn out to be needed waits in memory (a first sheet
 * not named 案件, or a 发放记录 stored before 案件). Returns how many rows each sheet had.
 */
export async function streamCountyBook(path: string, sink: CountySink): Promise<{ cases: number; payments: number | null }> {
  if (!existsSync(path)) throw new Error('文件不存在');
  let cases: number | null = null;
  let payments: number | null = null;
  let first: Rows | null = null;
  let waitingLedger: Rows | null = null;
  const feedCases = (rowNumber: number, values: unknown[], state: { header: boolean }) => {
    if (!state.header) {
      state.header = true;
      sink.caseHeader(rowNumber === 1 ? values : []);
      if (rowNumber === 1) return;
    }
    sink.caseRow(rowNumber, values);
  };
  for await (const ws of xlsxSheets(path)) {
    const name = ws.name;
    if (name === '案件' && cases === null) {
      first = null;
      const state = { header: false };
      let last = 0;
      for await (const batch of ws.rows()) for (const row of batch) feedCases((last = row.number), row.values, state);
      if (!state.header) sink.caseHeader([]);
      cases = Math.max(0, last - 1);
    } else if (name === '发放记录') {
      if (cases === null) {
        waitingLedger = [];
        for await (const batch of ws.rows()) waitingLedger.push(...batch);
      } else {
        sink.ledger();
        let last = 0;
        for await (const batch of ws.rows()) for (const row of batch) sink.ledgerRow((last = row.number), row.values);
        payments = Math.max(0, last - 1);
      }
    } else if (first === null && cases === null) {
      first = [];
      for await (const batch of ws.rows()) first.push(...batch);
    }
    // Any other sheet is not read at all (exceljs had to read each to its end to reach the next).
  }
  if (cases === null) {
    if (!first) throw new Error('工作簿中没有工作表');
    const state = { header: false };
    for (const r of first) feedCases(r.number, r.values, state);
    if (!state.header) sink.caseHeader([]);
    cases = Math.max(0, (first[first.length - 1]?.number ?? 1) - 1);
  }
  if (waitingLedger) {
    sink.ledger();
    for (const r of waitingLedger) sink.ledgerRow(r.number, r.values);
    payments = Math.max(0, (waitingLedger[waitingLedger.length - 1]?.number ?? 1) - 1);
  }
  return { cases, payments };
}

/**
 * Writes report layouts with exceljs's streaming writer: each row goes to disk as it is
 * added, so a real-name list of 80,000 families does not sit in memory as cell objects.
 * The layout's presentation goes with it: widths, borders, formats, and the page setup
 * (A4, the form's orientation, one page wide, header row repeated, printed area, page
 * numbers in the footer).
 */
export async function writeLayouts(path: string, layouts: readonly SheetLayout[]): Promise<void> {
  // Strings inline, not in a shared table: the writer would hold every distinct string of an 80,000-family list until the end.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  for (const layout of layouts) {
    const p = layout.print;
    const ws = wb.addWorksheet(layout.name.slice(0, 31), {
      ...(layout.frozenRows ? { views: [{ state: 'frozen', ySplit: layout.frozenRows }] } : {}),
      ...(p
        ? {
            pageSetup: {
              paperSize: 9,
              orientation: p.orientation,
              fitToPage: true,
              firstPageNumber: 1,
              fitToWidth: 1,
              fitToHeight: 0,
              horizontalCentered: true,
              margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
              // exceljs puts a $ before each part: 'A$1' becomes the absolute '$A$1'.
              printArea: `A$1:${colName(p.columns)}$${p.rows}`,
              ...(p.repeatRows ? { printTitlesRow: `${p.repeatRows.from}:${p.repeatRows.to}` } : {}),
            },
            // Page numbers restart on each form; no “of N”: LibreOffice counts N over the whole workbook.
            headerFooter: { oddFooter: '&L&A&R第 &P 页' },
          }
        : {}),
    });
    if (layout.columnWidths) ws.columns = layout.columnWidths.map((w) => ({ width: excelWidth(w) }));
    if (layout.keyColumn) ws.getColumn(layout.keyColumn).hidden = true;
    // Merged after their rows are written: the streaming writer's mergeCells creates the rows
    // it touches, so merging first left an empty row 1 and pushed the title to row 2.
    const mergesEnding = new Map<number, Box[]>();
    for (const m of layout.merges ?? []) mergesEnding.set(m.row + m.numRows - 1, [...(mergesEnding.get(m.row + m.numRows - 1) ?? []), m]);
    const hands = (layout.handEntries ?? []).map((h) => ({ row: h.row, col: h.col, numRows: 1, numCols: 1 }));
    const heights = new Map((layout.rowHeights ?? []).map((h) => [h.row, h.height]));
    const width = layout.values[0]?.length ?? 0;
    layout.values.forEach((values, i) => {
      const r = i + 1;
      const row = ws.getRow(r);
      row.values = values.map((v) => (v === '' ? null : v));
      const size = r === 1 && layout.titleSize ? layout.titleSize : REPORT_FONT.size;
      const fmt = new Map<number, string>();
      for (const f of layout.numberFormats ?? []) if (r >= f.row && r < f.row + f.numRows) for (let c = f.col; c < f.col + f.numCols; c++) fmt.set(c, f.format);
      const filled = colsAt(hands, r);
      const bordered = colsAt(layout.borders, r);
      const bolded = colsAt(layout.bold, r);
      const centred = colsAt(layout.center, r);
      const righted = colsAt(layout.right, r);
      const wraps = colsAt(layout.wrap, r);
      for (let c = 1; c <= width; c++) {
        const horizontal = centred.has(c) ? 'center' : righted.has(c) ? 'right' : '';
        row.getCell(c).style = styleFor(size, bolded.has(c), fmt.get(c) ?? '', bordered.has(c), filled.has(c), wraps.has(c), horizontal);
      }
      if (heights.has(r)) row.height = heights.get(r)!;
      for (const m of mergesEnding.get(r) ?? []) ws.mergeCells(m.row, m.col, m.row + m.numRows - 1, m.col + m.numCols - 1);
      // A row is committed (and with it every row above) once no merge still reaches below it.
      if (!(layout.merges ?? []).some((m) => m.row <= r && m.row + m.numRows - 1 > r)) row.commit();
    });
    ws.commit();
  }
  await wb.commit();
}
