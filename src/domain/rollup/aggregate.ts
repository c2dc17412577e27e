/**
 * The roll-up (汇总): every case of every source counted by county, and the city total.
 *
 * Measures are flat keys (cases, status.notice, cause.因病, paid_fen.medical, …) so that
 * every report reads the same numbers and the cross-check can compare them one by one.
 * The city row is accumulated from the rows directly, not by adding up the counties, so
 * the check catches a county that was dropped or counted twice.
 *
 * Definitions (decided here, SPEC §6 and seed 002; the union counts this way):
 * - households = cases (one case is one family's file); people = the sum of 家庭人口;
 *   active = files not exited (pending ones included: the workload);
 * - archived (已经建立困难职工档案, SPEC §6.1) = approved or filed and not exited; pending,
 *   returned or refused applications are not in the 档案, so the forms' items 2 and 3 count
 *   these, by category and for migrant workers;
 * - lifted (脱困/脱贫) = exited in the year for a reason of that kind only (isLiftedOut);
 * - person-times (人次) of a kind of assistance: each case helped (approved, filed, or
 *   paid — a family paid and since exited was still helped) counts once for each kind
 *   ticked in 帮扶类别; with none ticked, the kind its relief scheme belongs to (medical
 *   schemes → 医疗救助, living and accident → 生活救助);
 * - money by kind: a case's paid amount goes to the kind of its relief scheme;
 * - money and person-times count a reporting period (periods.ts). A source with a 发放记录
 *   sheet counts its payments inside the period, one person-time per payment and kind; once a
 *   ledger exists its case amount columns are never added on top (setup migrates them into it).
 *   A source without one (an older county file) counts a case's amounts when its 发放日期 (else
 *   its 提交日期) falls inside the period;
 * - re-reviewed: 复审年度 = the year; exited: 退出日期 in the year; newly entered: 建档年度
 *   (or the entry date) in the year; overdue: flagged 逾期 and still open.
 * Money is summed in whole fen; yuan and 万元 are made only for display.
 */
import type { CaseStatus } from '../caseModel';
import type { CivilDate } from '../civilDate';
import { BangfuError } from '../errors';
import { indexHeader, isHelped, isLiftedOut, readFact, type CaseFact } from './caseFacts';
import { indexLedgerHeader, readPayment, schemeKind, type Payment } from '../ledger';
import { inPeriod, yearPeriod, type Period } from '../periods';

export type Measures = Map<string, number>;

export interface SourceData {
  name: string;
  /** County code to use when a row has none (the source's own county). */
  county: string;
  values: readonly (readonly unknown[])[];
  /** The source's 发放记录 sheet (header first), when it has one: then money comes only from it. */
  payments?: readonly (readonly unknown[])[];
}

export interface RollupOptions {
  /** The calendar year of the 本年度 items (re-reviewed, exited, entered, lifted out). */
  year: number;
  /** What money and person-times count over (default: the calendar year `year`). */
  period?: Period;
  today: CivilDate;
  /** Called between sources (progress on long work). */
  onSource?: (index: number, total: number, name: string) => void;
  /** Keep the facts of these statuses for the reports that list cases (default: none). */
  keep?: (f: CaseFact) => boolean;
  /**
   * The counties of 设置 (codes like H01), in their order. Given, a row of any other county is
   * refused, and the result has exactly these county rows, zeros included, whether or not a
   * county sent data. Not given: every well-formed code found gets a row.
   */
  counties?: readonly string[];
  /** Rows already seen, shared by the roll-ups of several files (duplicates across files). */
  seen?: SeenRows;
}

/**
 * What the roll-up remembers of rows it counted, to refuse a row counted before: an exact
 * duplicate (kept as a 53-bit hash of its cells, not the row), or a worker number already
 * used (by another ID number, or the same case twice). One per roll-up run, across files.
 */
export class SeenRows {
  private readonly rows = new Map<number, string>();
  private readonly workers = new Map<string, { id: string; where: string }>();

