/**
 * Reporting periods (SPEC §6.1): what a report counts money and person-times over.
 * - a calendar year or a quarter: the payments whose 发放日期 falls inside it (帮扶中心统计表 is
 *   one calendar year to 31 December, 附件2 注1; the quarterly statistics of 001 §4);
 * - a campaign (a row of 活动): the payments whose 所属期间 names it; a payment with no 所属期间
 *   counts when its date is inside the campaign's dates (送温暖工程统计表 items 4–11 count the
 *   元旦春节 campaign only, 002 二).
 * The state items (archived families now) do not depend on the period; the "本年度" items
 * (3(E) lifted out this year) count the calendar year the period ends in.
 */
import type { Campaign } from './campaigns';
import type { CivilDate } from './civilDate';
import { BangfuError } from './errors';

export type Period =
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'campaign'; name: string; start: CivilDate; end: CivilDate };

export function yearPeriod(year: number): Period {
  return { kind: 'year', year };
}

export function campaignPeriod(c: Pick<Campaign, 'name' | 'start' | 'end'>): Period {
  return { kind: 'campaign', name: c.name, start: c.start, end: c.end };
}

/** First and last day of a period (both included). */
export function periodBounds(p: Period): { start: CivilDate; end: CivilDate } {
  if (p.kind === 'campaign') return { start: p.start, end: p.end };
  if (p.kind === 'year') return { start: `${p.year}-01-01`, end: `${p.year}-12-31` };
  const first = (p.quarter - 1) * 3 + 1;
  const last = first + 2;
  const endDay = [31, 30, 30, 31][p.quarter - 1];
  return { start: `${p.year}-${String(first).padStart(2, '0')}-01`, end: `${p.year}-${String(last).padStart(2, '0')}-${endDay}` };
}

/** The calendar year of a period's "本年度" items: the year it ends in. */
export function periodYear(p: Period): number {
  return Number(periodBounds(p).end.slice(0, 4));
}

/** Does a payment (its date and its 所属期间 text) belong to the period? */
export function inPeriod(p: Period, paidOn: CivilDate, periodText: string): boolean {
  if (p.kind === 'campaign') {
    if (periodText.trim() !== '') return periodText.trim() === p.name;
    return p.start <= paidOn && paidOn <= p.end;
  }
  const { start, end } = periodBounds(p);
  return start <= paidOn && paidOn <= end;
}

/** How a form's header names the period. */
export function periodLabel(p: Period): string {
  if (p.kind === 'year') return `${p.year}年度`;
  if (p.kind === 'quarter') return `${p.year}年第${'一二三四'[p.quarter - 1]}季度`;
  return p.name;
}

/** `--period 2026`, `2026Q4` → a period; a zh error for anything else. */
export function parsePeriod(text: string): Period {
  const t = text.trim().toUpperCase();
  let m = /^(\d{4})$/.exec(t);
  if (m) return yearPeriod(Number(m[1]));
  m = /^(\d{4})[-\s]?Q([1-4])$/.exec(t);
  if (m) return { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
  throw new BangfuError(
    'period.bad',
    `统计期间“${text}”无法识别：应为年份（如 2026）或季度（如 2026Q4）`,
    `Period "${text}" is not a year (2026) or a quarter (2026Q4)`,
  );
}
