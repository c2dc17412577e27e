/**
 * src/cli/xlsxReader.ts reads a county file's sheets as exceljs's streaming reader does
 * (test/cli/exceljsStream.ts): the same sheets in the same order and names, and in each row
 * the same values in the same columns — holes included, since the roll-up's duplicate-row hash
 * tells a hole from ''. Files written by exceljs (shared strings; and its streaming writer's
 * inline strings) and zips made here with what other programs write (Excel's order of parts,
 * row styles, rich inline text, shared formulas, entities, the 1904 date system).
 */
import { isDeepStrictEqual } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { xlsxSheets } from '../../src/cli/xlsxReader';
import { exceljsSheets, type ReadSheet } from './exceljsStream';

const dir = mkdtempSync(join(tmpdir(), 'bangfu-xlsxreader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Invalid Dates as text (no two are equal to jest), holes kept. */
function comparable(sheets: ReadSheet[]): ReadSheet[] {
  const bad = (v: unknown) => v instanceof Date && Number.isNaN(v.getTime());
  for (const s of sheets) for (const r of s.rows) r.values.forEach((v, i) => bad(v) && (r.values[i] = 'Invalid Date'));
  return sheets;
}

/**
 * Our reading equals exceljs's. exceljs's streaming unzip drops a small zip's shared strings now
 * and then, whatever order they come in (exceljsStream.ts), so its file is read again, up to 20
 * times, until one reading agrees: a real difference of ours fails all 20.
 */
async function same(path: string): Promise<ReadSheet[]> {
  const mine = comparable(await readAll(path));
  let theirs = comparable(await exceljsSheets(path));
  for (let i = 1; i < 20 && !isDeepStrictEqual(mine, theirs); i++) theirs = comparable(await exceljsSheets(path));
  expect(mine).toStrictEqual(theirs);
  return mine;
}

async function readAll(path: string): Promise<ReadSheet[]> {
  const out: ReadSheet[] = [];
  for await (const s of xlsxSheets(path)) {
    const rows: ReadSheet['rows'] = [];
    for await (const batch of s.rows()) rows.push(...batch);
    out.push({ name: s.name, rows });
  }
  return out;
}

const LONG = '宋红梅（关系：配偶，就业/就学状况：失业，工作单位或学校：京山市第一纺织厂）；'.repeat(400);

/** Rows as counties type them; [value, numFmt] styles a cell. */
function countyRows(): (unknown | [unknown, string])[][] {
  return [
    ['职工编号', '姓名', '提交日期', '发放日期', '家庭人口', '家庭成员', '在职', '合计', '差额', '核对', '身份证号', '备注'],
    [
      'H0100001',
      '王秀英',
      [new Date(Date.UTC(2026, 2, 5)), 'yyyy-mm-dd'],
      '2026-02-30',
      3,
      { richText: [{ text: '宋红梅' }, { font: { bold: true }, text: '（子女）' }] },
      true,
      { formula: 'E2*2', result: 6 },
      { formula: 'E2-E2', result: 0 },
      { error: '#N/A' },
      ['420821197504010012', '@'],
      '<a&b> "引号" \'单引号\'\n第二行',
    ],
    [
      'H0100002',
      '',
      [new Date(Date.UTC(2026, 0, 1, 9, 30)), 'yyyy-mm-dd hh:mm'],
      [46000, 'yyyy"年"m"月"d"日"'],
      ['00123', '@'],
      LONG,
      false,
      null,
      null,
      null,
      [123, '@'],
      [1.5, '0.00'],
    ],
    [],
    ['H0100003', null, null, null, 4],
    ['H0100004', { text: '链接', hyperlink: 'https://example.org' }, [45292.5, '[$-F800]dddd, mmmm dd, yyyy'], [12.5, '"¥"#,##0.00'], -7, '  前后空格  '],
  ];
}

async function writeWithExceljs(path: string, streaming: boolean): Promise<void> {
  const rows = countyRows();
  const fill = (ws: ExcelJS.Worksheet) => {
    rows.forEach((r, i) => {
      if (r.length === 0) return;
      const row = ws.getRow(i + 1 + (i >= 3 ? 1 : 0));
      r.forEach((c, j) => {
        if (c === null) return;
        const cell = row.getCell(j + 1);
        if (Array.isArray(c)) {
          cell.value = c[0] as ExcelJS.CellValue;
          cell.numFmt = c[1] as string;
        } else cell.value = c as ExcelJS.CellValue;
      });
      if (streaming) row.commit();
    });
  };
  if (streaming) {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    fill(wb.addWorksheet('发放记录'));
    fill(wb.addWorksheet('案件'));
    wb.addWorksheet('说明').getRow(1).values = ['说明'];
    await wb.commit();
  } else {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet('案件'));
    fill(wb.addWorksheet('发放记录'));
    wb.addWorksheet('空表');
    await wb.xlsx.writeFile(path);
  }
}

test('a workbook exceljs wrote (shared strings) reads as exceljs reads it', async () => {
  const path = join(dir, 'shared.xlsx');
  await writeWithExceljs(path, false);
  const mine = await same(path);
  const cases = mine.find((s) => s.name === '案件')!;
  const [, r2, r3] = cases.rows.map((r) => r.values);
  // Not an empty agreement: what a roll-up depends on.
  expect(r2[2]).toEqual(new Date(2026, 2, 5));
  expect(r2[3]).toBe('2026-02-30');
  expect(r2[5]).toBe('宋红梅（子女）');
  expect(r2[10]).toBe('420821197504010012');
  expect(r2[11]).toBe('<a&b> "引号" \'单引号\'\n第二行');
  expect(r3[4]).toBe('00123');
  expect(r3[5]).toBe(LONG);
  expect(r3[10]).toBe(123);
  expect(7 in r3).toBe(false);
  expect(cases.rows.map((r) => r.number)).toEqual([1, 2, 3, 6, 7]);
});

test('a workbook written by exceljs’s streaming writer (inline strings) reads as exceljs reads it', async () => {
  const path = join(dir, 'inline.xlsx');
  await writeWithExceljs(path, true);
  const mine = await same(path);
  expect(mine.map((s) => s.name)).toEqual(['发放记录', '案件', '说明']);
  expect(mine[1].rows[2].values[5]).toBe(LONG);
});

// ---------------------------------------------------------------------------------------------
// Zips made by hand: the parts in the order given, deflated.

function zip(parts: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of parts) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const nameBuf = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x800, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBuf.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc32(data), 16);
    cd.writeUInt32LE(packed.length, 20);
    cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(nameBuf.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(head, nameBuf, packed);
    central.push(cd, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const cdLen = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdLen, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const workbookXml = (date1904: boolean) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook ${NS} ${RNS}>${date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}` +
  `<sheets><sheet name="案件" sheetId="1" r:id="rId1"/><sheet name="发放记录" sheetId="2" r:id="rId2"/></sheets></workbook>`;
const relsXml =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>';
// xf 0 General, 1 a built-in date (14), 2 General, 3 a custom date format, 4 text ('@', 49).
const stylesXml =
  `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>` +
  '<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>';
const sharedXml =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst ${NS} count="7" uniqueCount="7">` +
  '<si><t>职工编号</t></si><si><t>姓名</t></si><si><t xml:space="preserve"> 李建国 </t></si>' +
  '<si><r><rPr><b/><sz val="11"/></rPr><t>张</t></r><r><t>桂兰</t></r></si>' +
  '<si><t/></si><si><t>&#20013;&#x6587;&amp;&lt;字&gt;</t></si><si><t>第一行\r\n第二行</t><phoneticPr fontId="1"/></si></sst>';
const sheet1Xml =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet ${NS} ${RNS}><dimension ref="A1:H6"/><sheetData>` +
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
  '<row r="2" s="1" customFormat="1"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>46082</v></c><c r="C2" s="2"><v>46082</v></c><c r="D2" s="0"><v>46082</v></c><c r="E2" s="3"><v>46082.75</v></c></row>' +
  '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3" t="s"><v>4</v></c><c r="C3" t="s"><v>5</v></c><c r="D3" t="s"><v>6</v></c><c r="E3" s="4" t="s"><v>2</v></c><c r="F3" s="4"><v>123</v></c></row>' +
  '<row r="4"><c r="A4" t="inlineStr"><is><t>王秀英</t></is></c><c r="B4" t="inlineStr"><is><r><t>宋红</t></r><r><rPr><b/></rPr><t>梅</t></r></is></c>' +
  '<c r="C4" t="str"><f>A4&amp;"&amp;amp;"</f><v>王秀英&amp;amp;</v></c><c r="D4"><f>1-1</f><v>0</v></c><c r="E4"><f t="shared" ref="E4:E5" si="0">B2+1</f><v>46083</v></c>' +
  '<c r="F4" t="b"><v>1</v></c><c r="G4" t="e"><v>#DIV/0!</v></c><c r="H4" s="1"/></row>' +
  '<row r="6"><c r="E6"><f t="shared" si="0"/><v>0</v></c><c r="F6" t="b"><v>0</v></c><c r="G6" t="inlineStr"><is><t><![CDATA[不读]]>2026-02-30</t></is></c><!-- 注释 --><c r="H6" t="s"><v>99</v></c></row>' +
  '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
const sheet2Xml =
  `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>职工编号</t></is></c></row>` +
  '<row r="2"><c r="A2" t="inlineStr"><is><t>H0100001</t></is></c><c r="B2" s="1"><v>46082</v></c><c r="C2" s="1"><v>not a number</v></c></row></sheetData></worksheet>';

const excelOrder = (date1904: boolean): [string, string][] => [
  ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
  ['_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'],
  ['xl/workbook.xml', workbookXml(date1904)],
  ['xl/_rels/workbook.xml.rels', relsXml],
  ['xl/worksheets/sheet1.xml', sheet1Xml],
  ['xl/worksheets/sheet2.xml', sheet2Xml],
  ['xl/styles.xml', stylesXml],
  ['xl/sharedStrings.xml', sharedXml],
  ['docProps/app.xml', '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>'],
];

test.each([
  ['Excel’s order (the sheets before the shared strings and styles)', excelOrder(false)],
  ['the 1904 date system', excelOrder(true)],
  // The shared strings and relationships first, the styles last: exceljs reads the sheets at once, with no date formats yet.
  ['the styles after the sheets', [excelOrder(false)[7], ...excelOrder(false).slice(0, 6), ...excelOrder(false).slice(8), excelOrder(false)[6]]],
  ['the ledger stored first', [...excelOrder(false).slice(0, 4), excelOrder(false)[5], excelOrder(false)[4], ...excelOrder(false).slice(6)]],
])('a zip in %s reads as exceljs reads it', async (label, parts) => {
  const path = join(dir, `${label.replace(/\W+/g, '_')}.xlsx`);
  writeFileSync(path, zip(parts as [string, string][]));
  const mine = await same(path);
  expect(mine.map((s) => s.name).sort()).toEqual(['发放记录', '案件']);
  const cases = mine.find((s) => s.name === '案件')!.rows;
  expect(cases.map((r) => r.number)).toEqual([1, 2, 3, 4, 6]);
  const r3 = cases[2].values;
  // An empty shared string is no value at all (a hole), as exceljs reads it.
  expect([r3[0], 1 in r3, r3[2], r3[3]]).toEqual(['张桂兰', false, '中文&<字>', '第一行\n第二行']);
  // A number under a row's date format is a date (unless the styles come after the sheet); under the cell's own General format, a number.
  const date = label.includes('styles after') ? 46082 : label.includes('1904') ? new Date(2030, 2, 2) : new Date(2026, 2, 1);
  expect(cases[1].values.slice(1, 3)).toEqual([date, 46082]);
});

test('a file that is not a zip is refused in Chinese', async () => {
  const path = join(dir, 'not.xlsx');
  writeFileSync(path, '职工编号,姓名\nH0100001,王秀英\n');
  await expect(readAll(path)).rejects.toThrow('不是有效的 .xlsx 文件');
});
