/**
 * Reports and the CLI's .xlsx carry names users typed: in Sheets they are written with the
 * text marker, in the Excel file as string cells, never as formulas.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createFakeGas, installGlobals } from '../../harness/gas';
import { writeLayouts } from '../../src/cli/excel';
import type { SheetLayout } from '../../src/domain/reports/layout';
import { writeLayout } from '../../src/sheets/reportWriter';

const TYPED = ['=HYPERLINK("http://e.cn","点我")', '+1+1', '@SUM(A1)', '-2+3', "'=CMD", '00123', 'TRUE'];

const layout = (): SheetLayout => ({
  name: '公示名单',
  values: [['姓名', '工作单位'], ...TYPED.map((t, i) => [t, i % 2 === 0 ? '京山县轻机厂' : t])],
});

test('a report written into Sheets shows every typed name as text, with no formula', () => {
  const fake = createFakeGas();
  installGlobals(globalThis, fake);
  const sheet = writeLayout(fake.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, layout());
  const range = sheet.getDataRange();
  expect(
    range
      .getValues()
      .slice(1)
      .map((r) => r[0]),
  ).toEqual(TYPED);
  expect(
    range
      .getFormulas()
      .flat()
      .filter((f) => f !== ''),
  ).toEqual([]);
});

test('the CLI writes typed names into the .xlsx as string cells, not formulas', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bangfu-text-'));
  try {
    const file = join(dir, 'out.xlsx');
    await writeLayouts(file, [layout()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('公示名单')!;
    const cells = TYPED.map((_, i) => ws.getRow(i + 2).getCell(1));
    expect(cells.map((c) => c.type)).toEqual(TYPED.map(() => ExcelJS.ValueType.String));
    expect(cells.map((c) => c.value)).toEqual(TYPED);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
