/**
 * 配置草稿: an administrator edits a copy (草稿-人员权限 …) of an owner-only configuration
 * sheet, and the writer applies it. This module is the pure part: which sheets, how each is
 * checked (the SAME parser the add-on reads it with), the guard rules of 人员权限, and the
 * field-by-field differences that 操作日志 records. Pure: takes the values getValues gave.
 */
import { BangfuError } from '../domain/errors';
import { textOf } from '../domain/forms/values';
import { isDate } from '../domain/civilDate';
import { parseFormDefinitions } from '../domain/forms/fieldDefs';
import { parseStaffTable } from '../domain/workflow/permissions';
import { parseSources } from '../domain/rollup/sources';
import { SHEET_NAMES } from '../domain/layouts/workbook';
import { COUNTY_BLOCK_TITLE, DEADLINE_BLOCK_TITLE } from '../domain/layouts/settings';
import { requestFingerprint } from '../shared/writerProtocol';
import { defaultCounties } from '../defaults/sheetRows';
import { parseSettings } from './settings';
import { readCalendar, readPolicy } from './domainRules';
import { chainFieldResolver } from './chains';
import { parseChainTable } from '../domain/workflow/chain';
import type { FieldDef } from '../domain/forms/fieldDefs';

export type ConfigSheetName =
  | typeof SHEET_NAMES.staff
  | typeof SHEET_NAMES.settings
  | typeof SHEET_NAMES.policies
  | typeof SHEET_NAMES.forms
  | typeof SHEET_NAMES.holidays
  | typeof SHEET_NAMES.sources
  | typeof SHEET_NAMES.chain;

/** The sheets an administrator edits through a draft, in the order the menu lists them. */
export const CONFIG_SHEETS: readonly ConfigSheetName[] = [
  SHEET_NAMES.staff,
  SHEET_NAMES.settings,
  SHEET_NAMES.policies,
  SHEET_NAMES.forms,
  SHEET_NAMES.holidays,
  SHEET_NAMES.sources,
  SHEET_NAMES.chain,
];

export const DRAFT_PREFIX = '草稿-';
export const draftName = (sheet: ConfigSheetName): string => `${DRAFT_PREFIX}${sheet}`;

/** The configuration sheet a draft's name stands for, or null. */
export function sheetOfDraft(name: string): ConfigSheetName | null {
  if (!name.startsWith(DRAFT_PREFIX)) return null;
  const rest = name.slice(DRAFT_PREFIX.length);
  return (CONFIG_SHEETS as readonly string[]).includes(rest) ? (rest as ConfigSheetName) : null;
}

export function asConfigSheet(name: unknown): ConfigSheetName {
  const s = textOf(name);
  if ((CONFIG_SHEETS as readonly string[]).includes(s)) return s as ConfigSheetName;
  throw new BangfuError(
    'config.unknownSheet',
    `“${s}”不是可通过草稿修改的配置表（可选：${CONFIG_SHEETS.join('、')}）`,
    `"${s}" is not a configuration sheet edited through a draft`,
  );
}

/**
 * How many columns of the sheet the draft covers; null = the whole data range. 设置 keeps
 * its three blocks in A–E; F holds 今日, which the daily job writes and no draft may overwrite.
 */
export function draftWidth(sheet: ConfigSheetName): number | null {
  return sheet === SHEET_NAMES.settings ? 5 : null;
}

/** Header labels whose draft column is plain text ('@'), so 01, a phone number or an e-mail keeps every character as typed. */
export const TEXT_COLUMN_LABELS: readonly string[] = ['邮箱', '县区代码', '联系电话', '格式', '标签页或表格地址'];

export type Grid = readonly (readonly unknown[])[];

const blankCell = (v: unknown) => v === '' || v === null || v === undefined;

