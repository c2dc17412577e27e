/** 捐款 (one unit a row, typed by the county unions) and 一日捐标准 (dated thresholds; defaults in src/defaults/donation.ts). */
export const DONATION_HEADER = ['单位', '县区代码', '单位类型', '会员数', '捐款人数', '捐款金额（元）'] as const;
export const DONATION_STANDARD_HEADER = ['项目', '名称', '数值', '生效日期', '截止日期', '来源'] as const;
