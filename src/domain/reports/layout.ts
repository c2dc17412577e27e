/**
 * A report as one rectangle of values plus its presentation, so the sheets layer writes
 * each output sheet with ONE setValues and applies the few formats after.
 */
export type LayoutCell = string | number;

export interface Box {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface HandEntry {
  row: number;
  col: number;
  /** Stable item key (also written in the sheet's key column), so regeneration can find it. */
  key: string;
}

export interface ChartSpec {
  title: string;
  type: 'COLUMN' | 'BAR' | 'PIE' | 'LINE';
  range: Box;
  /** Where the chart sits (row, column of its top-left corner). */
  anchor: { row: number; col: number };
}

export interface SheetLayout {
  name: string;
  values: LayoutCell[][];
  frozenRows?: number;
  merges?: Box[];
  numberFormats?: (Box & { format: string })[];
  /** Cells a person fills in by hand; kept when the report is regenerated. */
  handEntries?: HandEntry[];
  /** Column (1-based) holding item keys, hidden in the sheet. */
  keyColumn?: number;
  charts?: ChartSpec[];
  /** Background of the hand-entry cells. */
  handEntryBackground?: string;
}

/** Pads rows to one width. */
export function rect(rows: LayoutCell[][]): LayoutCell[][] {
  const w = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length === w ? r : [...r, ...new Array<LayoutCell>(w - r.length).fill('')]));
}

/** Fen → 万元 to 4 decimals (one yuan), as the forms print amounts. */
export function wan(fen: number): number {
  return Math.round(fen / 100) / 10_000;
}

export function yuan(fen: number): number {
  return fen / 100;
}

/**
 * Keeps what people typed into hand-entry cells when a report is regenerated. Items are
 * matched by their key in the key column of the previous sheet, not by position, so a
 * new release that adds or reorders items keeps every figure with its item.
 */
export function mergeHandEntries(layout: SheetLayout, previous: readonly (readonly unknown[])[]): SheetLayout {
  if (!layout.handEntries?.length || !layout.keyColumn || previous.length === 0) return layout;
  const kc = layout.keyColumn - 1;
  const byKey = new Map<string, readonly unknown[]>();
  for (const r of previous) {
    const k = r[kc];
    if (typeof k === 'string' && k !== '') byKey.set(k, r);
  }
  const values = layout.values.map((r) => [...r]);
  for (const h of layout.handEntries) {
    const old = byKey.get(h.key);
    const v = old?.[h.col - 1];
    if (v !== undefined && v !== null && v !== '') values[h.row - 1][h.col - 1] = v instanceof Object ? String(v) : (v as LayoutCell);
  }
  return { ...layout, values };
}
