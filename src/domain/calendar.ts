/**
 * Chinese working days: Monday–Friday, minus the public holidays (休), plus the weekend
 * days that are working days (班, 调休), as the State Council announces them each year.
 *
 * Rules decided here (and why):
 * - A year is "covered" when the calendar holds at least one entry for it (built in, or
 *   typed into the 节假日 sheet). Every year has holidays, so a year without a single entry
 *   has simply not been entered: counting it Monday–Friday would silently put a deadline
 *   on 1 October. Such a date is an error that names the missing year.
 * - addWorkdays follows Sheets' WORKDAY: n > 0 is the n-th working day after start (start
 *   itself not counted), n < 0 the n-th before, n = 0 the start itself even if it is a
 *   day off.
 * - Later entries override earlier ones for the same date, so the 节假日 sheet (read after
 *   the built-in list) can correct or extend it.
 */
import * as z from 'zod/mini';
import { addDays, coerceCivil, fromDayNumber, toDayNumber, yearOf, type CivilDate } from './civilDate';
import { BangfuError } from './errors';

export const HolidayKind = z.enum(['休', '班']);
export type HolidayKind = z.infer<typeof HolidayKind>;

export const HolidayEntry = z.object({
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  kind: HolidayKind,
  name: z.string(),
});
export type HolidayEntry = z.infer<typeof HolidayEntry>;

/** The 节假日 sheet's header. */
export const HOLIDAY_HEADER = ['日期', '类型', '名称'] as const;

const KIND_WORDS: Record<string, HolidayKind> = {
  休: '休',
  假: '休',
  休息: '休',
  放假: '休',
  holiday: '休',
  off: '休',
  班: '班',
  上班: '班',
  补班: '班',
  workday: '班',
  work: '班',
};

export function missingYearError(year: number): BangfuError {
  return new BangfuError(
    'calendar.yearMissing',
    `${year}年的节假日安排尚未录入，请在“节假日”表中补充（日期、休/班）`,
    `The ${year} holiday schedule has not been entered; add it to the 节假日 sheet (date, 休/班)`,
  );
}

/** Flags in the day table: why a day is or is not counted. */
const OFF = 0,
  WORK = 1,
  UNCOVERED = 2;

/**
 * One flag per day from 1 January of the first covered year to 31 December of the last,
 * plus running counts of working days, so isWorkday is an array read, workdaysBetween a
 * subtraction and addWorkdays a binary search: WORKDAY_CN over thousands of cells must
 * stay well inside Apps Script's limits.
 */
interface DayTable {
  first: number;
  lastYear: number;
  /** Some year inside the table has no schedule (its days are UNCOVERED). */
  hasMissing: boolean;
  flags: Uint8Array;
  /** cum[i] = working days among flags[0 .. i-1]. */
  cum: Int32Array;
}

/**
 * What the law settles for a year the entries do not: its statutory days (to tell whether
 * the entries are the year's published schedule) and the provisional days off to use
 * meanwhile (statutory days and 补假, src/domain/statutoryHolidays.ts). null = the law
 * cannot settle that year.
 */
export interface ProvisionalSource {
  /** Years before this one are never derived (the first built-in year). */
  firstYear: number;
  days(year: number): { statutory: readonly CivilDate[]; provisional: readonly HolidayEntry[] } | null;
}

export type YearStatus = 'published' | 'provisional' | 'missing';

export class WorkCalendar {
  /** day number → true (working day) / false (day off), for the dates the entries name. */
  private readonly special = new Map<number, boolean>();
  private readonly years = new Set<number>();
  private readonly status = new Map<number, YearStatus>();
  private readonly derived = new Map<number, readonly HolidayEntry[]>();
  private table: DayTable | null = null;

  /**
   * Without `provisional`, a year no entry names is an error (the calendar before issue 10).
   * With it, a year is published when its 休 entries include every statutory day (a notice
   * always does; a single local change does not), else it is provisional: the law's days
   * under the entries, every such date marked 暂定.
   */
  constructor(
    entries: readonly HolidayEntry[],
    private readonly provisional?: ProvisionalSource,
  ) {
    for (const e of entries) {
      this.special.set(toDayNumber(e.date), e.kind === '班');
      this.years.add(yearOf(e.date));
    }
  }

  coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  covers(year: number): boolean {
    return this.years.has(year);
  }

  /** published (the notice is entered), provisional (derived from the law, 暂定) or missing (an error). */
  yearStatus(year: number): YearStatus {
    const hit = this.status.get(year);
    if (hit) return hit;
    let s: YearStatus;
    const law = this.provisional && year >= this.provisional.firstYear ? this.provisional.days(year) : null;
    if (!law) {
      s = this.years.has(year) ? 'published' : 'missing';
    } else {
      const published = this.years.has(year) && law.statutory.every((d) => this.special.get(toDayNumber(d)) === false);
      s = published ? 'published' : 'provisional';
      if (!published) this.derived.set(year, law.provisional);
    }
    this.status.set(year, s);
    return s;
  }

  /** The provisional (暂定) days off of a year that has no published schedule; [] otherwise. */
  provisionalDays(year: number): readonly HolidayEntry[] {
    return this.yearStatus(year) === 'provisional' ? (this.derived.get(year) ?? []) : [];
  }

  /** Years between a and b (either order) whose days are provisional: a result over them is 暂定. */
  provisionalYearsBetween(a: CivilDate, b: CivilDate): number[] {
    const [ya, yb] = [yearOf(a), yearOf(b)].sort((x, y) => x - y);
    const out: number[] = [];
    for (let y = ya; y <= yb; y++) if (this.yearStatus(y) === 'provisional') out.push(y);
    return out;
  }

  isWorkday(d: CivilDate): boolean {
    return this.flagAt(toDayNumber(d)) === WORK;
  }

  /** Like Sheets' WORKDAY (see the module comment); a binary search over the running counts. */
  addWorkdays(start: CivilDate, n: number): CivilDate {
    return fromDayNumber(this.addWorkdaysToDay(toDayNumber(start), n));
  }

