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
  /** Column widths in points (index 0 = column 1), wide enough for the longest text. */
  columnWidths?: number[];
  /** Row heights in points for rows that need more than one line (notes, wrapped headers). */
  rowHeights?: { row: number; height: number }[];
  /**
   * Rows whose heights in rowHeights only fit their wrapped text (a long list's body): Sheets
   * sizes them in one autoResizeRows call instead of one call per row; Excel, which does not
   * fit rows, takes the heights.
   */
  fitRows?: { row: number; numRows: number };
  /** Boxes drawn with thin borders all round and inside (the form body). */
  borders?: Box[];
  /** Boxes whose text wraps inside the cell. */
  wrap?: Box[];
  /** Boxes in bold (titles, column headers). */
  bold?: Box[];
  /** Boxes centred horizontally. */
  center?: Box[];
  /** Boxes aligned right (a seal and date line, as on the paper form). */
  right?: Box[];
  /** Font size in points of row 1 (the title). */
  titleSize?: number;
  print?: PrintSetup;
}

/**
 * How the sheet goes onto paper: A4, one page wide, the orientation of the paper original,
 * the column header repeated on every page and only the form's own columns printed (the
 * key and source columns lie to the right of them).
 */
export interface PrintSetup {
  orientation: 'portrait' | 'landscape';
  /** Rows from..to printed again at the top of every page. */
  repeatRows?: { from: number; to: number };
  /** The printed area: rows 1..rows, columns 1..columns. */
  rows: number;
  columns: number;
}

/** The font every report is written in (Sheets' default; Excel and LibreOffice have it or its metric twin). */
export const REPORT_FONT = { name: 'Arial', size: 10 } as const;

