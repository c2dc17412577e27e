/**
 * One sheet of the fake as the page draws it: what each cell shows (formulas computed by
 * the real custom functions, array results spilled, numbers and dates in the cell's number
 * format), the formula or value the editor shows, error tooltips, notes, hidden columns,
 * column widths, the charts' data, and each cell's look as Sheets draws it: its background
 * (a conditional-format rule that holds first, else the fill set with setBackground(s)),
 * font colour, bold, and horizontal alignment (set, or Sheets' default by value type).
 */
import { cellKey, computeSheet, conditionFormula, type ConditionFormula, type EvalEnv } from '../formula';
import { displayOf } from '../gas/cells';
import type { FakeSheet } from '../gas/spreadsheet';
import type { Align, CellView, ChartView, SheetView } from './protocol';

/** The page is a viewer, not a spreadsheet engine: a long sheet is sent in part. */
export const MAX_ROWS_SHOWN = 2000;
const BLANK_ROWS = 20;
const MIN_COLUMNS = 26;
/** Sheets' format of a cell nobody formatted, and its width in pixels (Sheet.getColumnWidth). */
const GENERAL = '0.###############';
const DEFAULT_WIDTH = 100;
/** Sheets' automatic format for a date-time it was given (a Date with a time of day). */
const DATE_TIME = 'yyyy-mm-dd hh:mm:ss';
const WHITE = new Set(['#ffffff', '#fff', 'white']);

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const hasTime = (d: Date) => d.getHours() !== 0 || d.getMinutes() !== 0 || d.getSeconds() !== 0;

/** A value as Sheets shows it under a number format: the fake's getDisplayValue formatter. */
export function display(v: unknown, format = GENERAL): string {
  if (Array.isArray(v)) return display((v as unknown[][])[0]?.[0], format);
  if (isDate(v) && format === GENERAL && hasTime(v)) return displayOf(v, DATE_TIME);
  return displayOf(v, format);
}

/**
 * Sheets' default horizontal alignment when none is set: numbers and dates right, TRUE/FALSE
 * centred, text (and anything in a plain-text '@' cell) left.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#sethorizontalalignmentalignment
 * ("normal" / null: the default alignment for the cell's content).
 */
function defaultAlign(v: unknown, format: string): Align {
  if (format === '@' || v === '' || v === null || v === undefined) return 'left';
  if (typeof v === 'number' || isDate(v)) return 'right';
  if (typeof v === 'boolean') return 'center';
  return 'left';
}

type Box = { row: number; col: number; numRows: number; numCols: number };

/** One style's rules painted over the shown area, later rules over earlier ones (as _rule reads them). */
function paint<T>(rules: readonly (Box & { value: unknown })[] | undefined, rows: number, cols: number): Map<number, T> {
  const out = new Map<number, T>();
  for (const r of rules ?? []) {
    const r2 = Math.min(r.row + r.numRows - 1, rows);
    const c2 = Math.min(r.col + r.numCols - 1, cols);
    for (let row = r.row; row <= r2; row++) {
      for (let col = r.col; col <= c2; col++) {
        if (r.value === undefined || r.value === null) out.delete(cellKey(row, col));
        else out.set(cellKey(row, col), r.value as T);
      }
    }
  }
  return out;
}

interface Look {
  background?: string;
  fontColor?: string;
  bold?: boolean;
}

/**
 * The conditional formats of the shown area: for each cell, the format of the first rule in
 * the sheet's list whose condition holds (Sheets applies the earliest rule that matches).
 * A custom formula is written for the top-left cell of the rule's first range and moves
 * with the cell; a formula that does not vary along a row is tested once per row.
 */
function conditionalLooks(sheet: FakeSheet, env: EvalEnv, rows: number, cols: number, valueAt: (r: number, c: number) => unknown): Map<number, Look> {
  const out = new Map<number, Look>();
  for (const rule of sheet._conditional) {
    const spec = rule._spec;
    const look: Look = {
      ...(spec.background ? { background: spec.background } : {}),
      ...(spec.fontColor ? { fontColor: spec.fontColor } : {}),
      ...(spec.bold !== null ? { bold: spec.bold } : {}),
    };
    if (rule._ranges.length === 0) continue;
    const origin = rule._ranges[0]._box;
    let formula: ConditionFormula | null = null;
    if (spec.type === 'CUSTOM_FORMULA') {
      try {
        formula = conditionFormula(String(spec.values[0] ?? ''));
      } catch {
        continue; // A formula Sheets would refuse to save; it formats nothing.
      }
    }
    const holds = (r: number, c: number): boolean => {
      const v = valueAt(r, c);
      switch (spec.type) {
        case 'CUSTOM_FORMULA':
          return formula!.test(env, { rows: r - origin.row, cols: c - origin.col });
        case 'TEXT_EQ':
          return display(v) === String(spec.values[0]);
        case 'NUMBER_GREATER_THAN':
          return typeof v === 'number' && v > Number(spec.values[0]);
        case 'CELL_NOT_EMPTY':
          return v !== '' && v !== null && v !== undefined;
        default:
          return false;
      }
    };
    for (const range of rule._ranges) {
      const b = range._box;
      const r2 = Math.min(b.row + b.numRows - 1, rows);
      const c2 = Math.min(b.col + b.numCols - 1, cols);
      for (let r = b.row; r <= r2; r++) {
        // Once per row when the result cannot change along it.
        const rowHolds = formula && !formula.varies.cols ? holds(r, b.col) : null;
        for (let c = b.col; c <= c2; c++) {
          const key = cellKey(r, c);
          if (out.has(key)) continue;
          if (rowHolds ?? holds(r, c)) out.set(key, look);
        }
      }
    }
  }
  return out;
}

