/**
 * CLI bench (scripts/bench.ts runs every export starting with "bench"): `bangfu rollup`
 * over 8 county files × 25,000 rows. The files are made first (not timed); then the real
 * command runs in its own process (node bin/bangfu.mjs), so its time and its peak memory
 * (maxRSS, reported by the child itself) are the command's alone.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { COUNTIES, countyRows } from './bench-rollup';

export async function benchCliRollup(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'bangfu-bench-cli-'));
  const inputs: string[] = [];
  for (const county of COUNTIES) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('案件');
    for (const r of countyRows(county)) ws.addRow(r);
    const path = join(dir, `${county}.xlsx`);
    await wb.xlsx.writeFile(path);
    inputs.push(path);
  }
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ['bin/bangfu.mjs', 'rollup', ...inputs, '-o', join(dir, '汇总.xlsx')], {
    env: { ...process.env, BANGFU_REPORT_RSS: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const ms = performance.now() - t0;
  if (child.status !== 0) throw new Error(`bangfu rollup failed: ${child.stderr}`);
  const rss = /maxRSS=(\d+)/.exec(child.stderr);
  const cases = /（(\d+) 件/.exec(child.stderr);
  return {
    case: 'cli_rollup_8x25k_xlsx',
    files: inputs.length,
    rows: cases ? Number(cases[1]) : null,
    ms: Math.round(ms),
    max_rss_mb: rss ? Math.round(Number(rss[1]) / 1024) : null,
  };
}
