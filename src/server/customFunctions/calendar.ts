/**
 * =WORKDAY_CN(start, days, [holidays]): like Sheets' WORKDAY on the State Council
 * schedule, 调休 included. `holidays` is an optional range of (date, 休/班[, name]) rows,
 * with or without the header, that extends or overrides the built-in calendar — e.g. the
 * 节假日 sheet itself, or a county's extra day off. A date in a year neither covers is an
 * error naming the year, never a Monday–Friday guess.
 */
import { coerceCivil, dateFromCivil } from '../../domain/civilDate';
import { parseHolidaySheet, WorkCalendar } from '../../domain/calendar';
import { BangfuError } from '../../domain/errors';
import { DEFAULT_HOLIDAYS } from '../../defaults/holidays';
import { isBlank, isGrid, mapCells, scalar, toNumber, type Grid } from './grid';

let builtIn: WorkCalendar | null = null;
/** The built-in calendar, made on first use and kept for the rest of the script's run. */
function defaultCalendar(): WorkCalendar {
  return (builtIn ??= new WorkCalendar(DEFAULT_HOLIDAYS));
}

function calendarArg(holidays: unknown): WorkCalendar {
  if (isBlank(holidays)) return defaultCalendar();
  if (!isGrid(holidays)) {
    throw new BangfuError('arg.holidays', '第 3 个参数应为节假日区域（日期、休/班），如 节假日!A:C',
      'Argument holidays must be a range of (date, 休/班) rows, e.g. 节假日!A:C', 'holidays');
  }
  return new WorkCalendar([...DEFAULT_HOLIDAYS, ...parseHolidaySheet(holidays)]);
}

export function WORKDAY_CN(start: unknown, days: unknown, holidays?: unknown): Date | '' | Grid<Date | string> {
  const cal = calendarArg(holidays);
  const d = scalar(days, 'days');
  if (isBlank(d)) throw new BangfuError('arg.daysMissing', '请填写工作日天数（第 2 个参数）', 'Enter the number of working days', 'days');
  const n = Math.trunc(toNumber(d, 'days'));
  return mapCells(start, (v) => {
    const s = coerceCivil(typeof v === 'number' ? serialToDate(v) : v);
    if (s === null) throw new BangfuError('arg.notDate', `“开始日期”应为日期，而不是“${String(v)}”`, `start is not a date: ${String(v)}`, 'start');
    return dateFromCivil(cal.addWorkdays(s, n));
  });
}

/** A Sheets date serial (days since 1899-12-30), as a number cell formatted as a date gives. */
function serialToDate(serial: number): Date {
  const base = new Date(1899, 11, 30);
  return new Date(base.getFullYear(), base.getMonth(), base.getDate() + Math.floor(serial));
}
