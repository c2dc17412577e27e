/**
 * Screenshots of the playground for the README (docs/screenshots/): 案件 after the daily job
 * (overdue rows red) with the review workbench open, and the 汇总 / 统计图表 sheets after a roll-up.
 *   npm run build && TZ=Asia/Shanghai npx tsx scripts/screenshots-playground.ts
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlayground } from '../harness/playground/server';
import { launchBrowser } from '../harness/ui/pageHarness';

const out = join(process.cwd(), 'docs', 'screenshots');
const pg = await startPlayground({ port: 0, workbook: join(mkdtempSync(join(tmpdir(), 'bangfu-shot-')), 'demo.xlsx'), log: () => {} });
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
await page.goto(pg.url);
const menu = async (...path: string[]) => {
  await page.locator('#menubar > button', { hasText: '帮扶' }).click();
  for (const label of path) await page.getByRole('menuitem', { name: label, exact: true }).click();
};
// The daily job first, as each morning: overdue cases turn red by setup's conditional format.
await page.locator('#menubar > button', { hasText: '定时任务（演示）' }).click();
await page.getByRole('menuitem', { name: /每日定时任务/ }).click();
await page.locator('#toasts .toast').first().waitFor();
await page.evaluate(() => document.querySelectorAll('.toast').forEach((t) => t.remove()));
await page.locator('#user').selectOption('lina@jszgh.cn');
await menu('审核工作台');
await page.frameLocator('#sideframe').locator('#queue > li').first().waitFor();
await page.frameLocator('#sideframe').locator('#queue > li summary').first().click();
// The demo's filed cases come first: scroll to where the open ones (red when overdue) begin.
await page.evaluate(() => {
  const red = Array.from(document.querySelectorAll<HTMLElement>('#grid td')).find((td) => td.style.backgroundColor !== '');
  const wrap = document.getElementById('gridwrap');
  if (red && wrap) wrap.scrollTop = Math.max(0, red.offsetTop - 8 * 23);
});
await page.waitForTimeout(300);
await page.screenshot({ path: join(out, 'playground.png') });
await page.locator('#user').selectOption('chenjing@jmszgh.cn');
await menu('汇总与报表', '生成报表');
await menu('汇总与报表', '统计图表');
await page.locator('#closeside').click();
await page.locator('#tabs button', { hasText: /^送温暖工程统计表$/ }).click();
await page.evaluate(() => document.querySelectorAll('.toast').forEach((t) => t.remove()));
await page.waitForTimeout(300);
await page.screenshot({ path: join(out, 'reports.png') });
await page.locator('#tabs button', { hasText: /^统计图表$/ }).click();
await page.evaluate(() => document.querySelectorAll('.toast').forEach((t) => t.remove()));
// The charts sit below the grid (and its blank rows for typing): bring them into view.
await page.locator('#charts .chart').first().waitFor();
await page.evaluate(() => document.getElementById('charts')?.scrollIntoView({ block: 'end' }));
await page.waitForTimeout(300);
await page.screenshot({ path: join(out, 'dashboard.png') });
await browser.close();
await pg.close();
console.log('docs/screenshots: playground.png, reports.png, dashboard.png');
