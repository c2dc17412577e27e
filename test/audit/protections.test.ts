/**
 * The authoritative sheets are the owner's alone (hard protection): setup puts the
 * protection on, restores it when someone loosened it, says what it restored, and never
 * makes anyone else an editor.
 */
import { setNow } from '../../src/server/clock';
import { PROTECTED_SHEETS, setupSpreadsheet, setupWorkbook } from '../../src/server/setup';
import { writeLayout } from '../../src/sheets/reportWriter';
import { as, newWorkbook, OWNER, people, sheet, type Fake } from '../server/fixtures';

afterAll(() => setNow(null));

type Protection = GoogleAppsScript.Spreadsheet.Protection;

function sheetProtection(fake: Fake, name: string): Protection | undefined {
  return sheet(fake, name).getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
}

function expectOwnerOnly(fake: Fake, name: string): void {
  const p = sheetProtection(fake, name);
  expect({ name, protected: p !== undefined }).toEqual({ name, protected: true });
  expect(p!.isWarningOnly()).toBe(false);
  expect(p!.canDomainEdit()).toBe(false);
  expect(p!.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
  expect(p!.getUnprotectedRanges()).toEqual([]);
}

const AUTHORITATIVE = ['案件', '操作日志', '人员权限', '设置', '救助标准', '表单定义', '节假日', '汇总来源', '一日捐标准'];

test('setup makes every authoritative sheet editable by the owner alone, not as a mere warning', () => {
  const fake = newWorkbook();
  expect(PROTECTED_SHEETS).toEqual(expect.arrayContaining(AUTHORITATIVE));
  for (const name of AUTHORITATIVE) expectOwnerOnly(fake, name);
  // The units' donation figures are typed by users: left open.
  expect(sheetProtection(fake, '捐款')).toBeUndefined();
});

test('protections loosened by hand are restored by setup, which says what it repaired', () => {
  const fake = newWorkbook();
  fake.setUser(OWNER);
  sheetProtection(fake, '人员权限')!.setWarningOnly(true);
  sheetProtection(fake, '设置')!.addEditors([people.staff.email, people.reviewer.email]);
  sheetProtection(fake, '救助标准')!.remove();
  sheetProtection(fake, '节假日')!.setDomainEdit(true);
  sheetProtection(fake, '表单定义')!.setUnprotectedRanges([sheet(fake, '表单定义').getRange('A2:C20')]);

  const report = setupSpreadsheet();
  expect(report.created).toEqual([]);
  const said = report.repaired.join('\n');
  expect(said).toContain('人员权限：保护被放宽，已恢复（由“仅显示警告”改回禁止编辑）');
  expect(said).toContain(`设置：保护被放宽，已恢复（移除了可编辑人员 ${people.staff.email}、${people.reviewer.email}）`);
  expect(said).toContain('救助标准：保护（仅表格所有者可编辑）');
  expect(said).toContain('节假日：保护被放宽，已恢复（取消了“本域所有人可编辑”）');
  expect(said).toContain('表单定义：保护被放宽，已恢复（取消了例外区域 A2:C20）');
  expect(report.message).toContain('已修复');
  for (const name of AUTHORITATIVE) expectOwnerOnly(fake, name);
  // Repaired means repaired: the next run finds nothing.
  expect(setupSpreadsheet()).toMatchObject({ created: [], repaired: [] });
});

test('setup run by an administrator who is not the owner leaves protections alone and says who must run it', () => {
  const fake = newWorkbook();
  fake.setUser(OWNER);
  sheetProtection(fake, '人员权限')!.setWarningOnly(true);
  // As an old bound script would run it, as the administrator (the menu now sends it to the writer).
  as(fake, 'admin');
  const report = setupWorkbook(SpreadsheetApp.getActiveSpreadsheet());
  expect(report.problems.join('')).toContain(`只有表格所有者（${OWNER}）或写入服务才能设置保护`);
  fake.setUser(OWNER);
  const p = sheetProtection(fake, '人员权限')!;
  expect(p.isWarningOnly()).toBe(true);
  for (const name of AUTHORITATIVE) {
    expect(
      sheetProtection(fake, name)
        ?.getEditors()
        .map((u) => u.getEmail()) ?? [],
    ).not.toContain(people.admin.email);
  }
});

test('the column protections of earlier versions give way to the owner-only sheet protection', () => {
  const fake = newWorkbook();
  fake.setUser(OWNER);
  const cases = sheet(fake, '案件');
  const status = cases.getRange('C:C').protect().setDescription('帮扶：决定列 状态');
  status.addEditors([people.reviewer.email, people.county.email]);
  cases.getRange('Z:Z').protect().setDescription('帮扶：救助金额（市总填写）').addEditor(people.city.email);
  // Someone else's range protection is theirs: left alone.
  cases.getRange('A1:B1').protect().setDescription('表头（管理员设置）');
  const report = setupSpreadsheet();
  expect(report.repaired).toContain('案件：旧的列保护（2 处）改为整表仅所有者可编辑');
  expect(cases.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getDescription())).toEqual(['表头（管理员设置）']);
  expectOwnerOnly(fake, '案件');
});

test("a report sheet is the owner's alone from the moment it is written", () => {
  const fake = newWorkbook();
  fake.setUser(OWNER);
  writeLayout(SpreadsheetApp.getActiveSpreadsheet(), { name: '公示名单', values: [['2025年困难职工帮扶公示名单'], ['王秀英']] });
  expectOwnerOnly(fake, '公示名单');
  // And setup repairs a report sheet like the others.
  sheetProtection(fake, '公示名单')!.setWarningOnly(true);
  expect(setupSpreadsheet().repaired.join('')).toContain('公示名单：保护被放宽，已恢复');
  expectOwnerOnly(fake, '公示名单');
});

const SHEETS_MESSAGE = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

test('people who are not the owner cannot write the authoritative sheets by hand, nor loosen their protection', () => {
  const fake = newWorkbook();
  for (const who of ['staff', 'reviewer', 'county', 'city', 'admin'] as const) {
    as(fake, who);
    for (const name of AUTHORITATIVE) {
      const s = sheet(fake, name);
      const tryIt = (what: string, fn: () => unknown) => {
        let message = '';
        try {
          fn();
        } catch (e) {
          message = (e as Error).message;
        }
        expect({ who, name, what, message }).toEqual({ who, name, what, message: SHEETS_MESSAGE });
      };
      tryIt('setValue', () => s.getRange(2, 1).setValue('改一下'));
      tryIt('appendRow', () => s.appendRow(['手工追加']));
      tryIt('deleteRow', () => s.deleteRow(1));
      tryIt('clear', () => s.getRange(1, 1, 1, 1).clearContent());
      tryIt('setWarningOnly', () => sheetProtection(fake, name)!.setWarningOnly(true));
      tryIt('addEditor', () => sheetProtection(fake, name)!.addEditor(people[who].email));
    }
  }
  // 捐款 is typed by users and stays open.
  as(fake, 'staff');
  sheet(fake, '捐款').appendRow(['京山县轻机厂']);
});
