/**
 * Reports that list people: the roll-up table (汇总), the real-name summary (实名制汇总表,
 * seed 003 附件2), the public-notice list (公示名单) and one printable 困难职工情况报表
 * (seed 003 附件1) per case.
 */
import type { Role } from '../caseModel';
import { CASE_STATUSES, STATUS_LABELS } from '../caseModel';
import { factCell, isInNotice, SCHEME_LABELS, type CaseFact } from '../rollup/caseFacts';
import { get, type ListedFact, type Measures, type RollupResult } from '../rollup/aggregate';
import { maskCard, maskId, maskPhone } from './mask';
import { linesIn, rect, rowHeightFor, tableForm, wan, yuan, type LayoutCell, type SheetLayout } from './layout';
import { periodOf, zhDate, type FormHeader } from './officialForms';
import { numberOf } from '../forms/values';

const CATEGORIES = ['低保户', '低保边缘户', '意外致困户', '未分类'];

/** 汇总: one row per county and the city total; causes and schemes as the data has them. */
export function summaryLayout(r: RollupResult, countyNames: Record<string, string>, h: FormHeader): SheetLayout {
  const causes = [...new Set([...r.city.keys()].filter((k) => k.startsWith('cause.')).map((k) => k.slice(6)))].sort();
  const schemes = Object.keys(SCHEME_LABELS).filter((s) => get(r.city, `approved_fen.${s}`) + get(r.city, `paid_fen.${s}`) > 0);
  const header: LayoutCell[] = [
    '县区代码',
    '县区',
    '案件数',
    '在册困难职工家庭（户）',
    '家庭人口（人）',
    ...CASE_STATUSES.map((s) => STATUS_LABELS[s].zh),
    ...CATEGORIES,
    ...causes.map((c) => `致困：${c}`),
    '核定救助金额（元）',
    '核定救助金额（万元）',
    '已发放金额（元）',
    '已发放金额（万元）',
    ...schemes.map((s) => `已发放：${SCHEME_LABELS[s]}（元）`),
    '帮扶人次',
    '本年复审',
    '本年退出',
    '本年新建档',
    '逾期未办',
  ];
  const line = (code: string, name: string, m: Measures): LayoutCell[] => [
    code,
    name,
    get(m, 'cases'),
    get(m, 'active'),
    get(m, 'people'),
    ...CASE_STATUSES.map((s) => get(m, `status.${s}`)),
    ...CATEGORIES.map((c) => get(m, `category.${c}`)),
    ...causes.map((c) => get(m, `cause.${c}`)),
    yuan(get(m, 'approved_fen.total')),
    wan(get(m, 'approved_fen.total')),
    yuan(get(m, 'paid_fen.total')),
    wan(get(m, 'paid_fen.total')),
    ...schemes.map((s) => yuan(get(m, `paid_fen.${s}`))),
    get(m, 'helped.person_times'),
    get(m, 'reviewed'),
    get(m, 'exited'),
    get(m, 'entered'),
    get(m, 'overdue'),
  ];
  const notes = r.problems.length > 0 ? [`未计入或缺失（${r.problems.length}）：`, ...r.problems] : [];
  // 元 columns to the fen, 万元 to the yuan; the rest are counts.
  const formats = header.map((h) => (String(h).includes('万元') ? '0.0000' : String(h).includes('（元）') ? '#,##0.00' : ''));
  // The three header pieces share the width: the count columns are narrow.
  const third = Math.floor(header.length / 3);
  return tableForm({
    name: '汇总',
    title: `${r.year}年困难职工帮扶汇总`,
    lines: [
      [
        { text: `填报单位：${h.unit}`, span: third },
        { text: `统计期间：${periodOf(h)}`, span: third },
        { text: `生成日期：${zhDate(h.today)}`, span: third },
      ],
    ],
    header,
    body: [...r.counties.map((c) => line(c.county, countyNames[c.county] ?? '', c.measures)), line('合计', '全市', r.city)],
    notes,
    orientation: 'landscape',
    formats,
    // About 35 columns on one landscape page: headers wrap onto up to 5 lines over narrow count columns.
    headerLines: 5,
    minEms: 2,
    centred: [0],
  });
}

