/** 汇总来源: what a roll-up reads, one tab or spreadsheet a row (parsing in src/domain/rollup/sources.ts). */
/** The 汇总来源 columns in sheet order: setup writes the zh header, the parser reads it. */
export const SOURCE_COLUMNS = [
  { key: 'name', zh: '名称', en: 'Name' },
  { key: 'county', zh: '县区代码', en: 'County code' },
  { key: 'kind', zh: '来源类型', en: 'Source type' },
  { key: 'location', zh: '标签页或表格地址', en: 'Tab or spreadsheet' },
  { key: 'tab', zh: '标签页名称', en: 'Tab name' },
  { key: 'enabled', zh: '启用', en: 'Enabled' },
  { key: 'ledger', zh: '发放记录标签页', en: 'Payments tab' },
] as const;
export const SOURCE_HEADER: readonly string[] = SOURCE_COLUMNS.map((c) => c.zh);
export const SOURCE_KINDS = { tab: '本表标签页', spreadsheet: '其他表格' } as const;
