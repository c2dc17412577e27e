/**
 * The playground's workbook file: what the fake spreadsheet holds survives a save and a
 * load with its types, formulas, notes and layout, and Excel sees the dates and values
 * the sheet showed.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createFakeGas } from '../../harness/gas';
import { loadWorkbookIntoFake, saveFakeToWorkbook } from '../../harness/xlsx';
import { bigCaseSheet } from '../../harness/samples';
import { makeId } from '../helpers/idNumbers';

const dir = mkdtempSync(join(tmpdir(), 'bangfu-xlsx-'));
const KEY = 20_000;

function sampleSpreadsheet() {
  const fake = createFakeGas();
  const ss = fake.spreadsheet;
  const cases = ss.insertSheet('案件');
  cases.getRange(1, 1, 1, 6).setValues([['姓名', '身份证号', '家庭人口', '登记日期', '紧急救助', '救助金额']]);
  cases.getRange(2, 2, 999, 1).setNumberFormat('@');
  cases.getRange(2, 1, 3, 5).setValues([
    ['王秀英', makeId('420821', '1972-03-15', 12, '女'), 3, new Date(2026, 0, 15), true],
    ['李建国', makeId('420822', '1980-11-02', 33, '男'), 1, new Date(2026, 9, 9, 14, 30), false],
    ['张桂兰', '0012', 5, '', false],
  ]);
  cases.getRange(2, 6).setFormula('=RELIEF("medical", 20000)');
  cases.getRange(2, 1).setNote('已电话核实');
  cases.setFrozenRows(1);
  cases.hideColumns(5);
  ss.insertSheet('操作日志')
    .getRange(1, 1, 1, 2)
    .setValues([['时间', '操作']]);
  return { fake, ss, cases };
}

test('values keep their types; formulas, notes, frozen rows, hidden and text columns come back', async () => {
  const { ss, cases } = sampleSpreadsheet();
  const path = join(dir, 'roundtrip.xlsx');
  await saveFakeToWorkbook(ss, path, { formulaValues: () => new Map([[2 * KEY + 6, { value: 1600 }]]) });

  const again = createFakeGas().spreadsheet;
  await loadWorkbookIntoFake(path, again);
  expect(again._sheets.map((s) => s._name)).toEqual(ss._sheets.map((s) => s._name));
  const loaded = again._sheetByName('案件')!;
  expect(loaded._values.slice(0, 4).map((r) => r.slice(0, 5))).toEqual(cases._values.slice(0, 4).map((r) => r.slice(0, 5)));
  expect(loaded._values[1][3]).toEqual(new Date(2026, 0, 15));
  expect(loaded._values[2][3]).toEqual(new Date(2026, 9, 9, 14, 30));
  expect(loaded._values[3][1]).toBe('0012'); // text, not the number 12
  expect(loaded._formulas.get(2 * KEY + 6)).toBe('=RELIEF("medical", 20000)');
  expect(loaded._notes.get(2 * KEY + 1)).toBe('已电话核实');
  expect(loaded._frozenRows).toBe(1);
  expect([...loaded._hiddenColumns]).toEqual([5]);
  // A number typed later into the ID column stays text, as the '@' format makes Sheets keep it.
  loaded.getRange(5, 2).setValue('420821197203150024');
  expect(loaded.getRange(5, 2).getValue()).toBe('420821197203150024');
});

test('Excel sees the wall-clock dates and the last computed value of each formula', async () => {
  const { ss } = sampleSpreadsheet();
  const path = join(dir, 'excel.xlsx');
  await saveFakeToWorkbook(ss, path, { formulaValues: () => new Map([[2 * KEY + 6, { value: 1600 }]]) });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('案件')!;
  // exceljs reads serials as UTC: 2026-01-15 in the sheet is 2026-01-15 in the file.
  expect((ws.getCell('D2').value as Date).toISOString()).toBe('2026-01-15T00:00:00.000Z');
  expect(ws.getCell('D2').numFmt).toBe('yyyy-mm-dd');
  expect(ws.getCell('F2').value).toEqual({ formula: 'RELIEF("medical", 20000)', result: 1600 });
  expect(ws.getCell('B2').value).toBe(makeId('420821', '1972-03-15', 12, '女'));
});

test('saving writes through a temporary file and leaves nothing else behind', async () => {
  const { ss } = sampleSpreadsheet();
  const sub = mkdtempSync(join(dir, 'atomic-'));
  const path = join(sub, '帮扶.xlsx');
  await saveFakeToWorkbook(ss, path);
  await saveFakeToWorkbook(ss, path);
  expect(readdirSync(sub)).toEqual(['帮扶.xlsx']);
  // A failed write (the folder is gone) leaves no half file and reports the error.
  await expect(saveFakeToWorkbook(ss, join(dir, 'no-such-folder', 'x.xlsx'))).rejects.toThrow();
  expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
});

// Its speed is the bench case xlsx_round_trip_10k (npm run bench).
test('10,000 case rows round-trip unchanged', async () => {
  const { fake, sheet } = bigCaseSheet(10_000);
  const path = join(dir, 'big.xlsx');
  await saveFakeToWorkbook(fake.spreadsheet, path);
  const back = createFakeGas().spreadsheet;
  await loadWorkbookIntoFake(path, back);
  const read = back.getSheetByName('案件')!;
  expect(read.getLastRow()).toBe(10_000);
  expect(read.getDataRange().getValues()).toEqual(sheet.getDataRange().getValues());
});
