/**
 * Reading what a roll-up rolls up: every enabled source listed in 汇总来源 (a tab of this
 * spreadsheet or another county's spreadsheet), one open and ONE getValues each, plus one for
 * the source's 发放记录 when it has one, one source at a time. A source that cannot be opened
 * or read becomes a named problem and is skipped; the rest still roll up.
 */
import { DEFAULT_LEDGER_TAB, parseSources, type Source } from '../domain/rollup/sources';
import type { RollupBuilder } from '../domain/rollup/aggregate';
import { openSpreadsheet, readSheetValues, SHEET_NAMES, type Spreadsheet } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The sources of 汇总来源 (this workbook's own 案件 when it lists none) and the rows skipped. */
function listSources(ss: Spreadsheet): { sources: Source[]; problems: string[] } {
  const { sources, problems } = parseSources(readSheetValues(ss, SHEET_NAMES.sources));
  if (sources.length === 0 && problems.length === 0) {
    sources.push({ row: 0, name: '本表', county: '', kind: 'tab', location: SHEET_NAMES.cases, tab: SHEET_NAMES.cases, ledgerTab: DEFAULT_LEDGER_TAB });
  }
  return { sources, problems };
}

/** The source's case sheet and its 发放记录 (null when it has none); throws, naming it, when a tab is missing. */
function openSource(ss: Spreadsheet, s: Source): { sheet: Sheet; ledger: Sheet | null } {
  const book = s.kind === 'tab' ? ss : openSpreadsheet(s.location);
  const sheet = book.getSheetByName(s.tab);
  if (!sheet) throw new Error(`找不到标签页“${s.tab}”`);
  const ledger = s.ledgerTab ? book.getSheetByName(s.ledgerTab) : null;
  if (s.ledgerTab && !ledger && s.kind === 'tab') throw new Error(`找不到发放记录标签页“${s.ledgerTab}”`);
  return { sheet, ledger };
}

/**
 * Every source fed into `builder` as it is read, one at a time: a source's case values are let go
 * before its 发放记录 is read, and each row as soon as it is fed, so the roll-up holds at most one
 * sheet's values at a time (a county's 案件 OR its 发放记录). A source that cannot be opened or read
 * is reported and skipped whole (abortSource: nothing of it counted or remembered).
 */
export function feedSources(ss: Spreadsheet, builder: RollupBuilder, onProgress: (msg: string) => void = () => {}): { problems: string[]; sources: Source[] } {
  const { sources, problems } = listSources(ss);
  for (const [i, s] of sources.entries()) {
    onProgress(`正在读取来源 ${i + 1}/${sources.length}：${s.name}`);
    let begun = false;
    try {
      const { sheet, ledger } = unreadable(() => openSource(ss, s));
      feedCases(builder, s, sheet);
      begun = true;
      if (ledger) feedLedger(builder, ledger);
      builder.endSource();
    } catch (e) {
      // Only the spreadsheet's failures skip a source; an error of the roll-up's own is not a source's.
      if (!(e instanceof Unreadable)) throw e;
      if (begun) builder.abortSource();
      problems.push(`来源“${s.name}”无法读取（${e.why}），已跳过`);
    }
  }
  return { problems, sources };
}

class Unreadable {
  constructor(readonly why: string) {}
}

function unreadable<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw new Unreadable(e instanceof Error ? e.message : String(e));
  }
}

/** One read of the case sheet, fed row by row; each row dropped once fed (the array is this read's own copy). */
function feedCases(builder: RollupBuilder, s: Source, sheet: Sheet): void {
  const values: unknown[][] = unreadable(() => sheet.getDataRange().getValues());
  builder.beginSource(s.name, s.county);
  builder.caseHeader(values[0] ?? []);
  for (let r = 1; r < values.length; r++) {
    builder.caseRow(r + 1, values[r]);
    (values as unknown[])[r] = null;
  }
}

/** One read of the 发放记录, fed row by row (row 1 is the header even when blank). */
function feedLedger(builder: RollupBuilder, ledger: Sheet): void {
  const values: unknown[][] = unreadable(() => ledger.getDataRange().getValues());
  builder.ledger();
  if (values.length > 0) builder.ledgerRow(1, values[0]);
  for (let r = 1; r < values.length; r++) {
    builder.ledgerRow(r + 1, values[r]);
    (values as unknown[])[r] = null;
  }
}

/**
 * The rows selected in `sheetName` (header first), with the row number of the first one;
 * null when the selection is not in that sheet or holds no data row. Two getValues.
 */
export function readSelectedRows(ss: Spreadsheet, sheetName: string): { top: number; header: unknown[]; rows: unknown[][] } | null {
  const sheet = ss.getSheetByName(sheetName);
  const range = ss.getActiveRange();
  if (!sheet || !range || range.getSheet().getName() !== sheetName || range.getLastRow() < 2) return null;
  const top = Math.max(range.getRow(), 2);
  const n = range.getLastRow() - top + 1;
  const width = sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, width).getValues()[0];
  const rows = sheet.getRange(top, 1, n, width).getValues();
  return { top, header, rows };
}
