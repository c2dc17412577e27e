/**
 * Protections in the fake are enforced for the effective user, as Sheets enforces them:
 * every kind of write into a protected cell by someone who is not an editor throws Sheets'
 * own message; the owner may always edit; warning-only protections never refuse.
 */
import { createFakeGas, PROTECTED_MESSAGE, type FakeGas, type FakeSheet } from '../../harness/gas';
import { makeId } from '../server/fixtures';

const WANG_ID = makeId('420821', '1972-03-15', 12, '女');
const LI_ID = makeId('420821', '1980-11-02', 33, '男');

const OWNER = 'owner@jmszgh.cn';
const CITY = 'chenjing@jmszgh.cn';
const STAFF = 'zhangmin@jszgh.cn';
const REVIEWER = 'lina@jszgh.cn';

/** The names of the writes that `who` was NOT refused with Sheets' protection message. */
function notRefused(fake: FakeGas, who: string, writes: [string, () => unknown][]): string[] {
  return writes.flatMap(([what, fn]) => {
    try {
      fake.runAs(who, fn);
      return [what];
    } catch (e) {
      return (e as Error).message === PROTECTED_MESSAGE ? [] : [`${what}: ${(e as Error).message}`];
    }
  });
}

/** A sheet 案件 (A:F) whose column E (救助金额) only the city may edit, and a 操作日志 only the owner may edit. */
function workbook(): { fake: FakeGas; cases: FakeSheet; log: FakeSheet } {
  const fake = createFakeGas();
  const ss = fake.spreadsheet;
  const cases = ss.insertSheet('案件');
  cases.getRange('C:C').setNumberFormat('@'); // ID numbers as text, or Sheets makes them numbers
  cases.getRange('A1:F1').setValues([['职工编号', '姓名', '身份证号', '状态', '救助金额', '备注']]);
  cases.getRange('A2:F2').setValues([['H0100001', '王秀英', WANG_ID, '待审核', '', '']]);
  const amount = cases.getRange('E:E').protect().setDescription('帮扶：救助金额（市总填写）');
  amount.addEditor(OWNER);
  amount.removeEditors(amount.getEditors());
  amount.addEditors([CITY]);
  const log = ss.insertSheet('操作日志');
  log.getRange('A1:C1').setValues([['时间', '操作人', '操作']]);
  const p = log.protect().setDescription('帮扶：操作日志（只允许程序追加）');
  p.removeEditors(p.getEditors());
  return { fake, cases, log };
}

test("every kind of write into a protected cell by a non-editor is refused with Sheets' message, and changes nothing", () => {
  const { fake, cases, log } = workbook();
  const e2 = cases.getRange('E2');
  const row = cases.getRange('A2:F2');
  const rule = fake.SpreadsheetApp.newDataValidation().requireNumberBetween(0, 5000).build();
  const writes: [string, () => unknown][] = [
    ['setValue', () => e2.setValue(3000)],
    ['setValues (a row crossing the column)', () => row.setValues([['H0100001', '王秀英', WANG_ID, '待审核', 3000, '']])],
    ['setFormula', () => e2.setFormula('=1+1')],
    ['setFormulas', () => e2.setFormulas([['=1+1']])],
    ['clear', () => e2.clear()],
    ['clearContent', () => row.clearContent()],
    ['clearFormat', () => e2.clearFormat()],
    ['setNote', () => e2.setNote('改过')],
    ['setNotes', () => e2.setNotes([['改过']])],
    ['setBackground', () => e2.setBackground('#ffff00')],
    ['setBackgrounds', () => e2.setBackgrounds([['#ffff00']])],
    ['setNumberFormat', () => e2.setNumberFormat('0.00')],
    ['setFontWeight', () => e2.setFontWeight('bold')],
    ['setDataValidation', () => e2.setDataValidation(rule)],
    ['insertCheckboxes', () => e2.insertCheckboxes()],
    ['merge', () => cases.getRange('E2:F2').merge()],
    ['sort', () => cases.getRange('A2:F2').sort(1)],
    ['appendRow (a row reaching column E)', () => cases.appendRow(['H0100002', '李明', '', '待审核', 8000])],
    ['insertRowsAfter inside the protected column', () => cases.insertRowsAfter(1, 1)],
    ['deleteRows', () => cases.deleteRows(2, 1)],
    ['insertColumnsAfter is fine elsewhere, deleteColumns of E is not', () => cases.deleteColumns(5, 1)],
    ['Sheet.clear', () => cases.clear()],
    ['Sheet.clearContents', () => cases.clearContents()],
    ['deleteSheet', () => fake.spreadsheet.deleteSheet(cases)],
    ['append to the log', () => log.appendRow(['2025-10-13', STAFF, '保存'])],
    ['rename the log', () => log.setName('日志')],
    ['freeze rows on the log', () => log.setFrozenRows(2)],
  ];
  expect(notRefused(fake, STAFF, writes)).toEqual([]);
  expect(cases.getRange('A1:F3').getValues()).toEqual([
    ['职工编号', '姓名', '身份证号', '状态', '救助金额', '备注'],
    ['H0100001', '王秀英', WANG_ID, '待审核', '', ''],
    ['', '', '', '', '', ''],
  ]);
  expect(cases.getRange('E2').getNote()).toBe('');
  expect(log.getLastRow()).toBe(1);
  expect(fake.spreadsheet.getSheetByName('案件')).not.toBeNull();
});

