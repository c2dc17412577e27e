/**
 * 汇总与报表: the menu handlers that read every source listed in 汇总来源 (tabs of this
 * spreadsheet, other counties' spreadsheets), roll them up and write the reports.
 *
 * Cost: per source one open (openById for another spreadsheet), ONE getValues of its cases
 * and one of its 发放记录, one source at a time (its values are let go before the next is
 * read; the year and the 送温暖 campaign are rolled up in the same pass); per output sheet ONE setValues (src/sheets/reportWriter.ts). A source that cannot be opened
 * or read is reported by name and skipped; the rest still roll up, and 汇总 lists what is
 * missing. Progress goes to toasts by stage. Who may run them: county and city unions and
 * administrators (the people who file the statistics).
 */
import { BangfuError } from '../domain/errors';
import { donationStandard, rollUpDonations } from '../domain/donation';
import { crossCheck, RollupBuilder, type RollupResult } from '../domain/rollup/aggregate';
import { indexHeader, readFact } from '../domain/rollup/caseFacts';
import type { FormHeader } from '../domain/reports/officialForms';
import { buildReportSet, caseReportLayout, donationLayout, donationPostingLayout, reportRollupOptions, type ReportKind } from '../domain/reports';
import { currentCampaign, parseCampaigns, remittanceDeadline } from '../domain/campaigns';
import { defaultCampaignRows } from '../defaults/campaigns';
import { campaignPeriod, yearPeriod, type Period } from '../domain/periods';
import { normalizeCountyCode } from '../domain/workerNo';
import { defaultDonationStandardRows } from '../defaults/sheetRows';
import { writeLayout } from '../sheets/reportWriter';
import { feedSources, readSelectedRows } from '../sheets/sources';
import { toast } from '../sheets/ui';
import { readSheetValues, REPORT_SHEETS, SHEET_NAMES, type Spreadsheet } from '../sheets/workbook';
import { requestContext, requireUser, type Ctx } from './context';
import { sendWrite, writerUrl } from '../platform/writerClient';

export interface RunReport {
  ok: boolean;
  message: string;
  sheets: string[];
  problems: string[];
}

const MAY_REPORT = ['county', 'city', 'admin'];

function reporter(ctx: Ctx): void {
  const u = requireUser(ctx);
  if (!MAY_REPORT.includes(u.role)) {
    throw new BangfuError(
      'rollup.role',
      '只有县区总工会、市总工会和管理员可以汇总和生成报表',
      'Only county and city unions and administrators may run roll-ups and reports',
    );
  }
}

function countyNames(ctx: Ctx): Record<string, string> {
  const { counties, provinceLetter } = ctx.settings();
  return Object.fromEntries(counties.map((c) => [normalizeCountyCode(c.code, provinceLetter), c.name]));
}

/**
 * Reads every source once, rolls up what `kinds` need — the calendar year, and for
 * 送温暖工程统计表 and 实名制汇总表 the 送温暖 campaign of 活动 in force today (SPEC §6.1) — checks
 * the sums, and writes those reports.
 */
function writeReports(ctx: Ctx, kinds: readonly ReportKind[]): { r: RollupResult; sheets: string[] } {
  const progress = (m: string) => toast(m, '汇总', 5);
  const { counties, provinceLetter } = ctx.settings();
  const codes = counties.map((c) => normalizeCountyCode(c.code, provinceLetter));
  const thisYear = Number(ctx.today.slice(0, 4));
  const year = yearPeriod(thisYear);
  const warmth = kinds.includes('warmth') || kinds.includes('realName') ? warmthPeriod(ctx) : year;
  // The year and the campaign in ONE pass: each source is read once and let go before the next.
  const same = warmth.kind === 'year' && warmth.year === thisYear;
  // Each roll-up keeps the families only the reports it serves list: the campaign's the 实名制汇总表,
  // the year's the 公示名单 (with one period, one roll-up serves both).
  const periods: { period: Period; kinds: readonly ReportKind[] }[] = same
    ? [{ period: year, kinds }]
    : [
        { period: year, kinds: kinds.filter((k) => k !== 'realName') },
        { period: warmth, kinds: kinds.filter((k) => k === 'realName') },
      ];
  const builder = new RollupBuilder(periods.map((p) => ({ ...reportRollupOptions(ctx.today, p.kinds, p.period), counties: codes })));
  const read = feedSources(ctx.ss, builder, progress);
  const results = builder.results();
  for (const x of results) {
    x.problems.unshift(...read.problems);
    crossCheck(x);
  }
  const [r, w = r] = results;
  toast('正在写入报表…', '汇总', 5);
  const layouts = buildReportSet(r, kinds, { countyNames: countyNames(ctx), header: formHeader(ctx, r.year), viewer: ctx.user()?.role ?? null }, w);
  for (const l of layouts) writeLayout(ctx.ss, l);
  return { r, sheets: layouts.map((l) => l.name) };
}

