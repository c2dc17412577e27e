/**
 * 职工互助一日捐 standards (保定市总工会《关于开展第二期“职工互助一日捐”活动的通知》, 2012-10-19,
 * SPEC §7), as dated rows: an administrator adds a row with a later 生效日期 when a new
 * campaign changes a number; the day the roll-up runs picks the row in force.
 */
import { cite } from '../domain/sources';

export const DONATION_SOURCE = cite('donation2012');

/** [key, zh label, value, from, to] — to '' = open-ended. */
export const DEFAULT_DONATION_ROWS: readonly (readonly [string, string, number, string, string])[] = [
  ['per_capita_min', '人均捐款下限（元）', 36, '2012-10-19', ''],
  ['rate.county', '县区、产业、局工会：捐款人数占会员总数下限', 0.27, '2012-10-19', ''],
  ['rate.grassroots', '直属基层工会：捐款人数占职工总数下限', 0.8, '2012-10-19', ''],
  ['rate.model_county', '达标县级工会：捐款人数占职工总数下限', 0.35, '2012-10-19', ''],
  ['province_share', '市区内单位上解款中转省总的比例', 0.04, '2012-10-19', ''],
  ['collection_days', '动员后完成募集和上解的天数', 20, '2012-10-19', ''],
];
