/**
 * One click rolls up three counties (two tabs and another county's spreadsheet) and writes
 * every form, checked against numbers counted by hand from fixtures.ts:
 *   counted cases 6 (钱多多's household size "三口" is reported, not counted), people
 *   3+4+2+5+1+2 = 17; open files 5: 低保户 2 (李明, 陈静), 低保边缘户 2 (王秀英, 周建国),
 *   意外致困户 1 (孙丽); paid 1600 + 3000 + 3000 + 550 = 8150 元 = 0.815 万元, of which to
 *   model workers 3000 + 550, to migrant workers 3000; helped person-times 王 1 + 赵 1 +
 *   孙 2 + 陈 2 = 6, 生活救助 3; exited this year 1 (赵芳); overdue 1 (周建国).
 */
import { runDashboard, runDonationRollup, runPublicNotice, runReports, runRollup, runCaseReports } from '../../src/server/rollup';
import { setNow } from '../../src/server/clock';
import { OWNER, records, sheet, as } from '../server/fixtures';
import { countyBooks, JINGSHAN } from './fixtures';

afterAll(() => setNow(null));

function rowsOf(fake: ReturnType<typeof countyBooks>['fake'], name: string): unknown[][] {
  return sheet(fake, name).getDataRange().getValues();
}

function item(values: unknown[][], key: string): unknown {
  const row = values.find((r) => r[5] === key);
  if (!row) throw new Error(`no item ${key}`);
  return row[2];
}

test('汇总: counties and the city row match the hand count; the bad row and the broken source are named', () => {
  const { fake } = countyBooks();
  const result = runRollup();
  expect(result.ok).toBe(true);
  const values = rowsOf(fake, '汇总');
  expect(values[0][0]).toBe('2026年困难职工帮扶汇总');
  const header = values.find((r) => r[0] === '县区代码')!.map(String);
  const col = (h: string) => header.indexOf(h);
  const line = (code: string) => values.find((r) => r[0] === code)!;
  const city = line('合计');
  expect([city[col('案件数')], city[col('在册困难职工家庭（户）')], city[col('家庭人口（人）')]]).toEqual([6, 5, 17]);
  expect([city[col('低保户')], city[col('低保边缘户')], city[col('意外致困户')]]).toEqual([2, 2, 1]);
  expect([city[col('致困：因病')], city[col('致困：因意外')], city[col('致困：子女上学')], city[col('致困：单亲')]]).toEqual([3, 2, 1, 1]);
  expect([city[col('已发放金额（元）')], city[col('已发放金额（万元）')]]).toEqual([8150, 0.815]);
  expect([city[col('帮扶人次')], city[col('本年退出')], city[col('逾期未办')], city[col('本年新建档')]]).toEqual([6, 1, 1, 5]);
  expect([line('H01')[col('案件数')], line('H02')[col('案件数')], line('H03')[col('案件数')]]).toEqual([3, 2, 1]);
  expect([line('H01')[col('已发放金额（元）')], line('H02')[col('已发放金额（元）')], line('H03')[col('已发放金额（元）')]]).toEqual([4600, 3000, 550]);
  const text = JSON.stringify(values);
  expect(text).toContain('京山第5行“家庭人口”：“三口”不是正整数，未计入');
  // Every county of 设置 has its row, those that sent nothing with zeros.
  expect(values.filter((r) => /^H\d{2}$/.test(String(r[0]))).map((r) => r[0])).toEqual(['H01', 'H02', 'H03', 'H04', 'H05', 'H06', 'H07', 'H08']);
  expect(line('H07')[col('案件数')]).toBe(0);
  expect(text).toContain('来源“屈家岭”无法读取');
  expect(result.problems).toHaveLength(2);
});

