/**
 * The playground's one spreadsheet "session": the fake Apps Script services, the real
 * dist/Code.js loaded over them, the formula evaluator hooked in, and the workbook file
 * (loaded at start, made from the demo on a first start, saved after every change).
 * As in production there are two projects: the bound script (the client, run as the
 * chosen user) and the writer (dist/writer/Code.js in a realm of its own, a web app that
 * runs as the owner), connected after setup; protections are enforced.
 * The HTTP side is server.ts.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createFakeGas, type FakeGas } from '../gas';
import { callEntry, loadBundle, ROOT, writerBundleSource, type BundleContext } from '../loadBundle';
import { computeSheet, formulaCellValue, type EvalEnv } from '../formula';
import { loadWorkbookIntoFake, saveFakeToWorkbook } from '../xlsx';
import { ENTRY_POINTS } from '../../src/server/entrypoints';
import { STATUS_LABELS } from '../../src/domain/caseModel';
import { OPEN_STATUSES } from '../../src/domain/workflow/actions';
import type { FakeSheet } from '../gas/spreadsheet';
import { createDemo, DEMO_USERS } from './demoData';
import type { JobReport, MenuItem, UserView } from './protocol';

/**
 * What a page may call. Apps Script lets google.script.run reach any top-level function not
 * ending in '_'; here that is the entry-point list (its endpoints, menu handlers, custom
 * functions, and scheduled jobs, which the page runs as their trigger would).
 */
const KINDS_CALLABLE = new Set(['endpoint', 'menu', 'custom', 'trigger']);
export const CALLABLE = new Set(ENTRY_POINTS.filter((e) => KINDS_CALLABLE.has(e.kind)).map((e) => e.name));
/** What a cell formula may call: the @customfunction entry points (not, say, saveCase). */
const CUSTOM = new Set(ENTRY_POINTS.filter((e) => e.kind === 'custom').map((e) => e.name));
const TRIGGERS = new Set(ENTRY_POINTS.filter((e) => e.kind === 'trigger').map((e) => e.name));

/** Someone not in 人员权限, to see what the server refuses. */
export const VISITOR: UserView = { email: 'visitor@example.com', role: '未授权', name: '访客' };

export interface SessionOptions {
  workbook: string;
  user?: string;
  log: (line: string) => void;
  /** Cases in a new demo workbook (default 200). */
  demoCases?: number;
  /** How long after a change the workbook is saved (ms). */
  saveDelay?: number;
}

export class ScriptNotFound extends Error {
  constructor(name: string) {
    super(`找不到脚本函数：${name} / Script function not found: ${name}`);
  }
}

export class Session {
  readonly fake: FakeGas;
  readonly ctx: BundleContext;
  /** The writer project and its loaded bundle; its web-app URL. */
  readonly writer: FakeGas;
  readonly writerCtx: BundleContext;
  readonly writerUrl: string;
  /** The acting user when a request names none (the page's switcher sets it). */
  user: string;
  private saving: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private dirty = false;

  private constructor(private readonly opts: SessionOptions) {
    this.user = (opts.user ?? DEMO_USERS[0].email).toLowerCase();
    this.fake = createFakeGas({ htmlDir: join(ROOT, 'dist'), user: this.user });
    this.ctx = loadBundle(this.fake);
    // The writer: same world (spreadsheets, issuer), its own project and realm, deployed by the owner.
    this.writer = this.fake.addProject({ id: 'writer' });
    this.writerCtx = loadBundle(this.writer, writerBundleSource());
    this.writerUrl = this.writer.deployWebApp({
      executeAs: 'USER_DEPLOYING',
      access: 'ANYONE',
      deployer: this.fake.owner,
      realm: this.writerCtx,
      doGet: (e) => callEntry(this.writerCtx, 'doGet', e),
      doPost: (e) => callEntry(this.writerCtx, 'doPost', e),
    });
    const props = this.writer.PropertiesService.getScriptProperties();
    props.setProperty('BANGFU_ALLOWED_AUDIENCES', this.fake.audience);
    props.setProperty('BANGFU_SPREADSHEETS', this.fake.spreadsheet.getId());
    // Formula cells read through the fake (getValue/getValues) show what the bundle computes.
    this.fake.evaluate = (_formula, at) => {
      const sheet = this.fake.spreadsheet._sheetByName(at.sheet);
      return sheet ? formulaCellValue(sheet, at.row, at.col, this.env(at.sheet)) : '';
    };
  }

  static async open(opts: SessionOptions): Promise<Session> {
    const s = new Session(opts);
    await s.openWorkbook();
    return s;
  }

  /** The evaluation context of a formula on `sheet`: the bundle's custom functions, today's date. */
  env(sheet: string): EvalEnv {
    const customFunction = (name: string) => {
      const fn = CUSTOM.has(name) ? this.ctx[name] : undefined;
      return typeof fn === 'function' ? (fn as (...args: unknown[]) => unknown) : undefined;
    };
    return { spreadsheet: this.fake.spreadsheet, sheet, customFunction, today: () => new Date(), spills: new Map() };
  }

