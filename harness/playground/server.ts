/**
 * The local playground: the real dist/Code.js in a vm over the in-memory Apps Script
 * services, a workbook file on disk, and a page that shows the grid, the 帮扶 menu and the
 * real sidebars. No Google account, no network.
 *
 * Routes:
 *   GET  /                  the page
 *   GET  /api/state?sheet=  sheet names, one sheet's cells (formulas computed), menus, toasts, users
 *   POST /api/run/<name>    { args, user } → calls the entry point <name> of Code.js as `user`
 *   POST /api/edit          { sheet, row, col, value } → writes the cell and fires onEdit, as Sheets does
 *   POST /api/user          { user } → the acting user for menu calls
 *   GET  /sidebar/<page>    dist/<page>.html with google.script.run wired to /api/run
 * Only entry points of kind endpoint, menu or custom can be called (Apps Script likewise
 * refuses anything that is not a top-level function). Every handler answers JSON; nothing
 * a page sends can crash the server.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createFakeGas, type FakeGas } from '../gas';
import { loadBundle, ROOT, type BundleContext } from '../loadBundle';
import { showFormula, type EvalEnv } from '../formula';
import { loadWorkbook, saveWorkbook } from '../xlsx';
import type { FakeSheet } from '../gas/spreadsheet';
import { ENTRY_POINTS } from '../../src/server/entrypoints';
import { PAGE_HTML, SHIM } from './page';
import { createDemo, DEMO_USERS } from './demo';

export interface PlaygroundOptions {
  port?: number;
  host?: string;
  workbook: string;
  user?: string;
  log?: (line: string) => void;
  /** Cases in a new demo workbook (default 200). */
  demoCases?: number;
}

export interface Playground {
  url: string;
  port: number;
  fake: FakeGas;
  ctx: BundleContext;
  save(): Promise<void>;
  close(): Promise<void>;
}

const CALLABLE = new Set(ENTRY_POINTS.filter((e) => e.kind === 'endpoint' || e.kind === 'menu' || e.kind === 'custom' || e.kind === 'trigger').map((e) => e.name));
const TRIGGERS = new Set(ENTRY_POINTS.filter((e) => e.kind === 'trigger').map((e) => e.name));
const pad = (n: number) => String(n).padStart(2, '0');

function display(v: unknown): string {
  if (v === '' || v === null || v === undefined) return '';
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const d = v as Date;
    const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    return d.getHours() || d.getMinutes() ? `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}` : date;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (Array.isArray(v)) return display((v as unknown[][])[0]?.[0]);
  return String(v);
}

