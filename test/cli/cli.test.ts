/**
 * `npx bangfu check` and `npx bangfu rollup` as a union clerk runs them on Excel files
 * received from counties: real child processes, real .xlsx files.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { makeId } from '../helpers/idNumbers';
import { JINGSHAN, SHAYANG, ZHONGXIANG, rowsOf } from '../rollup/fixtures';
import { defaultFormRows } from '../../src/defaults/forms';
import { defaultSettingsRows } from '../../src/defaults/sheetRows';

jest.setTimeout(60_000);
const dir = mkdtempSync(join(tmpdir(), 'bangfu-cli-'));
const BIN = join(__dirname, '..', '..', 'bin', 'bangfu.mjs');

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, TZ: 'Asia/Shanghai' } }, (e, stdout, stderr) => {
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, stdout, stderr });
    });
  });
}

async function write(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheet);
    for (const r of rows) ws.addRow(r.map((v) => (v === '' ? null : v)));
  }
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

const HEADER = ['姓名', '身份证号', '工作单位', '家庭年收入', '家庭人口', '致困原因', '联系电话'];

test('check: a clean workbook passes with exit code 0', async () => {
  const path = await write('好的.xlsx', {
    案件: [HEADER, ['王秀英', makeId('420821', '1972-03-15', 12, '女'), '京山县轻机厂', 24000, 3, '因病', '13872345678']],
  });
  const r = await run('check', path);
  expect(r.stdout.trim()).toBe('共检查 1 行，全部通过');
  expect(r.code).toBe(0);
});

test('check: errors are reported in zh by row and field, with exit code 1', async () => {
  const good = makeId('420822', '1980-11-02', 33, '男');
  const path = await write('有错.xlsx', {
    案件: [
      HEADER,
      ['李明', good, '沙洋县化工厂', 18000, 4, '因病', '13907241234'],
      ['赵芳', good.slice(0, 17) + (good[17] === '1' ? '2' : '1'), '沙洋县棉纺厂', 12000, 2, '因意外', '1390724'],
      ['', makeId('420881', '1990-04-18', 2, '女'), '', 9000, '三', '', ''],
    ],
  });
  const r = await run('check', path);
  expect(r.code).toBe(1);
  const lines = r.stdout.trim().split('\n');
  expect(lines).toEqual(
    expect.arrayContaining([
      '第 3 行 “身份证号”校验码错误',
      expect.stringMatching(/^第 3 行 “联系电话”/),
      '第 4 行 “姓名”为必填项',
      '第 4 行 “工作单位”为必填项',
      expect.stringMatching(/^第 4 行 “家庭人口”/),
    ]),
  );
  expect(lines.some((l) => l.startsWith('第 2 行'))).toBe(false);
  expect(lines[lines.length - 1]).toMatch(/^共检查 3 行，2 行有 \d+ 处错误$/);
});

/** The default 表单定义 with 联系电话 made required, as an administrator would change it. */
function formsWithPhoneRequired(): unknown[][] {
  const rows = defaultFormRows().map((r) => [...r]);
  const [header] = rows;
  const phone = rows.find((r) => r[header.indexOf('字段键')] === 'phone')!;
  phone[header.indexOf('必填')] = '是';
  return rows;
}

test("check: the form definitions come from --forms, else from the workbook's own 表单定义 sheet", async () => {
  const noPhone = [HEADER, ['孙丽', makeId('420881', '1975-06-30', 41, '女'), '钟祥市纺织厂', 20000, 2, '因病', '']];
  const plain = await write('无电话.xlsx', { 案件: noPhone });
  expect((await run('check', plain)).code).toBe(0);

  const forms = await write('表单定义.xlsx', { 表单定义: formsWithPhoneRequired() });
  const withForms = await run('check', plain, '--forms', forms);
  expect(withForms.stdout).toContain('第 2 行 “联系电话”为必填项');
  expect(withForms.code).toBe(1);

  const ownForms = await write('自带定义.xlsx', { 案件: noPhone, 表单定义: formsWithPhoneRequired() });
  expect((await run('check', ownForms)).stdout).toContain('第 2 行 “联系电话”为必填项');
  // --forms wins over the workbook's own.
  const defaults = await write('默认定义.xlsx', { 表单定义: defaultFormRows() });
  expect((await run('check', ownForms, '--forms', defaults)).code).toBe(0);
});

test('check: a broken 表单定义 or a missing file is a zh error with exit code 1', async () => {
  const rows = formsWithPhoneRequired();
  rows[1][rows[0].indexOf('类型')] = '颜色';
  const broken = await write('坏定义.xlsx', { 案件: [HEADER], 表单定义: rows });
  const r = await run('check', broken);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^错误：“表单定义”表有误：第 2 行/);
  const missing = await run('check', join(dir, '没有这个文件.xlsx'));
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('找不到文件');
});

