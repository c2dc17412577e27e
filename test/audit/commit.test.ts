/**
 * A case write and its chained log line are one unit with the writer's head: the head
 * moves with every append, and when it cannot be saved the log line and the case row are
 * taken back, so the log never holds a line the head does not know.
 */
import { requestContext } from '../../src/server/context';
import { setNow } from '../../src/server/clock';
import { saveCase } from '../../src/server/intake';
import { openCaseSheet } from '../../src/sheets/cases';
import { commitCaseWithAudit, commitTarget } from '../../src/sheets/commit';
import { sha256Hex } from '../../src/platform/digest';
import { readRow } from '../../src/sheets/table';
import { as, newWorkbook, OWNER, records, rid, wangXiuying } from '../server/fixtures';
import { column, log, logRows, memoryHead, verify } from './helpers';

afterAll(() => setNow(null));

const line = (workerNo: string) => ({
  time: new Date('2025-10-09T02:30:00.456Z'),
  user: 'lina@jszgh.cn',
  workerNo,
  action: '审核通过',
  from: '待审核',
  to: '公示中',
  reason: '',
  changes: [],
  requestId: rid('pass'),
});

test('each append moves the head to the new last hash and row count', () => {
  const fake = newWorkbook();
  as(fake, 'staff');
  expect(saveCase({ requestId: rid('new'), values: wangXiuying() })).toMatchObject({ ok: true });
  // Directly, as the writer does it: as the owner.
  fake.setUser(OWNER);
  const ctx = requestContext();
  const head = memoryHead({ hash: String(log(fake).getRange(2, column(fake, '本行哈希')).getValue()), rows: 1 });
  const cs = openCaseSheet(ctx.ss, ctx.forms().fields);
  const before = records(fake, '案件')[0];
  const t = commitTarget(ctx.ss, cs, { digest: sha256Hex, head });
  const rowsBefore = logRows(fake);
  const caseRow = readRow(cs.sheet, cs.map, 2);
  commitCaseWithAudit(t, { kind: 'update', before: caseRow, changes: { status: '公示中' } }, [
    line(String(before['职工编号'])),
    line(String(before['职工编号'])),
  ]);
  expect(logRows(fake)).toBe(rowsBefore + 2);
  expect(head.value).toEqual({
    hash: String(
      log(fake)
        .getRange(rowsBefore + 3, column(fake, '本行哈希'))
        .getValue(),
    ),
    rows: rowsBefore + 2,
  });
  expect(verify(fake, head)).toMatchObject({ ok: true });
  // The time went in to the second (the hash is over what Sheets keeps).
  expect((log(fake).getRange(3, column(fake, '时间')).getValue() as Date).toISOString()).toBe('2025-10-09T02:30:00.000Z');
});

test('when the head cannot be saved, the log line and the case change are taken back', () => {
  const fake = newWorkbook();
  as(fake, 'staff');
  expect(saveCase({ requestId: rid('new'), values: wangXiuying() })).toMatchObject({ ok: true });
  // Directly, as the writer does it: as the owner.
  fake.setUser(OWNER);
  const ctx = requestContext();
  const head = memoryHead({ hash: String(log(fake).getRange(2, column(fake, '本行哈希')).getValue()), rows: 1 });
  head.write = () => {
    throw new Error('Service invoked too many times: properties');
  };
  const cs = openCaseSheet(ctx.ss, ctx.forms().fields);
  const caseRow = readRow(cs.sheet, cs.map, 2);
  const status = records(fake, '案件')[0]['状态'];
  expect(() =>
    commitCaseWithAudit(commitTarget(ctx.ss, cs, { digest: sha256Hex, head }), { kind: 'update', before: caseRow, changes: { status: '公示中' } }, [
      line('H0100001'),
    ]),
  ).toThrow('properties');
  expect(logRows(fake)).toBe(1);
  expect(records(fake, '案件')[0]['状态']).toBe(status);
  expect(verify(fake, head)).toMatchObject({ ok: true });
});

test('a log without the hash columns refuses to append unchained lines, in Chinese', () => {
  const fake = newWorkbook();
  const sheet = log(fake);
  // An old workbook's log: no hash columns in the header.
  sheet.getRange(1, column(fake, '前一哈希'), 1, 2).setValues([['', '']]);
  as(fake, 'staff');
  const r = saveCase({ requestId: rid('new'), values: wangXiuying() });
  expect(r.ok).toBe(false);
  expect(r.ok === false && r.message).toContain('缺少列：前一哈希、本行哈希');
  expect(records(fake, '案件')).toEqual([]);
});
