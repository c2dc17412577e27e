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
  休: '休', 假: '休', 休息: '休', 放假: '休', holiday: '休', off: '休',
  班: '班', 上班: '班', 补班: '班', workday: '班', work: '班',
};

export function missingYearError(year: number): BangfuError {
  return new BangfuError(
    'calendar.yearMissing',
    `${year}年的节假日安排尚未录入，请在“节假日”表中补充（日期、休/班）`,
    `The ${year} holiday schedule has not been entered; add it to the 节假日 sheet (date, 休/班)`,
  );
}

/** Flags in the day table: why a day is or is not counted. */
const OFF = 0, WORK = 1, UNCOVERED = 2;

/**
 * One flag per day from 1 January of the first covered year to 31 December of the last,
 * plus running counts of working days, so isWorkday is an array read and workdaysBetween a
 * subtraction: WORKDAY_CN over thousands of cells must stay well inside Apps Script's
 * limits.
 */
interface DayTable {
  first: number;
  flags: Uint8Array;
  /** cum[i] = working days among flags[0 .. i-1]. */
  cum: Int32Array;
}

export class WorkCalendar {
  /** day number → true (working day) / false (day off), for the dates the entries name. */
  private readonly special = new Map<number, boolean>();
  private readonly years = new Set<number>();
  private table: DayTable | null = null;

  constructor(entries: readonly HolidayEntry[]) {
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

  isWorkday(d: CivilDate): boolean {
    return this.flagAt(toDayNumber(d)) === WORK;
  }

  /** Like Sheets' WORKDAY (see the module comment). */
  addWorkdays(start: CivilDate, n: number): CivilDate {
    if (!Number.isFinite(n)) {
      throw new BangfuError('calendar.badDays', `工作日天数应为数字，而不是“${n}”`, `The number of working days must be a number, not "${n}"`);
    }
    n = Math.trunc(n);
    if (n === 0) return start;
    const step = n > 0 ? 1 : -1;
    let day = toDayNumber(start);
    for (let left = Math.abs(n); left > 0; ) {
      day += step;
      if (this.flagAt(day) === WORK) left--;
    }
    return fromDayNumber(day);
  }

  /** Working days from a to b, both included, like NETWORKDAYS (negative when b < a). */
  workdaysBetween(a: CivilDate, b: CivilDate): number {
    const [da, db] = [toDayNumber(a), toDayNumber(b)];
    const [from, to] = da <= db ? [da, db] : [db, da];
    for (let y = yearOf(fromDayNumber(from)); y <= yearOf(fromDayNumber(to)); y++) {
      if (!this.years.has(y)) throw missingYearError(y);
    }
    const t = this.dayTable();
    const n = t.cum[to - t.first + 1] - t.cum[from - t.first];
    return da <= db ? n : -n;
  }

  private flagAt(day: number): number {
    const t = this.dayTable();
    const i = day - t.first;
    const flag = i >= 0 && i < t.flags.length ? t.flags[i] : UNCOVERED;
    if (flag === UNCOVERED) throw missingYearError(yearOf(fromDayNumber(day)));
    return flag;
  }

  /** Built on first use: a calendar made for one custom-function call may never need it. */
  private dayTable(): DayTable {
    if (this.table) return this.table;
    const years = this.coveredYears();
    if (years.length === 0) return (this.table = { first: 0, flags: new Uint8Array(0), cum: new Int32Array(1) });
    const first = toDayNumber(`${years[0]}-01-01`);
    const last = toDayNumber(`${years[years.length - 1]}-12-31`);
    const flags = new Uint8Array(last - first + 1);
    const cum = new Int32Array(flags.length + 1);
    for (let i = 0; i < flags.length; i++) {
      const day = first + i;
      const date = fromDayNumber(day);
      const w = (((day + 4) % 7) + 7) % 7; // 0 = Sunday, as civilDate.weekday
      const working = this.special.get(day) ?? (w !== 0 && w !== 6);
      flags[i] = !this.years.has(yearOf(date)) ? UNCOVERED : working ? WORK : OFF;
      cum[i + 1] = cum[i] + (flags[i] === WORK ? 1 : 0);
    }
    return (this.table = { first, flags, cum });
  }
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
  const s = String(v ?? '').trim().toLowerCase();
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
      throw new BangfuError('calendar.badDate', `节假日第${rowNo}行：“${String(dateCell ?? '')}”不是日期`, `Holidays row ${rowNo}: "${String(dateCell ?? '')}" is not a date`);
    }
    const kind = kindOf(kindCell);
    if (kind === null) {
      throw new BangfuError('calendar.badKind', `节假日第${rowNo}行：类型应为“休”或“班”，而不是“${String(kindCell ?? '')}”`, `Holidays row ${rowNo}: the type must be 休 (day off) or 班 (working day), not "${String(kindCell ?? '')}"`);
    }
    out.push({ date, kind, name: blank(nameCell) ? '' : String(nameCell).trim() });
  });
  return out;
}

/** Entries as sheet rows (header first) for seeding the 节假日 sheet. */
export function holidayEntriesToRows(entries: readonly HolidayEntry[]): (string | Date)[][] {
  return [[...HOLIDAY_HEADER], ...entries.map((e) => [e.date, e.kind, e.name])];
}