export async function startPlayground(opts: PlaygroundOptions): Promise<Playground> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const fake = createFakeGas({ htmlDir: join(ROOT, 'dist'), user: opts.user ?? DEMO_USERS[0].email });
  const ctx = loadBundle(fake);
  const functions = new Proxy({}, { get: (_t, name) => (typeof name === 'string' && CALLABLE.has(name) ? ctx[name] : undefined) }) as EvalEnv['functions'];
  const env = (sheet: string): EvalEnv => ({ spreadsheet: fake.spreadsheet, sheet, functions, today: () => new Date() });
  fake.evaluate = (formula, at) => showFormula(formula, env(at.sheet)).value;
  let user = (opts.user ?? DEMO_USERS[0].email).toLowerCase();
  const call = (name: string, args: unknown[], as = user): unknown => {
    fake.setUser(as);
    return (ctx[name] as (...a: unknown[]) => unknown)(...args);
  };

  mkdirSync(dirname(opts.workbook), { recursive: true });
  if (existsSync(opts.workbook)) {
    await loadWorkbook(fake.spreadsheet, opts.workbook);
    // Validation and protections are not in the file: the real setup puts them back.
    call('setupSpreadsheet', [], fake.owner);
    log(`已打开工作簿 ${opts.workbook}`);
  } else {
    log('首次启动：用真实的初始化代码创建演示工作簿（三个县区、约 200 件案件）…');
    createDemo(ctx, fake, opts.demoCases ?? 200);
  }
  fake.toasts.length = 0;
  const casesSheet = fake.spreadsheet._sheetByName('案件');
  if (casesSheet) fake.spreadsheet.setActiveSheet(casesSheet);
  call('onOpen', [{ authMode: 'LIMITED' }]);

  const evaluateForSave = (sheet: FakeSheet, formula: string) => showFormula(formula, env(sheet._name)).value;
  let saving: Promise<void> = Promise.resolve();
  let dirty = false;
  const save = () => {
    dirty = false;
    saving = saving.then(() => saveWorkbook(fake.spreadsheet, opts.workbook, evaluateForSave)).catch((e) => log(`保存失败：${String(e)}`));
    return saving;
  };
  if (!existsSync(opts.workbook)) await save();
  let timer: NodeJS.Timeout | null = null;
  const saveSoon = () => {
    dirty = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void save(), 300);
  };

  const users = (): { email: string; role: string; name: string }[] => {
    const s = fake.spreadsheet._sheetByName('人员权限');
    if (!s) return DEMO_USERS;
    const listed = s._values.slice(1).filter((r) => r && r[0]).map((r) => ({ email: String(r[0]), role: String(r[1] ?? ''), name: String(r[3] ?? '') }));
    // Someone not in 人员权限, to see what the server refuses.
    return [...listed, { email: 'visitor@example.com', role: '未授权', name: '访客' }];
  };
  // Scheduled jobs, runnable from the page as the trigger would run them.
  const TRIGGER_MENU = {
    title: '定时任务（演示）',
    items: ENTRY_POINTS.filter((e) => e.kind === 'trigger').map((e) => ({ label: `立即运行：${e.zh.split('：')[0].split('（')[0].replace(/。$/, '')}`, fn: e.name })),
  };

  const sheetState = (name: string) => {
    const s = fake.spreadsheet._sheetByName(name) ?? fake.spreadsheet._sheets[fake.spreadsheet._active] ?? fake.spreadsheet._sheets[0];
    const rows = Math.min(s._lastRow(), 2000);
    const cols = s._lastColumn();
    const cells: { d: string; v: string; f?: string; e?: string; n?: string }[][] = [];
    const spill = new Map<string, unknown>();
    for (let r = 1; r <= rows; r++) {
      const line: (typeof cells)[number] = [];
      for (let c = 1; c <= cols; c++) {
        const f = s._formulas.get(r * 20_000 + c);
        const note = s._notes.get(r * 20_000 + c);
        let cell: (typeof cells)[number][number];
        if (f !== undefined) {
          const out = showFormula(f, env(s._name));
          if (Array.isArray(out.value)) {
            // An array result spills down and right into empty cells, as in Sheets.
            (out.value as unknown[][]).forEach((row, i) => row.forEach((v, j) => { if (i || j) spill.set(`${r + i}:${c + j}`, v); }));
          }
          cell = { d: display(out.value), v: display(out.value), f, ...(out.error ? { e: out.error } : {}) };
        } else {
          const raw = s._values[r - 1]?.[c - 1];
          const v = (raw === '' || raw === undefined) && spill.has(`${r}:${c}`) ? spill.get(`${r}:${c}`) : raw;
          cell = { d: display(v), v: display(raw) };
          if (typeof v === 'string' && v.startsWith('错误：')) cell.e = v;
        }
        if (note) cell.n = note;
        line.push(cell);
      }
      cells.push(line);
    }
    // Charts made with the chart builder: their title, type and the data of their first range.
    const charts = s._charts.map((c) => ({
      title: String(c._spec.options.title ?? ''), type: c._spec.type,
      data: c._spec.ranges[0] ? c._spec.ranges[0]._read().map((r) => r.map(display)) : [],
    }));
    return { name: s._name, rows, cols, frozenRows: s._frozenRows, cells, hidden: [...s._hiddenColumns], charts };
  };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const body = (req: IncomingMessage): Promise<Record<string, unknown>> => new Promise((resolve) => {
    let text = '';
    req.on('data', (c) => { text += c; if (text.length > 5e6) req.destroy(); });
    req.on('end', () => {
      try {
        const v = JSON.parse(text || '{}');
        resolve(v && typeof v === 'object' && !Array.isArray(v) ? v : {});
      } catch {
        resolve({ __bad: true });
      }
    });
  });

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'GET' && url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(PAGE_HTML);
      }
      if (req.method === 'GET' && url.pathname === '/api/state') {
        return json(res, 200, {
          sheetNames: fake.spreadsheet._sheets.map((s) => s._name), sheet: sheetState(url.searchParams.get('sheet') ?? ''),
          menus: [...fake.ui.menus, TRIGGER_MENU], toasts: fake.toasts, users: users(), user,
        });
      }
      const side = /^\/sidebar\/([a-z]+)$/.exec(url.pathname);
      if (req.method === 'GET' && side) {
        const file = join(ROOT, 'dist', `${side[1]}.html`);
        if (!existsSync(file)) return json(res, 404, { ok: false, error: `没有侧边栏 ${side[1]}` });
        const html = readFileSync(file, 'utf8');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(html.includes('<head>') ? html.replace('<head>', `<head>${SHIM}`) : SHIM + html);
      }
      if (req.method !== 'POST') return json(res, 404, { ok: false, error: '没有这个地址' });
      const b = await body(req);
      if (b.__bad) return json(res, 400, { ok: false, error: '请求不是有效的 JSON' });
      if (url.pathname === '/api/user') {
        if (typeof b.user === 'string' && b.user.includes('@')) user = b.user.toLowerCase();
        return json(res, 200, { ok: true, user });
      }
      const run = /^\/api\/run\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(url.pathname);
      if (run) {
        const name = run[1];
        if (!CALLABLE.has(name) || typeof ctx[name] !== 'function') return json(res, 404, { ok: false, error: `找不到脚本函数：${name}` });
        const args = Array.isArray(b.args) ? b.args : [];
        const as = typeof b.user === 'string' && b.user.includes('@') ? b.user.toLowerCase() : user;
        const sidebars = fake.ui.sidebars.length;
        const dialogs = fake.ui.dialogs.length;
        try {
          // A scheduled job runs as its trigger would: as the owner who installed it, with no UI.
          const value = TRIGGERS.has(name) ? fake.runTrigger(() => (ctx[name] as (...a: unknown[]) => unknown)(...args)) : call(name, args, as);
          saveSoon();
          const opened = fake.ui.sidebars.length > sidebars ? fake.ui.sidebars[fake.ui.sidebars.length - 1] : null;
          const dialog = fake.ui.dialogs.length > dialogs ? fake.ui.dialogs[fake.ui.dialogs.length - 1] : null;
          return json(res, 200, {
            ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)),
            ...(opened ? { sidebar: { file: opened.file, title: opened.title } } : {}),
            ...(dialog ? { dialog: { title: dialog.title, text: dialog.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() } } : {}),
          });
        } catch (e) {
          return json(res, 200, { ok: false, error: e instanceof Error ? e.message : String(e) });
        }
      }
      if (url.pathname === '/api/edit') {
        const sheet = fake.spreadsheet._sheetByName(String(b.sheet ?? ''));
        const row = Number(b.row);
        const col = Number(b.col);
        if (!sheet || !Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1) return json(res, 400, { ok: false, error: '单元格地址无效' });
        try {
          fake.setUser(user);
          const range = sheet.getRange(row, col);
          const oldValue = range.getValue();
          range.setValue(b.value ?? '');
          (ctx.onEdit as (e: unknown) => void)({ range, value: b.value, oldValue, source: fake.spreadsheet, user: { getEmail: () => user } });
          saveSoon();
          return json(res, 200, { ok: true });
        } catch (e) {
          return json(res, 200, { ok: false, error: e instanceof Error ? e.message : String(e) });
        }
      }
      return json(res, 404, { ok: false, error: '没有这个地址' });
    } catch (e) {
      return json(res, 500, { ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 8787, opts.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://${opts.host ?? '127.0.0.1'}:${port}`;
  return {
    url, port, fake, ctx,
    save: async () => { if (timer) clearTimeout(timer); await save(); },
    close: async () => {
      if (timer) clearTimeout(timer);
      if (dirty) await save();
      await saving;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
