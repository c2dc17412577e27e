/**
 * Who code runs as in the fake, entry point by entry point, as Apps Script reports it:
 * Session.getActiveUser / getEffectiveUser, AuthMode, and what each kind of execution may call.
 */
import { createFakeGas as createBare, type FakeGas, type FakeGasOptions } from '../../harness/gas';

/** A client whose manifest lists what issue 8 asks for (openid, external requests), so only the kind of execution refuses. */
const createFakeGas = (opts: FakeGasOptions = {}) =>
  createBare({
    manifest: {
      oauthScopes: [
        'https://www.googleapis.com/auth/spreadsheets',
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/script.scriptapp',
        'https://www.googleapis.com/auth/script.send_mail',
        'https://www.googleapis.com/auth/userinfo.email',
        'openid',
        'https://www.googleapis.com/auth/script.external_request',
      ],
    },
    ...opts,
  });

const OWNER = 'owner@jmszgh.cn';
const CITY = 'chenjing@jmszgh.cn'; // same domain as the owner
const STAFF = 'zhangmin@jszgh.cn'; // 京山 union: another domain

function who(fake: FakeGas) {
  return { active: fake.Session.getActiveUser().getEmail(), effective: fake.Session.getEffectiveUser().getEmail(), ...fake.execution() };
}

test('a menu click or sidebar call runs as the person clicking, with full authorization', () => {
  const fake = createFakeGas();
  const seen = fake.runAs(STAFF, () => who(fake));
  expect(seen).toMatchObject({ kind: 'menu', active: STAFF, effective: STAFF, activeUser: STAFF, effectiveUser: STAFF, authMode: 'FULL' });
  // Back in the outer execution, the first user again.
  expect(who(fake)).toMatchObject({ kind: 'menu', active: OWNER, effective: OWNER });
});

test('runAs can give the execution an effective user separate from the active one', () => {
  const fake = createFakeGas();
  const seen = fake.runAs(STAFF, () => who(fake), { effectiveUser: OWNER });
  expect(seen).toMatchObject({ active: STAFF, effective: OWNER, authority: OWNER });
});

test('an installable trigger runs as whoever installed it, without a UI', () => {
  const fake = createFakeGas();
  const seen = fake.runTrigger(() => who(fake), CITY);
  expect(seen).toMatchObject({ kind: 'trigger', active: CITY, effective: CITY, authMode: 'FULL' });
  expect(() => fake.runTrigger(() => fake.SpreadsheetApp.getUi(), CITY)).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
});

test('getProjectTriggers shows each installer only their own triggers, and only they can delete them', () => {
  const fake = createFakeGas();
  fake.runAs(CITY, () => fake.ScriptApp.newTrigger('dailyJobs').timeBased().everyDays(1).atHour(6).create());
  fake.runAs(OWNER, () => fake.ScriptApp.newTrigger('weeklyReport').timeBased().everyWeeks(1).create());
  expect(fake.runAs(CITY, () => fake.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction()))).toEqual(['dailyJobs']);
  expect(fake.runAs(OWNER, () => fake.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction()))).toEqual(['weeklyReport']);
  const ownersTrigger = fake.triggers.find((t) => t.getHandlerFunction() === 'weeklyReport')!;
  expect(() => fake.runAs(CITY, () => fake.ScriptApp.deleteTrigger(ownersTrigger))).toThrow('Trigger not found.');
  expect(fake.triggers).toHaveLength(2);
});

test('a simple trigger runs LIMITED; the e-mail of a user of another domain is blank, of the same domain shown', () => {
  const fake = createFakeGas();
  expect(fake.runSimple(() => who(fake), STAFF)).toMatchObject({ kind: 'simple', active: '', effective: '', authMode: 'LIMITED', authority: STAFF });
  expect(fake.runSimple(() => who(fake), CITY)).toMatchObject({ kind: 'simple', active: CITY, effective: CITY, authMode: 'LIMITED' });
});

test('a simple trigger may not call anything that needs authorization', () => {
  const fake = createFakeGas();
  const other = fake.newSpreadsheet('京山县总工会');
  const refused: [string, () => unknown, string][] = [
    ['UrlFetchApp.fetch', () => fake.UrlFetchApp.fetch('https://oauth2.googleapis.com/tokeninfo?id_token=x'), 'script.external_request'],
    ['UrlFetchApp.fetchAll', () => fake.UrlFetchApp.fetchAll(['https://oauth2.googleapis.com/tokeninfo']), 'script.external_request'],
    ['MailApp.sendEmail', () => fake.MailApp.sendEmail('lina@jszgh.cn', '提醒', '有逾期案件'), 'script.send_mail'],
    ['SpreadsheetApp.openById', () => fake.SpreadsheetApp.openById(other.getId()), 'auth/spreadsheets'],
    ['SpreadsheetApp.openByUrl', () => fake.SpreadsheetApp.openByUrl(other.getUrl()), 'auth/spreadsheets'],
    ['ScriptApp.getProjectTriggers', () => fake.ScriptApp.getProjectTriggers(), 'script.scriptapp'],
    ['ScriptApp.newTrigger', () => fake.ScriptApp.newTrigger('dailyJobs'), 'script.scriptapp'],
    ['ScriptApp.getIdentityToken', () => fake.ScriptApp.getIdentityToken(), 'openid'],
  ];
  for (const [call, fn, scope] of refused) {
    expect(() => fake.runSimple(fn, CITY)).toThrow(`You do not have permission to call ${call}. Required permissions:`);
    expect(() => fake.runSimple(fn, CITY)).toThrow(scope);
  }
  expect(fake.mails).toHaveLength(0);
  // What needs no authorization still works: its own spreadsheet, the UI, properties.
  fake.runSimple(() => {
    fake.SpreadsheetApp.getActiveSpreadsheet()!.getSheets()[0].getRange('A1').setValue('已打开');
    fake.SpreadsheetApp.getUi().createMenu('帮扶').addItem('登记', 'openIntake').addToUi();
    fake.PropertiesService.getDocumentProperties()!.setProperty('lastOpen', '2025-10-13');
  }, STAFF);
  expect(fake.spreadsheet.getSheets()[0].getRange('A1').getValue()).toBe('已打开');
});

