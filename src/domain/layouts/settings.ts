/**
 * 设置: three blocks, one under the other, separated by a blank row — the settings
 * (设置项 | 值 | 生效日期 | 说明), 【县区代码】 (县区代码 | 名称), 【期限】 (the deadline table).
 * Default rows in src/defaults/settings.ts and sheetRows.ts; parsing in src/config/settings.ts.
 */
export const SETTINGS_HEADER = ['设置项', '值', '生效日期', '说明'];
export const COUNTY_BLOCK_TITLE = '【县区代码】';
/** 低保人数: the county's 低保 recipients, for the 5 % guide of the 1.5× top-up route (blank: not checked). */
export const COUNTY_HEADER = ['县区代码', '名称', '低保人数'];
export const DEADLINE_BLOCK_TITLE = '【期限】';

/** The 期限 block's columns. */
export const DEADLINE_COLUMNS = [
  { key: 'step', zh: '环节', en: 'Step' },
  { key: 'workdays', zh: '工作日', en: 'Working days' },
  { key: 'from', zh: '生效日期', en: 'Effective from' },
  { key: 'to', zh: '失效日期', en: 'Effective to' },
  { key: 'source', zh: '依据', en: 'Source' },
] as const;
export const DEADLINE_HEADER: string[] = DEADLINE_COLUMNS.map((c) => c.zh);
