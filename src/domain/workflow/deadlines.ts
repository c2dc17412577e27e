/**
 * Deadlines in Chinese working days (SPEC §2). The numbers are policy data with effective
 * dates, never constants here: each stage's deadline is a column of the approval chain
 * (审批流程, chain.ts), the calendar-year ones (quarterly statistics, the annual re-review)
 * rows of the 设置 sheet's 期限 table (src/defaults/deadlines.ts). Working days come from an
 * injected calendar (src/domain/calendar.ts WorkCalendar), which follows the State Council
 * schedule including adjusted working days.
 *
 * Precise meanings (Civil Code art. 201: the day a period starts is not counted):
 * - a stage with n working days is due `addWorkdays(start, n)`, the n-th working day after
 *   the day the case reached it (`stage_since`, set by every move, transitions.ts); the
 *   emergency deadline applies to cases flagged 紧急. n = 0 → the start day itself, even a
 *   holiday ("紧急情况当日完成审核"). A blank deadline = no clock (001's 审批 names none).
 * - the first review counts from 提交日期 (submitted_at), the day the application came in.
 * - notice (公示): posted on notice_start (the day the review passes). notice_end =
 *   `addWorkdays(notice_start, n)`, the n-th full working day of notice after the posting
 *   day, n the stage's 期限. When notice_end is over, at least n working days have elapsed:
 *   the notice may be ended from the day after notice_end, and is due to be ended and
 *   handed over on the first working day after it.
 * - the stage after the notice: a row from before stage_since existed has no hand-over
 *   date; its clock runs from notice_end, the earliest possible hand-over (SPEC §2: the
 *   county's 7 working days run "from the report").
 * - returned: the clock stops (no due date); resubmission starts the review clock again.
 * - filed / exited: no working-day deadline (the annual re-review by 30 April is tracked apart).
 */
import { isDate } from '../civilDate';
import * as z from 'zod/mini';
import { BangfuError } from '../errors';
import { addDays, coerceCivil, isValidYmd, ymd, type CivilDate } from '../civilDate';
import type { CaseRecord } from '../caseModel';
import { textOf } from '../forms/values';
import { caseDate, caseStatus, isEmergency, OPEN_STATUSES } from './actions';
import { chainOf, currentStage, type ChainBook, type Stage } from './chain';
import { DEADLINE_COLUMNS, DEADLINE_HEADER } from '../layouts/settings';

/** What deadlines need from a calendar (WorkCalendar in src/domain/calendar.ts has it). */
export interface WorkdayCalendar {
  /** Like Sheets' WORKDAY: n > 0 → the n-th working day after start; n = 0 → start itself. */
  addWorkdays(start: CivilDate, n: number): CivilDate;
  isWorkday(d: CivilDate): boolean;
  /** Years between a and b whose days are only provisional (暂定); a calendar without them has none. */
  provisionalYearsBetween?(a: CivilDate, b: CivilDate): number[];
  /** published / provisional (暂定) / missing, for the calendar reminder. */
  yearStatus?(year: number): 'published' | 'provisional' | 'missing';
}

export const DEADLINE_STEPS = ['quarterly_stats', 'annual_review'] as const;
export const DeadlineStep = z.enum(DEADLINE_STEPS);
export type DeadlineStep = z.infer<typeof DeadlineStep>;

export const DEADLINE_STEP_LABELS: Record<DeadlineStep, { zh: string; en: string }> = {
  quarterly_stats: { zh: '季度统计上报', en: 'Quarterly statistics' },
  annual_review: { zh: '年度复审', en: 'Annual re-review' },
};

const Civil = z.string().check(z.refine((s) => coerceCivil(s) === s, { message: '日期应为 YYYY-MM-DD' }));

