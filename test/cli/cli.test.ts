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
  const path = await write('好的.xlsx', { 案件: [HEADER, ['王秀英', makeId('420821', '1972-03-15', 12, '女'), '京山县轻机厂', 24000, 3, '因病', '13872345678']] });
  const r = await run('check', path);
  expect(r.stdout.trim()).toBe('共检查 1 行，全部通过');
  expect(r.code).toBe(0);
});

test('check: errors are reported in zh by row and field, with exit code 1', async () => {
  const good = makeId('420822', '1980-11-02', 33, '男');
  const path = await write('有错.xlsx', { 案件: [
    HEADER,
    ['李明', good, '沙洋县化工厂', 18000, 4, '因病', '13907241234'],
    ['赵芳', good.slice(0, 17) + (good[17] === '1' ? '2' : '1'), '沙洋县棉纺厂', 12000, 2, '因意外', '1390724'],
    ['', makeId('420881', '1990-04-18', 2, '女'), '', 9000, '三', '', ''],
  ] });
  const r = await run('check', path);
  expect(r.code).toBe(1);
  const lines = r.stdout.trim().split('\n');
  expect(lines).toEqual(expect.arrayContaining([
    '第 3 行 “身份证号”校验码错误',
    expect.stringMatching(/^第 3 行 “联系电话”/),
    '第 4 行 “姓名”为必填项',
    '第 4 行 “工作单位”为必填项',
    expect.stringMatching(/^第 4 行 “家庭人口”/),
  ]));
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

test('check: the form definitions come from --forms, else from the workbook\'s own 表单定义 sheet', async () => {
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

test('rollup: two county files and a broken one give the add-on\'s forms in one Excel file', async () => {
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
  const names = wb.getWorksheet('实名制汇总表')!.getColumn(2).values.filter((v) => typeof v === 'string');
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
