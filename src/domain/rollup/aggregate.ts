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
import { indexHeader, isHelped, isLiftedOut, readFact, type CaseFact, type FactChecks, type FactMemo, type HeaderIndex } from './caseFacts';
import { indexLedgerHeader, schemeKind, type LedgerIndex, type Payment } from '../ledger';
import { periodBounds, yearPeriod, type Period } from '../periods';
import { readLedgerRow } from './ledgerRows';

export type Measures = Map<string, number>;

export interface SourceData {
  name: string;
  /** County code to use when a row has none (the source's own county). */
  county: string;
  values: readonly (readonly unknown[])[];
  /** The source's 发放记录 sheet (header first), when it has one: then money comes only from it. */
  payments?: readonly (readonly unknown[])[];
}

/**
 * What the lists (实名制汇总表, 公示名单) show of a kept case: copied out of its row, so a roll-up
 * of many files keeps these few fields of the families listed, never their rows.
 */
export type ListedFact = Pick<
  CaseFact,
  | 'source'
  | 'row'
  | 'workerNo'
  | 'county'
  | 'status'
  | 'name'
  | 'sex'
  | 'age'
  | 'idNumber'
  | 'cardNumber'
  | 'employer'
  | 'address'
  | 'phone'
  | 'category'
  | 'scheme'
  | 'noticeStart'
  | 'noticeEnd'
  | 'periodPaidFen'
>;

export interface RollupOptions {
  /** The calendar year of the 本年度 items (re-reviewed, exited, entered, lifted out). */
  year: number;
  /** What money and person-times count over (default: the calendar year `year`). */
  period?: Period;
  today: CivilDate;
  /** Called between sources (progress on long work). */
  onSource?: (index: number, total: number, name: string) => void;
  /** Keep these cases (their listed fields) for the reports that list cases (default: none). */
  keep?: (f: ListedFact) => boolean;
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
 * What one source added can be taken back (a file that fails half-way is skipped whole).
 */
export class SeenRows {
  // Row hashes in a chained hash table of typed arrays (each 53-bit hash as two 32-bit halves) and
  // worker numbers in a Map to their entry; where a row was is kept as a number (source, row), made
  // text only for a problem: a few bytes per row remembered, no string or object per row.
  private heads = new Int32Array(1 << 12).fill(-1);
  private lo = new Int32Array(1 << 12);
  private hi = new Int32Array(1 << 12);
  private next = new Int32Array(1 << 12);
  private rowPlace = new Float64Array(1 << 12);
  private n = 0;
  private readonly workers = new Map<string, number>();
  private readonly workerNo: string[] = [];
  private readonly workerId: string[] = [];
  private readonly workerPlace: number[] = [];
  private readonly sources: string[] = [];
  private readonly texts: string[] = [];
  private lastSource = '';
  private lastSourceIndex = -1;
  private mark: { rows: number; workers: number } | null = null;

  /** Null when the row is new (and remembers it), else the zh reason naming the first place. */
  check(f: CaseFact, where: string, key: number = rowHash(f.raw)): string | null {
    this.texts.push(where);
    return this.checkPlace(f, -this.texts.length, key);
  }

  /** check() of row `row` of `source` (where: `${source}第${row}行`), the text made only when needed. */
  checkAt(f: CaseFact, source: string, row: number, key: number): string | null {
    if (row >= PLACE_ROWS) return this.check(f, `${source}第${row}行`, key);
    if (source !== this.lastSource || this.lastSourceIndex < 0) {
      let i = this.sources.indexOf(source);
      if (i < 0) i = this.sources.push(source) - 1;
      this.lastSource = source;
      this.lastSourceIndex = i;
    }
    return this.checkPlace(f, this.lastSourceIndex * PLACE_ROWS + row, key);
  }

  private where(place: number): string {
    return place < 0 ? this.texts[-place - 1] : `${this.sources[Math.floor(place / PLACE_ROWS)]}第${place % PLACE_ROWS}行`;
  }

