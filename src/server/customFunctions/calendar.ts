/**
 * =WORKDAY_CN(start, days, [holidays]): like Sheets' WORKDAY on the State Council
 * schedule, 调休 included. `holidays` is an optional range of (date, 休/班[, name]) rows,
 * with or without the header, that extends or overrides the built-in calendar — e.g. the
 * 节假日 sheet itself, or a county's extra day off. A year whose notice neither has uses
 * the law's holidays (暂定, src/defaults/calendar.ts); only a year before the first
 * built-in one is an error naming the year, never a Monday–Friday guess. Dates arrive and
 * leave in the script's zone: index.ts wraps it for the spreadsheet's (./zone.ts).
 */
import { coerceCivil, isDate, toDayNumber } from '../../domain/civilDate';
import { parseHolidaySheet, type WorkCalendar } from '../../domain/calendar';
import { BangfuError } from '../../domain/errors';
import { builtInCalendar } from '../../defaults/calendar';
import { isBlank, isGrid, mapCells, scalar, toNumber, type Grid } from './grid';

let builtIn: WorkCalendar | null = null;
/** The built-in calendar, made on first use and kept for the rest of the script's run. */
function defaultCalendar(): WorkCalendar {
  return (builtIn ??= builtInCalendar());
}

function calendarArg(holidays: unknown): WorkCalendar {
  if (isBlank(holidays)) return defaultCalendar();
  if (!isGrid(holidays)) {
    throw new BangfuError(
      'arg.holidays',
      '第 3 个参数应为节假日区域（日期、休/班），如 节假日!A:C',
      'Argument holidays must be a range of (date, 休/班) rows, e.g. 节假日!A:C',
      'holidays',
    );
  }
  return builtInCalendar(parseHolidaySheet(holidays));
}

export function WORKDAY_CN(start: unknown, days: unknown, holidays?: unknown): Date | '' | Grid<Date | string> {
  const cal = calendarArg(holidays);
  const d = scalar(days, 'days');
  if (isBlank(d)) throw new BangfuError('arg.daysMissing', '请填写工作日天数（第 2 个参数）', 'Enter the number of working days', 'days');
  const n = Math.trunc(toNumber(d, 'days'));
  // A column of due dates repeats days: each distinct start day is counted once.
  const memo = new Map<number, number>();
  return mapCells(start, (v) => {
    const d = isDate(v) ? v : coerceCivil(typeof v === 'number' ? serialToDate(v) : v);
    if (d === null || (isDate(d) && isNaN(d.getTime())))
      throw new BangfuError('arg.notDate', `“开始日期”应为日期，而不是“${String(v)}”`, `start is not a date: ${String(v)}`, 'start');
    // Day numbers straight from the Date (one offset lookup): no text in between.
    const day = isDate(d) ? Math.floor((d.getTime() - d.getTimezoneOffset() * 60_000) / DAY_MS) : toDayNumber(d);
    let out = memo.get(day);
    if (out === undefined) memo.set(day, (out = cal.addWorkdaysToDay(day, n)));
    return localMidnight(out);
  });
}

const DAY_MS = 86_400_000;

/** Local midnight of a day number; the offset of that very day (a zone with summer time shifts it). */
function localMidnight(day: number): Date {
  const utc = day * DAY_MS;
  const guess = new Date(utc + new Date(utc).getTimezoneOffset() * 60_000);
  if (guess.getHours() === 0) return guess;
  const u = new Date(utc);
  return new Date(u.getUTCFullYear(), u.getUTCMonth(), u.getUTCDate());
}

/** A Sheets date serial (days since 1899-12-30), as a number cell formatted as a date gives. */
function serialToDate(serial: number): Date {
  const base = new Date(1899, 11, 30);
  return new Date(base.getFullYear(), base.getMonth(), base.getDate() + Math.floor(serial));
}
