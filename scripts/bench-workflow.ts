/**
 * Workflow bench cases (scripts/bench.ts runs every export whose name starts with
 * "bench"): the server layer against the in-memory Apps Script fake, with 案件 holding
 * 20,000 rows. Each returns { case, ms, serviceCalls, rows }. In Apps Script the time goes
 * to service calls, so serviceCalls is the number to watch; ms is the Node-side cost of
 * our own code (parsing, rules, building rows).
 */
import { makeId, OWNER, STAFF, REVIEWER } from './benchData';
import { performance } from 'node:perf_hooks';
import { createFakeGas, installGlobals } from '../harness/gas';
import { setNow } from '../src/server/clock';
import { setupSpreadsheet } from '../src/server/setup';
import { dailyDeadlineCheck } from '../src/server/triggers';
// The ops table behind sendWrite: here the owner works alone (no writer), as before one is connected.
import '../src/writer/ops';

export interface BenchResult {
  case: string;
  ms: number;
  serviceCalls: number;
  rows: number;
  target_ms?: number;
}

const ROWS = 20_000;

type Fake = ReturnType<typeof createFakeGas>;

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** A workbook after setup, 人员权限 filled, and `rows` cases of 沙洋 (H02) in 案件. */
function workbook(rows: number, status: string): Fake {
  const fake = createFakeGas();
  installGlobals(globalThis, fake);
  setNow('2025-09-30');
  fake.setUser(OWNER);
  setupSpreadsheet();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const staff = ss.getSheetByName('人员权限')!;
  staff.getRange(3, 1, 2, 4).setValues([
    [STAFF, '基层工会', 'H01', '张敏'],
    [REVIEWER, '单位工会审核', 'H01', '李娜'],
  ]);
  const cases = ss.getSheetByName('案件')!;
  const header = cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0].map(String);
  const col = (zh: string) => header.indexOf(zh);
  const data: (string | number | Date)[][] = [];
  for (let i = 1; i <= rows; i++) {
    const r: (string | number | Date)[] = new Array(header.length).fill('');
    r[col('职工编号')] = `H02${String(i).padStart(5, '0')}`;
    r[col('县区代码')] = 'H02';
    r[col('状态')] = status;
    r[col('提交日期')] = new Date(2025, i % 12, 1 + (i % 27));
    r[col('紧急（先救助后补办）')] = i % 10 === 0 ? '是' : '否';
    r[col('姓名')] = `职工${i}`;
    r[col('身份证号')] = makeId('420822', `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 9}`, i);
    r[col('家庭年收入')] = 12000 + (i % 50) * 1000;
    r[col('家庭人口')] = 1 + (i % 5);
    r[col('版本')] = 1;
    r[col('请求编号')] = `seed-${i}`;
    data.push(r);
  }
  // Sheets refuses a range past the last row: grow the sheet first, leaving spare rows as an import would.
  if (data.length + 1000 > cases.getMaxRows()) cases.insertRowsAfter(cases.getMaxRows(), data.length + 1000 - cases.getMaxRows());
  if (data.length > 0) cases.getRange(2, 1, data.length, header.length).setValues(data);
  return fake;
}

function measure(name: string, rows: number, fake: Fake, fn: () => unknown, targetMs?: number): BenchResult {
  fake.counter.reset();
  const t0 = performance.now();
  fn();
  const ms = performance.now() - t0;
  return { case: name, ms: +ms.toFixed(1), serviceCalls: total(fake.counter.snapshot()), rows, ...(targetMs ? { target_ms: targetMs } : {}) };
}

// (a) one save and (b) one review action are measured through the writer, as non-owners do them: scripts/bench-writer.ts.

/** (c) The daily deadline check over 20,000 open cases (issue 10: ≤ 1 s in Node). */
export function benchDailyDeadlineCheck(): BenchResult {
  const fake = workbook(ROWS, '待审核');
  setNow('2026-03-02');
  const result = measure(
    'workflow_daily_deadline_check_20k',
    ROWS,
    fake,
    () => {
      const r = dailyDeadlineCheck();
      if (r.open !== ROWS) throw new Error(`expected ${ROWS} open cases, got ${r.open}`);
    },
    1000,
  );
  setNow(null);
  return result;
}
