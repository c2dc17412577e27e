/**
 * The roll-up workbook as a statistician prints it: `bangfu rollup … --pdf` converts it with
 * LibreOffice headless (one conversion of one workbook), then poppler reads the PDF back:
 * - each form's pages (found by the footer “<form> 第 n 页”), their count and orientation:
 *   seed 002's two forms on A4 portrait, seed 003's 实名制汇总表 and the wide 汇总 on A4
 *   landscape, every form one page wide (no page carries only some columns);
 * - nothing cut: LibreOffice clips a text that does not fit its cell (a clipped cell's text
 *   is missing from the PDF's text), so every single-line text of the printed area must be
 *   found whole on the form's pages, wrapped texts from their first to their last characters,
 *   and no number may show as ###;
 * - the column header on every page, the key column never printed, the header lines filled.
 * Needs `soffice` and `pdftotext`/`pdfinfo` (.ci/run installs libreoffice-calc-nogui and
 * poppler-utils); without them the test is skipped locally and fails under .ci/run (BANGFU_PRINT_REQUIRED=1).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeCountyFiles } from '../../harness/print/countyFiles';

jest.setTimeout(240_000);

function has(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const tools = has(process.env.BANGFU_SOFFICE || 'soffice') && has('pdftotext') && has('pdfinfo');
if (!tools && process.env.BANGFU_PRINT_REQUIRED) throw new Error('the print test needs LibreOffice and poppler-utils (see .ci/run)');
const maybe = tools ? describe : describe.skip;

const BIN = join(__dirname, '..', '..', 'bin', 'bangfu.mjs');
const FAMILIES_PER_COUNTY = 30;

interface Page {
  n: number;
  sheet: string;
  landscape: boolean;
  text: string;
  flat: string;
}

function pdfPages(pdf: string): Page[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({ n: +m[1], w: +m[2], h: +m[3] }));
  return sizes.map(({ n, w, h }) => {
    const text = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-'], { encoding: 'utf8' });
    const footer = /(\S+)\s+第\s*(\d+)\s*页\s*$/.exec(text.trimEnd());
    return { n, sheet: footer?.[1] ?? '', landscape: w > h, text, flat: text.replace(/\s+/g, '') };
  });
}

/** The text a cell shows: strings as they are, numbers under their format. */
function shown(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (typeof v === 'string') return v;
  if (typeof v !== 'number') return '';
  const f = cell.numFmt ?? '';
  if (f === '#,##0.00') return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (f === '#,##0') return v.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (f === '0.0000') return v.toFixed(4);
  return String(v);
}

/**
 * A wrapped text prints line by line, the lines of its neighbours in between: all its
 * characters must be there, in order, within a few lines' span of the page text.
 */
