/**
 * The review workbench in headless Chromium, against a fake google.script.run.
 */
import type { Browser, Page } from 'playwright-core';
import type { ReviewActionRequest } from '../../src/shared/endpoints';
import { builtPage, eventually, FakeBackend, launchBrowser, openSidebar, type Sidebar } from '../../harness/ui/pageHarness';
import { reviewQueue } from '../../harness/ui/fixtures';

let browser: Browser;
let open: Sidebar[] = [];

beforeAll(async () => {
  builtPage('review');
  browser = await launchBrowser();
});
afterEach(async () => {
  await Promise.all(open.map((s) => s.close()));
  open = [];
});
afterAll(async () => {
  await browser?.close();
});

async function sidebar(backend = new FakeBackend()): Promise<Sidebar> {
  const s = await openSidebar(browser, 'review', backend);
  open.push(s);
  return s;
}

const item = (page: Page, workerNo: string) => page.locator(`li[data-worker-no="${workerNo}"]`);
const actions = (b: FakeBackend) => b.callsTo('reviewAction').map(([req]) => req as ReviewActionRequest);

async function expand(page: Page, workerNo: string) {
  await item(page, workerNo).locator('summary').click();
}

test('cases are listed in the order the server gives, with deadline and emergency badges', async () => {
  const { page } = await sidebar();
  await expect(page.locator('#queue > li .name').allTextContents()).resolves.toEqual(['张秀英', '李建国', '王德明']);
  await expect(item(page, 'H0400007').locator('.badge').allTextContents()).resolves.toEqual(['逾期']);
  await expect(item(page, 'H0400011').locator('.badge').allTextContents()).resolves.toEqual(['即将到期', '先救助后补办', '待补办']);
  await expect(item(page, 'H0400015').locator('.badge').count()).resolves.toBe(0);
  await expect(item(page, 'H0400007').locator('.due').textContent()).resolves.toBe('办理期限 2025-10-11');
  await expect(page.locator('#count').textContent()).resolves.toBe('共 3 件待办');
});

test('an expanded case shows its summary, the suggested amount with the relief explanation, and the allowed actions', async () => {
  const { page } = await sidebar();
  await expand(page, 'H0400007');
  const card = item(page, 'H0400007');
  const text = await card.innerText();
  expect(text).toContain('荆门市东宝区环卫所');
  expect(text).toContain('建议金额：1,600.00 元');
  expect(text).toContain('特困职工医疗救助：自付 20000 元，按 8% 计 1600 元');
  await expect(card.getByRole('button').allTextContents()).resolves.toEqual(['审核通过', '退回']);
  await expect(card.getByRole('textbox', { name: '原因 / 意见' }).getAttribute('aria-describedby')).resolves.toBeTruthy();
});