/** One deadline rule. effective_from/to are inclusive; `to` null = open-ended. */
export const DeadlineRowSchema = z
  .object({
    step: DeadlineStep,
    /** Working days (review, notice, approval, quarterly statistics). */
    workdays: z.nullable(z.int().check(z.gte(0), z.lte(366))),
    /** 'MM-DD' in the year of the review (annual re-review: 04-30). */
    monthDay: z.nullable(z.string().check(z.regex(/^\d{2}-\d{2}$/))),
    from: Civil,
    to: z.nullable(Civil),
    source: z.string(),
  })
  .check(
    z.refine((r) => (r.step === 'annual_review' ? r.monthDay !== null : r.workdays !== null), { message: '缺少期限数值' }),
    z.refine((r) => r.to === null || r.from <= r.to, { message: '生效日期晚于失效日期' }),
  );
export type DeadlineRow = z.infer<typeof DeadlineRowSchema>;

/** Rows grouped by step and checked. */
export interface DeadlineRules {
  readonly byStep: Readonly<Record<DeadlineStep, readonly DeadlineRow[]>>;
}

/** What the case workflow reads: the calendar-year deadlines and the approval chains (审批流程). */
export interface WorkflowRules extends DeadlineRules {
  readonly chains: ChainBook;
}

/**
 * Steps the 期限 table held before the approval chain was data (审核, 紧急审核, 公示, 审批):
 * their numbers are now the 审批流程 sheet's 期限 columns. A row of one is skipped and named
 * (settings' problems, setup's report), and setup carries its number into the chain it seeds.
 */
export type MovedStep = 'review' | 'emergency_review' | 'notice' | 'approval';
/** Each moved step as its 期限 row named it. */
export const MOVED_STEP_LABELS: Record<MovedStep, string> = { review: '审核', emergency_review: '紧急审核', notice: '公示', approval: '审批' };
/** A 期限 row's 环节 cell (the zh label or the code) → the moved step. */
export const MOVED_STEPS: Record<string, MovedStep> = Object.fromEntries(
  (Object.keys(MOVED_STEP_LABELS) as MovedStep[]).flatMap((k) => [
    [MOVED_STEP_LABELS[k], k],
    [k, k],
  ]),
);

/** The 期限 header's column of each key (zh label, key or English label), -1 when missing. */
function deadlineColumns(values: readonly unknown[][]): Record<(typeof DEADLINE_COLUMNS)[number]['key'], number> {
  const header = (values[0] ?? []).map((h) => textOf(h));
  const idx = (k: (typeof DEADLINE_COLUMNS)[number]) =>
    header.findIndex((h) => h === k.zh || h.toLowerCase() === k.key.toLowerCase() || h.toLowerCase() === k.en.toLowerCase());
  return Object.fromEntries(DEADLINE_COLUMNS.map((c) => [c.key, idx(c)])) as Record<(typeof DEADLINE_COLUMNS)[number]['key'], number>;
}

/** Checks rows (no overlapping dates within a step, every step present) and groups them. */
export function compileDeadlines(rows: readonly DeadlineRow[]): DeadlineRules {
  const byStep = Object.fromEntries(DEADLINE_STEPS.map((s) => [s, [] as DeadlineRow[]])) as Record<DeadlineStep, DeadlineRow[]>;
  for (const r of rows) byStep[r.step].push(DeadlineRowSchema.parse(r));
  const problems: string[] = [];
  const problemsEn: string[] = [];
  for (const step of DEADLINE_STEPS) {
    const list = byStep[step].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    if (list.length === 0) {
      problems.push(`缺少“${DEADLINE_STEP_LABELS[step].zh}”期限`);
      problemsEn.push(`no rule for ${step}`);
    }
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1];
      if (prev.to === null || prev.to >= list[i].from) {
        problems.push(`“${DEADLINE_STEP_LABELS[step].zh}”的生效期间重叠（${prev.from} 起与 ${list[i].from} 起）`);
        problemsEn.push(`${step} rules overlap (from ${prev.from} and from ${list[i].from})`);
      }
    }
  }
  if (problems.length > 0) throw new BangfuError('deadlines.invalid', `期限表有误：${problems.join('；')}`, `Deadline table errors: ${problemsEn.join('; ')}`);
  return { byStep };
}

