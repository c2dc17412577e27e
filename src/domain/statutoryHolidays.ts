/**
 * The statutory public holidays (全国年节及纪念日放假办法) of a year, computed from the
 * lunar calendar and the solar terms, for years whose State Council notice has not been
 * published or entered yet. Every day derived here is provisional (暂定).
 *
 * Which days a revision of the law names is data (src/defaults/holidays.ts
 * STATUTORY_RULES, with the year each revision took effect); this module only knows how
 * to turn "正月初一, 3 days" or "清明 (solar term)" into dates.
 *
 * The weekend rule, decided here as a union office would read the law:
 * - 办法第六条: "全体公民放假的假日，如果适逢周六、周日，应当在工作日补假". Each statutory day that
 *   falls on a Saturday or Sunday gives one 补假 day: the first weekday after that festival's
 *   statutory days that is not already a day off. The notices have always granted it (2021
 *   国庆: 3 Oct Sunday → 补假; 2022 中秋: 10 Sep Saturday → 12 Sep off).
 * - The 调休 of each notice (working Saturdays, bridge days, the 8-day Spring Festival run
 *   of 办法第七条) is the State Council's yearly choice, so it is NOT guessed: no weekend is
 *   made a working day provisionally. A deadline across a provisional year may therefore
 *   move when the real schedule is entered; it is recomputed then and the move is logged.
 * - Two festivals on the same day (国庆 and 中秋 on 1 Oct 2020) give one day off, named for both.
 *
 * Lunar dates: the month-length table below (years 2000–2100, bit 0x8000>>(m-1) = month m
 * has 30 days, low 4 bits = the leap month, 0x10000 = the leap month has 30 days) is the
 * public table also used by chinese-days 1.5.7 (MIT); 2000-02-05 was 正月初一 of 2000.
 * 清明: the 21st-century formula floor(Y·0.2422 + 4.81) − floor(Y/4) (Y = year mod 100),
 * exact for 2000–2099 (the tests compare both against chinese-days for every year).
 */
import { addDays, fromDayNumber, toDayNumber, weekday, ymd, type CivilDate } from './civilDate';

const LUNAR_FIRST_YEAR = 2000;
const LUNAR_INFO = [
  0x0c960, 0x0d954, 0x0d4a0, 0x0da50, 0x07552, 0x056a0, 0x0abb7, 0x025d0, 0x092d0, 0x0cab5, 0x0a950, 0x0b4a0, 0x0baa4, 0x0ad50, 0x055d9, 0x04ba0, 0x0a5b0,
  0x15176, 0x052b0, 0x0a930, 0x07954, 0x06aa0, 0x0ad50, 0x05b52, 0x04b60, 0x0a6e6, 0x0a4e0, 0x0d260, 0x0ea65, 0x0d530, 0x05aa0, 0x076a3, 0x096d0, 0x04afb,
  0x04ad0, 0x0a4d0, 0x1d0b6, 0x0d250, 0x0d520, 0x0dd45, 0x0b5a0, 0x056d0, 0x055b2, 0x049b0, 0x0a577, 0x0a4b0, 0x0aa50, 0x1b255, 0x06d20, 0x0ada0, 0x14b63,
  0x09370, 0x049f8, 0x04970, 0x064b0, 0x168a6, 0x0ea50, 0x06b20, 0x1a6c4, 0x0aae0, 0x0a2e0, 0x0d2e3, 0x0c960, 0x0d557, 0x0d4a0, 0x0da50, 0x05d55, 0x056a0,
  0x0a6d0, 0x055d4, 0x052d0, 0x0a9b8, 0x0a950, 0x0b4a0, 0x0b6a6, 0x0ad50, 0x055a0, 0x0aba4, 0x0a5b0, 0x052b0, 0x0b273, 0x06930, 0x07337, 0x06aa0, 0x0ad50,
  0x14b55, 0x04b60, 0x0a570, 0x054e4, 0x0d160, 0x0e968, 0x0d520, 0x0daa0, 0x16aa6, 0x056d0, 0x04ae0, 0x0a9d4, 0x0a2d0, 0x0d150, 0x0f252, 0x0d520,
];
const LUNAR_EPOCH = toDayNumber('2000-02-05');

/** The Gregorian years this module can settle. */
export const STATUTORY_FIRST_YEAR = 2000;
export const STATUTORY_LAST_YEAR = 2099;

function leapMonth(y: number): number {
  return LUNAR_INFO[y - LUNAR_FIRST_YEAR] & 0xf;
}
function monthDays(y: number, m: number): number {
  return LUNAR_INFO[y - LUNAR_FIRST_YEAR] & (0x10000 >> m) ? 30 : 29;
}
function leapDays(y: number): number {
  return leapMonth(y) ? (LUNAR_INFO[y - LUNAR_FIRST_YEAR] & 0x10000 ? 30 : 29) : 0;
}
function lunarYearDays(y: number): number {
  let n = leapDays(y);
  for (let m = 1; m <= 12; m++) n += monthDays(y, m);
  return n;
}

