/**
 * Writes a report layout into its sheet: ONE read of the old contents (only when the
 * layout has hand-entry items to keep), ONE setValues covering both the new report and
 * whatever the old one occupied (so nothing stale is left, without a separate clear),
 * then a fixed handful of format calls, whatever the number of rows.
 */
import { mergeHandEntries, pdfLinkLabel, REPORT_FONT, sheetsPdfUrl, type Box, type SheetLayout } from '../domain/reports/layout';
import { ensureRoom, safeCell, type Cell, type Sheet } from './table';
import { ensureOwnerOnly, OWNER_ONLY_DESCRIPTION } from './structure';
import type { Spreadsheet } from './workbook';

export function writeLayout(ss: Spreadsheet, layout: SheetLayout): Sheet {
  let sheet = ss.getSheetByName(layout.name);
  // A new report sheet is the owner's alone, like the other authoritative sheets (setup repairs it later if loosened).
  if (!sheet) ensureOwnerOnly((sheet = ss.insertSheet(layout.name)), OWNER_ONLY_DESCRIPTION, '');
  const oldRows = sheet.getLastRow();
  const oldCols = sheet.getLastColumn();
  let final = layout;
  if (layout.handEntries?.length && oldRows > 0) final = mergeHandEntries(layout, sheet.getDataRange().getValues());
  const rows = Math.max(final.values.length, oldRows, 1);
  const cols = Math.max(final.values[0]?.length ?? 1, oldCols, 1);
  const grid: Cell[][] = [];
  for (let r = 0; r < rows; r++) {
    const src = final.values[r] ?? [];
    const line: Cell[] = new Array(cols);
    // Text stays text: Sheets would turn an ID number into a rounded number, '2026-11-17 至 …'
    // into nothing useful, and '=…' into a formula. The apostrophe marker prevents all three.
    for (let c = 0; c < cols; c++) line[c] = safeCell(src[c] ?? '');
    grid.push(line);
  }
  // The PDF link sits in row 1 just right of the printed area.
  const linkCol = final.print ? final.print.columns + 1 : 0;
  ensureRoom(sheet, rows, Math.max(cols, linkCol));
  const all = sheet.getRange(1, 1, rows, cols);
  all.breakApart();
  all.setValues(grid);
  // Old borders, widths' formats and colours go with the old report (one call).
  all.clearFormat();
  // One-row merges of the same columns on consecutive rows (a list of notes or problems): one mergeAcross per run.
  const merges = final.merges ?? [];
  for (const m of merges.filter((b) => b.numRows > 1)) sheet.getRange(m.row, m.col, m.numRows, m.numCols).merge();
  for (const m of runsOf(merges.filter((b) => b.numRows === 1))) {
    const range = sheet.getRange(m.row, m.col, m.numRows, m.numCols);
    if (m.numRows > 1) range.mergeAcross();
    else range.merge();
  }
  applyFormats(sheet, final, all);
  if (final.print) {
    const url = sheetsPdfUrl(ss.getId(), sheet.getSheetId(), final.print);
    sheet.getRange(1, linkCol).setFormula(`=HYPERLINK("${url}","${pdfLinkLabel(final.print)}")`);
  }
  if (final.keyColumn) sheet.hideColumns(final.keyColumn);
  if (final.frozenRows !== undefined && sheet.getFrozenRows() !== final.frozenRows) sheet.setFrozenRows(final.frozenRows);
  if (final.charts) {
    for (const c of sheet.getCharts()) sheet.removeChart(c);
    for (const spec of final.charts) {
      const chart = sheet
        .newChart()
        .setChartType(Charts.ChartType[spec.type])
        .addRange(sheet.getRange(spec.range.row, spec.range.col, spec.range.numRows, spec.range.numCols))
        .setPosition(spec.anchor.row, spec.anchor.col, 0, 0)
        .setOption('title', spec.title)
        .build();
      sheet.insertChart(chart);
    }
  }
  return sheet;
}

/**
 * Row heights in a number of calls that follows the layout's shape, not its length: a list's
 * wrapped body in ONE autoResizeRows (Sheets fits each row to its text), then the other
 * heights as runs of equal consecutive rows, one setRowHeights each.
 */
