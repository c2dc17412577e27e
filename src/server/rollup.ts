/**
 * 汇总与报表: the menu handlers that read every source listed in 汇总来源 (tabs of this
 * spreadsheet, other counties' spreadsheets), roll them up and write the reports.
 *
 * Cost: per source one open (openById for another spreadsheet) and ONE getValues; per
 * output sheet ONE setValues (src/sheets/reportWriter.ts). A source that cannot be opened
 * or read is reported by name and skipped; the rest still roll up, and 汇总 lists what is
 * missing. Progress goes to toasts by stage. Who may run them: county and city unions and
 * administrators (the people who file the statistics).
 */
import { BangfuError } from '../domain/errors';
import { donationStandard, rollUpDonations, DONATION_HEADER, DONATION_STANDARD_HEADER } from '../domain/donation';
import { parseSources, type Source } from '../domain/rollup/sources';
import { crossCheck, rollUp, type RollupResult, type SourceData } from '../domain/rollup/aggregate';
import { indexHeader, readFact, type CaseFact } from '../domain/rollup/caseFacts';
import {
  caseReportLayout, centreStatsLayout, dashboardLayout, donationLayout, publicNoticeLayout, realNameLayout, summaryLayout, warmthStatsLayout,
  type FormHeader,
} from '../domain/reports';
import { DEFAULT_DONATION_ROWS, DONATION_SOURCE } from '../defaults/donation';
import { writeLayout } from '../sheets/reportWriter';
import { toast } from '../sheets/ui';
import { readSheetValues, SHEET_NAMES, type Spreadsheet } from '../sheets/workbook';
import { requestContext, requireUser, type Ctx } from './context';

export const REPORT_SHEETS = { donations: '捐款', donationStandards: '一日捐标准' } as const;

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
    throw new BangfuError('rollup.role', '只有县区总工会、市总工会和管理员可以汇总和生成报表', 'Only county and city unions and administrators may run roll-ups and reports');
  }
}

/** Reads every enabled source: one open and one getValues each; failures become problems. */
export function readSources(ss: Spreadsheet, onProgress: (msg: string) => void = () => {}): { data: SourceData[]; problems: string[]; sources: Source[] } {
  const { sources, problems } = parseSources(readSheetValues(ss, SHEET_NAMES.sources));
  if (sources.length === 0 && problems.length === 0) {
    sources.push({ row: 0, name: '本表', county: '', kind: 'tab', location: SHEET_NAMES.cases, tab: SHEET_NAMES.cases });
  }
  const data: SourceData[] = [];
  sources.forEach((s, i) => {
    onProgress(`正在读取来源 ${i + 1}/${sources.length}：${s.name}`);
    try {
      const book = s.kind === 'tab' ? ss : SpreadsheetApp.openById(s.location);
      const sheet = book.getSheetByName(s.tab);
      if (!sheet) throw new Error(`找不到标签页“${s.tab}”`);
      data.push({ name: s.name, county: s.county, values: sheet.getDataRange().getValues() });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      problems.push(`来源“${s.name}”无法读取（${why}），已跳过`);
    }
  });
  return { data, problems, sources };
}

/** The form header from 设置 (填报单位 / 填报人 / 联系电话), never the spreadsheet's title. */
function formHeader(ctx: Ctx, year: number): FormHeader {
  const { unit, person, phone } = ctx.settings().report;
  return { unit, person, phone, year, today: ctx.today };
}

function countyNames(ctx: Ctx): Record<string, string> {
  return Object.fromEntries(ctx.settings().counties.map((c) => [c.code, c.name]));
}

function rollUpAll(ctx: Ctx, keep?: (f: CaseFact) => boolean): RollupResult {
  const progress = (m: string) => toast(m, '汇总', 5);
  const read = readSources(ctx.ss, progress);
  progress(`正在汇总 ${read.data.length} 个来源…`);
  const result = rollUp(read.data, { year: Number(ctx.today.slice(0, 4)), today: ctx.today, keep });
  result.problems.unshift(...read.problems);
  crossCheck(result);
  return result;
}

function finish(sheets: string[], problems: string[], what: string): RunReport {
  const message = `${what}已生成：${sheets.join('、')}${problems.length ? `；${problems.length} 条问题见“汇总”表末尾` : ''}`;
  toast(message, '汇总与报表', 10);
  return { ok: true, message, sheets, problems };
}