  /** Whether `name` is a scheduled job (run by runJobs, not as the page's user). */
  isJob(name: string): boolean {
    return TRIGGERS.has(name);
  }

  /** Calls an entry point of Code.js as `as`; a scheduled job runs as its trigger would (owner, no UI). */
  run(name: string, args: unknown[], as = this.user): unknown {
    const fn = this.ctx[name];
    if (!CALLABLE.has(name) || typeof fn !== 'function') throw new ScriptNotFound(name);
    if (TRIGGERS.has(name)) return this.runJobs();
    this.fake.setUser(as);
    return (fn as (...a: unknown[]) => unknown)(...args);
  }

  /**
   * The writer's daily trigger, run now as the owner who installed it (its one trigger runs
   * every job: deadline check, annual re-review, quarterly reminder, log check, holiday
   * reminder, 今日). A trigger returns nothing and shows nothing in Sheets; the page is told
   * what it did from what changed: 案件's due dates and overdue flags, the lines it wrote to
   * 操作日志 (each job's failure is one), the mails it sent, what it logged as an error.
   */
  runJobs(): JobReport {
    const ss = this.fake.spreadsheet;
    const audit = ss._sheetByName('操作日志');
    const logBefore = audit ? audit._lastRow() : 0;
    const before = deadlineCells(ss._sheetByName('案件'));
    const mails = this.fake.mails.length;
    const failures: string[] = [];
    // What the writer logs with console.error (a whole workbook failing) is a failure to show.
    const sandbox = this.writerCtx as { console: Console };
    const realConsole = sandbox.console;
    sandbox.console = {
      ...realConsole,
      error: (...a: unknown[]) => void failures.push(a.map(String).join(' ')),
      log: () => undefined,
      info: () => undefined,
      warn: () => undefined,
    };
    try {
      this.writer.runTrigger(() => callEntry(this.writerCtx, 'dailyJobs'));
    } catch (e) {
      failures.push(`定时任务未能运行：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      sandbox.console = realConsole;
    }
    const after = deadlineCells(ss._sheetByName('案件'));
    const header = audit?._values[0]?.map(String) ?? [];
    const col = (zh: string) => header.indexOf(zh);
    const written = audit ? audit._values.slice(logBefore, audit._lastRow()).filter((r) => r && r.some((v) => v !== '')) : [];
    const lines = (action: string) => written.filter((r) => String(r[col('操作')] ?? '') === action);
    for (const r of written) {
      const action = String(r[col('操作')] ?? '');
      if (action.endsWith('失败')) failures.push(`${action}：${String(r[col('原因')] ?? '')}`);
    }
    const changed = after.rows.filter((r, i) => r.due !== before.rows[i]?.due || r.overdue !== before.rows[i]?.overdue).length;
    const out: string[] = [`期限检查：在办案件 ${after.open} 件，逾期 ${after.overdue} 件；本次更新截止日期或逾期标记 ${changed} 件`];
    const moved = lines('期限重新计算').length;
    if (moved > 0) out.push(`节假日安排录入后重算截止日期 ${moved} 件`);
    const marked = lines('年度复审标记').length;
    out.push(marked > 0 ? `年度复审：标记待复审 ${marked} 件` : '年度复审：本次没有要标记的案件（不在复审期间，或今年已标记）');
    const quarterly = lines('季度统计提醒');
    out.push(
      quarterly.length > 0 ? `季度统计提醒：${String(quarterly[0][col('原因')] ?? '')}` : '季度统计提醒：本次不发送（不在季度初上报期内，或本季度已提醒）',
    );
    const sent = this.fake.mails.length - mails;
    if (sent > 0) out.push(`共发送邮件 ${sent} 封`);
    return { title: failures.length > 0 ? '每日定时任务运行出错' : '每日定时任务已运行', lines: out, failures };
  }

  /** Calls any top-level function of Code.js (setup, onOpen, onEdit): the session's own use. */
  private callScript(name: string, args: unknown[], as: string): unknown {
    this.fake.setUser(as);
    return (this.ctx[name] as (...a: unknown[]) => unknown)(...args);
  }

  /** 帮扶 → 管理 → 连接写入服务, as the owner: from now on every write goes through the writer. */
  private connectWriter(): void {
    this.fake.setUser(this.fake.owner);
    const r = (this.ctx.Bangfu as { connectWriterUrl(url: string): { ok: boolean; message: string } }).connectWriterUrl(this.writerUrl);
    if (!r.ok) throw new Error(`连接写入服务失败：${r.message}`);
  }

  /** Types into a cell as a person in the grid does, then fires onEdit as Sheets does. */
  edit(sheetName: string, row: number, col: number, value: string, as = this.user): { triggerError?: string } {
    const sheet = this.fake.spreadsheet.getSheetByName(sheetName);
    if (!sheet) throw new Error(`找不到工作表“${sheetName}”`);
    this.fake.setUser(as);
    const range = sheet.getRange(row, col);
    const oldValue = range.getValue();
    range.setValue(value);
    this.changed();
    if (typeof this.ctx.onEdit !== 'function') return {};
    const event = {
      range,
      value,
      ...(oldValue !== '' ? { oldValue } : {}),
      source: this.fake.spreadsheet,
      user: { getEmail: () => as },
      authMode: 'LIMITED',
      triggerUid: '',
    };
    try {
      this.callScript('onEdit', [event], as);
      return {};
    } catch (e) {
      // A failing simple trigger does not undo the edit; Sheets only logs it.
      return { triggerError: e instanceof Error ? e.message : String(e) };
    }
  }

  /** The people on 人员权限 (or the demo list before setup), and a visitor. */
  users(): UserView[] {
    const s = this.fake.spreadsheet._sheetByName('人员权限');
    const listed = s
      ? s._values
          .slice(1)
          .filter((r) => r && r[0])
          .map((r) => ({ email: String(r[0]), role: String(r[1] ?? ''), name: String(r[3] ?? '') }))
      : DEMO_USERS.map(({ email, role, name }) => ({ email, role, name }));
    return [...listed, VISITOR];
  }

  /**
   * The scheduled job, as a menu the page shows beside 帮扶 (Sheets has no such menu: it runs
   * it on time). One item: the writer holds one daily trigger, and it runs every job.
   */
  triggerMenu(): { title: string; items: MenuItem[] } {
    const daily = ENTRY_POINTS.find((e) => e.kind === 'trigger' && e.name === 'dailyJobs')!;
    return { title: '定时任务（演示）', items: [{ label: `立即运行：${daily.zh.split('：')[0]}`, fn: daily.name }] };
  }

  /** Saves soon: many quick calls make one write. */
  changed(): void {
    this.dirty = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), this.opts.saveDelay ?? 300);
  }

  save(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dirty = false;
    // One save at a time, in order; a failed save is reported and the next one tries again.
    this.saving = this.saving
      .then(() =>
        saveFakeToWorkbook(this.fake.spreadsheet, this.opts.workbook, { formulaValues: (sheet) => computeSheet(sheet, this.env(sheet._name)).formulas }),
      )
      .catch((e) => {
        this.dirty = true;
        this.opts.log(`保存失败：${e instanceof Error ? e.message : String(e)}`);
      });
    return this.saving;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    if (this.dirty) await this.save();
    await this.saving;
  }

  private async openWorkbook(): Promise<void> {
    const { workbook, log } = this.opts;
    mkdirSync(dirname(workbook), { recursive: true });
    if (existsSync(workbook)) {
      await loadWorkbookIntoFake(workbook, this.fake.spreadsheet);
      // Validation and protections are not in the file: the real setup puts them back.
      this.callScript('setupSpreadsheet', [], this.fake.owner);
      this.connectWriter();
      log(`已打开工作簿 ${workbook}`);
    } else {
      log('首次启动：用真实的初始化代码创建演示工作簿（三个县区、约 200 件案件）…');
      createDemo(this.ctx, this.fake, this.opts.demoCases ?? 200, { afterSetup: () => this.connectWriter(), clocks: [this.writerCtx] });
      await this.save();
    }
    this.fake.toasts.length = 0;
    const cases = this.fake.spreadsheet._sheetByName('案件');
    if (cases) this.fake.spreadsheet.setActiveSheet(cases);
    this.callScript('onOpen', [{ authMode: 'LIMITED' }], this.user);
  }
}

const OPEN_LABELS = new Set(OPEN_STATUSES.map((s) => STATUS_LABELS[s].zh));

/** 案件's due dates and overdue flags as text, row by row, and the open and overdue counts. */
function deadlineCells(sheet: FakeSheet | null): { rows: { due: string; overdue: string }[]; open: number; overdue: number } {
  if (!sheet) return { rows: [], open: 0, overdue: 0 };
  const [header = [], ...body] = sheet._values;
  const at = (zh: string) => header.map(String).indexOf(zh);
  const [due, late, status] = [at('截止日期'), at('逾期'), at('状态')];
  const text = (v: unknown) =>
    v instanceof Date || Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).getTime().toString() : String(v ?? '');
  const rows = body.map((r) => ({ due: text(r?.[due]), overdue: text(r?.[late]) }));
  const open = body.filter((r) => OPEN_LABELS.has(String(r?.[status] ?? ''))).length;
  const overdue = body.filter((r) => OPEN_LABELS.has(String(r?.[status] ?? '')) && r?.[late] === true).length;
  return { rows, open, overdue };
}
