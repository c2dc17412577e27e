/**
 * `bangfu rollup county1.xlsx county2.xlsx … -o 汇总.xlsx`: the add-on's roll-up and
 * official forms over Excel files, one sheet per report. The same domain code as the
 * 汇总与报表 menu; only the reading and writing are Excel's.
 */
import { basename } from 'node:path';
import { civilFromDate } from '../domain/civilDate';
import { crossCheck, mergeRollups, rollUp, SeenRows, type RollupResult, type SourceData } from '../domain/rollup/aggregate';
import type { CaseFact } from '../domain/rollup/caseFacts';
import { centreStatsLayout, dashboardLayout, publicNoticeLayout, realNameLayout, summaryLayout, warmthStatsLayout } from '../domain/reports';
import { COUNTIES } from '../defaults/counties';
import { normalizeCountyCode } from '../domain/workerNo';
import { parseSettings } from '../server/settings';
import { readBook, sheetValues, streamCaseValues, writeLayouts } from './excel';
import { donationStandard, rollUpDonations, type DonationResult } from '../domain/donation';
import { currentCampaign, parseCampaigns, remittanceDeadline } from '../domain/campaigns';
import { defaultCampaignRows } from '../defaults/campaigns';
import { defaultDonationStandardRows } from '../defaults/donation';
import { donationLayout, donationPostingLayout } from '../domain/reports';
import type { CivilDate } from '../domain/civilDate';

export interface RollupCliOptions {
  inputs: string[];
  output: string;
  /** Fill the real-name amount column (the city union's view). */
  city?: boolean;
  unit?: string;
  /** A workbook with a 捐款 sheet (and optionally 捐款名册, 一日捐标准, 活动): adds the 一日捐 reports. */
  donations?: string;
  /** A workbook with a 设置 sheet: its counties are the roll-up's (default: the built-in ones). */
  settings?: string;
  progress: (line: string) => void;
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

export async function runRollupCli(o: RollupCliOptions): Promise<{ problems: string[]; cases: number }> {
  const today = civilFromDate(new Date());
  const year = Number(today.slice(0, 4));
  const keep = (f: CaseFact) => f.status === 'approved' || f.status === 'filed' || f.status === 'notice' || (f.emergency && f.paidFen > 0);
  const parts: RollupResult[] = [];
  const problems: string[] = [];
  const counties = await configuredCounties(o.settings);
  const codes = counties.map((c) => c.code);
  // One memory of rows across files: a duplicate or a reused worker number in another file is refused too.
  const seen = new SeenRows();
  // Each file is rolled up as soon as it is read, so only one file's rows are held at a time.
  for (const [i, path] of o.inputs.entries()) {
    o.progress(`读取 ${i + 1}/${o.inputs.length}：${basename(path)}`);
    let source: SourceData;
    try {
      source = { name: basename(path), county: '', values: await streamCaseValues(path) };
    } catch (e) {
      problems.push(`${basename(path)} 无法读取（${e instanceof Error ? e.message : String(e)}），已跳过`);
      continue;
    }
    o.progress(`  ${source.values.length - 1} 行，汇总中…`);
    parts.push(rollUp([source], { year, today, keep, counties: codes, seen }));
  }
  const r = mergeRollups(parts, year, codes);
  r.problems.unshift(...problems);
  crossCheck(r);
  const names = Object.fromEntries(counties.map((c) => [c.code, c.name]));
  const header = { unit: o.unit ?? '', year: r.year, today };
  const donation = o.donations ? await donationsFrom(o.donations, today, codes) : null;
  if (donation) r.problems.push(...donation.result.problems);
  o.progress('写出报表…');
  await writeLayouts(o.output, [
    summaryLayout(r, names, today), warmthStatsLayout(r.city, header), centreStatsLayout(r.city, header),
    realNameLayout(r.kept, o.city ? 'city' : null, header.unit), publicNoticeLayout(r.kept, today), dashboardLayout(r, names),
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
    today, counties, register: sheet('捐款名册') ?? undefined, deadline: campaign ? remittanceDeadline(campaign, std.collectionDays) : null,
  });
  result.problems.unshift(...campaigns.problems);
  return { result, campaign: campaign?.name ?? '' };
}
