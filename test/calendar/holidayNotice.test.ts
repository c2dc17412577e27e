/**
 * The notice parser on notices written as the 国务院办公厅 writes them (test/calendar/notices/),
 * checked day by day against the built-in schedule (from chinese-days) for 2021–2026, the
 * 2020 notice against its own text (the schedule was later extended), the older
 * "补休 / 与周末连休" form (2015) against chinese-days, and the refusals.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isHoliday, isInLieu, isWorkday as cdIsWorkday } from 'chinese-days';
import { addDays, weekday, type CivilDate } from '../../src/domain/civilDate';
import type { HolidayEntry } from '../../src/domain/calendar';
import { formatHolidayNotice, parseHolidayNotice } from '../../src/domain/holidayNotice';
import { statutoryDays } from '../../src/domain/statutoryHolidays';
import { DEFAULT_HOLIDAYS } from '../../src/defaults/holidays';
import { STATUTORY_REVISIONS } from '../../src/defaults/calendar';

const notice = (year: number) => readFileSync(join(__dirname, 'notices', `${year}.txt`), 'utf8');
const parse = (text: string) => parseHolidayNotice(text, STATUTORY_REVISIONS);
const line = (e: HolidayEntry) => `${e.date},${e.kind},${e.name}`;

/** The built-in rows one year's notice settles: its year, with 元旦 at the turn of the year moved to the notice it belongs to. */
function publishedRows(year: number): HolidayEntry[] {
  return DEFAULT_HOLIDAYS.filter((e) => {
    const y = +e.date.slice(0, 4);
    const lateNewYear = e.name === '元旦' && e.date.slice(5, 7) === '12';
    return lateNewYear ? y + 1 === year : y === year;
  });
}

test.each([2021, 2022, 2023, 2024, 2025, 2026])('the %i notice gives exactly the built-in days, names included', (year) => {
  const parsed = parse(notice(year));
  expect(parsed.year).toBe(year);
  expect(parsed.rows.map(line)).toEqual(publishedRows(year).map(line));
});

test('the 2020 notice as published (before the Spring Festival was extended to 2 February)', () => {
  const parsed = parse(notice(2020)).rows.map(line);
  const built = publishedRows(2020).map(line);
  expect(parsed.filter((l) => !built.includes(l))).toEqual(['2020-02-01,班,春节']);
  expect(built.filter((l) => !parsed.includes(l))).toEqual(['2020-01-31,休,春节', '2020-02-01,休,春节', '2020-02-02,休,春节']);
});

test('a cross-year 元旦 ("2022年12月31日至2023年1月2日") puts 31 December in the year before', () => {
  const rows = parse(notice(2023)).rows;
  expect(rows.slice(0, 3).map(line)).toEqual(['2022-12-31,休,元旦', '2023-01-01,休,元旦', '2023-01-02,休,元旦']);
  expect(parse(notice(2027)).rows.slice(0, 4).map(line)).toEqual(['2026-12-31,休,元旦', '2027-01-01,休,元旦', '2027-01-02,休,元旦', '2027-01-09,班,元旦']);
});

test('the older form ("4月5日放假，4月6日（星期一）补休", "放假，与周末连休") agrees with chinese-days for 2015', () => {
  const rows = parse(notice(2015)).rows;
  for (const r of rows) {
    if (r.kind === '休') expect(`${r.date} ${isHoliday(r.date)}`).toBe(`${r.date} true`);
    else expect(`${r.date} ${cdIsWorkday(r.date) && !isInLieu(r.date)}`).toBe(`${r.date} true`);
  }
  expect(rows.map(line)).toEqual(expect.arrayContaining(['2015-04-06,休,清明', '2015-06-22,休,端午', '2015-05-01,休,劳动节', '2015-09-27,休,中秋']));
  // Every weekday chinese-days has off for a festival of the notice is in it (3–4 September
  // 2015, the 70th anniversary of the victory, came by a separate notice).
  for (let d: CivilDate = '2015-01-01'; d <= '2015-12-31'; d = addDays(d, 1)) {
    const w = weekday(d);
    if (w !== 0 && w !== 6 && isHoliday(d) && !d.startsWith('2015-09-0')) expect(`${d} ${rows.some((r) => r.date === d && r.kind === '休')}`).toBe(`${d} true`);
  }
});

