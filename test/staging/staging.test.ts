/**
 * 录入: staff paste 200 rows, 7 of them wrong in the ways people get them wrong; 帮扶 →
 * 提交录入行 makes 193 cases with 193 log lines and worker numbers, marks those rows
 * 已提交, and leaves the 7 with a note on each bad cell. Submitting again creates nothing.
 */
import { setNow } from '../../src/server/clock';
import { onEdit } from '../../src/server/onEdit';
import { submitStagingRows } from '../../src/server/staging';
import { verifyAuditLog } from '../../src/server/verifyAudit';
import { setupSpreadsheet } from '../../src/server/setup';
import { FORMULA_NOTE } from '../../src/domain/forms/stagingText';
import { defaultFields } from '../../src/defaults/forms';
import { normalizeValue } from '../../src/domain/forms/values';
import { as, day, makeId, newWorkbook, records, sheet, type Fake } from '../server/fixtures';
import { cell, header, paste, typedWorker } from './rows';
import { countPerSheet } from '../../harness/gas/perSheet';

afterAll(() => setNow(null));

const BAD = {
  formula: 11,
  checkDigit: 32,
  missingEmployer: 57,
  members: 90,
  number: 121,
  phone: 150,
  duplicate: 181,
} as const;

function wrongCheckDigit(id: string): string {
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
}

/** 200 typed rows; index i lands on sheet row i + 2. */
function twoHundred(): Record<string, unknown>[] {
  const rows = Array.from({ length: 200 }, (_, i) => typedWorker(i) as Record<string, unknown>);
  rows[BAD.checkDigit]['身份证号'] = wrongCheckDigit(String(rows[BAD.checkDigit]['身份证号']));
  rows[BAD.missingEmployer]['工作单位'] = '';
  rows[BAD.members]['家庭成员'] = '周建国，配偶，男，患病，0，京山县轻机厂';
  rows[BAD.number]['家庭年收入'] = '两万';
  rows[BAD.phone]['联系电话'] = '1390724';
  rows[BAD.duplicate]['身份证号'] = rows[3]['身份证号'];
  return rows;
}

function typeFormula(fake: Fake): void {
  // Typed by hand into one cell: Sheets stores it as a formula.
  cell(fake, BAD.formula + 2, '姓名').setFormula('=HYPERLINK("http://evil.example","王秀英")');
}

let fake: Fake;

beforeAll(() => {
  fake = newWorkbook('2025-09-30');
  as(fake, 'staff');
  paste(fake, twoHundred());
  typeFormula(fake);
});

test('setup makes 录入: status, worker number, then every form field by its Chinese name; digits columns as plain text; unprotected', () => {
  const fields = defaultFields();
  expect(header(fake)).toEqual(['提交状态', '职工编号', ...fields.map((f) => f.zh)]);
  for (const label of ['职工编号', '身份证号', '联系电话', '会员卡/银行卡号', '责任人电话']) {
    expect(cell(fake, 2, label).getNumberFormat()).toBe('@');
  }
  const s = sheet(fake, '录入');
  expect(s.getProtections(SpreadsheetApp.ProtectionType.SHEET)).toEqual([]);
  expect(s.getProtections(SpreadsheetApp.ProtectionType.RANGE)).toEqual([]);
  expect(cell(fake, 1, '家庭成员').getNote()).toContain('姓名，关系，性别，健康状况，年收入');
  // The typed ID kept all 18 digits in its plain-text column.
  expect(cell(fake, 2, '身份证号').getValue()).toBe(typedWorker(0)['身份证号']);
});