  private checkPlace(f: CaseFact, place: number, key: number): string | null {
    const lo = key >>> 0;
    const hi = Math.floor(key / 4294967296);
    for (let e = this.heads[lo & (this.heads.length - 1)]; e >= 0; e = this.next[e]) {
      if (this.lo[e] === (lo | 0) && this.hi[e] === hi) return `与${this.where(this.rowPlace[e])}完全相同（重复行）`;
    }
    if (f.workerNo !== '') {
      const first = this.workers.get(f.workerNo);
      if (first !== undefined) {
        const where = this.where(this.workerPlace[first]);
        return this.workerId[first] !== f.idNumber
          ? `“职工编号”：${f.workerNo} 已在${where}用于另一身份证号的职工`
          : `“职工编号”：${f.workerNo} 已在${where}计入（同一案件重复）`;
      }
      this.workers.set(f.workerNo, this.workerNo.length);
      this.workerNo.push(f.workerNo);
      this.workerId.push(f.idNumber);
      this.workerPlace.push(place);
    }
    this.insert(lo | 0, hi, place);
    return null;
  }

  private insert(lo: number, hi: number, place: number): void {
    if (this.n === this.lo.length) this.grow();
    const e = this.n++;
    this.lo[e] = lo;
    this.hi[e] = hi;
    this.rowPlace[e] = place;
    const b = lo & (this.heads.length - 1);
    this.next[e] = this.heads[b];
    this.heads[b] = e;
  }

  private grow(): void {
    const size = this.lo.length * 2;
    const more = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.lo = more(this.lo, (k) => new Int32Array(k));
    this.hi = more(this.hi, (k) => new Int32Array(k));
    this.next = more(this.next, (k) => new Int32Array(k));
    this.rowPlace = more(this.rowPlace, (k) => new Float64Array(k));
    // One bucket per entry: the chains stay short. Rebuilt oldest first, so each chain is newest first as before.
    this.heads = new Int32Array(size).fill(-1);
    for (let e = 0; e < this.n; e++) {
      const b = this.lo[e] & (size - 1);
      this.next[e] = this.heads[b];
      this.heads[b] = e;
    }
  }

  /** From here on, remember what is added, to forget it on rollback. */
  begin(): void {
    this.mark = { rows: this.n, workers: this.workerNo.length };
  }

  commit(): void {
    this.mark = null;
  }

