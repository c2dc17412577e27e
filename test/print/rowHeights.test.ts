/**
 * Row heights in Sheets cost calls: a real-name list of 200,000 families must not make one
 * call per wrapped address. The body of a list is fitted in one autoResizeRows; the title,
 * wrapped header and notes keep their heights, in runs.
 */
import { createFakeGas, installGlobals } from '../../harness/gas';
import { tableForm } from '../../src/domain/reports/layout';
import { writeLayout } from '../../src/sheets/reportWriter';

const ADDRESSES = ['京山县新市镇轻机大道18号轻机厂家属院3栋2单元401室', '沙洋县', '钟祥市郢中街道莫愁湖路公交公司宿舍', '东宝区'];

function listOf(families: number) {
  return tableForm({
    name: '实名制汇总表',
    title: '困难职工帮扶情况实名制汇总表',
    lines: [[{ text: '填报单位（盖章）：荆门市总工会', span: 3 }]],
    header: ['序号', '姓名', '工作单位或家庭地址'],
    body: Array.from({ length: families }, (_, i) => [i + 1, `王秀英${i}`, ADDRESSES[i % ADDRESSES.length]]),
    notes: ['注：“帮扶金额”栏由市总工会填写。'],
    orientation: 'landscape',
    maxEms: { 2: 10 },
  });
}

function callsFor(families: number) {
  const fake = createFakeGas();
  installGlobals(globalThis, fake);
  const layout = listOf(families);
  fake.counter.reset();
  const sheet = writeLayout(fake.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, layout);
  const calls = fake.counter.snapshot();
  return { layout, sheet, heights: (calls['Sheet.setRowHeight'] ?? 0) + (calls['Sheet.setRowHeights'] ?? 0), fits: calls['Sheet.autoResizeRows'] ?? 0 };
}

test('the wrapped body of a list is fitted in one call, whatever its length; the title keeps its height', () => {
  const small = callsFor(8);
  const large = callsFor(4_000);
  expect(large.layout.fitRows).toEqual({ row: 4, numRows: 4_000 });
  // The Excel writer still gets a height for each wrapped row (Excel does not fit rows).
  expect(large.layout.rowHeights!.length).toBeGreaterThan(2_000);
  expect(large.fits).toBe(1);
  expect(large.heights).toBe(small.heights);
  expect(large.heights).toBeLessThanOrEqual(2);
  const s = large.sheet as unknown as { _fittedRows: Set<number>; getRowHeight(r: number): number };
  expect(s._fittedRows.has(4)).toBe(true);
  expect(s.getRowHeight(1)).toBeGreaterThan(21);
});

test('a row height is a change to the sheet: refused to someone a protection does not allow', () => {
  const fake = createFakeGas({ owner: 'owner@jmszgh.cn' });
  installGlobals(globalThis, fake);
  fake.setUser('owner@jmszgh.cn');
  const sheet = fake.spreadsheet.insertSheet('实名制汇总表');
  const p = sheet.protect();
  p.removeEditors(p.getEditors());
  fake.setUser('lina@jszgh.cn');
  expect(() => sheet.setRowHeight(1, 40)).toThrow();
  expect(() => sheet.setRowHeights(1, 3, 40)).toThrow();
  expect(() => sheet.autoResizeRows(1, 3)).toThrow();
});

test('the notes under a form (汇总 lists every refused row there) are merged and wrapped in one call each, however many', () => {
  const calls = (notes: number) => {
    const fake = createFakeGas();
    installGlobals(globalThis, fake);
    const layout = tableForm({
      name: '汇总',
      title: '2026年困难职工帮扶汇总',
      lines: [[{ text: '填报单位：荆门市总工会', span: 3 }]],
      header: ['县区代码', '县区', '档案数'],
      body: [['H01', '京山', 12]],
      notes: Array.from({ length: notes }, (_, i) => `H01.xlsx 第 ${i + 2} 行“提交日期”列：日期无效（2026-02-30），未计入`),
      orientation: 'landscape',
    });
    fake.counter.reset();
    const sheet = writeLayout(fake.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, layout);
    const c = fake.counter.snapshot();
    const merged = sheet.getRange(5, 1, notes, 3).getMergedRanges().length;
    return { merges: (c['Range.merge'] ?? 0) + (c['Range.mergeAcross'] ?? 0), wraps: c['Range.setWrap'] ?? 0, merged };
  };
  const few = calls(3);
  const many = calls(240);
  expect(many.merges).toBe(few.merges);
  expect(many.wraps).toBe(few.wraps);
  // Still one merge per note row: each note reads across the whole form.
  expect(many.merged).toBe(240);
});
