/**
 * Roll-up bench (scripts/bench.ts runs every export starting with "bench"): 8 counties ×
 * 25,000 cases, each county in its own spreadsheet listed in 汇总来源 with its 案件 (35 columns)
 * and its 发放记录 (3 payments per case: 600,000 ledger rows in all), scripts/benchCounties.ts.
 * Rolled up through the real server handlers against the in-memory Apps Script fake, on
 * 2026-12-01 with last season's 送温暖 campaign in 活动 (so 生成报表 rolls up the year and the
 * campaign, as in January).
 *
 * Each case runs in a child process of its own (`node --expose-gc --import tsx` this file), so
 * its peak memory is its own and not what an earlier case left behind. In that child the fake
 * is filled first (one county at a time, collected after each), then the case runs. Reported:
 * - `max_rss_mb`: the child's peak resident size (maxRSS): the fake's copy of the 8 spreadsheets
 *   AND the run, as before;
 * - `fake_rss_mb`: resident size after filling the fake and a full collection, before the run:
 *   what the fake holds (Sheets' servers hold it in Apps Script, not the script);
 * - `run_mb` = max_rss_mb − fake_rss_mb: what the run itself added at its peak;
 * - `setup_max_rss_mb`: the peak while filling (if it equals max_rss_mb, the run set no new peak);
 * - service calls, reads per source (`getValues` per spreadsheet: target ≤ 2) and Node ms.
 * The peak RSS says little about what the run keeps: with the fake's 420 MB heap V8 lets the heap
 * grow and seldom collects it whole. So two more children measure what the run itself holds:
 * - `live_peak_mb` (BENCH_LIVE=1, untimed): the heap after a forced full collection at every source
 *   read (before it and once it returned), at every report write and after the run, the largest,
 *   less `fake_heap_mb` (the fake's heap, collected, before the run). Sheets holds the sources in
 *   Apps Script; this is what the script would hold. The sheets the run has written are counted in it;
 * - `heap_cap_mb`: a run with V8's heap capped (--max-old-space-size) at the fake's heap plus twice the
 *   live peak completes (its `heap_cap_ms`, `heap_cap_max_rss_mb`); BENCH_HEAP_SEARCH=1 searches the
 *   smallest cap (10 MB steps) instead, `heap_cap_failed_mb` the last that ran out of memory.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { BENCH_TODAY, CASES_PER_COUNTY, caseRows, COUNTY_CODES, ledgerRows, WARMTH_2026_ROW } from './benchCounties';
import { OWNER } from './benchData';

const CASES = {
  rollup_8x25k_ledger600k: { run: 'runRollup', target_ms: 3000, target_mb: 600 },
  reports_8x25k_ledger600k: { run: 'runReports', target_ms: null, target_mb: 500 },
} as const;
type CaseName = keyof typeof CASES;

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** In the child: fill the fake, then run one case and print its JSON line. */
async function runCase(name: CaseName): Promise<void> {
  const { createFakeGas, installGlobals } = await import('../harness/gas');
  const { setNow } = await import('../src/server/clock');
  const { setupSpreadsheet } = await import('../src/server/setup');
  const server = await import('../src/server/rollup');
  // The ops table behind sendWrite: here the owner works alone (no writer), as before one is connected.
  await import('../src/writer/ops');
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

  const fake = createFakeGas();
  installGlobals(globalThis, fake);
  setNow(BENCH_TODAY);
  fake.setUser(OWNER);
  setupSpreadsheet();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const activities = ss.getSheetByName('活动')!;
  activities.getRange(activities.getLastRow() + 1, 1, 1, WARMTH_2026_ROW.length).setValues([WARMTH_2026_ROW]);
  const sourceRows: unknown[][] = [];
  const books = new Set<string>();
  const fill = (sheet: ReturnType<ReturnType<typeof fake.newSpreadsheet>['insertSheet']>, rows: unknown[][]) => {
    if (rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
    if (rows[0].length > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), rows[0].length - sheet.getMaxColumns());
    // Text stays text (ID and card numbers), as a county's plain-text columns keep it.
    sheet.getRange(1, 1, rows.length, rows[0].length).setNumberFormat('@');
    sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  };
  COUNTY_CODES.forEach((county, c) => {
    const book = fake.newSpreadsheet(`${county} 困难职工`);
    fill(book.insertSheet('案件'), caseRows(c));
    fill(book.insertSheet('发放记录'), ledgerRows(c));
    books.add(book.getId());
    sourceRows.push([`${county} 县区`, county, '其他表格', book.getUrl(), '案件', '是']);
    gc();
  });
  ss.getSheetByName('汇总来源')!.getRange(2, 1, sourceRows.length, 6).setValues(sourceRows);
  gc();
  gc();
  const fakeRss = process.memoryUsage().rss;
  const setupMaxRss = process.resourceUsage().maxRSS * 1024;

  const spec = CASES[name];
  // Reads per source spreadsheet: getValues counted by the spreadsheet of the range (the fake's own fields: no counted call).
  const reads = new Map<string, number>();
  type Internal = { _sheet: { _ss: { _id: string } } };
  const proto = Object.getPrototypeOf(ss.getRange('A1')) as { getValues: (this: Internal) => unknown[][] };
  const getValues = proto.getValues;
  proto.getValues = function (this: Internal) {
    const id = this._sheet._ss._id;
    if (books.has(id)) reads.set(id, (reads.get(id) ?? 0) + 1);
    return getValues.call(this);
  };
  // BENCH_LIVE=1: what the run holds, not how fast it is — the heap after a full collection at each
  // source read (before it and once it returned) and at each report write, less the fake's own heap.
  const live = process.env.BENCH_LIVE === '1';
  const fakeHeap = process.memoryUsage().heapUsed;
  let livePeak = 0;
  let livePeakAt = '';
  const sample = (at: string) => {
    gc();
    const held = process.memoryUsage().heapUsed - fakeHeap;
    if (held > livePeak) [livePeak, livePeakAt] = [held, at];
  };
  if (live) {
    const read = proto.getValues;
    proto.getValues = function (this: Internal) {
      const book = books.has(this._sheet._ss._id);
      if (book) sample('before a source read');
      const v = read.call(this);
      if (book) sample('after a source read');
      return v;
    };
    const setValuesProto = proto as unknown as { setValues: (this: unknown, v: unknown[][]) => unknown };
    const write = setValuesProto.setValues;
    setValuesProto.setValues = function (this: unknown, v: unknown[][]) {
      sample('at a report write');
      return write.call(this, v);
    };
  }
  fake.counter.reset();
  const stopProfile = await profileRun();
  const t0 = performance.now();
  const r = server[spec.run]();
  const ms = performance.now() - t0;
  await stopProfile();
  proto.getValues = getValues;
  if (live) {
    sample('after the run');
    console.log(JSON.stringify({ case: name, live_peak_mb: mb(livePeak), live_peak_at: livePeakAt, fake_heap_mb: mb(fakeHeap) }));
    return;
  }
  const heapAfter = process.memoryUsage().heapUsed;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  if (!r.ok) throw new Error(`${name}: ${r.message}`);
  const calls = fake.counter.snapshot();
  console.log(
    JSON.stringify({
      case: name,
      cases: COUNTY_CODES.length * CASES_PER_COUNTY,
      ledger_rows: COUNTY_CODES.length * CASES_PER_COUNTY * 3,
      sources: COUNTY_CODES.length,
      problems: r.problems.length,
      ms: +ms.toFixed(1),
      target_ms: spec.target_ms,
      serviceCalls: fake.counter.total(),
      getValues: calls['Range.getValues'] ?? 0,
      setValues: calls['Range.setValues'] ?? 0,
      max_reads_per_source: Math.max(0, ...reads.values()),
      target_reads_per_source: 2,
      max_rss_mb: mb(maxRss),
      target_mb: spec.target_mb,
      fake_rss_mb: mb(fakeRss),
      run_mb: mb(maxRss - fakeRss),
      setup_max_rss_mb: mb(setupMaxRss),
      heap_after_mb: mb(heapAfter),
      // Each target next to its measurement: met or not, as measured.
      met: {
        ms: spec.target_ms === null ? null : ms <= spec.target_ms,
        max_rss: mb(maxRss) <= spec.target_mb,
        reads_per_source: Math.max(0, ...reads.values()) <= 2,
      },
      // The most frequent service calls: what Apps Script would spend its time on.
      top_calls: Object.fromEntries(
        Object.entries(calls)
          .sort(([, a], [, b]) => b - a)
          .slice(0, 5),
      ),
    }),
  );
  await dumpResult(r, ss);
}

