/**
 * The playground as a new user meets it: first start builds the demo workbook through the
 * real setup and saveCase, the page and the endpoints answer over HTTP, formulas show what
 * the bundle computes, garbage gets a JSON error, and a restart finds the work on disk.
 * (npm test builds dist/ before jest runs.)
 */
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlayground, type Playground } from '../../harness/playground/server';

const dir = mkdtempSync(join(tmpdir(), 'bangfu-pg-'));
const workbook = join(dir, 'demo.xlsx');
let pg: Playground;
const quiet = () => {};

afterAll(async () => {
  await pg?.close();
});

const post = async (path: string, body: unknown) => (await fetch(pg.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
const state = async (sheet: string) => (await fetch(`${pg.url}/api/state?sheet=${encodeURIComponent(sheet)}`)).json();

test('first start makes the demo workbook through the real code and serves the page', async () => {
  pg = await startPlayground({ port: 0, workbook, demoCases: 24, log: quiet });
  expect(existsSync(workbook)).toBe(true);
  const html = await (await fetch(pg.url)).text();
  expect(html).toContain('帮扶 Bangfu');
  const s = await state('案件');
  expect(s.sheetNames).toEqual(expect.arrayContaining(['表单定义', '救助标准', '节假日', '人员权限', '案件', '操作日志', '汇总来源', '演示公式']));
  expect(s.sheet.rows).toBe(25);
  expect(s.menus[0].title).toBe('帮扶');
  const statuses = new Set(s.sheet.cells.slice(1).map((r: { d: string }[]) => r[2].d));
  expect(statuses).toEqual(new Set(['已备案', '已审批', '待审批', '公示中', '待审核', '已退回'].filter((x) => statuses.has(x))));
  expect(statuses.size).toBeGreaterThan(3);
});

test('formula cells show what the bundle computes, errors as Sheets shows them', async () => {
  const s = await state('演示公式');
  const byFormula = new Map(s.sheet.cells.slice(1).map((r: { d: string; f?: string }[]) => [r[2].f, r[2].d]));
  expect(byFormula.get('=RELIEF("medical", 20000)')).toBe('1600');
  expect(byFormula.get('=WORKDAY_CN(DATE(2025,9,30), 3)')).toBe('2025-10-11');
  expect(byFormula.get('=WORKER_NO("H01", 1)')).toBe('H0100001');
  expect(byFormula.get('=HARDSHIP(500, 550)')).toBe('低保户');
  // A formula typed into a cell through the page: an unknown scheme is #ERROR! with the message.
  expect(await post('/api/edit', { sheet: '演示公式', row: 20, col: 3, value: '=RELIEF("dental", 100)' })).toEqual({ ok: true });
  const after = await state('演示公式');
  const cell = after.sheet.cells[19][2];
  expect(cell.d).toBe('#ERROR!');
  expect(cell.e).toContain('dental');
});

test('endpoints run the real Code.js as the chosen user; bad requests get JSON errors, never a crash', async () => {
  const form = await post('/api/run/getIntakeForm', { args: [], user: 'zhangmin@jszgh.cn' });
  expect(form.ok).toBe(true);
  expect(form.value.user.role).toBe('staff');
  expect(await post('/api/run/openIntake', { args: [] })).toMatchObject({ ok: true, sidebar: { file: 'intake' } });
  expect(await post('/api/run/constructor', {})).toMatchObject({ ok: false, error: '找不到脚本函数：constructor' });
  const garbage = await (await fetch(`${pg.url}/api/run/saveCase`, { method: 'POST', body: '{not json' })).json();
  expect(garbage).toEqual({ ok: false, error: '请求不是有效的 JSON' });
  const bad = await post('/api/run/saveCase', { args: [{ requestId: 'pg-1', values: { name: '=HYPERLINK("x")', id_number: '123' } }], user: 'zhangmin@jszgh.cn' });
  expect(bad.value.ok).toBe(false);
  expect(bad.value.errors.map((e: { field: string }) => e.field)).toContain('id_number');
  expect((await post('/api/run/saveCase', { args: [null], user: 'zhangmin@jszgh.cn' })).value).toMatchObject({ ok: false });
  const sidebar = await (await fetch(`${pg.url}/sidebar/intake`)).text();
  expect(sidebar).toContain('google = { script: { run');
});

test('work survives a restart: the workbook on disk is loaded again', async () => {
  const rollup = await post('/api/run/runRollup', { args: [], user: 'chenjing@jmszgh.cn' });
  expect(rollup.value).toMatchObject({ ok: true });
  await pg.close();
  pg = await startPlayground({ port: 0, workbook, log: quiet });
  const s = await state('汇总');
  expect(s.sheet.cells.find((r: { d: string }[]) => r[0].d === '合计')[2].d).toBe('24');
  const cases = await state('案件');
  const header = cases.sheet.cells[0].map((c: { d: string }) => c.d);
  const id = cases.sheet.cells[1][header.indexOf('身份证号')].d;
  expect(id).toMatch(/^\d{17}[\dX]$/); // still text, not a rounded number
});
