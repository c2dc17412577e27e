import {
  annualReviewDeadline,
  compileDeadlines,
  deadlineRowsToTable,
  dueDate,
  inQuarterlyWindow,
  isDueSoon,
  isOverdue,
  movedDeadlineRows,
  noticeEnd,
  parseDeadlineTable,
  quarterlyWindow,
  recomputeDeadline,
} from '../../../src/domain/workflow/deadlines';
import { DEFAULT_DEADLINE_ROWS, defaultDeadlineTable } from '../../../src/defaults/deadlines';
import { aCase, calendar, noticeStage, rules } from './fixtures';

describe('due dates in working days', () => {
  it('review: 3 working days after Tue 2025-09-30 is the adjusted working Saturday 2025-10-11 (SPEC §8)', () => {
    expect(dueDate(aCase({ submitted_at: '2025-09-30' }), calendar, rules)).toBe('2025-10-11');
  });

  it('review across the 2026 Spring Festival: Fri 2026-02-13 → Sat 14 (worked), Tue 24, Wed 25', () => {
    expect(dueDate(aCase({ submitted_at: '2026-02-13' }), calendar, rules)).toBe('2026-02-25');
  });

  it('review over New Year 2026: Wed 2025-12-31 → Sun Jan 4 (worked), Mon 5, Tue 6', () => {
    expect(dueDate(aCase({ submitted_at: '2025-12-31' }), calendar, rules)).toBe('2026-01-06');
  });

  it('emergency review is due the same day, holiday or not', () => {
    expect(dueDate(aCase({ emergency: '是', submitted_at: '2026-02-17' }), calendar, rules)).toBe('2026-02-17');
  });

  it('reads the submission date from a Date cell', () => {
    expect(dueDate(aCase({ submitted_at: new Date(2025, 8, 30) }), calendar, rules)).toBe('2025-10-11');
  });

  it('notice: 5 full working days after the posting day, to be handed over on the next working day', () => {
    expect(noticeEnd('2026-02-11', calendar, noticeStage)).toBe('2026-02-25'); // Thu 12, Fri 13, Sat 14, Tue 24, Wed 25
    const c = aCase({ status: 'notice', notice_start: '2026-02-11', notice_end: '2026-02-25' });
    expect(dueDate(c, calendar, rules)).toBe('2026-02-26');
    // A notice ending on Fri 2026-02-13 is handed over on Sat 14, an adjusted working day.
    expect(dueDate({ ...c, notice_end: '2026-02-13' }, calendar, rules)).toBe('2026-02-14');
  });

  it("the county's 初审: 7 working days from the hand-over, not from the end of the notice (SPEC §2)", () => {
    // The notice ended on Wed 2026-11-11, the reviewer handed the case over on Tue 2026-12-01:
    // Dec 2, 3, 4, 7, 8, 9, 10.
    const c = aCase({ status: 'approval', notice_start: '2026-11-04', notice_end: '2026-11-11', stage_since: '2026-12-01' });
    expect(dueDate(c, calendar, rules)).toBe('2026-12-10');
    expect(recomputeDeadline(c, '2026-12-01', calendar, rules)).toEqual({ due_date: '2026-12-10', overdue: false });
  });

  it('approval across 调休: handed over Fri 2026-02-13 → Sat 14 (worked), Tue 24 … Sat 28 (worked), Mon 2 March', () => {
    const c = aCase({ status: 'approval', notice_end: '2026-02-06', stage_since: '2026-02-13' });
    expect(dueDate(c, calendar, rules)).toBe('2026-03-02');
  });

  it('approval across the 2025 National Day: handed over Tue 2025-09-30 → Thu 9, Fri 10, Sat 11 (worked), Mon 13 … Thu 16 October', () => {
    const c = aCase({ status: 'approval', notice_end: '2025-09-26', stage_since: '2025-09-30' });
    expect(dueDate(c, calendar, rules)).toBe('2025-10-16');
  });

  it('a case from before the hand-over date was kept counts from the end of the notice', () => {
    const c = aCase({ status: 'approval', notice_start: '2026-02-11', notice_end: '2026-02-25' });
    // Thu 26, Fri 27, Sat 28 (worked), Mon 2 … Thu 5 March
    expect(dueDate(c, calendar, rules)).toBe('2026-03-05');
  });

  it("no clock at the city's approval: seed 001 names no deadline for it", () => {
    const c = aCase({ status: 'approval', stage: '市总审批', notice_end: '2026-11-11', stage_since: '2026-12-01' });
    expect(dueDate(c, calendar, rules)).toBeNull();
    expect(recomputeDeadline(c, '2027-06-01', calendar, rules)).toEqual({ due_date: '', overdue: false });
  });

  it('no clock for returned, approved, filed and exited cases, or without the start date', () => {
    for (const status of ['returned', 'approved', 'filed', 'exited']) expect(dueDate(aCase({ status }), calendar, rules)).toBeNull();
    expect(dueDate(aCase({ submitted_at: '' }), calendar, rules)).toBeNull();
  });

  it('a year whose holidays are missing is an error, never a guess', () => {
    expect(() => dueDate(aCase({ submitted_at: '2027-03-01' }), calendar, rules)).toThrow(/2027/);
  });
});

