/**
 * Building and repairing the workbook's structure: sheets, header columns, frozen
 * headers, dropdowns, text formats, conditional formats and protections.
 *
 * Every function here is "ensure": it adds what is missing and reports it, and leaves
 * what exists alone, so running setup twice changes nothing an administrator edited.
 */
import { ensureRoom, mapHeader, safeCell, type Cell, type Column, type Sheet } from './table';
import type { Spreadsheet } from './workbook';

type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** Pads rows to one width (setValues needs a rectangle). */
export function rectangular(rows: readonly (readonly Cell[])[]): Cell[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...new Array(width - r.length).fill('')]);
}

/** The sheet, created and seeded (ONE setValues) when missing. */
export function ensureSheet(ss: Spreadsheet, name: string, seedRows: () => readonly (readonly Cell[])[]): { sheet: Sheet; created: boolean } {
  const existing = ss.getSheetByName(name);
  if (existing) return { sheet: existing, created: false };
  const sheet = ss.insertSheet(name);
  const rows = rectangular(seedRows());
  if (rows.length > 0 && rows[0].length > 0) {
    ensureRoom(sheet, rows.length, rows[0].length);
    sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  }
  sheet.setFrozenRows(1);
  return { sheet, created: true };
}

/**
 * Appends header cells for columns the header lacks (matched by zh label, key or English
 * label, like readTable). Returns the zh labels added. ONE getValues, at most ONE setValues.
 */
export function ensureHeaderColumns(sheet: Sheet, columns: readonly Column[]): string[] {
  const lastCol = sheet.getLastColumn();
  const header = lastCol > 0 ? sheet.getRange(1, 1, 1, lastCol).getValues()[0] : [];
  const map = mapHeader(sheet.getName(), header, columns);
  const missing = columns.filter((c) => map.col[c.key] === undefined).map((c) => c.zh);
  if (missing.length > 0) {
    ensureRoom(sheet, 1, map.width + missing.length);
    // Labels come from 表单定义, typed by an administrator: written as text, never as a formula.
    sheet.getRange(1, map.width + 1, 1, missing.length).setValues([missing.map(safeCell)]);
  }
  return missing;
}

export function ensureFrozenHeader(sheet: Sheet): boolean {
  if (sheet.getFrozenRows() >= 1) return false;
  sheet.setFrozenRows(1);
  return true;
}

/** Rows 2..max of one column. */
function columnBody(sheet: Sheet, col: number): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(2, col, Math.max(sheet.getMaxRows() - 1, 1), 1);
}

/** A dropdown on a column's data cells, unless that column already has one. */
export function ensureListValidation(sheet: Sheet, col: number, values: readonly string[], allowInvalid: boolean, help: string): boolean {
  if (values.length === 0) return false;
  if (sheet.getRange(2, col).getDataValidation() !== null) return false;
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInList([...values], true)
    .setAllowInvalid(allowInvalid)
    .setHelpText(help)
    .build();
  columnBody(sheet, col).setDataValidation(rule);
  return true;
}

/**
 * Plain-text format ('@') on a column: an 18-digit ID number or a card number typed into
 * an automatic-format cell becomes a number and loses its last digits; a phone loses its
 * leading 0. Returns true when the format was set now.
 */
export function ensureTextFormat(sheet: Sheet, col: number): boolean {
  if (sheet.getRange(2, col).getNumberFormat() === '@') return false;
  columnBody(sheet, col).setNumberFormat('@');
  return true;
}

/** Conditional-format rules by formula; adds the ones whose formula is not there yet. */
export function ensureFormulaFormats(
  sheet: Sheet,
  rules: readonly { formula: string; background: string; fontColor?: string; range: GoogleAppsScript.Spreadsheet.Range }[],
): number {
  const existing = sheet.getConditionalFormatRules();
  const formulas = new Set<string>();
  for (const r of existing) {
    try {
      const values = r.getBooleanCondition()?.getCriteriaValues() ?? [];
      for (const v of values) formulas.add(String(v));
    } catch {
      // A rule kind we cannot read (colour scale): not ours.
    }
  }
  const added = rules.filter((r) => !formulas.has(r.formula));
  if (added.length === 0) return 0;
  const built = added.map((r) => {
    let b = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(r.formula).setBackground(r.background).setRanges([r.range]);
    if (r.fontColor) b = b.setFontColor(r.fontColor);
    return b.build();
  });
  sheet.setConditionalFormatRules([...existing, ...built]);
  return added.length;
}

/** How our sheet protection is described (Data → Protect sheets and ranges shows it). */
export const OWNER_ONLY_DESCRIPTION = '帮扶：仅表格所有者可编辑（由写入服务代为写入）';

/** What ensureOwnerOnly found and did, for the setup report. */
export interface OwnerOnlyResult {
  created: boolean;
  /** zh descriptions of what was loosened and is now restored. */
  repairs: string[];
}

const lower = (e: string) => e.trim().toLowerCase();

/**
 * The sheet editable by the owner alone: a hard sheet protection (not warning-only), no
 * other editors, no domain edit, no unprotected ranges. A sheet has at most one sheet
 * protection: whichever is there is ours to repair. The effective user (the owner: setup
 * runs as the owner, directly or through the writer) is added before the others are
 * removed, as the Protection reference sample does
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection: "Ensure the
 * current user is an editor before removing others"). Returns what was repaired.
 */
export function ensureOwnerOnly(sheet: Sheet, description: string, me: string): OwnerOnlyResult {
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] as Protection | undefined;
  const p = existing ?? sheet.protect();
  const repairs: string[] = [];
  if (p.getDescription() !== description) p.setDescription(description);
  if (p.isWarningOnly()) {
    p.setWarningOnly(false);
    repairs.push('由“仅显示警告”改回禁止编辑');
  }
  const meLower = lower(me);
  const editors = p.getEditors().map((u) => lower(u.getEmail()));
  let owner = '';
  try {
    owner = lower(sheet.getParent().getOwner()?.getEmail() ?? '');
  } catch {
    // A shared-drive file has no owner: the effective user is the one who keeps access.
  }
  const others = editors.filter((e) => e !== '' && e !== meLower && e !== owner);
  // Always, as the reference sample does: until the script sets the editors, a protection
  // "mirrors" the spreadsheet's editors, i.e. protects nothing (Range.protect reference).
  // Removing the owner or the current user is a no-op there.
  if (meLower !== '') p.addEditor(meLower);
  p.removeEditors(p.getEditors());
  if (existing && others.length > 0) repairs.push(`移除了可编辑人员 ${others.join('、')}`);
  if (p.canDomainEdit()) {
    p.setDomainEdit(false);
    if (existing) repairs.push('取消了“本域所有人可编辑”');
  }
  const unprotected = p.getUnprotectedRanges();
  if (unprotected.length > 0) {
    p.setUnprotectedRanges([]);
    if (existing) repairs.push(`取消了例外区域 ${unprotected.map((r) => r.getA1Notation()).join('、')}`);
  }
  return { created: !existing, repairs };
}

/** Removes our range protections with these descriptions (kept from older versions); returns how many. */
export function removeRangeProtections(sheet: Sheet, isOurs: (description: string) => boolean): number {
  let n = 0;
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (isOurs(p.getDescription())) {
      p.remove();
      n++;
    }
  }
  return n;
}