test('200 typed rows, 7 wrong: 193 cases with log lines and worker numbers, 7 rows left with a note on each bad cell', () => {
  as(fake, 'staff');
  const { result, perSheet } = countPerSheet(sheet(fake, '录入').getRange(1, 1), () => submitStagingRows());
  expect(result).toMatchObject({ ok: true, submitted: 193, refused: 7 });
  expect(result.message).toContain('已提交 193 行');

  const cases = records(fake, '案件');
  expect(cases).toHaveLength(193);
  const log = records(fake, '操作日志').filter((r) => r['操作'] === '新增案件');
  expect(log).toHaveLength(193);
  expect(new Set(log.map((r) => r['职工编号']))).toEqual(new Set(cases.map((c) => c['职工编号'])));
  // The log names each field as 表单定义 does, as a case saved from the sidebar is logged.
  expect(String(log[0]['变更字段'])).toContain('姓名：（空） → 王秀英');
  expect(new Set(cases.map((c) => c['职工编号'])).size).toBe(193);
  expect(cases[0]).toMatchObject({ 职工编号: 'H0100001', 姓名: '王秀英', 状态: '待审核', 县区代码: 'H01', 致困原因: '因病、子女上学' });
  // The members typed as 姓名，关系，性别，健康状况，年收入 are stored in the 案件 sheet's readable form and read back to the same people.
  const members = normalizeValue(
    defaultFields().find((f) => f.key === 'members')!,
    cases[1]['家庭成员'],
  ) as Record<string, unknown>[];
  expect(members.map((m) => [m.name, m.relation, m.sex, m.health, m.income])).toEqual([
    ['周建国', '配偶', '男', '患病', 0],
    ['周小雨', '子女', '女', '良好', 0],
  ]);
  expect(cases.every((c) => c['录入人'] === 'zhangmin@jszgh.cn')).toBe(true);
  // Like a case saved in the sidebar, each starts its first step today (the review's 3 working days count from it).
  expect(new Set(cases.map((c) => day(c['进入本环节日期'])))).toEqual(new Set([day(cases[0]['提交日期'])]));

  // One read of 录入 and one write per sheet: 案件, 操作日志, and 录入's marks (plus one setNotes).
  expect(perSheet['录入']).toEqual({ getValues: 1, getFormulas: 1, setValues: 1, setNotes: 1 });
  expect(perSheet['案件'].setValues).toBe(1);
  expect(perSheet['操作日志'].setValues).toBe(1);

  const staged = records(fake, '录入');
  const bad = new Set<number>(Object.values(BAD));
  staged.forEach((r, i) => {
    if (bad.has(i)) {
      expect(String(r['提交状态'])).toContain('未提交');
    } else {
      expect(r['提交状态']).toBe('已提交');
      expect(String(r['职工编号'])).toMatch(/^H01\d{5}$/);
    }
  });
  const byNo = new Map(cases.map((c) => [c['职工编号'], c]));
  expect(byNo.get(staged[0]['职工编号'])?.['身份证号']).toBe(typedWorker(0)['身份证号']);

  expect(cell(fake, BAD.formula + 2, '姓名').getNote()).toBe(FORMULA_NOTE);
  expect(cell(fake, BAD.checkDigit + 2, '身份证号').getNote()).toContain('“身份证号”');
  expect(cell(fake, BAD.missingEmployer + 2, '工作单位').getNote()).toBe('“工作单位”为必填项');
  expect(cell(fake, BAD.members + 2, '家庭成员').getNote()).toContain('第 1 人写了 6 项');
  expect(cell(fake, BAD.number + 2, '家庭年收入').getNote()).toContain('“家庭年收入”');
  expect(cell(fake, BAD.phone + 2, '联系电话').getNote()).toContain('“联系电话”');
  expect(cell(fake, BAD.duplicate + 2, '身份证号').getNote()).toContain(String(staged[3]['职工编号']));
  // Good cells of a bad row carry no note; good rows carry none at all.
  expect(cell(fake, BAD.phone + 2, '姓名').getNote()).toBe('');
  expect(cell(fake, 3, '身份证号').getNote()).toBe('');
  // The formula was never imported, nor any other text of that row.
  expect(cases.some((c) => String(c['姓名']).includes('HYPERLINK'))).toBe(false);
  expect(
    sheet(fake, '案件')
      .getDataRange()
      .getFormulas()
      .flat()
      .filter((f) => f !== ''),
  ).toEqual([]);
  // The 193 log lines are chained like any other: the log checks out whole.
  const check = verifyAuditLog();
  expect(check.ok).toBe(true);
  expect(check.message).toContain('完整');
});

test('submitting the same rows again creates nothing twice', () => {
  as(fake, 'staff');
  const again = submitStagingRows();
  expect(again).toMatchObject({ ok: true, submitted: 0, refused: 7 });
  expect(again.message).toContain('193 行此前已提交');
  expect(records(fake, '案件')).toHaveLength(193);
  expect(records(fake, '操作日志').filter((r) => r['操作'] === '新增案件')).toHaveLength(193);
});

test('a corrected row goes in on the next submission and loses its note', () => {
  as(fake, 'staff');
  const r = BAD.phone + 2;
  cell(fake, r, '联系电话').setValue('13907240150');
  const result = submitStagingRows();
  expect(result).toMatchObject({ submitted: 1, refused: 6 });
  expect(cell(fake, r, '联系电话').getNote()).toBe('');
  expect(cell(fake, r, '提交状态').getValue()).toBe('已提交');
  expect(records(fake, '案件')).toHaveLength(194);
});

test('a run cut off after writing 案件 but before marking 录入 is finished by the next one, not repeated', () => {
  const f = newWorkbook('2025-09-30');
  as(f, 'staff');
  paste(f, [typedWorker(0), typedWorker(1)]);
  expect(submitStagingRows()).toMatchObject({ submitted: 2 });
  // The marks are lost (as if the run had stopped before writing them).
  sheet(f, '录入').getRange(2, 1, 2, 2).clearContent();
  const again = submitStagingRows();
  expect(again).toMatchObject({ ok: true, submitted: 0, refused: 0 });
  expect(records(f, '案件')).toHaveLength(2);
  expect(records(f, '录入').map((r) => [r['提交状态'], r['职工编号']])).toEqual([
    ['已提交', 'H0100001'],
    ['已提交', 'H0100002'],
  ]);
});

