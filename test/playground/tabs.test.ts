/**
 * Two people at once, as in a union office: each browser tab acts as the person its address
 * names (?as=…). A staff member in one tab saves a case; the reviewer in the other passes it;
 * each write goes through the writer as that person. A toast shows in the tab whose call
 * raised it, never in the other, and never again after a reload.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../harness/playground/server';
import { control, eventually, launchBrowser } from '../../harness/ui/pageHarness';
import { makeId } from '../helpers/idNumbers';

jest.setTimeout(60_000);

let pg: Playground;
let browser: Browser;
let staff: Page;
let reviewer: Page;

async function open(as: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${pg.url}/?as=${encodeURIComponent(as)}`);
  await page.locator('#menubar > button').first().waitFor();
  return page;
}

async function menu(page: Page, label: string): Promise<void> {
  await page.locator('#menubar > button', { hasText: '帮扶' }).click();
  await page.getByRole('menuitem', { name: label, exact: true }).click();
}

const toasts = (page: Page) => page.locator('#toasts .toast').allInnerTexts();
const log = () => pg.fake.spreadsheet.getSheetByName('操作日志')!.getDataRange().getValues();

beforeAll(async () => {
  pg = await startPlayground({ port: 0, workbook: join(mkdtempSync(join(tmpdir(), 'bangfu-tabs-')), 'tabs.xlsx'), demoCases: 6, log: () => {} });
  browser = await launchBrowser();
  staff = await open('zhangmin@jszgh.cn');
  reviewer = await open('lina@jszgh.cn');
});

afterAll(async () => {
  await browser?.close();
  await pg?.close();
});

test('each tab acts as the person in its address', async () => {
  expect(await staff.locator('#user').inputValue()).toBe('zhangmin@jszgh.cn');
  expect(await reviewer.locator('#user').inputValue()).toBe('lina@jszgh.cn');
});

test('a staff member saves in one tab and the reviewer passes it in the other, each as themselves', async () => {
  await menu(staff, '新增/编辑困难职工');
  const form = staff.frameLocator('#sideframe').locator('body');
  await control(form, '姓名').fill('彭桂芝');
  await control(form, '身份证号').fill(makeId('420821', '1969-08-23', 78, '女'));
  await control(form, '工作单位').fill('京山县轻机厂');
  await control(form, '家庭年收入').fill('15600');
  await control(form, '家庭人口').fill('3');
  await staff.frameLocator('#sideframe').locator('#save').click();
  const status = await eventually(
    () => staff.frameLocator('#sideframe').locator('#status').textContent(),
    (t) => (t ?? '').startsWith('已保存'),
    10_000,
  );
  const workerNo = /H01\d{5}/.exec(status ?? '')![0];
  expect(log()[log().length - 1]).toEqual(expect.arrayContaining(['zhangmin@jszgh.cn', workerNo, '新增案件']));

  await menu(reviewer, '审核工作台');
  const queue = reviewer.frameLocator('#sideframe');
  const card = queue.locator(`li[data-worker-no="${workerNo}"]`);
  await card.locator('summary').click();
  await card.getByRole('button', { name: '审核通过' }).click();
  expect(
    await eventually(
      () => queue.locator('#status').textContent(),
      (t) => (t ?? '').includes(workerNo),
      10_000,
    ),
  ).toBe(`审核通过：${workerNo} 现为“公示中”`);
  expect(log()[log().length - 1]).toEqual(expect.arrayContaining(['lina@jszgh.cn', workerNo, '审核通过']));
  // The staff tab still acts as the staff member.
  expect(await staff.locator('#user').inputValue()).toBe('zhangmin@jszgh.cn');
});

test('a toast shows only in the tab whose call raised it, and not again after a reload', async () => {
  await menu(staff, '提交录入行');
  expect(
    await eventually(
      () => toasts(staff),
      (t) => t.some((x) => x.includes('没有待提交的行')),
      10_000,
    ),
  ).toEqual(expect.arrayContaining([expect.stringContaining('没有待提交的行')]));
  // The other tab draws the sheet again (as after any call) and shows nothing of it.
  await reviewer.locator('#tabs button', { hasText: /^录入$/ }).click();
  await reviewer.waitForTimeout(300);
  expect((await toasts(reviewer)).some((x) => x.includes('没有待提交的行'))).toBe(false);
  await staff.reload();
  await staff.locator('#menubar > button').first().waitFor();
  expect(await staff.locator('#user').inputValue()).toBe('zhangmin@jszgh.cn');
  expect((await toasts(staff)).some((x) => x.includes('没有待提交的行'))).toBe(false);
});
