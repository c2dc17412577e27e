/**
 * 生成报表 in Sheets renders the same layout as the .xlsx: the fake records each format the
 * writer sets, and the sheet is checked as a person opening it would see it — the title in
 * row 1, the header lines from 设置 (never the spreadsheet's title), widths wide enough for
 * the longest label and the 18-digit numbers, borders on the form body, 万元 and 元 formats,
 * the header rows frozen, the key column hidden.
 */
import { runReports } from '../../src/server/rollup';
import { setNow } from '../../src/server/clock';
import { textEms } from '../../src/domain/reports/layout';
import { sheet, people } from '../server/fixtures';
import { countyBooks, JINGSHAN } from '../rollup/fixtures';

afterAll(() => setNow(null));

type FakeSheet = GoogleAppsScript.Spreadsheet.Sheet & {
  _styles: Record<string, { row: number; col: number; numRows: number; numCols: number; value: unknown }[]>;
};

function setSetting(s: GoogleAppsScript.Spreadsheet.Sheet, label: string, value: string): void {
  const values = s.getDataRange().getValues();
  const i = values.findIndex((r) => r[0] === label);
  expect(i).toBeGreaterThan(0);
  s.getRange(i + 1, 2).setValue(value);
}

function bordered(s: FakeSheet, row: number, col: number): boolean {
  return (s._styles.border ?? []).some((b) => row >= b.row && row < b.row + b.numRows && col >= b.col && col < b.col + b.numCols);
}

test('生成报表 writes print-ready forms into Sheets, with the header lines from 设置', () => {
  const { fake } = countyBooks();
  const owner = fake.spreadsheet.getOwner()!.getEmail();
  fake.runAs(owner, () => {
    const settings = sheet(fake, '设置');
    setSetting(settings, '填报单位', '荆门市总工会');
    setSetting(settings, '填报人', '陈静');
    setSetting(settings, '联系电话', '0724-2332018');
  });
  fake.setUser(people.city.email);
  expect(runReports().ok).toBe(true);

  const warmth = sheet(fake, '送温暖工程统计表') as FakeSheet;
  const v = warmth.getDataRange().getValues();
  expect(v[0][0]).toBe('送温暖工程统计表');
  expect(v[1][0]).toBe('填报单位：荆门市总工会');
  expect(v[2][0]).toBe('填报人：陈静　　联系电话：0724-2332018');
  expect(String(v[1][2])).toMatch(/^统计期间：2026年度$/);
  expect(JSON.stringify(v)).not.toContain(fake.spreadsheet.getName());
  expect(warmth.getFrozenRows()).toBe(4);
  expect(warmth.isColumnHiddenByUser(6)).toBe(true);
  // The longest item label fits its column at 10 pt (pixels at 96 dpi, with the cell's padding).
  const longest = Math.max(...v.slice(4).map((r) => textEms(String(r[1]))));
  expect(warmth.getColumnWidth(2)).toBeGreaterThanOrEqual(Math.ceil((longest * 10 * 4) / 3));
  const row = (key: string) => v.findIndex((r) => r[5] === key) + 1;
  expect(warmth.getRange(row('w6a'), 3).getNumberFormat()).toBe('0.0000');
  expect(warmth.getRange(row('w2a'), 3).getNumberFormat()).toBe('#,##0');
  expect([bordered(warmth, 4, 1), bordered(warmth, row('w6a'), 4), bordered(warmth, row('w6a'), 5), bordered(warmth, 2, 1)]).toEqual([
    true,
    true,
    false,
    false,
  ]);

  // Beside the printed area, a link to Sheets' own PDF export with the same page setup.
  const link = warmth.getRange(1, 5).getFormula();
  expect(link).toMatch(/^=HYPERLINK\("https:\/\/docs\.google\.com\/spreadsheets\/d\/[^/]+\/export\?format=pdf&gid=\d+&size=A4&portrait=true&fitw=true&/);
  expect(link).toContain(`&fzr=true&`);
  expect(link).toContain(`&r1=0&c1=0&r2=${v.length}&c2=4"`);
  expect(link).toContain('"导出 PDF（A4纵向）")');

  const realName = sheet(fake, '实名制汇总表') as FakeSheet;
  expect(realName.getRange(1, 10).getFormula()).toContain('portrait=false');
  const rn = realName.getDataRange().getValues();
  expect(rn[1][0]).toBe('填报单位（盖章）：荆门市总工会');
  const first = rn.findIndex((r) => r[1] === '王秀英') + 1;
  // The ID number is text (not a rounded 4.2e17) and its column is wide enough for 18 digits.
  expect(realName.getRange(first, 5).getValue()).toBe(JINGSHAN[0]['身份证号']);
  expect(realName.getColumnWidth(5)).toBeGreaterThanOrEqual(Math.ceil((textEms(String(JINGSHAN[0]['身份证号'])) * 10 * 4) / 3));
  expect(realName.getRange(first, 9).getNumberFormat()).toBe('#,##0.00');
  expect(bordered(realName, first, 9)).toBe(true);
});

test('without 填报单位 in 设置 the line is left blank to be written by hand, not filled with the spreadsheet title', () => {
  const { fake } = countyBooks();
  expect(runReports().ok).toBe(true);
  for (const name of ['汇总', '送温暖工程统计表', '困难职工帮扶中心统计表', '实名制汇总表']) {
    const v = sheet(fake, name).getDataRange().getValues();
    expect(JSON.stringify(v)).not.toContain(fake.spreadsheet.getName());
    expect(v.flat()).toEqual(expect.arrayContaining([expect.stringMatching(/^填报单位(（盖章）)?：$/)]));
  }
});
