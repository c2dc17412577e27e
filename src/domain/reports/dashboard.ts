/**
 * The data behind the dashboard charts: cases by county, amounts by county, paid amounts
 * by scheme, new cases by month of submission. Each table sits in the sheet with its chart
 * beside it. Counts and yuan never share an axis (88 cases next to 96,000 元 would draw
 * the counts at zero height): they are separate tables with separate charts. Every month
 * of the span is listed, a month without new cases as 0, so the line does not skip it.
 */
import { get, type RollupResult } from '../rollup/aggregate';
import { SCHEME_LABELS } from '../rollup/caseFacts';
import { fitWidths, rect, yuan, type Box, type ChartSpec, type LayoutCell, type SheetLayout } from './layout';

/** 'YYYY-MM' months from `from` to `to`, both included. */
export function monthSpan(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** New cases per month: from January of the report year (or the first earlier month with cases) to the last month with cases. */
export function monthlyNewCases(r: RollupResult): [string, number][] {
  const counted = new Map([...r.city.entries()].filter(([k]) => k.startsWith('month.')).map(([k, n]) => [k.slice(6), n]));
  const months = [...counted.keys()].sort();
  if (months.length === 0) return [];
  const start = `${r.year}-01` < months[0] ? `${r.year}-01` : months[0];
  return monthSpan(start, months[months.length - 1]).map((m) => [m, counted.get(m) ?? 0]);
}

export function dashboardLayout(r: RollupResult, countyNames: Record<string, string>): SheetLayout {
  const rows: LayoutCell[][] = [];
  const charts: ChartSpec[] = [];
  const numberFormats: SheetLayout['numberFormats'] = [];
  const borders: Box[] = [];
  const heads: Box[] = [];
  const table = (title: string, header: LayoutCell[], body: LayoutCell[][], type: ChartSpec['type'], money = false) => {
    const top = rows.length + 1;
    // Rows of a chart table must be ≥ 2 (header + one line): an empty table still gets a zero line.
    const lines = body.length > 0 ? body : [['（无）', ...header.slice(1).map(() => 0)]];
    rows.push([title], header, ...lines, []);
    if (money) numberFormats.push({ row: top + 2, col: 2, numRows: lines.length, numCols: header.length - 1, format: '#,##0.00' });
    charts.push({ title, type, range: { row: top + 1, col: 1, numRows: lines.length + 1, numCols: header.length }, anchor: { row: top, col: 6 } });
    borders.push({ row: top + 1, col: 1, numRows: lines.length + 1, numCols: header.length });
    heads.push({ row: top + 1, col: 1, numRows: 1, numCols: header.length });
  };
  const name = (code: string) => countyNames[code] || code;
  table(
    '各县区案件数',
    ['县区', '案件数'],
    r.counties.map((c) => [name(c.county), get(c.measures, 'cases')]),
    'COLUMN',
  );
  table(
    '各县区救助金额（元）',
    ['县区', '核定金额（元）', '已发放（元）'],
    r.counties.map((c) => [name(c.county), yuan(get(c.measures, 'approved_fen.total')), yuan(get(c.measures, 'paid_fen.total'))]),
    'COLUMN',
    true,
  );
  table(
    '各救助项目已发放金额（元）',
    ['救助项目', '已发放（元）'],
    Object.entries(SCHEME_LABELS).map(([code, label]) => [label, yuan(get(r.city, `paid_fen.${code}`))]),
    'PIE',
    true,
  );
  table('按月新增案件', ['月份', '案件数'], monthlyNewCases(r), 'LINE');
  const values = rect(rows.map((line) => (line.length === 0 ? [''] : line)));
  const titles = new Set(charts.map((c) => c.range.row - 1));
  const body = values.map((line, i) => (titles.has(i + 1) ? line.map(() => '') : line));
  return {
    name: '统计图表',
    values,
    charts,
    numberFormats,
    columnWidths: fitWidths(body, { from: 1, to: values.length }, numberFormats),
    bold: [...[...titles].map((row) => ({ row, col: 1, numRows: 1, numCols: 1 })), ...heads],
    borders,
    center: heads,
    print: { orientation: 'portrait', rows: values.length, columns: 3 },
  };
}
