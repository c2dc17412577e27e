/**
 * The workbook's sheets by name. Each sheet's columns are in the module named after it in
 * this folder (cases, forms, policies, holidays, staff, settings, sources, annualReview,
 * donations; 操作日志's in src/sheets/audit.ts): the parsers, setup, the sheets layer and the
 * CLI all read the layout from there.
 */
export const SHEET_NAMES = {
  forms: '表单定义',
  policies: '救助标准',
  holidays: '节假日',
  staff: '人员权限',
  cases: '案件',
  audit: '操作日志',
  settings: '设置',
  sources: '汇总来源',
  annualReview: '年度复审',
  chain: '审批流程',
} as const;
export type SheetKey = keyof typeof SHEET_NAMES;

export const SHEET_LABELS_EN: Record<SheetKey, string> = {
  forms: 'Form definition',
  policies: 'Relief standards',
  holidays: 'Holidays',
  staff: 'Staff and roles',
  cases: 'Cases',
  audit: 'Audit log',
  settings: 'Settings',
  sources: 'Roll-up sources',
  annualReview: 'Annual re-review',
  chain: 'Approval chain',
};

/** Sheets of the reports' input that setup creates beside the configuration sheets. */
export const REPORT_SHEETS = { donations: '捐款', donationStandards: '一日捐标准', donors: '捐款名册', campaigns: '活动' } as const;
