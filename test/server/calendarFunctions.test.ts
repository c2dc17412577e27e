/** =WORKDAY_CN as a cell sees it: Dates in and out, ranges, a holidays range, and errors. */
import { WORKDAY_CN } from '../../src/server/customFunctions/calendar';

const ymd = (d: unknown) => {
  const x = d as Date;
  return `${x.getFullYear()}-${String(x.getMonth() + 1).padStart(2, '0')}-${String(x.getDate()).padStart(2, '0')}`;
};

test('=WORKDAY_CN(DATE(2025,9,30), 3) is Saturday 11 October 2025', () => {
  expect(ymd(WORKDAY_CN(new Date(2025, 8, 30), 3))).toBe('2025-10-11');
  expect(ymd(WORKDAY_CN('2025-10-11', -3))).toBe('2025-09-30');
});

test('a range of starts gives a range of dates; blanks stay blank and a bad cell shows its error', () => {
  const out = WORKDAY_CN([[new Date(2026, 1, 13)], [''], ['下周一']], 1) as unknown[][];
  expect(ymd(out[0][0])).toBe('2026-02-14');
  expect(out[1][0]).toBe('');
  expect(String(out[2][0])).toContain('“开始日期”应为日期');
});

test('a holidays range extends the calendar into 2027 or changes a day', () => {
  // 2027 is provisional (元旦 1 January from the law); only a year before 2020 is an error.
  expect(ymd(WORKDAY_CN(new Date(2026, 11, 31), 1))).toBe('2027-01-04');
  expect(() => WORKDAY_CN(new Date(2020, 0, 2), -2)).toThrow('2019年的节假日安排尚未录入');
  const y2027 = [
    ['日期', '类型', '名称'],
    [new Date(2027, 0, 1), '休', '元旦'],
  ];
  expect(ymd(WORKDAY_CN(new Date(2026, 11, 31), 1, y2027))).toBe('2027-01-04');
  expect(ymd(WORKDAY_CN(new Date(2025, 8, 30), 3, [['2025-10-11', '休']]))).toBe('2025-10-13');
});

test('days must be a number', () => {
  expect(() => WORKDAY_CN(new Date(2025, 8, 30), '三')).toThrow('“工作日天数”应为数字');
  expect(() => WORKDAY_CN(new Date(2025, 8, 30), '')).toThrow('请填写工作日天数');
});

test('ten thousand starts in one range come back as ten thousand dates, in the same shape', () => {
  const starts: Date[][] = [];
  for (let i = 0; i < 10_000; i++) starts.push([new Date(2020, 2, 1 + (i % 2300))]);
  const out = WORKDAY_CN(starts, 60) as Date[][];
  expect(out).toHaveLength(10_000);
  expect(out.every((row) => row.length === 1 && row[0] instanceof Date)).toBe(true);
});
