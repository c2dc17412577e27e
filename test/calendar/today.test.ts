/**
 * "Today" that refreshes: setup creates the named range 今日 in 设置, the daily job moves it
 * on, a formula passing it recomputes with it, and RELIEF_EXPLAIN without a date says which
 * day it assumed.
 */
import { setNow } from '../../src/server/clock';
import { dailyJobs } from '../../src/writer/index';
import { IDCARD_INFO } from '../../src/server/customFunctions/identity';
import { RELIEF_EXPLAIN } from '../../src/server/customFunctions/relief';
import { setupSpreadsheet } from '../../src/server/setup';
import { inWriterTrigger, makeId, newWorkbook } from '../server/fixtures';

afterAll(() => setNow(null));

test('setup creates 今日 (设置!F2) once; the daily job writes each new day into it', () => {
  const fake = newWorkbook('2026-12-01');
  const cell = fake.spreadsheet.getRangeByName('今日')!;
  expect(cell.getSheet().getName()).toBe('设置');
  expect(cell.getA1Notation()).toBe('F2');
  expect(cell.getDisplayValue()).toBe('2026-12-01');
  const again = setupSpreadsheet();
  expect(again.repaired.join('；')).not.toContain('今日');

  setNow('2026-12-02');
  inWriterTrigger(fake, () => dailyJobs());
  expect(fake.spreadsheet.getRangeByName('今日')!.getDisplayValue()).toBe('2026-12-02');
  // The cell's value is what a formula passing 今日 receives: the age moves on with it.
  const id = makeId('420821', '1980-12-02', 33, '男');
  expect(IDCARD_INFO(id, 'age', fake.spreadsheet.getRangeByName('今日')!.getValue())).toBe(46);
  setNow('2026-12-01');
  inWriterTrigger(fake, () => dailyJobs());
  expect(IDCARD_INFO(id, 'age', fake.spreadsheet.getRangeByName('今日')!.getValue())).toBe(45);
});

test('RELIEF_EXPLAIN without a date names the day it assumed and suggests 今日; with a date it does not', () => {
  setNow('2026-12-01');
  expect(RELIEF_EXPLAIN('medical', 20000)).toContain('按 2026-12-01 的标准；公式未给日期，建议传入“今日”单元格');
  expect(RELIEF_EXPLAIN('medical', 20000, new Date(2026, 11, 1))).not.toContain('公式未给日期');
});
