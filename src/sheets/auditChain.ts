/**
 * The hash chain that makes 操作日志 tamper-evident.
 *
 * Each row carries 前一哈希 (the previous row's 本行哈希; GENESIS for the first row) and
 * 本行哈希 = SHA-256 of the row's canonical text (below). The writer also keeps the head
 * (the last hash and the number of rows it wrote) in its own script properties, where no
 * spreadsheet editor can reach it, so a cut-off tail or a row appended by hand is found
 * even when its hashes were computed correctly.
 *
 * Canonical text of a row, precisely (the same cells give the same text before they are
 * written and after any number of getValues round trips):
 *   JSON.stringify(['bangfu-audit-v1', previousHash, [[key, text], …]])
 * with one [key, text] pair per hashed column (every 操作日志 column except the two hash
 * columns, in AUDIT_COLUMNS order, by key so moving a column changes nothing) whose text
 * is not empty, where text is:
 *   Date    → ISO-8601 UTC instant to the second, '2025-09-30T01:02:03.000Z' (rounded to the
 *             nearest second: Sheets keeps a date-time as a fraction of a day);
 *   number  → String(n) ('0' for -0);  boolean → 'TRUE' / 'FALSE';
 *   string  → the text, CR LF and lone CR as LF;  blank → '' (the pair is left out).
 * Leaving out blank pairs means a column added to 操作日志 later does not change the hash
 * of the rows written before it.
 *
 * So that Sheets stores exactly that text, every non-blank string of a log row is written
 * with the apostrophe text marker: '2025-10-01', '00123' or 'TRUE' stay text, never a date,
 * a number or a boolean. (Changing the spreadsheet's time zone shifts every stored instant
 * and breaks the chain at the first row: the log is then reported as changed.)
 */
import { BangfuError } from '../domain/errors';
import { isDate } from '../domain/civilDate';
import { AUDIT_COLUMNS } from './audit';
import { ensureRoom, mapHeader, requireColumns, type Cell, type HeaderMap, type Sheet } from './table';

/** Text → lower-case hex SHA-256 (src/platform/digest.ts sha256Hex in Apps Script). */
export type Digest = (text: string) => string;

export interface AuditHeadValue {
  /** 本行哈希 of the last row the writer appended. */
  hash: string;
  /** How many data rows 操作日志 has after that append. */
  rows: number;
}

/** Where the writer keeps the head (its script properties); absent in the bound script. */
export interface AuditHead {
  read(): AuditHeadValue | null;
  write(h: AuditHeadValue): void;
}

export interface AuditChain {
  digest: Digest;
  head?: AuditHead;
}

export interface AuditCheck {
  ok: boolean;
  message: string;
  /** Sheet row number of the first row that does not match; null when the log is intact. */
  row: number | null;
}

/** 前一哈希 of the first row. */
export const GENESIS = '0'.repeat(64);
const CHAIN_VERSION = 'bangfu-audit-v1';
export const HASH_KEYS = ['prev_hash', 'row_hash'] as const;
const HASHED_KEYS: readonly string[] = AUDIT_COLUMNS.map((c) => c.key).filter((k) => !(HASH_KEYS as readonly string[]).includes(k));

const roundToSecond = (t: number) => Math.round(t / 1000) * 1000;

/** One cell as the chain sees it (see the file comment). */
export function canonicalCell(v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (isDate(v)) {
    const t = v.getTime();
    return Number.isNaN(t) ? 'Invalid Date' : new Date(roundToSecond(t)).toISOString();
  }
  if (typeof v === 'number') return Object.is(v, -0) ? '0' : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v).replace(/\r\n?/g, '\n');
}

/** The canonical text of a row: the previous hash and the row's hashed cells. */
export function rowText(prev: string, cell: (key: string) => unknown): string {
  const pairs: [string, string][] = [];
  for (const k of HASHED_KEYS) {
    const t = canonicalCell(cell(k));
    if (t !== '') pairs.push([k, t]);
  }
  return JSON.stringify([CHAIN_VERSION, prev, pairs]);
}

