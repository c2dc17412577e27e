/**
 * 初始化/修复表格 on a blank spreadsheet creates every sheet; a second run changes
 * nothing; what an administrator changed survives; a new field row adds a 案件 column.
 */
import { setNow } from '../../src/server/clock';
import { setupSpreadsheet } from '../../src/server/setup';
import { previewCase, saveCase } from '../../src/server/intake';
import { createFakeGas, installGlobals } from '../../harness/gas';
import { as, newWorkbook, records, rid, sheet, wangXiuying, type Fake, OWNER } from './fixtures';

afterAll(() => setNow(null));

const ALL = ['表单定义', '救助标准', '节假日', '人员权限', '设置', '案件', '操作日志', '汇总来源'];

function contents(fake: Fake): Record<string, string> {
  return Object.fromEntries(ALL.map((n) => [n, JSON.stringify(sheet(fake, n).getDataRange().getValues())]));
}

test('setup on a blank spreadsheet creates every sheet with frozen headers, and says so in zh', () => {
  const fake = createFakeGas();
  installGlobals(globalThis, fake);
  setNow('2025-09-30');
  fake.setUser(OWNER);
  const report = setupSpreadsheet();
  expect(report.created).toEqual(expect.arrayContaining(ALL));
  expect(report.message).toContain('已创建：表单定义');
  for (const name of ALL) expect(sheet(fake, name).getFrozenRows()).toBe(1);
  // The person who ran setup is the first administrator.
  expect(records(fake, '人员权限')).toEqual([{ 邮箱: OWNER, 角色: '管理员', 县区代码: '', 姓名: '' }]);
  // 案件 has the system columns, then one column per top-level form field.
  const header = sheet(fake, '案件').getRange(1, 1, 1, sheet(fake, '案件').getLastColumn()).getValues()[0];
  expect(header.slice(0, 3)).toEqual(['职工编号', '县区代码', '状态']);
  expect(header).toEqual(expect.arrayContaining(['身份证号', '家庭成员', '致困原因', '核定救助金额', '版本']));
  // 设置 holds the province letter, the 低保 line with its source, the counties and the deadlines.
  const settings = JSON.stringify(sheet(fake, '设置').getDataRange().getValues());
  expect(settings).toContain('省代码字母');
  expect(settings).toContain('550');
  expect(settings).toContain('豫直工〔2016〕37号');
  expect(settings).toContain('京山');
  expect(settings).toContain('【期限】');
  // 汇总来源 lists this workbook's own 案件 first.
  expect(records(fake, '汇总来源')[0]).toMatchObject({ 来源类型: '本表标签页', 标签页或表格地址: '案件', 启用: '是' });
  // The audit log is protected for the owner alone, not as a mere warning.
  const logProtections = sheet(fake, '操作日志').getProtections(SpreadsheetApp.ProtectionType.SHEET);
  expect(logProtections).toHaveLength(1);
  expect(logProtections[0].isWarningOnly()).toBe(false);
  // Nobody but the owner (Apps Script may list the owner, who can never be removed).
  for (const u of logProtections[0].getEditors()) expect(u.getEmail()).toBe(OWNER);
});

test('a second run changes nothing, and reports that the workbook is intact', () => {
  const fake = newWorkbook();
  const before = contents(fake);
  const report = setupSpreadsheet();
  expect(report).toMatchObject({ created: [], repaired: [] });
  expect(contents(fake)).toEqual(before);
  const third = setupSpreadsheet();
  expect(third).toMatchObject({ created: [], repaired: [] });
  expect(third.message).toContain('表格完好，无需修复');
  expect(contents(fake)).toEqual(before);
});

test("an administrator's edits survive setup, and a new form field gets its 案件 column", () => {
  const fake = newWorkbook();
  // Edit a rate in 救助标准 (the 20,000–50,000 band of medical relief: 8 % → 9 %).
  const policy = sheet(fake, '救助标准');
  const pv = policy.getDataRange().getValues();
  const lower = pv[0].indexOf('下限');
  const rate = pv[0].indexOf('比例');
  const row = pv.findIndex((r, i) => i > 0 && Number(r[lower]) === 20000 && r[rate] !== '');
  policy.getRange(row + 1, rate + 1).setValue(0.09);
  // Add a field row to 表单定义: 住房情况 (housing), a single choice.
  const forms = sheet(fake, '表单定义');
  const header = forms.getRange(1, 1, 1, forms.getLastColumn()).getValues()[0].map(String);
  const newRow = header.map(
    (h) =>
      (
        ({
          字段键: 'housing',
          中文名称: '住房情况',
          英文名称: 'Housing',
          类型: '单选',
          选项: '自有、租住、借住',
          必填: '否',
          分组: '收入与家庭',
          顺序: 305,
        }) as Record<string, unknown>
      )[h] ?? '',
  );
  forms.getRange(forms.getLastRow() + 1, 1, 1, header.length).setValues([newRow]);
  const policyBefore = JSON.stringify(policy.getDataRange().getValues());
  const formsBefore = JSON.stringify(forms.getDataRange().getValues());

  const report = setupSpreadsheet();
  expect(report.repaired).toEqual(expect.arrayContaining(['案件：补充列 住房情况']));
  expect(JSON.stringify(policy.getDataRange().getValues())).toBe(policyBefore);
  expect(JSON.stringify(forms.getDataRange().getValues())).toBe(formsBefore);
  const caseHeader = sheet(fake, '案件').getRange(1, 1, 1, sheet(fake, '案件').getLastColumn()).getValues()[0];
  expect(caseHeader[caseHeader.length - 1]).toBe('住房情况');

  // The new field is in the form and lands in its column; the edited rate is in force.
  as(fake, 'staff');
  expect(previewCase(wangXiuying()).derived.suggested_amount).toBe(1800);
  expect(saveCase({ requestId: rid(), values: wangXiuying({ housing: '租住' }) }).ok).toBe(true);
  expect(records(fake, '案件')[0]['住房情况']).toBe('租住');
  const bad = saveCase({ requestId: rid(), values: wangXiuying({ housing: '宿舍' }) });
  expect(bad.ok === false && bad.errors.map((e) => e.field)).toEqual(['housing']);
});

test('setup puts dropdowns and text formats on 案件, and protects the whole sheet for the owner alone', () => {
  const fake = newWorkbook();
  setupSpreadsheet();
  const cases = sheet(fake, '案件');
  const header = cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0].map(String);
  const col = (zh: string) => header.indexOf(zh) + 1;
  expect(cases.getRange(2, col('状态')).getDataValidation()).not.toBeNull();
  expect(cases.getRange(2, col('政治面貌')).getDataValidation()).not.toBeNull();
  expect(cases.getRange(2, col('身份证号')).getNumberFormat()).toBe('@');
  expect(cases.getRange(2, col('会员卡/银行卡号')).getNumberFormat()).toBe('@');
  // No column protections for roles any more: the writer enforces roles; the sheet is the owner's.
  expect(cases.getProtections(SpreadsheetApp.ProtectionType.RANGE)).toEqual([]);
  const [p] = cases.getProtections(SpreadsheetApp.ProtectionType.SHEET);
  expect(p.isWarningOnly()).toBe(false);
  expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
  expect(cases.getConditionalFormatRules().length).toBe(2);
});
