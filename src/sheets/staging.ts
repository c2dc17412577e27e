/**
 * The 录入 sheet itself: its columns (提交状态, 职工编号, then every 表单定义 field by its
 * 中文名称), its setup and repair, the one read of everything typed in it, and the marks
 * written back after a submission. Unprotected on purpose: staff type and paste here, and
 * the writer moves what is valid into 案件.
 */
import type { FieldDef } from '../domain/forms/fieldDefs';
import { LIST_HELP, MEMBER_HELP, STAGING } from '../domain/forms/stagingText';
import { ensureHeaderColumns, ensureListValidation, ensureSheet, ensureTextFormat } from './structure';
import { ensureRoom, mapHeader, readHeader, safeCell, type Cell, type Column, type HeaderMap, type Sheet } from './table';
import { requireSheet, type Spreadsheet } from './workbook';

/** 提交状态, 职工编号, then the form fields in 表单定义 order (keys are the field keys). */
export function stagingColumns(defs: readonly FieldDef[]): Column[] {
  return [
    { key: 'staging_status', zh: STAGING.status, en: 'Submission status' },
    { key: 'worker_no', zh: STAGING.workerNo, en: 'Worker no.' },
    ...defs.map((d) => ({ key: d.key, zh: d.zh, en: d.en })),
  ];
}

/** The header note that tells a typist how to write a field ('' when there is nothing to say). */
function headerHelp(def: FieldDef): string {
  if (def.type === 'table') return MEMBER_HELP;
  if (def.type === 'multiselect') return `${LIST_HELP}：${def.options.join('、')}`;
  if (def.computed) return '由系统自动计算，无需填写';
  return '';
}

/**
 * Creates 录入 when missing, or adds the columns of fields added to 表单定义 since; ID,
 * phone, card and worker-number columns as plain text (an 18-digit ID typed into an
 * automatic cell loses its last digits); dropdowns on single-choice columns (other text
 * allowed, the submission judges it); header notes on list and member columns. Returns
 * what it did, in the words setup reports.
 */
export function setUpStagingSheet(ss: Spreadsheet, defs: readonly FieldDef[]): { created: boolean; repaired: string[] } {
  const columns = stagingColumns(defs);
  // Labels come from 表单定义 (an administrator's text): written as text, never as a formula.
  const { sheet, created } = ensureSheet(ss, STAGING.sheet, () => [columns.map((c) => safeCell(c.zh))]);
  const repaired: string[] = [];
  const added = created ? [] : ensureHeaderColumns(sheet, columns);
  if (added.length > 0) repaired.push(`${STAGING.sheet}：补充列 ${added.join('、')}`);
  const map = readHeader(sheet, columns);
  const label = (key: string) => columns.find((c) => c.key === key)!.zh;
  const textKeys = ['worker_no', ...defs.filter((d) => d.type === 'idcard' || d.type === 'phone' || d.type === 'card').map((d) => d.key)];
  for (const key of textKeys) {
    const col = map.col[key];
    if (col !== undefined && ensureTextFormat(sheet, col) && !created) repaired.push(`${STAGING.sheet}：“${label(key)}”列设为文本格式`);
  }
  for (const d of defs) {
    const col = map.col[d.key];
    if (d.type === 'select' && col !== undefined && ensureListValidation(sheet, col, d.options, true, `请从下拉列表选择${d.zh}`) && !created) {
      repaired.push(`${STAGING.sheet}：“${d.zh}”下拉选项`);
    }
  }
  // Header notes: one read and at most one write of row 1.
  const width = Math.max(map.width, 1);
  const headerRange = sheet.getRange(1, 1, 1, width);
  const notes = headerRange.getNotes();
  let changed = false;
  for (const d of defs) {
    const col = map.col[d.key];
    const help = headerHelp(d);
    if (col === undefined || help === '' || notes[0][col - 1] !== '') continue;
    notes[0][col - 1] = help;
    changed = true;
  }
  if (changed) headerRange.setNotes(notes);
  return { created, repaired };
}

/** 录入's header only (ONE getValues of row 1). */
export function readStagingHeader(sheet: Sheet, defs: readonly FieldDef[]): HeaderMap {
  return readHeader(sheet, stagingColumns(defs));
}

export interface StagingRead {
  sheet: Sheet;
  map: HeaderMap;
  /** Data rows (sheet row 2 down), each as wide as the header. */
  values: Cell[][];
  /** The formulas of the same cells ('' for none). */
  formulas: string[][];
}

/** Everything typed in 录入: ONE getValues and ONE getFormulas of the same block. */
export function readStaging(ss: Spreadsheet, defs: readonly FieldDef[]): StagingRead {
  const sheet = requireSheet(ss, STAGING.sheet);
  const lastRow = sheet.getLastRow();
  const lastCol = Math.max(sheet.getLastColumn(), 1);
  const block = sheet.getRange(1, 1, Math.max(lastRow, 1), lastCol);
  const all = block.getValues() as Cell[][];
  const formulas = block.getFormulas();
  const map = mapHeader(sheet.getName(), all[0] ?? [], stagingColumns(defs));
  return { sheet, map, values: all.slice(1), formulas: formulas.slice(1) };
}

export interface StagingMark {
  /** 1-based sheet row. */
  row: number;
  status: string;
  workerNo: string;
}

/**
 * Writes back the outcome: 提交状态 and 职工编号 of the marked rows (ONE setValues over the
 * two columns, adjacent by default; two when an administrator moved them apart), and the
 * notes of every data cell (ONE setNotes: the bad cells get their message, the rest lose
 * an old one).
 */
export function writeStagingMarks(read: StagingRead, marks: readonly StagingMark[], notes: string[][]): void {
  const { sheet, map } = read;
  const rows = read.values.length;
  if (rows === 0) return;
  const statusCol = map.col.staging_status;
  const noCol = map.col.worker_no;
  const byRow = new Map(marks.map((m) => [m.row, m]));
  const width = Math.max(map.width, 1);
  ensureRoom(sheet, rows + 1, width);
  const column = (col: number, key: 'status' | 'workerNo') =>
    read.values.map((cells, i) => [safeCell(byRow.get(i + 2)?.[key] ?? (cells[col - 1] as Cell) ?? '')]);
  if (statusCol !== undefined && noCol === statusCol + 1) {
    const st = column(statusCol, 'status');
    const no = column(noCol, 'workerNo');
    sheet.getRange(2, statusCol, rows, 2).setValues(st.map((s, i) => [s[0], no[i][0]]));
  } else {
    if (statusCol !== undefined) sheet.getRange(2, statusCol, rows, 1).setValues(column(statusCol, 'status'));
    if (noCol !== undefined) sheet.getRange(2, noCol, rows, 1).setValues(column(noCol, 'workerNo'));
  }
  sheet.getRange(2, 1, rows, width).setNotes(notes.map((r) => (r.length === width ? r : [...r, ...new Array(width - r.length).fill('')].slice(0, width))));
}
