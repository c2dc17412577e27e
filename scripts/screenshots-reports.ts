/**
 * Screenshots of the printed forms for the README (docs/screenshots/reports-*.png): three
 * county files → `bangfu rollup` → LibreOffice PDF → the first page of each form as a PNG
 * (poppler's pdftoppm). What a county sends when it sends the PDF.
 *   TZ=Asia/Shanghai npx tsx scripts/screenshots-reports.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertToPdf } from '../src/cli/pdf';
import { runRollupCli } from '../src/cli/rollup';
import { writeCountyFiles } from '../harness/print/countyFiles';

const OUT = join(process.cwd(), 'docs', 'screenshots');
const FORMS: [sheet: string, file: string][] = [
  ['送温暖工程统计表', 'reports-warmth'],
  ['困难职工帮扶中心统计表', 'reports-centre'],
  ['实名制汇总表', 'reports-realname'],
  ['汇总', 'reports-summary'],
  ['公示名单', 'reports-notice'],
];

const dir = mkdtempSync(join(tmpdir(), 'bangfu-shots-'));
const inputs = await writeCountyFiles(dir, 30);
const xlsx = join(dir, '荆门市汇总.xlsx');
await runRollupCli({ inputs, output: xlsx, city: true, unit: '荆门市总工会', person: '陈静', phone: '0724-2332018', progress: () => {} });
const pdf = await convertToPdf(xlsx);
const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
const firstPage = new Map<string, number>();
for (let n = pages; n >= 1; n--) {
  const text = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-'], { encoding: 'utf8' }).trimEnd();
  const m = /(\S+)\s+第\s*1\s*页$/.exec(text);
  if (m) firstPage.set(m[1], n);
}
for (const [sheet, file] of FORMS) {
  const n = firstPage.get(sheet);
  if (!n) throw new Error(`no page for ${sheet}`);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(n), '-l', String(n), '-singlefile', pdf, join(dir, file)]);
  renameSync(join(dir, `${file}.png`), join(OUT, `${file}.png`));
}
console.log(`docs/screenshots: ${FORMS.map(([, f]) => `${f}.png`).join(', ')}`);
