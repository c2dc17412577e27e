/**
 * 职工互助一日捐 standards (seed 000: 保定市总工会第二期“职工互助一日捐”活动通知, 2012),
 * as dated rows: an administrator adds a row with a later 生效日期 when a new campaign
 * changes a number; the campaign's launch date picks the row in force.
 */
import { cite } from '../domain/sources';

export const DONATION_SOURCE = cite('donation2012');

/** [key, zh label, value, from, to] — to '' = open-ended. */
export const DEFAULT_DONATION_ROWS: readonly (readonly [string, string, number, string, string])[] = [
  ['per_capita_min', '人均捐款下限（元）', 36, '2012-10-19', ''],
  ['rate.county', '县区/产业工会参与率下限', 0.27, '2012-10-19', ''],
  ['rate.grassroots', '直属基层工会参与率下限', 0.8, '2012-10-19', ''],
  ['rate.model_county', '省级模范县区参与率下限', 0.35, '2012-10-19', ''],
  ['province_share', '上解省总比例', 0.04, '2012-10-19', ''],
];
