/**
 * The working-day calendar against the State Council notices: 调休 Saturdays and Sundays
 * are working days, the Golden Week and Spring Festival are not, a year nobody entered is
 * an error that names it, and the 节假日 sheet can add a year or change a day.
 */
import { isWorkday as cdIsWorkday } from 'chinese-days';
import { addDays, type CivilDate } from '../../src/domain/civilDate';
import { holidayEntriesToRows, parseHolidaySheet, WorkCalendar } from '../../src/domain/calendar';
import { DEFAULT_HOLIDAYS, HOLIDAY_YEARS } from '../../src/defaults/holidays';

const cal = new WorkCalendar(DEFAULT_HOLIDAYS);

test('SPEC §8: three working days after Tue 30 September 2025 is Sat 11 October (调休)', () => {
  expect(cal.addWorkdays('2025-09-30', 3)).toBe('2025-10-11');
  expect(cal.isWorkday('2025-10-11')).toBe(true);
  expect(cal.isWorkday('2025-10-08')).toBe(false);
});

test('Spring Festival 2026: 15–23 February off, Saturdays 14 and 28 February worked', () => {
  for (let d: CivilDate = '2026-02-15'; d <= '2026-02-23'; d = addDays(d, 1)) expect(cal.isWorkday(d)).toBe(false);
  expect(cal.isWorkday('2026-02-14')).toBe(true);
  expect(cal.isWorkday('2026-02-28')).toBe(true);
  expect(cal.addWorkdays('2026-02-13', 1)).toBe('2026-02-14');
  expect(cal.addWorkdays('2026-02-14', 1)).toBe('2026-02-24');
});

test('Sunday 4 January 2026 is a working day; New Year 2026 is counted back across the year end', () => {
  expect(cal.isWorkday('2026-01-04')).toBe(true);
  expect(cal.addWorkdays('2026-01-05', -1)).toBe('2026-01-04');
  expect(cal.addWorkdays('2026-01-04', -1)).toBe('2025-12-31');
  // 31, 30, 29 December (Wed–Mon), then Fri 26 and Thu 25.
  expect(cal.addWorkdays('2026-01-04', -5)).toBe('2025-12-25');
});

test('zero days gives the start itself, even on a holiday, as WORKDAY does', () => {
  expect(cal.addWorkdays('2025-10-01', 0)).toBe('2025-10-01');
  expect(cal.addWorkdays('2025-10-01', 1)).toBe('2025-10-09');
});

test('a year that nobody entered is an error naming it, not a Monday–Friday guess', () => {
  expect(() => cal.isWorkday('2027-03-01')).toThrow('2027年的节假日安排尚未录入');
  expect(() => cal.addWorkdays('2026-12-30', 5)).toThrow('2027年');
  expect(HOLIDAY_YEARS).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
});

test('rows in the 节假日 sheet add 2027 and can change a single day', () => {
  const sheet = [
    ['日期', '类型', '名称'],
    [new Date(2027, 0, 1), '休', '元旦'],
    ['2027-02-06', '休', '春节'],
    ['2026-12-31', '假', '本地调整'],
    ['', '', ''],
  ];
  const extended = new WorkCalendar([...DEFAULT_HOLIDAYS, ...parseHolidaySheet(sheet)]);
  expect(extended.coveredYears()).toContain(2027);
  expect(extended.isWorkday('2026-12-31')).toBe(false);
  expect(extended.addWorkdays('2026-12-30', 1)).toBe('2027-01-04');
});

test('a bad row in the 节假日 sheet is named by its row number', () => {
  expect(() =>
    parseHolidaySheet([
      ['日期', '类型'],
      ['2027-01-01', '休'],
      ['明年元旦', '休'],
    ]),
  ).toThrow('节假日第3行');
  expect(() => parseHolidaySheet([['2027-01-01', '放半天']])).toThrow('类型应为“休”或“班”');
});

test('the built-in data match chinese-days on every day from 2020 to 2026', () => {
  const mismatches: string[] = [];
  for (let d: CivilDate = '2020-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
    if (cal.isWorkday(d) !== cdIsWorkday(d)) mismatches.push(d);
  }
  expect(mismatches).toEqual([]);
});

test('the seed rows of the 节假日 sheet read back as the same calendar', () => {
  const rows = holidayEntriesToRows(DEFAULT_HOLIDAYS);
  expect(rows[0]).toEqual(['日期', '类型', '名称']);
  expect(parseHolidaySheet(rows)).toEqual(DEFAULT_HOLIDAYS);
});

test('NETWORKDAYS-style count: October 2025 has 18 working days (9, 10, the 11th, then four full weeks)', () => {
  expect(cal.workdaysBetween('2025-10-01', '2025-10-31')).toBe(18);
  expect(cal.workdaysBetween('2025-10-31', '2025-10-01')).toBe(-18);
});

test('a year missing between two entered years is still an error, whichever way it is crossed', () => {
  const with2028 = new WorkCalendar([...DEFAULT_HOLIDAYS, { date: '2028-01-01', kind: '休', name: '元旦' }]);
  expect(with2028.coveredYears()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2028]);
  expect(() => with2028.isWorkday('2027-06-01')).toThrow('2027年的节假日安排尚未录入');
  expect(() => with2028.addWorkdays('2026-12-31', 1)).toThrow('2027年');
  expect(() => with2028.addWorkdays('2028-01-03', -2)).toThrow('2027年');
  expect(() => with2028.workdaysBetween('2026-12-01', '2028-01-31')).toThrow('2027年');
  expect(with2028.isWorkday('2028-01-01')).toBe(false);
});

test('a calendar with no entries covers no year at all', () => {
  const empty = new WorkCalendar([]);
  expect(empty.coveredYears()).toEqual([]);
  expect(() => empty.isWorkday('2025-10-09')).toThrow('2025年的节假日安排尚未录入');
  expect(empty.addWorkdays('2025-10-09', 0)).toBe('2025-10-09');
});

test('a day count that is not a number is refused rather than returning the start', () => {
  expect(() => cal.addWorkdays('2025-10-09', Number.NaN)).toThrow('工作日天数应为数字');
  expect(cal.addWorkdays('2025-09-30', 3.9)).toBe('2025-10-11');
});