  /**
   * addWorkdays on day numbers (days since 1970-01-01): WORKDAY_CN over a column of dates
   * calls this, without turning each date into text and back.
   */
  addWorkdaysToDay(day: number, n: number): number {
    if (!Number.isFinite(n)) {
      throw new BangfuError('calendar.badDays', `工作日天数应为数字，而不是“${n}”`, `The number of working days must be a number, not "${n}"`);
    }
    n = Math.trunc(n);
    if (n === 0) return day;
    for (;;) {
      let t = this.table;
      if (!t || day - t.first >= t.flags.length) t = this.dayTable(yearOf(fromDayNumber(day)));
      const i = day - t.first;
      if (i < 0 || i >= t.flags.length) throw missingYearError(yearOf(fromDayNumber(day)));
      // target: the running count just after the day we look for.
      const target = n > 0 ? t.cum[i + 1] + n : t.cum[i] + n + 1;
      if (target <= 0) throw missingYearError(yearOf(fromDayNumber(t.first)) - 1);
      if (target > t.cum[t.flags.length]) {
        // Only provisional years can be added; a missing year on the way ends the search.
        for (let y = yearOf(fromDayNumber(day)); y <= t.lastYear + 1; y++) if (this.yearStatus(y) === 'missing') throw missingYearError(y);
        if (!this.provisional) throw missingYearError(t.lastYear + 1);
        // About 250 working days a year; never past a year the law cannot settle.
        let to = t.lastYear + 1 + Math.floor((target - t.cum[t.flags.length]) / 250);
        for (let y = t.lastYear + 2; y <= to; y++) if (this.yearStatus(y) === 'missing') to = y - 1;
        this.extendTo(to);
        continue;
      }
      const cum = t.cum;
      let lo = 0,
        hi = t.flags.length; // smallest k with cum[k] >= target
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid] >= target) hi = mid;
        else lo = mid + 1;
      }
      const found = t.first + lo - 1;
      // A missing year inside the table counts no working days: refuse rather than skip it.
      if (t.hasMissing) {
        const [from, to] = found > day ? [day, found] : [found, day];
        for (let y = yearOf(fromDayNumber(from)); y <= yearOf(fromDayNumber(to)); y++) {
          if (this.yearStatus(y) === 'missing') throw missingYearError(y);
        }
      }
      return found;
    }
  }

  /** Working days from a to b, both included, like NETWORKDAYS (negative when b < a). */
  workdaysBetween(a: CivilDate, b: CivilDate): number {
    const [da, db] = [toDayNumber(a), toDayNumber(b)];
    const [from, to] = da <= db ? [da, db] : [db, da];
    for (let y = yearOf(fromDayNumber(from)); y <= yearOf(fromDayNumber(to)); y++) {
      if (this.yearStatus(y) === 'missing') throw missingYearError(y);
    }
    const t = this.dayTable(yearOf(fromDayNumber(to)));
    const n = t.cum[to - t.first + 1] - t.cum[from - t.first];
    return da <= db ? n : -n;
  }

  private flagAt(day: number): number {
    const year = yearOf(fromDayNumber(day));
    const t = this.dayTable(year);
    const i = day - t.first;
    const flag = i >= 0 && i < t.flags.length ? t.flags[i] : UNCOVERED;
    if (flag === UNCOVERED) throw missingYearError(year);
    return flag;
  }

  private firstYear(): number | null {
    const years = this.coveredYears();
    const p = this.provisional?.firstYear;
    if (years.length === 0) return p ?? null;
    return p === undefined ? years[0] : Math.min(years[0], p);
  }

  private extendTo(year: number): void {
    this.table = this.build(Math.min(year, 9999));
  }

  /**
   * Built on first use (a calendar made for one custom-function call may never need it),
   * and rebuilt further when a query reaches past its last year into provisional years.
   */
  private dayTable(needYear: number): DayTable {
    const t = this.table;
    if (t && needYear <= t.lastYear) return t;
    const years = this.coveredYears();
    // A year the law cannot settle (2100, 9999) is not built: the query past the table is its error.
    const derivable = this.provisional !== undefined && this.yearStatus(needYear) !== 'missing';
    const last = Math.max(years.length ? years[years.length - 1] : 0, derivable ? needYear : 0, t?.lastYear ?? 0);
    if (t && last === t.lastYear) return t;
    return (this.table = this.build(last));
  }

  private build(lastYear: number): DayTable {
    const firstYear = this.firstYear();
    if (firstYear === null || lastYear < firstYear)
      return { first: 0, lastYear: -Infinity, hasMissing: false, flags: new Uint8Array(0), cum: new Int32Array(1) };
    const first = toDayNumber(`${String(firstYear).padStart(4, '0')}-01-01`);
    const last = toDayNumber(`${String(lastYear).padStart(4, '0')}-12-31`);
    const flags = new Uint8Array(last - first + 1);
    const cum = new Int32Array(flags.length + 1);
    let year = firstYear - 1,
      yearEnd = first - 1,
      status: YearStatus = 'missing';
    let derivedOff = new Set<number>();
    let hasMissing = false;
    for (let i = 0; i < flags.length; i++) {
      const day = first + i;
      if (day > yearEnd) {
        year++;
        yearEnd = toDayNumber(`${String(year).padStart(4, '0')}-12-31`);
        status = this.yearStatus(year);
        if (status === 'missing') hasMissing = true;
        derivedOff = new Set(status === 'provisional' ? this.provisionalDays(year).map((e) => toDayNumber(e.date)) : []);
      }
      const w = (((day + 4) % 7) + 7) % 7; // 0 = Sunday, as civilDate.weekday
      const working = this.special.get(day) ?? (derivedOff.has(day) ? false : w !== 0 && w !== 6);
      flags[i] = status === 'missing' ? UNCOVERED : working ? WORK : OFF;
      cum[i + 1] = cum[i] + (flags[i] === WORK ? 1 : 0);
    }
    return { first, lastYear, hasMissing, flags, cum };
  }
}

/** The menu item that imports a notice, as users read it in every reminder. */
export const IMPORT_MENU_PATH = '帮扶 → 管理 → 导入节假日通知';

