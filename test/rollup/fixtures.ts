/**
 * Three counties' cases, small enough to count by hand (see rollup.test.ts for the sums):
 * 京山 (H01) and 沙洋 (H02) as tabs of this workbook, 钟祥 (H03) in its own spreadsheet.
 */
import { setNow } from '../../src/server/clock';
import { newWorkbook, sheet, people, type Fake } from '../server/fixtures';
import { makeId } from '../helpers/idNumbers';

/** The columns of a county's case file, as a clerk's spreadsheet has them. */
export { COUNTY_FILE_HEADER as HEADER } from '../../harness/print/countyFiles';
import { COUNTY_FILE_HEADER as HEADER } from '../../harness/print/countyFiles';

type Row = Record<string, unknown>;
const base: Row = { 农民工: '否', 劳模类型: '无', 建档年度: 2026, 逾期: false };

export const JINGSHAN: Row[] = [
  {
    职工编号: 'H0100001',
    县区代码: 'H01',
    状态: '已备案',
    姓名: '王秀英',
    性别: '女',
    年龄: 53,
    身份证号: makeId('420821', '1972-03-15', 12, '女'),
    会员卡: '',
    '会员卡/银行卡号': '6228480402564890018',
    工作单位: '京山县轻机厂',
    联系电话: '13872345678',
    困难类别: '低保边缘户',
    致困原因: '因病',
    家庭人口: 3,
    救助项目: 'medical',
    帮扶类别: '医疗救助',
    核定救助金额: 1600,
    已发放金额: 1600,
    '救助金额（市总填写）': 2000,
    提交日期: new Date(2026, 2, 2),
  },
  {
    职工编号: 'H0100002',
    县区代码: 'H01',
    状态: '公示中',
    姓名: '李明',
    性别: '男',
    年龄: 45,
    身份证号: makeId('420821', '1980-11-02', 33, '男'),
    '会员卡/银行卡号': '6217002870012345678',
    工作单位: '京山县纺织厂',
    联系电话: '13907241234',
    困难类别: '低保户',
    致困原因: '因病、子女上学',
    家庭人口: 4,
    农民工: '是',
    救助项目: '生活救助',
    公示开始: new Date(2026, 10, 17),
    公示结束: new Date(2026, 10, 23),
    提交日期: new Date(2026, 10, 3),
  },
  {
    职工编号: 'H0100003',
    县区代码: 'H01',
    状态: '已退出',
    姓名: '赵芳',
    性别: '女',
    年龄: 39,
    身份证号: makeId('420821', '1987-06-30', 5, '女'),
    困难类别: '低保户',
    致困原因: '因意外',
    家庭人口: 2,
    救助项目: 'accident',
    帮扶类别: '生活救助',
    核定救助金额: 3000,
    已发放金额: 3000,
    退出日期: new Date(2026, 2, 10),
    退出原因: '伤愈复工，生活稳定',
    提交日期: new Date(2026, 0, 12),
  },
  { 职工编号: 'H0100004', 县区代码: 'H01', 状态: '待审核', 姓名: '钱多多', 家庭人口: '三口', 提交日期: new Date(2026, 10, 20) },
];

export const SHAYANG: Row[] = [
  {
    职工编号: 'H0200001',
    县区代码: 'H02',
    状态: '已审批',
    姓名: '孙丽',
    性别: '女',
    年龄: 41,
    身份证号: makeId('420822', '1985-01-20', 8, '女'),
    '会员卡/银行卡号': '6230520460012348888',
    工作单位: '沙洋县化工厂',
    联系电话: '13545678901',
    困难类别: '意外致困户',
    致困原因: '因意外',
    家庭人口: 5,
    农民工: '是',
    劳模类型: '地市级劳模',
    救助项目: 'accident',
    帮扶类别: '生活救助、法律援助',
    核定救助金额: 3000,
    已发放金额: 3000,
    提交日期: new Date(2026, 4, 6),
  },
  {
    职工编号: 'H0200002',
    县区代码: 'H02',
    状态: '待审核',
    姓名: '周建国',
    性别: '男',
    年龄: 58,
    身份证号: makeId('420822', '1968-09-09', 21, '男'),
    困难类别: '低保边缘户',
    致困原因: '因病',
    家庭人口: 1,
    救助项目: 'major',
    逾期: true,
    提交日期: new Date(2026, 10, 2),
  },
];

export const ZHONGXIANG: Row[] = [
  {
    职工编号: 'H0300001',
    县区代码: 'H03',
    状态: '已备案',
    姓名: '陈静',
    性别: '女',
    年龄: 36,
    身份证号: makeId('420881', '1990-04-18', 2, '女'),
    '会员卡/银行卡号': '6228481234567890123',
    工作单位: '钟祥市纺织厂',
    联系电话: '13677778888',
    困难类别: '低保户',
    致困原因: '单亲',
    家庭人口: 2,
    劳模类型: '全国劳模',
    救助项目: 'living',
    帮扶类别: '生活救助、助学',
    核定救助金额: 550,
    已发放金额: 550,
    建档年度: 2025,
    提交日期: new Date(2025, 11, 1),
    发放日期: new Date(2026, 0, 20),
  },
];

export function rowsOf(records: Row[]): unknown[][] {
  return [HEADER, ...records.map((r) => HEADER.map((h) => (r[h] ?? base[h] ?? '') as unknown))];
}

/** Writes values straight into a sheet, like a county clerk's file (IDs as text: '@' first). */
export function fill(s: GoogleAppsScript.Spreadsheet.Sheet, values: unknown[][]): void {
  if (values.length > s.getMaxRows()) s.insertRowsAfter(s.getMaxRows(), values.length - s.getMaxRows());
  if (values[0].length > s.getMaxColumns()) s.insertColumnsAfter(s.getMaxColumns(), values[0].length - s.getMaxColumns());
  s.getRange(1, 1, s.getMaxRows(), values[0].length).setNumberFormat('@');
  // Numbers, dates and booleans keep their types: only text is affected by '@'.
  s.getRange(1, 1, values.length, values[0].length).setValues(values as never);
}

export interface CountyBooks {
  fake: Fake;
  zhongxiangId: string;
}

/** A workbook after setup whose 汇总来源 lists 京山 and 沙洋 tabs, 钟祥's spreadsheet, and a broken link. */
export function countyBooks(today = '2026-11-23', extra: { jingshan?: Row[] } = {}): CountyBooks {
  const fake = newWorkbook(today);
  setNow(today);
  const ss = fake.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  fill(ss.insertSheet('京山案件'), rowsOf([...JINGSHAN, ...(extra.jingshan ?? [])]));
  fill(ss.insertSheet('沙洋案件'), rowsOf(SHAYANG));
  const zx = fake.newSpreadsheet('钟祥市总工会困难职工') as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  fill(zx.insertSheet('案件'), rowsOf(ZHONGXIANG));
  const sources = sheet(fake, '汇总来源');
  sources.getRange(2, 1, 4, 7).setValues([
    ['京山', 'H01', '本表标签页', '京山案件', '', '是', ''],
    ['沙洋', 'H02', '本表标签页', '沙洋案件', '', '是', ''],
    ['钟祥', 'H03', '其他表格', zx.getUrl(), '案件', '是', ''],
    ['屈家岭', 'H07', '其他表格', 'https://docs.google.com/spreadsheets/d/1NoSuchSpreadsheet000000/edit', '案件', '是', ''],
  ]);
  fake.setUser(people.city.email);
  return { fake, zhongxiangId: zx.getId() };
}
