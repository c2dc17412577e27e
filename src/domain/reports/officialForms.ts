/**
 * The two statistics forms of seed 002 (成工办发〔2011〕112号 附件1 and 附件2), item by
 * item with their numbers and units. An item the roll-up can answer is filled from it
 * (来源 = 数据); the others (职工总数, visits, funds raised, centres and staff …) are left
 * for hand entry (来源 = 手工填报), coloured, and kept when the report is regenerated.
 * Two-valued items (人次 and 万元) are two lines, so every figure has its own cell.
 *
 * Where each data item comes from (SPEC §6.1; measures in rollup/aggregate.ts):
 * - 2(A), 2, 3(A) and its 其中, 3(B–D): archived families (approved or filed, not exited),
 *   3(B–D) by 困难类别; 2 and 3's 其中 those marked 农民工.
 * - 3(E), 帮扶中心 8(K): exits in the year whose 退出原因 is 脱困 (caseFacts isLiftedOut);
 *   moving away, death or clean-up are exits but not 脱困.
 * - 6(A–C): money paid (已发放金额; a filed case without one: the city's 救助金额, else 核定).
 * - 7(A), 7(D–J), 帮扶中心 8–9: person-times of each kind of assistance (帮扶类别).
 * - 7(C) counts job posts (个), which no case row records: hand entry, not a head count.
 */
import { get, type Measures } from '../rollup/aggregate';
import { fitWidths, linesIn, rect, rowHeightFor, TITLE_HEIGHT, wan, type HandEntry, type LayoutCell, type SheetLayout } from './layout';

type Value = ((m: Measures) => number) | null;
interface Item {
  key: string;
  no: string;
  label: string;
  unit: string;
  value: Value;
}

const count =
  (key: string): Value =>
  (m) =>
    get(m, key);
const money =
  (key: string): Value =>
  (m) =>
    wan(get(m, key));
const HAND: Value = null;
const it = (key: string, no: string, label: string, unit: string, value: Value): Item => ({ key, no, label, unit, value });