/** The rule of `step` in force on `on`; a gap in the table is an error naming step and date. */
export function ruleFor(rules: DeadlineRules, step: DeadlineStep, on: CivilDate): DeadlineRow {
  const list = rules.byStep[step];
  for (let i = list.length - 1; i >= 0; i--) {
    const r = list[i];
    if (r.from <= on) {
      if (r.to === null || on <= r.to) return r;
      break;
    }
  }
  throw new BangfuError(
    'deadlines.noRule',
    `没有在 ${on} 生效的“${DEADLINE_STEP_LABELS[step].zh}”期限，请检查期限表`,
    `No ${step} deadline in force on ${on}; check the deadline table`,
  );
}

export function workdaysFor(rules: DeadlineRules, step: DeadlineStep, on: CivilDate): number {
  return ruleFor(rules, step, on).workdays ?? 0;
}

/** The stage's working days for this case: the emergency deadline when the case is flagged and one is set. */
export function stageWorkdays(stage: Stage, c: CaseRecord): number | null {
  return isEmergency(c) && stage.emergencyWorkdays !== null ? stage.emergencyWorkdays : stage.workdays;
}

/** notice_end for a notice posted on `start` lasting the notice stage's n working days. */
export function noticeEnd(start: CivilDate, calendar: WorkdayCalendar, stage: Stage): CivilDate {
  return calendar.addWorkdays(start, stage.workdays ?? 0);
}

/**
 * When the stage the case is in must be done (see the header); null when no clock runs
 * (returned, filed, exited, a stage without a deadline) or the dates it counts from are
 * missing. May throw the calendar's error when a year's holidays are not entered yet.
 */
export function dueDate(c: CaseRecord, calendar: WorkdayCalendar, rules: WorkflowRules): CivilDate | null {
  const start = clockStart(c, rules.chains);
  if (start === null) return null;
  if (start.stage.kind === 'notice') return calendar.addWorkdays(start.from, 1);
  const n = stageWorkdays(start.stage, c);
  return n === null ? null : calendar.addWorkdays(start.from, n);
}

/**
 * The stage whose clock runs and the date it counts from: the notice counts to notice_end;
 * the first review from submission; any other stage from the day the case reached it.
 */
function clockStart(c: CaseRecord, chains: ChainBook): { stage: Stage; from: CivilDate } | null {
  const status = caseStatus(c);
  if (status === null || !OPEN_STATUSES.includes(status)) return null;
  const v = chainOf(chains, c);
  const stage = currentStage(v, c);
  if (stage === null) return null;
  const from =
    stage.kind === 'notice'
      ? caseDate(c, 'notice_end')
      : stage === v.stages[0]
        ? caseDate(c, 'submitted_at')
        : (caseDate(c, 'stage_since') ?? caseDate(c, 'notice_end'));
  return from === null ? null : { stage, from };
}

function isOpen(c: CaseRecord): boolean {
  const s = caseStatus(c);
  return s !== null && OPEN_STATUSES.includes(s);
}

/** Overdue = an open case whose stored due_date is before today (due on the day itself is not late). */
export function isOverdue(c: CaseRecord, today: CivilDate): boolean {
  if (!isOpen(c)) return false;
  const due = caseDate(c, 'due_date');
  return due !== null && due < today;
}

let soonMemo: { calendar: WorkdayCalendar; today: CivilDate; limit: CivilDate } | null = null;
/** The last date that counts as "due soon" seen from today: the next working day. Memoized for the daily run. */
function dueSoonLimit(today: CivilDate, calendar: WorkdayCalendar): CivilDate {
  if (soonMemo && soonMemo.calendar === calendar && soonMemo.today === today) return soonMemo.limit;
  const limit = calendar.addWorkdays(today, 1);
  soonMemo = { calendar, today, limit };
  return limit;
}

/** Due today or by the next working day, and not yet overdue. */
export function isDueSoon(c: CaseRecord, today: CivilDate, calendar: WorkdayCalendar): boolean {
  if (!isOpen(c)) return false;
  const due = caseDate(c, 'due_date');
  return due !== null && due >= today && due <= dueSoonLimit(today, calendar);
}

