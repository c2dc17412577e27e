/**
 * Reading what a roll-up rolls up: every enabled source listed in 汇总来源 (a tab of this
 * spreadsheet or another county's spreadsheet), one open and ONE getValues each, plus one for
 * the source's 发放记录 when it has one, one source at a time. A source that cannot be opened
 * or read becomes a named problem and is skipped; the rest still roll up.
 */
import { DEFAULT_LEDGER_TAB, parseSources, type Source } from '../domain/rollup/sources';
import type { SourceData } from '../domain/rollup/aggregate';
import { openSpreadsheet, readSheetValues, SHEET_NAMES, type Spreadsheet } from './workbook';

/**
 * The sources listed in 汇总来源, read lazily: `data` reads one source when the roll-up asks
 * for the next, so only one source's values are held at a time (a county's 案件 and its
 * 发放记录), never all counties' at once. `problems` (the 汇总来源 rows skipped, then each source
 * that cannot be read, in order) is complete once `data` has been iterated.
 */
export function sourceReader(
  ss: Spreadsheet,
  onProgress: (msg: string) => void = () => {},
): { data: Iterable<SourceData>; problems: string[]; sources: Source[] } {
  const { sources, problems } = parseSources(readSheetValues(ss, SHEET_NAMES.sources));
  if (sources.length === 0 && problems.length === 0) {
    sources.push({ row: 0, name: '本表', county: '', kind: 'tab', location: SHEET_NAMES.cases, tab: SHEET_NAMES.cases, ledgerTab: DEFAULT_LEDGER_TAB });
  }
  function* data(): Generator<SourceData> {
    for (const [i, s] of sources.entries()) {
      onProgress(`正在读取来源 ${i + 1}/${sources.length}：${s.name}`);
      let read: SourceData;
      try {
        read = readSource(ss, s);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        problems.push(`来源“${s.name}”无法读取（${why}），已跳过`);
        continue;
      }
      yield read;
    }
  }
  return { data: { [Symbol.iterator]: data }, problems, sources };
}

/** One source: one open, ONE getValues of its cases and, when it has a 发放记录, one of that (at most two reads). */
function readSource(ss: Spreadsheet, s: Source): SourceData {
  const book = s.kind === 'tab' ? ss : openSpreadsheet(s.location);
  const sheet = book.getSheetByName(s.tab);
  if (!sheet) throw new Error(`找不到标签页“${s.tab}”`);
  const ledger = s.ledgerTab ? book.getSheetByName(s.ledgerTab) : null;
  if (s.ledgerTab && !ledger && s.kind === 'tab') throw new Error(`找不到发放记录标签页“${s.ledgerTab}”`);
  return {
    name: s.name,
    county: s.county,
    values: sheet.getDataRange().getValues(),
    ...(ledger ? { payments: ledger.getDataRange().getValues() } : {}),
  };
}

/** Every source read at once (for a caller that needs them all together). */
export function readSources(ss: Spreadsheet, onProgress: (msg: string) => void = () => {}): { data: SourceData[]; problems: string[]; sources: Source[] } {
  const r = sourceReader(ss, onProgress);
  const data = [...r.data];
  return { data, problems: r.problems, sources: r.sources };
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