export const WARMTH_ITEMS: readonly Item[] = [
  it('w1a', '1(A)', '当地职工总数', '人', HAND),
  it('w1b', '1', '其中农民工总数', '人', HAND),
  it('w2a', '2(A)', '当地困难职工总数', '人', count('archived')),
  it('w2b', '2', '其中困难农民工', '人', count('archived.migrant')),
  it('w3a', '3(A)', '已经建立困难职工档案的困难职工家庭', '户', count('archived')),
  it('w3a1', '3(A)', '其中困难农民工', '户', count('archived.migrant')),
  it('w3b', '3(B)', '家庭人均收入低于当地居民最低生活保障线的困难职工家庭', '户', count('archived.category.低保户')),
  it('w3c', '3(C)', '家庭人均收入略高于低保标准但因一定原因导致生活困难的困难职工家庭', '户', count('archived.category.低保边缘户')),
  it('w3d', '3(D)', '因意外事件、重大疾病、自然灾害等造成生活困难的困难职工家庭', '户', count('archived.category.意外致困户')),
  it('w3e', '3(E)', '本年度经过工会帮扶实现脱贫的困难职工家庭', '户', count('lifted')),
  it('w4a1', '4(A)', '走访企业', '家', HAND),
  it('w4a2', '4(A)', '走访职工家庭', '户', HAND),
  it('w4b', '4(B)', '慰问困难企业', '家', HAND),
  it('w4c', '4(C)', '慰问困难家庭总数', '户', HAND),
  it('w4c1', '4(C)', '其中困难职工', '户', HAND),
  it('w4c2', '4(C)', '其中困难农民工', '户', HAND),
  it('w4c3', '4(C)', '慰问困难劳模', '户', HAND),
  it('w5a', '5(A)', '筹集慰问款物总额', '万元', HAND),
  it('w5b', '5(B)', '其中政府拨款', '万元', HAND),
  it('w5c', '5(C)', '其中工会投入', '万元', HAND),
  it('w5d', '5(D)', '其中社会捐助', '万元', HAND),
  it('w5e', '5(E)', '其中其他收入', '万元', HAND),
  it('w6a', '6(A)', '发放款物', '万元', money('paid_fen.total')),
  it('w6b', '6(B)', '其中向困难劳模发放', '万元', money('paid_fen.model')),
  it('w6c', '6(C)', '其中向困难农民工发放', '万元', money('paid_fen.migrant')),
  it('w7a', '7(A)', '提供政策宣传', '人次', count('kind.政策咨询')),
  it('w7b', '7(B)', '帮助符合条件的困难职工落实民生政策', '人次', HAND),
  it('w7c', '7(C)', '为下岗失业人员提供就业岗位', '个', HAND),
  it('w7d', '7(D)', '为困难职工提供生活救助', '人次', count('kind.生活救助')),
  it('w7e', '7(E)', '为困难职工提供就业培训', '人次', count('kind.培训')),
  it('w7f', '7(F)', '为困难职工提供医疗救助', '人次', count('kind.医疗救助')),
  it('w7g', '7(G)', '为困难职工子女提供助学帮扶', '人次', count('kind.助学')),
  it('w7h', '7(H)', '为困难职工提供法律援助', '人次', count('kind.法律援助')),
  it('w7i1', '7(I)', '提供过冬取暖补贴的困难职工家庭', '户', count('kind.取暖补贴')),
  it('w7i2', '7(I)', '过冬取暖补贴金额', '万元', HAND),
  it('w7j', '7(J)', '与困难职工结对帮扶', '对', count('kind.结对帮扶')),
  it('w8a', '8(A)', '为权益受损的职工开展维权工作', '名', HAND),
  it('w8a1', '8(A)', '其中涉及新生代农民工', '人', HAND),
  it('w8b', '8(B)', '为职工开展权益维护方面知识宣传教育', '人次', HAND),
  it('w8b1', '8(B)', '其中涉及新生代农民工', '人次', HAND),
  it('w8c1', '8(C)', '协助政府有关部门帮助职工追讨欠薪', '名', HAND),
  it('w8c2', '8(C)', '追讨欠薪金额', '万元', HAND),
  it('w8c3', '8(C)', '其中帮助农民工追讨欠薪', '名', HAND),
  it('w8c4', '8(C)', '其中为农民工追讨欠薪金额', '万元', HAND),
  it('w9', '9', '为职工提供各项服务', '人次', HAND),
  it('w91', '9', '其中新生代农民工', '人次', HAND),
  it('w9a', '9(A)', '为职工开展心理咨询疏导', '人次', HAND),
  it('w9a1', '9(A)', '其中新生代农民工', '人次', HAND),
  it('w9b', '9(B)', '为职工开展送文化活动', '人次', HAND),
  it('w9b1', '9(B)', '其中为新生代农民工', '人次', HAND),
  it('w9c', '9(C)', '为职工提供医疗体检、健康咨询', '人次', HAND),
  it('w9c1', '9(C)', '其中新生代农民工', '人次', HAND),
  it('w9d', '9(D)', '其他生活服务', '人次', HAND),
  it('w9d1', '9(D)', '其中新生代农民工', '人次', HAND),
  it('w10a', '10(A)', '送温暖活动期间共帮助农民工平安返乡', '人次', HAND),
  it('w10b1', '10(B)', '共包专列', '列', HAND),
  it('w10b2', '10(B)', '包专列运送', '人次', HAND),
  it('w10c1', '10(C)', '共包火车车厢', '节', HAND),
  it('w10c2', '10(C)', '包车厢运送', '人次', HAND),
  it('w10d1', '10(D)', '共包汽车', '辆', HAND),
  it('w10d2', '10(D)', '包汽车运送', '人次', HAND),
  it('w10e1', '10(E)', '共包船', '艘', HAND),
  it('w10e2', '10(E)', '包船运送', '人次', HAND),
  it('w10f1', '10(F)', '共包机', '架', HAND),
  it('w10f2', '10(F)', '包机运送', '人次', HAND),
  it('w10g', '10(G)', '帮助农民工购买车（船）票', '张', HAND),
  it('w11a', '11(A)', '经过与用人单位协商，为农民工返乡争取经济补贴', '万元', HAND),
];