export type ViewerRole = Role | null;

/**
 * 实名制汇总表: every family paid in the report's period (from the ledger; SPEC §6.1), whether
 * it has exited since or not. The amount column is the city union's (豫直工〔2016〕37号 附件2:
 * “帮扶金额”栏由省直工会填写; here the city union): the amount paid in the period is shown to
 * the city role only, and is blank for everyone else.
 */
export function realNameLayout(facts: readonly ListedFact[], viewer: ViewerRole, h: FormHeader): SheetLayout {
  // Every family paid in the period (SPEC §6.1), whether it has exited since or not.
  const listed = facts.filter((f) => f.periodPaidFen > 0);
  return tableForm({
    name: '实名制汇总表',
    title: '困难职工帮扶情况实名制汇总表',
    // Seed 003 附件2: 填报单位(盖章)： … 联系人： … 电话：
    lines: [
      [
        { text: `填报单位（盖章）：${h.unit}`, span: 5 },
        { text: `联系人：${h.person ?? ''}`, span: 2 },
        { text: `电话：${h.phone ?? ''}`, span: 2 },
      ],
      [
        { text: `统计期间：${periodOf(h)}`, span: 5 },
        { text: `填报日期：${zhDate(h.today)}`, span: 4 },
      ],
    ],
    header: ['序号', '姓名', '性别', '年龄', '身份证号', '工会会员卡号或银行卡号', '工作单位或家庭地址', '联系电话', '帮扶金额（市总填写）'],
    body: listed.map((f, i): LayoutCell[] => [
      i + 1,
      f.name,
      f.sex,
      f.age ?? '',
      f.idNumber,
      f.cardNumber,
      f.employer || f.address,
      f.phone,
      viewer === 'city' ? yuan(f.periodPaidFen) : '',
    ]),
    notes: ['注：“帮扶金额”栏由市总工会填写。'],
    // Seed 003 prints the nine columns across an A4 sheet turned sideways.
    orientation: 'landscape',
    formats: ['', '', '', '', '', '', '', '', '#,##0.00'],
    maxEms: { 6: 18 },
    centred: [0, 2, 3],
  });
}

/** 公示名单: cases in public notice, safe to post — numbers masked, no income. */
export function publicNoticeLayout(facts: readonly ListedFact[], today: string): SheetLayout {
  const listed = facts.filter(isInNotice);
  return tableForm({
    name: '公示名单',
    title: '困难职工帮扶公示名单',
    lines: [[{ text: `公示期间如有异议，请向所在单位工会反映。生成日期：${zhDate(today)}`, span: 11 }]],
    header: ['序号', '职工编号', '姓名', '性别', '工作单位', '困难类别', '救助项目', '公示起止', '身份证号', '会员卡/银行卡号', '联系电话'],
    body: listed.map((f, i): LayoutCell[] => [
      i + 1,
      f.workerNo,
      f.name,
      f.sex,
      f.employer,
      f.category,
      SCHEME_LABELS[f.scheme] ?? f.scheme,
      f.noticeStart && f.noticeEnd ? `${f.noticeStart} 至 ${f.noticeEnd}` : '',
      f.idNumber ? maskId(f.idNumber) : '',
      f.cardNumber ? maskCard(f.cardNumber) : '',
      f.phone ? maskPhone(f.phone) : '',
    ]),
    notes: [],
    orientation: 'landscape',
    maxEms: { 4: 16 },
    centred: [0, 3],
  });
}

