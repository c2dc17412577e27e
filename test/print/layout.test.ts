/**
 * The layout model both writers render: month spans for the dashboard, the page setup of a
 * printable table, and the PDF export address Sheets gets.
 */
import fc from 'fast-check';
import { monthSpan } from '../../src/domain/reports/dashboard';
import { sheetsPdfUrl, tableForm, textEms } from '../../src/domain/reports/layout';

test('monthSpan lists every month between two months, across the new year', () => {
  expect(monthSpan('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  expect(monthSpan('2026-03', '2026-03')).toEqual(['2026-03']);
  fc.assert(
    fc.property(fc.integer({ min: 2000, max: 2040 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 60 }), (y, m, n) => {
      const from = `${y}-${String(m).padStart(2, '0')}`;
      const end = new Date(y, m - 1 + n, 1);
      const to = `${end.getFullYear()}-${String(end.getMonth() + 1).padStart(2, '0')}`;
      const span = monthSpan(from, to);
      expect(span).toHaveLength(n + 1);
      expect([span[0], span[span.length - 1]]).toEqual([from, to]);
      expect(new Set(span).size).toBe(span.length);
    }),
  );
});

test('a CJK character is one em wide, a digit about half: 18 ID digits are narrower than 18 hanzi', () => {
  expect(textEms('困难职工')).toBe(4);
  expect(textEms('420821197203150129')).toBeLessThan(textEms('困难职工帮扶情况实名制汇总表困难职工'));
  expect(textEms('420821197203150129')).toBeGreaterThan(9);
  expect(textEms('第一行\n第二行更长')).toBe(5);
});

test('a printable table: title in row 1, header frozen and repeated, bordered body, widths for the longest text', () => {
  const layout = tableForm({
    name: '名单',
    title: '困难职工帮扶情况实名制汇总表',
    lines: [
      [
        { text: '填报单位：京山县总工会', span: 2 },
        { text: '电话：', span: 1 },
      ],
    ],
    header: ['序号', '姓名', '身份证号'],
    body: [
      [1, '王秀英', '420821197203150129'],
      [2, '欧阳建国', '42082219680909021X'],
    ],
    notes: ['注：“帮扶金额”栏由市总工会填写。'],
    orientation: 'landscape',
    centred: [0],
  });
  expect(layout.values[0][0]).toBe('困难职工帮扶情况实名制汇总表');
  expect(layout.values[2]).toEqual(['序号', '姓名', '身份证号']);
  expect(layout.frozenRows).toBe(3);
  expect(layout.print).toEqual({ orientation: 'landscape', repeatRows: { from: 3, to: 3 }, rows: 6, columns: 3 });
  expect(layout.borders).toEqual([{ row: 3, col: 1, numRows: 3, numCols: 3 }]);
  // 18 digits at 10 pt plus padding; 4 hanzi; the merged title and notes do not widen a column.
  expect(layout.columnWidths![2]).toBeGreaterThanOrEqual(textEms('420821197203150129') * 10);
  expect(layout.columnWidths![1]).toBeGreaterThanOrEqual(40);
  expect(layout.columnWidths![1]).toBeLessThan(textEms('困难职工帮扶情况实名制汇总表') * 10);
  expect(layout.merges).toEqual(
    expect.arrayContaining([
      { row: 1, col: 1, numRows: 1, numCols: 3 },
      { row: 2, col: 1, numRows: 1, numCols: 2 },
      { row: 6, col: 1, numRows: 1, numCols: 3 },
    ]),
  );
});

test('the Sheets PDF export carries the page setup and the printed area', () => {
  const url = new URL(sheetsPdfUrl('1AbC_def', 123, { orientation: 'portrait', repeatRows: { from: 4, to: 4 }, rows: 53, columns: 4 }));
  expect(url.origin + url.pathname).toBe('https://docs.google.com/spreadsheets/d/1AbC_def/export');
  const q = Object.fromEntries(url.searchParams);
  expect(q).toMatchObject({
    format: 'pdf',
    gid: '123',
    size: 'A4',
    portrait: 'true',
    fitw: 'true',
    fzr: 'true',
    gridlines: 'false',
    r1: '0',
    c1: '0',
    r2: '53',
    c2: '4',
  });
  expect(new URL(sheetsPdfUrl('x', 0, { orientation: 'landscape', rows: 9, columns: 11 })).searchParams.get('portrait')).toBe('false');
});