function setRowHeights(sheet: Sheet, final: SheetLayout): void {
  const fit = final.fitRows;
  if (fit) sheet.autoResizeRows(fit.row, fit.numRows);
  const inFit = (row: number) => fit !== undefined && row >= fit.row && row < fit.row + fit.numRows;
  const rows = (final.rowHeights ?? []).filter((h) => !inFit(h.row)).sort((a, b) => a.row - b.row);
  for (let i = 0; i < rows.length;) {
    let j = i + 1;
    while (j < rows.length && rows[j].row === rows[j - 1].row + 1 && px(rows[j].height) === px(rows[i].height)) j++;
    if (j - i === 1) sheet.setRowHeight(rows[i].row, px(rows[i].height));
    else sheet.setRowHeights(rows[i].row, j - i, px(rows[i].height));
    i = j;
  }
}

/**
 * Boxes over the same columns on consecutive rows joined into one (the notes under a form,
 * the problems under 汇总): one call for the run, not one per row.
 */
function runsOf(boxes: readonly Box[]): Box[] {
  const out: Box[] = [];
  const sorted = [...boxes].sort((a, b) => a.col - b.col || a.numCols - b.numCols || a.row - b.row);
  for (const b of sorted) {
    const last = out[out.length - 1];
    if (last && last.col === b.col && last.numCols === b.numCols && last.row + last.numRows === b.row)
      out[out.length - 1] = { ...last, numRows: last.numRows + b.numRows };
    else out.push({ ...b });
  }
  return out;
}

/** Points → Sheets pixels (96 dpi). */
const px = (pt: number) => Math.round((pt * 4) / 3);
/** Sheets' format of a cell nobody formatted (what getNumberFormat returns for it). */
const GENERAL = '0.###############';

/**
 * The layout's presentation, the same description the Excel writer renders (so Sheets and
 * .xlsx cannot drift): number formats in ONE setNumberFormats over the formatted rows,
 * hand-entry colours in one setBackgrounds, then one call per box or width run. The number
 * of calls depends on the layout's shape, never on its number of rows.
 */
function applyFormats(sheet: Sheet, final: SheetLayout, all: GoogleAppsScript.Spreadsheet.Range): void {
  const box = (b: Box) => sheet.getRange(b.row, b.col, b.numRows, b.numCols);
  all.setFontFamily(REPORT_FONT.name).setFontSize(REPORT_FONT.size).setVerticalAlignment('middle');
  const formats = final.numberFormats ?? [];
  if (formats.length > 0) {
    const top = Math.min(...formats.map((f) => f.row));
    const bottom = Math.max(...formats.map((f) => f.row + f.numRows - 1));
    const left = Math.min(...formats.map((f) => f.col));
    const right = Math.max(...formats.map((f) => f.col + f.numCols - 1));
    const grid = Array.from({ length: bottom - top + 1 }, () => new Array<string>(right - left + 1).fill(GENERAL));
    for (const f of formats) {
      for (let r = f.row; r < f.row + f.numRows; r++) for (let c = f.col; c < f.col + f.numCols; c++) grid[r - top][c - left] = f.format;
    }
    sheet.getRange(top, left, grid.length, grid[0].length).setNumberFormats(grid);
  }
  if (final.handEntries?.length && final.handEntryBackground) {
    // One call: the value column's backgrounds, coloured on hand-entry rows.
    const col = final.handEntries[0].col;
    const marked = new Set(final.handEntries.map((h) => h.row));
    const colours = Array.from({ length: final.values.length }, (_, i) => [marked.has(i + 1) ? final.handEntryBackground! : null]);
    sheet.getRange(1, col, final.values.length, 1).setBackgrounds(colours);
  }
  // One call per column (their number is the layout's width, not its length).
  (final.columnWidths ?? []).forEach((w, i) => sheet.setColumnWidth(i + 1, px(w)));
  setRowHeights(sheet, final);
  for (const b of runsOf(final.borders ?? [])) box(b).setBorder(true, true, true, true, true, true, '#000000', SpreadsheetApp.BorderStyle.SOLID);
  for (const b of runsOf(final.wrap ?? [])) box(b).setWrap(true);
  for (const b of runsOf(final.bold ?? [])) box(b).setFontWeight('bold');
  for (const b of runsOf(final.center ?? [])) box(b).setHorizontalAlignment('center');
  for (const b of runsOf(final.right ?? [])) box(b).setHorizontalAlignment('right');
  if (final.titleSize) sheet.getRange(1, 1).setFontSize(final.titleSize);
}
