/**
 * An administrator who is not the spreadsheet's owner changes the owner-only configuration
 * sheets through a draft (草稿-…): 编辑配置表… copies the sheet into an unprotected draft, the
 * administrator types there, 应用配置草稿 shows the differences, and on 是 the writer (as the
 * owner) writes the sheet and logs every changed row field by field, chained like every
 * other log line. A draft the add-on's own parser refuses writes nothing; nobody but an
 * administrator can apply one; nobody can lock every administrator out.
 */
import { PROTECTED_MESSAGE } from '../../harness/gas';
import { saveCase } from '../../src/server/intake';
import { verifyAuditLog } from '../../src/server/verifyAudit';
import { setNow } from '../../src/server/clock';
import { sendWrite } from '../../src/platform/writerClient';
import { as, liMing, newWorkbook, OWNER, people, records, rid, sheet, wangXiuying, type Fake } from '../server/fixtures';
import { applyDraft, lastAlert, openDraft, rowOf, snapshot } from './helpers';

afterEach(() => jest.restoreAllMocks());
afterAll(() => setNow(null));

const ZHOU_LI = ['zhouli@jszgh.cn', '基层工会', 'H01', '周丽'];

function logLines(fake: Fake): Record<string, unknown>[] {
  return records(fake, '操作日志');
}

function expectLogIntact(fake: Fake): void {
  as(fake, 'admin');
  const check = verifyAuditLog();
  expect(check).toMatchObject({ ok: true, row: null });
  expect(check.message).toContain('完整');
}

test('an administrator adds a 基层工会 person through 草稿-人员权限; the change is logged field by field and takes effect', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'admin');
  // Typing straight into 人员权限 is refused by the protection, as Sheets refuses it.
  const staff = sheet(fake, '人员权限');
  expect(() => staff.getRange(staff.getLastRow() + 1, 1, 1, 4).setValues([ZHOU_LI])).toThrow(PROTECTED_MESSAGE);

  // 编辑配置表… → 1 (人员权限): an unprotected copy, opened for the administrator.
  const draft = openDraft(fake, '1');
  expect(draft.getName()).toBe('草稿-人员权限');
  expect(draft.getDataRange().getValues()).toEqual(staff.getDataRange().getValues());
  expect(draft.getRange(2, 3).getNumberFormat()).toBe('@');
  // Only the administrators (and the owner) may type into it: nobody else can slip a change in before the confirmation.
  const [guard] = draft.getProtections(SpreadsheetApp.ProtectionType.SHEET);
  expect(
    guard
      .getEditors()
      .map((u) => u.getEmail())
      .sort(),
  ).toEqual([people.admin.email, OWNER].sort());
  as(fake, 'staff');
  expect(() =>
    draft
      .getRange(
        rowOf(draft, (r) => r[0] === people.staff.email),
        2,
      )
      .setValue('市总工会'),
  ).toThrow(PROTECTED_MESSAGE);
  as(fake, 'admin');

  // The administrator types 周丽 at the end and corrects 李娜's name.
  draft.getRange(draft.getLastRow() + 1, 1, 1, 4).setValues([ZHOU_LI]);
  draft
    .getRange(
      rowOf(draft, (r) => r[0] === people.reviewer.email),
      4,
    )
    .setValue('李娜（单位工会）');
  const logBefore = logLines(fake).length;
  fake.counter.reset();
  const result = applyDraft(fake);
  expect(fake.counter.snapshot()['UrlFetchApp.fetch']).toBe(2);

  expect(result?.message).toBe('人员权限：新增 1 行、修改 1 行、删除 0 行，已记入操作日志；草稿已删除');
  expect(lastAlert(fake)).toBe(result?.message);
  // The confirmation showed each change before anything was written.
  const confirm = fake.ui.alerts[fake.ui.alerts.length - 2].prompt;
  expect(confirm).toContain('第12行（新增）：邮箱：（空） → zhouli@jszgh.cn；角色：（空） → 基层工会；县区代码：（空） → H01；姓名：（空） → 周丽');
  expect(confirm).toContain('第6行（修改）：姓名：李娜 → 李娜（单位工会）');

  expect(records(fake, '人员权限')).toContainEqual({ 邮箱: 'zhouli@jszgh.cn', 角色: '基层工会', 县区代码: 'H01', 姓名: '周丽' });
  expect(records(fake, '人员权限').find((r) => r['邮箱'] === people.reviewer.email)?.['姓名']).toBe('李娜（单位工会）');
  expect(fake.spreadsheet.getSheetByName('草稿-人员权限')).toBeNull();

  const added = logLines(fake).slice(logBefore);
  expect(added).toHaveLength(2);
  expect(added[0]).toMatchObject({
    用户: people.admin.email,
    职工编号: '',
    操作: '修改配置',
    原因: '应用“草稿-人员权限”：第6行（修改）',
    变更字段: '姓名：李娜 → 李娜（单位工会）',
  });
  expect(added[1]).toMatchObject({
    操作: '修改配置',
    原因: '应用“草稿-人员权限”：第12行（新增）',
    变更字段: '邮箱：（空） → zhouli@jszgh.cn；角色：（空） → 基层工会；县区代码：（空） → H01；姓名：（空） → 周丽',
  });
  expect(added.map((r) => r['用户'])).not.toContain(OWNER);
  expectLogIntact(fake);

  // 周丽 can now enter a case of 京山 through the writer.
  fake.setUser('zhouli@jszgh.cn');
  expect(saveCase({ requestId: rid(), values: liMing() })).toMatchObject({ ok: true, workerNo: 'H0100001' });
  expect(logLines(fake).at(-1)).toMatchObject({ 用户: 'zhouli@jszgh.cn', 操作: '新增案件' });
  expectLogIntact(fake);
});

