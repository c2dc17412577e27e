/**
 * The tamper suite: the owner (the one person Sheets lets edit 操作日志 by hand) changes a
 * cell, deletes a row, swaps two rows, cuts off the tail or appends a row; 校验操作日志
 * names the sheet row of the first row that does not match. A clean log is 完整.
 */
import { setNow } from '../../src/server/clock';
import { createHash } from 'node:crypto';
import { AUDIT_COLUMNS, auditCells } from '../../src/sheets/audit';
import { appendAuditRows, canonicalCell, rowHash } from '../../src/sheets/auditChain';
import { readHeader } from '../../src/sheets/table';
import { newWorkbook, OWNER, type Fake } from '../server/fixtures';
import { asText, cellOf, column, headAfterWrites, log, logRows, realActivity, verify } from './helpers';

afterAll(() => setNow(null));

const sha256 = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');

/** A workbook whose log holds `n` lines of real work, and the writer's head for it. */
function workedLog(n = 8): { fake: Fake; head: ReturnType<typeof headAfterWrites> } {
  const fake = newWorkbook();
  realActivity(fake, n);
  expect(logRows(fake)).toBe(n);
  fake.setUser(OWNER);
  return { fake, head: headAfterWrites(fake) };
}

test('a log written by 50 real saves, edits and review actions is 完整', () => {
  const { fake, head } = workedLog(50);
  const r = verify(fake, head);
  expect(r).toEqual({ ok: true, row: null, message: expect.stringContaining('完整') });
  expect(r.message).toContain('共 50 行');
});

test('a cell changed by hand is found at its row', () => {
  const { fake, head } = workedLog();
  log(fake).getRange(5, column(fake, '新状态')).setValue('已归档');
  const r = verify(fake, head);
  expect(r).toMatchObject({ ok: false, row: 5 });
  expect(r.message).toContain('第 5 行');
  expect(r.message).toContain('手工修改');
});

test('a changed time is found too (a date cell is part of the hash)', () => {
  const { fake, head } = workedLog();
  const cell = log(fake).getRange(3, column(fake, '时间'));
  cell.setValue(new Date((cell.getValue() as Date).getTime() - 86_400_000));
  expect(verify(fake, head)).toMatchObject({ ok: false, row: 3 });
});

test('a deleted row is found at the row that now stands in its place', () => {
  const { fake, head } = workedLog();
  log(fake).deleteRow(4);
  const r = verify(fake, head);
  expect(r).toMatchObject({ ok: false, row: 4 });
  expect(r.message).toContain('第 4 行');
  expect(r.message).toContain('删除');
});

test('the first row deleted is found at row 2', () => {
  const { fake, head } = workedLog();
  log(fake).deleteRow(2);
  expect(verify(fake, head)).toMatchObject({ ok: false, row: 2 });
});

test('two rows swapped are found at the first of them', () => {
  const { fake, head } = workedLog();
  const sheet = log(fake);
  const width = sheet.getLastColumn();
  const a = sheet.getRange(4, 1, 1, width).getValues()[0];
  const b = sheet.getRange(6, 1, 1, width).getValues()[0];
  sheet.getRange(4, 1, 1, width).setValues(asText([b]));
  sheet.getRange(6, 1, 1, width).setValues(asText([a]));
  const r = verify(fake, head);
  expect(r).toMatchObject({ ok: false, row: 4 });
  expect(r.message).toContain('第 4 行');
});

test('a cut-off tail is found: the head says more rows than the sheet has', () => {
  const { fake, head } = workedLog(8);
  log(fake).deleteRows(8, 2); // sheet rows 8 and 9: the last two lines
  const r = verify(fake, head);
  expect(r).toMatchObject({ ok: false, row: 8 });
  expect(r.message).toContain('8 行');
  expect(r.message).toContain('只有 6 行');
  expect(r.message).toContain('被删除');
});

test('a row appended by hand is found even when its hashes are computed correctly', () => {
  const { fake, head } = workedLog(8);
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
  const r = verify(fake, head);
  expect(r).toMatchObject({ ok: false, row: 10 });
  expect(r.message).toContain('第 10 行');
  expect(r.message).toContain('手工添加');
});

test('a row appended by hand without hashes is found at its row', () => {
  const { fake, head } = workedLog(8);
  log(fake).appendRow([new Date(), OWNER, 'H0100001', '审核通过', '公示中', '已审批']);
  expect(verify(fake, head)).toMatchObject({ ok: false, row: 10 });
  expect(verify(fake)).toMatchObject({ ok: false, row: 10 });
});

test('a row inserted in the middle with a chained hash is named, not the row after it', () => {
  const { fake, head } = workedLog(8);
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
  const r = verify(fake, head);
  expect(r).toMatchObject({ ok: false, row: 5 });
  expect(r.message).toContain('不在哈希链中');
});

test('a log rewritten end to end with fresh hashes still differs from the head', () => {
  const { fake, head } = workedLog(6);
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
  expect(verify(fake, head)).toMatchObject({ ok: false, row: 7 });
});

test('tampering stays visible after later appends: the writer chains from its head, not from the sheet', () => {
  const { fake, head } = workedLog(8);
  log(fake).deleteRows(8, 2);
  // The next line is written by the use case with the writer's head.
  const ctxHeadRows = head.value!.rows;
  realActivityWithHead(fake, head);
  expect(head.value!.rows).toBe(ctxHeadRows + 1);
  const r = verify(fake, head);
  expect(r).toMatchObject({ ok: false, row: 8 });
});

test('without the writer the chain is still checked, and the message says the tail cannot be', () => {
  const { fake } = workedLog(4);
  const r = verify(fake);
  expect(r.ok).toBe(true);
  expect(r.message).toContain('完整');
  expect(r.message).toContain('未连接写入服务');
  expect(canonicalCell(log(fake).getRange(2, column(fake, '前一哈希')).getValue())).toBe('0'.repeat(64));
});

/** One log line written as the writer writes it: chained, with the head. */
function realActivityWithHead(fake: Fake, head: ReturnType<typeof headAfterWrites>): void {
  const sheet = log(fake);
  appendAuditRows(sheet, readHeader(sheet, AUDIT_COLUMNS), [auditCells({
    time: new Date(), user: 'lina@jszgh.cn', workerNo: 'H0100002', action: '审核通过', from: '待审核', to: '公示中', reason: '', changes: [], requestId: 'r-after',
  })], { digest: sha256, head });
}
