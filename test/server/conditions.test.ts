/**
 * Where a person decides: the intake preview warns, the workbench asks for a reason, and an
 * approval of a case that fails its scheme's conditions is refused without one and logged with it.
 */
import { setNow } from '../../src/server/clock';
import { previewCase, saveCase } from '../../src/server/intake';
import { getReviewQueue, reviewAction } from '../../src/server/review';
import { as, newWorkbook, records, rid, wangXiuying, type Fake } from './fixtures';

afterAll(() => setNow(null));

const version = (fake: Fake, no: string) => Number(records(fake, '案件').find((r) => r['职工编号'] === no)!['版本']);

test('a medical case whose self-pay is below the household income: warned at intake, approved only with a reason, which the log keeps', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'staff');
  // 24,000 a year for three: a self-pay of 20,000 does not exceed it (河北 001 §10).
  const values = wangXiuying({ household_income: 24_000 });
  expect(previewCase(values).warnings).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ code: 'conditions', message: '救助条件：不符合“年医疗自付超过家庭年收入”；审批时须说明理由', needsOverride: false }),
    ]),
  );
  const no = (saveCase({ requestId: rid('new'), values }) as { workerNo: string }).workerNo;
  as(fake, 'reviewer');
  expect(reviewAction({ requestId: rid('pass'), workerNo: no, action: 'pass', version: version(fake, no) }).ok).toBe(true);
  setNow('2025-10-17');
  expect(reviewAction({ requestId: rid('end'), workerNo: no, action: 'end_notice', version: version(fake, no) }).ok).toBe(true);

  as(fake, 'county');
  expect(reviewAction({ requestId: rid('prelim'), workerNo: no, action: 'prelim', version: version(fake, no) }).ok).toBe(true);
  as(fake, 'city');
  const item = getReviewQueue().items.find((i) => i.workerNo === no)!;
  expect(item.actions.find((a) => a.key === 'approve')!.needsReason).toBe(true);
  expect(item.summary).toContainEqual({ label: '救助条件', value: '不符合“年医疗自付超过家庭年收入”' });
  const refused = reviewAction({ requestId: rid('approve'), workerNo: no, action: 'approve', version: version(fake, no) });
  expect(refused).toEqual({ ok: false, message: '该案件不符合“年医疗自付超过家庭年收入”，如确需审批，请填写原因' });
  expect(records(fake, '案件').find((r) => r['职工编号'] === no)!['状态']).toBe('待审批');

  const ok = reviewAction({ requestId: rid('approve'), workerNo: no, action: 'approve', version: version(fake, no), reason: '丈夫长期透析，市总工会研究同意' });
  expect(ok.ok).toBe(true);
  const log = records(fake, '操作日志').filter((r) => r['职工编号'] === no);
  expect(log[log.length - 1]).toMatchObject({ 操作: '审批通过', 原因: '不符合“年医疗自付超过家庭年收入”，审批原因：丈夫长期透析，市总工会研究同意' });
});