function inOrder(flat: string, text: string): boolean {
  for (let start = flat.indexOf(text[0]); start >= 0; start = flat.indexOf(text[0], start + 1)) {
    let at = start;
    let ok = true;
    for (const ch of text.slice(1)) {
      at = flat.indexOf(ch, at + 1);
      if (at < 0 || at - start > 60 * text.length) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

maybe('the roll-up workbook printed to PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bangfu-print-'));
  const out = join(dir, '荆门市汇总.xlsx');
  let pages: Page[] = [];
  let book: ExcelJS.Workbook;
  let stderr = '';

  beforeAll(async () => {
    const inputs = await writeCountyFiles(dir, FAMILIES_PER_COUNTY);
    stderr = await new Promise<string>((done, fail) => {
      execFile(
        process.execPath,
        [BIN, 'rollup', ...inputs, '-o', out, '--city', '--unit', '荆门市总工会', '--person', '陈静', '--phone', '0724-2332018', '--pdf'],
        { cwd: dir, env: { ...process.env, TZ: 'Asia/Shanghai' } },
        (e, _o, err) => (e ? fail(new Error(err)) : done(err)),
      );
    });
    pages = pdfPages(join(dir, '荆门市汇总.pdf'));
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
  });

  const of = (sheet: string) => pages.filter((p) => p.sheet === sheet);

  test('--pdf writes the PDF beside the workbook and says so', () => {
    expect(stderr).toContain(`已导出 ${join(dir, '荆门市汇总.pdf')}`);
    expect(pages.every((p) => p.sheet !== '')).toBe(true);
  });

  test('each form prints on its own pages, in the orientation of its paper original, numbered from 1', () => {
    const layout = Object.fromEntries(['汇总', '送温暖工程统计表', '困难职工帮扶中心统计表', '实名制汇总表', '公示名单', '统计图表'].map((s) => [s, of(s)]));
    // Seed 002 prints both statistics forms on A4 portrait (附件1 pp. 8–11, 附件2 pp. 12–15):
    // as tables, with every line of the paper forms (79 and 93 items), they need 2 pages each — fewer than the paper's 4.
    expect(layout['送温暖工程统计表'].map((p) => p.landscape)).toEqual([false, false]);
    expect(layout['困难职工帮扶中心统计表'].map((p) => p.landscape)).toEqual([false, false]);
    // Seed 003's 实名制汇总表 runs its nine columns across A4 landscape: 90 families and the
    // header lines take 3 pages at about 35 rows a page (some addresses wrap onto two lines).
    expect(layout['实名制汇总表'].map((p) => p.landscape)).toEqual([true, true, true]);
    // 汇总 (one row per county): one landscape page for all its columns; 公示名单 one page.
    expect(layout['汇总'].map((p) => p.landscape)).toEqual([true]);
    expect(layout['公示名单'].map((p) => p.landscape)).toEqual([true]);
    expect(layout['统计图表'].length).toBe(1);
    for (const ps of Object.values(layout)) expect(ps.map((p) => /第\s*(\d+)\s*页\s*$/.exec(p.text.trimEnd())![1])).toEqual(ps.map((_, i) => String(i + 1)));
  });

  test('no text of the printed area is cut and no number shows as ###', () => {
    const cut: string[] = [];
    for (const ws of book.worksheets) {
      const printed = of(ws.name);
      const flat = printed.map((p) => p.flat).join('');
      const area = /\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)/.exec(String(ws.pageSetup.printArea ?? ''))!;
      const lastCol = ws.getColumn(area[3]).number;
      const lastRow = +area[4];
      for (let r = 1; r <= lastRow; r++) {
        for (let c = 1; c <= lastCol; c++) {
          const cell = ws.getCell(r, c);
          if (cell.isMerged && cell.master !== cell) continue;
          const text = shown(cell).replace(/\s+/g, '');
          if (text === '') continue;
          const found = cell.alignment?.wrapText ? inOrder(flat, text) : flat.includes(text);
          if (!found) cut.push(`${ws.name}!${cell.address} “${text}”`);
        }
      }
      expect(flat).not.toContain('###');
    }
    expect(cut).toEqual([]);
  });

  test('the 18-digit ID and 19-digit card numbers print whole, as text, once per family', () => {
    const ws = book.getWorksheet('实名制汇总表')!;
    const flat = of('实名制汇总表')
      .map((p) => p.flat)
      .join('');
    const rows = ws.getRows(1, ws.rowCount)!.filter((r) => typeof r.getCell(1).value === 'number');
    expect(rows).toHaveLength(3 * FAMILIES_PER_COUNTY - 9); // 3 of each county's 30 are still in notice
    for (const r of rows) {
      const id = r.getCell(5).value;
      expect(typeof id).toBe('string');
      expect(flat.split(String(id)).length - 1).toBe(1);
      expect(flat).toContain(String(r.getCell(6).value));
    }
  });

  test('the column header is repeated on every page; the internal columns are not printed', () => {
    for (const p of of('实名制汇总表')) expect(p.flat).toContain('序号姓名性别年龄身份证号工会会员卡号或银行卡号');
    for (const p of [...of('送温暖工程统计表'), ...of('困难职工帮扶中心统计表')]) {
      expect(p.flat).toContain('序号项目数值单位');
      // 来源 / 手工填报 and the item keys (w1a, c8a1 …) stay on screen only.
      expect(p.flat).not.toMatch(/单位来源|手工填报|w1a|w6a|c8a1/);
    }
  });

  test('the header lines of seeds 002 and 003 carry the unit, the person, the phone, the period and the date', () => {
    const warmth = of('送温暖工程统计表')[0].flat;
    expect(warmth).toMatch(/^送温暖工程统计表填报单位：荆门市总工会统计期间：\d{4}年度填报人：陈静联系电话：0724-2332018填报日期：\d{4}年\d{2}月\d{2}日序号/);
    const realName = of('实名制汇总表')[0].flat;
    expect(realName).toMatch(/^困难职工帮扶情况实名制汇总表填报单位（盖章）：荆门市总工会联系人：陈静电话：0724-2332018统计期间：\d{4}年度/);
    expect(of('汇总')[0].flat).toMatch(/^\d{4}年困难职工帮扶汇总填报单位：荆门市总工会/);
    // The mistyped row is named under the table, on the printed page too.
    expect(of('汇总')[0].flat).toContain('“家庭人口”：“三口”不是正整数，未计入');
  });
});

test('without LibreOffice, --pdf still writes the workbook and says in Chinese what to install', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bangfu-nopdf-'));
  const inputs = await writeCountyFiles(dir, 2);
  const out = join(dir, '汇总.xlsx');
  const r = await new Promise<{ code: number; stderr: string }>((done) => {
    execFile(
      process.execPath,
      [BIN, 'rollup', inputs[0], '-o', out, '--pdf'],
      { cwd: dir, env: { ...process.env, TZ: 'Asia/Shanghai', BANGFU_SOFFICE: join(dir, '没有安装') } },
      (e, _o, stderr) => done({ code: e ? Number(e.code) : 0, stderr }),
    );
  });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('已写出');
  expect(r.stderr).toContain('未找到 LibreOffice（soffice 命令），无法导出 PDF。Excel 文件已写出');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.getWorksheet('送温暖工程统计表')).toBeDefined();
});
