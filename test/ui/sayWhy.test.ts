/**
 * Sidebars that say why (issue 12), in headless Chromium against a fake google.script.run:
 * a pasted over-long name keeps its text and gets the server's words; a step the server
 * refuses on a case shows its reason; a person not in 人员权限 gets one page saying whom to
 * ask; a name with digits, formula characters or emoji is warned about.
 */
import type { Browser, Page } from 'playwright-core';
import { checkField } from '../../src/domain/forms/fieldRules';
import { defaultFields } from '../../src/defaults/forms';
import { validateSubmission } from '../../src/domain/forms/caseSchema';
import type { SaveCaseRequest } from '../../src/shared/endpoints';
import { builtPage, control, eventually, FakeBackend, launchBrowser, openSidebar, type Sidebar } from '../../harness/ui/pageHarness';
import { FIELDS, intakeModel, reviewQueue, VALID_ID_FEMALE } from '../../harness/ui/fixtures';

let browser: Browser;
let open: Sidebar[] = [];

beforeAll(async () => {
  builtPage('intake');
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

async function sidebar(name: 'intake' | 'review', backend = new FakeBackend()): Promise<Sidebar> {
  const s = await openSidebar(browser, name, backend);
  open.push(s);
  return s;
}

const nameDef = FIELDS.find((f) => f.key === 'name')!;
const errorOf = (page: Page, key: string) => page.locator(`[data-field="${key}"] > .field-error`);
const warningOf = (page: Page, key: string) => page.locator(`[data-field="${key}"] > .field-warning`);

describe("length limits in the server's words", () => {
  test('a 200-character pasted name is kept whole and gets the message the server would give', async () => {
    const { page, backend } = await sidebar('intake');
    const pasted = '欧阳'.repeat(100);
    await control(page, '姓名').fill(pasted);
    await expect(control(page, '姓名').inputValue()).resolves.toBe(pasted);
    // The same words the server's check gives for the same text (validateSubmission on save).
    const server = validateSubmission(defaultFields(), { name: pasted }, { role: 'staff', today: '2025-11-20' });
    const serverMessage = server.ok ? null : server.errors.find((e) => e.field === 'name')!.message;
    expect(serverMessage).toBe('“姓名”长度不能大于 30 个字');
    await expect(eventually(() => errorOf(page, 'name').textContent(), serverMessage)).resolves.toBe(serverMessage);
    expect(checkField(nameDef, pasted, { today: '2025-11-20', locale: 'zh-CN' })).toBe(serverMessage);
    // Saving refuses in the page; nothing cut reaches the server.
    await page.getByRole('button', { name: '保存' }).click();
    await expect(
      eventually(
        () => page.locator('#status').textContent(),
        (t) => (t ?? '').includes('需要修改'),
      ),
    ).resolves.toContain('需要修改');
    expect(backend.callsTo('saveCase')).toEqual([]);
  });

  test('a 19-character ID number is not cut to 18: the rule names the length', async () => {
    const { page } = await sidebar('intake');
    await control(page, '身份证号').fill(VALID_ID_FEMALE + '5');
    await control(page, '身份证号').blur();
    await expect(control(page, '身份证号').inputValue()).resolves.toBe(VALID_ID_FEMALE + '5');
    await expect(
      eventually(
        () => errorOf(page, 'id_number').textContent(),
        (t) => (t ?? '') !== '',
      ),
    ).resolves.toContain('应为18位，现为19位');
  });
});

describe('a name that looks wrong is warned about, never refused', () => {
  test('formula characters, digits and emoji each say so; a plain name says nothing', async () => {
    const { page, backend } = await sidebar('intake');
    const name = control(page, '姓名');
    const cases: [string, string | null][] = [
      ['=HYPERLINK("http://example.cn","刘桂兰")', '“姓名”像是公式（含 =、+、- 或 @ 开头），请核对是否填错'],
      ['刘桂兰2', '“姓名”含有数字，请核对是否填错'],
      ['刘桂兰😀', '“姓名”含有表情符号，请核对是否填错'],
      ['+刘桂兰3', '“姓名”像是公式（含 =、+、- 或 @ 开头）、含有数字，请核对是否填错'],
      ['阿依古丽·买买提', null],
    ];
    for (const [text, warning] of cases) {
      await name.fill(text);
      const shown = await eventually(async () => ((await warningOf(page, 'name').isVisible()) ? await warningOf(page, 'name').textContent() : null), warning);
      expect([text, shown]).toEqual([text, warning]);
    }
    // The warning is tied to the box for a screen reader while it shows.
    await name.fill('刘桂兰2');
    const describedBy = (await name.getAttribute('aria-describedby')) ?? '';
    const warnId = await warningOf(page, 'name').getAttribute('id');
    expect(describedBy.split(' ')).toContain(warnId);
    // A warning does not block the save.
    await control(page, '身份证号').fill(VALID_ID_FEMALE);
    await control(page, '工作单位').fill('京山轻机集团');
    await control(page, '家庭年收入').fill('21600');
    await control(page, '家庭人口').fill('3');
    await page.getByRole('button', { name: '保存' }).click();
    const saved = await eventually(() => backend.callsTo('saveCase').length, 1);
    expect(saved).toBe(1);
    expect((backend.callsTo('saveCase')[0][0] as SaveCaseRequest).values.name).toBe('刘桂兰2');
  });

  test("a household member's name is checked the same way", async () => {
    const { page } = await sidebar('intake');
    await page.getByRole('button', { name: '添加一行' }).click();
    const row = page.locator('[data-field="members"] fieldset.row').first();
    await control(row, '姓名').fill('陈雨涵🎉');
    await expect(eventually(() => row.locator('.field-warning').textContent(), '“姓名”含有表情符号，请核对是否填错')).resolves.toBe(
      '“姓名”含有表情符号，请核对是否填错',
    );
  });
});

describe('steps not offered say why', () => {
  test("a reviewer on her own case sees no 审核通过 button and reads the server's reason", async () => {
    const backend = new FakeBackend();
    const q = reviewQueue();
    q.items[0].actions = [{ key: 'return', label: '退回', needsReason: true, needsAmount: false }];
    q.items[0].unavailable = [{ key: 'pass', label: '审核通过', reason: '不能对自己录入的案件“审核通过”，请由其他人员办理' }];
    backend.on('getReviewQueue', () => q);
    const { page } = await sidebar('review', backend);
    const card = page.locator('li[data-worker-no="H0400007"]');
    await card.locator('summary').click();
    await expect(card.getByRole('button').allTextContents()).resolves.toEqual(['退回']);
    await expect(card.locator('.unavailable').innerText()).resolves.toContain('审核通过：不能对自己录入的案件“审核通过”，请由其他人员办理');
    // A card with nothing refused shows no such list.
    const other = page.locator('li[data-worker-no="H0400015"]');
    await other.locator('summary').click();
    await expect(other.locator('.unavailable').count()).resolves.toBe(0);
  });
});

describe('a person not in 人员权限', () => {
  const access = {
    email: 'guest@example.cn',
    contacts: [
      { name: '系统管理员', email: 'admin@jmszgh.cn' },
      { name: '', email: 'owner@jmszgh.cn' },
    ],
  };

  test('opening the intake sidebar gets one page saying whom to ask, not the form', async () => {
    const backend = new FakeBackend();
    backend.on('getIntakeForm', () => intakeModel({ access, user: { email: 'guest@example.cn', role: null, roleLabel: '', county: null } }));
    const { page } = await sidebar('intake', backend);
    await expect(page.locator('#title').textContent()).resolves.toBe('您还不能使用帮扶');
    const text = await page.locator('#banner').innerText();
    expect(text).toContain('您登录的账号 guest@example.cn 不在“人员权限”表中');
    expect(text).toContain('系统管理员（admin@jmszgh.cn）');
    expect(text).toContain('owner@jmszgh.cn');
    // No form, no save, no search: nothing to fill in that would be refused at 保存.
    await expect(page.locator('input:visible, select:visible, textarea:visible, button:visible').count()).resolves.toBe(0);
    expect(backend.callsTo('previewCase')).toEqual([]);
  });

  test('opening the review workbench gets the same page', async () => {
    const backend = new FakeBackend();
    backend.on('getReviewQueue', () =>
      reviewQueue({ items: [], access: { ...access, contacts: [] }, user: { email: 'guest@example.cn', role: null, roleLabel: '', county: null } }),
    );
    const { page } = await sidebar('review', backend);
    await expect(page.locator('#title').textContent()).resolves.toBe('您还不能使用帮扶');
    const text = await page.locator('#banner').innerText();
    expect(text).toContain('请联系本表格的所有者');
    await expect(page.locator('#empty').isVisible()).resolves.toBe(false);
    await expect(page.locator('button:visible').count()).resolves.toBe(0);
  });
});