/** A cell as the log and the comparison see it: a date as 'YYYY-MM-DD' (with the time when it has one), '' for blank. */
export function cellText(v: unknown): string | number | boolean {
  if (blankCell(v)) return '';
  if (isDate(v)) {
    const pad = (n: number) => String(n).padStart(2, '0');
    const day = `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}`;
    return v.getHours() || v.getMinutes() || v.getSeconds() ? `${day} ${pad(v.getHours())}:${pad(v.getMinutes())}:${pad(v.getSeconds())}` : day;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** The values without trailing blank rows and columns (what the sheet holds, whatever its data range). */
export function trimGrid(values: Grid): unknown[][] {
  let rows = values.length;
  while (rows > 0 && values[rows - 1].every(blankCell)) rows--;
  let cols = 0;
  for (let r = 0; r < rows; r++) {
    const row = values[r];
    for (let c = row.length; c > cols; c--)
      if (!blankCell(row[c - 1])) {
        cols = c;
        break;
      }
  }
  return values.slice(0, rows).map((r) => Array.from({ length: cols }, (_, c) => (blankCell(r[c]) ? '' : r[c])));
}

/** A fingerprint of a draft's content: the menu shows the differences, the writer applies only that same content. */
export function gridFingerprint(sheet: ConfigSheetName, values: Grid): string {
  return requestFingerprint(
    'configDraft',
    sheet,
    trimGrid(values).map((r) => r.map(cellText)),
  );
}

const refuse = (sheet: ConfigSheetName, zh: string, en: string) =>
  new BangfuError('config.invalid', `“${draftName(sheet)}”有误，未写入任何内容：${zh}`, `${draftName(sheet)} has errors; nothing was written: ${en}`);

/**
 * Checks a draft with the parser the add-on reads that sheet with; throws its zh message
 * (naming the row) when it does not parse. For 人员权限 also: at least one 管理员 stays, and
 * the administrator applying it keeps their own administrator row.
 */
export function checkDraft(sheet: ConfigSheetName, values: Grid, actorEmail: string, forms: readonly Pick<FieldDef, 'key' | 'zh' | 'en'>[] = []): void {
  const rows = trimGrid(values);
  const wrap = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof BangfuError) throw refuse(sheet, e.zh, e.en);
      throw e;
    }
  };
  switch (sheet) {
    case SHEET_NAMES.staff: {
      const { users, problems } = parseStaffTable(rows);
      if (problems.length > 0) throw refuse(sheet, problems.map((p) => p.zh).join('；'), problems.map((p) => p.en).join('; '));
      if (!users.some((u) => u.role === 'admin')) {
        throw refuse(sheet, '至少要保留一名“管理员”，否则没有人能再修改配置', 'at least one administrator must remain');
      }
      const me = actorEmail.trim().toLowerCase();
      if (!users.some((u) => u.email === me && u.role === 'admin')) {
        throw refuse(sheet, `不能删除或降低您自己（${me}）的管理员权限；如需更换管理员，请由另一位管理员办理`, 'you cannot remove your own administrator row');
      }
      return;
    }
    case SHEET_NAMES.settings: {
      const s = parseSettings(rows, defaultCounties());
      if (s.problems.length > 0) throw refuse(sheet, s.problems.join('；'), s.problems.join('; '));
      wrap(() => void s.deadlines());
      return;
    }
    case SHEET_NAMES.policies:
      return wrap(() => void readPolicy(rows));
    case SHEET_NAMES.forms:
      return wrap(() => void parseFormDefinitions(rows));
    case SHEET_NAMES.holidays:
      return wrap(() => void readCalendar(rows));
    case SHEET_NAMES.chain:
      return wrap(() => void parseChainTable(rows, chainFieldResolver(forms)));
    case SHEET_NAMES.sources: {
      const { problems } = parseSources(rows);
      if (problems.length > 0) throw refuse(sheet, problems.join('；'), problems.join('; '));
      return;
    }
  }
}

export interface CellChange {
  label: string;
  before: string | number | boolean;
  after: string | number | boolean;
}
export interface RowChange {
  kind: 'added' | 'changed' | 'removed';
  /** The sheet row: in the draft (added, changed) or in the old sheet (removed). */
  row: number;
  changes: CellChange[];
}
export interface ConfigDiff {
  added: number;
  changed: number;
  removed: number;
  rows: RowChange[];
}

const columnLetter = (n: number): string => {
  let s = '';
  for (let m = n; m > 0; m = Math.floor((m - 1) / 26)) s = String.fromCharCode(65 + ((m - 1) % 26)) + s;
  return s;
};

interface KeyedRow {
  row: number;
  cells: unknown[];
  key: string | null;
  labels: string[];
}

/**
 * Rows with their keys and the labels of their columns. The key says which row is "the same
 * row" before and after: 邮箱 (人员权限), 字段键 (表单定义), the date (节假日), scheme +
 * 生效日期 + 下限 (救助标准), 流程 + 生效日期 + 顺序 (审批流程), 名称 (汇总来源); in 设置 the block and its first cell (+ 生效日期).
 * Labels: the header row (of its block, in 设置).
 */
