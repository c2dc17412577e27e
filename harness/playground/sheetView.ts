/**
 * One sheet of the fake as the page draws it: what each cell shows (formulas computed by
 * the real custom functions, array results spilled), the formula or value the editor
 * shows, error tooltips, notes, hidden columns and the charts' data.
 */
import { cellKey, computeSheet, type EvalEnv } from '../formula';
import type { FakeSheet } from '../gas/spreadsheet';
import type { CellView, ChartView, SheetView } from './protocol';

/** The page is a viewer, not a spreadsheet engine: a long sheet is sent in part. */
export const MAX_ROWS_SHOWN = 2000;
const BLANK_ROWS = 20;
const MIN_COLUMNS = 26;

const pad = (n: number) => String(n).padStart(2, '0');
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** A value as Sheets shows it by default (dates in the zh-CN pattern, booleans in capitals). */
export function display(v: unknown): string {
  if (v === '' || v === null || v === undefined) return '';
  if (isDate(v)) {
    const date = `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}`;
    return v.getHours() || v.getMinutes() ? `${date} ${pad(v.getHours())}:${pad(v.getMinutes())}` : date;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (Array.isArray(v)) return display((v as unknown[][])[0]?.[0]);
  return String(v);
}

export function sheetView(sheet: FakeSheet, env: EvalEnv): SheetView {
  const computed = computeSheet(sheet, env);
  const lastRow = sheet._lastRow();
  // Blank rows and columns past the data, as Sheets shows them, to type into.
  const rows = Math.min(lastRow + BLANK_ROWS, sheet._maxRows, MAX_ROWS_SHOWN);
  let cols = Math.max(sheet._lastColumn(), Math.min(sheet._maxCols, MIN_COLUMNS));
  // Spills can reach past the last written column.
  for (const key of computed.spilled.keys()) cols = Math.max(cols, key % 20_000);
  const cells: CellView[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: CellView[] = [];
    for (let c = 1; c <= cols; c++) {
      const key = cellKey(r, c);
      const f = sheet._formulas.get(key);
      let cell: CellView;
      if (f !== undefined) {
        const out = computed.formulas.get(key) ?? { value: '' };
        cell = { d: display(out.value), v: f, f, ...(out.error ? { e: out.error } : {}) };
      } else {
        const raw = sheet._values[r - 1]?.[c - 1];
        const blank = raw === '' || raw === undefined || raw === null;
        cell = blank && computed.spilled.has(key) ? { d: display(computed.spilled.get(key)), v: '', s: true } : { d: display(raw), v: display(raw) };
      }
      // Over a range, our custom functions give a readable error text per cell instead of throwing.
      if (cell.d.startsWith('错误：') || cell.d.startsWith('Error: ')) cell.e = cell.d;
      const note = sheet._notes.get(key);
      if (note) cell.n = note;
      line.push(cell);
    }
    cells.push(line);
  }
  return {
    name: sheet._name, rows: lastRow, cols, frozenRows: sheet._frozenRows, cells,
    hidden: [...sheet._hiddenColumns], charts: sheet._charts.map(chartView), truncated: lastRow > MAX_ROWS_SHOWN,
  };
}

/** A chart made with the chart builder: its title, type and the data of its first range. */
function chartView(chart: FakeSheet['_charts'][number]): ChartView {
  const spec = chart._spec;
  return {
    title: String(spec.options.title ?? ''),
    type: String(spec.type),
    data: spec.ranges[0] ? spec.ranges[0]._read().map((r) => r.map(display)) : [],
  };
}
