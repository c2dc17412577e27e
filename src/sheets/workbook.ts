/**
 * The sheets of a Bangfu workbook, by name, and the plain reads every request starts with.
 * Names are the zh words the union uses; setup creates any that are missing.
 */
import { datesFromSheet } from './zone';
import { BangfuError } from '../domain/errors';
import type { Cell, Sheet } from './table';

export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export { REPORT_SHEETS, SHEET_LABELS_EN, SHEET_NAMES, type SheetKey } from '../domain/layouts/workbook';

export function activeSpreadsheet(): Spreadsheet {
  const ss = boundSpreadsheet();
  if (!ss) throw new BangfuError('workbook.none', '没有打开的表格', 'No spreadsheet is open');
  return ss;
}

/** The spreadsheet this execution is bound to, or null (a time-driven run of an add-on has none). */
export function boundSpreadsheet(): Spreadsheet | null {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** Another spreadsheet by its ID (a county's file, the workbook a trigger remembered). */
export function openSpreadsheet(id: string): Spreadsheet {
  return SpreadsheetApp.openById(id);
}

/** The named sheet, or a zh error telling the administrator to run setup. */
export function requireSheet(ss: Spreadsheet, name: string): Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) {
    throw new BangfuError(
      'workbook.missingSheet',
      `缺少“${name}”表。请运行 帮扶 → 初始化/修复表格`,
      `The sheet "${name}" is missing. Run 帮扶 → Set up / repair`,
    );
  }
  return sheet;
}

/** All values of a sheet (header first) with ONE getValues; [] when the sheet is missing. */
export function readSheetValues(ss: Spreadsheet, name: string): Cell[][] {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return [];
  return datesFromSheet(sheet.getDataRange().getValues() as Cell[][]);
}

/** The spreadsheet owner's e-mail, lower case ('' when Drive does not say, e.g. a shared drive). */
export function spreadsheetOwnerEmail(ss: Spreadsheet): string {
  try {
    return (ss.getOwner()?.getEmail() ?? '').trim().toLowerCase();
  } catch {
    return '';
  }
}