test("rollup: two county files and a broken one give the add-on's forms in one Excel file", async () => {
  const a = await write('京山.xlsx', { 案件: rowsOf(JINGSHAN) });
  const b = await write('沙洋钟祥.xlsx', { 案件: rowsOf([...SHAYANG, ...ZHONGXIANG]) });
  const broken = join(dir, '不存在.xlsx');
  const out = join(dir, '汇总.xlsx');
  const r = await run('rollup', a, b, broken, '-o', out, '--city', '--unit', '荆门市总工会');
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('读取 1/3：京山.xlsx');
  expect(r.stderr).toContain('不存在.xlsx 无法读取');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '送温暖工程统计表', '困难职工帮扶中心统计表', '实名制汇总表', '公示名单', '统计图表']);
  const summary = wb.getWorksheet('汇总')!;
  const total = summary.getRows(1, summary.rowCount)!.find((row) => row.getCell(1).value === '合计')!;
  expect(summary.getCell('A1').value).toBe(`${new Date().getFullYear()}年困难职工帮扶汇总`);
  const header = summary.getRow(3).values as unknown[];
  const col = (h: string) => header.indexOf(h);
  // The same hand-counted numbers as the add-on's roll-up (test/rollup/rollup.test.ts).
  expect([total.getCell(col('案件数')).value, total.getCell(col('家庭人口（人）')).value, total.getCell(col('已发放金额（元）')).value]).toEqual([6, 17, 8150]);
  const warmth = wb.getWorksheet('送温暖工程统计表')!;
  const w6a = warmth.getRows(1, warmth.rowCount)!.find((row) => row.getCell(6).value === 'w6a')!;
  expect(w6a.getCell(3).value).toBe(0.815);
  const names = wb
    .getWorksheet('实名制汇总表')!
    .getColumn(2)
    .values.filter((v) => typeof v === 'string');
  expect(names).toEqual(expect.arrayContaining(['王秀英', '孙丽', '陈静']));
});

test('rollup without options reads every file given, the first one too', async () => {
  const a = await write('甲.xlsx', { 案件: rowsOf(JINGSHAN) });
  const b = await write('乙.xlsx', { 案件: rowsOf(SHAYANG) });
  const r = await run('rollup', a, b, '-o', join(dir, '汇总2.xlsx'));
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('读取 1/2：甲.xlsx');
  expect(r.stderr).toContain('（5 件');
});

test('no arguments or unknown options print the usage with exit code 2; --help with 0', async () => {
  const r = await run();
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('用法');
  const unknown = await run('check', 'a.xlsx', '--colour');
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('--colour');
  expect((await run('rollup', 'a.xlsx')).code).toBe(2); // no -o
  const help = await run('--help');
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('bangfu rollup');
});

test('rollup --settings: only the counties of that 设置 count; a row of another county, a bad date or a number reused in another file is reported by file and row', async () => {
  // The 设置 sheet as setup writes it, for a city whose roll-up covers 京山 and 沙洋 only.
  const settings = await write('设置.xlsx', {
    设置: defaultSettingsRows([
      { code: 'H01', name: '京山' },
      { code: 'H02', name: '沙洋' },
    ]),
  });
  const jingshan = rowsOf([...JINGSHAN, { ...JINGSHAN[0], 职工编号: 'H0100009', 提交日期: '2026-02-30' }]);
  // 沙洋's clerk pasted 京山's 王秀英 under her own number, and a 钟祥 case that belongs to no configured county.
  const shayang = rowsOf([...SHAYANG, { ...SHAYANG[0], 职工编号: 'H0100001', 县区代码: 'H01' }, ...ZHONGXIANG]);
  const a = await write('京山.xlsx', { 案件: jingshan });
  const b = await write('沙洋.xlsx', { 案件: shayang });
  const r = await run('rollup', a, b, '-o', join(dir, '汇总3.xlsx'), '--settings', settings);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('问题：京山第6行“提交日期”：“2026-02-30”不是有效日期，未计入');
  expect(r.stderr).toContain('问题：沙洋第4行“职工编号”：H0100001 已在京山第2行用于另一身份证号的职工，未计入');
  expect(r.stderr).toMatch(/问题：沙洋第5行“县区代码”：“H03”不是“设置”中的县区/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, '汇总3.xlsx'));
  const summary = wb.getWorksheet('汇总')!;
  const codes = summary.getColumn(1).values.filter((v) => typeof v === 'string' && /^H\d\d$/.test(v));
  expect(codes).toEqual(['H01', 'H02']);
  const total = summary.getRows(1, summary.rowCount)!.find((row) => row.getCell(1).value === '合计')!;
  const headerRow = summary.getRows(1, summary.rowCount)!.find((row) => (row.values as unknown[]).includes('案件数'))!;
  expect(total.getCell((headerRow.values as unknown[]).indexOf('案件数')).value).toBe(5);
});