export function rowHash(digest: Digest, prev: string, cell: (key: string) => unknown): string {
  return digest(rowText(prev, cell));
}

/** A value as a log row is written: text with the marker (stored exactly), dates to the second. */
function written(v: Cell | null | undefined): Cell {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'string') return `'${v}`;
  if (isDate(v)) return new Date(roundToSecond(v.getTime()));
  return v;
}

function missingHashColumns(map: HeaderMap): BangfuError {
  const labels = AUDIT_COLUMNS.filter((c) => (HASH_KEYS as readonly string[]).includes(c.key) && map.col[c.key] === undefined).map((c) => c.zh);
  return new BangfuError(
    'audit.noHashColumns',
    `“操作日志”表缺少列：${labels.join('、')}。请运行 帮扶 → 初始化/修复表格（会为已有记录补上哈希）`,
    `操作日志 lacks the columns ${labels.join(', ')}. Run 帮扶 → Set up / repair (it chains the existing rows)`,
  );
}

/** Throws (in zh) unless 操作日志 has both hash columns: checked before anything is written. */
export function requireChainColumns(map: HeaderMap): void {
  if (HASH_KEYS.some((k) => map.col[k] === undefined)) throw missingHashColumns(map);
}

/**
 * Appends log rows, each chained to the one before: ONE setValues, plus one getValue of the
 * last row's hash when there is no head. With a head, the head is updated after the write;
 * if that fails the rows are cleared again and the error goes on (the caller undoes its
 * case write), so the log never holds rows the head does not know. Returns the first row.
 * Call it under the lock that serialises the log's writers.
 */
export function appendAuditRows(sheet: Sheet, map: HeaderMap, records: readonly Record<string, Cell | null | undefined>[], chain: AuditChain): number {
  requireChainColumns(map);
  const last = sheet.getLastRow();
  const first = last + 1;
  if (records.length === 0) return first;
  const head = chain.head?.read() ?? null;
  let prev: string;
  let count: number;
  if (head) {
    // The head, not the sheet: a row deleted or added by hand stays visible after our append.
    prev = head.hash;
    count = head.rows;
  } else if (last < 2) {
    prev = GENESIS;
    count = 0;
  } else {
    prev = canonicalCell(sheet.getRange(last, map.col.row_hash).getValue());
    count = last - 1;
  }
  const width = Math.max(map.width, 1);
  const rows: Cell[][] = records.map((r) => {
    const row: Cell[] = new Array(width).fill('');
    const cells: Record<string, Cell> = {};
    for (const k of HASHED_KEYS) {
      const c = map.col[k];
      if (c === undefined) continue;
      row[c - 1] = written(r[k]);
      cells[k] = r[k] ?? '';
    }
    const h = rowHash(chain.digest, prev, (k) => cells[k]);
    row[map.col.prev_hash - 1] = written(prev);
    row[map.col.row_hash - 1] = written(h);
    prev = h;
    return row;
  });
  ensureRoom(sheet, first + rows.length - 1, width);
  const range = sheet.getRange(first, 1, rows.length, width);
  range.setValues(rows);
  if (chain.head) {
    try {
      chain.head.write({ hash: prev, rows: count + rows.length });
    } catch (e) {
      range.clearContent();
      throw e;
    }
  }
  return first;
}

/**
 * Checks the whole log from values already read (ONE getValues of the data range) against
 * the head. Names the sheet row of the first row that does not match.
 */