test("a new dated 救助标准 row changes the rate from 2026; a gap between the rows is refused with the policy parser's message and nothing is written", () => {
  const fake = newWorkbook('2025-11-20');
  as(fake, 'admin');
  const draft = openDraft(fake, '救助标准');
  expect(draft.getName()).toBe('草稿-救助标准');
  const band = rowOf(draft, (r) => r[0] === 'medical' && r[4] === 20000);
  const old = draft.getRange(band, 1, 1, 14).getValues()[0];
  // The 20,000–50,000 band goes from 8 % to 9 % on 1 January 2026 — first with a day missing.
  draft.getRange(band, 4).setValue('2025-12-30');
  const next = [...old];
  next[2] = '2026-01-01';
  next[3] = '';
  next[6] = 0.09;
  next[12] = '荆门市总工会2026年帮扶标准调整';
  draft.getRange(draft.getLastRow() + 1, 1, 1, 14).setValues([next]);

  const before = snapshot(fake, '救助标准', '操作日志');
  expect(applyDraft(fake)).toBeNull();
  expect(lastAlert(fake)).toBe(
    '“草稿-救助标准”有误，未写入任何内容：救助标准有误：项目 medical 档次 20,000–50,000 元：第 3 行（2012-01-01 至 2025-12-30）与第 12 行（2026-01-01 起长期有效）之间有空档，2025-12-31 至 2025-12-31 没有标准（生效日期、失效日期均含当日）',
  );
  expect(snapshot(fake, '救助标准', '操作日志')).toEqual(before);

  // An overlap (the old row still open-ended), sent straight to the writer past the menu's preview: refused there too.
  draft.getRange(band, 4).setValue('');
  expect(refusal(() => sendWrite('applyConfig', { requestId: rid(), sheet: '救助标准' }))).toMatch(
    /^“草稿-救助标准”有误，未写入任何内容：救助标准有误：项目 medical 档次 20,000–50,000 元：第 3 行.*第 12 行.*重叠/,
  );
  expect(snapshot(fake, '救助标准', '操作日志')).toEqual(before);
  expect(fake.spreadsheet.getSheetByName('草稿-救助标准')).not.toBeNull();

  // Corrected: the old row ends on 31 December.
  draft.getRange(band, 4).setValue('2025-12-31');
  const logBefore = logLines(fake).length;
  expect(applyDraft(fake)?.message).toBe('救助标准：新增 1 行、修改 1 行、删除 0 行，已记入操作日志；草稿已删除');
  const rows = records(fake, '救助标准').filter((r) => r['项目代码'] === 'medical' && r['下限'] === 20000);
  expect(rows.map((r) => r['比例'])).toEqual([0.08, 0.09]);
  const added = logLines(fake).slice(logBefore);
  expect(added.map((r) => r['原因'])).toEqual([`应用“草稿-救助标准”：第${band}行（修改）`, '应用“草稿-救助标准”：第12行（新增）']);
  expect(added[0]['变更字段']).toBe('失效日期：（空） → 2025-12-31');
  expect(String(added[1]['变更字段'])).toContain('生效日期：（空） → 2026-01-01；');
  expect(String(added[1]['变更字段'])).toContain('比例：（空） → 0.09');

  // A medical self-pay of 20,000 yuan: 1,600 yuan in 2025, 1,800 yuan from 2026.
  as(fake, 'staff');
  expect(saveCase({ requestId: rid(), values: wangXiuying() }).ok).toBe(true);
  setNow('2026-01-05');
  expect(saveCase({ requestId: rid(), values: liMing({ medical_self_pay: 20000, relief_base: 20000 }) }).ok).toBe(true);
  expect(records(fake, '案件').map((r) => r['建议救助金额'])).toEqual([1600, 1800]);
  expectLogIntact(fake);
});

