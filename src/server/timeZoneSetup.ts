/**
 * Setup's time-zone and 今日 parts.
 *
 * - Time zone: the spreadsheet's (File → Settings) should be the script's (Asia/Shanghai,
 *   appsscript.json). When they differ, the owner is asked (a YES/NO prompt) whether to set
 *   the spreadsheet to the script's zone; cell dates keep their calendar day either way
 *   (Sheets stores wall-clock values). Declined, not the owner, or no UI (the writer, a
 *   trigger): reported, and every date is still read and written in the spreadsheet's zone
 *   (src/sheets/zone.ts), so deadlines stay right.
 * - 今日: a named range in 设置 (F2, label in F1) holding today's date, written by setup and
 *   by the daily job. Custom functions are cached until an argument changes and may not
 *   take TODAY(); passing 今日 (=IDCARD_INFO(B2, "age", 今日)) makes them recalculate daily.
 */
import { dateFromCivil, type CivilDate } from '../domain/civilDate';
import { SHEET_NAMES, type Spreadsheet } from '../sheets/workbook';
import { dateToSheet, scriptZone, useSpreadsheetZone } from '../sheets/zone';
import { getUi } from '../sheets/ui';

export const TODAY_RANGE_NAME = '今日';
const TODAY_LABEL = '今日（每日自动更新，公式中写 今日）';
const TODAY_CELL = { row: 2, col: 6 }; // 设置!F2, beside the settings block (columns A–D)

function effectiveEmail(): string {
  try {
    return (Session.getEffectiveUser().getEmail() || '').toLowerCase();
  } catch {
    return '';
  }
}

/** Checks the zone, repairs it with the owner's consent; returns what to report. */
export function ensureTimeZone(ss: Spreadsheet, repaired: string[], problems: string[]): void {
  const sheetZone = ss.getSpreadsheetTimeZone();
  const script = scriptZone();
  if (sheetZone === script) {
    useSpreadsheetZone(ss);
    return;
  }
  let owner: string;
  try {
    owner = (ss.getOwner()?.getEmail() || '').toLowerCase();
  } catch {
    owner = '';
  }
  let consent = false;
  if (owner !== '' && owner === effectiveEmail()) {
    try {
      const ui = getUi();
      consent =
        ui.alert(
          '表格时区',
          `本表格的时区是 ${sheetZone}，帮扶脚本按 ${script}（北京时间）计算日期。是否把表格时区改为 ${script}？\n（已有日期保持原来的年月日；选“否”则继续按表格时区读写日期。）`,
          ui.ButtonSet.YES_NO,
        ) === ui.Button.YES;
    } catch {
      consent = false; // no UI in this execution
    }
  }
  if (consent) {
    ss.setSpreadsheetTimeZone(script);
    repaired.push(`表格时区：${sheetZone} 改为 ${script}`);
  } else {
    problems.push(`表格时区为 ${sheetZone}，与脚本时区 ${script} 不同；日期按表格时区读写。表格所有者可在“初始化/修复表格”中同意改为 ${script}`);
  }
  useSpreadsheetZone(ss);
}

/** Creates 今日 when missing (label, date, named range); refreshes its date. */
export function ensureTodayCell(ss: Spreadsheet, today: CivilDate, repaired: string[]): void {
  const existing = ss.getRangeByName(TODAY_RANGE_NAME);
  if (existing) {
    writeToday(existing, today);
    return;
  }
  const sheet = ss.getSheetByName(SHEET_NAMES.settings);
  if (!sheet) return;
  sheet.getRange(1, TODAY_CELL.col).setValue(TODAY_LABEL);
  const cell = sheet.getRange(TODAY_CELL.row, TODAY_CELL.col);
  cell.setNumberFormat('yyyy-mm-dd');
  writeToday(cell, today);
  ss.setNamedRange(TODAY_RANGE_NAME, cell);
  repaired.push(`设置：命名区域“${TODAY_RANGE_NAME}”（${SHEET_NAMES.settings}!F2，每日更新）`);
}

function writeToday(cell: GoogleAppsScript.Spreadsheet.Range, today: CivilDate): void {
  cell.setValue(dateToSheet(dateFromCivil(today)));
}

/** The daily job's part: today's date into 今日 (one read of the name, one write). */
export function refreshTodayCell(ss: Spreadsheet, today: CivilDate): boolean {
  const cell = ss.getRangeByName(TODAY_RANGE_NAME);
  if (!cell) return false;
  writeToday(cell, today);
  return true;
}