/**
 * BENCH_DUMP=out.json writes what the run made — every value of every sheet it wrote and every
 * problem it reported — so that two runs (before and after a change) can be compared byte for byte.
 */
async function dumpResult(r: { sheets: string[]; problems: string[] }, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Promise<void> {
  const file = process.env.BENCH_DUMP;
  if (!file) return;
  const sheets = r.sheets.map((name) => ({ name, values: ss.getSheetByName(name)!.getDataRange().getValues() }));
  const { writeFileSync } = await import('node:fs');
  writeFileSync(file, JSON.stringify({ problems: r.problems, sheets }));
}

/**
 * BENCH_CPU_PROF=out.cpuprofile profiles the run alone (not the filling), for Chrome DevTools or
 * `node --cpu-prof`'s readers; BENCH_HEAP_SNAPSHOT=out.heapsnapshot snapshots the heap right after it.
 */
async function profileRun(): Promise<() => Promise<void>> {
  const cpu = process.env.BENCH_CPU_PROF;
  const heap = process.env.BENCH_HEAP_SNAPSHOT;
  if (!cpu && !heap) return async () => {};
  const { Session } = await import('node:inspector');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r as T))));
  if (cpu) {
    await post('Profiler.enable');
    await post('Profiler.start');
  }
  return async () => {
    if (cpu) writeFileSync(cpu, JSON.stringify((await post<{ profile: unknown }>('Profiler.stop')).profile));
    if (heap) {
      const { writeHeapSnapshot } = await import('node:v8');
      writeHeapSnapshot(heap);
    }
    session.disconnect();
  };
}

