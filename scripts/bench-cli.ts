/**
 * CLI bench (scripts/bench.ts runs every export starting with "bench"): `bangfu rollup` over
 * 8 county files as counties send them — 案件 with 35 columns × 25,000 cases and 发放记录 with
 * 75,000 payments each (scripts/benchCounties.ts) — on 2026-12-01 with last season's 送温暖
 * campaign in the --settings workbook's 活动 (so the year and the campaign are both rolled up).
 *
 * Two cases, each in a process of its own, timed from outside (spawn to exit) with the
 * child's own peak resident size (maxRSS):
 * - `cli_read_floor`: plain Node (no tsx) streaming the same 8 files with exceljs's
 *   WorkbookReader, every sheet, every row's values, nothing kept: what reading costs at least;
 * - `cli_rollup`: the real command (node bin/bangfu.mjs rollup …), with its time / the floor's.
 * The files are made once (not timed) and kept in the temp directory under a hash of the
 * generator, so a second run reuses them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { defaultCampaignRows } from '../src/defaults/campaigns';
import { defaultCounties, defaultSettingsRows } from '../src/defaults/sheetRows';
import { BENCH_TODAY, CASES_PER_COUNTY, COUNTY_CODES, PAYMENTS_PER_CASE, WARMTH_2026_ROW, writeCountyXlsx } from './benchCounties';

const TARGET_RATIO = 1.3;
const TARGET_MB = 800;

/** The 8 county files and the settings workbook, made once per version of the generator. */
async function benchFiles(): Promise<{ inputs: string[]; settings: string; dir: string }> {
  const hash = createHash('sha256')
    .update(readFileSync(new URL('./benchCounties.ts', import.meta.url)))
    .update(readFileSync(new URL('./benchData.ts', import.meta.url)))
    .digest('hex')
    .slice(0, 12);
  const dir = join(tmpdir(), `bangfu-bench-cli-${hash}`);
  const inputs = COUNTY_CODES.map((c) => join(dir, `${c}.xlsx`));
  const settings = join(dir, '设置.xlsx');
  const done = join(dir, 'complete');
  if (existsSync(done)) return { inputs, settings, dir };
  mkdirSync(dir, { recursive: true });
  for (const [c, path] of inputs.entries()) await writeCountyXlsx(path, c);
  const wb = new ExcelJS.Workbook();
  const settingsSheet = wb.addWorksheet('设置');
  for (const r of defaultSettingsRows(defaultCounties())) settingsSheet.addRow(r);
  const activities = wb.addWorksheet('活动');
  for (const r of [...defaultCampaignRows(), WARMTH_2026_ROW]) activities.addRow(r);
  await wb.xlsx.writeFile(settings);
  writeFileSync(done, new Date().toISOString());
  return { inputs, settings, dir };
}

/** Only reading: the streaming reader over every sheet and row, as the command opens them (same options). */
const FLOOR = `
const ExcelJS = require('exceljs');
(async () => {
  let rows = 0, cells = 0;
  for (const path of process.argv.slice(1)) {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' });
    for await (const ws of reader) for await (const row of ws) { rows++; cells += row.values.length - 1; }
  }
  console.error('rows=' + rows + ' cells=' + cells);
  console.error('maxRSS=' + process.resourceUsage().maxRSS);
})();`;

function timedChild(args: string[], env: Record<string, string> = {}): { ms: number; maxRssMb: number; stderr: string } {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, args, { env: { ...process.env, TZ: 'Asia/Shanghai', ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (child.status !== 0) throw new Error(`${args.slice(0, 3).join(' ')} failed (${child.status}): ${child.stderr.slice(-2000)}`);
  const rss = /maxRSS=(\d+)/.exec(child.stderr);
  return { ms: Math.round(ms), maxRssMb: rss ? Math.round(Number(rss[1]) / 1024) : NaN, stderr: child.stderr };
}

export async function benchCliRollup(): Promise<Record<string, unknown>[]> {
  const { inputs, settings, dir } = await benchFiles();
  const floor = timedChild(['-e', FLOOR, ...inputs]);
  const cmd = timedChild(['bin/bangfu.mjs', 'rollup', ...inputs, '-o', join(dir, '汇总.xlsx'), '--settings', settings, '--today', BENCH_TODAY, '--city'], {
    BANGFU_REPORT_RSS: '1',
  });
  const cases = /（(\d+) 件/.exec(cmd.stderr);
  const problems = cmd.stderr.split('\n').filter((l) => l.startsWith('问题：')).length;
  const common = { files: inputs.length, columns: 35, cases_per_file: CASES_PER_COUNTY, payments_per_file: CASES_PER_COUNTY * PAYMENTS_PER_CASE };
  return [
    { case: 'cli_read_floor_8x25k_ledger75k', ...common, ms: floor.ms, max_rss_mb: floor.maxRssMb, cells: Number(/cells=(\d+)/.exec(floor.stderr)?.[1]) },
    {
      case: 'cli_rollup_8x25k_ledger75k',
      ...common,
      cases_counted: cases ? Number(cases[1]) : null,
      problems,
      ms: cmd.ms,
      floor_ms: floor.ms,
      ratio_to_floor: +(cmd.ms / floor.ms).toFixed(2),
      target_ratio: TARGET_RATIO,
      max_rss_mb: cmd.maxRssMb,
      floor_max_rss_mb: floor.maxRssMb,
      target_mb: TARGET_MB,
      met: { ratio: cmd.ms / floor.ms <= TARGET_RATIO, max_rss: cmd.maxRssMb <= TARGET_MB },
    },
  ];
}