/** The two columns the daily check rewrites: due_date ('' when no clock runs) and overdue. */
export function recomputeDeadline(
  c: CaseRecord,
  today: CivilDate,
  calendar: WorkdayCalendar,
  rules: WorkflowRules,
): { due_date: CivilDate | ''; overdue: boolean } {
  const due = dueDate(c, calendar, rules);
  return { due_date: due ?? '', overdue: due !== null && isOpen(c) && due < today };
}

/**
 * The years a due date was counted through whose holidays are only the law's (暂定): the
 * due-date cell's note says so until the real schedule is entered. [] for a settled date.
 */
export function provisionalYearsOf(c: CaseRecord, due: CivilDate | '' | null, calendar: WorkdayCalendar, chains: ChainBook): number[] {
  const from = clockStart(c, chains)?.from ?? null;
  return due && from !== null && calendar.provisionalYearsBetween ? calendar.provisionalYearsBetween(from, due) : [];
}

/** The due-date cell's note: '' for a settled date, else which years are 暂定 and why. */
export function provisionalDueNote(years: readonly number[]): string {
  if (years.length === 0) return '';
  const y = years.map((n) => `${n}年`).join('、');
  return `暂定：${y}的节假日安排尚未公布，按《全国年节及纪念日放假办法》的法定假日推算；录入正式安排（帮扶 → 管理 → 导入节假日通知）后将重新计算。`;
}

// ── calendar-year deadlines ──────────────────────────────────────────────────────

/** The quarter `date` is in and its reporting window: the first n working days of the quarter (seed 001 §4). */
export function quarterlyWindow(date: CivilDate, calendar: WorkdayCalendar, rules: DeadlineRules): { quarter: string; start: CivilDate; end: CivilDate } {
  const y = +date.slice(0, 4);
  const q = Math.floor((+date.slice(5, 7) - 1) / 3);
  const start = ymd(y, q * 3 + 1, 1);
  // addWorkdays from the day before: a working 1st counts as day 1.
  const end = calendar.addWorkdays(addDays(start, -1), workdaysFor(rules, 'quarterly_stats', start));
  return { quarter: `${y}-Q${q + 1}`, start, end };
}

export function inQuarterlyWindow(today: CivilDate, calendar: WorkdayCalendar, rules: DeadlineRules): boolean {
  const w = quarterlyWindow(today, calendar, rules);
  return today >= w.start && today <= w.end;
}

/** The date by which every active case must be re-reviewed in `year` (seed 001 §5: 每年4月底). */
export function annualReviewDeadline(year: number, rules: DeadlineRules): CivilDate {
  const md = ruleFor(rules, 'annual_review', ymd(year, 1, 1)).monthDay!;
  return `${String(year).padStart(4, '0')}-${md}`;
}

// ── the sheet ────────────────────────────────────────────────────────────────────

export { DEADLINE_COLUMNS, DEADLINE_HEADER } from '../layouts/settings';

function parseStep(v: unknown): DeadlineStep | null {
  const s = textOf(v);
  return (
    DEADLINE_STEPS.find((k) => k === s.toLowerCase() || DEADLINE_STEP_LABELS[k].zh === s || DEADLINE_STEP_LABELS[k].en.toLowerCase() === s.toLowerCase()) ??
    null
  );
}

