/**
 * The county data the roll-up benches run on, as a county sends it: 8 counties × 25,000 cases
 * in a 35-column 案件 (the system columns a county file keeps and the form fields the reports
 * read, 家庭成员 as readable text), and a 发放记录 sheet under the product's own header
 * (LEDGER_HEADER) with 3 payments per case across 2025 and 2026: one in 2025, the 2026
 * 元旦春节送温暖 grant (所属期间 names the campaign), one later in 2026. Chinese names, valid
 * ID numbers (benchData.makeId) whose birth date and sex agree with 年龄 and 性别, 19-digit cards.
 * Cases: half 已备案, a fifth 已审批, a tenth 已退出, the rest pending — their payments are
 * flagged 先行救助. A few rows are wrong, as clerks' rows are (a 家庭人口 of “三口”, a payment dated
 * 2026-02-30, a worker number in the ledger that has no case): the roll-up reports each.
 * Deterministic: the same files on every run.
 */
import ExcelJS from 'exceljs';
import { LEDGER_HEADER } from '../src/domain/ledger';
import { makeId } from './benchData';

export const COUNTY_CODES = ['H01', 'H02', 'H03', 'H04', 'H05', 'H06', 'H07', 'H08'];
export const CASES_PER_COUNTY = 25_000;
export const PAYMENTS_PER_CASE = 3;

/** Last season's 送温暖 campaign, kept in 活动 as history: on 2026-12-01 it is the one in force (the next starts 22 December). */
export const WARMTH_2026_ROW = ['2026年元旦春节送温暖', '送温暖', '2025-12-22', '2026-02-17', '', '2026-01-12', '报送总结和两张统计表', '12月22日至春节'];
export const BENCH_TODAY = '2026-12-01';

export const CASE_HEADER = [
  '职工编号',
  '县区代码',
  '状态',
  '截止日期',
  '逾期',
  '提交日期',
  '公示开始',
  '公示结束',
  '核定救助金额',
  '已发放金额',
  '发放日期',
  '救助金额（市总填写）',
  '建档年度',
  '复审年度',
  '退出日期',
  '退出原因',
  '姓名',
  '性别',
  '民族',
  '年龄',
  '身份证号',
  '会员卡/银行卡号',
  '工作单位',
  '家庭住址',
  '联系电话',
  '困难类别',
  '致困原因',
  '家庭人口',
  '家庭成员',
  '家庭年收入',
  '本人年收入',
  '农民工',
  '劳模类型',
  '救助项目',
  '帮扶类别',
];

