/**
 * The report set: which layouts a roll-up becomes, built in one place for every caller
 * (the add-on's 汇总与报表 menu writes them to sheets, `bangfu rollup` to an Excel file),
 * so both produce the same values from the same cases.
 */
import type { CivilDate } from '../civilDate';
import type { RollupOptions, RollupResult } from '../rollup/aggregate';
import { isHelped, isInNotice, type CaseFact } from '../rollup/caseFacts';
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

/** The roll-up options for a set of reports: the cases the listing reports need are kept, no others. */
export function reportRollupOptions(today: CivilDate, kinds: readonly ReportKind[]): RollupOptions {
  const names = kinds.includes('realName');
  const notice = kinds.includes('publicNotice');
  const keep = names || notice ? (f: CaseFact) => (names && isHelped(f)) || (notice && isInNotice(f)) : undefined;
  return { year: Number(today.slice(0, 4)), today, keep };
}

/** The layouts of `kinds`, in REPORT_KINDS order. */
export function buildReportSet(r: RollupResult, kinds: readonly ReportKind[], o: ReportSetOptions): SheetLayout[] {
  const build: Record<ReportKind, () => SheetLayout> = {
    summary: () => summaryLayout(r, o.countyNames, o.header.today),
    warmth: () => warmthStatsLayout(r.city, o.header),
    centre: () => centreStatsLayout(r.city, o.header),
    realName: () => realNameLayout(r.kept, o.viewer, o.header.unit),
    publicNotice: () => publicNoticeLayout(r.kept, o.header.today),
    dashboard: () => dashboardLayout(r, o.countyNames),
  };
  return REPORT_KINDS.filter((k) => kinds.includes(k)).map((k) => build[k]());
}