/**
 * Runs `file` (this module or another bench's) as a child for one case; its last stdout line is the JSON
 * result. `heapMb` caps V8's heap (--max-old-space-size); a child that runs out of it returns null.
 */
export function childCase(file: string, arg: string, env: Record<string, string> = {}, heapMb = 8192): Record<string, unknown> | null {
  const child = spawnSync(process.execPath, ['--expose-gc', `--max-old-space-size=${heapMb}`, '--import', 'tsx', file, arg], {
    env: { ...process.env, TZ: 'Asia/Shanghai', ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (child.status !== 0) {
    if (/heap out of memory|Allocation failed/.test(child.stderr)) return null;
    throw new Error(`${arg} failed (${child.status}): ${child.stderr}`);
  }
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as Record<string, unknown>;
}

/**
 * The case in a V8 heap capped at `cap` MB (the fake and the run share it), or with BENCH_HEAP_SEARCH=1
 * the smallest cap, in 10 MB steps upward from the fake's heap plus the live peak, in which it
 * completes (each try a child of its own; slow: near the limit V8 collects all the time).
 */
function cappedRun(self: string, name: CaseName, fakeHeapMb: number, liveMb: number): Record<string, unknown> {
  const from = Math.ceil((fakeHeapMb + liveMb) / 10) * 10;
  const caps = process.env.BENCH_HEAP_SEARCH === '1' ? Array.from({ length: 40 }, (_, i) => from + 10 * i) : [Math.ceil((fakeHeapMb + 2 * liveMb) / 10) * 10];
  let failed: number | null = null;
  for (const cap of caps) {
    const r = childCase(self, name, {}, cap);
    if (r === null) {
      failed = cap;
      continue;
    }
    return { heap_cap_mb: cap, heap_cap_run_mb: cap - fakeHeapMb, heap_cap_failed_mb: failed, heap_cap_ms: r.ms, heap_cap_max_rss_mb: r.max_rss_mb };
  }
  return { heap_cap_mb: null, heap_cap_failed_mb: failed };
}

/**
 * Each case, merged into one line: a timed child (time, peak RSS), a BENCH_LIVE child (what the run
 * holds: the live heap at its peak, after full collections, less the fake's) and a heap-capped child.
 */
export function benchRollup(): Record<string, unknown>[] {
  const self = fileURLToPath(import.meta.url);
  return (Object.keys(CASES) as CaseName[]).map((name) => {
    const timed = childCase(self, name)!;
    const live = childCase(self, name, { BENCH_LIVE: '1' })!;
    const liveMb = live.live_peak_mb as number;
    const met = { ...(timed.met as object), live_mb: liveMb <= CASES[name].target_mb };
    return { ...timed, ...live, ...cappedRun(self, name, live.fake_heap_mb as number, liveMb), met };
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2] in CASES) {
  runCase(process.argv[2] as CaseName).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
