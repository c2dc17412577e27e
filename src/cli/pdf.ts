/**
 * `bangfu rollup --pdf`: the written workbook converted to PDF by LibreOffice headless
 * (`soffice --headless --convert-to pdf`), so a county can send a PDF of its forms. Optional:
 * without LibreOffice the .xlsx is still written and the message says what to install.
 * Each run uses its own LibreOffice profile, so two conversions at once do not block each other.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The LibreOffice command: BANGFU_SOFFICE when set (a non-standard install), else `soffice` on the PATH. */
export function sofficeCommand(): string {
  return process.env.BANGFU_SOFFICE || 'soffice';
}

export const NO_SOFFICE =
  '未找到 LibreOffice（soffice 命令），无法导出 PDF。Excel 文件已写出，可在 Excel 或 WPS 中打开后打印；如需 --pdf，请安装 LibreOffice（如 apt-get install libreoffice-calc-nogui，或从 libreoffice.org 下载），或用环境变量 BANGFU_SOFFICE 指明 soffice 的位置。';

/** Converts `xlsx` to a PDF beside it; returns the PDF's path. */
export function convertToPdf(xlsx: string): Promise<string> {
  const input = resolve(xlsx);
  const outDir = dirname(input);
  const profile = mkdtempSync(join(tmpdir(), 'bangfu-lo-'));
  const pdf = join(outDir, `${basename(input, extname(input))}.pdf`);
  const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, input];
  return new Promise<string>((done, fail) => {
    execFile(sofficeCommand(), args, { timeout: 180_000 }, (e, _stdout, stderr) => {
      rmSync(profile, { recursive: true, force: true });
      if (e && (e as NodeJS.ErrnoException).code === 'ENOENT') return fail(new Error(NO_SOFFICE));
      if (e || !existsSync(pdf)) return fail(new Error(`LibreOffice 未能导出 PDF：${(stderr || (e ? e.message : '')).trim() || '没有生成文件'}`));
      done(pdf);
    });
  });
}