/** 帮扶中心 items 8 (all workers) and 9 (migrant workers) by kind of assistance. */
const CENTRE_KINDS: readonly [string, string, string][] = [
  ['B', '生活救助', '生活救助'],
  ['C', '医疗救助', '医疗救助'],
  ['D', '资助子女上学', '助学'],
  ['E', '职业介绍', '就业'],
  ['F', '就业培训', '培训'],
  ['G', '政策咨询', '政策咨询'],
  ['H', '法律援助', '法律援助'],
  ['I', '创业贷款', '创业贷款'],
  ['J', '其他帮扶', '其他'],
];

function centreBlock(n: string, who: string, prefix: '' | 'migrant_'): Item[] {
  const helped = prefix === '' ? 'helped.person_times' : 'migrant_helped.person_times';
  const paid = prefix === '' ? 'paid_fen.total' : 'paid_fen.migrant';
  return [
    it(`c${n}a1`, `${n}(A)`, `帮扶中心帮扶${who}`, '人次', count(helped)),
    it(`c${n}a2`, `${n}(A)`, `帮扶${who}款物`, '万元', money(paid)),
    ...CENTRE_KINDS.flatMap(([letter, label, kind]) => [
      it(`c${n}${letter.toLowerCase()}1`, `${n}(${letter})`, label, '人次', count(`${prefix}kind.${kind}`)),
      it(`c${n}${letter.toLowerCase()}2`, `${n}(${letter})`, `${label}帮扶款物`, '万元', money(`${prefix}kind_fen.${kind}`)),
    ]),
  ];
}