export function checkAuditValues(values: readonly (readonly unknown[])[], digest: Digest, head: AuditHeadValue | null): AuditCheck {
  const fail = (row: number, message: string): AuditCheck => ({ ok: false, message, row });
  if (values.length === 0) return fail(1, '“操作日志”表是空的，连表头都没有：请运行 帮扶 → 初始化/修复表格');
  const map = mapHeader('操作日志', values[0], AUDIT_COLUMNS);
  if (HASH_KEYS.some((k) => map.col[k] === undefined)) return fail(1, missingHashColumns(map).zh);
  try {
    requireColumns(map, AUDIT_COLUMNS, HASHED_KEYS);
  } catch (e) {
    return fail(1, e instanceof BangfuError ? `表头被改动：${e.zh}` : String(e));
  }
  // hash → the sheet row that produced it (GENESIS: "before row 2").
  const seen = new Map<string, number>([[GENESIS, 1]]);
  let prev = GENESIS;
  for (let i = 1; i < values.length; i++) {
    const sheetRow = i + 1;
    const row = values[i];
    const cell = (k: string) => row[map.col[k] - 1];
    const storedPrev = canonicalCell(cell('prev_hash'));
    if (storedPrev !== prev) {
      const from = seen.get(storedPrev);
      if (from !== undefined && from < sheetRow - 1) {
        const a = from + 1;
        const b = sheetRow - 1;
        return fail(a, `操作日志第 ${a} 行${a === b ? '' : `至第 ${b} 行`}不在哈希链中：可能是手工插入的记录，或记录的顺序被调换`);
      }
      return fail(sheetRow, `操作日志第 ${sheetRow} 行与上一行接不上：两行之间的记录可能被删除，或本行被移动（调换顺序）过`);
    }
    const h = rowHash(digest, prev, cell);
    if (canonicalCell(cell('row_hash')) !== h) {
      return fail(sheetRow, `操作日志第 ${sheetRow} 行的内容与其哈希不符：本行可能被手工修改过`);
    }
    seen.set(h, sheetRow);
    prev = h;
  }
  const n = values.length - 1;
  if (head) {
    if (n < head.rows) {
      return fail(n + 2, `操作日志末尾缺少记录：写入服务记录了 ${head.rows} 行，表中只有 ${n} 行，第 ${n + 2} 行起的 ${head.rows - n} 行被删除`);
    }
    if (n > head.rows) {
      return fail(head.rows + 2, `操作日志第 ${head.rows + 2} 行起的 ${n - head.rows} 行不是写入服务追加的（可能为手工添加）`);
    }
    if (prev !== head.hash) {
      return fail(n + 1, `操作日志第 ${n + 1} 行（最后一行）与写入服务记录的不符：日志可能被整体改写`);
    }
  }
  return {
    ok: true,
    row: null,
    message: head
      ? `操作日志完整：共 ${n} 行记录，逐行哈希核对无误，行数和最后一行与写入服务的记录一致`
      : `操作日志完整：共 ${n} 行记录，逐行哈希核对无误（未连接写入服务，无法核对末尾的记录是否被删除）`,
  };
}

/**
 * Migration for a log written before the chain existed: when the hash columns are present
 * and blank on EVERY row, chains the rows as they stand (ONE getValues, ONE setValues when
 * the two columns are adjacent, as setup adds them). A log with some hashes is never
 * re-chained: that would bless rows changed by hand. Returns the head, or null when there
 * was nothing to do.
 */
export function chainExistingRows(sheet: Sheet, digest: Digest): AuditHeadValue | null {
  const values = sheet.getDataRange().getValues();
  const map = mapHeader(sheet.getName(), values[0] ?? [], AUDIT_COLUMNS);
  if (HASH_KEYS.some((k) => map.col[k] === undefined)) throw missingHashColumns(map);
  if (values.length < 2) return null;
  const pc = map.col.prev_hash - 1;
  const hc = map.col.row_hash - 1;
  if (values.slice(1).some((r) => canonicalCell(r[pc]) !== '' || canonicalCell(r[hc]) !== '')) return null;
  let prev = GENESIS;
  const hashes: [Cell, Cell][] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i];
    const h = rowHash(digest, prev, (k) => (map.col[k] === undefined ? '' : row[map.col[k] - 1]));
    hashes.push([written(prev), written(h)]);
    prev = h;
  }
  const n = hashes.length;
  if (hc === pc + 1) {
    sheet.getRange(2, pc + 1, n, 2).setValues(hashes);
  } else {
    sheet.getRange(2, pc + 1, n, 1).setValues(hashes.map((x) => [x[0]]));
    sheet.getRange(2, hc + 1, n, 1).setValues(hashes.map((x) => [x[1]]));
  }
  return { hash: prev, rows: n };
}
