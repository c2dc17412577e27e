/**
 * The 一日捐 reports: the roll-up by county (一日捐汇总) and what each grassroots union posts in
 * its enterprise or community (一日捐公示: its total and number of donors, 四(四)1, with the
 * register's names masked so the posting shows who gave without exposing a full name list).
 */
import type { CountyDonation, DonationResult } from '../donation';
import { rect, yuan, type LayoutCell, type SheetLayout } from './layout';
import { maskName } from './mask';

const ratio = (a: number, b: number): LayoutCell => (b > 0 ? Math.round((a / b) * 10000) / 10000 : '');

/** 一日捐汇总: by county and the total with the two participation bases and the split, then units below a threshold and hints. */
export function donationLayout(d: DonationResult, countyNames: Record<string, string>, campaign = ''): SheetLayout {
  const line = (c: CountyDonation, name: string): LayoutCell[] => [
    c.county,
    name,
    c.members,
    c.workers,
    c.donors,
    ratio(c.donors, c.members),
    ratio(c.donors, c.workers),
    yuan(c.amountFen),
    yuan(c.perCapitaFen),
    yuan(c.cityDistrictFen),
    yuan(c.provinceFen),
    yuan(c.cityFen),
    yuan(c.countyFen),
    c.flagged,
  ];
  const flagged = d.units.filter((u) => u.flags.length > 0);
  const hinted = d.units.filter((u) => u.hints.length > 0);
  const rows: LayoutCell[][] = [
    [`职工互助一日捐汇总${campaign ? `（${campaign}）` : ''}`],
    [
      '县区代码',
      '县区',
      '会员数',
      '职工数',
      '捐款人数',
      '占会员总数',
      '占职工总数',
      '捐款金额（元）',
      '人均（元）',
      '市区内单位上解市总（元）',
      '其中转省总（元）',
      '其中留存市总（元）',
      '县区按实施细则上解（元）',
      '未达标单位数',
    ],
    ...d.counties.map((c) => line(c, countyNames[c.county] ?? '')),
    line(d.total, '全市'),
    [
      d.deadline
        ? `募集和上解期限：${d.deadline}。市区内产业、局及直属基层工会的捐款全部上解市总，其中部分转省总；县区自行募集的捐款按其实施细则上解，本表不拆分。`
        : '市区内产业、局及直属基层工会的捐款全部上解市总，其中部分转省总；县区自行募集的捐款按其实施细则上解，本表不拆分。',
    ],
    [],
    ['未达标单位', '县区代码', '原因'],
    ...flagged.map((u): LayoutCell[] => [u.unit, u.county, u.flags.join('；')]),
    ...(flagged.length === 0 ? [['（无）'] as LayoutCell[]] : []),
    [],
    ['提示', '县区代码', '内容'],
    ...hinted.map((u): LayoutCell[] => [u.unit, u.county, u.hints.join('；')]),
    ...d.problems.map((p): LayoutCell[] => [p]),
  ];
  const n = d.counties.length + 1;
  return {
    name: '一日捐汇总',
    values: rect(rows.map((r) => (r.length ? r : ['']))),
    frozenRows: 2,
    numberFormats: [
      { row: 3, col: 6, numRows: n, numCols: 2, format: '0.0%' },
      { row: 3, col: 8, numRows: n, numCols: 2, format: '#,##0.00' },
      { row: 3, col: 10, numRows: n, numCols: 4, format: '#,##0.00' },
    ],
  };
}

/** One block per union that has a register: its total and donors, then the masked names. */
export function donationPostingLayout(d: DonationResult, campaign = ''): SheetLayout {
  const rows: LayoutCell[][] = [[`职工互助一日捐公示${campaign ? `（${campaign}）` : ''}`]];
  for (const u of d.units) {
    rows.push([]);
    rows.push([`${u.unit}：捐款 ${u.donors} 人，共 ${yuan(u.amountFen).toFixed(2)} 元，人均 ${yuan(u.perCapitaFen).toFixed(2)} 元`]);
    if (u.register.length === 0) continue;
    rows.push(['序号', '姓名', '捐款金额（元）']);
    u.register.forEach((l, i) => rows.push([i + 1, maskName(l.name), yuan(l.amountFen)]));
  }
  if (d.units.length === 0) rows.push(['（没有可公示的单位）']);
  return { name: '一日捐公示', values: rect(rows.map((r) => (r.length ? r : ['']))), frozenRows: 1 };
}