test('the official forms are filled where the data answers and keep what was typed by hand', () => {
  const { fake } = countyBooks();
  expect(runReports()).toMatchObject({ ok: true, sheets: ['汇总', '送温暖工程统计表', '困难职工帮扶中心统计表', '实名制汇总表'] });
  let warmth = rowsOf(fake, '送温暖工程统计表');
  expect(warmth[0][0]).toBe('送温暖工程统计表');
  expect(warmth[3]).toEqual(['序号', '项目', '数值', '单位', '来源', '键']);
  // Archived = approved or filed and not exited (王秀英, 孙丽, 陈静); pending 李明 and 周建国 are not in the 档案.
  // 脱贫 = 赵芳, who exited this year because her life became stable.
  expect(['w2a', 'w3a', 'w3b', 'w3c', 'w3d', 'w3e'].map((k) => item(warmth, k))).toEqual([3, 3, 1, 1, 1, 1]);
  expect(['w2b', 'w3a1'].map((k) => item(warmth, k))).toEqual([1, 1]);
  expect(warmth.find((r) => r[5] === 'w7c')![4]).toBe('手工填报');
  expect(['w6a', 'w6b', 'w6c'].map((k) => item(warmth, k))).toEqual([0.815, 0.355, 0.3]);
  expect(['w7d', 'w7f', 'w7g', 'w7h'].map((k) => item(warmth, k))).toEqual([3, 1, 1, 1]);
  expect(item(warmth, 'w1a')).toBe('');
  expect(warmth.find((r) => r[5] === 'w1a')![4]).toBe('手工填报');
  const ws = sheet(fake, '送温暖工程统计表');
  expect(ws.isColumnHiddenByUser(6)).toBe(true);

  // The owner types 当地职工总数 and 走访企业 (the report sheets are the owner's), then the city regenerates: the figures stay with their items.
  const rowOf = (key: string) => warmth.findIndex((r) => r[5] === key) + 1;
  fake.runAs(OWNER, () => {
    ws.getRange(rowOf('w1a'), 3).setValue(128500);
    ws.getRange(rowOf('w4a1'), 3).setValue(36);
  });
  runReports();
  warmth = rowsOf(fake, '送温暖工程统计表');
  expect([item(warmth, 'w1a'), item(warmth, 'w4a1'), item(warmth, 'w2a')]).toEqual([128500, 36, 3]);

  const centre = rowsOf(fake, '困难职工帮扶中心统计表');
  expect(['c8a1', 'c8a2', 'c8b1', 'c8b2', 'c8c1', 'c8c2', 'c8k'].map((k) => item(centre, k))).toEqual([6, 0.815, 3, 0.655, 1, 0.16, 1]);
  expect(['c9a1', 'c9a2', 'c9h1'].map((k) => item(centre, k))).toEqual([2, 0.3, 1]);
});

test('实名制汇总表 lists every family paid in the period, exited since or not; only the city union sees the amounts', () => {
  const { fake } = countyBooks();
  runReports();
  let rn = rowsOf(fake, '实名制汇总表');
  // Column 10 holds only the 导出 PDF link of row 1, outside the printed area.
  expect(rn[3].slice(0, 9)).toEqual([
    '序号',
    '姓名',
    '性别',
    '年龄',
    '身份证号',
    '工会会员卡号或银行卡号',
    '工作单位或家庭地址',
    '联系电话',
    '帮扶金额（市总填写）',
  ]);
  const listed = rn.slice(3).filter((r) => typeof r[0] === 'number');
  // 赵芳 exited in March after her payment: she was still helped this year.
  expect(listed.map((r) => r[1])).toEqual(['王秀英', '赵芳', '孙丽', '陈静']);
  expect(listed[0][4]).toBe(JINGSHAN[0]['身份证号']);
  expect(listed.map((r) => r[8])).toEqual([1600, 3000, 3000, 550]);
  as(fake, 'county');
  runReports();
  rn = rowsOf(fake, '实名制汇总表');
  expect(
    rn
      .slice(3)
      .filter((r) => typeof r[0] === 'number')
      .map((r) => r[8]),
  ).toEqual(['', '', '', '']);
});

test('公示名单 lists the cases in notice with ID, card and phone masked and no income', () => {
  const { fake } = countyBooks();
  expect(runPublicNotice().ok).toBe(true);
  const list = rowsOf(fake, '公示名单');
  const li = list.find((r) => r[2] === '李明')!;
  const id = String(JINGSHAN[1]['身份证号']);
  expect(li.slice(0, 11)).toEqual([
    1,
    'H0100002',
    '李明',
    '男',
    '京山县纺织厂',
    '低保户',
    '生活救助',
    '2026-11-17 至 2026-11-23',
    `${id.slice(0, 4)}**********${id.slice(14)}`,
    '6217***********5678',
    '139****1234',
  ]);
  const text = JSON.stringify(list);
  expect(text).not.toContain(id);
  expect(text).not.toContain('家庭年收入');
  expect(list.filter((r) => typeof r[0] === 'number')).toHaveLength(1);
});

