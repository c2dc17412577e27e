/**
 * `bangfu rollup county1.xlsx county2.xlsx … -o 汇总.xlsx`: the add-on's roll-up and
 * official forms over Excel files, one sheet per report. The same domain code as the
 * 汇总与报表 menu; only the reading and writing are Excel's.
 */
import { basename } from 'node:path';
import { civilFromDate, type CivilDate } from '../domain/civilDate';
import { crossCheck, RollupBuilder, SeenRows } from '../domain/rollup/aggregate';
import { buildReportSet, REPORT_KINDS, reportRollupOptions } from '../domain/reports';
import { COUNTIES } from '../defaults/counties';
import { normalizeCountyCode } from '../domain/workerNo';
import { parseSettings } from '../config/settings';
import { readBook, sheetValues, streamCountyBook, writeLayouts } from './excel';
import { campaignPeriod, parsePeriod, periodLabel, yearPeriod, type Period } from '../domain/periods';
import { donationStandard, rollUpDonations, type DonationResult } from '../domain/donation';
import { campaignNamed, currentCampaign, parseCampaigns, remittanceDeadline, type Campaign } from '../domain/campaigns';
import { defaultCampaignRows } from '../defaults/campaigns';
import { defaultDonationStandardRows } from '../defaults/sheetRows';
import { donationLayout, donationPostingLayout } from '../domain/reports';

export interface RollupCliOptions {
  inputs: string[];
  output: string;
  /** Fill the real-name amount column (the city union's view). */
  city?: boolean;
  unit?: string;
  /** 填报人 / 联系电话 printed in the form headers. */
  person?: string;
  phone?: string;
  /** A calendar year (2026) or quarter (2026Q4) for the year-based forms; default today's year. */
  period?: string;
  /** A campaign of the 活动 sheet for 送温暖工程统计表 and 实名制汇总表. */
  campaign?: string;
  /** A workbook with a 捐款 sheet (and optionally 捐款名册, 一日捐标准, 活动): adds the 一日捐 reports. */
  donations?: string;
  /** A workbook with a 设置 sheet: its counties are the roll-up's (default: the built-in ones). */
  settings?: string;
  progress: (line: string) => void;
  /** The day the reports are made for (default today): the same files and date give the same reports. */
  today?: CivilDate;
}

/** The counties of a 设置 sheet (codes normalized, e.g. 01 → H01), or the built-in list. */
export async function configuredCounties(settingsPath: string | undefined): Promise<{ code: string; name: string }[]> {
  if (!settingsPath) return [...COUNTIES];
  const wb = await readBook(settingsPath);
  const ws = wb.getWorksheet('设置');
  if (!ws) throw new Error(`${basename(settingsPath)} 中没有“设置”工作表`);
  const s = parseSettings(sheetValues(ws), COUNTIES);
  return s.counties.map((c) => ({ code: normalizeCountyCode(c.code, s.provinceLetter), name: c.name }));
}

/** The campaigns of the --settings workbook's 活动 sheet, else the built-in ones. */
async function campaignsFrom(settingsPath: string | undefined): Promise<Campaign[]> {
  const ws = settingsPath ? (await readBook(settingsPath)).getWorksheet('活动') : undefined;
  return parseCampaigns(ws ? sheetValues(ws) : defaultCampaignRows()).campaigns;
}

/**
 * The periods of a run (SPEC §6.1): 帮扶中心统计表 and 汇总 the calendar year (--period, else
 * today's year); 送温暖工程统计表 and 实名制汇总表 the 送温暖 campaign (--campaign, else the one in
 * force today, else the year).
 */
async function periodsOf(o: RollupCliOptions, today: CivilDate): Promise<{ year: Period; warmth: Period }> {
  const year = o.period ? parsePeriod(o.period) : yearPeriod(Number(today.slice(0, 4)));
  const campaigns = await campaignsFrom(o.settings);
  if (o.campaign) {
    const c = campaignNamed(campaigns, o.campaign);
    if (!c) throw new Error(`“活动”中没有名为“${o.campaign}”的活动（可选：${campaigns.map((x) => x.name).join('、') || '无'}）`);
    return { year, warmth: campaignPeriod(c) };
  }
  const c = currentCampaign(campaigns, '送温暖', today);
  return { year, warmth: c ? campaignPeriod(c) : year };
}

