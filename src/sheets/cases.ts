/**
 * The 案件 sheet: one row per case = the system columns (caseModel.ts) + one column per
 * top-level form field of 表单定义. How values look in its cells:
 * - status: the zh label (待审核 …), which is what people read and filter on; parseStatus
 *   reads the label and the code alike;
 * - dates (due date, submission, notice, payment, exit, and form date fields): real date
 *   cells (local midnight), so Sheets sorts and filters them as dates;
 * - created/updated at: the instant;
 * - multiselect: choices joined by 、; a coded select by its label (救助项目 特困职工医疗救助);
 *   household members as readable text that reads back exactly (forms/values.ts rowsText),
 *   异议记录 the same way (workflow/transitions.ts);
 * - the flags 逾期 and 先行救助待补办: TRUE/FALSE cells that setup shows as checkboxes;
 * - any text that could start a formula: written as text (asCellText).
 */
import { isDate } from '../domain/civilDate';
import { SYSTEM_COLUMNS, STATUS_LABELS, parseStatus } from '../domain/caseModel';
import { dateFromCivil, parseCivil } from '../domain/civilDate';
import type { FieldDef } from '../domain/forms/fieldDefs';
import { toCellValue, normalizeValue } from '../domain/forms/values';
import type { Json } from '../shared/endpoints';
import {
  findRows,
  readColumn,
  readHeader,
  readRow,
  readTable,
  requireColumns,
  type Cell,
  type Column,
  type HeaderMap,
  type ReadOptions,
  type Sheet,
  type Table,
  type TableRow,
} from './table';
import { SHEET_NAMES, requireSheet, type Spreadsheet } from './workbook';

export const SYSTEM_KEYS: string[] = SYSTEM_COLUMNS.map((c) => c.key);
/** System columns holding civil dates (written as date cells). */
export const CASE_DATE_KEYS = new Set(['due_date', 'submitted_at', 'notice_start', 'notice_end', 'stage_since', 'paid_at', 'exited_at']);

/** Every 案件 column code knows: system columns, then the top-level form fields. */
export function caseColumns(defs: readonly FieldDef[]): Column[] {
  return [...SYSTEM_COLUMNS.map((c) => ({ key: c.key, zh: c.zh, en: c.en })), ...defs.map((d) => ({ key: d.key, zh: d.zh, en: d.en }))];
}

/** A civil date string → a date cell; anything else as it is. */
function dateCell(v: unknown): Cell {
  if (typeof v === 'string' && parseCivil(v)) return dateFromCivil(v);
  return (v ?? '') as Cell;
}

/** One system value → its cell. */
export function systemCell(key: string, v: unknown): Cell {
  if (v === null || v === undefined) return '';
  if (key === 'status') {
    const s = parseStatus(v);
    return s ? STATUS_LABELS[s].zh : (v as Cell);
  }
  if (CASE_DATE_KEYS.has(key)) return dateCell(v);
  return v as Cell;
}

/** One normalized form value → its cell (date fields as date cells). */
export function fieldCell(def: FieldDef, v: Json): Cell {
  const cell = toCellValue(def, v);
  return def.type === 'date' ? dateCell(cell) : cell;
}

/** Form values (normalized) and system values → cells keyed by column. */
export function caseCells(defs: readonly FieldDef[], values: Record<string, unknown>): Record<string, Cell> {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const out: Record<string, Cell> = {};
  for (const [k, v] of Object.entries(values)) {
    const def = byKey.get(k);
    out[k] = def ? fieldCell(def, normalizeValue(def, v)) : systemCell(k, v);
  }
  return out;
}

/** Two cells mean the same value (dates by day/instant, numbers and text by text). */
export function sameCell(a: unknown, b: unknown): boolean {
  const t = (v: unknown) => (isDate(v) ? String(v.getTime()) : v === null || v === undefined ? '' : String(v));
  return t(a) === t(b);
}

export interface CaseSheet {
  sheet: Sheet;
  map: HeaderMap;
  columns: Column[];
  /** Columns already read in this call (under the lock nothing else writes meanwhile). */
  read: Map<string, Cell[]>;
}

/** The columns a write needs (the system columns every workflow step touches). */
export const WRITE_REQUIRED = SYSTEM_KEYS;

/** Opens 案件 and maps its header (ONE getValues of row 1). */
export function openCaseSheet(ss: Spreadsheet, defs: readonly FieldDef[], required: readonly string[] = WRITE_REQUIRED): CaseSheet {
  const sheet = requireSheet(ss, SHEET_NAMES.cases);
  const columns = caseColumns(defs);
  const map = readHeader(sheet, columns);
  requireColumns(map, columns, required);
  return { sheet, map, columns, read: new Map() };
}

/** One column's data cells: ONE getValues the first time in a call, then from memory. */
export function caseColumn(cs: CaseSheet, key: string): Cell[] {
  let col = cs.read.get(key);
  if (!col) {
    col = readColumn(cs.sheet, cs.map, key);
    cs.read.set(key, col);
  }
  return col;
}

/** The row of a worker number: ONE getValues of the worker-number column, ONE of the row. */
export function findCase(cs: CaseSheet, workerNo: string): TableRow | null {
  const rows = findRows(caseColumn(cs, 'worker_no'), workerNo);
  return rows.length === 0 ? null : readRow(cs.sheet, cs.map, rows[0]);
}

/** Every case with ONE getValues (the review queue, the daily check, search). */
export function readCases(ss: Spreadsheet, defs: readonly FieldDef[], opts: ReadOptions = {}): Table & { sheet: Sheet } {
  const sheet = requireSheet(ss, SHEET_NAMES.cases);
  return { ...readTable(sheet, caseColumns(defs), opts), sheet };
}
