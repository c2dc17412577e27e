/**
 * The whole add-on in a real browser (headless Chromium), no Google: the playground page
 * with the real sidebars over the real Code.js. A staff member enters a case through the
 * intake form (a wrong ID first: the zh error, nothing written), the reviewer passes it
 * in the review workbench (status and 操作日志 change), a stranger is refused, and the
 * city union's roll-up fills 汇总.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../harness/playground/server';
import { control, eventually, launchBrowser } from '../../harness/ui/pageHarness';
import { makeId } from '../helpers/idNumbers';

jest.setTimeout(60_000);

let pg: Playground;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  pg = await startPlayground({ port: 0, workbook: join(mkdtempSync(join(tmpdir(), 'bangfu-e2e-')), 'e2e.xlsx'), demoCases: 9, log: () => {} });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(pg.url);
  await page.locator('#menubar > button').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await pg?.close();
});

const cases = () => pg.fake.spreadsheet.getSheetByName('案件')!.getDataRange().getValues();
const log = () => pg.fake.spreadsheet.getSheetByName('操作日志')!.getDataRange().getValues();

async function asUser(email: string): Promise<void> {
  await page.locator('#user').selectOption(email);
}

/** 帮扶 → … → label; a submenu item (汇总与报表 ▸) opens its submenu. */
async function menu(...path: string[]): Promise<void> {
  await page.locator('#menubar > button', { hasText: '帮扶' }).click();
  for (const label of path) await page.getByRole('menuitem', { name: label, exact: true }).click();
}

function sidebar(): FrameLocator {
  return page.frameLocator('#sideframe');
}

const NEW_ID = makeId('420821', '1969-08-23', 77, '女');

test('staff enter a case in the intake sidebar: a wrong ID is refused in zh and writes nothing; the right one makes the row', async () => {
  await asUser('zhangmin@jszgh.cn');
  await menu('新增/编辑困难职工');
  const side = sidebar();
  await control(side.locator('body'), '姓名').fill('彭桂芝');
  const wrong = NEW_ID.slice(0, 17) + (NEW_ID[17] === '1' ? '2' : '1');
  await control(side.locator('body'), '身份证号').fill(wrong);
  await control(side.locator('body'), '工作单位').fill('京山县轻机厂');
  await control(side.locator('body'), '家庭年收入').fill('15600');
  await control(side.locator('body'), '家庭人口').fill('3');
  const before = cases().length;
  await side.locator('#save').click();
  await expect(
    eventually(
      () => side.locator('#status').textContent(),
      (t) => (t ?? '').includes('需要修改'),
    ),
  ).resolves.toContain('需要修改');
  await expect(side.getByText('“身份证号”校验码错误').first().isVisible()).resolves.toBe(true);
  expect(cases().length).toBe(before);

  await control(side.locator('body'), '身份证号').fill(NEW_ID);
  await side.locator('#save').click();
  const status = await eventually(
    () => side.locator('#status').textContent(),
    (t) => (t ?? '').startsWith('已保存'),
    10_000,
  );
  const workerNo = /H01\d{5}/.exec(status ?? '')![0];
  const row = cases().find((r) => r[0] === workerNo)!;
  expect(row).toBeDefined();
  expect(row).toContain('彭桂芝');
  expect(row).toContain('待审核');
  // The grid on the page shows it too.
  await page.locator('#tabs button', { hasText: /^案件$/ }).click();
  await expect(
    eventually(
      () => page.locator('#grid').innerText(),
      (t) => t.includes('彭桂芝'),
    ),
  ).resolves.toContain('彭桂芝');
});

test('the reviewer passes it in the review workbench: status and 操作日志 change', async () => {
  const workerNo = String(cases().find((r) => r.includes('彭桂芝'))![0]);
  await asUser('lina@jszgh.cn');
  await menu('审核工作台');
  const side = sidebar();
  const card = side.locator(`li[data-worker-no="${workerNo}"]`);
  await card.locator('summary').click();
  await card.getByRole('button', { name: '审核通过' }).click();
  expect(
    await eventually(
      () => side.locator('#status').textContent(),
      (t) => (t ?? '').includes(workerNo),
      10_000,
    ),
  ).toBe(`审核通过：${workerNo} 现为“公示中”`);
  expect(cases().find((r) => r[0] === workerNo)).toContain('公示中');
  const last = log()[log().length - 1];
  expect(last).toEqual(expect.arrayContaining(['lina@jszgh.cn', workerNo, '审核通过', '待审核', '公示中']));
});