test('an administrator changes the 低保 line in 设置; 今日 beside the settings is left alone', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'admin');
  const draft = openDraft(fake, '2');
  expect(draft.getName()).toBe('草稿-设置');
  // The draft covers the three blocks (A–E), not the 今日 cell the daily job writes.
  expect(draft.getLastColumn()).toBeLessThanOrEqual(5);
  const row = rowOf(draft, (r) => r[0] === '低保标准（元/月）');
  draft.getRange(row, 2).setValue(620);
  const today = sheet(fake, '设置').getRange('F2').getValue();

  expect(applyDraft(fake)?.message).toBe('设置：新增 0 行、修改 1 行、删除 0 行，已记入操作日志；草稿已删除');
  expect(sheet(fake, '设置').getRange(row, 2).getValue()).toBe(620);
  expect(sheet(fake, '设置').getRange('F2').getValue()).toEqual(today);
  expect(logLines(fake).at(-1)).toMatchObject({ 操作: '修改配置', 原因: `应用“草稿-设置”：第${row}行（修改）`, 变更字段: '值：550 → 620' });
  expectLogIntact(fake);
});

test("a staff member's applyConfig is refused by the writer, even from a modified client", () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'staff');
  // Any editor may make a sheet named like a draft and write themselves in as 管理员 …
  const forged = fake.spreadsheet.insertSheet('草稿-人员权限');
  const rows = sheet(fake, '人员权限')
    .getDataRange()
    .getValues()
    .map((r) => (r[0] === people.staff.email ? [r[0], '管理员', '', r[3]] : r));
  forged.getRange(1, 1, rows.length, 4).setValues(rows);
  const before = snapshot(fake, '人员权限', '操作日志');
  // … the menu says no, and a request sent around the menu is refused by the writer.
  (forged as unknown as GoogleAppsScript.Spreadsheet.Sheet).activate();
  applyDraft(fake);
  expect(lastAlert(fake)).toBe('只有管理员可以修改配置表（人员权限、设置、救助标准、表单定义、节假日、汇总来源、审批流程）');
  expect(refusal(() => sendWrite('applyConfig', { requestId: rid(), sheet: '人员权限' }))).toBe(
    '只有管理员可以修改配置表（人员权限、设置、救助标准、表单定义、节假日、汇总来源、审批流程）',
  );
  expect(snapshot(fake, '人员权限', '操作日志')).toEqual(before);

  // An administrator who then applies that sheet is refused: it is not a draft an administrator made and protected.
  as(fake, 'admin');
  applyDraft(fake);
  expect(lastAlert(fake)).toBe(
    '“草稿-人员权限”不是由管理员生成的受保护草稿（或其保护已被改动），可能被他人修改过，未写入任何内容。请用 帮扶 → 管理 → 编辑配置表… 重新生成草稿',
  );
  expect(snapshot(fake, '人员权限', '操作日志')).toEqual(before);
  // 编辑配置表… does not offer to keep it: it is copied afresh from 人员权限, and protected.
  const draft = openDraft(fake, '人员权限');
  expect(fake.ui.alerts.at(-1)?.prompt).toMatch(/^原有的“草稿-人员权限”没有受到保护（可能被他人修改过），已重新生成。/);
  expect(draft.getDataRange().getValues()).toEqual(sheet(fake, '人员权限').getDataRange().getValues());
  // Unchanged, it passes the writer's checks and changes nothing.
  expect(sendWrite('applyConfig', { requestId: rid(), sheet: '人员权限' })).toMatchObject({ ok: true, added: 0, changed: 0, removed: 0 });
});

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

