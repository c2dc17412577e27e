/**
 * Domain and playground bench cases (scripts/bench.ts runs every export starting with
 * "bench"): the sizes the unit tests check for results, timed here instead.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WorkCalendar } from '../src/domain/calendar';
import { parsePolicySheet, policyToRows } from '../src/domain/policy';
import { recomputeDeadline } from '../src/domain/workflow/deadlines';
import { DEFAULT_HOLIDAYS } from '../src/defaults/holidays';
import { defaultWorkflowRules } from '../src/defaults/chains';
import { DEFAULT_POLICY } from '../src/defaults/policies';
import { createFakeGas } from '../harness/gas';
import { bigCaseSheet } from '../harness/samples';
import { loadWorkbookIntoFake, saveFakeToWorkbook } from '../harness/xlsx';

function timed<T>(fn: () => T): { out: T; ms: number } {
  const t0 = performance.now();
  const out = fn();
  return { out, ms: +(performance.now() - t0).toFixed(1) };
}

/** 25 years × 4 bands of yearly medical standards: the 救助标准 sheet an old county keeps. */
export function benchPolicyParse(): Record<string, unknown> {
  const [header] = policyToRows(DEFAULT_POLICY);
  const rows: unknown[][] = [header];
  for (let y = 2001; y <= 2025; y++) {
    const to = y === 2025 ? '' : `${y}-12-31`;
    for (const [lower, upper, rate] of [
      [5000, 20000, 0.1],
      [20000, 50000, 0.08],
      [50000, 100000, 0.06],
      [100000, '', 0.05],
    ]) {
      rows.push(['medical', '特困职工医疗救助', `${y}-01-01`, to, lower, upper, rate, '', '', '', '', '', 'bench']);
    }
  }
  const { out, ms } = timed(() => parsePolicySheet(rows));
  return { case: 'policy_parse_100', rows: out.rows.length, ms, target_ms: 100 };
}

/** The daily trigger's deadline pass over 20,000 open cases. */
export function benchDeadlines(): Record<string, unknown> {
  const calendar = new WorkCalendar([...DEFAULT_HOLIDAYS]);
  const rules = defaultWorkflowRules();
  const cases = Array.from({ length: 20_000 }, (_, i) => ({
    status: 'submitted',
    submitted_at: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    emergency: i % 10 === 0 ? '是' : '否',
  }));
  const { out, ms } = timed(() => cases.map((c) => recomputeDeadline(c, '2025-10-13', calendar, rules)));
  return { case: 'deadlines_recompute_20k', rows: out.length, overdue: out.filter((r) => r.overdue).length, ms, target_ms: 1000 };
}

/** The playground's save and load of a 10,000-row 案件 (after a first round trip warms exceljs up). */
export async function benchXlsxRoundTrip(): Promise<Record<string, unknown>> {
  const { fake } = bigCaseSheet(10_000);
  const path = join(mkdtempSync(join(tmpdir(), 'bangfu-bench-xlsx-')), 'big.xlsx');
  await saveFakeToWorkbook(fake.spreadsheet, path);
  await loadWorkbookIntoFake(path, createFakeGas().spreadsheet);
  const t0 = performance.now();
  await saveFakeToWorkbook(fake.spreadsheet, path);
  const back = createFakeGas().spreadsheet;
  await loadWorkbookIntoFake(path, back);
  const ms = Math.round(performance.now() - t0);
  return { case: 'xlsx_round_trip_10k', rows: back.getSheetByName('案件')?.getLastRow() ?? 0, ms, target_ms: 1000 };
}