const yearStart = new Map<number, number>();
/** Day number of 正月初一 of lunar year y (2000–2100). */
function lunarNewYear(y: number): number {
  const hit = yearStart.get(y);
  if (hit !== undefined) return hit;
  let day = LUNAR_EPOCH;
  for (let k = LUNAR_FIRST_YEAR; k < y; k++) day += lunarYearDays(k);
  yearStart.set(y, day);
  return day;
}

/** The Gregorian date of lunar (non-leap) month m, day d of lunar year y. */
export function solarFromLunar(y: number, m: number, d: number): CivilDate {
  if (y < LUNAR_FIRST_YEAR || y > LUNAR_FIRST_YEAR + LUNAR_INFO.length - 1) throw new RangeError(`lunar year ${y} out of range`);
  let day = lunarNewYear(y);
  const leap = leapMonth(y);
  for (let k = 1; k < m; k++) {
    day += monthDays(y, k);
    if (k === leap) day += leapDays(y);
  }
  return fromDayNumber(day + d - 1);
}

/** 清明 (the solar term) of a year 2000–2099. */
export function qingmingDate(year: number): CivilDate {
  const y = year % 100;
  return ymd(year, 4, Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4));
}

/** How a festival's first day is found. */
export type FestivalAnchor =
  | { kind: 'solar'; month: number; day: number }
  | { kind: 'lunar'; month: number; day: number }
  /** The day before 正月初一 (除夕), whatever the length of 腊月. */
  | { kind: 'lunarEve' }
  | { kind: 'qingming' };

export interface FestivalRule {
  name: string;
  anchor: FestivalAnchor;
  days: number;
}

/** One revision of the law: the festivals it names, in force from 1 January of `fromYear`. */
export interface StatutoryRevision {
  fromYear: number;
  source: string;
  festivals: readonly FestivalRule[];
}

export interface StatutoryDay {
  date: CivilDate;
  name: string;
  /** false for a 补假 day (a statutory day fell on a weekend). */
  statutory: boolean;
}

function anchorDate(year: number, a: FestivalAnchor): CivilDate {
  switch (a.kind) {
    case 'solar':
      return ymd(year, a.month, a.day);
    case 'lunar':
      return solarFromLunar(year, a.month, a.day);
    case 'lunarEve':
      return addDays(solarFromLunar(year, 1, 1), -1);
    case 'qingming':
      return qingmingDate(year);
  }
}

/** The revision in force in `year`, or null before the first. */
export function revisionFor(revisions: readonly StatutoryRevision[], year: number): StatutoryRevision | null {
  let best: StatutoryRevision | null = null;
  for (const r of revisions) if (r.fromYear <= year && (!best || r.fromYear > best.fromYear)) best = r;
  return best;
}

/**
 * The statutory days off of `year` and the 补假 days the weekend rule adds (see the module
 * comment), sorted; null when the year is outside 2000–2099 or before every revision.
 */
export function statutoryDays(year: number, revisions: readonly StatutoryRevision[]): StatutoryDay[] | null {
  if (year < STATUTORY_FIRST_YEAR || year > STATUTORY_LAST_YEAR) return null;
  const rev = revisionFor(revisions, year);
  if (!rev) return null;
  const byDay = new Map<number, StatutoryDay>();
  const put = (day: number, name: string, statutory: boolean) => {
    const had = byDay.get(day);
    if (had) {
      if (!had.name.split('、').includes(name)) had.name += `、${name}`;
      had.statutory ||= statutory;
    } else {
      byDay.set(day, { date: fromDayNumber(day), name, statutory });
    }
  };
  const festivals = rev.festivals.map((f) => ({ f, first: toDayNumber(anchorDate(year, f.anchor)) }));
  for (const { f, first } of festivals) for (let i = 0; i < f.days; i++) put(first + i, f.name, true);
  // 补假 after every statutory day is placed, so a make-up day never lands on another festival.
  for (const { f, first } of festivals) {
    let owed = 0;
    for (let i = 0; i < f.days; i++) {
      const w = weekday(fromDayNumber(first + i));
      if (w === 0 || w === 6) owed++;
    }
    for (let day = first + f.days; owed > 0; day++) {
      const w = weekday(fromDayNumber(day));
      if (w === 0 || w === 6 || byDay.has(day)) continue;
      put(day, f.name, false);
      owed--;
    }
  }
  return [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([, d]) => d);
}

/** The minimum days off the law gives each festival in `year` (for checking an imported notice). */
export function statutoryMinimum(year: number, revisions: readonly StatutoryRevision[]): { name: string; dates: CivilDate[] }[] | null {
  if (year < STATUTORY_FIRST_YEAR || year > STATUTORY_LAST_YEAR) return null;
  const rev = revisionFor(revisions, year);
  if (!rev) return null;
  return rev.festivals.map((f) => {
    const first = toDayNumber(anchorDate(year, f.anchor));
    return { name: f.name, dates: Array.from({ length: f.days }, (_, i) => fromDayNumber(first + i)) };
  });
}
