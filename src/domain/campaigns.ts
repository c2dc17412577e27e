/**
 * Campaigns (活动) as dated data, not standing rules (SPEC §2.7): the 一日捐 collection,
 * the 元旦春节 送温暖 campaign, Jingmen's 三万 survey. Each row of the 活动 sheet names a
 * campaign, its kind, its period and its deadline; the roll-ups and reminders pick the row
 * in force instead of a date written in code.
 *
 * The 一日捐 deadline: seed 000 五.2 asks for collection *and* remittance (上解) within 20
 * days of the mobilisation meeting. When a row gives 动员日期 but no 截止日期, the deadline is
 * the mobilisation day + the standard's 募集上解天数 (calendar days: the seed says 天, not 工作日).
 */
import { addDays, coerceCivil, type CivilDate } from './civilDate';
import { textOf } from './forms/values';

export const CAMPAIGN_KINDS = ['一日捐', '送温暖', '三万'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const CAMPAIGN_HEADER = ['活动名称', '类型', '开始日期', '结束日期', '动员日期', '截止日期', '截止事项', '说明'] as const;

export interface Campaign {
  row: number;
  name: string;
  kind: CampaignKind;
  start: CivilDate;
  end: CivilDate;
  mobilisedOn: CivilDate | null;
  deadline: CivilDate | null;
  deadlineWhat: string;
}

/** The 活动 sheet → campaigns; a row that cannot be read is a zh problem naming it, skipped. */
export function parseCampaigns(values: readonly (readonly unknown[])[]): { campaigns: Campaign[]; problems: string[] } {
  const [header = [], ...rows] = values;
  const h = header.map((c) => textOf(c));
  const at = (label: string) => h.indexOf(label);
  const cols = CAMPAIGN_HEADER.map(at);
  const campaigns: Campaign[] = [];
  const problems: string[] = [];
  if (cols[0] < 0 || cols[1] < 0 || cols[2] < 0 || cols[3] < 0) {
    return { campaigns, problems: values.length === 0 ? [] : ['“活动”表缺少列：活动名称、类型、开始日期、结束日期'] };
  }
  rows.forEach((r, i) => {
    if (r.every((v) => v === '' || v === null || v === undefined)) return;
    const rowNo = i + 2;
    const cell = (k: number) => (cols[k] < 0 ? '' : r[cols[k]]);
    const name = textOf(cell(0)) || `第${rowNo}行`;
    const kind = textOf(cell(1)) as CampaignKind;
    const start = coerceCivil(cell(2));
    const end = coerceCivil(cell(3));
    const dateOrBlank = (k: number): CivilDate | null | false => (textOf(cell(k)) === '' ? null : (coerceCivil(cell(k)) ?? false));
    const mobilisedOn = dateOrBlank(4);
    const deadline = dateOrBlank(5);
    if (!CAMPAIGN_KINDS.includes(kind)) problems.push(`“活动”表第${rowNo}行（${name}）：类型应为${CAMPAIGN_KINDS.join('、')}之一，已跳过`);
    else if (!start || !end || end < start) problems.push(`“活动”表第${rowNo}行（${name}）：开始日期、结束日期应为日期且结束不早于开始，已跳过`);
    else if (mobilisedOn === false || deadline === false) problems.push(`“活动”表第${rowNo}行（${name}）：动员日期、截止日期应为日期或留空，已跳过`);
    else campaigns.push({ row: rowNo, name, kind, start, end, mobilisedOn, deadline, deadlineWhat: textOf(cell(6)) });
  });
  return { campaigns, problems };
}

/** The campaign of a kind in force on `on`: the latest to have started (null when none has). */
export function currentCampaign(campaigns: readonly Campaign[], kind: CampaignKind, on: CivilDate): Campaign | null {
  const started = campaigns.filter((c) => c.kind === kind && c.start <= on);
  started.sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0));
  return started[0] ?? null;
}

/** A campaign by name (the CLI's --campaign); null when no row has it. */
export function campaignNamed(campaigns: readonly Campaign[], name: string): Campaign | null {
  return campaigns.find((c) => c.name === name.trim()) ?? null;
}

/** The 一日捐 collection-and-remittance deadline: the row's own, else mobilisation + days. */
export function remittanceDeadline(c: Campaign, days: number | null): CivilDate | null {
  if (c.deadline) return c.deadline;
  if (c.mobilisedOn && days !== null) return addDays(c.mobilisedOn, days);
  return null;
}

export interface DeadlineSoon {
  campaign: Campaign;
  deadline: CivilDate;
  /** Working days from tomorrow up to the deadline, both counted (0: the deadline is today). */
  workdaysLeft: number;
}

/**
 * The campaigns whose deadline falls within the next `days` working days (today included),
 * for the daily reminder of SPEC §2.7. The 一日捐 deadline is its collection-and-remittance one.
 */
export function deadlinesSoon(
  campaigns: readonly Campaign[],
  today: CivilDate,
  calendar: { addWorkdays(start: CivilDate, n: number): CivilDate; isWorkday(d: CivilDate): boolean },
  days: number,
  collectionDays: number | null,
): DeadlineSoon[] {
  const out: DeadlineSoon[] = [];
  const horizon = calendar.addWorkdays(today, days);
  for (const c of campaigns) {
    const deadline = c.kind === '一日捐' ? remittanceDeadline(c, collectionDays) : c.deadline;
    if (!deadline || deadline < today || deadline > horizon) continue;
    let left = 0;
    for (let d = today; d < deadline; d = addDays(d, 1)) if (calendar.isWorkday(addDays(d, 1))) left++;
    out.push({ campaign: c, deadline, workdaysLeft: left });
  }
  return out;
}
