/**
 * The playground as a new user meets it: first start builds the demo workbook through the
 * real setup and saveCase, the page and the endpoints answer over HTTP, formulas show what
 * the bundle computes, garbage gets a JSON error, and a restart finds the work on disk.
 * (npm test builds dist/ before jest runs.)
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import fc from 'fast-check';
import { startPlayground, type Playground } from '../../harness/playground/server';

const dir = mkdtempSync(join(tmpdir(), 'bangfu-pg-'));
const workbook = join(dir, 'demo.xlsx');
let pg: Playground;
const quiet = () => {};

afterAll(async () => {
  await pg?.close();
});

const post = async (path: string, body: unknown) =>
  (await fetch(pg.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
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
  const statuses = new Set(s.sheet.cells.slice(1, s.sheet.rows).map((r: { d: string }[]) => r[2].d));
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
  expect(byFormula.get('=RELIEF("medical", 50000, DATE(2026,1,15), 救助标准!A:M)')).toBe('3000');
  // =RELIEF("medical", E2:E6) in F2 spills down, one result per amount (3,000 under the 5,000
  // threshold; 12,000 at 10 %; blank; 48,000 at 8 %; 150,000 the fixed 8,000).
  const spill = s.sheet.cells.slice(1, 6).map((r: { d: string; f?: string; s?: true }[]) => [r[5].d, r[5].f ?? (r[5].s ? 'spilled' : '')]);
  expect(spill).toEqual([
    ['0', '=RELIEF("medical", E2:E6)'],
    ['1200', 'spilled'],
    ['', 'spilled'],
    ['3840', 'spilled'],
    ['8000', 'spilled'],
  ]);
  // A formula typed into a cell through the page: an unknown scheme is #ERROR! with the message.
  expect(await post('/api/edit', { sheet: '演示公式', row: 20, col: 3, value: '=RELIEF("dental", 100)' })).toEqual({ ok: true, toasts: [], alerts: [] });
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
  expect(await post('/api/run/constructor', {})).toEqual({ ok: false, error: expect.stringContaining('找不到脚本函数：constructor'), toasts: [], alerts: [] });
  expect(await post('/api/run/setupSpreadsheet_', {})).toMatchObject({ ok: false });
  // A menu handler the server does not have (yet) is a clear error, not a crash.
  expect((await post('/api/run/runNoSuchReport', {})).error).toContain('runNoSuchReport');
  const garbage = await fetch(`${pg.url}/api/run/saveCase`, { method: 'POST', body: '{not json' });
  expect(garbage.status).toBe(400);
  expect(await garbage.json()).toEqual({ ok: false, error: '请求不是有效的 JSON' });
  expect(await post('/api/run/saveCase', [1, 2])).toEqual({ ok: false, error: '请求应为 JSON 对象' });
  expect(await post('/api/edit', { sheet: '案件', row: 'x', col: -1 })).toEqual({ ok: false, error: '单元格地址无效' });
  expect(await post('/api/edit', { sheet: '不存在', row: 1, col: 1 })).toMatchObject({ ok: false });
  expect(await (await fetch(`${pg.url}/nothing`)).json()).toMatchObject({ ok: false });
  expect((await fetch(`${pg.url}/api/state`, { method: 'DELETE' })).status).toBe(405);
  // Raw UTF-8 in the request line is refused by node's parser: still a JSON answer.
  const raw = await new Promise<string>((resolve) => {
    const socket = connect(pg.port, '127.0.0.1', () => socket.end('GET /api/state?sheet=演示公式 HTTP/1.1\r\nHost: x\r\n\r\n'));
    let text = '';
    socket.on('data', (d) => {
      text += d.toString();
    });
    socket.on('close', () => resolve(text));
  });
  expect(raw).toMatch(/^HTTP\/1\.1 400/);
  expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({ ok: false, error: '请求格式无效' });
  // Apps Script hands the page null when a server value holds a Date; so does the playground.
  expect(await post('/api/run/WORKDAY_CN', { args: ['2025-09-30', 3] })).toEqual({ ok: true, value: null, toasts: [], alerts: [] });
  expect(await post('/api/run/WORKER_NO', { args: ['H02', 7] })).toEqual({ ok: true, value: 'H0200007', toasts: [], alerts: [] });
  const bad = await post('/api/run/saveCase', {
    args: [{ requestId: 'pg-1', values: { name: '=HYPERLINK("x")', id_number: '123' } }],
    user: 'zhangmin@jszgh.cn',
  });
  expect(bad.value.ok).toBe(false);
  expect(bad.value.errors.map((e: { field: string }) => e.field)).toContain('id_number');
  expect((await post('/api/run/saveCase', { args: [null], user: 'zhangmin@jszgh.cn' })).value).toMatchObject({ ok: false });
  const sidebar = await (await fetch(`${pg.url}/sidebar/intake`)).text();
  // The shim runs before the sidebar's own script.
  expect(sidebar.indexOf('/api/run/')).toBeGreaterThan(0);
  expect(sidebar.indexOf('/api/run/')).toBeLessThan(sidebar.lastIndexOf('<script'));
});

test('whatever a client posts, the answer is JSON and the server keeps serving', async () => {
  const paths = fc.constantFrom('/api/run/saveCase', '/api/run/reviewAction', '/api/run/searchCases', '/api/edit', '/api/user', '/api/run/x', '/');
  const bodies = fc.oneof(
    fc.string(),
    fc.json(),
    fc.jsonValue().map((v) => JSON.stringify({ args: [v], user: 'zhangmin@jszgh.cn' })),
  );
  await fc.assert(
    fc.asyncProperty(paths, bodies, async (path, body) => {
      const res = await fetch(pg.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const answer = await res.json();
      expect(typeof answer.ok).toBe('boolean');
    }),
    { numRuns: 60 },
  );
  expect((await state('案件')).sheetNames).toContain('案件');
});

test('typing into the grid writes through the fake and fires onEdit, as Sheets does; only the owner may type into 案件', async () => {
  const before = await state('案件');
  const header = before.sheet.cells[0].map((c: { d: string }) => c.d);
  const idCol = header.indexOf('身份证号') + 1;
  const good = before.sheet.cells[2][idCol - 1].d;
  const wrong = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
  // An administrator is refused by the protection, as Sheets refuses them; the owner's hand edit goes in.
  expect(await post('/api/edit', { sheet: '案件', row: 3, col: idCol, value: wrong, user: 'admin@jmszgh.cn' })).toMatchObject({
    ok: false,
    error: expect.stringContaining('protected'),
  });
  expect(await post('/api/edit', { sheet: '案件', row: 3, col: idCol, value: wrong, user: 'owner@jmszgh.cn' })).toEqual({ ok: true, toasts: [], alerts: [] });
  const after = await state('案件');
  const cell = after.sheet.cells[2][idCol - 1];
  expect(cell.d).toBe(wrong); // kept as typed: text, not a number
  expect(cell.n).toContain('校验码'); // onEdit's note on the bad value
  expect(after.sheet.cells[2].some((c: { d: string }) => c.d === 'owner@jmszgh.cn')).toBe(true); // who changed it
  await post('/api/edit', { sheet: '案件', row: 3, col: idCol, value: good, user: 'owner@jmszgh.cn' });
  expect((await state('案件')).sheet.cells[2][idCol - 1].n).toBeUndefined();
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

test('npm start: scripts/start.ts prints the URL, serves the page, and saves on Ctrl+C', async () => {
  await pg.save();
  const copy = join(dir, 'copy.xlsx');
  copyFileSync(workbook, copy);
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--port', '0', '--workbook', copy, '--user', 'lina@jszgh.cn'], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, TZ: 'Asia/Shanghai' },
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
        if (m) resolve(m[0]);
      });
      child.on('exit', (code) => reject(new Error(`start.ts exited ${code}: ${out}`)));
    });
    expect(await (await fetch(url)).text()).toContain('<title>帮扶 Bangfu');
    const s = await (await fetch(`${url}/api/state?sheet=案件`)).json();
    expect(s.user).toBe('lina@jszgh.cn');
    await (await fetch(`${url}/api/run/runRollup`, { method: 'POST', body: JSON.stringify({ user: 'chenjing@jmszgh.cn' }) })).json();
    const before = statSync(copy).mtimeMs;
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(statSync(copy).mtimeMs).toBeGreaterThan(before);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
