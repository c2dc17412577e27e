/**
 * `npx bangfu holidays notice.txt` as an administrator runs it on the pasted notice (a real
 * child process), and `--today` making check and rollup repeatable.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/index';
import { DEFAULT_HOLIDAYS } from '../../src/defaults/holidays';
import { makeId } from '../helpers/idNumbers';

jest.setTimeout(60_000);
const dir = mkdtempSync(join(tmpdir(), 'bangfu-holidays-'));
const BIN = join(__dirname, '..', '..', 'bin', 'bangfu.mjs');

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, TZ: 'Asia/Shanghai' } }, (e, stdout, stderr) => {
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, stdout, stderr });
    });
  });
}

test('holidays: the 2026 notice prints the built-in 2026 days, sorted, one "date,休|班,name" a line', async () => {
  const r = await run('holidays', join(__dirname, 'notices', '2026.txt'));
  expect(r.code).toBe(0);
  const want = DEFAULT_HOLIDAYS.filter((e) => e.date.startsWith('2026-')).map((e) => `${e.date},${e.kind},${e.name}`);
  expect(r.stdout.trim().split('\n')).toEqual(want);
});

test('holidays: a paragraph it cannot read is exit 1 with a Chinese message naming it', async () => {
  const path = join(dir, '有误.txt');
  writeFileSync(path, readFileSync(join(__dirname, 'notices', '2027.txt'), 'utf8').replace('9月15日（周三）放假', '9月15日（周四）放假'));
  const r = await run('holidays', path);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('无法识别“六、中秋节”段：9月15日是周三，不是“周四”');
  expect(r.stdout).toBe('');
});

describe('--today', () => {
  const lines: string[] = [];
  const out = (l: string) => lines.push(l);
  beforeEach(() => {
    lines.length = 0;
  });

  test('a date that is not YYYY-MM-DD is a usage error', async () => {
    expect(await main(['check', 'x.xlsx', '--today', '2026/12/01'], out, out)).toBe(2);
    expect(lines.join('\n')).toContain('--today 应为 YYYY-MM-DD');
  });

  test('check judges the rows as of the given day: a birth date after it is refused, before it accepted', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('案件');
    ws.addRow(['姓名', '身份证号', '工作单位', '家庭年收入', '家庭人口', '致困原因', '联系电话']);
    ws.addRow(['李明', makeId('420821', '2000-06-15', 31, '男'), '京山县轻机厂', 24000, 3, '因病', '13872345678']);
    const path = join(dir, '案件.xlsx');
    await wb.xlsx.writeFile(path);
    const before = await main(['check', path, '--today', '1999-12-31'], out, out);
    const beforeText = lines.splice(0).join('\n');
    const after = await main(['check', path, '--today', '2026-12-01'], out, out);
    expect(after).toBe(0);
    expect(before).toBe(1);
    expect(beforeText).toContain('第 2 行');
  });
});