/** The form header from 设置 (填报单位 / 填报人 / 联系电话), never the spreadsheet's title. */
function formHeader(ctx: Ctx, year: number): FormHeader {
  const { unit, person, phone } = ctx.settings().report;
  return { unit, person, phone, year, today: ctx.today };
}

/** The 送温暖 campaign of 活动 in force today (its own period), else the calendar year. */
function warmthPeriod(ctx: Ctx): Period {
  const c = currentCampaign(parseCampaigns(campaignRows(ctx.ss)).campaigns, '送温暖', ctx.today);
  return c ? campaignPeriod(c) : yearPeriod(Number(ctx.today.slice(0, 4)));
}

function campaignRows(ss: Spreadsheet): unknown[][] {
  return ss.getSheetByName(REPORT_SHEETS.campaigns) ? readSheetValues(ss, REPORT_SHEETS.campaigns) : defaultCampaignRows();
}

function finish(sheets: string[], problems: string[], what: string): RunReport {
  const message = `${what}已生成：${sheets.join('、')}${problems.length ? `；${problems.length} 条问题见“汇总”表末尾` : ''}`;
  toast(message, '汇总与报表', 10);
  return { ok: true, message, sheets, problems };
}

/** Set while the writer runs a report for someone (op 'report'): the report is made here, with that Ctx. */
let inWriter: Ctx | null = null;

/** Report sheets are the owner's: with a writer connected, a report is made by the writer (as the owner) for the caller. */
export type ReportName = 'runRollup' | 'runReports' | 'runPublicNotice' | 'runDashboard' | 'runDonationRollup';

/** The writer's side of op 'report': the same menu function, on the writer's Ctx (the caller's verified e-mail). */
export function runReportFor(ctx: Ctx, name: unknown): RunReport {
  const entries: Record<ReportName, () => RunReport> = { runRollup, runReports, runPublicNotice, runDashboard, runDonationRollup };
  const fn = typeof name === 'string' && Object.prototype.hasOwnProperty.call(entries, name) ? entries[name as ReportName] : null;
  if (!fn) throw new BangfuError('report.unknown', `未知的报表“${String(name)}”`, `Unknown report "${String(name)}"`);
  inWriter = ctx;
  try {
    return fn();
  } finally {
    inWriter = null;
  }
}

function guarded(name: ReportName | null, fn: (ctx: Ctx) => RunReport): RunReport {
  if (inWriter === null && name !== null && writerUrl() !== null) {
    try {
      const r = sendWrite<RunReport>('report', { report: name });
      toast(r.message, '汇总与报表', 10);
      return r;
    } catch (e) {
      if (!(e instanceof BangfuError)) throw e;
      toast(e.zh, '汇总与报表', 15);
      return { ok: false, message: e.zh, sheets: [], problems: [] };
    }
  }
  const ctx = inWriter ?? requestContext();
  try {
    reporter(ctx);
    return fn(ctx);
  } catch (e) {
    const message = e instanceof BangfuError ? e.text(ctx.locale()) : e instanceof Error ? e.message : String(e);
    toast(message, '汇总与报表', 15);
    return { ok: false, message, sheets: [], problems: [] };
  }
}

