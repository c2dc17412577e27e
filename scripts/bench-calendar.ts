/**
 * Calendar bench cases (scripts/bench.ts runs every export whose name starts with "bench"):
 * the working-day index over published and provisional years. Targets from issue 10:
 * WORKDAY_CN over 10,000 dates ≤ 50 ms; the deadlines of 20,000 open cases ≤ 1 s.
 */
import { performance } from 'node:perf_hooks';
import { builtInCalendar } from '../src/defaults/calendar';
import { defaultWorkflowRules } from '../src/defaults/chains';
import { addDays } from '../src/domain/civilDate';
import { provisionalYearsOf, recomputeDeadline } from '../src/domain/workflow/deadlines';
import type { CaseRecord } from '../src/domain/caseModel';

/** 20,000 open cases submitted or in notice across 2025–2027, the deadline and its 暂定 years each. */
export function benchCalendarDeadlines20k(): Record<string, unknown> {
  const rules = defaultWorkflowRules();
  const cases: CaseRecord[] = [];
  for (let i = 0; i < 20_000; i++) {
    const d = addDays('2025-01-01', i % 1000);
    cases.push(
      (i % 3 === 0
        ? { worker_no: `H02${i}`, status: '公示中', notice_end: d, emergency: '否' }
        : { worker_no: `H02${i}`, status: '待审核', submitted_at: d, emergency: i % 10 === 0 ? '是' : '否' }) as unknown as CaseRecord,
    );
  }
  const t0 = performance.now();
  const cal = builtInCalendar(); // built inside the timing: a daily run builds its calendar once
  let provisional = 0;
  for (const c of cases) {
    const r = recomputeDeadline(c, '2026-12-01', cal, rules);
    if (provisionalYearsOf(c, r.due_date, cal, rules.chains).length > 0) provisional++;
  }
  const ms = performance.now() - t0;
  if (provisional === 0) throw new Error('expected provisional deadlines in 2027');
  return { case: 'calendar_deadlines_20k', rows: cases.length, ms: +ms.toFixed(1), provisional, target_ms: 1000 };
}
