/**
 * The data behind the dashboard charts: cases and amounts by county, paid amounts by
 * scheme, new cases by month of submission. Each table sits in the sheet with its chart
 * beside it.
 */
import { get, type RollupResult } from '../rollup/aggregate';
import { SCHEME_LABELS } from '../rollup/caseFacts';
import { rect, yuan, type ChartSpec, type LayoutCell, type SheetLayout } from './layout';

export function dashboardLayout(r: RollupResult, countyNames: Record<string, string>): SheetLayout {
  const rows: LayoutCell[][] = [];
  const charts: ChartSpec[] = [];
  const table = (title: string, header: LayoutCell[], body: LayoutCell[][], type: ChartSpec['type']) => {
    const top = rows.length + 1;
    rows.push([title], header, ...body, []);
    charts.push({ title, type, range: { row: top + 1, col: 1, numRows: body.length + 1, numCols: header.length }, anchor: { row: top, col: 6 } });
  };
  table('各县区案件数与金额', ['县区', '案件数', '核定金额（元）', '已发放（元）'],
    r.counties.map((c) => [countyNames[c.county] || c.county, get(c.measures, 'cases'), yuan(get(c.measures, 'approved_fen.total')), yuan(get(c.measures, 'paid_fen.total'))]), 'COLUMN');
  table('各救助项目已发放金额', ['救助项目', '已发放（元）'],
    Object.entries(SCHEME_LABELS).map(([code, label]) => [label, yuan(get(r.city, `paid_fen.${code}`))]), 'PIE');
  const months = [...r.city.entries()].filter(([k]) => k.startsWith('month.')).map(([k, n]): LayoutCell[] => [k.slice(6), n]);
  table('按月新增案件', ['月份', '案件数'], months.sort((a, b) => String(a[0]).localeCompare(String(b[0]))), 'LINE');
  // Rows of a chart table must be ≥ 2 (header + one line): an empty table still gets a zero line.
  return { name: '统计图表', values: rect(rows.map((r) => (r.length === 0 ? [''] : r))), charts };
}
