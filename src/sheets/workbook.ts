/**
 * The sheets of a Bangfu workbook, by name, and the plain reads every request starts with.
 * Names are the zh words the union uses; setup creates any that are missing.
 */
import { datesFromSheet } from './zone';
import { BangfuError } from '../domain/errors';
import type { Cell, Sheet } from './table';

export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const SHEET_NAMES = {
  forms: '表单定义',
  policies: '救助标准',
  holidays: '节假日',
  staff: '人员权限',
  cases: '案件',
  audit: '操作日志',
  settings: '设置',
  sources: '汇总来源',
  annualReview: '年度复审',
} as const;
export type SheetKey = keyof typeof SHEET_NAMES;

export const SHEET_LABELS_EN: Record<SheetKey, string> = {
  forms: 'Form definition',
  policies: 'Relief standards',
  holidays: 'Holidays',
  staff: 'Staff and roles',
  cases: 'Cases',
  audit: 'Audit log',
  settings: 'Settings',
  sources: 'Roll-up sources',
  annualReview: 'Annual re-review',
};

export function activeSpreadsheet(): Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new BangfuError('workbook.none', '没有打开的表格', 'No spreadsheet is open');
  return ss;
}

/** The named sheet, or a zh error telling the administrator to run setup. */
export function requireSheet(ss: Spreadsheet, name: string): Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) {
    throw new BangfuError('workbook.missingSheet', `缺少“${name}”表。请运行 帮扶 → 初始化/修复表格`, `The sheet "${name}" is missing. Run 帮扶 → Set up / repair`);
  }
  return sheet;
}

/** All values of a sheet (header first) with ONE getValues; [] when the sheet is missing. */
export function readSheetValues(ss: Spreadsheet, name: string): Cell[][] {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return [];
  return datesFromSheet(sheet.getDataRange().getValues() as Cell[][]);
}
