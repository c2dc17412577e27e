/**
 * The typed-table layer: columns found by header whatever their order, missing ones named
 * in zh, one getValues per read and one setValues per write, formulas an administrator put
 * in a row survive an update, and user text never becomes a formula.
 */
import { createFakeGas, installGlobals } from '../../harness/gas';
import { appendRows, mapHeader, readColumn, readHeader, readRow, readTable, requireColumns, updateRow, writeColumns, type Sheet } from '../../src/sheets/table';
import { withDocumentLock } from '../../src/sheets/lock';

const COLUMNS = [
  { key: 'worker_no', zh: '职工编号', en: 'Worker no.' },
  { key: 'name', zh: '姓名', en: 'Name' },
  { key: 'status', zh: '状态', en: 'Status' },
  { key: 'amount', zh: '金额', en: 'Amount' },
];

function freshSheet(rows: unknown[][]): { fake: ReturnType<typeof createFakeGas>; sheet: Sheet } {
  const fake = createFakeGas();
  installGlobals(globalThis, fake);
  const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('案件');
  // Like Sheets, the fake refuses a range past the last row: grow first.
  if (rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  if (rows.length > 0) sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows as never);
  return { fake, sheet };
}

test('columns are found by zh label, key or English label, in any order, beside extra columns', () => {
  const map = mapHeader('案件', ['备注', 'Status', '姓名', 'worker_no', '自定义'], COLUMNS);
  expect(map.col).toEqual({ status: 2, name: 3, worker_no: 4 });
  expect(map.width).toBe(5);
  expect(() => requireColumns(map, COLUMNS, ['worker_no', 'amount'])).toThrow('“案件”表缺少列：金额');
});

test('a header cell belongs to one column only, so a field labelled like a system column gets its own', () => {
  const map = mapHeader('案件', ['状态', '姓名', '状态'], [...COLUMNS, { key: 'status_note', zh: '状态' }]);
  expect(map.col.status).toBe(1);
  expect(map.col.status_note).toBe(3);
});

test('reading 20,000 rows is one getValues; blank rows are skipped, row numbers kept', () => {
  const rows: unknown[][] = [['职工编号', '姓名', '状态', '金额']];
  for (let i = 1; i <= 20_000; i++) rows.push(i === 5 ? ['', '', '', ''] : [`H01${String(i).padStart(5, '0')}`, `职工${i}`, '待审核', i]);
  const { fake, sheet } = freshSheet(rows);
  fake.counter.reset();
  const table = readTable(sheet, COLUMNS);
  expect(fake.counter.snapshot()['Range.getValues']).toBe(1);
  expect(table.rows).toHaveLength(19_999);
  expect(table.rows[4]).toMatchObject({ rowNumber: 7, record: { worker_no: 'H0100006', amount: 6 } });
});

test('finding a row reads one column; updating writes one span and keeps a formula inside it', () => {
  const { fake, sheet } = freshSheet([
    ['职工编号', '姓名', '备注公式', '状态', '金额'],
    ['H0100001', '王秀英', '', '待审核', 100],
    ['H0100002', '李明', '', '待审核', 200],
  ]);
  // setValues with text starting '=' enters a formula, as in Sheets.
  sheet.getRange(3, 3).setValues([['=E3*2']]);
  const map = readHeader(sheet, COLUMNS);
  fake.counter.reset();
  const col = readColumn(sheet, map, 'worker_no');
  expect(col).toEqual(['H0100001', 'H0100002']);
  const row = readRow(sheet, map, 3);
  updateRow(sheet, map, row, { name: '李明明', status: '公示中' });
  const counts = fake.counter.snapshot();
  expect(counts['Range.getValues']).toBe(2);
  expect(counts['Range.setValues']).toBe(1);
  expect(
    sheet
      .getRange(3, 1, 1, 5)
      .getValues()[0]
      .filter((_, i) => i !== 2),
  ).toEqual(['H0100002', '李明明', '公示中', 200]);
  expect(sheet.getRange(3, 3).getFormulas()[0][0]).toBe('=E3*2');
  // The other row is untouched.
  expect(sheet.getRange(2, 1, 1, 5).getValues()[0]).toEqual(['H0100001', '王秀英', '', '待审核', 100]);
});

test('text that would start a formula is written as text', () => {
  const { sheet } = freshSheet([['职工编号', '姓名', '状态', '金额']]);
  const map = readHeader(sheet, COLUMNS);
  appendRows(sheet, map, [{ worker_no: 'H0100001', name: '=HYPERLINK("http://x.cn","点我")', status: '+86', amount: -5 }]);
  expect(sheet.getRange(2, 1, 1, 4).getFormulas()[0]).toEqual(['', '', '', '']);
  expect(sheet.getRange(2, 1, 1, 4).getValues()[0]).toEqual(['H0100001', '=HYPERLINK("http://x.cn","点我")', '+86', -5]);
});

test('whole columns are written back in one call per adjacent block', () => {
  const { fake, sheet } = freshSheet([
    ['职工编号', '姓名', '状态', '金额'],
    ['H0100001', '王秀英', '待审核', 1],
    ['H0100002', '李明', '待审核', 2],
  ]);
  const map = readHeader(sheet, COLUMNS);
  fake.counter.reset();
  expect(writeColumns(sheet, map, { status: ['公示中', '已退回'], amount: [10, 20] })).toBe(1);
  expect(writeColumns(sheet, map, { name: ['甲', '乙'], amount: [11, 21] })).toBe(2);
  expect(fake.counter.snapshot()['Range.setValues']).toBe(3);
  expect(sheet.getRange(2, 1, 2, 4).getValues()).toEqual([
    ['H0100001', '甲', '公示中', 11],
    ['H0100002', '乙', '已退回', 21],
  ]);
});

test('the document lock is released after an error, and a held lock gives the zh retry message', () => {
  const fake = createFakeGas();
  installGlobals(globalThis, fake);
  expect(() =>
    withDocumentLock(() => {
      throw new Error('boom');
    }),
  ).toThrow('boom');
  expect(withDocumentLock(() => 42)).toBe(42);
  const message = withDocumentLock(() => {
    try {
      (fake as unknown as { runAs: (u: string, f: () => unknown) => unknown }).runAs('other@x.cn', () => withDocumentLock(() => 0, 10));
      return 'no error';
    } catch (e) {
      return (e as Error).message;
    }
  });
  expect(message).toBe('有其他人正在保存，请稍后重试');
});