test('the dashboard: counts and money in separate charts, every month shown, from the chart builder', () => {
  const { fake } = countyBooks();
  expect(runDashboard().ok).toBe(true);
  const dash = sheet(fake, '统计图表');
  const charts = dash.getCharts();
  expect(charts.map((c) => c.getOptions().get('title'))).toEqual(['各县区案件数', '各县区救助金额（元）', '各救助项目已发放金额（元）', '按月新增案件']);
  // Counts and yuan are never on one axis: one chart each.
  // Every county of 设置 is there, those that sent nothing with 0.
  const zeros = (n: number) => ['东宝', '高新区·掇刀区', '漳河新区', '屈家岭管理区', '市直'].map((c) => [c, ...Array(n).fill(0)]);
  expect(charts[0].getRanges()[0].getValues()).toEqual([['县区', '案件数'], ['京山', 3], ['沙洋', 2], ['钟祥', 1], ...zeros(1)]);
  expect(charts[1].getRanges()[0].getValues()).toEqual([
    ['县区', '核定金额（元）', '已发放（元）'],
    ['京山', 4600, 4600],
    ['沙洋', 3000, 3000],
    ['钟祥', 550, 550],
    ...zeros(2),
  ]);
  // Submitted 2025-12 陈静, 2026-01 赵芳, 03 王秀英, 05 孙丽, 11 李明 and 周建国 (钱多多's row is not
  // counted): the months between are there with 0.
  const months = charts[3].getRanges()[0].getValues();
  expect(months[0]).toEqual(['月份', '案件数']);
  expect(months.slice(1).map((r) => r[0])).toEqual([
    '2025-12',
    '2026-01',
    '2026-02',
    '2026-03',
    '2026-04',
    '2026-05',
    '2026-06',
    '2026-07',
    '2026-08',
    '2026-09',
    '2026-10',
    '2026-11',
  ]);
  expect(months.slice(1).map((r) => r[1])).toEqual([1, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 2]);
  // Regenerating replaces the charts instead of stacking them.
  runDashboard();
  expect(dash.getCharts()).toHaveLength(4);
});

test('a roll-up reads each source once and writes 汇总 once, however many rows the sources hold', () => {
  const calls = (extraRows: number) => {
    const more = Array.from({ length: extraRows }, (_, i) => ({ ...JINGSHAN[0], 职工编号: `H01${String(100 + i).padStart(5, '0')}` }));
    const { fake } = countyBooks('2026-11-23', { jingshan: more });
    runRollup(); // 汇总 exists afterwards: the measured run rewrites it
    fake.counter.reset();
    expect(runRollup().ok).toBe(true);
    return fake.counter.snapshot();
  };
  const small = calls(0);
  const large = calls(3000);
  expect(large).toEqual(small);
  // The writer makes it (汇总 is the owner's): 汇总 written once, plus one line in the writer's request ledger.
  expect(small['UrlFetchApp.fetch']).toBe(2); // the writer, and Google's tokeninfo
  expect(small['Range.setValues']).toBe(2);
  // 3 readable sources + 汇总来源 + 设置 + 人员权限 + the ledger's ids: one getValues each.
  expect(small['Range.getValues']).toBe(7);
  // 钟祥's spreadsheet and the broken link, plus the writer opening this spreadsheet by its ID.
  expect(small['SpreadsheetApp.openById']).toBe(3);
});

test('someone without a county or city role is refused, and nothing is written', () => {
  const { fake } = countyBooks();
  as(fake, 'staff');
  const r = runRollup();
  expect(r).toMatchObject({ ok: false, message: '只有县区总工会、市总工会和管理员可以汇总和生成报表' });
  expect(fake.spreadsheet.getSheetByName('汇总')).toBeNull();
});