test('a visitor not in 人员权限 is refused by the server, in the sidebar and behind it, and nothing changes', async () => {
  const rows = JSON.stringify(cases());
  await asUser('visitor@example.com');
  await menu('新增/编辑困难职工');
  const side = sidebar();
  // One page saying whom to ask, not a form that is refused at 保存.
  expect(
    await eventually(
      () => side.locator('#banner').innerText(),
      (t) => t.includes('不在“人员权限”表中'),
      10_000,
    ),
  ).toContain('admin@jmszgh.cn');
  await expect(side.locator('#title').textContent()).resolves.toBe('您还不能使用帮扶');
  await expect(control(side.locator('body'), '姓名').count()).resolves.toBe(0);
  // A page that skips its own checks fares no better: the server refuses a save and an action.
  const run = (name: string, args: unknown[]) =>
    page.evaluate(
      async ([n, a]) =>
        (
          await fetch(`/api/run/${n as string}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ user: 'visitor@example.com', args: a }),
          })
        ).json(),
      [name, args] as const,
    );
  const saved = await run('saveCase', [
    {
      requestId: 'v-0',
      county: 'H01',
      values: { name: '路人甲', id_number: makeId('420802', '1990-01-01', 3, '男'), employer: '某公司', household_income: 10000, household_size: 2 },
    },
  ]);
  expect(JSON.stringify(saved)).toContain('不在“人员权限”表中');
  expect(JSON.stringify(saved)).not.toContain('Error');
  const r = await run('reviewAction', [{ requestId: 'v-1', workerNo: 'H0100001', action: 'approve', version: 1, amount: 99999 }]);
  expect(JSON.stringify(r)).toContain('不在“人员权限”表中');
  expect(JSON.stringify(cases())).toBe(rows);
});

test('a scheduled job runs from the page as its trigger would: open cases past their due date are flagged', async () => {
  const overdueFlags = () => {
    const rows = cases();
    const col = rows[0].indexOf('逾期');
    return rows.slice(1).filter((r) => r[col] === true).length;
  };
  // The demo cases were entered in September 2026; the page runs on today's date, later than their due dates.
  expect(overdueFlags()).toBe(0);
  await asUser('admin@jmszgh.cn');
  await page.locator('#menubar > button', { hasText: '定时任务（演示）' }).click();
  await page.getByRole('menuitem', { name: /每日定时任务/ }).click();
  expect(await eventually(overdueFlags, (n) => n > 0, 10_000)).toBeGreaterThan(0);
  // The job is done when its toast shows: until then the page redraws its menus when the call returns.
  const toasts = () => page.locator('#toasts .toast').allInnerTexts();
  expect(await eventually(toasts, (t) => t.some((x) => x.includes('每日定时任务已运行')), 20_000)).toEqual(
    expect.arrayContaining([expect.stringContaining('每日定时任务已运行')]),
  );
});

test('the city union runs 汇总 from the menu and the sheet fills', async () => {
  await asUser('chenjing@jmszgh.cn');
  await menu('汇总与报表', '汇总');
  await page.locator('#tabs button', { hasText: /^汇总$/ }).click();
  const text = await eventually(
    () => page.locator('#grid').innerText(),
    (t) => t.includes('全市'),
    10_000,
  );
  expect(text).toContain('全市');
  expect(text).toContain('京山');
  const total = pg.fake.spreadsheet
    .getSheetByName('汇总')!
    .getDataRange()
    .getValues()
    .find((r) => r[0] === '合计')!;
  expect(total[2]).toBe(10); // 9 demo cases + 彭桂芝
});

test('typing a formula into the grid: the real custom function computes it; an error shows its message on hover', async () => {
  await asUser('admin@jmszgh.cn');
  await page.locator('#tabs button', { hasText: /^演示公式$/ }).click();
  const cell = (r: number, c: number) => page.locator(`#grid td[data-r="${r}"][data-c="${c}"]`);
  await cell(12, 3).click();
  // 2026: National Day 1–7 October; the first working day after 30 September is Thursday 8 October.
  await page.locator('#cellinput').fill('=WORKDAY_CN(DATE(2026,9,30), 1)');
  await page.locator('#cellinput').press('Enter');
  await expect(eventually(() => cell(12, 3).textContent(), '2026-10-08')).resolves.toBe('2026-10-08');
  await cell(12, 3).click();
  await page.locator('#cellinput').fill('=RELIEF("dental", 100)');
  await page.locator('#cellinput').press('Enter');
  await expect(eventually(() => cell(12, 3).textContent(), '#ERROR!')).resolves.toBe('#ERROR!');
  await expect(cell(12, 3).getAttribute('title')).resolves.toContain('dental');
  // The sidebar panel is as wide as Sheets' sidebar.
  await menu('新增/编辑困难职工');
  await expect(page.locator('#sideframe').evaluate((f) => f.getBoundingClientRect().width)).resolves.toBe(300);
});
