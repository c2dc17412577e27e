/**
 * Two people saving at once: the writer's script lock makes the second wait (here: time
 * out and get the zh retry message), nothing is lost or numbered twice, a retry with the
 * same request id makes no second row, and a failed log write leaves no half-saved case.
 */
import { setNow } from '../../src/server/clock';
import { saveCase } from '../../src/server/intake';
import { reviewAction } from '../../src/server/review';
import type { SaveCaseResult } from '../../src/shared/endpoints';
import { installGlobals } from '../../harness/gas';
import { as, liMing, newWorkbook, people, records, rid, sheet, wangXiuying, writerOf, type Fake } from './fixtures';

afterAll(() => setNow(null));

/**
 * Runs `during` once, inside the writer's next SpreadsheetApp.flush (i.e. while the saver
 * still holds the writer's lock), as another person's click in the client: the client's
 * services as the globals for that call, the writer's again after it.
 */
function interleaveAtFlush(fake: Fake, during: () => void): void {
  const app = writerOf(fake).SpreadsheetApp as unknown as { flush: () => void };
  const flush = app.flush;
  app.flush = () => {
    app.flush = flush;
    const writerGlobals = { SpreadsheetApp: globalThis.SpreadsheetApp };
    installGlobals(globalThis, fake);
    try {
      during();
    } finally {
      installGlobals(globalThis, writerOf(fake));
    }
    expect(globalThis.SpreadsheetApp).toBe(writerGlobals.SpreadsheetApp);
    flush.call(app);
  };
}

test('a save that comes in while another holds the lock is told to retry, and the retry gets the next number', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'staff');
  const second = { requestId: rid('b'), values: liMing() };
  let during: SaveCaseResult | null = null;
  interleaveAtFlush(fake, () => {
    during = fake.runAs(people.staff2.email, () => saveCase(second));
  });
  const first = saveCase({ requestId: rid('a'), values: wangXiuying() });
  expect(first).toMatchObject({ ok: true, workerNo: 'H0100001' });
  expect(during).toMatchObject({ ok: false, message: '有其他人正在保存，请稍后重试' });
  expect(records(fake, '案件').map((r) => r['职工编号'])).toEqual(['H0100001']);

  // The page retries with the same request id once the first save is done.
  const retry = fake.runAs(people.staff2.email, () => saveCase(second));
  expect(retry).toMatchObject({ ok: true, workerNo: 'H0100002' });
  const cases = records(fake, '案件');
  expect(cases.map((r) => [r['职工编号'], r['姓名'], r['录入人']])).toEqual([
    ['H0100001', '王秀英', people.staff.email],
    ['H0100002', '李明', people.staff2.email],
  ]);
  expect(records(fake, '操作日志').map((r) => r['职工编号'])).toEqual(['H0100001', 'H0100002']);
});

test('the same request id twice makes one row, also when the cache has forgotten it', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'staff');
  const req = { requestId: rid('same'), values: wangXiuying() };
  const a = saveCase(req);
  const b = saveCase(req);
  expect(b).toEqual(a);
  // The writer's cache forgets (CacheService evicts): its ledger and the 案件 request_id column still know.
  writerOf(fake).CacheService.getScriptCache().remove(`bangfu:req:${people.staff.email}:${req.requestId}`);
  const c = saveCase(req);
  expect(c).toMatchObject({ ok: true, workerNo: 'H0100001', created: true });
  expect(records(fake, '案件')).toHaveLength(1);
  expect(records(fake, '操作日志')).toHaveLength(1);
});

test('when the log cannot be written, the case row is not left behind and the lock is released', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'staff');
  const audit = sheet(fake, '操作日志') as unknown as { getRange: (...a: number[]) => { setValues: (v: unknown) => unknown } };
  const getRange = audit.getRange;
  audit.getRange = function (this: unknown, ...a: number[]) {
    const range = getRange.apply(this, a);
    if (a[0] > 1)
      range.setValues = () => {
        throw new Error('Service Spreadsheets failed while accessing document');
      };
    return range;
  };
  // The person reads a zh reason, never the raw Sheets message; the detail goes to the writer's execution log.
  const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const failed = saveCase({ requestId: rid(), values: wangXiuying() });
  expect(log).toHaveBeenCalledWith(expect.stringContaining('Service Spreadsheets failed'));
  log.mockRestore();
  expect(failed).toMatchObject({ ok: false, message: expect.stringContaining('写入服务处理失败，未完成本次操作') });
  expect(failed.message).not.toContain('Service Spreadsheets');
  audit.getRange = getRange;
  expect(records(fake, '案件')).toHaveLength(0);
  expect(records(fake, '操作日志')).toHaveLength(0);
  // The lock was released: the next save goes through and takes the first number.
  expect(saveCase({ requestId: rid(), values: wangXiuying() })).toMatchObject({ ok: true, workerNo: 'H0100001' });
});

test('a review action sent twice with one request id is done once and logged once', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'staff');
  expect(saveCase({ requestId: rid(), values: wangXiuying() }).ok).toBe(true);
  setNow('2025-10-09');
  as(fake, 'reviewer');
  const req = { requestId: rid('pass'), workerNo: 'H0100001', action: 'pass' as const, version: 1 };
  const first = reviewAction(req);
  expect(first).toMatchObject({ ok: true, status: 'notice' });
  expect(reviewAction(req)).toEqual(first);
  // Without the cache the row's request id still recognises the retry (its version 1 is stale by now).
  CacheService.getDocumentCache()!.remove(`bangfu:req:${req.requestId}`);
  expect(reviewAction(req)).toMatchObject({ ok: true, status: 'notice' });
  expect(records(fake, '操作日志').map((r) => r['操作'])).toEqual(['新增案件', '审核通过']);
  expect(records(fake, '案件')[0]['版本']).toBe(2);
});