export function sheetView(sheet: FakeSheet, env: EvalEnv): SheetView {
  const computed = computeSheet(sheet, env);
  const lastRow = sheet._lastRow();
  // Blank rows and columns past the data, as Sheets shows them, to type into.
  const rows = Math.min(lastRow + BLANK_ROWS, sheet._maxRows, MAX_ROWS_SHOWN);
  let cols = Math.max(sheet._lastColumn(), Math.min(sheet._maxCols, MIN_COLUMNS));
  // Spills can reach past the last written column.
  for (const key of computed.spilled.keys()) cols = Math.max(cols, key % 20_000);
  const styles = sheet._styles;
  const formats = paint<string>(styles.numberFormat, rows, cols);
  const fills = paint<string>(styles.background, rows, cols);
  const colours = paint<string>(styles.fontColor, rows, cols);
  const weights = paint<string>(styles.fontWeight, rows, cols);
  const aligns = paint<string>(styles.horizontalAlignment, rows, cols);
  /** What a cell holds for a condition: a formula's value, a spilled value, or the stored one. */
  const valueAt = (r: number, c: number): unknown => {
    const key = cellKey(r, c);
    if (sheet._formulas.has(key)) return computed.formulas.get(key)?.value ?? '';
    const raw = sheet._values[r - 1]?.[c - 1];
    return raw === '' || raw === undefined || raw === null ? (computed.spilled.get(key) ?? '') : raw;
  };
  const looks = sheet._conditional.length > 0 ? conditionalLooks(sheet, env, rows, cols, valueAt) : new Map<number, Look>();
  const cells: CellView[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: CellView[] = [];
    for (let c = 1; c <= cols; c++) {
      const key = cellKey(r, c);
      const format = formats.get(key) ?? GENERAL;
      const f = sheet._formulas.get(key);
      const value = valueAt(r, c);
      let cell: CellView;
      if (f !== undefined) {
        const out = computed.formulas.get(key) ?? { value: '' };
        cell = { d: display(out.value, format), v: f, f, ...(out.error ? { e: out.error } : {}) };
      } else {
        const raw = sheet._values[r - 1]?.[c - 1];
        const blank = raw === '' || raw === undefined || raw === null;
        // The editor shows the stored value in the general format (a date as yyyy-mm-dd), not the 4-decimal display.
        cell = blank && computed.spilled.has(key) ? { d: display(value, format), v: '', s: true } : { d: display(raw, format), v: display(raw) };
      }
      // Over a range, our custom functions give a readable error text per cell instead of throwing.
      if (cell.d.startsWith('错误：') || cell.d.startsWith('Error: ')) cell.e = cell.d;
      const note = sheet._notes.get(key);
      if (note) cell.n = note;
      const look = looks.get(key);
      const bg = look?.background ?? fills.get(key);
      if (bg && !WHITE.has(bg.toLowerCase())) cell.bg = bg;
      const fc = look?.fontColor ?? colours.get(key);
      if (fc && fc.toLowerCase() !== '#000000') cell.fc = fc;
      if (look?.bold ?? weights.get(key) === 'bold') cell.b = true;
      const set = aligns.get(key);
      const align: Align = set === 'left' || set === 'center' || set === 'right' ? set : defaultAlign(cell.e ? '' : value, format);
      if (align !== 'left') cell.a = align;
      line.push(cell);
    }
    cells.push(line);
  }
  const widths = Array.from({ length: cols }, (_, i) => sheet._columnWidths.get(i + 1) ?? DEFAULT_WIDTH);
  return {
    name: sheet._name,
    rows: lastRow,
    cols,
    frozenRows: sheet._frozenRows,
    cells,
    widths,
    merges: sheet._merges
      .filter((m) => m.row <= rows && m.col <= cols)
      .map((m) => ({ row: m.row, col: m.col, numRows: Math.min(m.numRows, rows - m.row + 1), numCols: Math.min(m.numCols, cols - m.col + 1) })),
    hidden: [...sheet._hiddenColumns],
    charts: sheet._charts.map(chartView),
    truncated: lastRow > MAX_ROWS_SHOWN,
  };
}

/** A chart made with the chart builder: its title, type and the data of its first range. */
function chartView(chart: FakeSheet['_charts'][number]): ChartView {
  const spec = chart._spec;
  return {
    title: String(spec.options.title ?? ''),
    type: String(spec.type),
    data: spec.ranges[0] ? spec.ranges[0]._read().map((r) => r.map((v) => display(v))) : [],
  };
}