/** Units of the CJK-aware width estimate: ems of the report font. */
function charEm(ch: string): number {
  const c = ch.codePointAt(0)!;
  // CJK ideographs, punctuation, full-width forms, kana, hangul: one em.
  if (c >= 0x2e80 || (c >= 0x2000 && c <= 0x206f && ch !== ' ')) return c >= 0xff61 && c <= 0xffdc ? 0.6 : 1;
  if (/[0-9]/.test(ch)) return 0.56;
  if (/[A-Z]/.test(ch)) return 0.68;
  if (/[ .,:;'|!il]/.test(ch)) return 0.3;
  return 0.56;
}

/** Estimated width of a text in ems of the report font, widest line when it has several. */
export function textEms(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) {
    let w = 0;
    for (const ch of line) w += charEm(ch);
    widest = Math.max(widest, w);
  }
  return widest;
}

/** A cell as it shows under its number format (what has to fit in the column). */
export function shownText(v: LayoutCell, format?: string): string {
  if (typeof v === 'string') return v;
  if (format === '#,##0.00') return v.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fixed = format ? /^0\.(0+)$/.exec(format) : null;
  if (fixed) return v.toFixed(fixed[1].length);
  if (format === '0.0%') return `${(v * 100).toFixed(1)}%`;
  return String(v);
}

/** Cell padding left + right, points. */
const PAD_PT = 8;

/**
 * Column widths (points) that fit the widest shown text of each column over the given rows.
 * Rows outside (the title, a note merged across the sheet) do not widen a column; a column
 * whose header wraps counts its header at `headerLines` lines.
 */
export function fitWidths(
  values: readonly LayoutCell[][],
  rows: { from: number; to: number },
  formats: readonly (Box & { format: string })[] = [],
  opt: { headerRow?: number; headerLines?: number; min?: number } = {},
): number[] {
  const width = values[0]?.length ?? 0;
  const fmt = (r: number, c: number) => formats.find((f) => r >= f.row && r < f.row + f.numRows && c >= f.col && c < f.col + f.numCols)?.format;
  const out: number[] = new Array(width).fill(opt.min ?? 3 * REPORT_FONT.size);
  for (let r = rows.from; r <= rows.to; r++) {
    const line = values[r - 1] ?? [];
    for (let c = 1; c <= width; c++) {
      const v = line[c - 1];
      if (v === undefined || v === '') continue;
      let ems = textEms(shownText(v, fmt(r, c)));
      if (r === opt.headerRow && opt.headerLines && opt.headerLines > 1) ems = wrappedEms(String(v), opt.headerLines);
      out[c - 1] = Math.max(out[c - 1], Math.ceil(ems * REPORT_FONT.size + PAD_PT));
    }
  }
  return out;
}

/** Closing punctuation never starts a line (line-breaking rules of Chinese text, which Sheets, Excel and LibreOffice follow). */
const NO_LINE_START = new Set([...'）》」』】，。、；：！？']);

/** Lines a paragraph takes wrapped at `room` ems, breaking between characters. */
function wrapLines(para: string, room: number): number {
  const chars = [...para];
  let lines = 1;
  let used = 0;
  chars.forEach((ch, i) => {
    const e = charEm(ch);
    if (used + e <= room || used === 0) {
      used += e;
      return;
    }
    lines++;
    // A closing bracket takes the character before it onto the new line.
    used = NO_LINE_START.has(ch) && i > 0 ? charEm(chars[i - 1]) + e : e;
  });
  return lines;
}

/** The width (ems) a text needs to wrap into at most `lines` lines. */
export function wrappedEms(text: string, lines: number): number {
  const total = textEms(text);
  // Smallest width at which the text wraps into ≤ lines lines: start at total/lines and widen.
  for (let w = Math.max(1, total / lines); w <= total; w += 0.25) if (wrapLines(text, w) <= lines) return w;
  return total;
}

/** Lines a text takes when wrapped in a column of `widthPt` points. */
export function linesIn(text: string, widthPt: number): number {
  const room = (widthPt - PAD_PT) / REPORT_FONT.size;
  return text.split('\n').reduce((n, para) => n + wrapLines(para, room), 0);
}

/** Height (points) of the title row (16 pt bold). */
export const TITLE_HEIGHT = 30;

/** Height (points) of a row of `lines` lines of the report font. */
export function rowHeightFor(lines: number): number {
  return Math.ceil(lines * REPORT_FONT.size * 1.45 + 4);
}

/** Pads rows to one width. */
export function rect(rows: LayoutCell[][]): LayoutCell[][] {
  // A loop, not Math.max(...rows): a list of 200,000 families is more arguments than a call takes.
  let w = 1;
  for (const r of rows) if (r.length > w) w = r.length;
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

export interface HeaderPiece {
  text: string;
  /** Columns the piece spans (merged). */
  span: number;
}

export interface TableFormSpec {
  name: string;
  title: string;
  /** Lines between the title and the table (填报单位 …), pieces left to right. */
  lines: HeaderPiece[][];
  header: LayoutCell[];
  body: LayoutCell[][];
  /** Lines under the table (注 …), each merged across the table and wrapped. */
  notes: string[];
  orientation: PrintSetup['orientation'];
  /** Number format of each column's body cells ('' = as is). */
  formats?: readonly string[];
  /** Lines the column header may wrap into (wide tables with long headers). */
  headerLines?: number;
  /** Widest a column may grow (ems, by column index); longer text wraps and the row grows. */
  maxEms?: Readonly<Record<number, number>>;
  /** Body columns centred (by index). */
  centred?: readonly number[];
  /** Narrowest column (ems); default 3. */
  minEms?: number;
}

/**
 * A printable table: the title in row 1, the header lines, the bordered table with its
 * header row frozen and repeated on every page, notes under it, widths to fit the text.
 */
export function tableForm(s: TableFormSpec): SheetLayout {
  const cols = s.header.length;
  const rows: LayoutCell[][] = [[s.title]];
  const merges: Box[] = [{ row: 1, col: 1, numRows: 1, numCols: cols }];
  for (const line of s.lines) {
    const r = rows.length + 1;
    const cells: LayoutCell[] = [];
    for (const p of line) {
      if (p.span > 1) merges.push({ row: r, col: cells.length + 1, numRows: 1, numCols: p.span });
      cells.push(p.text, ...new Array<LayoutCell>(p.span - 1).fill(''));
    }
    rows.push(cells);
  }
  rows.push(s.header);
  const head = rows.length;
  for (const line of s.body) rows.push(line);
  const last = rows.length;
  for (const n of s.notes) rows.push([n]);
  const values = rect(rows);
  const n = s.body.length;
  const numberFormats = (s.formats ?? [])
    .map((format, i) => (format && n > 0 ? { row: head + 1, col: i + 1, numRows: n, numCols: 1, format } : null))
    .filter((x): x is NonNullable<typeof x> => x !== null);
  let columnWidths = fitWidths(values, { from: head, to: last }, numberFormats, {
    headerRow: head,
    headerLines: s.headerLines,
    min: s.minEms !== undefined ? s.minEms * REPORT_FONT.size : undefined,
  });
  const wrap: Box[] = [];
  let fitRows: SheetLayout['fitRows'];
  const rowHeights = new Map<number, number>([[1, TITLE_HEIGHT]]);
  if (s.headerLines && s.headerLines > 1) {
    wrap.push({ row: head, col: 1, numRows: 1, numCols: cols });
    const lines = Math.max(1, ...s.header.map((h, i) => linesIn(String(h), columnWidths[i])));
    rowHeights.set(head, rowHeightFor(lines));
  }
  for (const [k, ems] of Object.entries(s.maxEms ?? {})) {
    const c = Number(k);
    const cap = Math.ceil(ems * REPORT_FONT.size + PAD_PT);
    if (columnWidths[c] <= cap) continue;
    columnWidths = columnWidths.map((w, i) => (i === c ? cap : w));
    if (n > 0) wrap.push({ row: head + 1, col: c + 1, numRows: n, numCols: 1 });
    if (n > 0) fitRows = { row: head + 1, numRows: n };
    for (let r = head + 1; r <= last; r++) {
      const lines = linesIn(String(values[r - 1][c]), cap);
      if (lines > 1) rowHeights.set(r, Math.max(rowHeights.get(r) ?? 0, rowHeightFor(lines)));
    }
  }
  const tableWidth = columnWidths.reduce((a, b) => a + b, 0);
  s.notes.forEach((note, i) => {
    const r = last + 1 + i;
    merges.push({ row: r, col: 1, numRows: 1, numCols: cols });
    wrap.push({ row: r, col: 1, numRows: 1, numCols: cols });
    const lines = linesIn(note, tableWidth);
    if (lines > 1) rowHeights.set(r, rowHeightFor(lines));
  });
  const headerBox = { row: head, col: 1, numRows: 1, numCols: cols };
  return {
    name: s.name,
    values,
    frozenRows: head,
    merges,
    numberFormats,
    columnWidths,
    rowHeights: [...rowHeights].map(([row, height]) => ({ row, height })),
    fitRows,
    borders: [{ row: head, col: 1, numRows: n + 1, numCols: cols }],
    wrap,
    bold: [{ row: 1, col: 1, numRows: 1, numCols: cols }, headerBox],
    center: [
      { row: 1, col: 1, numRows: 1, numCols: cols },
      headerBox,
      ...(n > 0 ? (s.centred ?? []).map((c) => ({ row: head + 1, col: c + 1, numRows: n, numCols: 1 })) : []),
    ],
    titleSize: 16,
    print: { orientation: s.orientation, repeatRows: { from: head, to: head }, rows: values.length, columns: cols },
  };
}

/**
 * The address at which Google Sheets exports one sheet as a PDF with the layout's page setup
 * (A4, orientation, fit to width, frozen rows repeated, the printed area only, page numbers,
 * no gridlines). Opened in the user's browser it downloads the PDF with the user's own access.
 * Apps Script has no page-setup API; this is the export the Sheets print dialog itself uses.
 */
export function sheetsPdfUrl(spreadsheetId: string, sheetId: number, p: PrintSetup): string {
  const q: [string, string | number][] = [
    ['format', 'pdf'],
    ['gid', sheetId],
    ['size', 'A4'],
    ['portrait', p.orientation === 'portrait' ? 'true' : 'false'],
    ['fitw', 'true'],
    ['gridlines', 'false'],
    ['printtitle', 'false'],
    ['sheetnames', 'false'],
    ['pagenum', 'RIGHT'],
    ['fzr', p.repeatRows ? 'true' : 'false'],
    ['horizontal_alignment', 'CENTER'],
    ['top_margin', 0.6],
    ['bottom_margin', 0.6],
    ['left_margin', 0.5],
    ['right_margin', 0.5],
    // The printed area, 0-based with exclusive ends.
    ['r1', 0],
    ['c1', 0],
    ['r2', p.rows],
    ['c2', p.columns],
  ];
  return `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/export?${q.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&')}`;
}

/** The label of the link to that PDF, written beside the printed area (never inside it). */
export function pdfLinkLabel(p: PrintSetup): string {
  return `导出 PDF（A4${p.orientation === 'portrait' ? '纵向' : '横向'}）`;
}
