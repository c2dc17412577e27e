/** A1 notation, as Sheets reads and writes it ('B2', 'A1:C3', 'A:A', '2:2', "'案件'!A1"). */

export interface Box {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1Of(b: Box): string {
  const tl = `${columnLetters(b.col)}${b.row}`;
  if (b.numRows === 1 && b.numCols === 1) return tl;
  return `${tl}:${columnLetters(b.col + b.numCols - 1)}${b.row + b.numRows - 1}`;
}

/** Splits "'Sheet name'!A1:B2" into the sheet name (or null) and the range part. */
export function splitSheet(a1: string): { sheet: string | null; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheet: null, ref: a1 };
  let sheet = a1.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: a1.slice(bang + 1) };
}

const CELL = /^([A-Za-z]*)(\d*)$/;

/** A range part ('A1:C3', 'A:A', '2:3') inside a sheet of the given size. */
export function parseA1(ref: string, maxRows: number, maxCols: number): Box {
  const [a, b = a] = ref.split(':');
  const m1 = CELL.exec(a.trim());
  const m2 = CELL.exec(b.trim());
  if (!m1 || !m2 || (m1[1] === '' && m1[2] === '')) throw new Error(`Range not found: ${ref}`);
  const c1 = m1[1] ? columnNumber(m1[1]) : 1;
  const r1 = m1[2] ? Number(m1[2]) : 1;
  const c2 = m2[1] ? columnNumber(m2[1]) : m1[1] ? c1 : maxCols;
  const r2 = m2[2] ? Number(m2[2]) : m1[2] && m2 === m1 ? r1 : maxRows;
  // 'A:A' → whole column; '2:2' → whole row.
  const wholeCols = !m1[2] && !m2[2];
  const wholeRows = !m1[1] && !m2[1];
  const row = wholeCols ? 1 : Math.min(r1, r2);
  const lastRow = wholeCols ? maxRows : Math.max(r1, r2);
  const col = wholeRows ? 1 : Math.min(c1, c2);
  const lastCol = wholeRows ? maxCols : Math.max(c1, c2);
  return { row, col, numRows: lastRow - row + 1, numCols: lastCol - col + 1 };
}

/**
 * Which ends of an A1 range are open: 'A:A' and 'C2:C' have no last row (they reach the
 * bottom of the sheet however many rows it gets), '2:2' has no last column.
 */
export function openEnds(ref: string): { rows: boolean; cols: boolean } {
  const [a, b = a] = ref.split(':');
  const m1 = CELL.exec(a.trim());
  const m2 = CELL.exec(b.trim());
  if (!m1 || !m2 || !ref.includes(':')) return { rows: false, cols: false };
  return { rows: m2[1] !== '' && m2[2] === '', cols: m2[1] === '' && m2[2] !== '' };
}