/** '04-30', '4-30', '4月30日' or a Date cell (Sheets turns 04-30 into a date) → 'MM-DD'. */
function parseMonthDay(v: unknown): string | null {
  if (isDate(v)) {
    const c = coerceCivil(v);
    return c ? c.slice(5) : null;
  }
  const m = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(textOf(v));
  if (!m || !isValidYmd(2000, +m[1], +m[2])) return null;
  return `${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
}

/**
 * The 期限 range (header first) → checked rules. Each bad cell is reported with its row and
 * column; all problems are thrown together.
 */
export function parseDeadlineTable(values: unknown[][]): DeadlineRules {
  const at = deadlineColumns(values);
  const missing = DEADLINE_COLUMNS.filter((c) => c.key !== 'to' && c.key !== 'source' && at[c.key] < 0).map((c) => c.zh);
  if (missing.length > 0)
    throw new BangfuError('deadlines.header', `期限表表头缺少列：${missing.join('、')}`, `Deadline table header lacks: ${missing.join(', ')}`);

  const rows: DeadlineRow[] = [];
  const problems: string[] = [];
  const problemsEn: string[] = [];
  values.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => textOf(c) === '')) return;
    const fail = (column: string, zh: string, en: string) => {
      problems.push(`第 ${row} 行${column ? `“${column}”列` : ''}：${zh}`);
      problemsEn.push(`row ${row}${column ? `, column ${column}` : ''}: ${en}`);
    };
    const cell = (k: keyof typeof at) => (at[k] >= 0 ? cells[at[k]] : '');
    if (MOVED_STEPS[textOf(cell('step'))]) return; // see MOVED_STEPS: read by movedDeadlineRows
    const step = parseStep(cell('step'));
    if (!step) return fail('环节', `未知环节“${textOf(cell('step'))}”`, `unknown step "${textOf(cell('step'))}"`);
    let workdays: number | null = null;
    let monthDay: string | null = null;
    if (step === 'annual_review') {
      monthDay = parseMonthDay(cell('workdays'));
      if (!monthDay) return fail('工作日', '年度复审应填截止月日，如 04-30', 'the annual re-review needs a month-day such as 04-30');
    } else {
      const n = Number(textOf(cell('workdays')));
      if (textOf(cell('workdays')) === '' || !Number.isInteger(n) || n < 0)
        return fail('工作日', '应为不小于 0 的整数', 'must be a whole number of at least 0');
      workdays = n;
    }
    const from = coerceCivil(cell('from'));
    if (!from) return fail('生效日期', '日期无效', 'invalid date');
    const toText = textOf(cell('to'));
    const to = toText === '' ? null : coerceCivil(cell('to'));
    if (toText !== '' && !to) return fail('失效日期', '日期无效', 'invalid date');
    if (to !== null && to < from) return fail('', '失效日期早于生效日期', 'effective-to is before effective-from');
    rows.push({ step, workdays, monthDay, from, to, source: textOf(cell('source')) });
  });
  if (problems.length > 0) throw new BangfuError('deadlines.invalid', `期限表有误：${problems.join('；')}`, `Deadline table errors: ${problemsEn.join('; ')}`);
  return compileDeadlines(rows);
}

/**
 * The 期限 rows of steps now in 审批流程 (MOVED_STEPS), with their working days and dates as
 * typed: settings name them, setup carries them into the chain it seeds.
 */
export function movedDeadlineRows(values: readonly unknown[][]): { step: MovedStep; workdays: number | null; from: CivilDate | null; row: number }[] {
  const { step: stepAt, workdays: daysAt, from: fromAt } = deadlineColumns(values);
  if (stepAt < 0) return [];
  const out: ReturnType<typeof movedDeadlineRows> = [];
  values.slice(1).forEach((cells, i) => {
    const step = MOVED_STEPS[textOf(cells[stepAt])];
    if (!step) return;
    const n = daysAt >= 0 ? Number(textOf(cells[daysAt])) : NaN;
    out.push({ step, workdays: Number.isInteger(n) && n >= 0 ? n : null, from: fromAt >= 0 ? coerceCivil(cells[fromAt]) : null, row: i + 2 });
  });
  return out;
}

/** Rules → rows for the sheet (header first), in the words an administrator reads. */
export function deadlineRowsToTable(rows: readonly DeadlineRow[]): (string | number)[][] {
  return [
    DEADLINE_HEADER.slice(),
    ...rows.map((r) => [DEADLINE_STEP_LABELS[r.step].zh, r.step === 'annual_review' ? r.monthDay! : r.workdays!, r.from, r.to ?? '', r.source]),
  ];
}