test('2024: the sentence encouraging leave on 除夕 (9 February) schedules nothing', () => {
  expect(parse(notice(2024)).rows.find((r) => r.date === '2024-02-09')).toBeUndefined();
});

describe('refusals name the paragraph', () => {
  const base = notice(2026);
  test('a wrong weekday in brackets', () => {
    expect(() => parse(base.replace('5月9日（周六）上班', '5月9日（周日）上班'))).toThrow('无法识别“四、劳动节”段：5月9日是周六，不是“周日”');
  });
  test('a day count that does not match the dates', () => {
    expect(() => parse(base.replace('放假调休，共7天', '放假调休，共8天'))).toThrow('无法识别“七、国庆节”段：写明“共8天”，但列出的放假日期共7天');
  });
  test('a festival shorter than the law allows', () => {
    const short = base.replace('10月1日（周四）至7日（周三）放假调休，共7天', '10月1日（周四）至2日（周五）放假调休，共2天');
    expect(() => parse(short)).toThrow('无法识别“七、国庆节”段：法定假日 10月3日（国庆节）没有放假');
  });
  test('a missing festival', () => {
    expect(() => parse(base.replace(/五、端午节：[^\n]*\n/, ''))).toThrow('通知中没有“端午”的段落');
  });
  test('a sentence with a date that is neither off nor work', () => {
    expect(() => parse(base.replace('6月19日（周五）至21日（周日）放假', '6月19日（周五）至21日（周日）值班'))).toThrow('无法识别“五、端午节”段');
  });
  test('no title, no year', () => {
    expect(() => parse('一、元旦：1月1日放假，共1天。')).toThrow('找不到通知的年份');
    expect(parseHolidayNotice('一、元旦：1月1日放假，共1天。', [], { year: 2031 }).rows).toEqual([{ date: '2031-01-01', kind: '休', name: '元旦' }]);
  });
  test('pasted into a one-line prompt (line breaks lost), with the signature and its date at the end', () => {
    const oneLine = notice(2020).replace(/\n+/g, ' ');
    expect(parse(oneLine).rows).toEqual(parse(notice(2020)).rows);
  });
  test('full-width digits are read like ASCII ones', () => {
    const wide = base.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(parse(wide).rows).toEqual(parse(base).rows);
  });
});

test.each([2021, 2022, 2023, 2024, 2025, 2026])('round trip: the %i built-in rows written as a notice read back the same', (year) => {
  const rows = publishedRows(year);
  expect(parse(formatHolidayNotice(year, rows)).rows.map(line)).toEqual(rows.map(line));
});

test("round trip (property): any year 2025–2099, the law's days plus 调休 Saturdays, written and read back", () => {
  fc.assert(
    fc.property(fc.integer({ min: 2025, max: 2099 }), fc.array(fc.integer({ min: 0, max: 364 }), { maxLength: 6 }), (year, picks) => {
      const off = statutoryDays(year, STATUTORY_REVISIONS)!.map((d): HolidayEntry => ({ date: d.date, kind: '休', name: d.name.split('、')[0] }));
      // Two festivals on one day (国庆、中秋) cannot be written as one paragraph each; skip those years.
      fc.pre(statutoryDays(year, STATUTORY_REVISIONS)!.every((d) => !d.name.includes('、')));
      const work = [...new Set(picks.map((p) => addDays(`${year}-01-01`, p)))]
        .filter((d) => weekday(d) === 6 && !off.some((o) => o.date === d) && d.slice(5, 7) !== '12')
        .map((d): HolidayEntry => ({ date: d, kind: '班', name: '国庆节' }));
      const rows = [...off, ...work].sort((a, b) => (a.date < b.date ? -1 : 1));
      expect(parse(formatHolidayNotice(year, rows)).rows.map(line)).toEqual(rows.map(line));
    }),
    { numRuns: 60 },
  );
});