  rollback(): void {
    if (this.mark) {
      // Newest first: each entry is then the head of its chain.
      while (this.n > this.mark.rows) {
        const e = --this.n;
        this.heads[this.lo[e] & (this.heads.length - 1)] = this.next[e];
      }
      while (this.workerNo.length > this.mark.workers) {
        this.workers.delete(this.workerNo.pop()!);
        this.workerId.pop();
        this.workerPlace.pop();
      }
    }
    this.mark = null;
  }
}

/** A place (source, row) as one number: rows of a sheet stay under 2^24 (10 million cells). */
const PLACE_ROWS = 2 ** 24;

/**
 * cyrb53 over the row's cells as text (dates by instant), joined by U+0001: equal rows, equal hash.
 * Fed cell by cell instead of joining the row into one string first, and a number's digits fed as
 * String() would write them, so a row costs no string at all (the same hash as the joined text).
 */
export function rowHash(row: readonly unknown[]): number {
  h1 = 0xdeadbeef | 0;
  h2 = 0x41c6ce57 | 0;
  for (let c = 0; c < row.length; c++) {
    if (c > 0) mix(1);
    // A hole (a cell the reader never filled) joins as '', as Array.prototype.join makes it.
    if (!(c in row)) continue;
    const v = row[c];
    if (typeof v === 'string') {
      feed('string:');
      feed(v);
    } else if (typeof v === 'number') {
      feed('number:');
      feedNumber(v);
    } else if (typeof v === 'boolean') feed(v ? 'boolean:true' : 'boolean:false');
    else if (v instanceof Date || (typeof v === 'object' && v !== null && 'getTime' in v)) {
      mix(0x44); // D
      feedNumber((v as Date).getTime());
    } else feed(`${typeof v}:${String(v)}`);
  }
  let a = h1,
    b = h2;
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return 4294967296 * (2097151 & b) + (a >>> 0);
}

/** The running cyrb53 state (two 32-bit halves), fed char by char. */
let h1 = 0;
let h2 = 0;
function mix(ch: number): void {
  h1 = Math.imul(h1 ^ ch, 2654435761);
  h2 = Math.imul(h2 ^ ch, 1597334677);
}
function feed(text: string): void {
  for (let i = 0; i < text.length; i++) mix(text.charCodeAt(i));
}
const digits = new Uint8Array(16);
/** String(n)'s characters: a safe integer digit by digit (most cells: amounts, years, instants), else String(n). */
function feedNumber(n: number): void {
  if (!Number.isSafeInteger(n)) {
    feed(String(n));
    return;
  }
  // -0 is "0", as String(-0).
  if (n < 0) {
    mix(0x2d);
    n = -n;
  }
  let len = 0;
  do {
    const q = Math.floor(n / 10);
    digits[len++] = n - q * 10;
    n = q;
  } while (n > 0);
  while (len > 0) mix(48 + digits[--len]);
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
  kept: ListedFact[];
}

const OPEN: readonly CaseStatus[] = ['submitted', 'returned', 'notice', 'approval'];
/** In the 档案 (archived): approved or filed, not exited. */
const HELPED: readonly CaseStatus[] = ['approved', 'filed'];

export { schemeKind };

function add(m: Measures, key: string, n: number): void {
  if (n !== 0) m.set(key, (m.get(key) ?? 0) + n);
}

/** The measure keys every roll-up has, numbered in this order (KeyIds gives them these ids). */
const FIXED = [
  'cases',
  'households',
  'people',
  'active',
  'migrant.active',
  'archived',
  'archived.migrant',
  'migrant.households',
  'model.households',
  'reviewed',
  'exited',
  'lifted',
  'entered',
  'overdue',
  'emergency',
  'paid_fen.total',
  'paid_fen.model',
  'paid_fen.migrant',
  'helped.person_times',
  'migrant_helped.person_times',
  'approved_fen.total',
] as const;
const K = Object.fromEntries(FIXED.map((k, i) => [k, i])) as Record<(typeof FIXED)[number], number>;

/**
 * Measure keys numbered, per roll-up run: counting adds into arrays by number, and the key text
 * ('cause.因病') is made once per distinct value, not per case (one id per distinct key text).
 */
class KeyIds {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly byPrefix = new Map<string, Map<string, number>>();
  constructor() {
    for (const k of FIXED) this.id(k);
  }
  id(name: string): number {
    let i = this.ids.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.ids.set(name, i);
    }
    return i;
  }
  of(prefix: string, value: string): number {
    let byValue = this.byPrefix.get(prefix);
    if (!byValue) this.byPrefix.set(prefix, (byValue = new Map()));
    let i = byValue.get(value);
    if (i === undefined) byValue.set(value, (i = this.id(prefix + value)));
    return i;
  }
}

/**
 * Measures being counted: values by key id, and the keys in the order first counted, so that the
 * Map made of it at the end is the one adding into a Map would have made (same order, same sums).
 */
class Acc {
  vals = new Float64Array(64);
  touched = new Uint8Array(64);
  readonly order: number[] = [];
  add(id: number, n: number): void {
    if (n === 0) return;
    if (id >= this.vals.length) this.grow(id);
    if (this.touched[id] === 0) {
      this.touched[id] = 1;
      this.order.push(id);
    }
    this.vals[id] += n;
  }
  private grow(id: number): void {
    const size = Math.max(id + 1, this.vals.length * 2);
    const vals = new Float64Array(size);
    vals.set(this.vals);
    const touched = new Uint8Array(size);
    touched.set(this.touched);
    this.vals = vals;
    this.touched = touched;
  }
  /** Adds all of `o` (in its order). */
  absorb(o: Acc): void {
    for (const id of o.order) this.add(id, o.vals[id]);
  }
  toMap(names: readonly string[]): Measures {
    const m: Measures = new Map();
    for (const id of this.order) m.set(names[id], this.vals[id]);
    return m;
  }
}

/** One case's or payment's increments as key id/value pairs (applied to its county and the city alike). */
type Increments = { ids: number[]; values: number[]; n: number };
const scratch: Increments = { ids: [], values: [], n: 0 };
const payScratch: Increments = { ids: [], values: [], n: 0 };
function push(out: Increments, id: number, v: number): void {
  out.ids[out.n] = id;
  out.values[out.n] = v;
  out.n++;
}
function apply(m: Acc, inc: Increments): void {
  for (let i = 0; i < inc.n; i++) m.add(inc.ids[i], inc.values[i]);
}
/** The exported Map counters: the same increments, added by key text. */
function applyToMap(m: Measures, inc: Increments, keys: KeyIds): void {
  for (let i = 0; i < inc.n; i++) add(m, keys.names[inc.ids[i]], inc.values[i]);
}

