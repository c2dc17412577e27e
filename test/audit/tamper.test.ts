/**
 * The tamper suite: the owner (the one person Sheets lets edit 操作日志 by hand) changes a
 * cell, deletes a row, swaps two rows, cuts off the tail or appends a row; 校验操作日志
 * names the sheet row of the first row that does not match. A clean log is 完整.
 */
import { setNow } from '../../src/server/clock';
import { createHash } from 'node:crypto';
import { canonicalCell, rowHash } from '../../src/sheets/auditChain';
import { verifyAuditLog as verifyAuditLogMenu } from '../../src/server/verifyAudit';
import { runDailyJobs } from '../../src/server/triggers';
import { onEdit } from '../../src/server/onEdit';
import { newWorkbook, OWNER, records, sheet, writerJob, type Fake } from '../server/fixtures';
import { asText, cellOf, column, log, logRows, realActivity, verify, verifyThroughWriter, writerHead } from './helpers';

afterAll(() => setNow(null));

const sha256 = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');

/** A workbook whose log holds `n` lines of real work by staff and reviewers, all written by the writer. */
function workedLog(n = 8): { fake: Fake } {
  const fake = newWorkbook();
  realActivity(fake, n);
  expect(logRows(fake)).toBe(n);
  // The writer kept the head: the last hash and the row count, in its own script properties.
  expect(writerHead(fake)).toEqual({
    rows: n,
    hash: String(
      log(fake)
        .getRange(n + 1, column(fake, '本行哈希'))
        .getValue(),
    ),
  });
  fake.setUser(OWNER);
  return { fake };
}

test('a log written by 50 real saves, edits and review actions is 完整', () => {
  const { fake } = workedLog(50);
  const r = verifyThroughWriter(fake);
  expect(r).toEqual({ ok: true, row: null, message: expect.stringContaining('完整') });
  expect(r.message).toContain('共 50 行');
});

test('a cell changed by hand is found at its row', () => {
  const { fake } = workedLog();
  log(fake).getRange(5, column(fake, '新状态')).setValue('已归档');
  const r = verifyThroughWriter(fake);
  expect(r).toMatchObject({ ok: false, row: 5 });
  expect(r.message).toContain('第 5 行');
  expect(r.message).toContain('手工修改');
});

test('a changed time is found too (a date cell is part of the hash)', () => {
  const { fake } = workedLog();
  const cell = log(fake).getRange(3, column(fake, '时间'));
  cell.setValue(new Date((cell.getValue() as Date).getTime() - 86_400_000));
  expect(verifyThroughWriter(fake)).toMatchObject({ ok: false, row: 3 });
});

test('a deleted row is found at the row that now stands in its place', () => {
  const { fake } = workedLog();
  log(fake).deleteRow(4);
  const r = verifyThroughWriter(fake);
  expect(r).toMatchObject({ ok: false, row: 4 });
  expect(r.message).toContain('第 4 行');
  expect(r.message).toContain('删除');
});

test('the first row deleted is found at row 2', () => {
  const { fake } = workedLog();
  log(fake).deleteRow(2);
  expect(verifyThroughWriter(fake)).toMatchObject({ ok: false, row: 2 });
});

test('two rows swapped are found at the first of them', () => {
  const { fake } = workedLog();
  const sheet = log(fake);
  const width = sheet.getLastColumn();
  const a = sheet.getRange(4, 1, 1, width).getValues()[0];
  const b = sheet.getRange(6, 1, 1, width).getValues()[0];
  sheet.getRange(4, 1, 1, width).setValues(asText([b]));
  sheet.getRange(6, 1, 1, width).setValues(asText([a]));
  const r = verifyThroughWriter(fake);
  expect(r).toMatchObject({ ok: false, row: 4 });
  expect(r.message).toContain('第 4 行');
});

test('a cut-off tail is found: the head says more rows than the sheet has', () => {
  const { fake } = workedLog(8);
  log(fake).deleteRows(8, 2); // sheet rows 8 and 9: the last two lines
  const r = verifyThroughWriter(fake);
  expect(r).toMatchObject({ ok: false, row: 8 });
  expect(r.message).toContain('8 行');
  expect(r.message).toContain('只有 6 行');
  expect(r.message).toContain('被删除');
});

test('a row appended by hand is found even when its hashes are computed correctly', () => {
  const { fake } = workedLog(8);
  const sheet = log(fake);
  const width = sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, width).getValues()[0];
  const prev = String(sheet.getRange(9, column(fake, '本行哈希')).getValue());
  // A copy of the last line, for another case, chained to it exactly as the writer would.
  const row = sheet.getRange(9, 1, 1, width).getValues()[0];
  row[column(fake, '职工编号') - 1] = 'H0100001';
  row[column(fake, '请求编号') - 1] = 'forged-1';
  row[column(fake, '前一哈希') - 1] = prev;
  row[column(fake, '本行哈希') - 1] = rowHash(sha256, prev, cellOf(header, row));
  sheet.appendRow(asText([row])[0]);
  // The forged row chains: only the head, out of the editors' reach, shows it.
  expect(verify(fake)).toMatchObject({ ok: true });
  const r = verifyThroughWriter(fake);
  expect(r).toMatchObject({ ok: false, row: 10 });
  expect(r.message).toContain('第 10 行');
  expect(r.message).toContain('手工添加');
});

