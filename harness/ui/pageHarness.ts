/**
 * Runs a built sidebar (dist/<page>.html) in headless Chromium against a fake backend.
 *
 * The page gets a stand-in `google.script.run` (injected before its own script) with the
 * real one's shape: a chain of withSuccessHandler/withFailureHandler, then the endpoint
 * name; handlers are called asynchronously. Values cross it by google.script.run's rules
 * (harness/playground/scriptRun.ts), not by a lenient JSON round trip: a Date argument
 * makes the call fail before it is sent, a Date anywhere in a returned value hands the page
 * null, undefined in arrays becomes null and undefined properties are dropped. Each call is
 * forwarded to a FakeBackend in the test process, which records it and answers from
 * handlers the test can replace, delay or make fail.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { clientValue } from '../../harness/playground/scriptRun';
import type { Endpoints } from '../../src/shared/endpoints';
import { fakePreview, intakeModel, reviewQueue } from './fixtures';

// Under jest (CommonJS) from __dirname; under tsx (ESM, scripts/screenshots.ts) from the working directory.
const ROOT = typeof __dirname === 'string' ? join(__dirname, '..', '..') : process.cwd();
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SIDEBAR_WIDTH = 300;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

// ── the built page ──────────────────────────────────────────────────────────

/** A cross-process lock (test files run in parallel workers; build.mjs empties dist/ first). */
function withLock<T>(fn: () => T): T {
  const dir = join(tmpdir(), 'bangfu-ui-build.lock');
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(dir);
      break;
    } catch {
      // A lock left by a killed run is stale after a minute.
      try {
        if (Date.now() - statSync(dir).mtimeMs > 60_000) rmdirSync(dir);
      } catch {
        /* gone meanwhile */
      }
      if (Date.now() - started > 90_000) throw new Error(`timed out waiting for ${dir}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    return fn();
  } finally {
    rmdirSync(dir);
  }
}

const built = new Map<string, string>();
/** Runs `node build.mjs` (once per test file) and returns the page's self-contained HTML. */
export function builtPage(name: 'intake' | 'review'): string {
  if (built.size === 0) {
    withLock(() => {
      // BANGFU_UI_SKIP_BUILD=1 reuses dist/ as it is (quicker while working on the tests alone).
      if (!process.env.BANGFU_UI_SKIP_BUILD) execFileSync(process.execPath, ['build.mjs'], { cwd: ROOT, stdio: 'pipe' });
      for (const p of ['intake', 'review']) built.set(p, readFileSync(join(ROOT, 'dist', `${p}.html`), 'utf8'));
    });
  }
  return built.get(name)!;
}

// ── the fake backend ───────────────────────────────────────────────────────

type Name = keyof Endpoints;
type Handler<K extends Name> = (...args: Parameters<Endpoints[K]>) => ReturnType<Endpoints[K]> | Promise<ReturnType<Endpoints[K]>>;
export interface Call {
  name: Name;
  args: unknown[];
}

/** A thrown error here reaches the page's failure handler, like an exception in Apps Script. */
export class FakeBackend {
  readonly calls: Call[] = [];
  private readonly handlers: { [K in Name]?: Handler<K> } = {};
  private readonly failures: Partial<Record<Name, string[]>> = {};
  /** Milliseconds each answer takes (the real round trip is 0.3–2 s). */
  latency = 0;

  constructor() {
    this.on('getIntakeForm', () => intakeModel());
    this.on('previewCase', (values) => fakePreview(values));
    this.on('saveCase', () => ({ ok: true, workerNo: 'H0400001', created: true, version: 1, message: '已保存，职工编号 H0400001' }));
    this.on('searchCases', () => []);
    this.on('getReviewQueue', () => reviewQueue());
    this.on('reviewAction', (req) => ({ ok: true, workerNo: req.workerNo, status: 'notice', statusLabel: '公示中', message: `已处理 ${req.workerNo}` }));
  }

  on<K extends Name>(name: K, handler: Handler<K>): this {
    (this.handlers as Record<Name, unknown>)[name] = handler;
    return this;
  }

  /** The next call of `name` fails with this message (as an exception on the server would). */
  failNext(name: Name, message: string): this {
    (this.failures[name] ??= []).push(message);
    return this;
  }

  callsTo<K extends Name>(name: K): Parameters<Endpoints[K]>[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.args as Parameters<Endpoints[K]>);
  }

  /** What the page's stub asks for; the answer crosses back as JSON. */
  async handle(name: Name, args: unknown[]): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
    this.calls.push({ name, args });
    if (this.latency > 0) await new Promise((r) => setTimeout(r, this.latency));
    const failure = this.failures[name]?.shift();
    if (failure !== undefined) return { ok: false, message: failure };
    const handler = this.handlers[name] as ((...a: unknown[]) => unknown) | undefined;
    if (!handler) return { ok: false, message: `Script function not found: ${name}` };
    try {
      const value = await handler(...args);
      return { ok: true, value: clientValue(value) };
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  }
}

/**
 * The argument rules, bundled from harness/playground/scriptRun.ts for the page (the same
 * code the playground's shim runs), as `window.__bangfuEncode`.
 */
let encoder: string | null = null;
function encoderScript(): string {
  if (encoder !== null) return encoder;
  const out = buildSync({
    stdin: {
      contents: "import { encodeArguments } from './scriptRun'; (window as any).__bangfuEncode = encodeArguments;",
      resolveDir: join(ROOT, 'harness', 'playground'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'warning',
  });
  encoder = out.outputFiles[0].text;
  return encoder;
}

/**
 * Injected before the page's script: google.script.run forwarding to the test's backend.
 * Plain JavaScript text, not a function: a transpiler (swc under jest, esbuild under tsx)
 * may add helpers to a function's source that do not exist in the page.
 */
const STUB = `(() => {
  const runner = (success, failure) => new Proxy({
    withSuccessHandler: (fn) => runner(fn, failure),
    withFailureHandler: (fn) => runner(success, fn),
    withUserObject: () => runner(success, failure),
  }, {
    get(target, prop) {
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      if (prop in target) return target[prop];
      return (...args) => {
        // google.script.run copies the arguments by its own rules; a Date or a function fails the call here.
        const sent = window.__bangfuEncode(args);
        window.__bangfuBackend(prop, sent).then((r) => setTimeout(() => {
          if (r.ok) { if (success) success(r.value); }
          else if (failure) failure(new Error(r.message));
        }, 0));
      };
    },
  });
  window.google = { script: { run: runner(null, null), host: { close() {} } } };
})();`;

export interface Sidebar {
  page: Page;
  context: BrowserContext;
  backend: FakeBackend;
  close(): Promise<void>;
}

/**
 * Opens a sidebar at 300 px in a fresh context, served from an https origin (Apps Script
 * sidebars are, and crypto.randomUUID needs a secure context), and waits until it has loaded.
 */
export async function openSidebar(browser: Browser, name: 'intake' | 'review', backend = new FakeBackend(), height = 900): Promise<Sidebar> {
  const html = builtPage(name);
  const context = await browser.newContext({ viewport: { width: SIDEBAR_WIDTH, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  // Fail fast: a missing element should not hold the suite for Playwright's 30 s default.
  context.setDefaultTimeout(5_000);
  const page = await context.newPage();
  await page.exposeFunction('__bangfuBackend', (n: Name, args: unknown[]) => backend.handle(n, args));
  await page.addInitScript({ content: encoderScript() });
  await page.addInitScript({ content: STUB });
  const url = `https://bangfu.test/${name}.html`;
  // Nothing leaves the machine: the only request is answered here, anything else is refused.
  await context.route('**/*', (route) =>
    route.request().url() === url ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.abort(),
  );
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  const ready = name === 'intake' ? '#form [data-field], #banner:not([hidden])' : '#queue li, #empty:not([hidden]), #banner:not([hidden])';
  await page.waitForSelector(ready, { timeout: 10_000 });
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  return { page, context, backend, close: () => context.close() };
}

/**
 * Reads until the value is `want` (or `want(value)` holds) or the time is up, and returns the
 * last value read, so the assertion that follows shows what the page really had.
 */
export async function eventually<T>(read: () => Promise<T> | T, want: T | ((v: T) => boolean), timeoutMs = 10_000): Promise<T> {
  const ok = typeof want === 'function' ? (want as (v: T) => boolean) : (v: T) => v === want;
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 25));
    value = await read();
  }
  return value;
}

/** A form control by its accessible name (what a screen reader says), as a text box or a select. */
export function control(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('textbox', { name, exact: true }).or(scope.getByRole('combobox', { name, exact: true }));
}