  /** Null when the row is new (and remembers it), else the zh reason naming the first place. */
  check(f: CaseFact, where: string): string | null {
    const key = rowHash(f.raw);
    const dup = this.rows.get(key);
    if (dup !== undefined) return `与${dup}完全相同（重复行）`;
    if (f.workerNo !== '') {
      const first = this.workers.get(f.workerNo);
      if (first) {
        return first.id !== f.idNumber
          ? `“职工编号”：${f.workerNo} 已在${first.where}用于另一身份证号的职工`
          : `“职工编号”：${f.workerNo} 已在${first.where}计入（同一案件重复）`;
      }
      this.workers.set(f.workerNo, { id: f.idNumber, where });
    }
    this.rows.set(key, where);
    return null;
  }
}

/** cyrb53 over the row's cells as text (dates by instant): equal rows, equal hash. */
function rowHash(row: readonly unknown[]): number {
  let h1 = 0xdeadbeef,
    h2 = 0x41c6ce57;
  const text = row
    .map((v) => (v instanceof Date || (typeof v === 'object' && v !== null && 'getTime' in v) ? `D${(v as Date).getTime()}` : `${typeof v}:${String(v)}`))
    .join('\u0001');
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export interface RollupResult {
  year: number;
  period: Period;
  counties: { county: string; measures: Measures }[];
  city: Measures;
  /** Rows that could not be counted, and other problems, in zh. */
  problems: string[];
  rowsRead: number;
  rowsCounted: number;
  kept: CaseFact[];
}

const OPEN: readonly CaseStatus[] = ['submitted', 'returned', 'notice', 'approval'];
/** In the 档案 (archived): approved or filed, not exited. */
const HELPED: readonly CaseStatus[] = ['approved', 'filed'];

export { schemeKind };

function add(m: Measures, key: string, n: number): void {
  if (n !== 0) m.set(key, (m.get(key) ?? 0) + n);
}

/** Everything one case contributes apart from money (money: countCaseMoney or countPayment). */
export function countCase(m: Measures, f: CaseFact, year: number): void {
  add(m, 'cases', 1);
  add(m, 'households', 1);
  add(m, 'people', f.householdSize);
  add(m, `status.${f.status}`, 1);
  // Files still open (not exited) are the families "in hardship" the forms count.
  if (f.status !== 'exited') {
    add(m, 'active', 1);
    add(m, `category.${f.category || '未分类'}`, 1);
    if (f.migrant) add(m, 'migrant.active', 1);
  }
  if (HELPED.includes(f.status)) {
    add(m, 'archived', 1);
    add(m, `archived.category.${f.category || '未分类'}`, 1);
    if (f.migrant) add(m, 'archived.migrant', 1);
  }
  for (const c of f.causes) add(m, `cause.${c}`, 1);
  if (f.migrant) add(m, 'migrant.households', 1);
  if (f.modelWorker) add(m, 'model.households', 1);
  if (f.reviewYear === year) add(m, 'reviewed', 1);
  if (f.exitedAt !== null && Number(f.exitedAt.slice(0, 4)) === year) {
    add(m, 'exited', 1);
    if (isLiftedOut(f.exitReason)) add(m, 'lifted', 1);
  }
  if (f.enteredYear === year) add(m, 'entered', 1);
  if (f.overdue && OPEN.includes(f.status)) add(m, 'overdue', 1);
  if (f.emergency) add(m, 'emergency', 1);
  if (f.submittedAt) add(m, `month.${f.submittedAt.slice(0, 7)}`, 1);
}

/** `fen` paid under `scheme`: money by scheme and to `moneyKind`; one person-time for each of `kinds`. */
function countMoney(m: Measures, f: CaseFact, fen: number, scheme: string, kinds: readonly string[], moneyKind: string): void {
  if (scheme) add(m, `paid_fen.${scheme}`, fen);
  add(m, 'paid_fen.total', fen);
  if (f.modelWorker) add(m, 'paid_fen.model', fen);
  if (f.migrant) add(m, 'paid_fen.migrant', fen);
  for (const k of kinds) {
    add(m, `kind.${k}`, 1);
    if (f.migrant) add(m, `migrant_kind.${k}`, 1);
  }
  add(m, 'helped.person_times', kinds.length);
  if (f.migrant) add(m, 'migrant_helped.person_times', kinds.length);
  add(m, `kind_fen.${moneyKind}`, fen);
  if (f.migrant) add(m, `migrant_kind_fen.${moneyKind}`, fen);
}

/**
 * A source without a ledger: the case's own amounts. A helped case (approved, filed, or paid)
 * counts once for each kind ticked in 帮扶类别 (none ticked: its scheme's kind); its money goes
 * to the kind of its scheme.
 */
export function countCaseMoney(m: Measures, f: CaseFact): void {
  if (f.scheme) add(m, `approved_fen.${f.scheme}`, f.approvedFen);
  add(m, 'approved_fen.total', f.approvedFen);
  const helped = isHelped(f) || f.paidFen > 0;
  const kinds = helped ? (f.kinds.length > 0 ? f.kinds : f.scheme ? [schemeKind(f.scheme)] : []) : [];
  countMoney(m, f, f.paidFen, f.scheme, kinds, f.scheme ? schemeKind(f.scheme) : '其他');
}

/** One ledger payment: its scheme's money, one person-time for its kind. */
export function countPayment(m: Measures, f: CaseFact, p: Payment): void {
  const kind = p.kind || (p.scheme ? schemeKind(p.scheme) : '其他');
  countMoney(m, f, p.amountFen, p.scheme, [kind], kind);
}

/** Whether a source without a ledger counts a case's amounts in the period (its 发放日期, else 提交日期). */
function legacyInPeriod(f: CaseFact, period: Period): boolean {
  const on = f.paidAt ?? f.submittedAt;
  if (on === null) return period.kind === 'year' && f.enteredYear === period.year;
  return inPeriod(period, on, '');
}

export function rollUp(sources: readonly SourceData[], opts: RollupOptions): RollupResult {
  const byCounty = new Map<string, Measures>();
  const city: Measures = new Map();
  const problems: string[] = [];
  const kept: CaseFact[] = [];
  let rowsRead = 0;
  let rowsCounted = 0;
  const configured = opts.counties ? opts.counties.map((c) => c.toUpperCase()) : null;
  const checks = { counties: configured ? new Set(configured) : null };
  const seen = opts.seen ?? new SeenRows();
  const period = opts.period ?? yearPeriod(opts.year);
  for (const c of configured ?? []) byCounty.set(c, new Map());
  sources.forEach((src, si) => {
    opts.onSource?.(si, sources.length, src.name);
    const [header = [], ...rows] = src.values;
    const h = indexHeader(header);
    if (h.col.status === undefined || h.col.household_size === undefined) {
      problems.push(`${src.name}：找不到“状态”或“家庭人口”列，整表未计入`);
      return;
    }
    const ledger = src.payments !== undefined;
    const counted: { f: CaseFact; m: Measures }[] = [];
    for (let i = 0; i < rows.length; i++) {
      const r = readFact(src.name, i + 2, rows[i], h, src.county, checks);
      if (r.ok === 'blank') continue;
      rowsRead++;
      if (r.ok === false) {
        problems.push(r.problem);
        continue;
      }
      const f = r.fact;
      const where = `${src.name}第${i + 2}行`;
      const repeated = seen.check(f, where);
      if (repeated !== null) {
        problems.push(`${where}${repeated}，未计入`);
        continue;
      }
      let m = byCounty.get(f.county);
      if (!m) byCounty.set(f.county, (m = new Map()));
      countCase(m, f, opts.year);
      countCase(city, f, opts.year);
      rowsCounted++;
      if (!ledger && legacyInPeriod(f, period)) {
        countCaseMoney(m, f);
        countCaseMoney(city, f);
        f.periodPaidFen = f.paidFen;
      }
      counted.push({ f, m });
    }
    if (ledger) countLedger(src, counted, period, city, problems);
    for (const { f } of counted) if (opts.keep?.(f)) kept.push(f);
  });
  return { year: opts.year, period, counties: countyRows(byCounty, configured), city, problems, rowsRead, rowsCounted, kept };
}

/**
 * A source's 发放记录 against the cases counted from it: each payment inside the period adds to
 * its case's county and the city; a payment the roll-up cannot count is reported. A payment
 * needs its case archived (approved, filed, or exited since) unless it is flagged 先行救助.
 */
function countLedger(src: SourceData, counted: readonly { f: CaseFact; m: Measures }[], period: Period, city: Measures, problems: string[]): void {
  const [header = [], ...rows] = src.payments ?? [];
  if (rows.length === 0) return;
  const h = indexLedgerHeader(header);
  if (h.col.worker_no === undefined || h.col.amount === undefined || h.col.paid_on === undefined) {
    problems.push(`${src.name}：发放记录找不到“职工编号”“发放日期”或“发放金额（元）”列，整表未计入`);
    return;
  }
  const byNo = new Map<string, { f: CaseFact; m: Measures }>();
  for (const c of counted) if (c.f.workerNo) byNo.set(c.f.workerNo, c);
  rows.forEach((row, i) => {
    const r = readPayment(src.name, i + 2, row, h);
    if (r.ok === 'blank') return;
    if (r.ok === false) {
      problems.push(r.problem);
      return;
    }
    const p = r.payment;
    const where = `${src.name}发放记录第${i + 2}行`;
    const c = byNo.get(p.workerNo);
    if (!c) {
      problems.push(`${where}“职工编号”：${p.workerNo} 不在本来源已计入的案件中，未计入`);
      return;
    }
    if (!(HELPED.includes(c.f.status) || c.f.status === 'exited') && !p.emergency) {
      problems.push(`${where}：${p.workerNo} 的案件尚未审批（先建档、后帮扶），且未标为先行救助，未计入`);
      return;
    }
    if (!inPeriod(period, p.paidOn, p.period)) return;
    countPayment(c.m, c.f, p);
    countPayment(city, c.f, p);
    c.f.periodPaidFen += p.amountFen;
  });
}

/** The configured counties in their order (each present), else every county found, sorted. */
function countyRows(byCounty: Map<string, Measures>, configured: readonly string[] | null): { county: string; measures: Measures }[] {
  const order = configured ?? [...byCounty.keys()].sort((a, b) => a.localeCompare(b));
  return order.map((county) => ({ county, measures: byCounty.get(county) ?? new Map() }));
}

/** The sum of the counties equals the city row for every measure; otherwise an error naming them. */
export function crossCheck(result: Pick<RollupResult, 'counties' | 'city'>): void {
  const keys = new Set<string>(result.city.keys());
  for (const c of result.counties) for (const k of c.measures.keys()) keys.add(k);
  const wrong: string[] = [];
  for (const k of keys) {
    let sum = 0;
    for (const c of result.counties) sum += c.measures.get(k) ?? 0;
    const city = result.city.get(k) ?? 0;
    if (sum !== city) wrong.push(`${k}（各县区合计 ${sum}，全市 ${city}）`);
  }
  if (wrong.length > 0) {
    throw new BangfuError('rollup.mismatch', `汇总核对不一致：${wrong.join('；')}`, `Roll-up totals do not add up: ${wrong.join('; ')}`);
  }
}

export const get = (m: Measures, key: string): number => m.get(key) ?? 0;

/**
 * Several roll-ups as one (the CLI rolls each county file up as soon as it is read, so
 * only one file's rows are in memory at a time). Counties and the city row are summed
 * separately, so crossCheck still compares two independent sums.
 */
export function mergeRollups(
  parts: readonly RollupResult[],
  year: number,
  counties?: readonly string[],
  period: Period = parts[0]?.period ?? yearPeriod(year),
): RollupResult {
  const byCounty = new Map<string, Measures>();
  const city: Measures = new Map();
  const out: RollupResult = { year, period, counties: [], city, problems: [], rowsRead: 0, rowsCounted: 0, kept: [] };
  for (const p of parts) {
    for (const c of p.counties) {
      let m = byCounty.get(c.county);
      if (!m) byCounty.set(c.county, (m = new Map()));
      for (const [k, v] of c.measures) add(m, k, v);
    }
    for (const [k, v] of p.city) add(city, k, v);
    out.problems.push(...p.problems);
    out.kept.push(...p.kept);
    out.rowsRead += p.rowsRead;
    out.rowsCounted += p.rowsCounted;
  }
  const configured = counties ? counties.map((c) => c.toUpperCase()) : null;
  out.counties = countyRows(byCounty, configured);
  return out;
}