test("a draft that leaves no administrator, or takes the applying administrator's own role away, is refused", () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'admin');
  const draft = openDraft(fake, '人员权限');
  const ownerRow = rowOf(draft, (r) => r[0] === OWNER);
  const adminRow = rowOf(draft, (r) => r[0] === people.admin.email);
  const before = snapshot(fake, '人员权限', '操作日志');

  draft.getRange(ownerRow, 2).setValue('市总工会');
  draft.getRange(adminRow, 2).setValue('市总工会');
  expect(applyDraft(fake)).toBeNull();
  expect(lastAlert(fake)).toBe('“草稿-人员权限”有误，未写入任何内容：至少要保留一名“管理员”，否则没有人能再修改配置');

  // The owner stays 管理员, but the administrator removes their own row.
  draft.getRange(ownerRow, 2).setValue('管理员');
  draft.deleteRow(adminRow);
  expect(applyDraft(fake)).toBeNull();
  expect(lastAlert(fake)).toBe(
    '“草稿-人员权限”有误，未写入任何内容：不能删除或降低您自己（admin@jmszgh.cn）的管理员权限；如需更换管理员，请由另一位管理员办理',
  );

  // A row the add-on's parser refuses (a role it does not know) is named.
  draft.insertRowsBefore(adminRow, 1);
  draft.getRange(adminRow, 1, 1, 4).setValues([[people.admin.email, '管理员', '', '系统管理员']]);
  draft.getRange(draft.getLastRow() + 1, 1, 1, 4).setValues([['wuhao@jszgh.cn', '科长', 'H01', '吴浩']]);
  expect(applyDraft(fake)).toBeNull();
  expect(lastAlert(fake)).toBe('“草稿-人员权限”有误，未写入任何内容：第 12 行：未知角色“科长”');
  expect(snapshot(fake, '人员权限', '操作日志')).toEqual(before);
});

test('what is applied is what was confirmed: a draft changed while the dialog was open is refused; a formula is refused', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'admin');
  const draft = openDraft(fake, '人员权限');
  draft.getRange(draft.getLastRow() + 1, 1, 1, 4).setValues([ZHOU_LI]);
  const before = snapshot(fake, '人员权限', '操作日志');
  // While the administrator reads the confirmation, someone else who may edit the draft (here the owner) changes it.
  applyDraft(fake, () => {
    fake.setUser(OWNER);
    draft
      .getRange(
        rowOf(draft, (r) => r[0] === people.staff.email),
        2,
      )
      .setValue('市总工会');
    as(fake, 'admin');
  });
  expect(lastAlert(fake)).toBe('“草稿-人员权限”在您确认之后又被修改，未写入任何内容。请重新点“应用配置草稿”，核对后再确认');
  expect(snapshot(fake, '人员权限', '操作日志')).toEqual(before);

  draft
    .getRange(
      rowOf(draft, (r) => r[0] === people.staff.email),
      2,
    )
    .setValue('基层工会');
  draft.getRange(draft.getLastRow(), 4).setFormula('=IMPORTRANGE("https://docs.google.com/spreadsheets/d/abc","A1")');
  applyDraft(fake);
  expect(lastAlert(fake)).toBe('“草稿-人员权限”第12行第4列是公式，未写入任何内容。请直接输入内容，不要使用公式');
  expect(snapshot(fake, '人员权限', '操作日志')).toEqual(before);
});

test('a name typed as a formula into a draft is stored as text in 人员权限', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'admin');
  const draft = openDraft(fake, '人员权限');
  draft.getRange(draft.getLastRow() + 1, 1, 1, 4).setValues([['zhouli@jszgh.cn', '基层工会', '01', '\'=HYPERLINK("http://evil","x")']]);
  expect(applyDraft(fake)?.added).toBe(1);
  const s = sheet(fake, '人员权限');
  const last = s.getLastRow();
  expect(s.getRange(last, 1, 1, 4).getValues()[0]).toEqual(['zhouli@jszgh.cn', '基层工会', '01', '=HYPERLINK("http://evil","x")']);
  expect(s.getRange(last, 4).getFormula()).toBe('');
  expectLogIntact(fake);
});