describe('overdue and due soon', () => {
  const c = aCase({ due_date: '2025-10-11' });

  it('is overdue only after the due day', () => {
    expect(isOverdue(c, '2025-10-11')).toBe(false);
    expect(isOverdue(c, '2025-10-12')).toBe(true);
  });

  it('is never overdue when the clock is stopped or the case is done', () => {
    expect(isOverdue({ ...c, status: 'returned' }, '2025-12-01')).toBe(false);
    expect(isOverdue({ ...c, status: 'filed' }, '2025-12-01')).toBe(false);
  });

  it('is due soon when due today or by the next working day', () => {
    expect(isDueSoon(c, '2025-10-10', calendar)).toBe(true); // Fri → next working day is Sat 11
    expect(isDueSoon(c, '2025-10-11', calendar)).toBe(true);
    expect(isDueSoon(c, '2025-10-08', calendar)).toBe(false); // next working day is Thu 9
    expect(isDueSoon(c, '2025-10-12', calendar)).toBe(false); // already overdue
  });

  it('recomputes the two columns the daily check writes', () => {
    expect(recomputeDeadline(aCase(), '2025-10-13', calendar, rules)).toEqual({ due_date: '2025-10-11', overdue: true });
    expect(recomputeDeadline(aCase({ status: 'returned' }), '2025-10-13', calendar, rules)).toEqual({ due_date: '', overdue: false });
  });

  // Its speed is the bench case deadlines_recompute_20k (npm run bench).
  it('recomputes 20,000 cases for the daily trigger: each gets a due date, those past it are overdue', () => {
    const cases = Array.from({ length: 20_000 }, (_, i) =>
      aCase({ submitted_at: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, emergency: i % 10 === 0 ? '是' : '否' }),
    );
    const out = cases.map((c) => recomputeDeadline(c, '2025-10-13', calendar, rules));
    expect(out.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(String(r.due_date)))).toBe(true);
    expect(out.every((r) => r.overdue === String(r.due_date) < '2025-10-13')).toBe(true);
    const overdue = out.filter((r) => r.overdue).length;
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(cases.length); // cases submitted after 13 October are not due yet
  });
});

describe('calendar-year deadlines', () => {
  it('quarterly statistics: the first 7 working days of Q4 2025 end on Thu 2025-10-16', () => {
    expect(quarterlyWindow('2025-10-05', calendar, rules)).toEqual({ quarter: '2025-Q4', start: '2025-10-01', end: '2025-10-16' });
    expect(inQuarterlyWindow('2025-10-16', calendar, rules)).toBe(true);
    expect(inQuarterlyWindow('2025-10-17', calendar, rules)).toBe(false);
  });

  it('Q1 2026 counts Sunday 4 January, an adjusted working day', () => {
    expect(quarterlyWindow('2026-01-02', calendar, rules).end).toBe('2026-01-12');
  });

  it('annual re-review by 30 April', () => {
    expect(annualReviewDeadline(2026, rules)).toBe('2026-04-30');
  });
});

describe('the calendar-year deadline rules are data with effective dates', () => {
  it('every default names its source by the document title of the Hebei opinions', () => {
    for (const r of DEFAULT_DEADLINE_ROWS) expect(r.source).toMatch(/^《关于进一步做好困难职工帮扶工作的意见》（河北省）/);
  });

  it('round-trips through the sheet', () => {
    const table = defaultDeadlineTable();
    expect(table[0]).toEqual(['环节', '工作日', '生效日期', '失效日期', '依据']);
    expect(parseDeadlineTable(table)).toEqual({ byStep: rules.byStep });
  });

  it('reads the re-review date from a Date cell (Sheets turns 04-30 into a date)', () => {
    const table: unknown[][] = deadlineRowsToTable(DEFAULT_DEADLINE_ROWS);
    table.find((r) => r[0] === '年度复审')![1] = new Date(2026, 4, 31);
    expect(annualReviewDeadline(2027, parseDeadlineTable(table))).toBe('2027-05-31');
  });

  it('refuses overlapping periods, unknown steps and bad numbers, naming the row', () => {
    const overlapping = [...DEFAULT_DEADLINE_ROWS, { ...DEFAULT_DEADLINE_ROWS[0], from: '2026-01-01', workdays: 6 }];
    expect(() => compileDeadlines(overlapping)).toThrow('期限表有误：“季度统计上报”的生效期间重叠（2006-01-01 起与 2026-01-01 起）');
    const table: unknown[][] = deadlineRowsToTable(DEFAULT_DEADLINE_ROWS);
    table.push(['复查', 3, '2026-01-01', '', '']);
    table.push(['季度统计上报', '七', '2026-01-01', '', '']);
    expect(() => parseDeadlineTable(table)).toThrow('第 4 行“环节”列：未知环节“复查”；第 5 行“工作日”列：应为不小于 0 的整数');
  });

  it('skips the rows of stages whose deadlines moved to 审批流程, and names them', () => {
    const table: unknown[][] = [...deadlineRowsToTable(DEFAULT_DEADLINE_ROWS), ['审核', 2, '2006-01-01', '', ''], ['公示', 7, '2006-01-01', '', '']];
    expect(parseDeadlineTable(table)).toEqual({ byStep: rules.byStep });
    expect(movedDeadlineRows(table)).toEqual([
      { step: 'review', workdays: 2, from: '2006-01-01', row: 4 },
      { step: 'notice', workdays: 7, from: '2006-01-01', row: 5 },
    ]);
  });

  it('refuses a table missing a step, and a case no chain covers', () => {
    expect(() => compileDeadlines(DEFAULT_DEADLINE_ROWS.filter((r) => r.step !== 'annual_review'))).toThrow('缺少“年度复审”期限');
    expect(() => dueDate(aCase({ submitted_at: '2005-06-01' }), calendar, rules)).toThrow('没有在 2005-06-01 生效并启用的审批流程');
  });
});