/** 困难职工情况报表 for one case, laid out like the paper form (seed 003 附件1). */
export function caseReportLayout(f: CaseFact): SheetLayout {
  const c = (k: string) => factCell(f, k);
  // 本人月实际收入 is its own field (seed 003 附件1); a case entered before it shows the annual income ÷ 12, marked so.
  const ownMonthly = numberOf(c('own_monthly_income'));
  const monthly = ownMonthly !== null ? ownMonthly : f.ownIncome !== null ? `${Math.round((f.ownIncome / 12) * 100) / 100}（按年收入折算）` : '';
  const illness = c('illness');
  const causes = [f.causes.join('、'), c('cause_detail'), illness ? `主要疾病：${illness}` : ''].filter(Boolean).join('：');
  const opinion = [c('unit_opinion'), '（盖章）', c('unit_opinion_date') ? c('unit_opinion_date') : '年    月    日'].filter(Boolean).join('\n');
  const supervisor = [c('supervisor_opinion'), '（盖章）', c('supervisor_opinion_date') || '年    月    日'].filter(Boolean).join('\n');
  // 附件1 注1: a single mother is noted in 备注 — filled from 性别 and 致困原因 when the clerk has not written it.
  const singleMother = f.sex === '女' && f.causes.includes('单亲');
  const remarks = [c('remarks'), singleMother && !c('remarks').includes('单亲') ? '单亲女职工' : ''].filter(Boolean).join('；');
  const rows: LayoutCell[][] = [
    ['困难职工情况报表'],
    [`职工编号：${f.workerNo}`, '', '', '', '', ''],
    ['姓名', f.name, '性别', f.sex, '年龄', f.age ?? ''],
    ['民族', c('ethnicity'), '身份证号', f.idNumber, '', ''],
    ['工作单位', f.employer, '', '', '', ''],
    ['本人月实际收入（元）', monthly, '家庭月人均收入（元）', f.perCapitaMonthly ?? '', '家庭人口', f.householdSize],
    ['家庭贫困原因', causes, '', '', '', ''],
    ['所在单位工会意见', opinion, '', '', '', ''],
    ['主管工会意见', supervisor, '', '', '', ''],
    ['备注', remarks, '', '', '', ''],
    ['注：若为单亲女职工，请在备注栏内注明。', '', '', '', '', ''],
  ];
  const across = (row: number, col = 2, n = 5) => ({ row, col, numRows: 1, numCols: n });
  const values = rect(rows);
  // Seed 003 附件1 is one A4 portrait page: fixed widths filling the page, tall rows for the opinions.
  const columnWidths = [112, 96, 112, 96, 48, 56];
  const wide = columnWidths.slice(1).reduce((a, b) => a + b, 0);
  const tall = (row: number, min: number) => ({ row, height: Math.max(min, rowHeightFor(linesIn(String(values[row - 1][1]), wide))) });
  return {
    name: `情况报表-${f.workerNo || f.name}`,
    values,
    merges: [
      across(1, 1, 6),
      across(2, 1, 6),
      { row: 4, col: 4, numRows: 1, numCols: 3 },
      across(5),
      across(7),
      across(8),
      across(9),
      across(10),
      across(11, 1, 6),
    ],
    columnWidths,
    rowHeights: [1, 3, 4, 5, 6].map((row) => ({ row, height: 30 })).concat([tall(7, 60), tall(8, 90), tall(9, 90), tall(10, 60)]),
    borders: [{ row: 3, col: 1, numRows: 8, numCols: 6 }],
    wrap: [{ row: 3, col: 1, numRows: 8, numCols: 6 }],
    bold: [across(1, 1, 6)],
    right: [across(8), across(9)],
    center: [
      across(1, 1, 6),
      { row: 3, col: 1, numRows: 8, numCols: 1 },
      { row: 3, col: 3, numRows: 4, numCols: 1 },
      { row: 3, col: 5, numRows: 1, numCols: 1 },
      { row: 6, col: 5, numRows: 1, numCols: 1 },
    ],
    titleSize: 16,
    print: { orientation: 'portrait', rows: values.length, columns: 6 },
  };
}
