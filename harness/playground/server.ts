/**
 * The local playground over HTTP (plain node:http): the real dist/Code.js in a vm over the
 * in-memory Apps Script services (session.ts), and a page that shows the grid, the 帮扶
 * menu and the real sidebars. No Google account, no network.
 *
 * Routes:
 *   GET  /                  the page (page/, built with esbuild at start)
 *   GET  /api/state?sheet=  sheet names, one sheet's cells (formulas computed), menus, users (no toasts: each call returns its own)
 *   POST /api/run/<name>    { args, user } → the entry point <name> of Code.js, run as `user`
 *                           (a scheduled job: the writer's daily trigger, with a report of what it did)
 *   POST /api/edit          { sheet, row, col, value, user } → writes the cell and fires onEdit, as Sheets does
 *   POST /api/user          { user } → the acting user for requests that name none
 *   GET  /sidebar/<page>    dist/<page>.html with google.script.run wired to /api/run
 * Every handler answers JSON (the page: HTML); nothing a client sends can crash the server.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FakeGas } from '../gas';
import { ROOT, type BundleContext } from '../loadBundle';
import { Session, ScriptNotFound } from './session';
import { sheetView } from './sheetView';
import { pageAssets, withShim } from './pageAssets';
import type { EditResponse, RunResponse, Shown, StateResponse } from './protocol';
import { clientValue } from './scriptRun';

export interface PlaygroundOptions {
  /** 0 = any free port. Default 8787. */
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

/** Bodies larger than this are refused (a sidebar call is a few KB). */
const MAX_BODY = 5_000_000;

class BadRequest extends Error {}

/** A response without what the call showed (added by shownBy). */
type Bare<T> = T extends unknown ? Omit<T, keyof Shown> : never;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const userOf = (b: Record<string, unknown>) => (typeof b.user === 'string' && b.user.includes('@') ? b.user.toLowerCase() : undefined);

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function html(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > MAX_BODY) reject(new BadRequest('请求过大'));
    });
    req.on('error', reject);
    req.on('end', () => {
      try {
        const v: unknown = JSON.parse(text || '{}');
        if (v && typeof v === 'object' && !Array.isArray(v)) resolve(v as Record<string, unknown>);
        else reject(new BadRequest('请求应为 JSON 对象'));
      } catch {
        reject(new BadRequest('请求不是有效的 JSON'));
      }
    });
  });
}

