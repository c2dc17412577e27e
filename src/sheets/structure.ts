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
export function ensureFormulaFormats(sheet: Sheet, rules: readonly { formula: string; background: string; fontColor?: string; range: GoogleAppsScript.Spreadsheet.Range }[]): number {
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

export type ProtectionChange = 'created' | 'editorsAdded' | null;

function findProtection(sheet: Sheet, description: string, type: GoogleAppsScript.Spreadsheet.ProtectionType): Protection | null {
  return sheet.getProtections(type).find((p) => p.getDescription() === description) ?? null;
}

/**
 * A protection with a fixed description (how we recognise ours on the next run). When
 * created: hard protection (not a warning), only the owner plus `editors`; the domain
 * does not get blanket edit rights. When it exists: editors newly listed in 人员权限 are
 * added; nobody is removed (an administrator may have added people on purpose).
 */
export function ensureProtection(
  sheet: Sheet,
  description: string,
  editors: readonly string[],
  range?: GoogleAppsScript.Spreadsheet.Range,
): ProtectionChange {
  const type = range ? SpreadsheetApp.ProtectionType.RANGE : SpreadsheetApp.ProtectionType.SHEET;
  const existing = findProtection(sheet, description, type);
  const wanted = [...new Set(editors.map((e) => e.trim().toLowerCase()).filter((e) => e !== ''))];
  if (existing) {
    const have = new Set(existing.getEditors().map((u) => u.getEmail().toLowerCase()));
    const add = wanted.filter((e) => !have.has(e));
    if (add.length === 0) return null;
    existing.addEditors(add);
    return 'editorsAdded';
  }
  const p = (range ? range.protect() : sheet.protect()).setDescription(description);
  p.setWarningOnly(false);
  // Per the Range.protect reference: the owner always keeps edit rights; remove everyone else, then add who may edit.
  p.removeEditors(p.getEditors());
  if (p.canDomainEdit()) p.setDomainEdit(false);
  if (wanted.length > 0) p.addEditors(wanted);
  return 'created';
}
