/**
 * The campaigns of the coming season (SPEC §2.7), as rows of the 活动 sheet. They follow the
 * seeds' calendars with this season's dates; an administrator corrects them when the year's
 * notices come out (a new row per campaign, old rows kept as history).
 * - 一日捐 (seed 000 二, 四, 五.2): mobilisation late November, collection and remittance
 *   within 20 days, relief in the next calendar year.
 * - 送温暖 (seed 002 二, 五(七)): 22 December to the Spring Festival (2027-02-06), the report and
 *   both forms due 12 January.
 * - 三万 (seed 004 三(二), 三(三)): data due 20 June, survey reports 30 June.
 */
import { CAMPAIGN_HEADER, type CampaignKind } from '../domain/campaigns';
import type { Role } from '../domain/caseModel';

export const DEFAULT_CAMPAIGN_ROWS: readonly (readonly string[])[] = [
  [
    '2026年度职工互助一日捐',
    '一日捐',
    '2026-11-20',
    '2026-12-31',
    '2026-11-20',
    '',
    '募集并上解',
    '动员后20天内完成募集和上解，救助期为次年1月1日至12月31日（保定市总工会《关于开展第二期“职工互助一日捐”活动的通知》）',
  ],
  ['2027年元旦春节送温暖', '送温暖', '2026-12-22', '2027-02-06', '', '2027-01-12', '报送总结和两张统计表', '12月22日至春节（成工办发〔2011〕112号）'],
  ['2027年“万名工会干部进万企帮万户”', '三万', '2027-04-01', '2027-06-30', '', '2027-06-20', '报送建档数据', '调研报告6月30日前报送（荆工办〔2016〕2号）'],
];

export function defaultCampaignRows(): string[][] {
  return [[...CAMPAIGN_HEADER], ...DEFAULT_CAMPAIGN_ROWS.map((r) => [...r])];
}

/** The daily job reminds the roles concerned in the last working days before a campaign deadline (SPEC §2.7). */
export const CAMPAIGN_REMINDER_WORKDAYS = 3;

/** Who a campaign's deadline concerns: the unions that collect and remit, report the forms, or send the survey data. */
export const CAMPAIGN_ROLES: Record<CampaignKind, readonly Role[]> = {
  一日捐: ['county', 'city', 'admin'],
  送温暖: ['county', 'city'],
  三万: ['staff', 'county', 'city'],
};