test('rollup --donations adds the 一日捐 roll-up and posting from the same rules as the add-on', async () => {
  const header = ['单位', '县区代码', '单位类型', '市区内', '会员数', '职工数', '捐款人数', '捐款金额（元）'];
  const donations = await write('一日捐.xlsx', {
    捐款: [header, ['京山县轻机厂工会', 'H01', '直属基层工会', '否', 180, 200, 2, 100], ['市直机械工会', 'H08', '直属基层工会', '是', 100, 100, 79, 3000]],
    捐款名册: [
      ['单位', '县区代码', '姓名', '捐款金额（元）', '捐款日期'],
      ['京山县轻机厂工会', 'H01', '王秀英', 50, '2026-11-25'],
      ['京山县轻机厂工会', 'H01', '李明', 50, '2026-11-25'],
    ],
  });
  const a = await write('京山4.xlsx', { 案件: rowsOf(JINGSHAN) });
  const out = join(dir, '汇总4.xlsx');
  const r = await run('rollup', a, '-o', out, '--donations', donations);
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const sum = wb.getWorksheet('一日捐汇总')!;
  const rows = sum.getSheetValues().filter(Array.isArray) as unknown[][];
  const h08 = rows.find((row) => row[1] === 'H08')!;
  // 3000 from a 市区内 union: all to the city, 120 on to the province, 2880 kept.
  expect(h08.slice(8, 15)).toEqual([3000, 37.97, 3000, 120, 2880, 0, 1]);
  const posting = wb.getWorksheet('一日捐公示')!.getColumn(2).values;
  expect(posting).toEqual(expect.arrayContaining(['王*英', '李*']));
});

test('rollup --period and --campaign: a county file with its 发放记录 counts the payments of the chosen periods only', async () => {
  const ledgerHeader = ['职工编号', '发放日期', '救助项目', '帮扶类别', '发放金额（元）', '发放形式', '所属期间', '经办人', '审批依据', '先行救助', '备注'];
  const file = await write('京山5.xlsx', {
    案件: rowsOf(JINGSHAN),
    发放记录: [
      ledgerHeader,
      ['H0100001', new Date(Date.UTC(2025, 5, 1)), '特困职工医疗救助', '医疗救助', 1600, '卡', '', '', '', '否', ''],
      ['H0100001', new Date(Date.UTC(2026, 0, 20)), '生活救助', '生活救助', 550, '券', '2026年元旦春节送温暖', '', '', '否', ''],
      ['H0100003', new Date(Date.UTC(2026, 1, 2)), '重大意外事故', '生活救助', 3000, '现金', '', '', '', '否', ''],
    ],
  });
  const settings = await write('设置活动.xlsx', {
    设置: defaultSettingsRows([{ code: 'H01', name: '京山' }]),
    活动: [
      ['活动名称', '类型', '开始日期', '结束日期', '动员日期', '截止日期', '截止事项', '说明'],
      ['2026年元旦春节送温暖', '送温暖', '2025-12-22', '2026-02-17', '', '2026-01-12', '', ''],
    ],
  });
  const out = join(dir, '汇总5.xlsx');
  const r = await run('rollup', file, '-o', out, '--settings', settings, '--period', '2025', '--campaign', '2026年元旦春节送温暖', '--city');
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const item = (sheet: string, key: string) =>
    wb
      .getWorksheet(sheet)!
      .getRows(1, wb.getWorksheet(sheet)!.rowCount)!
      .find((row) => row.getCell(6).value === key)!
      .getCell(3).value;
  // 2025: the one payment of June 2025. The campaign: the 550 that names it (the 3000 on 2 Feb names none but falls inside the campaign's days).
  expect(item('困难职工帮扶中心统计表', 'c8a2')).toBe(0.16);
  expect(item('送温暖工程统计表', 'w6a')).toBe(0.355);
  const top = JSON.stringify(wb.getWorksheet('送温暖工程统计表')!.getSheetValues().slice(0, 5));
  expect(top).toContain('统计期间：2026年元旦春节送温暖');
  const listed = (wb.getWorksheet('实名制汇总表')!.getSheetValues().filter(Array.isArray) as unknown[][]).filter((row) => typeof row[1] === 'number');
  expect(listed.map((row) => row[2])).toEqual(['王秀英', '赵芳']);
  const unknown = await run('rollup', file, '-o', out, '--campaign', '不存在的活动');
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('“活动”中没有名为“不存在的活动”的活动');
});