export const CENTRE_ITEMS: readonly Item[] = [
  it('c1a', '1(A)', '县级以上困难职工帮扶中心', '个', HAND),
  it('c1a1', '1(A)', '其中事业单位编制', '个', HAND),
  it('c1b', '1(B)', '其中省级', '个', HAND),
  it('c1b1', '1(B)', '省级中事业单位编制', '个', HAND),
  it('c1c', '1(C)', '地市级', '个', HAND),
  it('c1c1', '1(C)', '地市级中事业单位编制', '个', HAND),
  it('c1d', '1(D)', '县级', '个', HAND),
  it('c1d1', '1(D)', '县级中事业单位编制', '个', HAND),
  it('c2a', '2(A)', '帮扶中心工作人员', '人', HAND),
  it('c2b', '2(B)', '其中省级', '人', HAND),
  it('c2c', '2(C)', '地市级', '人', HAND),
  it('c2d', '2(D)', '县级', '人', HAND),
  it('c3a', '3(A)', '县级以下乡镇（街道）基层工会帮扶工作站', '个', HAND),
  it('c3b', '3(B)', '社区（村）工会帮扶站点', '个', HAND),
  it('c3c', '3(C)', '企业帮扶中心或帮扶站点', '个', HAND),
  it('c4a', '4(A)', '帮扶中心资金来源总额', '万元', HAND),
  it('c4b', '4(B)', '中央财政拨款', '万元', HAND),
  it('c4c', '4(C)', '地方财政拨款', '万元', HAND),
  it('c4d', '4(D)', '工会拨款', '万元', HAND),
  it('c4e', '4(E)', '各界捐助', '万元', HAND),
  it('c4f', '4(F)', '其他收入', '万元', HAND),
  it('c5a', '5(A)', '省级财政建立帮扶中心专项帮扶资金', '万元', HAND),
  it('c5b', '5(B)', '资金是否纳入财政预算（是/否）', '', HAND),
  it('c6a', '6(A)', '地方财政建立帮扶中心专项帮扶资金的', '个', HAND),
  it('c6b', '6(B)', '建立的专项帮扶资金总额', '万元', HAND),
  it('c6c', '6(C)', '配套资金达到同比例配套要求并纳入财政预算的', '个', HAND),
  it('c7a1', '7(A)', '县（区）级帮扶中心，地方财政拨款支持的', '个', HAND),
  it('c7a2', '7(A)', '地方财政拨款金额合计', '万元', HAND),
  it('c7b', '7(B)', '地方财政按上级拨款等额配套并纳入财政预算', '个', HAND),
  ...centreBlock('8', '困难职工', ''),
  it('c8k', '8(K)', '经工会帮扶，脱困的困难职工家庭', '户', count('lifted')),
  ...centreBlock('9', '农民工', 'migrant_'),
  it('c10a', '10(A)', '帮扶中心为职工提供各项服务', '人次', HAND),
  it('c10a1', '10(A)', '其中新生代农民工', '人次', HAND),
  it('c10b', '10(B)', '开展心理咨询、疏导', '人次', HAND),
  it('c10b1', '10(B)', '其中新生代农民工', '人次', HAND),
  it('c10c', '10(C)', '其他（家政、养老等）服务', '人次', HAND),
  it('c10d1', '10(D)', '协调解决跨地区维权帮扶案件', '件', HAND),
  it('c10d2', '10(D)', '跨地区维权帮扶案件涉及农民工', '人', HAND),
  it('c10d3', '10(D)', '跨地区维权帮扶案件涉及金额', '万元', HAND),
  it('c11a', '11(A)', '帮扶中心建设费用投入', '万元', HAND),
  it('c11b', '11(A)', '工作经费投入', '万元', HAND),
  it('c12a', '12(A)', '工会自建或联建爱心医院', '个', HAND),
  it('c12b', '12(B)', '工会自建或联建爱心药店', '个', HAND),
  it('c12c', '12(C)', '工会自建或联建扶贫超市', '个', HAND),
  it('c12d', '12(D)', '工会定点爱心学校', '个', HAND),
  it('c12e', '12(E)', '帮扶中心开设心理咨询室或窗口', '个', HAND),
  it('c12f', '12(F)', '工会职业技能培训机构', '个', HAND),
  it('c12h', '12(H)', '工会职业介绍机构', '个', HAND),
];

export const HAND_ENTRY_MARK = '手工填报';
export const DATA_MARK = '数据';
export const HAND_ENTRY_BACKGROUND = '#fff2cc';

/** The lines above a form (seed 002: 填报单位 · 年 月 日 · 填报人 · 联系电话; seed 003: 填报单位(盖章) · 联系人 · 电话). */
export interface FormHeader {
  /** 填报单位: from the 设置 sheet or `--unit`; blank (to be written by hand) when not set. */
  unit: string;
  year: number;
  /** 填报日期 'YYYY-MM-DD'. */
  today: string;
  /** 填报人 / 联系人. */
  person?: string;
  /** 联系电话. */
  phone?: string;
  /** The reporting period as printed, e.g. “2026年度” or a campaign's name; default the year. */
  period?: string;
}

/** 'YYYY-MM-DD' → 'YYYY年MM月DD日', as the paper forms write dates. */
export function zhDate(d: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m ? `${m[1]}年${m[2]}月${m[3]}日` : d;
}

export function periodOf(h: FormHeader): string {
  return h.period || `${h.year}年度`;
}

/** Number formats by unit: money in 万元 to the yuan (4 decimals), counts with thousands separators. */
function unitFormat(unit: string): string {
  return unit === '万元' ? '0.0000' : unit === '元' ? '#,##0.00' : '#,##0';
}

/** Printed columns of a statistics form: 序号 项目 数值 单位; 来源 and the key stay on screen only. */
const FORM_PRINT_COLS = 4;