/**
 * The reminder administrators get while the calendar runs on provisional days: from
 * 1 November when next year has no published schedule (the State Council publishes it in
 * November or December), and any day the current year has none. null when all is entered.
 */
export function calendarWarning(calendar: { yearStatus(year: number): YearStatus }, today: CivilDate): { zh: string; en: string; years: number[] } | null {
  const year = yearOf(today);
  const years = [year, ...(today.slice(5) >= '11-01' ? [year + 1] : [])].filter((y) => calendar.yearStatus(y) === 'provisional');
  if (years.length === 0) return null;
  const ys = years.map((y) => `${y}年`).join('、');
  return {
    years,
    zh: `${ys}的节假日安排尚未录入，办理期限暂按《全国年节及纪念日放假办法》的法定节假日推算（暂定）。国务院办公厅发布通知后，请在“${IMPORT_MENU_PATH}”中粘贴通知全文导入。`,
    en: `The ${years.join(', ')} holiday schedule is not entered; deadlines use the statutory holidays for now (provisional). When the State Council publishes its notice, paste it into 帮扶 → 管理 → 导入节假日通知.`,
  };
}

/** Decodes the compact per-year strings of src/defaults/holidays.ts ("1001+8休国庆节 …"). */
export function decodeHolidayYears(years: Record<number, string>): HolidayEntry[] {
  const out: HolidayEntry[] = [];
  for (const [y, text] of Object.entries(years)) {
    for (const run of text.split(' ')) {
      const m = /^(\d{2})(\d{2})(?:\+(\d+))?([休班])(.*)$/.exec(run);
      if (!m) continue;
      const first = `${y}-${m[1]}-${m[2]}`;
      const days = m[3] ? Number(m[3]) : 1;
      for (let i = 0; i < days; i++) out.push({ date: addDays(first, i), kind: m[4] as HolidayKind, name: m[5] });
    }
  }
  return out;
}

function kindOf(v: unknown): HolidayKind | null {
  const s = String(v ?? '')
    .trim()
    .toLowerCase();
  return KIND_WORDS[s] ?? null;
}

/**
 * The 节假日 sheet (or a range passed to WORKDAY_CN): rows of date, 休/班, name, with or
 * without the header row. Blank rows are skipped; a row that is not a date and a kind is
 * an error naming its row, so a typo never silently changes a deadline.
 */
export function parseHolidaySheet(values: readonly (readonly unknown[])[]): HolidayEntry[] {
  const out: HolidayEntry[] = [];
  values.forEach((row, i) => {
    const [dateCell, kindCell, nameCell] = row;
    const blank = (v: unknown) => v === '' || v === null || v === undefined;
    if (row.every(blank)) return;
    const date = coerceCivil(dateCell);
    if (i === 0 && date === null && String(dateCell ?? '').trim() !== '' && !/^\d/.test(String(dateCell).trim())) return; // header
    const rowNo = i + 1;
    if (date === null) {
      throw new BangfuError(
        'calendar.badDate',
        `节假日第${rowNo}行：“${String(dateCell ?? '')}”不是日期`,
        `Holidays row ${rowNo}: "${String(dateCell ?? '')}" is not a date`,
      );
    }
    const kind = kindOf(kindCell);
    if (kind === null) {
      throw new BangfuError(
        'calendar.badKind',
        `节假日第${rowNo}行：类型应为“休”或“班”，而不是“${String(kindCell ?? '')}”`,
        `Holidays row ${rowNo}: the type must be 休 (day off) or 班 (working day), not "${String(kindCell ?? '')}"`,
      );
    }
    out.push({ date, kind, name: blank(nameCell) ? '' : String(nameCell).trim() });
  });
  return out;
}

/** Entries as sheet rows (header first) for seeding the 节假日 sheet. */
export function holidayEntriesToRows(entries: readonly HolidayEntry[]): (string | Date)[][] {
  return [[...HOLIDAY_HEADER], ...entries.map((e) => [e.date, e.kind, e.name])];
}
