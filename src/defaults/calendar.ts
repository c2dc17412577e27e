/**
 * The statutory holidays by revision of 全国年节及纪念日放假办法 (data, with the year each
 * took effect), and the built-in calendar every part of Bangfu uses: the published
 * schedule (src/defaults/holidays.ts), then the 节假日 sheet's rows, then — for a year
 * neither settles — the provisional (暂定) days the law gives (src/domain/statutoryHolidays.ts).
 */
import { WorkCalendar, type HolidayEntry, type ProvisionalSource } from '../domain/calendar';
import { statutoryDays, statutoryMinimum, type StatutoryRevision } from '../domain/statutoryHolidays';
import { DEFAULT_HOLIDAYS, HOLIDAY_YEARS } from './holidays';

export const STATUTORY_REVISIONS: readonly StatutoryRevision[] = [
  {
    fromYear: 2014,
    source: '《全国年节及纪念日放假办法》（2013年12月11日国务院令第644号修订）',
    festivals: [
      { name: '元旦', anchor: { kind: 'solar', month: 1, day: 1 }, days: 1 },
      { name: '春节', anchor: { kind: 'lunar', month: 1, day: 1 }, days: 3 },
      { name: '清明', anchor: { kind: 'qingming' }, days: 1 },
      { name: '劳动节', anchor: { kind: 'solar', month: 5, day: 1 }, days: 1 },
      { name: '端午', anchor: { kind: 'lunar', month: 5, day: 5 }, days: 1 },
      { name: '中秋', anchor: { kind: 'lunar', month: 8, day: 15 }, days: 1 },
      { name: '国庆节', anchor: { kind: 'solar', month: 10, day: 1 }, days: 3 },
    ],
  },
  {
    fromYear: 2025,
    source: '《全国年节及纪念日放假办法》（2024年11月10日国务院令第795号修订）',
    festivals: [
      { name: '元旦', anchor: { kind: 'solar', month: 1, day: 1 }, days: 1 },
      { name: '春节', anchor: { kind: 'lunarEve' }, days: 4 },
      { name: '清明', anchor: { kind: 'qingming' }, days: 1 },
      { name: '劳动节', anchor: { kind: 'solar', month: 5, day: 1 }, days: 2 },
      { name: '端午', anchor: { kind: 'lunar', month: 5, day: 5 }, days: 1 },
      { name: '中秋', anchor: { kind: 'lunar', month: 8, day: 15 }, days: 1 },
      { name: '国庆节', anchor: { kind: 'solar', month: 10, day: 1 }, days: 3 },
    ],
  },
];

/** The first year with a built-in schedule: years before it are never derived. */
export const FIRST_BUILT_IN_YEAR = Math.min(...HOLIDAY_YEARS);

/** The law's days for a year (memoized: a calendar asks once per year). */
export const STATUTORY_SOURCE: ProvisionalSource = {
  firstYear: FIRST_BUILT_IN_YEAR,
  days(year) {
    const days = statutoryDays(year, STATUTORY_REVISIONS);
    const min = statutoryMinimum(year, STATUTORY_REVISIONS);
    if (!days || !min) return null;
    return {
      statutory: min.flatMap((f) => f.dates),
      provisional: days.map((d): HolidayEntry => ({ date: d.date, kind: '休', name: d.statutory ? d.name : `${d.name}（补假）` })),
    };
  },
};

/** The calendar: built-in schedule, then `extra` (the 节假日 sheet), then the law for the rest (暂定). */
export function builtInCalendar(extra: readonly HolidayEntry[] = []): WorkCalendar {
  return new WorkCalendar(extra.length ? [...DEFAULT_HOLIDAYS, ...extra] : DEFAULT_HOLIDAYS, STATUTORY_SOURCE);
}