function keyedRows(sheet: ConfigSheetName, values: unknown[][]): KeyedRow[] {
  const out: KeyedRow[] = [];
  const norm = (v: unknown) => String(cellText(v)).trim();
  if (sheet === SHEET_NAMES.settings) {
    let block = 'settings';
    let header: string[] | null = null;
    values.forEach((cells, i) => {
      if (cells.every(blankCell)) return;
      const first = norm(cells[0]);
      if (first === COUNTY_BLOCK_TITLE || first === DEADLINE_BLOCK_TITLE) {
        block = first;
        header = null;
        out.push({ row: i + 1, cells, key: `title|${first}`, labels: [] });
        return;
      }
      if (header === null) {
        header = cells.map((c) => norm(c));
        out.push({ row: i + 1, cells, key: `header|${block}`, labels: header.map((h, j) => h || `${columnLetter(j + 1)}列`) });
        return;
      }
      const labels = cells.map((_, j) => header![j] || `${columnLetter(j + 1)}列`);
      const dated = block === COUNTY_BLOCK_TITLE ? '' : norm(cells[2]);
      out.push({ row: i + 1, cells, key: `${block}|${first}|${dated}`, labels });
    });
    return out;
  }
  const header = (values[0] ?? []).map((c) => norm(c));
  const at = (label: string) => header.indexOf(label);
  const keyCols: number[] =
    sheet === SHEET_NAMES.staff
      ? [at('邮箱')]
      : sheet === SHEET_NAMES.forms
        ? [at('字段键')]
        : sheet === SHEET_NAMES.holidays
          ? [0]
          : sheet === SHEET_NAMES.policies
            ? [at('项目代码'), at('生效日期'), at('下限')]
            : sheet === SHEET_NAMES.chain
              ? [at('流程'), at('生效日期'), at('顺序')]
              : [at('名称')];
  values.forEach((cells, i) => {
    if (cells.every(blankCell)) return;
    const labels = cells.map((_, j) => header[j] || `${columnLetter(j + 1)}列`);
    if (i === 0) return void out.push({ row: 1, cells, key: 'header', labels });
    const parts = keyCols.map((c) => (c < 0 ? '' : norm(cells[c]).toLowerCase()));
    out.push({ row: i + 1, cells, key: parts[0] === '' ? null : parts.join('|'), labels });
  });
  return out;
}

function cellChanges(before: KeyedRow | null, after: KeyedRow | null): CellChange[] {
  const width = Math.max(before?.cells.length ?? 0, after?.cells.length ?? 0);
  const out: CellChange[] = [];
  for (let j = 0; j < width; j++) {
    const b = before ? cellText(before.cells[j]) : '';
    const a = after ? cellText(after.cells[j]) : '';
    if (b === a) continue;
    out.push({ label: after?.labels[j] ?? before?.labels[j] ?? `${columnLetter(j + 1)}列`, before: b, after: a });
  }
  return out;
}

/**
 * What the draft changes, row by row and cell by cell. Rows are matched by their key when
 * every row has one and no key repeats; otherwise by row number.
 */
export function diffConfig(sheet: ConfigSheetName, before: Grid, after: Grid): ConfigDiff {
  const b = keyedRows(sheet, trimGrid(before));
  const a = keyedRows(sheet, trimGrid(after));
  const usable = (rows: KeyedRow[]) => rows.every((r) => r.key !== null) && new Set(rows.map((r) => r.key)).size === rows.length;
  const byKey = usable(b) && usable(a);
  const keyOf = (r: KeyedRow) => (byKey ? (r.key as string) : `#${r.row}`);
  const old = new Map(b.map((r) => [keyOf(r), r]));
  const rows: RowChange[] = [];
  const seen = new Set<string>();
  for (const r of a) {
    const k = keyOf(r);
    seen.add(k);
    const was = old.get(k) ?? null;
    const changes = cellChanges(was, r);
    if (changes.length > 0) rows.push({ kind: was ? 'changed' : 'added', row: r.row, changes });
  }
  for (const r of b) if (!seen.has(keyOf(r))) rows.push({ kind: 'removed', row: r.row, changes: cellChanges(r, null) });
  const count = (k: RowChange['kind']) => rows.filter((r) => r.kind === k).length;
  return { added: count('added'), changed: count('changed'), removed: count('removed'), rows };
}

const KIND_ZH: Record<RowChange['kind'], string> = { added: '新增', changed: '修改', removed: '删除' };

/** 人员权限：新增 2 行、修改 1 行、删除 0 行 */
export function diffSummary(sheet: ConfigSheetName, d: ConfigDiff): string {
  return `${sheet}：新增 ${d.added} 行、修改 ${d.changed} 行、删除 ${d.removed} 行`;
}

/** 第 5 行（新增）, 原第 7 行（删除） */
export function rowChangeTitle(r: RowChange): string {
  return `${r.kind === 'removed' ? '原' : ''}第${r.row}行（${KIND_ZH[r.kind]}）`;
}

const shown = (v: string | number | boolean) => (v === '' ? '（空）' : typeof v === 'boolean' ? (v ? '是' : '否') : String(v));

/** One line a person reads before confirming: 第 5 行（新增）：邮箱：（空）→ … */
export function rowChangeText(r: RowChange): string {
  return `${rowChangeTitle(r)}：${r.changes.map((c) => `${c.label}：${shown(c.before)} → ${shown(c.after)}`).join('；')}`;
}