type CaseCounted = Pick<
  CaseFact,
  | 'householdSize'
  | 'status'
  | 'category'
  | 'migrant'
  | 'causes'
  | 'modelWorker'
  | 'reviewYear'
  | 'exitedAt'
  | 'exitReason'
  | 'enteredYear'
  | 'overdue'
  | 'emergency'
  | 'submittedAt'
>;

function caseIncrements(out: Increments, f: CaseCounted, year: number, keys: KeyIds): void {
  out.n = 0;
  push(out, K.cases, 1);
  push(out, K.households, 1);
  push(out, K.people, f.householdSize);
  push(out, keys.of('status.', f.status), 1);
  // Files still open (not exited) are the families "in hardship" the forms count.
  if (f.status !== 'exited') {
    push(out, K.active, 1);
    push(out, keys.of('category.', f.category || '未分类'), 1);
    if (f.migrant) push(out, K['migrant.active'], 1);
  }
  if (HELPED.includes(f.status)) {
    push(out, K.archived, 1);
    push(out, keys.of('archived.category.', f.category || '未分类'), 1);
    if (f.migrant) push(out, K['archived.migrant'], 1);
  }
  for (const c of f.causes) push(out, keys.of('cause.', c), 1);
  if (f.migrant) push(out, K['migrant.households'], 1);
  if (f.modelWorker) push(out, K['model.households'], 1);
  if (f.reviewYear === year) push(out, K.reviewed, 1);
  if (f.exitedAt !== null && Number(f.exitedAt.slice(0, 4)) === year) {
    push(out, K.exited, 1);
    if (isLiftedOut(f.exitReason)) push(out, K.lifted, 1);
  }
  if (f.enteredYear === year) push(out, K.entered, 1);
  if (f.overdue && OPEN.includes(f.status)) push(out, K.overdue, 1);
  if (f.emergency) push(out, K.emergency, 1);
  if (f.submittedAt) push(out, keys.of('month.', f.submittedAt.slice(0, 7)), 1);
}

/** Everything one case contributes apart from money (money: countCaseMoney or countPayment). */
export function countCase(m: Measures, f: CaseCounted, year: number): void {
  const keys = new KeyIds();
  caseIncrements(scratch, f, year, keys);
  applyToMap(m, scratch, keys);
}

type MoneyOf = Pick<CaseFact, 'modelWorker' | 'migrant'>;

/** `fen` paid under `scheme`: money by scheme and to `moneyKind`; one person-time for each of `kinds`. */
function moneyIncrements(out: Increments, f: MoneyOf, fen: number, scheme: string, kinds: readonly string[], moneyKind: string, keys: KeyIds): void {
  if (scheme) push(out, keys.of('paid_fen.', scheme), fen);
  push(out, K['paid_fen.total'], fen);
  if (f.modelWorker) push(out, K['paid_fen.model'], fen);
  if (f.migrant) push(out, K['paid_fen.migrant'], fen);
  for (const k of kinds) {
    push(out, keys.of('kind.', k), 1);
    if (f.migrant) push(out, keys.of('migrant_kind.', k), 1);
  }
  push(out, K['helped.person_times'], kinds.length);
  if (f.migrant) push(out, K['migrant_helped.person_times'], kinds.length);
  push(out, keys.of('kind_fen.', moneyKind), fen);
  if (f.migrant) push(out, keys.of('migrant_kind_fen.', moneyKind), fen);
}

type CaseMoney = MoneyOf & Pick<CaseFact, 'scheme' | 'approvedFen' | 'paidFen' | 'kinds' | 'status' | 'emergency'>;

/**
 * A source without a ledger: the case's own amounts. A helped case (approved, filed, or paid)
 * counts once for each kind ticked in 帮扶类别 (none ticked: its scheme's kind); its money goes
 * to the kind of its scheme.
 */
