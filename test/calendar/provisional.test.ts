/**
 * The provisional calendar: the law's holidays computed from lunar dates and solar terms
 * for a year whose notice is not entered, checked against the published schedules of
 * 2020–2026 and against chinese-days' lunar and solar-term tables for every year it covers.
 */
import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import { addDays, weekday } from '../../src/domain/civilDate';
import { WorkCalendar } from '../../src/domain/calendar';
import { qingmingDate, solarFromLunar, statutoryDays, statutoryMinimum } from '../../src/domain/statutoryHolidays';
import { DEFAULT_HOLIDAYS, HOLIDAY_YEARS } from '../../src/defaults/holidays';
import { builtInCalendar, STATUTORY_REVISIONS, STATUTORY_SOURCE } from '../../src/defaults/calendar';

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026];

test('lunar dates and 清明 agree with chinese-days for every year 2000–2099', () => {
  for (let y = 2000; y <= 2099; y++) {
    for (const [m, d] of [
      [1, 1],
      [5, 5],
      [8, 15],
    ]) {
      expect(`${y}-${m}-${d} ${solarFromLunar(y, m, d)}`).toBe(
        `${y}-${m}-${d} ${getSolarDateFromLunar(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`).date}`,
      );
    }
    expect(qingmingDate(y)).toBe(getSolarTermDate(y, 4, 'pure_brightness'));
  }
});

describe.each(YEARS)('%i as if its notice were missing', (year) => {
  const published = new Set(DEFAULT_HOLIDAYS.filter((e) => e.kind === '休').map((e) => e.date));
  const days = statutoryDays(year, STATUTORY_REVISIONS)!;

  test('every statutory day and every 补假 day is a day off in the published schedule', () => {
    const missing = days.filter((d) => !published.has(d.date));
    expect(missing).toEqual([]);
  });

  test("a calendar without that year's rows still has those days off, marked provisional", () => {
    const others = DEFAULT_HOLIDAYS.filter((e) => !e.date.startsWith(`${year}-`));
    const cal = new WorkCalendar(others, STATUTORY_SOURCE);
    expect(cal.yearStatus(year)).toBe('provisional');
    for (const d of days) expect(cal.isWorkday(d.date)).toBe(false);
    // Outside the derived days, a provisional year is Monday–Friday: no 调休 is guessed.
    expect(cal.isWorkday(`${year}-03-10`)).toBe(weekday(`${year}-03-10`) !== 0 && weekday(`${year}-03-10`) !== 6);
  });
});

test('the 2024 revision: Spring Festival 2027 is 除夕 5 February and 初一–初三 6–8 February; 劳动节 is two days', () => {
  const min = statutoryMinimum(2027, STATUTORY_REVISIONS)!;
  expect(min.find((f) => f.name === '春节')!.dates).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
  expect(min.find((f) => f.name === '劳动节')!.dates).toEqual(['2027-05-01', '2027-05-02']);
  expect(min.find((f) => f.name === '清明')!.dates).toEqual(['2027-04-05']);
  expect(min.find((f) => f.name === '端午')!.dates).toEqual(['2027-06-09']);
  expect(min.find((f) => f.name === '中秋')!.dates).toEqual(['2027-09-15']);
});

test('2027: statutory days on a weekend give 补假 on the next free weekday', () => {
  const days = statutoryDays(2027, STATUTORY_REVISIONS)!;
  const off = days.map((d) => `${d.date}${d.statutory ? '' : '补'}`);
  // 春节: Sat 6 and Sun 7 Feb → 补假 Tue 9, Wed 10 (Mon 8 is itself 初三).
  expect(off).toEqual(expect.arrayContaining(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09补', '2027-02-10补']));
  // 劳动节: Sat 1 and Sun 2 May → Mon 3, Tue 4. 国庆: Fri 1, Sat 2, Sun 3 Oct → Mon 4, Tue 5.
  expect(off).toEqual(expect.arrayContaining(['2027-05-03补', '2027-05-04补', '2027-10-04补', '2027-10-05补']));
  expect(off).not.toContain('2027-01-04补'); // 元旦 2027 is a Friday
});

test('two festivals on one day (国庆 and 中秋, 1 October 2020) are one day off named for both', () => {
  const d = statutoryDays(2020, STATUTORY_REVISIONS)!.find((x) => x.date === '2020-10-01')!;
  expect(d.name).toBe('中秋、国庆节');
});

describe('deadlines across 31 December 2026', () => {
  const cal = builtInCalendar();

  test('a review of three working days from Tue 29 December 2026 ends Mon 4 January 2027 (元旦 暂定), not an error', () => {
    expect(cal.addWorkdays('2026-12-29', 3)).toBe('2027-01-04');
    expect(cal.provisionalYearsBetween('2026-12-29', '2027-01-04')).toEqual([2027]);
    expect(cal.provisionalYearsBetween('2026-12-01', '2026-12-29')).toEqual([]);
  });

  test('WORKDAY_CN(28 Dec 2026, 5) and counting back from 2027 work; 2026 stays published', () => {
    expect(cal.addWorkdays('2026-12-28', 5)).toBe('2027-01-05');
    expect(cal.addWorkdays('2027-01-04', -1)).toBe('2026-12-31');
    expect(cal.yearStatus(2026)).toBe('published');
    expect(cal.workdaysBetween('2027-02-01', '2027-02-12')).toBe(6); // 1–4, 11 and 12 February
  });

  test('a 7-working-day review from 1 February 2027 skips the provisional Spring Festival', () => {
    // Tue 2 – Thu 4 Feb (3), then 5–10 off (除夕, 初一–初三, 补假 9–10), Thu 11, Fri 12, Mon 15, Tue 16 → the 7th.
    expect(cal.addWorkdays('2027-02-01', 7)).toBe('2027-02-16');
  });

  test('years before the first built-in one stay an error, and so do years past 2099', () => {
    expect(() => cal.isWorkday('2019-06-03')).toThrow('2019年的节假日安排尚未录入');
    expect(() => cal.addWorkdays('2020-01-02', -3)).toThrow('2019年');
    expect(() => cal.isWorkday('2100-03-01')).toThrow('2100年');
    expect(cal.addWorkdays('2098-12-30', 3)).toMatch(/^2099-01-0\d$/);
    expect(() => cal.addWorkdays('2099-12-30', 5)).toThrow('2100年');
    expect(() => cal.isWorkday('9999-01-04')).toThrow('9999年');
    expect(() => cal.addWorkdays('2026-01-05', 1_000_000)).toThrow('2100年');
    expect(cal.addWorkdays('2026-01-05', 18_000)).toMatch(/^209\d-/);
  });

  test('the 2027 notice entered in the 节假日 sheet makes 2027 published; one local change does not', () => {
    const local = builtInCalendar([{ date: '2027-03-08', kind: '休', name: '本地调整' }]);
    expect(local.yearStatus(2027)).toBe('provisional');
    expect(local.isWorkday('2027-03-08')).toBe(false);
    expect(local.isWorkday('2027-02-06')).toBe(false);
    const days = statutoryDays(2027, STATUTORY_REVISIONS)!.map((d) => ({ date: d.date, kind: '休' as const, name: d.name }));
    const confirmed = builtInCalendar([...days, { date: '2027-02-20', kind: '班', name: '春节' }]);
    expect(confirmed.yearStatus(2027)).toBe('published');
    expect(confirmed.isWorkday('2027-02-20')).toBe(true);
  });
});

test('the built-in years are still 2020–2026', () => {
  expect(HOLIDAY_YEARS).toEqual(YEARS);
  expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
});
