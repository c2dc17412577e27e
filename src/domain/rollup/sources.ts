/**
 * The 汇总来源 sheet: what to roll up. Each row is a tab of this spreadsheet or another
 * spreadsheet (a county's own file, by URL or ID) with the tab holding its cases. A bad
 * row is reported by its row number and skipped; the other sources still roll up.
 */
import { textOf } from '../forms/values';
import { SOURCE_HEADER, SOURCE_KINDS } from '../layouts/sources';
export { SOURCE_COLUMNS, SOURCE_HEADER, SOURCE_KINDS } from '../layouts/sources';

/** The ledger tab a source reads when its row names none: another spreadsheet's own 发放记录. */
export const DEFAULT_LEDGER_TAB = '发放记录';

export interface Source {
  row: number;
  name: string;
  county: string;
  kind: 'tab' | 'spreadsheet';
  /** The tab name (kind tab) or the spreadsheet ID (kind spreadsheet). */
  location: string;
  /** The tab to read in another spreadsheet (default 案件). */
  tab: string;
  /**
   * The 发放记录 tab of the source ('' = none). Another spreadsheet: its 发放记录 by default.
   * A tab of this spreadsheet: the tab named in 发放记录标签页 (this workbook's 案件 → 发放记录).
   */
  ledgerTab: string;
}

/** A spreadsheet ID from a URL (…/spreadsheets/d/<id>/edit) or the ID itself; null otherwise. */
export function extractSpreadsheetId(urlOrId: string): string | null {
  const s = urlOrId.trim();
  const m = /\/spreadsheets\/d\/([A-Za-z0-9_-]{10,})/.exec(s);
  if (m) return m[1];
  return /^[A-Za-z0-9_-]{10,}$/.test(s) ? s : null;
}

export function parseSources(values: readonly (readonly unknown[])[]): { sources: Source[]; problems: string[] } {
  const [header = [], ...rows] = values;
  const h = header.map((c) => textOf(c));
  const at = (label: string) => h.indexOf(label);
  const cols = SOURCE_HEADER.map(at);
  const sources: Source[] = [];
  const problems: string[] = [];
  const missing = SOURCE_HEADER.filter((_, i) => cols[i] < 0 && i !== 4 && i !== 5 && i !== 6);
  if (missing.length > 0) return { sources, problems: [`汇总来源表缺少列：${missing.join('、')}`] };
  rows.forEach((r, i) => {
    const rowNo = i + 2;
    const cell = (k: number) => (cols[k] < 0 ? '' : textOf(r[cols[k]]));
    if (r.every((v) => v === '' || v === null || v === undefined)) return;
    if (cols[5] >= 0 && /^(否|no|false)$/i.test(cell(5))) return;
    const name = cell(0) || `第${rowNo}行`;
    const kindText = cell(2);
    const kind =
      kindText === SOURCE_KINDS.spreadsheet || /^https?:/.test(cell(3)) ? 'spreadsheet' : kindText === SOURCE_KINDS.tab || kindText === '' ? 'tab' : null;
    if (!kind) {
      problems.push(`汇总来源第${rowNo}行（${name}）：来源类型应为“本表标签页”或“其他表格”，已跳过`);
      return;
    }
    const location = cell(3);
    if (location === '') {
      problems.push(`汇总来源第${rowNo}行（${name}）：未填写标签页或表格地址，已跳过`);
      return;
    }
    const county = cell(1).toUpperCase();
    if (county !== '' && !/^[A-Z]\d{2}$/.test(county)) {
      problems.push(`汇总来源第${rowNo}行（${name}）：县区代码“${cell(1)}”应如 H01，已跳过`);
      return;
    }
    if (kind === 'spreadsheet') {
      const id = extractSpreadsheetId(location);
      if (!id) {
        problems.push(`汇总来源第${rowNo}行（${name}）：“${location}”不是表格地址或ID，已跳过`);
        return;
      }
      sources.push({ row: rowNo, name, county, kind, location: id, tab: cell(4) || '案件', ledgerTab: cell(6) || DEFAULT_LEDGER_TAB });
    } else {
      sources.push({ row: rowNo, name, county, kind, location, tab: location, ledgerTab: cell(6) });
    }
  });
  return { sources, problems };
}