function caseMoneyIncrements(out: Increments, f: CaseMoney, keys: KeyIds): void {
  out.n = 0;
  if (f.scheme) push(out, keys.of('approved_fen.', f.scheme), f.approvedFen);
  push(out, K['approved_fen.total'], f.approvedFen);
  const helped = isHelped(f) || f.paidFen > 0;
  const kinds = helped ? (f.kinds.length > 0 ? f.kinds : f.scheme ? [schemeKind(f.scheme)] : []) : [];
  moneyIncrements(out, f, f.paidFen, f.scheme, kinds, f.scheme ? schemeKind(f.scheme) : '其他', keys);
}

export function countCaseMoney(m: Measures, f: CaseMoney): void {
  const keys = new KeyIds();
  caseMoneyIncrements(payScratch, f, keys);
  applyToMap(m, payScratch, keys);
}

const ONE_KIND: string[] = [''];
/** One ledger payment: its scheme's money, one person-time for its kind. */
function paymentIncrements(out: Increments, f: MoneyOf, p: Pick<Payment, 'kind' | 'scheme' | 'amountFen'>, keys: KeyIds): void {
  out.n = 0;
  const kind = p.kind || (p.scheme ? schemeKind(p.scheme) : '其他');
  ONE_KIND[0] = kind;
  moneyIncrements(out, f, p.amountFen, p.scheme, ONE_KIND, kind, keys);
}

export function countPayment(m: Measures, f: MoneyOf, p: Pick<Payment, 'kind' | 'scheme' | 'amountFen'>): void {
  const keys = new KeyIds();
  paymentIncrements(payScratch, f, p, keys);
  applyToMap(m, payScratch, keys);
}

/** periods.inPeriod with the period's bounds worked out once, not per payment. */
function periodTest(p: Period): (paidOn: CivilDate, periodText: string) => boolean {
  const { start, end } = periodBounds(p);
  if (p.kind === 'campaign') {
    const name = p.name;
    return (paidOn, text) => {
      const t = text.trim();
      if (t !== '') return t === name;
      return start <= paidOn && paidOn <= end;
    };
  }
  return (paidOn) => start <= paidOn && paidOn <= end;
}

/** Whether a source without a ledger counts a case's amounts in the period (its 发放日期, else 提交日期). */
function legacyInPeriod(f: Pick<CaseFact, 'paidAt' | 'submittedAt' | 'enteredYear'>, period: Period, test: (on: CivilDate, text: string) => boolean): boolean {
  const on = f.paidAt ?? f.submittedAt;
  if (on === null) return period.kind === 'year' && f.enteredYear === period.year;
  return test(on, '');
}

/**
 * A case counted from the source being rolled up: the few fields the ledger, the legacy
 * amounts and the lists need, copied out of its fact (the row and the rest are let go).
 */
class Counted {
  readonly source: string;
  readonly row: number;
  readonly workerNo: string;
  readonly county: string;
  readonly status: CaseStatus;
  readonly name: string;
  readonly sex: string;
  readonly age: number | null;
  readonly idNumber: string;
  readonly cardNumber: string;
  readonly employer: string;
  readonly address: string;
  readonly phone: string;
  readonly category: string;
  readonly scheme: string;
  readonly noticeStart: CivilDate | null;
  readonly noticeEnd: CivilDate | null;
  readonly migrant: boolean;
  readonly modelWorker: boolean;
  readonly emergency: boolean;
  readonly approvedFen: number;
  readonly paidFen: number;
  readonly kinds: string[];
  readonly paidAt: CivilDate | null;
  readonly submittedAt: CivilDate | null;
  readonly enteredYear: number | null;
  /** Per roll-up of the run: the county's measures (this source's share) and the amount paid in its period. */
  readonly measures: Acc[];
  readonly periodPaid: number[];

  constructor(f: CaseFact, periods: number) {
    this.source = f.source;
    this.row = f.row;
    this.workerNo = f.workerNo;
    this.county = f.county;
    this.status = f.status;
    this.name = f.name;
    this.sex = f.sex;
    this.age = f.age;
    this.idNumber = f.idNumber;
    this.cardNumber = f.cardNumber;
    this.employer = f.employer;
    this.address = f.address;
    this.phone = f.phone;
    this.category = f.category;
    this.scheme = f.scheme;
    this.noticeStart = f.noticeStart;
    this.noticeEnd = f.noticeEnd;
    this.migrant = f.migrant;
    this.modelWorker = f.modelWorker;
    this.emergency = f.emergency;
    this.approvedFen = f.approvedFen;
    this.paidFen = f.paidFen;
    this.kinds = f.kinds;
    this.paidAt = f.paidAt;
    this.submittedAt = f.submittedAt;
    this.enteredYear = f.enteredYear;
    this.measures = new Array<Acc>(periods);
    this.periodPaid = new Array<number>(periods).fill(0);
  }

