/**
 * Civil (calendar) dates as 'YYYY-MM-DD' strings and day numbers.
 *
 * Why: deadlines, holidays and policy effective dates are calendar days in Beijing, not
 * instants. A JS Date from Sheets is an instant; we read it with local getters, which in
 * Apps Script use the script time zone (appsscript.json: Asia/Shanghai) and in tests use
 * TZ=Asia/Shanghai. Everything after that conversion is time-zone free arithmetic on
 * day numbers (days since 1970-01-01 in the proleptic Gregorian calendar).
 */
import { BangfuError } from './errors';

export type CivilDate = string; // 'YYYY-MM-DD'

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function ymd(y: number, m: number, d: number): CivilDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parseCivil(s: string): { y: number; m: number; d: number } | null {
  const m = ISO.exec(s.trim());
  if (!m) return null;
  const y = +m[1],
    mo = +m[2],
    d = +m[3];
  return isValidYmd(y, mo, d) ? { y, m: mo, d } : null;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function toDayNumber(date: CivilDate): number {
  const p = parseCivil(date);
  if (!p) throw new BangfuError('date.invalid', `日期无效：${date}`, `Invalid date: ${date}`);
  let { y } = p;
  const { m, d } = p;
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): CivilDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return ymd(y, m, d);
}

export function addDays(date: CivilDate, n: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: CivilDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: CivilDate): number {
  return +date.slice(0, 4);
}

/** A Date instant → the civil date it falls on in the runtime's local zone (Asia/Shanghai). */
export function civilFromDate(d: Date): CivilDate {
  return ymd(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** A civil date → local midnight Date (what Sheets shows as that date). */
export function dateFromCivil(date: CivilDate): Date {
  const p = parseCivil(date);
  if (!p) throw new BangfuError('date.invalid', `日期无效：${date}`, `Invalid date: ${date}`);
  return new Date(p.y, p.m - 1, p.d);
}

/**
 * A Date from any realm. `instanceof Date` fails for a Date made in another JavaScript
 * context (the playground runs the bundle in a vm beside the fake services), so ask the
 * object's tag instead.
 */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/**
 * Anything a user may put where a date belongs: a Date, 'YYYY-MM-DD', 'YYYY/M/D',
 * 'YYYY年M月D日'. Sheets passes real date cells as Date. Returns null when it is not a date.
 */
export function coerceCivil(v: unknown): CivilDate | null {
  if (isDate(v)) return isNaN(v.getTime()) ? null : civilFromDate(v);
  if (typeof v === 'string') {
    const s = v.trim();
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
    if (!m) return null;
    const y = +m[1],
      mo = +m[2],
      d = +m[3];
    return isValidYmd(y, mo, d) ? ymd(y, mo, d) : null;
  }
  return null;
}

export function compareCivil(a: CivilDate, b: CivilDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole years from `birth` to `on` (a 29 February birthday turns over on 1 March in common years). */
export function completedYears(birth: CivilDate, on: CivilDate): number {
  const years = +on.slice(0, 4) - +birth.slice(0, 4);
  return on.slice(5) >= birth.slice(5) ? years : years - 1;
}