export async function startPlayground(opts: PlaygroundOptions): Promise<Playground> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const [assets, session] = await Promise.all([pageAssets(), Session.open({ workbook: opts.workbook, user: opts.user, log, demoCases: opts.demoCases })]);
  const { fake } = session;

  const state = (sheetName: string): StateResponse => {
    const ss = fake.spreadsheet;
    const sheet = ss._sheetByName(sheetName) ?? ss._sheets[ss._active] ?? ss._sheets[0];
    return {
      sheetNames: ss._sheets.map((s) => s._name),
      sheet: sheetView(sheet, session.env(sheet._name)),
      menus: [...fake.ui.menus, session.triggerMenu()],
      users: session.users(),
      user: session.user,
    };
  };

  /** The toasts and alerts raised while `fn` ran: the calling tab's, and only its. Calls run one at a time. */
  const shownBy = <T>(fn: () => T): T & Shown => {
    const toasts = fake.toasts.length;
    const alerts = fake.ui.alerts.length;
    const out = fn();
    return { ...out, toasts: fake.toasts.slice(toasts), alerts: fake.ui.alerts.slice(alerts) };
  };

  const run = (name: string, b: Record<string, unknown>): RunResponse => shownBy(() => runCall(name, b)) as RunResponse;

  const runCall = (name: string, b: Record<string, unknown>): Bare<RunResponse> => {
    const args = Array.isArray(b.args) ? b.args : [];
    const sidebars = fake.ui.sidebars.length;
    const dialogs = fake.ui.dialogs.length;
    try {
      if (session.isJob(name)) {
        // As its trigger would (the owner, no UI), whoever asked; the page is told what it did.
        const job = session.runJobs();
        session.changed();
        return { ok: true, value: null, job };
      }
      const value = session.run(name, args, userOf(b));
      session.changed();
      const sidebar = fake.ui.sidebars.length > sidebars ? fake.ui.sidebars[fake.ui.sidebars.length - 1] : null;
      const dialog = fake.ui.dialogs.length > dialogs ? fake.ui.dialogs[fake.ui.dialogs.length - 1] : null;
      return {
        ok: true,
        // As google.script.run hands it to the page (a Date anywhere: null), not a JSON round trip.
        value: clientValue(value),
        ...(sidebar ? { sidebar: { file: sidebar.file ?? '', title: sidebar.title } } : {}),
        ...(dialog
          ? {
              dialog: {
                title: dialog.title,
                text: dialog.html
                  .replace(/<[^>]+>/g, ' ')
                  .replace(/\s+/g, ' ')
                  .trim(),
              },
            }
          : {}),
      };
    } catch (e) {
      // A thrown error reaches the page's failure handler with its message, as in Apps Script.
      if (!(e instanceof ScriptNotFound)) session.changed(); // a half-done call may still have written
      return { ok: false, error: errorText(e) };
    }
  };

  const edit = (b: Record<string, unknown>): EditResponse => shownBy(() => editCall(b)) as EditResponse;

  const editCall = (b: Record<string, unknown>) => {
    const row = Number(b.row);
    const col = Number(b.col);
    if (typeof b.sheet !== 'string' || !Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1) throw new BadRequest('单元格地址无效');
    if (!fake.spreadsheet._sheetByName(b.sheet)) throw new BadRequest(`找不到工作表“${b.sheet}”`);
    const value = b.value === undefined || b.value === null ? '' : String(b.value);
    try {
      return { ok: true, ...session.edit(b.sheet, row, col, value, userOf(b)) };
    } catch (e) {
      // Refused as Sheets refuses it (a protected range, a row past the sheet's end).
      return { ok: false, error: errorText(e) };
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET') {
      if (url.pathname === '/') return html(res, assets.page);
      if (url.pathname === '/api/state') return json(res, 200, state(url.searchParams.get('sheet') ?? ''));
      const side = /^\/sidebar\/([a-z]+)$/.exec(url.pathname);
      if (side) {
        const file = join(ROOT, 'dist', `${side[1]}.html`);
        if (!existsSync(file)) return json(res, 404, { ok: false, error: `没有侧边栏 ${side[1]}` });
        return html(res, withShim(readFileSync(file, 'utf8'), assets.shim));
      }
      return json(res, 404, { ok: false, error: '没有这个地址' });
    }
    if (req.method !== 'POST') return json(res, 405, { ok: false, error: '不支持的请求方法' });
    const b = await readJson(req);
    if (url.pathname === '/api/user') {
      session.user = userOf(b) ?? session.user;
      return json(res, 200, { ok: true, user: session.user });
    }
    const name = /^\/api\/run\/([A-Za-z_$][\w$]*)$/.exec(url.pathname)?.[1];
    if (name) return json(res, 200, run(name, b));
    if (url.pathname === '/api/edit') return json(res, 200, edit(b));
    return json(res, 404, { ok: false, error: '没有这个地址' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) return void res.end();
      json(res, e instanceof BadRequest ? 400 : 500, { ok: false, error: errorText(e) });
    });
  });

  // A request node cannot even parse (raw non-ASCII in the URL, a broken header) still gets JSON.
  server.on('clientError', (_e, socket) => {
    if (!socket.writable) return;
    const body = JSON.stringify({ ok: false, error: '请求格式无效' });
    socket.end(
      `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8787, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    fake,
    ctx: session.ctx,
    save: () => session.save(),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await session.close();
    },
  };
}