const REGIONS = ['420821', '420822', '420881', '420802', '420804', '420802', '420821', '420800'];
const STREETS = [
  '京山市新市街道城中路',
  '沙洋县沙洋镇汉江大道',
  '钟祥市郢中街道王府大道',
  '东宝区龙泉街道象山大道',
  '掇刀区白庙街道月亮湖路',
  '漳河新区漳河镇',
  '屈家岭管理区易家岭街道',
  '东宝区泉口街道长宁大道',
];
const EMPLOYERS = ['轻机厂', '纺织厂', '化工厂', '供销社', '第二中学', '人民医院', '公交公司', '磷矿', '建筑公司', '环卫所'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧';
const GIVEN_F = ['秀英', '桂兰', '丽', '敏', '静', '芳', '艳', '娟', '霞', '玲', '红梅', '春燕', '淑珍', '慧'];
const GIVEN_M = ['建国', '志强', '伟', '军', '洋', '勇', '杰', '涛', '明', '超', '国华', '德明', '海军', '卫东'];
const CATEGORIES = ['低保户', '低保边缘户', '意外致困户'];
const CAUSES = ['因病', '子女上学', '因意外', '因残', '单亲', '因未就业'];
const PLANS: [string, string, number][] = [
  ['特困职工医疗救助', '医疗救助', 1600],
  ['生活救助', '生活救助', 550],
  ['重大意外事故', '生活救助、法律援助', 3000],
  ['其他重大疾病', '医疗救助', 5000],
  ['生活救助', '生活救助、助学', 550],
  ['十种重大疾病', '医疗救助', 8000],
];
const RELATIONS = ['配偶', '子女', '父母', '子女', '其他'];
const HANDLERS = ['陈静', '刘洋', '张敏', '周伟'];
const FORMS = ['卡', '卡', '现金', '实物', '券'];

/** A local-midnight Date (what getValues gives for a date cell in Asia/Shanghai). */
const day = (y: number, m: number, d: number) => new Date(y, m - 1, d);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Status by case number: 50 % 已备案, 20 % 已审批, 10 % 已退出, 20 % pending. */
function statusOf(i: number): string {
  const k = i % 20;
  return k < 10 ? '已备案' : k < 14 ? '已审批' : k < 16 ? '已退出' : ['待审核', '公示中', '待审批', '已退回'][k - 16];
}
const archived = (status: string) => status === '已备案' || status === '已审批' || status === '已退出';

/** The 案件 rows of county `c` (0–7), header first. */
export function caseRows(c: number, cases = CASES_PER_COUNTY): unknown[][] {
  const code = COUNTY_CODES[c];
  const rows: unknown[][] = [CASE_HEADER];
  for (let i = 1; i <= cases; i++) {
    const status = statusOf(i);
    const male = i % 2 === 1;
    const year = 1962 + ((i * 7 + c) % 36);
    const birth = `${year}-${pad(1 + (i % 12))}-${pad(1 + ((i * 11) % 28))}`;
    const [scheme, kinds, amount] = PLANS[(i + c) % PLANS.length];
    const size = 1 + ((i * 3) % 5);
    const members = Array.from({ length: size - 1 }, (_, k) => {
      const rel = RELATIONS[(i + k) % RELATIONS.length];
      return `${SURNAMES[(i + k + 3) % SURNAMES.length]}${(k % 2 ? GIVEN_M : GIVEN_F)[(i + k) % 14]}（关系：${rel}，年收入：${k === 0 ? 6000 + (i % 40) * 300 : 0}）`;
    }).join('；');
    const entered = 2019 + (i % 8);
    const submitted = day(entered, 1 + (i % 11), 1 + (i % 28));
    const notice = status === '公示中';
    const decided = archived(status);
    const exited = status === '已退出';
    const income = 9000 + ((i * 37) % 60) * 500;
    const noEmployer = i % 9 === 0;
    rows.push([
      `${code}${pad(i, 5)}`,
      code,
      status,
      decided ? '' : day(2026, 12, 3 + (i % 20)),
      !decided && i % 13 === 0,
      submitted,
      notice ? day(2026, 11, 24) : '',
      notice ? day(2026, 11, 30) : '',
      decided ? amount : '',
      decided ? amount : '',
      decided ? day(entered, 1 + ((i + 1) % 11), 1 + ((i + 5) % 28)) : '',
      status === '已备案' ? amount : '',
      entered,
      i % 4 === 0 ? 2026 : i % 4 === 1 ? 2025 : '',
      exited ? day(2026, 1 + (i % 11), 1 + (i % 28)) : '',
      exited ? ['实现就业，生活稳定', '迁出本市', '收入提高，已脱困', '去世'][i % 4] : '',
      SURNAMES[(i * 7 + c * 3) % SURNAMES.length] + (male ? GIVEN_M : GIVEN_F)[(i * 5 + c) % 14],
      male ? '男' : '女',
      i % 10 === 0 ? '土家族' : '汉族',
      // Age on 2026-12-01 (the birth dates fall inside the year before it).
      2026 - year - (birth.slice(5) > '12-01' ? 1 : 0),
      makeId(REGIONS[c], birth, (i % 500) * 2 + (male ? 1 : 0)),
      `6228480402${pad(c, 1)}${pad((i * 7919) % 100_000_000, 8)}`,
      noEmployer ? '' : `${STREETS[c].slice(0, 2)}${EMPLOYERS[i % EMPLOYERS.length]}`,
      `${STREETS[c]}${100 + (i % 400)}号${1 + (i % 9)}栋${1 + (i % 3)}单元${501 + (i % 4)}室`,
      `13${[8, 9, 5, 6, 7][i % 5]}${pad((i * 1237 + c * 100_003) % 100_000_000, 8)}`,
      CATEGORIES[i % 3],
      i % 3 === 0 ? `${CAUSES[i % 6]}、${CAUSES[(i + 2) % 6]}` : CAUSES[i % 6],
      // A clerk typed the household size in words now and then: the roll-up refuses that row.
      i % 4999 === 0 ? '三口' : size,
      members,
      income,
      Math.round(income * 0.6),
      i % 5 === 0 ? '是' : '否',
      i % 97 === 0 ? '地市级劳模' : '无',
      scheme,
      kinds,
    ]);
  }
  return rows;
}

/** The 发放记录 rows of county `c`, header first: three payments per case, in the order they were paid (by date). */
export function ledgerRows(c: number, cases = CASES_PER_COUNTY): unknown[][] {
  const code = COUNTY_CODES[c];
  const out: { on: Date; row: unknown[] }[] = [];
  for (let i = 1; i <= cases; i++) {
    const status = statusOf(i);
    const [scheme, kinds, amount] = PLANS[(i + c) % PLANS.length];
    const no = `${code}${pad(i, 5)}`;
    const emergency = archived(status) ? '否' : '是';
    const approval = archived(status) ? `荆工帮审〔${2019 + (i % 8)}〕${i}号` : '先行救助，手续补办中';
    const handler = HANDLERS[(i + c) % HANDLERS.length];
    const kind = kinds.split('、')[0];
    const pays: [Date, string, string, number, string][] = [
      [day(2025, 1 + (i % 12), 1 + (i % 28)), scheme, kind, amount, ''],
      [day(2026, 1, 5 + (i % 20)), '', '生活救助', 500 + (i % 6) * 100, '2026年元旦春节送温暖'],
      [day(2026, 2 + (i % 10), 1 + ((i * 3) % 28)), scheme, kind, amount, ''],
    ];
    pays.forEach(([on, s, k, yuan, period], j) => {
      // A date no calendar has, typed as text: that payment is reported, not counted.
      const paidOn = (i * 3 + j) % 7919 === 0 ? '2026-02-30' : on;
      out.push({ on, row: [no, paidOn, s, k, yuan, FORMS[(i + j) % FORMS.length], period, handler, approval, emergency, ''] });
    });
  }
  // One payment to a worker number the county's 案件 does not have.
  out.push({
    on: day(2026, 6, 1),
    row: [`${code}99999`, day(2026, 6, 1), '生活救助', '生活救助', 550, '卡', '', HANDLERS[0], '荆工帮审〔2026〕1号', '否', ''],
  });
  out.sort((a, b) => a.on.getTime() - b.on.getTime());
  return [[...LEDGER_HEADER], ...out.map((p) => p.row)];
}

/** Local-midnight Date → the wall-clock day as a UTC instant: how Excel holds a date (exceljs writes a Date by its UTC instant). */
function excelCell(v: unknown): unknown {
  if (v === '') return null;
  return v instanceof Date ? new Date(Date.UTC(v.getFullYear(), v.getMonth(), v.getDate())) : v;
}

/** County `c` as an .xlsx: 案件, then 发放记录 (streamed out, so writing 8 files stays small). */
export async function writeCountyXlsx(path: string, c: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  for (const [name, rows] of [
    ['案件', caseRows(c)],
    ['发放记录', ledgerRows(c)],
  ] as const) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r.map(excelCell)).commit();
    ws.commit();
  }
  await wb.commit();
}
