/**
 * An 操作日志 from before the hash chain keeps working: setup adds 前一哈希 and 本行哈希,
 * chains the rows once as they stand and says so; later lines chain on. A log that already
 * has hashes is never re-chained (that would bless a row changed by hand).
 */
import { setNow } from '../../src/server/clock';
import { setupSpreadsheet, setupWorkbook } from '../../src/server/setup';
import { sha256Hex } from '../../src/platform/digest';
import { newWorkbook, OWNER, type Fake } from '../server/fixtures';
import { column, log, logRows, memoryHead, realActivity, verify, verifyThroughWriter } from './helpers';

afterAll(() => setNow(null));

/** A workbook whose log was written by an earlier version: the same rows, no hash columns. */
function oldWorkbook(lines: number): Fake {
  const fake = newWorkbook();
  realActivity(fake, lines);
  fake.setUser(OWNER);
  const sheet = log(fake);
  sheet.getRange(1, column(fake, '前一哈希'), lines + 1, 2).clearContent();
  return fake;
}

test('setup adds the hash columns to an old log, chains its rows once, and reports it', () => {
  const fake = oldWorkbook(5);
  expect(verifyThroughWriter(fake)).toMatchObject({ ok: false, row: 1, message: expect.stringContaining('缺少列：前一哈希、本行哈希') });
  const report = setupSpreadsheet();
  expect(report.repaired).toEqual(expect.arrayContaining(['操作日志：补充列 前一哈希、本行哈希', '操作日志：为已有的 5 行记录建立哈希链']));
  expect(verifyThroughWriter(fake)).toMatchObject({ ok: true, message: expect.stringContaining('共 5 行') });
  // Once: the second run leaves the chain as it is.
  const hashes = log(fake).getRange(2, column(fake, '本行哈希'), 5, 1).getValues();
  expect(setupSpreadsheet()).toMatchObject({ repaired: [] });
  expect(log(fake).getRange(2, column(fake, '本行哈希'), 5, 1).getValues()).toEqual(hashes);
  // New work chains on from the migrated rows.
  realActivity(fake, 3);
  expect(logRows(fake)).toBe(8);
  expect(verifyThroughWriter(fake)).toMatchObject({ ok: true, message: expect.stringContaining('共 8 行') });
});

test('setup through the writer records the head of the migrated chain', () => {
  const fake = oldWorkbook(4);
  const head = memoryHead();
  setupWorkbook(SpreadsheetApp.getActiveSpreadsheet(), { digest: sha256Hex, head });
  expect(head.value).toEqual({ rows: 4, hash: String(log(fake).getRange(5, column(fake, '本行哈希')).getValue()) });
  expect(verify(fake, head)).toMatchObject({ ok: true });
});

test('a log with some hashes blanked is not re-chained: the blanked row is reported', () => {
  const fake = newWorkbook();
  realActivity(fake, 5);
  fake.setUser(OWNER);
  log(fake).getRange(4, column(fake, '前一哈希'), 1, 2).clearContent();
  const report = setupSpreadsheet();
  expect(report.repaired.join('')).not.toContain('哈希链');
  expect(verifyThroughWriter(fake)).toMatchObject({ ok: false, row: 4 });
});