  listed(i: number): ListedFact {
    return {
      source: this.source,
      row: this.row,
      workerNo: this.workerNo,
      county: this.county,
      status: this.status,
      name: this.name,
      sex: this.sex,
      age: this.age,
      idNumber: this.idNumber,
      cardNumber: this.cardNumber,
      employer: this.employer,
      address: this.address,
      phone: this.phone,
      category: this.category,
      scheme: this.scheme,
      noticeStart: this.noticeStart,
      noticeEnd: this.noticeEnd,
      periodPaidFen: this.periodPaid[i],
    };
  }
}

/** What one roll-up (one set of options) has counted; a source's share is added when the source is done. */
class Tally {
  readonly byCounty = new Map<string, Acc>();
  readonly city = new Acc();
  problems: string[] = [];
  kept: ListedFact[] = [];
  rowsRead = 0;
  rowsCounted = 0;

  county(code: string): Acc {
    let m = this.byCounty.get(code);
    if (!m) this.byCounty.set(code, (m = new Acc()));
    return m;
  }

  /** Adds a source's tally into this one. */
  absorb(t: Tally): void {
    for (const [code, m] of t.byCounty) this.county(code).absorb(m);
    this.city.absorb(t.city);
    for (const p of t.problems) this.problems.push(p);
    for (const f of t.kept) this.kept.push(f);
    this.rowsRead += t.rowsRead;
    this.rowsCounted += t.rowsCounted;
  }
}

interface Run {
  opts: RollupOptions;
  year: number;
  period: Period;
  test: (paidOn: CivilDate, text: string) => boolean;
  seen: SeenRows;
  total: Tally;
  /** The source being read (null between sources). */
  src: Tally | null;
  counted: Counted[];
  byNo: Map<string, Counted>;
}

/**
 * The roll-up fed row by row: one or several roll-ups (options sets: the calendar year and a
 * campaign, say) over the same sources in ONE pass, each row read once. A source is fed as
 * beginSource, its case rows (header first), then — when it has a 发放记录 sheet — ledger(),
 * the ledger rows (header first), then endSource; a source that fails half-way is dropped
 * with abortSource and leaves no trace. The sources' rows are never kept: a counted case
 * becomes a few fields until its source is done, and a listed family its listed fields.
 * All options of one run must name the same counties (each row is checked once).
 */
export class RollupBuilder {
  private readonly runs: Run[];
  private readonly seens: SeenRows[];
  private readonly checks: FactChecks;
  private readonly configured: string[] | null;
  private name = '';
  private defaultCounty = '';
  private header: HeaderIndex | null = null;
  private skipped = false;
  private hasLedger = false;
  private ledgerHeader: LedgerIndex | null = null;
  private ledgerRows = 0;
  private ledgerSkipped = false;
  /** Hashes of the seen-row memories, per memory (two roll-ups sharing one memory check it once). */
  private readonly seenResult: (string | null)[] = [];
  private readonly keys = new KeyIds();
  private readonly memo: FactMemo = { lists: new Map() };

  constructor(optsList: readonly RollupOptions[]) {
    const first = optsList[0];
    if (!first) throw new Error('RollupBuilder: no options');
    const countiesKey = (o: RollupOptions) => (o.counties ? o.counties.map((c) => c.toUpperCase()).join(',') : null);
    if (optsList.some((o) => countiesKey(o) !== countiesKey(first))) throw new Error('RollupBuilder: every roll-up of one run must name the same counties');
    this.configured = first.counties ? first.counties.map((c) => c.toUpperCase()) : null;
    this.checks = { counties: this.configured ? new Set(this.configured) : null };
    this.seens = [];
    // Roll-ups given no memory share one: each would be asked the same rows in the same order.
    let own: SeenRows | null = null;
    this.runs = optsList.map((opts) => {
      const seen = opts.seen ?? (own ??= new SeenRows());
      if (!this.seens.includes(seen)) this.seens.push(seen);
      const period = opts.period ?? yearPeriod(opts.year);
      const total = new Tally();
      for (const c of this.configured ?? []) total.county(c);
      return { opts, year: opts.year, period, test: periodTest(period), seen, total, src: null, counted: [], byNo: new Map() };
    });
  }