test('cells outside the protection stay writable; editors and the owner may write inside it', () => {
  const { fake, cases, log } = workbook();
  fake.runAs(STAFF, () => cases.getRange('A2:D2').setValues([['H0100001', '王秀英', WANG_ID, '已提交']]));
  fake.runAs(STAFF, () => cases.getRange('F2').setValue('补充材料'));
  fake.runAs(STAFF, () => cases.insertColumnsAfter(6, 1));
  fake.runAs(CITY, () => cases.getRange('E2').setValue(3000));
  fake.runAs(OWNER, () => log.appendRow(['2025-10-13', OWNER, '初始化']));
  expect(cases.getRange('A2:F2').getValues()).toEqual([['H0100001', '王秀英', WANG_ID, '已提交', 3000, '补充材料']]);
  expect(log.getLastRow()).toBe(2);
});

test("the rights checked are the effective user's: a trigger installed by the owner, a web app deployed by the owner", () => {
  const { fake, log } = workbook();
  fake.runTrigger(() => log.appendRow(['2025-10-13', '定时任务', '逾期检查']), OWNER);
  expect(() => fake.runTrigger(() => log.appendRow(['2025-10-14', '定时任务', '逾期检查']), CITY)).toThrow(PROTECTED_MESSAGE);
  fake.runAs(STAFF, () => log.appendRow(['2025-10-15', STAFF, '保存']), { effectiveUser: OWNER });
  // A simple trigger writes with the rights of the person editing, even when Session hides who that is.
  expect(() => fake.runSimple(() => log.appendRow(['2025-10-16', '', '编辑']), STAFF)).toThrow(PROTECTED_MESSAGE);
  expect(log.getLastRow()).toBe(3);
});

test('a warning-only protection does not refuse anyone', () => {
  const { fake, cases } = workbook();
  const p = cases.getRange('B:B').protect().setDescription('姓名（提示）');
  p.removeEditors(p.getEditors());
  p.setWarningOnly(true);
  fake.runAs(STAFF, () => cases.getRange('B2').setValue('王秀英（改）'));
  expect(cases.getRange('B2').getValue()).toBe('王秀英（改）');
});

test('a protected sheet honours its unprotected ranges', () => {
  const { fake } = workbook();
  const entry = fake.spreadsheet.insertSheet('录入');
  entry.getRange('D:D').setNumberFormat('@');
  const p = entry.protect().setDescription('录入：表头');
  p.removeEditors(p.getEditors());
  p.setUnprotectedRanges([entry.getRange('A2:F')]);
  fake.runAs(STAFF, () =>
    entry.getRange('A2:F3').setValues([
      ['', '', '王秀英', WANG_ID, '13872345678', '因病'],
      ['', '', '李明', LI_ID, '13907241234', '因病'],
    ]),
  );
  expect(() => fake.runAs(STAFF, () => entry.getRange('A1').setValue('提交状态（改）'))).toThrow(PROTECTED_MESSAGE);
  expect(() => fake.runAs(STAFF, () => entry.getRange('F2:G2').setValues([['x', 'y']]))).toThrow(PROTECTED_MESSAGE); // G is outside A2:F
  // The unprotected area is whole columns: it grows with the sheet too.
  fake.runAs(OWNER, () => entry.insertRowsAfter(entry.getMaxRows(), 100));
  fake.runAs(STAFF, () => entry.getRange(entry.getMaxRows(), 3).setValue('赵磊'));
  expect(entry.getRange(entry.getMaxRows(), 3).getValue()).toBe('赵磊');
});

test('a protection given as whole columns grows with the sheet; one given as numbered rows does not', () => {
  const { fake, cases } = workbook();
  const bounded = cases.getRange(1, 4, cases.getMaxRows(), 1).protect().setDescription('状态（到第 1000 行）');
  bounded.removeEditors(bounded.getEditors());
  fake.runAs(OWNER, () => cases.insertRowsAfter(cases.getMaxRows(), 20_000));
  const last = cases.getMaxRows();
  expect(last).toBe(21_000);
  // E:E reaches row 21,000 now; D1:D1000 still ends at row 1,000.
  expect(() => fake.runAs(STAFF, () => cases.getRange(last, 5).setValue(3000))).toThrow(PROTECTED_MESSAGE);
  fake.runAs(STAFF, () => cases.getRange(last, 4).setValue('已提交'));
  expect(() => fake.runAs(STAFF, () => cases.getRange(1000, 4).setValue('已提交'))).toThrow(PROTECTED_MESSAGE);
  expect(fake.runAs(OWNER, () => cases.getProtections(fake.SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getRange().getNumRows()))).toEqual([21_000, 1000]);
  expect(cases.getProtections(fake.SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getRange().getA1Notation())).toEqual(['E:E', 'D1:D1000']);
});

