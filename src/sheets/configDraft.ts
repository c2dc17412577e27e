/**
 * The sheet calls of 配置草稿 (src/config/configDraft.ts holds the rules): read a
 * configuration sheet or its draft with one getValues, write the draft (a sheet any editor
 * may create, which its creator then protects for the administrators) and write the authoritative sheet back with one
 * setValues. Text goes in with the text marker (safeCell), so nothing becomes a formula.
 */
import { draftName, draftWidth, TEXT_COLUMN_LABELS, trimGrid, type ConfigSheetName } from '../config/configDraft';
import { BangfuError } from '../domain/errors';
import { datesFromSheet } from './zone';
import { ensureRoom, safeCell, type Cell, type Sheet } from './table';
import { requireSheet, type Spreadsheet } from './workbook';

/** The values of a configuration sheet (or its draft) that a draft covers: ONE getValues. */
export function readConfigGrid(sheet: Sheet, config: ConfigSheetName): Cell[][] {
  const width = draftWidth(config);
  const rows = sheet.getLastRow();
  if (rows === 0) return [];
  const cols = width ?? Math.max(sheet.getLastColumn(), 1);
  return datesFromSheet(sheet.getRange(1, 1, rows, cols).getValues() as Cell[][]);
}

/** How the draft's protection is described (数据 → 保护工作表和区域 shows it). */
export const DRAFT_PROTECTION = '帮扶：配置草稿，仅管理员和表格所有者可编辑';

type Protection = GoogleAppsScript.Spreadsheet.Protection;
const lower = (e: string) => e.trim().toLowerCase();

/**
 * The draft editable by the administrators alone (the owner always may): any editor of the
 * file could otherwise type into it between the copy and the confirmation. The effective
 * user is added before the others are removed, as the Protection reference sample does
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection).
 */
export function protectDraft(sheet: Sheet, admins: readonly string[]): void {
  const p = (sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] as Protection | undefined) ?? sheet.protect();
  if (p.getDescription() !== DRAFT_PROTECTION) p.setDescription(DRAFT_PROTECTION);
  if (p.isWarningOnly()) p.setWarningOnly(false);
  const keep = new Set(admins.map(lower));
  p.addEditors([...keep]);
  const others = p
    .getEditors()
    .map((u) => u.getEmail())
    .filter((e) => !keep.has(lower(e)));
  if (others.length > 0) p.removeEditors(others);
  if (p.canDomainEdit()) p.setDomainEdit(false);
  if (p.getUnprotectedRanges().length > 0) p.setUnprotectedRanges([]);
}

/** Whether only `allowed` people could have edited the draft since it was protected (false when the caller may not even look). */
export function draftIsGuarded(sheet: Sheet, allowed: ReadonlySet<string>): boolean {
  try {
    const p = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] as Protection | undefined;
    if (!p || p.getDescription() !== DRAFT_PROTECTION || p.isWarningOnly() || p.canDomainEdit() || p.getUnprotectedRanges().length > 0) return false;
    return p.getEditors().every((u) => allowed.has(lower(u.getEmail())));
  } catch {
    return false;
  }
}

export function findDraft(ss: Spreadsheet, config: ConfigSheetName): Sheet | null {
  return ss.getSheetByName(draftName(config));
}

/**
 * The draft of `config` as a copy of the sheet now: created when missing, its old content
 * cleared when refreshed; editable by the administrators alone; text columns plain text;
 * activated. One getValues, one setValues.
 */
export function writeDraft(ss: Spreadsheet, config: ConfigSheetName, admins: readonly string[]): { sheet: Sheet; rows: number; created: boolean } {
  const values = trimGrid(readConfigGrid(requireSheet(ss, config), config)) as Cell[][];
  let sheet = findDraft(ss, config);
  const created = sheet === null;
  if (sheet === null) sheet = ss.insertSheet(draftName(config));
  // Protected before it is written: nobody but an administrator ever typed into what is copied.
  protectDraft(sheet, admins);
  if (!created) sheet.clearContents();
  if (values.length > 0) {
    const width = values[0].length;
    ensureRoom(sheet, values.length, width);
    const header = values[0].map((v) => String(v ?? '').trim());
    header.forEach((h, i) => {
      if (TEXT_COLUMN_LABELS.includes(h)) sheet.getRange(2, i + 1, Math.max(sheet.getMaxRows() - 1, 1), 1).setNumberFormat('@');
    });
    sheet.getRange(1, 1, values.length, width).setValues(values.map((r) => r.map((v) => safeCell(v))));
    sheet.setFrozenRows(1);
  }
  sheet.activate();
  return { sheet, rows: values.length, created };
}

export interface DraftRead {
  values: Cell[][];
  formulas: string[][];
}

/** The draft's values and formulas (a formula is refused: a draft holds what the administrator typed). */
export function readDraft(ss: Spreadsheet, config: ConfigSheetName): DraftRead {
  const sheet = findDraft(ss, config);
  if (!sheet) {
    throw new BangfuError(
      'config.noDraft',
      `没有“${draftName(config)}”表。请先用 帮扶 → 管理 → 编辑配置表… 打开草稿`,
      `There is no ${draftName(config)} sheet; open a draft first`,
    );
  }
  const rows = sheet.getLastRow();
  if (rows === 0) return { values: [], formulas: [] };
  const cols = draftWidth(config) ?? Math.max(sheet.getLastColumn(), 1);
  const range = sheet.getRange(1, 1, rows, cols);
  return { values: datesFromSheet(range.getValues() as Cell[][]), formulas: range.getFormulas() };
}

/**
 * The authoritative sheet gets `values` with ONE setValues over the larger of the old and
 * the new extent, so rows and columns the draft no longer has are blanked in the same call.
 */
export function writeConfigGrid(sheet: Sheet, config: ConfigSheetName, before: readonly (readonly Cell[])[], values: readonly (readonly Cell[])[]): void {
  const rows = Math.max(before.length, values.length, 1);
  const cols = Math.max(before[0]?.length ?? 0, values[0]?.length ?? 0, draftWidth(config) ?? 1, 1);
  ensureRoom(sheet, rows, cols);
  const grid: Cell[][] = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => safeCell(values[r]?.[c] ?? '')));
  sheet.getRange(1, 1, rows, cols).setValues(grid);
}

export function deleteDraft(ss: Spreadsheet, config: ConfigSheetName): void {
  const sheet = findDraft(ss, config);
  if (sheet) ss.deleteSheet(sheet);
}
