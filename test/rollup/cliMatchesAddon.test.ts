/**
 * The add-on's 汇总与报表 menu and `bangfu rollup` build their reports with the same code
 * (src/domain/reports/reportSet.ts): for the same three counties' cases, every report
 * sheet holds the same values cell for cell, whether written to Sheets or to Excel.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runRollupCli } from '../../src/cli/rollup';
import { runDashboard, runPublicNotice, runReports } from '../../src/server/rollup';
import { setNow } from '../../src/server/clock';
import { OWNER, sheet } from '../server/fixtures';
import { countyBooks, JINGSHAN, rowsOf, SHAYANG, ZHONGXIANG } from './fixtures';

afterAll(() => setNow(null));

const REPORTS = ['汇总', '送温暖工程统计表', '困难职工帮扶中心统计表', '实名制汇总表', '公示名单', '统计图表'];

/** Cells as a reader sees them: blanks are '', trailing blanks and blank rows at the end dropped. */
function normalized(rows: readonly (readonly unknown[])[]): unknown[][] {
  const out = rows.map((r) => {
    const cells = r.map((v) => (v === null || v === undefined ? '' : v));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    return cells;
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

/** A county's .xlsx as Excel saves it: a date cell is the civil day's serial, with no time zone. */
async function writeXlsx(path: string, values: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('案件');
  const cell = (v: unknown) => (v === '' ? null : v instanceof Date ? new Date(Date.UTC(v.getFullYear(), v.getMonth(), v.getDate())) : v);
  for (const r of values) ws.addRow(r.map(cell));
  await wb.xlsx.writeFile(path);
  return path;
}

test('the CLI and the add-on give the same values in every report for the same cases', async () => {
  const { fake } = countyBooks('2026-11-23');
  // Only the three readable counties: the broken link is the add-on's own case (rollup.test.ts).
  fake.runAs(OWNER, () => sheet(fake, '汇总来源').deleteRow(5)); // 汇总来源 is the owner's
  expect(runReports().ok).toBe(true);
  expect(runPublicNotice().ok).toBe(true);
  expect(runDashboard().ok).toBe(true);
  const addon = Object.fromEntries(REPORTS.map((name) => [name, normalized(sheet(fake, name).getDataRange().getValues())]));

  const dir = mkdtempSync(join(tmpdir(), 'bangfu-same-'));
  const inputs = [
    await writeXlsx(join(dir, '京山.xlsx'), rowsOf(JINGSHAN)),
    await writeXlsx(join(dir, '沙洋.xlsx'), rowsOf(SHAYANG)),
    await writeXlsx(join(dir, '钟祥.xlsx'), rowsOf(ZHONGXIANG)),
  ];
  const output = join(dir, '汇总.xlsx');
  // 填报单位 comes from 设置 in the add-on (blank in a new workbook) and from --unit in the CLI (not given): both blank.
  await runRollupCli({ inputs, output, city: true, today: '2026-11-23', progress: () => {} });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(output);
  expect(wb.worksheets.map((w) => w.name)).toEqual(REPORTS);
  for (const name of REPORTS) {
    const ws = wb.getWorksheet(name)!;
    const rows: unknown[][] = [];
    for (let i = 1; i <= ws.rowCount; i++) {
      const row = ws.getRow(i);
      // A merged range holds its value in its top-left cell only, as in Sheets.
      rows.push(
        Array.from({ length: ws.columnCount }, (_, c) => {
          const cell = row.getCell(c + 1);
          return cell.isMerged && cell.master.address !== cell.address ? '' : cell.value;
        }),
      );
    }
    expect({ name, values: normalized(rows) }).toEqual({ name, values: addon[name] });
  }
  // Not an empty agreement: the lists hold the families the hand count names.
  expect(addon['实名制汇总表'].filter((r) => typeof r[0] === 'number').map((r) => r[1])).toEqual(['王秀英', '赵芳', '孙丽', '陈静']);
  expect(addon['公示名单'].filter((r) => typeof r[0] === 'number').map((r) => r[2])).toEqual(['李明']);
});
