/**
 * `npm run bench`: one JSON line per case. Speed is measured here, never in unit tests.
 * Custom functions are timed through the built bundle loaded as Apps Script loads it
 * (one vm context, no require), so the numbers include what the bundle really does.
 */
import { checkCharacter } from '../src/domain/idcard';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { performance } from 'node:perf_hooks';

// npm runs scripts from the repo root (tsx runs this file as an ES module: no __dirname).
const root = process.cwd();
const codePath = join(root, 'dist', 'Code.js');
const code = readFileSync(codePath, 'utf8');

function emit(obj: Record<string, unknown>): void {
  console.log(JSON.stringify(obj));
}

function freshContext(): vm.Context {
  // Only the standard JS globals: no require, module or process, like Apps Script.
  return vm.createContext({ console });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function coldLoad(): void {
  const script = new vm.Script(code, { filename: 'Code.js' });
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const ctx = freshContext();
    const t0 = performance.now();
    script.runInContext(ctx);
    times.push(performance.now() - t0);
  }
  emit({ case: 'bundle_size', bytes: statSync(codePath).size, kb: +(statSync(codePath).size / 1024).toFixed(1), target_kb: 250 });
  emit({ case: 'cold_load', median_ms: +median(times).toFixed(2), runs: times.length, target_ms: 50 });
}

function timed(name: string, rows: number, fn: () => unknown, targetMs = 1000): void {
  const t0 = performance.now();
  const out = fn();
  const ms = performance.now() - t0;
  if (Array.isArray(out) && out.length !== rows) throw new Error(`${name}: expected ${rows} rows, got ${out.length}`);
  emit({ case: name, rows, ms: +ms.toFixed(1), rows_per_s: Math.round(rows / (ms / 1000)), target_ms: targetMs });
}

function idWithCheck(first17: string): string {
  return first17 + checkCharacter(first17);
}

function customFunctionCases(): void {
  const ctx = freshContext();
  vm.runInContext(code, ctx, { filename: 'Code.js' });
  const g = ctx as unknown as Record<string, (...a: unknown[]) => unknown>;

  const amounts: unknown[][] = [];
  for (let i = 0; i < 100_000; i++) amounts.push([i % 50 === 0 ? '' : (i * 37) % 160_000]);
  timed('RELIEF_100k', 100_000, () => g.RELIEF('medical', amounts, new Date(2026, 0, 15)));

  const starts: unknown[][] = [];
  for (let i = 0; i < 10_000; i++) starts.push([new Date(2020, 0, 1 + (i % 2400))]);
  timed('WORKDAY_CN_10k', 10_000, () => g.WORKDAY_CN(starts, 7), 50);
  // From the published years into provisional ones (2027–2029, 暂定), counting back 15 days.
  const late: unknown[][] = [];
  for (let i = 0; i < 10_000; i++) late.push([new Date(2026, 0, 1 + (i % 1400))]);
  timed('WORKDAY_CN_10k_provisional', 10_000, () => g.WORKDAY_CN(late, -15), 50);

  const regions = ['420802', '420821', '420822', '420881', '410105', '130602', '510104'];
  const ids: unknown[][] = [];
  for (let i = 0; i < 100_000; i++) {
    const y = 1960 + (i % 45),
      m = 1 + (i % 12),
      d = 1 + (i % 28);
    const body = `${regions[i % regions.length]}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
    ids.push([i % 10 === 0 ? body + '0' : idWithCheck(body)]);
  }
  timed('IDCARD_VALID_100k', 100_000, () => g.IDCARD_VALID(ids));
}

async function optionalCases(): Promise<void> {
  // Bench cases contributed by the workflow, roll-up and CLI layers.
  for (const mod of [
    './bench-workflow',
    './bench-writer',
    './bench-rollup',
    './bench-cli',
    './bench-domain',
    './bench-audit',
    './bench-calendar',
    './bench-staging',
  ]) {
    // Every module is listed on purpose: one that fails to load fails the bench, not skipped.
    const cases: Record<string, unknown> = await import(mod);
    for (const [name, fn] of Object.entries(cases)) {
      if (typeof fn !== 'function' || !name.startsWith('bench')) continue;
      const results = await (fn as () => Promise<unknown> | unknown)();
      for (const r of Array.isArray(results) ? results : [results]) emit(r as Record<string, unknown>);
    }
  }
}

async function main(): Promise<void> {
  coldLoad();
  customFunctionCases();
  await optionalCases();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