test('someone not in 人员权限 is told so in Chinese and nothing is written', () => {
  const f = newWorkbook('2025-09-30');
  paste(f, [typedWorker(0)]);
  f.setUser('stranger@example.com');
  const result = submitStagingRows();
  expect(result).toMatchObject({ ok: false, submitted: 0, refused: 0 });
  expect(result.message).toContain('不在“人员权限”表中');
  expect(records(f, '案件')).toHaveLength(0);
});

test('typing into 录入 marks a bad cell as it is typed, and the correction clears the note', () => {
  const f = newWorkbook('2025-09-30');
  as(f, 'staff');
  const edit = (range: GoogleAppsScript.Spreadsheet.Range, value: unknown) => {
    if (typeof value === 'string' && value.startsWith('=')) range.setFormula(value);
    else range.setValue(value as never);
    // A simple trigger, as Sheets runs it: as the person typing, without authorization (no writer call possible).
    f.runSimple(() => onEdit({ range, value, source: f.spreadsheet } as unknown as GoogleAppsScript.Events.SheetsOnEdit), 'zhangmin@jszgh.cn');
  };
  const id = cell(f, 2, '身份证号');
  const good = makeId('420821', '1972-03-15', 12, '女');
  edit(id, wrongCheckDigit(good));
  expect(id.getNote()).toContain('“身份证号”');
  edit(id, good);
  expect(id.getNote()).toBe('');
  const name = cell(f, 2, '姓名');
  edit(name, '=IMPORTXML("http://evil.example","//a")');
  expect(name.getNote()).toBe(FORMULA_NOTE);
  const members = cell(f, 2, '家庭成员');
  edit(members, '周建国，配偶，男，患病，0，多一项');
  expect(members.getNote()).toContain('姓名，关系，性别，健康状况，年收入');
  edit(members, '周建国，配偶，男，患病，0');
  expect(members.getNote()).toBe('');
});

test('setup adds the column of a field added to 表单定义, and a second run changes nothing', () => {
  const f = newWorkbook('2025-09-30');
  const forms = sheet(f, '表单定义');
  const h = forms.getRange(1, 1, 1, forms.getLastColumn()).getValues()[0].map(String);
  const row = h.map(
    (label) =>
      (({ 字段键: 'union_group', 中文名称: '工会小组', 英文名称: 'Union group', 类型: '文本', 分组: '工作情况' }) as Record<string, string>)[label] ?? '',
  );
  forms.getRange(forms.getLastRow() + 1, 1, 1, h.length).setValues([row]);
  const first = setupSpreadsheet();
  expect(first.repaired.join('；')).toContain('录入：补充列 工会小组');
  expect(header(f)).toContain('工会小组');
  const second = setupSpreadsheet();
  expect(second.repaired.filter((r) => r.startsWith('录入'))).toEqual([]);
});

test('a field label an administrator types like a formula becomes a header cell of text in 案件 and 录入', () => {
  const f = newWorkbook('2025-09-30');
  const forms = sheet(f, '表单定义');
  const h = forms.getRange(1, 1, 1, forms.getLastColumn()).getValues()[0].map(String);
  const label = '=HYPERLINK("http://e.cn","备注")';
  const row = h.map(
    (l) => (({ 字段键: 'remark', 中文名称: `'${label}`, 英文名称: 'Remark', 类型: '文本', 分组: '工作情况' }) as Record<string, string>)[l] ?? '',
  );
  forms.getRange(forms.getLastRow() + 1, 1, 1, h.length).setValues([row]);
  expect(forms.getRange(forms.getLastRow(), h.indexOf('中文名称') + 1).getValue()).toBe(label);
  setupSpreadsheet();
  for (const name of ['案件', '录入']) {
    const s = sheet(f, name);
    const top = s.getRange(1, 1, 1, s.getLastColumn());
    expect(top.getValues()[0]).toContain(label);
    expect(top.getFormulas()[0].filter((x) => x !== '')).toEqual([]);
  }
});

test('a 录入 sheet that lost its 提交状态 column is refused by name, and nothing is written', () => {
  const f = newWorkbook('2025-09-30');
  as(f, 'staff');
  paste(f, [typedWorker(0)]);
  as(f, 'admin');
  sheet(f, '录入').deleteColumn(1);
  as(f, 'staff');
  const result = submitStagingRows();
  expect(result).toMatchObject({ ok: false, submitted: 0 });
  expect(result.message).toContain('提交状态');
  expect(records(f, '案件')).toHaveLength(0);
});