  beginSource(name: string, county: string): void {
    this.name = name;
    this.defaultCounty = county;
    this.header = null;
    this.skipped = false;
    this.hasLedger = false;
    this.ledgerHeader = null;
    this.ledgerRows = 0;
    this.ledgerSkipped = false;
    for (const s of this.seens) s.begin();
    for (const r of this.runs) {
      r.src = new Tally();
      r.counted = [];
      r.byNo = new Map();
    }
  }

  private problem(text: string): void {
    for (const r of this.runs) r.src!.problems.push(text);
  }

  /** The case sheet's header (row 1; [] when the sheet has none). */
  caseHeader(header: readonly unknown[]): void {
    const h = indexHeader(header);
    if (h.col.status === undefined || h.col.household_size === undefined) {
      this.problem(`${this.name}：找不到“状态”或“家庭人口”列，整表未计入`);
      this.skipped = true;
      return;
    }
    this.header = h;
  }

  /** One case row (rowNumber: its row in the sheet). */
  caseRow(rowNumber: number, row: readonly unknown[]): void {
    if (this.skipped || !this.header) return;
    const r = readFact(this.name, rowNumber, row, this.header, this.defaultCounty, this.checks, this.memo);
    if (r.ok === 'blank') return;
    for (const run of this.runs) run.src!.rowsRead++;
    if (r.ok === false) {
      this.problem(r.problem);
      return;
    }
    const f = r.fact;
    const hash = rowHash(row);
    for (let i = 0; i < this.seens.length; i++) this.seenResult[i] = this.seens[i].checkAt(f, this.name, rowNumber, hash);
    let c: Counted | null = null;
    let incYear: number | null = null;
    for (let ri = 0; ri < this.runs.length; ri++) {
      const run = this.runs[ri];
      const src = run.src!;
      const repeated = this.seenResult[this.seens.indexOf(run.seen)];
      if (repeated !== null) {
        src.problems.push(`${this.name}第${rowNumber}行${repeated}，未计入`);
        continue;
      }
      if (incYear !== run.year) caseIncrements(scratch, f, (incYear = run.year), this.keys);
      const m = src.county(f.county);
      apply(m, scratch);
      apply(src.city, scratch);
      src.rowsCounted++;
      c ??= new Counted(f, this.runs.length);
      c.measures[ri] = m;
      run.counted.push(c);
      if (c.workerNo) run.byNo.set(c.workerNo, c);
    }
  }

  /** The source has a 发放记录 sheet: its money comes from it alone, even when it holds no payment. */
  ledger(): void {
    this.hasLedger = true;
  }

  /** One ledger row: rowNumber 1 is the header; a sheet without row 1 has an empty header. */
  ledgerRow(rowNumber: number, row: readonly unknown[]): void {
    if (this.skipped || this.ledgerSkipped) return;
    if (rowNumber === 1 && this.ledgerHeader === null) {
      this.ledgerHeader = indexLedgerHeader(row);
      return;
    }
    // The header is checked at the first row under it: a ledger of a header alone is no problem.
    if (this.ledgerRows++ === 0) {
      const h = (this.ledgerHeader ??= indexLedgerHeader([]));
      if (h.col.worker_no === undefined || h.col.amount === undefined || h.col.paid_on === undefined) {
        this.problem(`${this.name}：发放记录找不到“职工编号”“发放日期”或“发放金额（元）”列，整表未计入`);
        this.ledgerSkipped = true;
        return;
      }
    }
    const r = readLedgerRow(this.name, rowNumber, row, this.ledgerHeader!);
    if (r.ok === 'blank') return;
    if (r.ok === false) {
      this.problem(r.problem);
      return;
    }
    const p = r.payment;
    let incs = false;
    for (let ri = 0; ri < this.runs.length; ri++) {
      const run = this.runs[ri];
      const src = run.src!;
      const c = run.byNo.get(p.workerNo);
      if (!c) {
        src.problems.push(`${this.name}发放记录第${rowNumber}行“职工编号”：${p.workerNo} 不在本来源已计入的案件中，未计入`);
        continue;
      }
      if (!(HELPED.includes(c.status) || c.status === 'exited') && !p.emergency) {
        src.problems.push(`${this.name}发放记录第${rowNumber}行：${p.workerNo} 的案件尚未审批（先建档、后帮扶），且未标为先行救助，未计入`);
        continue;
      }
      if (!run.test(p.paidOn, p.period)) continue;
      // The same increments for every roll-up of the run: made once.
      if (!incs) paymentIncrements(payScratch, c, p, this.keys);
      incs = true;
      apply(c.measures[ri], payScratch);
      apply(src.city, payScratch);
      c.periodPaid[ri] += p.amountFen;
    }
  }

