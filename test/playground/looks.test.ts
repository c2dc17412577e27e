/**
 * The playground looks as Sheets does (headless Chromium): the daily job run from the page
 * says what it did in the tab that ran it and nowhere else; overdue cases are red by the
 * conditional format setup put on 案件; a 万元 figure shows its four decimals, right-aligned;
 * the 手工填报 rows of 送温暖工程统计表 are yellow after 生成报表; and the 帮扶 menu works
 * with the keyboard alone.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../harness/playground/server';
import { eventually, launchBrowser } from '../../harness/ui/pageHarness';
import { HAND_ENTRY_BACKGROUND } from '../../src/domain/reports/officialForms';

jest.setTimeout(90_000);

let pg: Playground;
let browser: Browser;
let admin: Page;
let reviewer: Page;

async function open(as: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${pg.url}/?as=${encodeURIComponent(as)}`);
  await page.locator('#menubar > button').first().waitFor();
  return page;
}

const toasts = (page: Page) => page.locator('#toasts .toast').allInnerTexts();
const cell = (page: Page, r: number, c: number) => page.locator(`#grid td[data-r="${r}"][data-c="${c}"]`);
const css = (l: Locator, prop: string) => l.evaluate((e, p) => getComputedStyle(e).getPropertyValue(p), prop);
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
const sheet = (name: string) => pg.fake.spreadsheet.getSheetByName(name)!;

async function tab(page: Page, name: string): Promise<void> {
  await page.locator('#tabs button', { hasText: new RegExp(`^${name}$`) }).click();
  await page.locator('#tabs button.active', { hasText: new RegExp(`^${name}$`) }).waitFor();
}

beforeAll(async () => {
  pg = await startPlayground({ port: 0, workbook: join(mkdtempSync(join(tmpdir(), 'bangfu-looks-')), 'looks.xlsx'), demoCases: 9, log: () => {} });
  browser = await launchBrowser();
  admin = await open('admin@jmszgh.cn');
  reviewer = await open('lina@jszgh.cn');
});

afterAll(async () => {
  await browser?.close();
  await pg?.close();
});

test('the daily job run from the page says what it did, in the tab that ran it only', async () => {
  await admin.locator('#menubar > button', { hasText: '定时任务（演示）' }).click();
  await admin.getByRole('menuitem', { name: /每日定时任务/ }).click();
  const shown = await eventually(
    () => toasts(admin),
    (t) => t.some((x) => x.includes('每日定时任务已运行')),
    10_000,
  );
  const text = shown.find((x) => x.includes('每日定时任务已运行'))!;
  // The figures are the sheet's: cases in a stage (待审核, 公示中, 待审批, 已审批 awaiting 备案) and those now flagged overdue.
  const rows = sheet('案件').getDataRange().getValues();
  const [status, late] = ['状态', '逾期'].map((h) => rows[0].indexOf(h));
  const open = rows.slice(1).filter((r) => ['待审核', '公示中', '待审批', '已审批'].includes(String(r[status])));
  const overdue = open.filter((r) => r[late] === true).length;
  expect(overdue).toBeGreaterThan(0);
  expect(text).toContain(`期限检查：在办案件 ${open.length} 件，逾期 ${overdue} 件`);
  expect(text).toContain('年度复审');
  expect(text).toContain('季度统计提醒');
  expect(text).not.toMatch(/[A-Za-z]{4,}/); // no developer words
  // The other tab draws the sheet again and shows nothing of it.
  await tab(reviewer, '案件');
  await reviewer.waitForTimeout(300);
  expect((await toasts(reviewer)).some((x) => x.includes('定时任务'))).toBe(false);
});

test('an overdue case row is red, and a case that is not overdue is not', async () => {
  await tab(admin, '案件');
  const rows = sheet('案件').getDataRange().getValues();
  const late = rows[0].indexOf('逾期');
  const lateRow = rows.findIndex((r, i) => i > 0 && r[late] === true) + 1;
  const onTime = rows.findIndex((r, i) => i > 0 && r[0] !== '' && r[late] !== true) + 1;
  expect(lateRow).toBeGreaterThan(1);
  expect(onTime).toBeGreaterThan(1);
  // setup's rule: the 逾期 flag makes the whole row #f4c7c3 with dark red text.
  await expect(css(cell(admin, lateRow, 1), 'background-color')).resolves.toBe(rgb('#f4c7c3'));
  await expect(css(cell(admin, lateRow, 3), 'color')).resolves.toBe(rgb('#a50e0e'));
  await expect(css(cell(admin, onTime, 1), 'background-color')).resolves.not.toBe(rgb('#f4c7c3'));
});

test('after 生成报表 (the city union) 送温暖工程统计表 shows 万元 with four decimals, right-aligned, and yellow 手工填报 rows', async () => {
  const city = await open('chenjing@jmszgh.cn');
  await city.locator('#menubar > button', { hasText: '帮扶' }).click();
  await city.getByRole('menuitem', { name: '汇总与报表', exact: true }).click();
  await city.getByRole('menuitem', { name: '生成报表', exact: true }).click();
  await eventually(
    () => city.locator('#tabs').innerText(),
    (t) => t.includes('送温暖工程统计表'),
    15_000,
  );
  await tab(city, '送温暖工程统计表');
  const form = sheet('送温暖工程统计表');
  const values = form.getDataRange().getValues();
  const unit = values.find((r) => r.includes('单位'))!.indexOf('单位');
  const source = values.find((r) => r.includes('来源'))!.indexOf('来源');
  const value = unit - 1; // 数值 is the column before 单位
  // A computed 万元 line: its number in the value column, shown with four decimals.
  const money = values.findIndex((r) => r[unit] === '万元' && r[source] === '数据' && typeof r[value] === 'number') + 1;
  expect(money).toBeGreaterThan(0);
  const n = values[money - 1][value] as number;
  const td = cell(city, money, value + 1);
  await expect(td.textContent()).resolves.toBe(n.toFixed(4));
  await expect(css(td, 'text-align')).resolves.toBe('right');
  // Text stays left (the item's name beside it).
  await expect(css(cell(city, money, value), 'text-align')).resolves.toMatch(/^(left|start)$/);
  // A 手工填报 line: its value cell is the hand-entry yellow; a computed line's is not.
  const hand = values.findIndex((r) => r[source] === '手工填报') + 1;
  expect(hand).toBeGreaterThan(0);
  await expect(css(cell(city, hand, value + 1), 'background-color')).resolves.toBe(rgb(HAND_ENTRY_BACKGROUND));
  await expect(css(cell(city, money, value + 1), 'background-color')).resolves.not.toBe(rgb(HAND_ENTRY_BACKGROUND));
  // Column widths as the report sets them (the item names' column is wider than Sheets' 100 px).
  const width = await cell(city, hand, value).evaluate((e) => e.getBoundingClientRect().width);
  expect(Math.abs(width - form.getColumnWidth(value))).toBeLessThanOrEqual(2);
  expect(width).toBeGreaterThan(150);
  await city.close();
});

test('the 帮扶 menu works with the keyboard alone: open, move, open a submenu and leave it, Esc, activate', async () => {
  const page = admin;
  const button = page.locator('#menubar > button', { hasText: '帮扶' });
  const menu = page.getByRole('menu', { name: '帮扶' });
  const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  await expect(page.getByRole('menubar').count()).resolves.toBe(1);
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(menu.isVisible()).resolves.toBe(true);
  await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
  await expect(focused()).resolves.toBe('新增/编辑困难职工');
  await page.keyboard.press('ArrowDown');
  await expect(focused()).resolves.toBe('审核工作台');
  // Down to the submenu item; ArrowRight opens it on its first item, ArrowLeft goes back.
  for (let i = 0; i < 10 && !(await focused()).startsWith('汇总与报表'); i++) await page.keyboard.press('ArrowDown');
  const reports = page.getByRole('menuitem', { name: '汇总与报表', exact: true });
  await expect(reports.getAttribute('aria-expanded')).resolves.toBe('false');
  await page.keyboard.press('ArrowRight');
  await expect(reports.getAttribute('aria-expanded')).resolves.toBe('true');
  await expect(page.getByRole('menu', { name: '汇总与报表' }).isVisible()).resolves.toBe(true);
  await expect(focused()).resolves.toBe('汇总');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('menu', { name: '汇总与报表' }).isVisible()).resolves.toBe(false);
  await expect(focused()).resolves.toBe('汇总与报表▸');
  // Esc closes the menu and gives the focus back to its button.
  await page.keyboard.press('Escape');
  await expect(menu.isVisible()).resolves.toBe(false);
  await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('帮扶');
  // Space opens it again; ArrowUp wraps to the last item; Enter runs an item (审核工作台 opens its sidebar).
  await page.keyboard.press(' ');
  await expect(menu.isVisible()).resolves.toBe(true);
  await page.keyboard.press('ArrowUp');
  await expect(focused()).resolves.toBe('帮助');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(
    eventually(
      () => page.locator('#side').getAttribute('class'),
      (c) => (c ?? '').includes('open'),
      10_000,
    ),
  ).resolves.toContain('open');
  await expect(page.locator('#sidetitle').textContent()).resolves.toContain('审核');
  await expect(menu.isVisible()).resolves.toBe(false);
});