test('a row appended by hand without hashes is found at its row', () => {
  const { fake } = workedLog(8);
  log(fake).appendRow([new Date(), OWNER, 'H0100001', '审核通过', '公示中', '已审批']);
  expect(verifyThroughWriter(fake)).toMatchObject({ ok: false, row: 10 });
  expect(verify(fake)).toMatchObject({ ok: false, row: 10 });
});

test('a row inserted in the middle with a chained hash is named, not the row after it', () => {
  const { fake } = workedLog(8);
  const sheet = log(fake);
  const width = sheet.getLastColumn();
  const prev = String(sheet.getRange(4, column(fake, '本行哈希')).getValue());
  const copy = sheet.getRange(4, 1, 1, width).getValues()[0];
  copy[column(fake, '原因') - 1] = '补录';
  copy[column(fake, '前一哈希') - 1] = prev;
  const header = sheet.getRange(1, 1, 1, width).getValues()[0];
  copy[column(fake, '本行哈希') - 1] = rowHash(sha256, prev, cellOf(header, copy));
  sheet.insertRowAfter(4);
  sheet.getRange(5, 1, 1, width).setValues(asText([copy]));
  const r = verifyThroughWriter(fake);
  expect(r).toMatchObject({ ok: false, row: 5 });
  expect(r.message).toContain('不在哈希链中');
});

test('a log rewritten end to end with fresh hashes still differs from the head', () => {
  const { fake } = workedLog(6);
  const sheet = log(fake);
  const values = sheet.getDataRange().getValues();
  const header = values[0].map(String);
  const pc = header.indexOf('前一哈希');
  const hc = header.indexOf('本行哈希');
  values[3][header.indexOf('用户')] = 'someone@else.cn';
  let prev = '0'.repeat(64);
  for (let i = 1; i < values.length; i++) {
    const row = values[i];
    row[pc] = prev;
    prev = rowHash(sha256, prev, cellOf(header, row));
    row[hc] = prev;
  }
  sheet.getRange(1, 1, values.length, values[0].length).setValues(asText(values));
  expect(verify(fake)).toMatchObject({ ok: true });
  expect(verifyThroughWriter(fake)).toMatchObject({ ok: false, row: 7 });
});

test('tampering stays visible after later appends: the writer chains from its head, not from the sheet', () => {
  const { fake } = workedLog(8);
  log(fake).deleteRows(8, 2);
  // More real work, written by the writer after the cut.
  realActivity(fake, 2);
  expect(writerHead(fake)!.rows).toBe(10);
  const r = verifyThroughWriter(fake);
  expect(r).toMatchObject({ ok: false, row: 8 });
});

test('anyone listed may run the check; someone not in 人员权限 is told so in Chinese', () => {
  const { fake } = workedLog(3);
  expect(verifyThroughWriter(fake, 'staff')).toMatchObject({ ok: true });
  fake.setUser('stranger@example.com');
  expect(() => verifyAuditLogMenu()).toThrow('不在“人员权限”表中');
});

test('without the writer the chain is still checked, and the message says the tail cannot be', () => {
  const { fake } = workedLog(4);
  const r = verify(fake);
  expect(r.ok).toBe(true);
  expect(r.message).toContain('完整');
  expect(r.message).toContain('未连接写入服务');
  expect(canonicalCell(log(fake).getRange(2, column(fake, '前一哈希')).getValue())).toBe('0'.repeat(64));
});

test("the writer's daily job checks the log and records a mismatch, naming the row", () => {
  const { fake } = workedLog(6);
  setNow('2025-10-10');
  writerJob(fake, runDailyJobs);
  expect(records(fake, '操作日志').filter((r) => r['操作'] === '操作日志校验失败')).toEqual([]);
  fake.setUser(OWNER);
  log(fake).getRange(4, column(fake, '原因')).setValue('改过');
  writerJob(fake, runDailyJobs);
  const failures = records(fake, '操作日志').filter((r) => r['操作'] === '操作日志校验失败');
  expect(failures).toHaveLength(1);
  expect(String(failures[0]['原因'])).toContain('第 4 行');
  // The job's own line is chained too: the check still names row 4, not the new line.
  expect(verifyThroughWriter(fake)).toMatchObject({ ok: false, row: 4 });
});

test("the owner's own hand edit of 案件 is logged and chained, and the check says it came from outside the writer", () => {
  const { fake } = workedLog(4);
  fake.setUser(OWNER);
  const cases = sheet(fake, '案件');
  const header = cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0];
  const cell = cases.getRange(2, header.indexOf('联系电话') + 1);
  const oldValue = cell.getValue();
  cell.setValue('13907240000');
  onEdit({ range: cell, value: '13907240000', oldValue, source: fake.spreadsheet } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
  expect(records(fake, '操作日志').at(-1)).toMatchObject({ 操作: '手工编辑', 用户: OWNER });
  // Its hashes are right (the chain is intact from the sheet's point of view) …
  expect(verify(fake)).toMatchObject({ ok: true });
  // … but the writer did not write it, and says so.
  const r = verifyThroughWriter(fake);
  expect(r).toMatchObject({ ok: false, row: 6 });
  expect(r.message).toContain('不是写入服务追加的');
});
