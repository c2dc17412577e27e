/**
 * Writes a report layout into its sheet: ONE read of the old contents (only when the
 * layout has hand-entry items to keep), ONE setValues covering both the new report and
 * whatever the old one occupied (so nothing stale is left, without a separate clear),
 * then a fixed handful of format calls, whatever the number of rows.
 */
import { mergeHandEntries, type SheetLayout } from '../domain/reports/layout';
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
  ensureRoom(sheet, rows, cols);
  const all = sheet.getRange(1, 1, rows, cols);
  all.breakApart();
  all.setValues(grid);
  for (const m of final.merges ?? []) sheet.getRange(m.row, m.col, m.numRows, m.numCols).merge();
  for (const f of final.numberFormats ?? []) sheet.getRange(f.row, f.col, f.numRows, f.numCols).setNumberFormat(f.format);
  if (final.handEntries?.length && final.handEntryBackground) {
    // One call: the value column's backgrounds, coloured on hand-entry rows.
    const col = final.handEntries[0].col;
    const marked = new Set(final.handEntries.map((h) => h.row));
    const colours = Array.from({ length: final.values.length }, (_, i) => [marked.has(i + 1) ? final.handEntryBackground! : null]);
    sheet.getRange(1, col, final.values.length, 1).setBackgrounds(colours);
  }
  if (final.keyColumn) sheet.hideColumns(final.keyColumn);
  if (final.frozenRows !== undefined && sheet.getFrozenRows() !== final.frozenRows) sheet.setFrozenRows(final.frozenRows);
  if (final.charts) {
    for (const c of sheet.getCharts()) sheet.removeChart(c);
    for (const spec of final.charts) {
      const chart = sheet.newChart()
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