test('退回 without a reason says so under the reason box and calls nothing', async () => {
  const { page, backend } = await sidebar();
  await expand(page, 'H0400007');
  const card = item(page, 'H0400007');
  await card.getByRole('button', { name: '退回' }).click();
  const error = card.locator('.field-error:not([hidden])');
  await expect(error.textContent()).resolves.toBe('请填写原因后再“退回”');
  await expect(error.getAttribute('role')).resolves.toBe('alert');
  const reason = card.getByRole('textbox', { name: '原因 / 意见' });
  await expect(reason.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await expect(reason.getAttribute('aria-invalid')).resolves.toBe('true');
  await page.waitForTimeout(50);
  expect(backend.callsTo('reviewAction')).toHaveLength(0);
});

test('退回 with a reason sends it with the case version, then reloads the queue', async () => {
  const { page, backend } = await sidebar();
  await expand(page, 'H0400007');
  const card = item(page, 'H0400007');
  await card.getByRole('textbox', { name: '原因 / 意见' }).fill('缺少医院费用清单，请补充后重新提交');
  backend.on('getReviewQueue', () => reviewQueue({ items: reviewQueue().items.slice(1) }));
  await card.getByRole('button', { name: '退回' }).click();
  expect(await eventually(() => page.locator('#status').textContent(), '已处理 H0400007')).toBe('已处理 H0400007');
  expect(actions(backend)).toEqual([
    { requestId: expect.any(String), workerNo: 'H0400007', action: 'return', version: 3, reason: '缺少医院费用清单，请补充后重新提交' },
  ]);
  expect(backend.callsTo('getReviewQueue')).toHaveLength(2);
  await expect(page.locator('#queue > li .name').allTextContents()).resolves.toEqual(['李建国', '王德明']);
});

test("批准 sends the item's version and the amount, prefilled with the suggestion and editable", async () => {
  const { page, backend } = await sidebar();
  await expand(page, 'H0400011');
  const card = item(page, 'H0400011');
  const amount = card.getByRole('textbox', { name: '救助金额（元）' });
  await expect(amount.inputValue()).resolves.toBe('3000');
  await amount.fill('2,500');
  await card.getByRole('button', { name: '批准' }).dblclick();
  expect(await eventually(() => backend.callsTo('getReviewQueue').length, 2)).toBe(2);
  expect(actions(backend)).toEqual([{ requestId: expect.any(String), workerNo: 'H0400011', action: 'approve', version: 1, amount: 2500 }]);
});

test('a stage that records the seal: the chain and its records are shown, and the page asks to confirm the seal before it calls', async () => {
  const base = reviewQueue().items[0];
  const atCity = {
    ...base,
    status: 'approval',
    statusLabel: '待审批',
    chain: '荆门004',
    stage: '市总工会意见',
    stages: [
      { name: '职工所在单位工会意见', state: 'done' as const },
      { name: '市总工会意见', state: 'current' as const },
    ],
    history: [{ paidOn: '2026-01-20', scheme: '', kind: '生活救助', amount: 3000, form: '卡', period: '2026年元旦春节送温暖', emergency: false }],
    records: [{ on: '2026-06-02', stage: '职工所在单位工会意见', by: 'lina@jszgh.cn', decision: '通过', opinion: '情况属实，同意上报', stamp: '已盖章' }],
    actions: [
      { key: 'approve' as const, label: '审批通过', needsReason: true, needsAmount: true, needsStamp: true, reasonIsOpinion: true },
      { key: 'return' as const, label: '退回', needsReason: true, needsAmount: false },
    ],
  };
  const backend = new FakeBackend().on('getReviewQueue', () => reviewQueue({ items: [atCity] }));
  const { page } = await sidebar(backend);
  await expand(page, 'H0400007');
  const card = item(page, 'H0400007');
  await expect(card.locator('.stage-label').textContent()).resolves.toBe('当前环节：市总工会意见');
  await expect(card.getByRole('list', { name: '审批流程“荆门004”' }).getByRole('listitem').allTextContents()).resolves.toEqual([
    '职工所在单位工会意见（已办结）',
    '市总工会意见（当前）',
  ]);
  await expect(card.locator('[aria-current="step"]').textContent()).resolves.toContain('市总工会意见');
  await expect(card.getByRole('list', { name: '环节记录' }).innerText()).resolves.toContain('情况属实，同意上报');
  // The family's payments so far, read before deciding on more.
  await expect(card.getByRole('table', { name: '救助记录：共 1 笔，合计 3,000.00 元' }).locator('tbody tr').allInnerTexts()).resolves.toEqual([
    '2026-01-20\t生活救助，卡，2026年元旦春节送温暖\t3,000.00',
  ]);
  await card.getByRole('textbox', { name: '原因 / 意见' }).fill('同意纳入帮扶');
  await card.getByRole('button', { name: '审批通过' }).click();
  await expect(card.locator('.field-error:not([hidden])').allTextContents()).resolves.toEqual(['请确认已盖章后再“审批通过”']);
  expect(actions(backend)).toEqual([]);
  await card.getByRole('checkbox', { name: '已加盖本级工会公章' }).check();
  await card.getByRole('button', { name: '审批通过' }).click();
  expect(await eventually(() => actions(backend).length, 1)).toBe(1);
  expect(actions(backend)[0]).toMatchObject({ action: 'approve', reason: '同意纳入帮扶', stamped: true, amount: 1600 });
});

test('an amount that is not a number is refused in the page', async () => {
  const { page, backend } = await sidebar();
  await expand(page, 'H0400011');
  const card = item(page, 'H0400011');
  await card.getByRole('textbox', { name: '救助金额（元）' }).fill('三千');
  await card.getByRole('button', { name: '批准' }).click();
  await expect(card.locator('.field-error:not([hidden])').textContent()).resolves.toBe('请填写有效的救助金额（不小于 0 的数字）');
  expect(backend.callsTo('reviewAction')).toHaveLength(0);
});

test('a refusal from the server is shown in the case and the queue stays as it was', async () => {
  const refusal = '该案件已被他人处理（当前版本 4，您看到的是版本 3），请刷新后再操作';
  const backend = new FakeBackend().on('reviewAction', () => ({ ok: false, message: refusal }));
  const { page } = await sidebar(backend);
  await expand(page, 'H0400007');
  const card = item(page, 'H0400007');
  await card.getByRole('button', { name: '审核通过' }).click();
  const message = card.locator('.item-message');
  expect(await eventually(() => message.textContent(), refusal)).toBe(refusal);
  await expect(message.getAttribute('role')).resolves.toBe('alert');
  expect(actions(backend)[0]).toMatchObject({ workerNo: 'H0400007', action: 'pass', version: 3 });
  expect(backend.callsTo('getReviewQueue')).toHaveLength(1);
});

test('a failed call shows a banner, and pressing the button again re-sends the same request id', async () => {
  const backend = new FakeBackend().failNext('reviewAction', 'Service Spreadsheets timed out while accessing document');
  const { page } = await sidebar(backend);
  await expand(page, 'H0400007');
  const pass = item(page, 'H0400007').getByRole('button', { name: '审核通过' });
  await pass.click();
  const banner = await eventually(
    () => page.locator('#banner').textContent(),
    (t) => (t ?? '').includes('timed out'),
  );
  expect(banner).toBe('操作失败：Service Spreadsheets timed out while accessing document 可以再次点击重试，不会重复提交。');
  await pass.click();
  expect(await eventually(() => backend.callsTo('reviewAction').length, 2)).toBe(2);
  const [first, retry] = actions(backend);
  expect(retry.requestId).toBe(first.requestId);
});

test('an empty queue says so; 刷新 asks again', async () => {
  const backend = new FakeBackend().on('getReviewQueue', () => reviewQueue({ items: [] }));
  const { page } = await sidebar(backend);
  await expect(page.locator('#empty').textContent()).resolves.toBe('暂无待办案件');
  await expect(page.locator('#empty').isVisible()).resolves.toBe(true);
  backend.on('getReviewQueue', () => reviewQueue());
  await page.getByRole('button', { name: '刷新' }).click();
  expect(await eventually(() => page.locator('#queue > li').count(), 3)).toBe(3);
  await expect(page.locator('#empty').isHidden()).resolves.toBe(true);
});

test("the English locale shows English words around the server's own labels", async () => {
  const en = reviewQueue({ locale: 'en' });
  en.user = { ...en.user, roleLabel: 'Unit reviewer' };
  const { page } = await sidebar(new FakeBackend().on('getReviewQueue', () => en));
  await expect(page.locator('#title').textContent()).resolves.toBe('Review workbench');
  await expect(page.getByRole('button', { name: 'Refresh' }).count()).resolves.toBe(1);
  await expect(item(page, 'H0400007').locator('.badge').allTextContents()).resolves.toEqual(['Overdue']);
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
});

test('the built page is self-contained and under 100 KB', () => {
  const html = builtPage('review');
  expect(html.length).toBeLessThan(100 * 1024);
  expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/i);
});
