/**
 * County files for the print test and the report screenshots: three counties with enough
 * assisted families that 实名制汇总表 runs over more than one landscape page, real ID
 * numbers (valid check digits), 19-digit card numbers, long home addresses for workers
 * without an employer, a few cases in public notice and one mistyped row. Deterministic.
 * Dates are written as Excel holds them: the wall-clock day as a UTC serial (exceljs writes a
 * Date by its UTC instant; a local midnight in Beijing would be the day before).
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { makeId as demoId } from '../playground/demoData';

const makeId = (region: string, birth: string, seq: number, sex: '男' | '女') => demoId(region, birth, seq, sex === '男');

/** The columns of a county's case file as a clerk's spreadsheet has them (the roll-up reads them by label). */
export const COUNTY_FILE_HEADER = [
  '职工编号',
  '县区代码',
  '状态',
  '姓名',
  '性别',
  '年龄',
  '身份证号',
  '会员卡/银行卡号',
  '工作单位',
  '联系电话',
  '困难类别',
  '致困原因',
  '家庭人口',
  '家庭年收入',
  '农民工',
  '劳模类型',
  '救助项目',
  '帮扶类别',
  '核定救助金额',
  '已发放金额',
  '救助金额（市总填写）',
  '逾期',
  '提交日期',
  '公示开始',
  '公示结束',
  '建档年度',
  '复审年度',
  '退出日期',
  '退出原因',
  '发放日期',
];
const HEADER = COUNTY_FILE_HEADER;

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧';
const GIVEN_F = ['秀英', '桂兰', '丽', '敏', '静', '芳', '艳', '娟', '霞', '玲', '红梅', '春燕'];
const GIVEN_M = ['建国', '志强', '伟', '军', '洋', '勇', '杰', '涛', '明', '超', '国华', '德明'];
const COUNTIES = [
  {
    code: 'H01',
    name: '京山',
    region: '420821',
    employers: ['京山县轻机厂', '京山县纺织厂', '京山市第二中学', '京山县供销社'],
    street: '京山市新市街道城中路',
  },
  { code: 'H02', name: '沙洋', region: '420822', employers: ['沙洋县化工厂', '沙洋县棉纺厂', '沙洋县人民医院'], street: '沙洋县沙洋镇汉江大道' },
  { code: 'H03', name: '钟祥', region: '420881', employers: ['钟祥市纺织厂', '钟祥市磷矿', '钟祥市公交公司'], street: '钟祥市郢中街道王府大道' },
];
const CATEGORIES = ['低保户', '低保边缘户', '意外致困户'];
const CAUSES = ['因病', '子女上学', '因意外', '因残', '单亲'];
const PLANS: [string, string, number][] = [
  ['medical', '医疗救助', 1600],
  ['living', '生活救助', 550],
  ['accident', '生活救助、法律援助', 3000],
  ['major', '医疗救助', 5000],
  ['living', '生活救助、助学', 550],
];

/** The cases of one county as rows under the roll-up fixtures' header. */
export function countyRows(countyIndex: number, cases: number): unknown[][] {
  const c = COUNTIES[countyIndex];
  const rows: unknown[][] = [HEADER];
  for (let i = 0; i < cases; i++) {
    const female = i % 2 === 0;
    const name = SURNAMES[(i * 7 + countyIndex * 3) % SURNAMES.length] + (female ? GIVEN_F : GIVEN_M)[(i * 5 + countyIndex) % 12];
    const year = 1966 + ((i * 3 + countyIndex) % 30);
    const birth = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 11) % 28)).padStart(2, '0')}`;
    const [scheme, kinds, amount] = PLANS[i % PLANS.length];
    const notice = i % 10 === 9;
    const noEmployer = i % 6 === 5;
    const r: Record<string, unknown> = {
      职工编号: `${c.code}${String(i + 1).padStart(5, '0')}`,
      县区代码: c.code,
      状态: notice ? '公示中' : i % 3 === 0 ? '已备案' : '已审批',
      姓名: name,
      性别: female ? '女' : '男',
      年龄: 2026 - year,
      身份证号: makeId(c.region, birth, i + 1, female ? '女' : '男'),
      '会员卡/银行卡号': `62284804025${String(countyIndex)}${String(1000000 + i * 7919).slice(-7)}`,
      工作单位: noEmployer ? '' : c.employers[i % c.employers.length],
      家庭住址: `${c.street}${100 + i}号阳光花园小区${1 + (i % 9)}栋${1 + (i % 3)}单元${501 + (i % 4)}室`,
      联系电话: `139${String(72000000 + i * 1237 + countyIndex * 100000).slice(-8)}`,
      困难类别: CATEGORIES[i % 3],
      致困原因: CAUSES[i % CAUSES.length],
      家庭人口: 1 + (i % 5),
      农民工: i % 4 === 0 ? '是' : '否',
      劳模类型: i % 13 === 0 ? '地市级劳模' : '无',
      救助项目: scheme,
      帮扶类别: kinds,
      核定救助金额: notice ? '' : amount,
      已发放金额: notice ? '' : amount,
      '救助金额（市总填写）': notice ? '' : amount,
      逾期: false,
      提交日期: new Date(Date.UTC(2026, i % 11, 1 + (i % 27))),
      公示开始: notice ? new Date(Date.UTC(2026, 10, 17)) : '',
      公示结束: notice ? new Date(Date.UTC(2026, 10, 23)) : '',
      建档年度: 2026,
      复审年度: '',
      退出日期: '',
    };
    rows.push([...HEADER, '家庭住址'].map((h) => r[h] ?? ''));
  }
  rows[0] = [...HEADER, '家庭住址'];
  // One row a clerk typed wrong: it is not counted, and 汇总 says so under the table.
  if (countyIndex === 0)
    rows.push(
      [...HEADER, '家庭住址'].map(
        (h) => (({ 职工编号: `${c.code}99999`, 县区代码: c.code, 状态: '已审批', 姓名: '钱多多', 家庭人口: '三口' }) as Record<string, unknown>)[h] ?? '',
      ),
    );
  return rows;
}

/** Writes the three county files into `dir`; returns their paths. */
export async function writeCountyFiles(dir: string, casesPerCounty: number): Promise<string[]> {
  const paths: string[] = [];
  for (const [i, c] of COUNTIES.entries()) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('案件');
    for (const r of countyRows(i, casesPerCounty)) ws.addRow(r.map((v) => (v === '' ? null : v)));
    const path = join(dir, `${c.name}.xlsx`);
    await wb.xlsx.writeFile(path);
    paths.push(path);
  }
  return paths;
}
