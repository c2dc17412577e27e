/**
 * The intake sidebar in headless Chromium, against a fake google.script.run.
 */
import type { Browser, Page } from 'playwright-core';
import { checkField } from '../../src/domain/forms/fieldRules';
import type { SaveCaseRequest } from '../../src/shared/endpoints';
import { builtPage, control, eventually, FakeBackend, launchBrowser, openSidebar, type Sidebar } from '../../harness/ui/pageHarness';
import {
  CHILD_ID,
  DUPLICATE_ID,
  EXISTING_VALUES,
  FIELDS,
  intakeModel,
  memberRow,
  REVIEWER,
  SECTIONS,
  VALID_ID_FEMALE,
  WRONG_CHECK_DIGIT_ID,
} from '../../harness/ui/fixtures';

let browser: Browser;
let open: Sidebar[] = [];

beforeAll(async () => {
  builtPage('intake');
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
  const s = await openSidebar(browser, 'intake', backend);
  open.push(s);
  return s;
}

const beijingToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const def = (key: string) => FIELDS.find((f) => f.key === key)!;
const input = (page: Page, key: string) => page.locator(`[data-field="${key}"] :is(input, select, textarea)`).first();
const errorOf = (page: Page, key: string) => page.locator(`[data-field="${key}"] > .field-error`);
const saveRequests = (b: FakeBackend) => b.callsTo('saveCase').map(([req]) => req as SaveCaseRequest);

/** The required fields, filled as a union staff member would for 刘桂兰. */
async function fillRequired(page: Page, id = VALID_ID_FEMALE): Promise<void> {
  await control(page, '姓名').fill('刘桂兰');
  await control(page, '身份证号').fill(id);
  await control(page, '工作单位').fill('京山轻机集团');
  await control(page, '家庭年收入').fill('21600');
  await control(page, '家庭人口').fill('3');
}

describe('rendering the form from 表单定义', () => {
  test('shows each section as a collapsible group in the given order, every field labelled inside its section', async () => {
    const { page } = await sidebar();
    await expect(page.locator('details.section > summary').allTextContents()).resolves.toEqual(SECTIONS.map((s) => s.zh));
    for (const f of FIELDS) {
      const inSection = page.locator(`details.section[data-section="${f.section}"] [data-field="${f.key}"]`);
      await expect(inSection.count()).resolves.toBe(1);
      await expect(inSection.locator(':is(label, legend)').first().textContent()).resolves.toContain(f.zh);
    }
    // Every control a user can reach has a <label for> (checkboxes too), or is a named button.
    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLInputElement>('input, select, textarea'))
        .filter((el) => el.labels === null || el.labels.length === 0)
        .map((el) => el.id || el.name),
    );
    expect(unlabelled).toEqual([]);
  });

  test('uses the input each type needs: decimal keypad for numbers, a date picker, checkboxes for several choices, read-only computed fields', async () => {
    const { page } = await sidebar();
    await expect(input(page, 'household_income').getAttribute('inputmode')).resolves.toBe('decimal');
    await expect(input(page, 'unit_opinion_date').getAttribute('type')).resolves.toBe('date');
    await expect(input(page, 'phone').getAttribute('type')).resolves.toBe('tel');
    await expect(page.locator('[data-field="causes"] legend').textContent()).resolves.toContain('致困原因');
    await expect(page.locator('[data-field="causes"] input[type=checkbox]').count()).resolves.toBe(def('causes').options.length);
    await expect(page.locator('[data-field="scheme"] option').allTextContents()).resolves.toEqual([
      '请选择',
      '特困职工医疗救助',
      '十种重大疾病',
      '其他重大疾病',
      '重大意外事故',
      '特困+重大疾病',
      '生活救助',
    ]);
    for (const key of ['sex', 'birth_date', 'age', 'per_capita_income', 'hardship_category']) {
      await expect(input(page, key).evaluate((el) => [el.getAttribute('name'), (el as HTMLInputElement).readOnly])).resolves.toEqual([key, true]);
    }
  });

  test('fields restricted to other roles are disabled for union staff and say who may change them', async () => {
    const { page } = await sidebar();
    await expect(input(page, 'unit_opinion').isDisabled()).resolves.toBe(true);
    await expect(page.locator('[data-field="unit_opinion"] .help').textContent()).resolves.toContain('只能由单位工会审核修改');
    await expect(input(page, 'name').isDisabled()).resolves.toBe(false);
  });

  test('a reviewer may fill in the unit union opinion', async () => {
    const { page } = await sidebar(new FakeBackend().on('getIntakeForm', () => intakeModel({ user: REVIEWER })));
    await expect(input(page, 'unit_opinion').isDisabled()).resolves.toBe(false);
    await expect(input(page, 'unit_opinion_date').isDisabled()).resolves.toBe(false);
  });

  test('the English locale shows English sections, labels and buttons', async () => {
    const { page } = await sidebar(new FakeBackend().on('getIntakeForm', () => intakeModel({ locale: 'en' })));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('details.section > summary').allTextContents()).resolves.toEqual(SECTIONS.map((s) => s.en));
    await expect(control(page, 'ID number').count()).resolves.toBe(1);
    await expect(page.locator('#save').textContent()).resolves.toBe('Save');
    await expect(page.locator('#title').textContent()).resolves.toBe('New worker in hardship');
    await control(page, 'ID number').fill(WRONG_CHECK_DIGIT_ID);
    await page.keyboard.press('Tab');
    const expected = checkField(def('id_number'), WRONG_CHECK_DIGIT_ID, { today: beijingToday(), locale: 'en' });
    await expect(errorOf(page, 'id_number').textContent()).resolves.toBe(expected);
    expect(expected).toMatch(/^"ID number"/);
  });
});