export async function runRollupCli(o: RollupCliOptions): Promise<{ problems: string[]; cases: number }> {
  const today = o.today ?? civilFromDate(new Date());
  const { year: yearP, warmth: warmthP } = await periodsOf(o, today);
  const opts = reportRollupOptions(today, REPORT_KINDS, yearP);
  const warmthOpts = reportRollupOptions(today, ['realName'], warmthP);
  const year = opts.year;
  const problems: string[] = [];
  const counties = await configuredCounties(o.settings);
  const codes = counties.map((c) => c.code);
  // One memory of rows across files: a duplicate or a reused worker number in another file is refused too.
  const seen = new SeenRows();
  // The year and the 送温暖 campaign in one pass; each file's rows go into the roll-up as they are
  // read, so neither a file's rows nor the cases of earlier files are held (only the listed families' fields).
  const builder = new RollupBuilder([{ ...opts, counties: codes, seen }, ...(warmthP !== yearP ? [{ ...warmthOpts, year, counties: codes, seen }] : [])]);
  for (const [i, path] of o.inputs.entries()) {
    o.progress(`读取 ${i + 1}/${o.inputs.length}：${basename(path)}`);
    // The source is named as a county names its file (京山.xlsx → 京山), as 汇总来源 names it in the add-on.
    builder.beginSource(basename(path).replace(/\.xlsx$/i, ''), '');
    try {
      const n = await streamCountyBook(path, builder);
      builder.endSource();
      o.progress(`  ${n.cases} 行${n.payments !== null ? `、发放记录 ${n.payments} 行` : ''}，已汇总`);
    } catch (e) {
      // A file that cannot be read to its end counts for nothing (nor are its rows remembered as seen).
      builder.abortSource();
      problems.push(`${basename(path)} 无法读取（${e instanceof Error ? e.message : String(e)}），已跳过`);
    }
  }
  const [r, w = r] = builder.results();
  r.problems.unshift(...problems);
  crossCheck(r);
  crossCheck(w);
  const names = Object.fromEntries(counties.map((c) => [c.code, c.name]));
  const header = { unit: o.unit ?? '', year, today, person: o.person, phone: o.phone, period: periodLabel(yearP) };
  const donation = o.donations ? await donationsFrom(o.donations, today, codes) : null;
  if (donation) r.problems.push(...donation.result.problems);
  o.progress('写出报表…');
  await writeLayouts(o.output, [
    ...buildReportSet(r, REPORT_KINDS, { countyNames: names, header, viewer: o.city ? 'city' : null }, w),
    ...(donation ? [donationLayout(donation.result, names, donation.campaign), donationPostingLayout(donation.result, donation.campaign)] : []),
  ]);
  o.progress(`已写出 ${o.output}（${r.rowsCounted} 件${r.problems.length ? `，${r.problems.length} 条问题见“汇总”表末尾` : ''}）`);
  return { problems: r.problems, cases: r.rowsCounted };
}

/** The 一日捐 roll-up of a workbook, as the add-on's 一日捐汇总 does it (the same domain code). */
export async function donationsFrom(path: string, today: CivilDate, counties: readonly string[]): Promise<{ result: DonationResult; campaign: string }> {
  const wb = await readBook(path);
  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name);
    return ws ? sheetValues(ws) : null;
  };
  const values = sheet('捐款');
  if (!values || values.length < 2) throw new Error(`${basename(path)} 中没有“捐款”工作表或其中没有数据`);
  const std = donationStandard(sheet('一日捐标准') ?? defaultDonationStandardRows(), today);
  const campaigns = parseCampaigns(sheet('活动') ?? defaultCampaignRows());
  const campaign = currentCampaign(campaigns.campaigns, '一日捐', today);
  const result = rollUpDonations(values, std, {
    today,
    counties,
    register: sheet('捐款名册') ?? undefined,
    deadline: campaign ? remittanceDeadline(campaign, std.collectionDays) : null,
  });
  result.problems.unshift(...campaigns.problems);
  return { result, campaign: campaign?.name ?? '' };
}
