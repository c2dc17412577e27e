/**
 * Sample sheets of a realistic size, shared by the tests that check what a size does (a
 * round trip keeps every row) and the bench cases that time it (npm run bench).
 */
import { createFakeGas, type FakeGas } from './gas';
import { makeId } from './playground/demoData';

/** A county's 案件 of `n` rows: names, valid ID numbers, household sizes, incomes, dates, flags. */
export function bigCaseSheet(n = 10_000, fake: FakeGas = createFakeGas()) {
  const sheet = fake.spreadsheet.insertSheet('案件');
  const rows = Array.from({ length: n }, (_, i) => [
    `职工${i + 1}`,
    makeId('420881', `${1960 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`, i % 500, i % 2 === 1),
    1 + (i % 5),
    12_000 + i,
    new Date(2026, i % 12, 1 + (i % 28)),
    i % 3 === 0,
    'H03',
    '因病',
    '钟祥市磷矿',
    '待审核',
  ]);
  sheet.insertRowsAfter(sheet.getMaxRows(), rows.length);
  sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  return { fake, sheet };
}