test('a custom function is anonymous and read-only', () => {
  const fake = createFakeGas();
  const sheet = fake.spreadsheet.getSheets()[0];
  sheet.getRange('A1:B1').setValues([['王秀英', 20000]]);
  const r = sheet.getRange('A1:B1');
  expect(fake.runCustomFunction(() => who(fake))).toMatchObject({ kind: 'custom', active: '', effective: '', authMode: 'CUSTOM_FUNCTION' });
  // Reading works.
  expect(fake.runCustomFunction(() => r.getValues())).toEqual([['王秀英', 20000]]);
  // Every kind of write is refused with Apps Script's message naming the method.
  const writes: [string, () => unknown][] = [
    ['setValues', () => r.setValues([['李明', 1]])],
    ['setValue', () => r.setValue('李明')],
    ['setFormula', () => r.setFormula('=1+1')],
    ['setNote', () => r.setNote('备注')],
    ['setBackground', () => r.setBackground('#ff0000')],
    ['clearContent', () => r.clearContent()],
    ['clear', () => sheet.clear()],
    ['insertRowsAfter', () => sheet.insertRowsAfter(1, 1)],
    ['deleteRows', () => sheet.deleteRows(2, 1)],
    ['appendRow', () => sheet.appendRow(['李明'])],
    ['insertSheet', () => fake.spreadsheet.insertSheet('新表')],
    ['protect', () => r.protect()],
    ['Properties.setProperty', () => fake.PropertiesService.getScriptProperties().setProperty('k', 'v')],
  ];
  for (const [method, fn] of writes) expect(() => fake.runCustomFunction(fn)).toThrow(`You do not have permission to call ${method}`);
  expect(r.getValues()).toEqual([['王秀英', 20000]]);
  // Services that need authorization are refused too.
  const other = fake.newSpreadsheet('京山县总工会');
  expect(() => fake.runCustomFunction(() => fake.SpreadsheetApp.openById(other.getId()))).toThrow('You do not have permission to call SpreadsheetApp.openById');
  expect(() => fake.runCustomFunction(() => fake.MailApp.sendEmail('lina@jszgh.cn', 'x', 'y'))).toThrow('You do not have permission to call MailApp.sendEmail');
  expect(() => fake.runCustomFunction(() => fake.ScriptApp.getIdentityToken())).toThrow('You do not have permission to call ScriptApp.getIdentityToken');
  expect(() => fake.runCustomFunction(() => fake.SpreadsheetApp.getUi())).toThrow('Cannot call SpreadsheetApp.getUi()');
});

test('an execution that ends releases the locks it held', () => {
  const fake = createFakeGas();
  fake.runAs(STAFF, () => expect(fake.LockService.getDocumentLock()!.tryLock(1000)).toBe(true));
  expect(fake.LockService.getDocumentLock()!.tryLock(1000)).toBe(true);
  // While the outer execution holds it, another one cannot have it.
  expect(fake.runAs(CITY, () => fake.LockService.getDocumentLock()!.tryLock(1000))).toBe(false);
  expect(() => fake.runAs(CITY, () => fake.LockService.getDocumentLock()!.waitLock(1000))).toThrow('Lock timeout');
});

test('a formula cell is computed as a custom function, not as the person reading it', () => {
  const fake = createFakeGas();
  const sheet = fake.spreadsheet.getSheets()[0];
  let seen: ReturnType<FakeGas['execution']> | null = null;
  let refused = '';
  fake.evaluate = () => {
    seen = fake.execution();
    try {
      sheet.getRange('B1').setValue('偷偷写');
    } catch (e) {
      refused = (e as Error).message;
    }
    return 42;
  };
  sheet.getRange('A1').setFormula('=RELIEF_AMOUNT(B2)');
  expect(fake.runAs(STAFF, () => sheet.getRange('A1').getValue())).toBe(42);
  expect(seen).toMatchObject({ kind: 'custom', activeUser: '', effectiveUser: '', authMode: 'CUSTOM_FUNCTION' });
  expect(refused).toBe('You do not have permission to call setValue');
  expect(sheet.getRange('B1').getValue()).toBe('');
});