function formLayout(name: string, title: string, items: readonly Item[], m: Measures, h: FormHeader, notes: string[]): SheetLayout {
  const rows: LayoutCell[][] = [
    [title],
    // Column E (来源) is on screen only, outside the printed area: the hint for the clerk goes there.
    [`填报单位：${h.unit}`, '', `统计期间：${periodOf(h)}`, '', '黄色：手工填报项，重新生成时保留'],
    [`填报人：${h.person ?? ''}　　联系电话：${h.phone ?? ''}`, '', `填报日期：${zhDate(h.today)}`, ''],
    ['序号', '项目', '数值', '单位', '来源', '键'],
  ];
  const head = rows.length;
  const handEntries: HandEntry[] = [];
  for (const item of items) {
    const value: LayoutCell = item.value ? item.value(m) : '';
    rows.push([item.no, item.label, value, item.unit, item.value ? DATA_MARK : HAND_ENTRY_MARK, item.key]);
    if (!item.value) handEntries.push({ row: rows.length, col: 3, key: item.key });
  }
  const last = rows.length;
  for (const n of notes) rows.push([n]);
  const values = rect(rows);
  const numberFormats = items.map((item, i) => ({ row: head + 1 + i, col: 3, numRows: 1, numCols: 1, format: unitFormat(item.unit) }));
  // A typed-in figure must fit as well as a computed one: at least “12,345,678” / “1234.5678”.
  const columnWidths = fitWidths(values, { from: head, to: last }, numberFormats).map((w, i) => (i === 2 ? Math.max(w, 72) : w));
  const printedWidth = columnWidths.slice(0, FORM_PRINT_COLS).reduce((a, b) => a + b, 0);
  const across = (row: number) => ({ row, col: 1, numRows: 1, numCols: FORM_PRINT_COLS });
  return {
    name,
    values,
    frozenRows: head,
    merges: [
      across(1),
      { row: 2, col: 1, numRows: 1, numCols: 2 },
      { row: 2, col: 3, numRows: 1, numCols: 2 },
      { row: 3, col: 1, numRows: 1, numCols: 2 },
      { row: 3, col: 3, numRows: 1, numCols: 2 },
      ...notes.map((_, i) => across(last + 1 + i)),
    ],
    numberFormats,
    handEntries,
    keyColumn: 6,
    handEntryBackground: HAND_ENTRY_BACKGROUND,
    columnWidths,
    rowHeights: [{ row: 1, height: TITLE_HEIGHT }, ...notes.map((n, i) => ({ row: last + 1 + i, height: rowHeightFor(linesIn(n, printedWidth)) }))],
    borders: [{ row: head, col: 1, numRows: last - head + 1, numCols: FORM_PRINT_COLS }],
    wrap: notes.map((_, i) => across(last + 1 + i)),
    bold: [across(1), { row: head, col: 1, numRows: 1, numCols: 6 }],
    center: [
      across(1),
      { row: head, col: 1, numRows: 1, numCols: 6 },
      { row: head + 1, col: 1, numRows: last - head, numCols: 1 },
      { row: head + 1, col: 4, numRows: last - head, numCols: 1 },
    ],
    titleSize: 16,
    // Seed 002 prints both forms on A4 portrait.
    print: { orientation: 'portrait', repeatRows: { from: head, to: head }, rows: values.length, columns: FORM_PRINT_COLS },
  };
}

export function warmthStatsLayout(m: Measures, h: FormHeader): SheetLayout {
  return formLayout('送温暖工程统计表', '送温暖工程统计表', WARMTH_ITEMS, m, h, ['注：本表中职工均包括农民工，困难职工均包括困难农民工。']);
}

export function centreStatsLayout(m: Measures, h: FormHeader): SheetLayout {
  return formLayout('困难职工帮扶中心统计表', '困难职工帮扶中心统计表', CENTRE_ITEMS, m, h, [
    `注：1、统计数据截止${h.year}年12月31日；2、职工均包括农民工，困难职工均包括困难农民工；3、爱心医院、药店、扶贫超市等均为工会建立的惠民帮扶医院、惠民帮扶药店和惠民超市。`,
  ]);
}