describe('checking in the page with the shared rules', () => {
  test('a wrong ID number shows the zh message under 身份证号, linked to the field, and saving sends nothing', async () => {
    const { page, backend } = await sidebar();
    await fillRequired(page, WRONG_CHECK_DIGIT_ID);
    await control(page, '工作单位').focus(); // leaving the field checks it
    const expected = checkField(def('id_number'), WRONG_CHECK_DIGIT_ID, { today: beijingToday(), locale: 'zh-CN' });
    expect(expected).toMatch(/^“身份证号”/);
    const error = errorOf(page, 'id_number');
    await expect(error.textContent()).resolves.toBe(expected);
    await expect(error.getAttribute('role')).resolves.toBe('alert');
    const id = control(page, '身份证号');
    await expect(id.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(id.getAttribute('aria-describedby')).resolves.toContain(await error.getAttribute('id'));

    await page.locator('#save').click();
    await expect(page.locator('#status').textContent()).resolves.toBe('有 1 项需要修改，请查看标红的字段');
    await expect(id.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(backend.callsTo('saveCase')).toHaveLength(0);

    await id.fill(VALID_ID_FEMALE); // fixing it clears the message as the user types
    await expect(error.isHidden()).resolves.toBe(true);
  });

  test('saving an empty form names every missing required field and focuses the first', async () => {
    const { page, backend } = await sidebar();
    await page.locator('#save').click();
    const required = FIELDS.filter((f) => f.required && !f.computed);
    for (const f of required) {
      await expect(errorOf(page, f.key).textContent()).resolves.toBe(`“${f.zh}”为必填项`);
    }
    await expect(control(page, '姓名').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(backend.callsTo('saveCase')).toHaveLength(0);
  });

  test('tabbing through an empty field does not complain before the user saves', async () => {
    const { page } = await sidebar();
    await control(page, '姓名').focus();
    await page.keyboard.press('Tab');
    await expect(errorOf(page, 'name').isHidden()).resolves.toBe(true);
  });
});

describe('preview of what the server derives', () => {
  test('shows birth date, sex and age from the ID, per-capita income, the category and the suggested relief with its explanation', async () => {
    const { page, backend } = await sidebar();
    await control(page, '身份证号').pressSequentially(VALID_ID_FEMALE);
    await control(page, '家庭年收入').fill('21600');
    await control(page, '家庭人口').fill('3');
    await control(page, '救助项目').selectOption({ label: '特困职工医疗救助' });
    await control(page, '救助计算基数').fill('32000');
    expect(
      await eventually(
        () => page.locator('.preview').textContent(),
        (v) => (v ?? '').includes('2,560.00 元'),
      ),
    ).toContain('2,560.00 元');

    const preview = await page.locator('.preview').innerText();
    expect(preview).toContain('1985-06-21 · 女 · 40 岁');
    expect(preview).toContain('年 7,200.00 元，月 600.00 元');
    expect(preview).toContain('低保边缘户');
    expect(preview).toContain('特困职工医疗救助：自付 32000 元，按 8% 计 2560 元');
    await expect(input(page, 'birth_date').inputValue()).resolves.toBe('1985-06-21');
    await expect(input(page, 'sex').inputValue()).resolves.toBe('女');
    await expect(input(page, 'per_capita_monthly').inputValue()).resolves.toBe('600');
    // One call per pause in typing, not one per key of the 18-character ID.
    expect(backend.callsTo('previewCase').length).toBeLessThan(6);
    const [last] = backend.callsTo('previewCase').at(-1)!;
    expect(last).toMatchObject({ id_number: VALID_ID_FEMALE, household_income: 21600, household_size: 3, scheme: 'medical', relief_base: 32000 });
  });

  test("a duplicate active ID blocks a reviewer's save until the override is ticked and a reason given", async () => {
    const { page, backend } = await sidebar(new FakeBackend().on('getIntakeForm', () => intakeModel({ user: REVIEWER })));
    await fillRequired(page, DUPLICATE_ID);
    expect(
      await eventually(
        () => page.locator('.warnings').textContent(),
        (v) => (v ?? '').includes('已在案件 H0300012'),
      ),
    ).toContain('已在案件 H0300012');
    const save = page.locator('#save');
    await save.click();
    await expect(page.locator('.override .field-error').textContent()).resolves.toBe('请勾选覆盖并填写原因后再保存');
    await page.getByLabel('我已核实，确认覆盖以上提示保存').check();
    await save.click();
    await expect(page.locator('.override .field-error').textContent()).resolves.toBe('请填写覆盖原因');
    await expect(page.getByLabel('覆盖原因').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(backend.callsTo('saveCase')).toHaveLength(0);

    await page.getByLabel('覆盖原因').fill('原案件 H0300012 已于 2025 年退出，本次重新申请');
    await save.click();
    expect(await eventually(() => backend.callsTo('saveCase').length, 1)).toBe(1);
    expect(saveRequests(backend)[0].override).toEqual({ reason: '原案件 H0300012 已于 2025 年退出，本次重新申请' });
  });

  test('union staff cannot override a duplicate ID: the page says a reviewer must, and saves nothing', async () => {
    const { page, backend } = await sidebar();
    await fillRequired(page, DUPLICATE_ID);
    expect(
      await eventually(
        () => page.locator('.warnings').textContent(),
        (v) => (v ?? '').includes('已在案件 H0300012'),
      ),
    ).toContain('已在案件 H0300012');
    await expect(page.locator('.override').isHidden()).resolves.toBe(true);
    await page.locator('#save').click();
    await expect(page.locator('#status').textContent()).resolves.toBe('以上提示需由单位工会审核人员或上级工会覆盖后才能保存');
    expect(backend.callsTo('saveCase')).toHaveLength(0);
  });
});

describe('saving', () => {
  test('a double click sends one saveCase with a request id; the page then edits the new case', async () => {
    const backend = new FakeBackend();
    backend.latency = 300;
    const { page } = await sidebar(backend);
    await fillRequired(page);
    await page.getByLabel('因病').check();
    await page.locator('#save').dblclick();
    await expect(page.locator('#status').textContent()).resolves.toBe('正在保存…');
    expect(await eventually(() => page.locator('#status').textContent(), '已保存，职工编号 H0400001')).toBe('已保存，职工编号 H0400001');
    const reqs = saveRequests(backend);
    expect(reqs).toHaveLength(1);
    expect(reqs[0].requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(reqs[0].workerNo).toBeUndefined();
    expect(reqs[0].values).toMatchObject({
      name: '刘桂兰',
      id_number: VALID_ID_FEMALE,
      employer: '京山轻机集团',
      household_income: 21600,
      household_size: 3,
      causes: ['因病'],
      members: [],
    });
    // Computed fields are the server's to fill; restricted ones are left out so the server keeps them.
    for (const key of ['sex', 'birth_date', 'age', 'per_capita_income', 'hardship_category', 'unit_opinion', 'unit_opinion_date']) {
      expect(reqs[0].values).not.toHaveProperty(key);
    }
    await expect(page.locator('#title').textContent()).resolves.toBe('编辑案件 H0400001');

    // The next save is a new request: an edit of H0400001 at the version the server returned.
    backend.on('saveCase', () => ({ ok: true, workerNo: 'H0400001', created: false, version: 2, message: '已保存修改（版本 2）' }));
    await page.getByLabel('联系电话').fill('0724-2360130');
    await page.locator('#save').click();
    expect(await eventually(() => page.locator('#status').textContent(), '已保存修改（版本 2）')).toBe('已保存修改（版本 2）');
    const second = saveRequests(backend)[1];
    expect(second).toMatchObject({ workerNo: 'H0400001', version: 1 });
    expect(second.values.phone).toBe('0724-2360130');
    expect(second.requestId).not.toBe(reqs[0].requestId);
  });

  test('a retry after a server failure re-sends the same request id, and a changed form gets a new one', async () => {
    const backend = new FakeBackend().failNext('saveCase', 'Exceeded maximum execution time').failNext('saveCase', '服务暂时不可用');
    const { page } = await sidebar(backend);
    await fillRequired(page);
    await page.locator('#save').click();
    expect(await eventually(() => page.locator('#banner').textContent(), '保存失败：Exceeded maximum execution time 可以再次点击重试，不会重复提交。')).toBe(
      '保存失败：Exceeded maximum execution time 可以再次点击重试，不会重复提交。',
    );
    await expect(page.locator('#save').getAttribute('aria-disabled')).resolves.toBe('false');
    await page.locator('#save').click();
    expect(await eventually(() => backend.callsTo('saveCase').length, 2)).toBe(2);
    expect(
      await eventually(
        () => page.locator('#banner').textContent(),
        (v) => (v ?? '').includes('服务暂时不可用'),
      ),
    ).toContain('服务暂时不可用');
    const [first, retry] = saveRequests(backend);
    expect(retry.requestId).toBe(first.requestId);

    await page.getByLabel('联系电话').fill('13972600158');
    await page.locator('#save').click();
    expect(await eventually(() => page.locator('#status').textContent(), '已保存，职工编号 H0400001')).toBe('已保存，职工编号 H0400001');
    const third = saveRequests(backend)[2];
    expect(third.requestId).not.toBe(first.requestId);
    await expect(page.locator('#banner').isHidden()).resolves.toBe(true);
  });

  test('errors the server finds are shown under their fields and the first one gets focus', async () => {
    const backend = new FakeBackend().on('saveCase', () => ({
      ok: false,
      errors: [
        { field: 'employer', label: '工作单位', message: '“工作单位”不能大于 60 个字' },
        { field: 'card_number', label: '会员卡/银行卡号', message: '“会员卡/银行卡号”应为 16–19 位数字' },
      ],
      warnings: [],
      message: '有 2 项需要修改：“工作单位”不能大于 60 个字；“会员卡/银行卡号”应为 16–19 位数字',
    }));
    const { page } = await sidebar(backend);
    await fillRequired(page);
    await page.locator('#save').click();
    expect(await eventually(() => errorOf(page, 'employer').textContent(), '“工作单位”不能大于 60 个字')).toBe('“工作单位”不能大于 60 个字');
    await expect(errorOf(page, 'card_number').textContent()).resolves.toBe('“会员卡/银行卡号”应为 16–19 位数字');
    await expect(control(page, '工作单位').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(page.locator('#status').textContent()).resolves.toContain('有 2 项需要修改');
  });

  test('household members: rows are added and removed, checked row by row, and sent as objects', async () => {
    const { page, backend } = await sidebar();
    await fillRequired(page);
    const add = page.getByRole('button', { name: '＋ 添加一行' });
    await add.click();
    await add.click();
    const rows = page.locator('[data-field="members"] fieldset.row');
    await expect(rows.count()).resolves.toBe(2);
    await rows.nth(0).getByLabel('姓名').fill('陈志强');
    await rows.nth(1).getByLabel('姓名').fill('陈雨涵');
    await rows.nth(1).getByLabel('关系').selectOption('子女');
    await rows
      .nth(1)
      .getByLabel('身份证号')
      .fill(CHILD_ID.slice(0, 17) + '9');
    await page.locator('#save').click();
    const expected = checkField(def('members'), [{ name: '陈志强' }, { name: '陈雨涵', relation: '子女', id_number: CHILD_ID.slice(0, 17) + '9' }], {
      today: beijingToday(),
    });
    expect(expected).toMatch(/^“家庭成员”第 2 行/);
    await expect(errorOf(page, 'members').textContent()).resolves.toBe(expected);
    expect(backend.callsTo('saveCase')).toHaveLength(0);

    await rows.nth(1).getByLabel('身份证号').fill(CHILD_ID);
    await page.getByRole('button', { name: '删除第 1 行' }).click();
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.nth(0).locator('legend').textContent()).resolves.toBe('第 1 行');
    await page.locator('#save').click();
    expect(await eventually(() => backend.callsTo('saveCase').length, 1)).toBe(1);
    expect(saveRequests(backend)[0].values.members).toEqual([memberRow({ name: '陈雨涵', relation: '子女', id_number: CHILD_ID })]);
  });

  test('Enter in a field does not save half a form', async () => {
    const { page, backend } = await sidebar();
    await control(page, '姓名').fill('刘桂兰');
    await control(page, '姓名').press('Enter');
    await control(page, '家庭人口').fill('3');
    await control(page, '家庭人口').press('Enter');
    await page.waitForTimeout(100);
    expect(backend.callsTo('saveCase')).toHaveLength(0);
    await expect(page.locator('#status').isHidden()).resolves.toBe(true);
  });

  test('a city union user picks the county of a new case', async () => {
    const city = { email: 'sunhong@jingmen-union.cn', role: 'city', roleLabel: '市总工会', county: null };
    const { page, backend } = await sidebar(new FakeBackend().on('getIntakeForm', () => intakeModel({ user: city })));
    await fillRequired(page);
    await page.locator('#save').click();
    await expect(errorOf(page, 'county').textContent()).resolves.toBe('“县区”为必填项');
    await page.getByLabel('县区').selectOption({ label: '钟祥（H03）' });
    await page.locator('#save').click();
    expect(await eventually(() => backend.callsTo('saveCase').length, 1)).toBe(1);
    expect(saveRequests(backend)[0].county).toBe('H03');
  });
});

describe('opening an existing case', () => {
  test('search finds the case, opening it fills the form, and saving sends its worker number and version', async () => {
    const backend = new FakeBackend()
      .on('searchCases', () => [{ workerNo: 'H0100023', name: '刘桂兰', county: 'H01', status: 'submitted', statusLabel: '待审核' }])
      .on('getIntakeForm', (workerNo) => (workerNo ? intakeModel({ workerNo, values: EXISTING_VALUES, version: 4, status: '待审核' }) : intakeModel()));
    const { page } = await sidebar(backend);
    await page.locator('#search > summary').click();
    await page.getByLabel('职工编号、姓名或身份证号后几位').fill('刘桂兰');
    await page.getByLabel('职工编号、姓名或身份证号后几位').press('Enter');
    await page.getByRole('button', { name: /H0100023/ }).click();
    expect(await eventually(() => page.locator('#title').textContent(), '编辑案件 H0100023（待审核）')).toBe('编辑案件 H0100023（待审核）');
    expect(backend.callsTo('searchCases')).toEqual([['刘桂兰']]);
    expect(backend.callsTo('getIntakeForm').at(-1)).toEqual(['H0100023']);

    await expect(control(page.locator('[data-section="identity"]'), '姓名').inputValue()).resolves.toBe('刘桂兰');
    await expect(page.getByLabel('救助项目').inputValue()).resolves.toBe('medical');
    await expect(page.getByLabel('因病').isChecked()).resolves.toBe(true);
    await expect(page.locator('[data-field="members"] fieldset.row').count()).resolves.toBe(2);
    // The preview of an edited case leaves the case itself out of the duplicate check.
    expect(
      await eventually(
        () => backend.callsTo('previewCase').length,
        (v) => v > 0,
      ),
    ).toBeGreaterThan(0);
    expect(backend.callsTo('previewCase')[0][0]).toMatchObject({ worker_no: 'H0100023' });

    await page.getByLabel('联系电话').fill('13872911234');
    await page.locator('#save').click();
    expect(await eventually(() => backend.callsTo('saveCase').length, 1)).toBe(1);
    const req = saveRequests(backend)[0];
    expect(req).toMatchObject({ workerNo: 'H0100023', version: 4 });
    expect(req.values.phone).toBe('13872911234');
    expect(req.values.members).toEqual(EXISTING_VALUES.members);
  });
});

describe("the family's history", () => {
  test('an open case shows every payment over the years with the total; a new case shows none', async () => {
    const history = [
      { paidOn: '2025-10-09', scheme: '特困职工医疗救助', kind: '医疗救助', amount: 1600, form: '卡', period: '2025年', emergency: true },
      { paidOn: '2026-01-20', scheme: '', kind: '生活救助', amount: 3000, form: '卡', period: '2026年元旦春节送温暖', emergency: false },
      { paidOn: '2026-06-10', scheme: '生活救助', kind: '生活救助', amount: 550, form: '券', period: '2026年', emergency: false },
    ];
    const backend = new FakeBackend().on('getIntakeForm', (workerNo) =>
      workerNo ? intakeModel({ workerNo, values: EXISTING_VALUES, version: 4, status: '已备案', history }) : intakeModel(),
    );
    const { page } = await sidebar(backend);
    await expect(page.locator('.history').count()).resolves.toBe(0);
    await page.locator('#search > summary').click();
    backend.on('searchCases', () => [{ workerNo: 'H0100023', name: '刘桂兰', county: 'H01', status: 'filed', statusLabel: '已备案' }]);
    await page.getByLabel('职工编号、姓名或身份证号后几位').fill('刘桂兰');
    await page.getByLabel('职工编号、姓名或身份证号后几位').press('Enter');
    await page.getByRole('button', { name: /H0100023/ }).click();
    const table = page.getByRole('table', { name: '救助记录：共 3 笔，合计 5,150.00 元' });
    expect(await eventually(() => table.count(), 1)).toBe(1);
    await expect(table.locator('tbody tr').allInnerTexts()).resolves.toEqual([
      '2025-10-09（先行救助）\t特困职工医疗救助，医疗救助，卡，2025年\t1,600.00',
      '2026-01-20\t生活救助，卡，2026年元旦春节送温暖\t3,000.00',
      '2026-06-10\t生活救助，券，2026年\t550.00',
    ]);
  });
});

describe('keyboard only', () => {
  test('Tab and Shift+Tab move through labelled fields, typing and Space fill them, Enter on 保存 saves', async () => {
    const { page, backend } = await sidebar();
    const typed: Record<string, string> = {
      name: '刘桂兰',
      id_number: VALID_ID_FEMALE,
      employer: '京山轻机集团',
      household_income: '21600',
      household_size: '3',
    };
    /** What has focus: its field key (or its text for a button/summary) and whether it has a name a screen reader reads. */
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return { key: '', tag: '', name: '', text: '' };
        const field = el.closest('[data-field]')?.getAttribute('data-field') ?? '';
        const labels = (el as HTMLInputElement).labels;
        // The label's text as read aloud: aria-hidden parts (the * of required fields) left out.
        const spoken = (node: Element) => {
          const copy = node.cloneNode(true) as Element;
          copy.querySelectorAll('[aria-hidden="true"]').forEach((x) => x.remove());
          return copy.textContent ?? '';
        };
        const name = labels && labels.length > 0 ? spoken(labels[0]) : (el.getAttribute('aria-label') ?? el.textContent ?? '');
        return {
          key: field,
          tag: el.tagName.toLowerCase(),
          name: name.trim(),
          text: (el.textContent ?? '').trim(),
          type: (el as HTMLInputElement).type,
          value: (el as HTMLInputElement).value,
        };
      });

    const visited: string[] = [];
    let steps = 0;
    for (;;) {
      await page.keyboard.press('Tab');
      const f = await focused();
      steps += 1;
      if (f.name === '') throw new Error(`focus stop ${steps} (${f.tag} in ${f.key}) has no accessible name`);
      if (f.tag === 'button' && f.text === '保存') break;
      if (f.key && f.key in typed && f.value === '') {
        await page.keyboard.type(typed[f.key]);
        if (f.key === 'name') await page.keyboard.press('Enter'); // must not submit
      }
      if (f.type === 'checkbox' && f.name === '因病') await page.keyboard.press('Space');
      if (f.tag === 'button' && f.text.includes('添加一行') && !visited.includes('added')) {
        await page.keyboard.press('Space');
        visited.push('added');
        const row = await focused();
        expect(row).toMatchObject({ key: 'members.name', name: '姓名' });
        await page.keyboard.type('陈志强');
      }
      visited.push(f.key || f.text);
      expect(steps).toBeLessThan(400); // a guard: focus must reach 保存
    }
    // The order follows the page: identity fields before work, income, members, causes.
    const firstIndex = (k: string) => visited.indexOf(k);
    expect(firstIndex('name')).toBeLessThan(firstIndex('id_number'));
    expect(firstIndex('id_number')).toBeLessThan(firstIndex('employer'));
    expect(firstIndex('employer')).toBeLessThan(firstIndex('household_income'));
    expect(firstIndex('household_income')).toBeLessThan(firstIndex('members'));
    expect(firstIndex('members')).toBeLessThan(firstIndex('causes'));
    // Restricted fields are skipped.
    expect(visited).not.toContain('unit_opinion');

    // Shift+Tab goes back to the last field before the button, and Tab returns to it.
    const lastField = [...visited].reverse().find((k) => FIELDS.some((f) => f.key === k));
    expect(lastField).toBe(FIELDS.filter((f) => f.editRoles.length === 0 && !f.computed).at(-1)!.key);
    await page.keyboard.press('Shift+Tab');
    await expect(focused().then((f) => f.key)).resolves.toBe(lastField);
    await page.keyboard.press('Tab');
    expect(backend.callsTo('saveCase')).toHaveLength(0);
    await page.keyboard.press('Enter');
    expect(await eventually(() => page.locator('#status').textContent(), '已保存，职工编号 H0400001')).toBe('已保存，职工编号 H0400001');
    const [[req]] = backend.callsTo('saveCase');
    expect(req.values).toMatchObject({ name: '刘桂兰', id_number: VALID_ID_FEMALE, causes: ['因病'], members: [{ name: '陈志强' }] });
    // The button kept focus through the save, so the keyboard user is not thrown to the top.
    await expect(focused().then((f) => f.text)).resolves.toBe('保存');
  });
});

test('the built page is self-contained and under 100 KB', () => {
  const html = builtPage('intake');
  expect(html.length).toBeLessThan(100 * 1024);
  expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/i);
});