function guarded(fn: (ctx: Ctx) => RunReport): RunReport {
  const ctx = requestContext();
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
  return guarded((ctx) => {
    const r = rollUpAll(ctx);
    toast('正在写入“汇总”…', '汇总', 5);
    writeLayout(ctx.ss, summaryLayout(r, countyNames(ctx), formHeader(ctx, r.year)));
    return finish(['汇总'], r.problems, `汇总（${r.rowsCounted} 件）`);
  });
}

/** 生成报表: 汇总 + the two statistics forms + the real-name summary. */
export function runReports(): RunReport {
  return guarded((ctx) => {
    const helped = (f: CaseFact) => f.status === 'approved' || f.status === 'filed' || (f.emergency && f.paidFen > 0);
    const r = rollUpAll(ctx, helped);
    const names = countyNames(ctx);
    const header = formHeader(ctx, r.year);
    const role = ctx.user()?.role ?? null;
    toast('正在写入报表…', '汇总', 5);
    const layouts = [summaryLayout(r, names, header), warmthStatsLayout(r.city, header), centreStatsLayout(r.city, header), realNameLayout(r.kept, role, header)];
    for (const l of layouts) writeLayout(ctx.ss, l);
    return finish(layouts.map((l) => l.name), r.problems, '报表');
  });
}

/** 公示名单: the cases in public notice, masked. */
export function runPublicNotice(): RunReport {
  return guarded((ctx) => {
    const r = rollUpAll(ctx, (f) => f.status === 'notice');
    writeLayout(ctx.ss, publicNoticeLayout(r.kept, ctx.today));
    return finish(['公示名单'], r.problems, `公示名单（${r.kept.length} 人）`);
  });
}

/** 统计图表: the dashboard tables and their charts. */
export function runDashboard(): RunReport {
  return guarded((ctx) => {
    const r = rollUpAll(ctx);
    writeLayout(ctx.ss, dashboardLayout(r, countyNames(ctx)));
    return finish(['统计图表'], r.problems, '统计图表');
  });
}

/** 一日捐汇总: the 捐款 sheet by county against the 一日捐标准 in force today. */
export function runDonationRollup(): RunReport {
  return guarded((ctx) => {
    const std = donationStandard(donationStandardRows(ctx.ss), ctx.today);
    const values = readSheetValues(ctx.ss, REPORT_SHEETS.donations);
    if (values.length < 2) throw new BangfuError('donation.empty', '“捐款”表没有数据：请按表头填写各单位的会员数、捐款人数和金额', 'The 捐款 sheet is empty');
    const d = rollUpDonations(values, std);
    writeLayout(ctx.ss, donationLayout(d, countyNames(ctx)));
    return finish(['一日捐汇总'], d.problems, `一日捐汇总（${d.units.length} 个单位）`);
  });
}

function donationStandardRows(ss: Spreadsheet): unknown[][] {
  const v = readSheetValues(ss, REPORT_SHEETS.donationStandards);
  return v.length > 1 ? v : defaultDonationStandardRows();
}

export function defaultDonationStandardRows(): (string | number)[][] {
  return [[...DONATION_STANDARD_HEADER], ...DEFAULT_DONATION_ROWS.map(([k, zh, v, from, to]) => [k, zh, v, from, to, DONATION_SOURCE])];
}

export function donationSheetHeader(): string[] {
  return [...DONATION_HEADER];
}

/** 困难职工情况报表 for the rows selected in 案件: one printable sheet each. */
export function runCaseReports(): RunReport {
  return guarded((ctx) => {
    const sheet = ctx.ss.getSheetByName(SHEET_NAMES.cases);
    const range = ctx.ss.getActiveRange();
    if (!sheet || !range || range.getSheet().getName() !== SHEET_NAMES.cases || range.getLastRow() < 2) {
      throw new BangfuError('report.selectRows', '请先在“案件”表中选中要打印的案件行', 'Select the case rows in 案件 first');
    }
    const top = Math.max(range.getRow(), 2);
    const n = range.getLastRow() - top + 1;
    const width = sheet.getLastColumn();
    const header = sheet.getRange(1, 1, 1, width).getValues()[0];
    const rows = sheet.getRange(top, 1, n, width).getValues();
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