test('a protected range moves with rows inserted above it and is refused where it moved to', () => {
  const { fake, cases } = workbook();
  const p = cases.getRange('A2:F2').protect().setDescription('已归档的一行');
  p.removeEditors(p.getEditors());
  fake.runAs(OWNER, () => cases.insertRowsBefore(2, 3));
  expect(p.getRange().getA1Notation()).toBe('A5:F5');
  fake.runAs(STAFF, () => cases.getRange('A2:D2').setValues([['H0100002', '李明', '', '待审核']]));
  expect(() => fake.runAs(STAFF, () => cases.getRange('A5').setValue('H0100009'))).toThrow(PROTECTED_MESSAGE);
});

test('a protection can only be changed by someone who may edit it', () => {
  const { fake, cases, log } = workbook();
  const [amount] = cases.getProtections(fake.SpreadsheetApp.ProtectionType.RANGE);
  const [logP] = log.getProtections(fake.SpreadsheetApp.ProtectionType.SHEET);
  const changes: [string, () => unknown][] = [
    ['addEditor', () => amount.addEditor(STAFF)],
    ['addEditors', () => amount.addEditors([STAFF])],
    ['removeEditor', () => amount.removeEditor(CITY)],
    ['removeEditors', () => amount.removeEditors([CITY])],
    ['setWarningOnly', () => amount.setWarningOnly(true)],
    ['setDomainEdit', () => amount.setDomainEdit(true)],
    ['setDescription', () => amount.setDescription('随便改')],
    ['remove', () => amount.remove()],
    ['setUnprotectedRanges', () => logP.setUnprotectedRanges([log.getRange('A:C')])],
    ['getEditors', () => logP.getEditors()],
  ];
  expect(notRefused(fake, STAFF, changes)).toEqual([]);
  expect(fake.runAs(STAFF, () => amount.canEdit())).toBe(false);
  expect(fake.runAs(CITY, () => amount.canEdit())).toBe(true);
  expect(
    amount
      .getEditors()
      .map((u) => u.getEmail())
      .sort(),
  ).toEqual([CITY, OWNER]);
  // An editor may change it; the owner and the effective user cannot be removed.
  fake.runAs(CITY, () => amount.removeEditors([OWNER, CITY]));
  expect(
    amount
      .getEditors()
      .map((u) => u.getEmail())
      .sort(),
  ).toEqual([CITY, OWNER]);
});

test('protect() makes the effective user an editor, and until the editors change the range mirrors the file (stays open)', () => {
  const fake = createFakeGas();
  const sheet = fake.spreadsheet.insertSheet('人员权限');
  const p = fake.runAs(CITY, () => sheet.getRange('A:D').protect().setDescription('人员权限'));
  expect(
    p
      .getEditors()
      .map((u) => u.getEmail())
      .sort(),
  ).toEqual([CITY, OWNER]);
  // The reference: until the script changes the editors, the permissions mirror the spreadsheet's.
  fake.runAs(STAFF, () => sheet.getRange('A2').setValue(STAFF));
  // Removing everyone keeps the one who protects it and the owner; the others are now refused.
  fake.runAs(CITY, () => p.removeEditors(p.getEditors()));
  expect(() => fake.runAs(STAFF, () => sheet.getRange('A3').setValue(STAFF))).toThrow(PROTECTED_MESSAGE);
  fake.runAs(CITY, () => sheet.getRange('A3').setValue(REVIEWER));
  // Setup run by an administrator who removed themselves first would lock themselves out: they cannot.
  expect(p.getEditors().map((u) => u.getEmail())).toContain(CITY);
});

test("domain edit lets everyone of the owner's domain edit, nobody else", () => {
  const { fake, cases } = workbook();
  const [amount] = cases.getProtections(fake.SpreadsheetApp.ProtectionType.RANGE);
  amount.setDomainEdit(true);
  fake.runAs('wangqiang@jmszgh.cn', () => cases.getRange('E2').setValue(1000));
  expect(() => fake.runAs(STAFF, () => cases.getRange('E2').setValue(2000))).toThrow(PROTECTED_MESSAGE);
  expect(cases.getRange('E2').getValue()).toBe(1000);
});

test('the spreadsheet lists every protection of every sheet', () => {
  const { fake } = workbook();
  const T = fake.SpreadsheetApp.ProtectionType;
  expect(fake.spreadsheet.getProtections(T.RANGE).map((p) => p.getDescription())).toEqual(['帮扶：救助金额（市总填写）']);
  expect(fake.spreadsheet.getProtections(T.SHEET).map((p) => p.getDescription())).toEqual(['帮扶：操作日志（只允许程序追加）']);
  expect(fake.spreadsheet.getProtections(T.SHEET)[0].getRange().getA1Notation()).toBe('A1:Z1000');
});