/** 帮扶 → 汇总与报表 → 汇总. */
export function runRollup(): RunReport {
  return guarded('runRollup', (ctx) => {
    const { r, sheets } = writeReports(ctx, ['summary']);
    return finish(sheets, r.problems, `汇总（${r.rowsCounted} 件）`);
  });
}

/** What 生成报表 writes: 汇总 + the two statistics forms + the real-name summary. */
const REPORTS_MENU: readonly ReportKind[] = ['summary', 'warmth', 'centre', 'realName'];

/** 生成报表. */
export function runReports(): RunReport {
  return guarded('runReports', (ctx) => {
    const { r, sheets } = writeReports(ctx, REPORTS_MENU);
    return finish(sheets, r.problems, '报表');
  });
}

/** 公示名单: the cases in public notice, masked. */
export function runPublicNotice(): RunReport {
  return guarded('runPublicNotice', (ctx) => {
    const { r, sheets } = writeReports(ctx, ['publicNotice']);
    return finish(sheets, r.problems, `公示名单（${r.kept.length} 人）`);
  });
}

/** 统计图表: the dashboard tables and their charts. */
export function runDashboard(): RunReport {
  return guarded('runDashboard', (ctx) => {
    const { r, sheets } = writeReports(ctx, ['dashboard']);
    return finish(sheets, r.problems, '统计图表');
  });
}

/**
 * 一日捐汇总 and 一日捐公示: the 捐款 sheet (with the 捐款名册 when kept) by county against the
 * 一日捐标准 in force today and the deadline of the 一日捐 campaign of 活动 in force today.
 */
export function runDonationRollup(): RunReport {
  return guarded('runDonationRollup', (ctx) => {
    const std = donationStandard(donationStandardRows(ctx.ss), ctx.today);
    const values = readSheetValues(ctx.ss, REPORT_SHEETS.donations);
    if (values.length < 2)
      throw new BangfuError('donation.empty', '“捐款”表没有数据：请按表头填写各单位的会员数、职工数、捐款人数和金额', 'The 捐款 sheet is empty');
    const campaigns = parseCampaigns(campaignRows(ctx.ss));
    const campaign = currentCampaign(campaigns.campaigns, '一日捐', ctx.today);
    const register = ctx.ss.getSheetByName(REPORT_SHEETS.donors) ? readSheetValues(ctx.ss, REPORT_SHEETS.donors) : undefined;
    const names = countyNames(ctx);
    const d = rollUpDonations(values, std, {
      today: ctx.today,
      deadline: campaign ? remittanceDeadline(campaign, std.collectionDays) : null,
      register,
      counties: Object.keys(names),
    });
    d.problems.unshift(...campaigns.problems);
    writeLayout(ctx.ss, donationLayout(d, names, campaign?.name ?? ''));
    writeLayout(ctx.ss, donationPostingLayout(d, campaign?.name ?? ''));
    return finish(['一日捐汇总', '一日捐公示'], d.problems, `一日捐汇总（${d.units.length} 个单位）`);
  });
}

function donationStandardRows(ss: Spreadsheet): unknown[][] {
  const v = readSheetValues(ss, REPORT_SHEETS.donationStandards);
  return v.length > 1 ? v : defaultDonationStandardRows();
}

/** 困难职工情况报表 for the rows selected in 案件: one printable sheet each. */
export function runCaseReports(): RunReport {
  // The printable sheets are new sheets of the caller's own, made here from the selection.
  return guarded(null, (ctx) => {
    const selected = readSelectedRows(ctx.ss, SHEET_NAMES.cases);
    if (!selected) throw new BangfuError('report.selectRows', '请先在“案件”表中选中要打印的案件行', 'Select the case rows in 案件 first');
    const { top, header, rows } = selected;
    const h = indexHeader(header);
    const made: string[] = [];
    const problems: string[] = [];
    rows.forEach((row, i) => {
      const r = readFact('案件', top + i, row, h, '');
      if (r.ok === true) made.push(writeLayout(ctx.ss, caseReportLayout(r.fact)).getName());
      else if (r.ok === false) problems.push(r.problem);
    });
    return finish(made, problems, '困难职工情况报表');
  });
}