  /** The source is read: a source without a ledger counts its cases' own amounts; its tallies join the totals. */
  endSource(): void {
    // A case sheet with no row at all (not even a header) is a sheet without the columns.
    if (!this.skipped && !this.header) this.caseHeader([]);
    for (let ri = 0; ri < this.runs.length; ri++) {
      const run = this.runs[ri];
      const src = run.src!;
      if (!this.skipped && !this.hasLedger) {
        for (const c of run.counted) {
          if (!legacyInPeriod(c, run.period, run.test)) continue;
          caseMoneyIncrements(payScratch, c, this.keys);
          apply(c.measures[ri], payScratch);
          apply(src.city, payScratch);
          c.periodPaid[ri] = c.paidFen;
        }
      }
      const keep = run.opts.keep;
      if (keep) {
        for (const c of run.counted) {
          const f = c.listed(ri);
          if (keep(f)) src.kept.push(f);
        }
      }
      run.total.absorb(src);
      run.src = null;
      run.counted = [];
      run.byNo = new Map();
    }
    for (const s of this.seens) s.commit();
  }

  /** The source could not be read to its end: forget it (its rows are not remembered as seen either). */
  abortSource(): void {
    for (const s of this.seens) s.rollback();
    for (const run of this.runs) {
      run.src = null;
      run.counted = [];
      run.byNo = new Map();
    }
  }

  /** One result per options set, in their order. */
  results(): RollupResult[] {
    const names = this.keys.names;
    return this.runs.map((run) => ({
      year: run.year,
      period: run.period,
      counties: countyRows(new Map([...run.total.byCounty].map(([code, m]) => [code, m.toMap(names)])), this.configured),
      city: run.total.city.toMap(names),
      problems: run.total.problems,
      rowsRead: run.total.rowsRead,
      rowsCounted: run.total.rowsCounted,
      kept: run.total.kept,
    }));
  }

  /** Feeds one source held in memory. */
  addSource(src: SourceData): void {
    this.beginSource(src.name, src.county);
    const [header = [], ...rest] = src.values;
    this.caseHeader(header);
    for (let i = 0; i < rest.length; i++) this.caseRow(i + 2, rest[i]);
    if (src.payments !== undefined) {
      this.ledger();
      const p = src.payments;
      // Row 1 is the header even when blank ([] as the old reading had it).
      if (p.length > 0) this.ledgerRow(1, p[0]);
      for (let i = 1; i < p.length; i++) this.ledgerRow(i + 1, p[i]);
    }
    this.endSource();
  }
}

/** Several roll-ups (options sets sharing the counties) over the same sources, each source read once. */
export function rollUpAll(sources: Iterable<SourceData>, optsList: readonly RollupOptions[], total?: number): RollupResult[] {
  const b = new RollupBuilder(optsList);
  let si = 0;
  for (const src of sources) {
    for (const o of optsList) o.onSource?.(si, total ?? si + 1, src.name);
    si++;
    b.addSource(src);
  }
  return b.results();
}

export function rollUp(sources: readonly SourceData[], opts: RollupOptions): RollupResult {
  return rollUpAll(sources, [opts], sources.length)[0];
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
    for (const x of p.problems) out.problems.push(x);
    for (const f of p.kept) out.kept.push(f);
    out.rowsRead += p.rowsRead;
    out.rowsCounted += p.rowsCounted;
  }
  const configured = counties ? counties.map((c) => c.toUpperCase()) : null;
  out.counties = countyRows(byCounty, configured);
  return out;
}
