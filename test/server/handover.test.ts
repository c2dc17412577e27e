/**
 * The county's time counts from the day the case reaches it (SPEC §2), through the
 * endpoints and the daily check, on the real 2026 calendar.
 */
import { setNow } from '../../src/server/clock';
import { saveCase } from '../../src/server/intake';
import { reviewAction } from '../../src/server/review';
import { runDeadlineCheck } from '../../src/server/triggers';
import { as, day, newWorkbook, records, rid, wangXiuying, writerJob, type Fake } from './fixtures';

afterAll(() => setNow(null));

function caseRow(fake: Fake): Record<string, unknown> {
  return records(fake, '案件')[0];
}

function act(fake: Fake, action: 'pass' | 'end_notice') {
  return reviewAction({ requestId: rid(action), workerNo: 'H0100001', action, version: Number(caseRow(fake)['版本']) });
}

test('a notice ended late on 12-01 gives the county 7 working days from 12-01, also after the daily check', () => {
  const fake = newWorkbook('2026-11-03');
  as(fake, 'staff');
  expect(saveCase({ requestId: rid(), values: wangXiuying() }).ok).toBe(true);
  expect(day(caseRow(fake)['进入本环节日期'])).toBe('2026-11-03');

  setNow('2026-11-04');
  as(fake, 'reviewer');
  expect(act(fake, 'pass').ok).toBe(true);
  // Notice Thu 5 … Wed 11 November; due for hand-over on Thu 12.
  expect(day(caseRow(fake)['公示结束'])).toBe('2026-11-11');
  expect(day(caseRow(fake)['截止日期'])).toBe('2026-11-12');

  // Handed over three weeks late, on Tue 1 December: Dec 2, 3, 4, 7, 8, 9, 10.
  setNow('2026-12-01');
  expect(act(fake, 'end_notice').ok).toBe(true);
  let row = caseRow(fake);
  expect(row['状态']).toBe('待审批');
  expect(day(row['进入本环节日期'])).toBe('2026-12-01');
  expect(day(row['截止日期'])).toBe('2026-12-10');
  expect(row['逾期']).toBe(false);

  // The daily check (in the writer) recomputes from the same hand-over date, not from the end of the notice.
  setNow('2026-12-02');
  expect(writerJob(fake, runDeadlineCheck)).toMatchObject({ open: 1, overdue: 0 });
  row = caseRow(fake);
  expect(day(row['截止日期'])).toBe('2026-12-10');
  expect(row['逾期']).toBe(false);

  setNow('2026-12-11');
  expect(writerJob(fake, runDeadlineCheck)).toMatchObject({ open: 1, overdue: 1 });
  expect(caseRow(fake)['逾期']).toBe(true);
});