test('困难职工情况报表: one printable sheet per selected row of 案件', () => {
  const { fake } = countyBooks();
  const cases = sheet(fake, '案件');
  const src = sheet(fake, '京山案件').getRange(1, 1, 3, 28).getValues();
  // Put two of 京山's rows into 案件 under its own header order.
  const header = cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0].map(String);
  const rows = src.slice(1).map((r) =>
    header.map((h) => {
      const i = src[0].indexOf(h);
      return (i >= 0 ? r[i] : '') as never;
    }),
  );
  // An import into 案件 is the owner's (the sheet is protected from everyone else).
  fake.runAs(OWNER, () => cases.getRange(2, 1, 2, header.length).setValues(rows));
  cases.getRange(2, 1, 2, 3).activate();
  const logBefore = records(fake, '操作日志').length;
  const casesBefore = cases.getDataRange().getValues();
  const r = runCaseReports();
  expect(r).toMatchObject({ ok: true, sheets: ['情况报表-H0100001', '情况报表-H0100002'] });
  const form = rowsOf(fake, '情况报表-H0100001');
  expect(form[0][0]).toBe('困难职工情况报表');
  expect(form[2].slice(0, 6)).toEqual(['姓名', '王秀英', '性别', '女', '年龄', 53]);
  expect(form[6].slice(0, 2)).toEqual(['家庭贫困原因', '因病']);
  // Printing reads the cases; it changes none and logs nothing.
  expect(cases.getDataRange().getValues()).toEqual(casesBefore);
  expect(records(fake, '操作日志')).toHaveLength(logBefore);
});

test('一日捐汇总: per capita, participation against members or workers by unit type, and the 4 % / 96 % split of 市区内 money only', () => {
  const { fake } = countyBooks();
  as(fake, 'city');
  const donations = sheet(fake, '捐款');
  const header = donations.getRange(1, 1, 1, donations.getLastColumn()).getValues()[0].map(String);
  expect(header.slice(0, 8)).toEqual(['单位', '县区代码', '单位类型', '市区内', '会员数', '职工数', '捐款人数', '捐款金额（元）']);
  donations.getRange(2, 1, 4, 8).setValues([
    ['京山县轻机厂工会', 'H01', '直属基层工会', '否', 180, 200, 160, 5760],
    ['京山县教育工会', 'H01', '县区/产业工会', '否', 1000, 1500, 270, 9720.5],
    ['市直机械工会', 'H08', '直属基层工会', '是', 100, 100, 79, 3000],
    ['钟祥市总工会', 'H03', '达标县级工会', '否', 2000, 4000, 1400, 50400],
  ]);
  expect(runDonationRollup().ok).toBe(true);
  const out = rowsOf(fake, '一日捐汇总');
  const line = (code: string) => out.find((r) => r[0] === code)!;
  // 京山: 5760 + 9720.5 = 15480.5 from 430 donors (36.00 per head); a county's own collection is not split by the city.
  expect(line('H01').slice(2, 14)).toEqual([1180, 1700, 430, 0.3644, 0.2529, 15480.5, 36, 0, 0, 0, 15480.5, 0]);
  // 市直: 79 of 100 workers in a directly affiliated union is below 80 %; its money goes to the city, 4 % on to the province.
  expect(line('H08').slice(2, 14)).toEqual([100, 100, 79, 0.79, 0.79, 3000, 37.97, 3000, 120, 2880, 0, 1]);
  // Every county of 设置 has a row, with zeros when it sent nothing.
  expect(line('H05').slice(2, 5)).toEqual([0, 0, 0]);
  const total = line('合计');
  expect(total[7]).toBe(68880.5);
  expect((total[10] as number) + (total[11] as number)).toBe(total[9]);
  const flagged = out.filter((r) => r[0] === '市直机械工会');
  expect(flagged[0][2]).toBe('捐款人数占职工总数 79%，低于 80%');
  // Exactly 27 % of members (270 of 1000) passes, as does exactly 35 % of workers (1400 of 4000).
  expect(out.some((r) => r[0] === '京山县教育工会' && String(r[2]).includes('低于'))).toBe(false);
  expect(out.some((r) => r[0] === '钟祥市总工会' && String(r[2]).includes('低于'))).toBe(false);
  const posting = rowsOf(fake, '一日捐公示');
  expect(posting.map((r) => r[0])).toContain('市直机械工会：捐款 79 人，共 3000.00 元，人均 37.97 元');
});
