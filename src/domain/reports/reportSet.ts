/**
 * The report set: which layouts a roll-up becomes, built in one place for every caller
 * (the add-on's 汇总与报表 menu writes them to sheets, `bangfu rollup` to an Excel file),
 * so both produce the same values from the same cases.
 */
import type { CivilDate } from '../civilDate';
import type { ListedFact, RollupOptions, RollupResult } from '../rollup/aggregate';
import { isInNotice } from '../rollup/caseFacts';
import { periodLabel, periodYear, yearPeriod, type Period } from '../periods';
import { dashboardLayout } from './dashboard';
import type { SheetLayout } from './layout';
import { publicNoticeLayout, realNameLayout, summaryLayout, type ViewerRole } from './lists';
import { centreStatsLayout, warmthStatsLayout, type FormHeader } from './officialForms';

/** Every report a roll-up can give, in the order a full set is written. */
export const REPORT_KINDS = ['summary', 'warmth', 'centre', 'realName', 'publicNotice', 'dashboard'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportSetOptions {
  /** County code → name, for the county rows. */
  countyNames: Record<string, string>;
  /** 填报单位, the year and the day printed on the forms. */
  header: FormHeader;
  /** Who reads the set: only the city union sees the real-name amounts. */
  viewer: ViewerRole;
}

/**
 * The roll-up options for a set of reports over `period` (default: today's calendar year):
 * the cases the listing reports need are kept, no others — the families paid in the period
 * for 实名制汇总表 (SPEC §6.1), the cases in notice for 公示名单.
 */
export function reportRollupOptions(today: CivilDate, kinds: readonly ReportKind[], period: Period = yearPeriod(Number(today.slice(0, 4)))): RollupOptions {
  const names = kinds.includes('realName');
  const notice = kinds.includes('publicNotice');
  const keep = names || notice ? (f: ListedFact) => (names && f.periodPaidFen > 0) || (notice && isInNotice(f)) : undefined;
  return { year: periodYear(period), period, today, keep };
}

/**
 * The layouts of `kinds`, in REPORT_KINDS order. `r` is the calendar year's roll-up (汇总,
 * 帮扶中心统计表, the lists); `w` the 送温暖 campaign's (送温暖工程统计表, 实名制汇总表), the same
 * roll-up when no campaign is in force. Each form prints its own period.
 */
export function buildReportSet(r: RollupResult, kinds: readonly ReportKind[], o: ReportSetOptions, w: RollupResult = r): SheetLayout[] {
  const yearHeader = { ...o.header, period: o.header.period ?? periodLabel(r.period) };
  const warmthHeader = { ...o.header, period: periodLabel(w.period) };
  const build: Record<ReportKind, () => SheetLayout> = {
    summary: () => summaryLayout(r, o.countyNames, yearHeader),
    warmth: () => warmthStatsLayout(w.city, warmthHeader),
    centre: () => centreStatsLayout(r.city, yearHeader),
    realName: () => realNameLayout(w.kept, o.viewer, warmthHeader),
    publicNotice: () => publicNoticeLayout(r.kept, o.header.today),
    dashboard: () => dashboardLayout(r, o.countyNames),
  };
  return REPORT_KINDS.filter((k) => kinds.includes(k)).map((k) => build[k]());
}
