/**
 * The payment ledger (发放记录) through the workflow: one family paid three times over two
 * years. Each payment is its own row written with the case change and its log line; the
 * 2026 forms count only the 2026 payments; the family's history shows all three.
 */
import { setNow } from '../../src/server/clock';
import { saveCase, getIntakeForm } from '../../src/server/intake';
import { getReviewQueue, reviewAction } from '../../src/server/review';
import { runReports } from '../../src/server/rollup';
import { setupSpreadsheet } from '../../src/server/setup';
import { readPayment, indexLedgerHeader } from '../../src/domain/ledger';
import { as, newWorkbook, records, rid, sheet, wangXiuying, OWNER, type Fake } from '../server/fixtures';

afterAll(() => setNow(null));

const version = (fake: Fake, no: string) => Number(records(fake, '案件').find((r) => r['职工编号'] === no)!['版本']);
function act(fake: Fake, no: string, action: Parameters<typeof reviewAction>[0]['action'], extra: Partial<Parameters<typeof reviewAction>[0]> = {}) {
  const r = reviewAction({ requestId: rid(action), workerNo: no, action, version: version(fake, no), ...extra });
  if (!r.ok) throw new Error(r.message);
  return r;
}
const item = (values: unknown[][], key: string) => values.find((r) => r[5] === key)![2];

test('three payments in two years: each its own ledger row and log line; the 2026 forms count the 2026 ones; the history shows all', () => {
  const fake = newWorkbook('2025-10-09');
  as(fake, 'staff');
  // 王秀英's husband on dialysis: an emergency, paid first by the county's assistance centre.
  const saved = saveCase({ requestId: rid('new'), values: wangXiuying({ emergency: '是' }) });
  expect(saved.ok).toBe(true);
  const no = (saved as { workerNo: string }).workerNo;
  as(fake, 'county');
  act(fake, no, 'mark_paid', { amount: 1600 });
  // Then the steps are completed: review, notice, 初审, approval, filing (no second payment at filing).
  as(fake, 'reviewer');
  act(fake, no, 'pass');
  setNow('2025-10-20');
  act(fake, no, 'end_notice');
  as(fake, 'county');
  act(fake, no, 'prelim');
  as(fake, 'city');
  act(fake, no, 'approve', { amount: 1600 });
  act(fake, no, 'file');
  // 2026: the Spring Festival grant, and the year's one month of 生活救助 in vouchers.
  setNow('2026-01-20');
  act(fake, no, 'pay', { amount: 3000, period: '2026年元旦春节送温暖', form: '卡' });
  setNow('2026-06-10');
  as(fake, 'county');
  act(fake, no, 'pay', { amount: 550, form: '券' });

  const ledger = sheet(fake, '发放记录').getDataRange().getValues();
  const h = indexLedgerHeader(ledger[0]);
  const payments = ledger
    .slice(1)
    .map((r, i) => readPayment('发放记录', i + 2, r, h))
    .map((r) => (r.ok === true ? r.payment : null));
  expect(payments.map((p) => [p!.paidOn, p!.amountFen, p!.form, p!.emergency])).toEqual([
    ['2025-10-09', 160_000, '卡', true],
    ['2026-01-20', 300_000, '卡', false],
    ['2026-06-10', 55_000, '券', false],
  ]);
  expect(payments[1]!.period).toBe('2026年元旦春节送温暖');
  const log = records(fake, '操作日志')
    .filter((r) => r['职工编号'] === no)
    .map((r) => r['操作']);
  expect(log.filter((a) => a === '先行救助发放' || a === '发放救助')).toHaveLength(3);

  // The family's history, as the intake sidebar shows it to the people editing the case.
  const form = getIntakeForm(no);
  expect(form.history!.map((p) => [p.paidOn, p.amount])).toEqual([
    ['2025-10-09', 1600],
    ['2026-01-20', 3000],
    ['2026-06-10', 550],
  ]);

  // And on the province's review card of the filed case (waiting for its spot-check).
  as(fake, 'province');
  expect(
    getReviewQueue()
      .items.find((i) => i.workerNo === no)!
      .history!.map((p) => p.amount),
  ).toEqual([1600, 3000, 550]);

  // The 2026 reports: 3,550 yuan in two payments, two person-times; the 2025 payment is not in them.
  setNow('2026-11-23');
  as(fake, 'city');
  runReports();
  const centre = sheet(fake, '困难职工帮扶中心统计表').getDataRange().getValues();
  expect(item(centre, 'c8a1')).toBe(2);
  expect(item(centre, 'c8a2')).toBe(0.355);
  expect(String(centre[1][2])).toContain('2026年度');
  const realName = sheet(fake, '实名制汇总表').getDataRange().getValues();
  expect(realName.find((r) => r[1] === '王秀英')![8]).toBe(3550);
});

test('setup moves the paid amounts of a workbook from before the ledger into it, once, and says so', () => {
  const fake = newWorkbook('2025-10-09');
  as(fake, 'staff');
  const saved = saveCase({ requestId: rid('new'), values: wangXiuying({ emergency: '是' }) });
  const no = (saved as { workerNo: string }).workerNo;
  as(fake, 'county');
  act(fake, no, 'mark_paid', { amount: 1600 });
  // An old workbook: no 发放记录 yet, only the amount on the case row.
  fake.spreadsheet.deleteSheet(fake.spreadsheet.getSheetByName('发放记录')!);
  fake.setUser(OWNER);
  const report = setupSpreadsheet() as unknown as { repaired?: string[]; message?: string };
  expect(JSON.stringify(report)).toContain('从“案件”迁入 1 笔发放到“发放记录”');
  expect(records(fake, '发放记录')).toHaveLength(1);
  expect(records(fake, '发放记录')[0]['发放金额（元）']).toBe(1600);
  setupSpreadsheet();
  expect(records(fake, '发放记录')).toHaveLength(1);
});

test('a payment waits for approval: 发放救助 on a case still in review is refused and nothing is written', () => {
  const fake = newWorkbook('2025-10-09');
  as(fake, 'staff');
  const no = (saveCase({ requestId: rid('new'), values: wangXiuying() }) as { workerNo: string }).workerNo;
  as(fake, 'county');
  const r = reviewAction({ requestId: rid('pay'), workerNo: no, action: 'pay', version: version(fake, no), amount: 3000 });
  expect(r).toMatchObject({ ok: false, message: '案件当前状态为“待审核”，不能“发放救助”' });
  expect(records(fake, '发放记录')).toHaveLength(0);
});
