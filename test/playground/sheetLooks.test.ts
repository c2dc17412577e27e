/**
 * What the playground draws for a cell, without a browser: the value in the cell's number
 * format (the fake's getDisplayValue formatter), Sheets' default alignment, the fill set with
 * setBackground(s), and a conditional-format formula moved to each cell of its range.
 */
import { createFakeGas } from '../../harness/gas';
import { conditionFormula, type EvalEnv } from '../../harness/formula';
import { sheetView } from '../../harness/playground/sheetView';

const fake = createFakeGas();
const ss = fake.spreadsheet;
const sheet = ss.insertSheet('看板');
const env: EvalEnv = { spreadsheet: ss, sheet: '看板', customFunction: () => undefined, today: () => new Date(2026, 11, 1), spills: new Map() };

sheet.getRange(1, 1, 1, 4).setValues([['县区', '救助金额（元）', '发放款物（万元）', '完成率']]);
sheet.getRange(2, 1, 3, 4).setValues([
  ['京山', 1234567.891, 1.5, 0.456],
  ['沙洋', 550, 0.03751, 1],
  ['钟祥', 0, 0, 0],
]);
sheet.getRange(2, 2, 3, 1).setNumberFormat('#,##0.00');
sheet.getRange(2, 3, 3, 1).setNumberFormat('0.0000');
sheet.getRange(2, 4, 3, 1).setNumberFormat('0.0%');
sheet.getRange(3, 1).setBackground('#fff2cc');
sheet.getRange(1, 1, 1, 4).setFontWeight('bold').setHorizontalAlignment('center');
sheet.setColumnWidth(1, 160);

test('numbers show in their number format and sit right; text sits left', () => {
  const v = sheetView(sheet, env);
  expect(v.cells[1].slice(1, 4).map((c) => c.d)).toEqual(['1,234,567.89', '1.5000', '45.6%']);
  expect(v.cells[2].slice(1, 4).map((c) => c.d)).toEqual(['550.00', '0.0375', '100.0%']);
  expect(v.cells[1][1].a).toBe('right');
  expect(v.cells[1][0].a).toBeUndefined(); // left
  // The editor shows the stored number, not its display.
  expect(v.cells[1][2].v).toBe('1.5');
});

test('a fill, bold, a set alignment and a column width reach the page', () => {
  const v = sheetView(sheet, env);
  expect(v.cells[2][0].bg).toBe('#fff2cc');
  expect(v.cells[1][0].bg).toBeUndefined();
  expect(v.cells[0][3]).toMatchObject({ b: true, a: 'center' });
  expect(v.widths.slice(0, 2)).toEqual([160, 100]);
});

test('a conditional format colours the cells whose moved formula holds, over the cell fill', () => {
  const rows = sheet.getRange(2, 1, 3, 4);
  sheet.setConditionalFormatRules([
    fake.SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$B2<1000').setBackground('#f4c7c3').setRanges([rows]).build(),
    fake.SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$B2<1000').setBackground('#00ff00').setRanges([rows]).build(),
  ]);
  const v = sheetView(sheet, env);
  // 沙洋 (550) and 钟祥 (0) are red on every column, the first matching rule winning; 京山 is not.
  expect(v.cells[2].slice(0, 4).map((c) => c.bg)).toEqual(['#f4c7c3', '#f4c7c3', '#f4c7c3', '#f4c7c3']);
  expect(v.cells[3][0].bg).toBe('#f4c7c3');
  expect(v.cells[1].slice(0, 4).map((c) => c.bg)).toEqual([undefined, undefined, undefined, undefined]);
});

test('relative references move with the cell, absolute ones stay', () => {
  const f = conditionFormula('=AND(B2>100, ISNUMBER($C$2))');
  expect(f.varies).toEqual({ rows: true, cols: true });
  expect(f.test(env, { rows: 0, cols: 0 })).toBe(true); // B2 = 1,234,567.891
  expect(f.test(env, { rows: 1, cols: 0 })).toBe(true); // B3 = 550
  expect(f.test(env, { rows: 2, cols: 0 })).toBe(false); // B4 = 0
  expect(f.test(env, { rows: 0, cols: 2 })).toBe(false); // D2 = 0.456
  expect(conditionFormula('=$B2=TRUE').varies).toEqual({ rows: true, cols: false });
});