test('a field added to 表单定义 through its draft gets its 案件 and 录入 columns in the same request, and the form takes it', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'admin');
  const draft = openDraft(fake, '表单定义');
  const needs = draft
    .getRange(
      rowOf(draft, (r) => r[0] === 'needs'),
      1,
      1,
      14,
    )
    .getValues()[0];
  const housing = [...needs];
  housing[0] = 'housing';
  housing[1] = '住房情况';
  housing[2] = 'Housing';
  housing[7] = 100;
  housing[11] = Number(needs[11]) + 1;
  housing[12] = '如：租住公房、自有住房、借住亲友家';
  const at = draft.getLastRow() + 1;
  draft.getRange(at, 1, 1, 14).setValues([housing]);

  const result = applyDraft(fake);
  expect(result?.message).toMatch(/^表单定义：新增 1 行、修改 0 行、删除 0 行，已记入操作日志；草稿已删除。已按新的表单定义整理“案件”和“录入”的列：/);
  expect(result?.message).toContain('住房情况');
  const header = (name: string) => sheet(fake, name).getRange(1, 1, 1, sheet(fake, name).getLastColumn()).getValues()[0];
  expect(header('案件')).toContain('住房情况');
  expect(header('录入')).toContain('住房情况');
  expect(logLines(fake).at(-1)).toMatchObject({ 原因: `应用“草稿-表单定义”：第${at}行（新增）` });
  expect(String(logLines(fake).at(-1)?.['变更字段'])).toContain('字段键：（空） → housing；中文名称：（空） → 住房情况');

  as(fake, 'staff');
  expect(saveCase({ requestId: rid(), values: wangXiuying({ housing: '租住公房' }) }).ok).toBe(true);
  expect(records(fake, '案件')[0]['住房情况']).toBe('租住公房');
  expectLogIntact(fake);
});

test('a 表单定义 draft the form parser refuses is named row and column, and writes nothing', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'admin');
  const draft = openDraft(fake, '4');
  draft.getRange(draft.getLastRow() + 1, 1, 1, 10).setValues([['housing', '住房情况', 'Housing', '单选', '', '否', '', '', '', '困难情况']]);
  const before = snapshot(fake, '表单定义', '案件', '操作日志');
  expect(applyDraft(fake)).toBeNull();
  expect(lastAlert(fake)).toMatch(/^“草稿-表单定义”有误，未写入任何内容：“表单定义”表有误：第 \d+ 行.*选项/);
  expect(snapshot(fake, '表单定义', '案件', '操作日志')).toEqual(before);
});

test('a county day off added through 草稿-节假日 moves an open deadline at once, and the move is logged', () => {
  const fake = newWorkbook('2025-11-03');
  as(fake, 'staff');
  expect(saveCase({ requestId: rid(), values: wangXiuying() }).ok).toBe(true);
  const due = () => records(fake, '案件')[0]['截止日期'] as Date;
  const civil = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const was = civil(due());

  as(fake, 'admin');
  const draft = openDraft(fake, '节假日');
  expect(draft.getName()).toBe('草稿-节假日');
  const at = draft.getLastRow() + 1;
  draft.getRange(at, 1, 1, 3).setValues([['2025-11-04', '休', '京山县人民政府决定放假一天']]);
  const result = applyDraft(fake);
  expect(result).toMatchObject({ added: 1, changed: 0, removed: 0, moved: 1 });
  expect(result?.message).toBe('节假日：新增 1 行、修改 0 行、删除 0 行，已记入操作日志；重新计算办理期限，1 件案件的截止日期有变化；草稿已删除');
  const now = civil(due());
  expect(now > was).toBe(true);
  const log = logLines(fake);
  expect(log.at(-2)).toMatchObject({
    操作: '修改配置',
    原因: `应用“草稿-节假日”：第${at}行（新增）`,
    变更字段: '日期：（空） → 2025-11-04；类型：（空） → 休；名称：（空） → 京山县人民政府决定放假一天',
  });
  expect(log.at(-1)).toMatchObject({ 职工编号: 'H0100001', 操作: '期限重新计算', 原因: `应用“草稿-节假日”：截止日期 ${was} → ${now}` });
  expectLogIntact(fake);
});
