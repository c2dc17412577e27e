/**
 * 捐款 (one reporting union a row, typed by the county unions), 捐款名册 (one donor a row) and
 * 一日捐标准 (dated thresholds; defaults in src/defaults/donation.ts). See src/domain/donation.ts.
 */
export const DONATION_HEADER = [
  '单位',
  '县区代码',
  '单位类型',
  '市区内',
  '会员数',
  '职工数',
  '捐款人数',
  '捐款金额（元）',
  '首期募集金额（元）',
  '上期捐款人数',
  '上期捐款金额（元）',
  '公示日期',
  '上解日期',
] as const;
export const REGISTER_HEADER = ['单位', '县区代码', '姓名', '捐款金额（元）', '捐款日期'] as const;
export const DONATION_STANDARD_HEADER = ['项目', '名称', '数值', '生效日期', '截止日期', '来源'] as const;
