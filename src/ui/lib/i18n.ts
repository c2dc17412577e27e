/**
 * The sidebars' own words in zh-CN (the default the union reads) and English.
 * Field labels and server messages come from the server already in the user's language;
 * these are only the page's chrome: buttons, headings, status lines.
 */
import type { Locale } from '../../shared/endpoints';

const STRINGS = {
  // shared
  loading: ['正在加载…', 'Loading…'],
  loadFailed: ['加载失败：{0}', 'Could not load: {0}'],
  serverError: ['服务器出错：{0}', 'Server error: {0}'],
  retryHint: ['可以再次点击重试，不会重复提交。', 'You can try again; it will not be submitted twice.'],
  dismiss: ['关闭提示', 'Dismiss'],
  yuan: ['{0} 元', '{0} yuan'],
  historyTitle: ['救助记录：共 {0} 笔，合计 {1} 元', 'Assistance given: {0} payment(s), {1} yuan in all'],
  historyEmpty: ['救助记录：尚无发放', 'Assistance given: none yet'],
  historyDate: ['发放日期', 'Paid on'],
  historyWhat: ['救助项目、形式、所属期间', 'Scheme, form, period'],
  historyAmount: ['金额（元）', 'Yuan'],
  historyEmergency: ['先行救助', 'paid first'],
  user: ['当前用户：{0}', 'Signed in as {0}'],
  noRole: ['您还没有“人员权限”表中的角色，请联系管理员。', 'You have no role in the roles sheet yet; ask the administrator.'],
  notListedTitle: ['您还不能使用帮扶', 'You cannot use Bangfu yet'],
  notListedWho: [
    '您登录的账号 {0} 不在“人员权限”表中，所以不能录入、查看或审核案件。',
    'The account you are signed in with, {0}, is not listed in 人员权限, so you cannot enter, view or review cases.',
  ],
  notListedAsk: [
    '请联系下列管理员，把您的邮箱、角色和县区代码加入“人员权限”表：',
    'Ask one of these administrators to add your e-mail, role and county to 人员权限:',
  ],
  notListedOwner: [
    '请联系本表格的所有者，把您的邮箱、角色和县区代码加入“人员权限”表。',
    'Ask the owner of this spreadsheet to add your e-mail, role and county to 人员权限.',
  ],
  notListedAfter: ['加入后，关闭并重新打开此侧边栏即可。', 'Once added, close and reopen this sidebar.'],
  noEmail: ['（无法获取您的邮箱）', '(e-mail unavailable)'],
  // intake
  intakeTitleNew: ['新增困难职工', 'New worker in hardship'],
  intakeTitleEdit: ['编辑案件 {0}', 'Edit case {0}'],
  openExisting: ['打开已有案件', 'Open an existing case'],
  searchLabel: ['职工编号、姓名或身份证号后几位', 'Worker no., name or last digits of the ID'],
  search: ['查找', 'Search'],
  searching: ['正在查找…', 'Searching…'],
  noMatch: ['没有找到匹配的案件', 'No matching case'],
  searchEmpty: ['请输入要查找的内容', 'Type something to search for'],
  matches: ['找到 {0} 个案件', '{0} case(s) found'],
  newCase: ['新建空白表单', 'Start a new form'],
  county: ['县区', 'County'],
  chooseCounty: ['请选择县区', 'Choose a county'],
  choose: ['请选择', 'Choose'],
  computedHint: ['自动计算', 'Calculated'],
  notEditable: ['只能由{0}修改', 'Only {0} may change this'],
  addRow: ['添加一行', 'Add a row'],
  removeRow: ['删除第 {0} 行', 'Remove row {0}'],
  rowHeading: ['第 {0} 行', 'Row {0}'],
  noRows: ['尚无记录', 'No rows yet'],
  rowAdded: ['已添加第 {0} 行', 'Row {0} added'],
  rowRemoved: ['已删除一行', 'Row removed'],
  previewTitle: ['测算结果', 'Calculation'],
  previewPending: ['填写身份证号和收入后自动测算', 'Fill in the ID number and incomes to see the calculation'],
  previewing: ['正在测算…', 'Calculating…'],
  previewFailed: ['测算失败：{0}', 'Calculation failed: {0}'],
  birthSexAge: ['出生日期 / 性别 / 年龄', 'Birth date / sex / age'],
  ageYears: ['{0} 岁', '{0} years'],
  perCapita: ['家庭人均收入', 'Per-capita income'],
  perCapitaValue: ['年 {0} 元，月 {1} 元', '{0} yuan a year, {1} a month'],
  category: ['建议困难类别', 'Suggested category'],
  noCategory: ['暂不符合', 'None yet'],
  suggested: ['建议救助金额', 'Suggested relief'],
  warnings: ['提示', 'Warnings'],
  overrideCheck: ['我已核实，确认覆盖以上提示保存', 'I have checked and override the warnings above'],
  overrideReason: ['覆盖原因', 'Reason for the override'],
  overrideNeeded: ['请勾选覆盖并填写原因后再保存', 'Tick the override and give a reason before saving'],
  overrideReasonNeeded: ['请填写覆盖原因', 'Give a reason for the override'],
  overrideStaff: ['以上提示需由单位工会审核人员或上级工会覆盖后才能保存', 'A reviewer or higher union must override these warnings before saving'],
  save: ['保存', 'Save'],
  saving: ['正在保存…', 'Saving…'],
  fixErrors: ['有 {0} 项需要修改，请查看标红的字段', '{0} field(s) need attention (marked in red)'],
  saveFailed: ['保存失败：{0}', 'Save failed: {0}'],
  openFailed: ['打开案件失败：{0}', 'Could not open the case: {0}'],
  opened: ['已打开案件 {0}', 'Opened case {0}'],
  // review
  reviewTitle: ['审核工作台', 'Review workbench'],
  refresh: ['刷新', 'Refresh'],
  empty: ['暂无待办案件', 'Nothing waiting for you'],
  queueCount: ['共 {0} 件待办', '{0} case(s) waiting'],
  overdue: ['逾期', 'Overdue'],
  dueSoon: ['即将到期', 'Due soon'],
  emergency: ['先救助后补办', 'Help first'],
  emergencyPending: ['待补办', 'Papers pending'],
  due: ['办理期限 {0}', 'Due {0}'],
  noDue: ['无期限', 'No deadline'],
  reason: ['原因 / 意见', 'Reason / opinion'],
  reasonHint: ['{0}时必填', 'Required to {0}'],
  reasonNeeded: ['请填写原因后再“{0}”', 'Give a reason before "{0}"'],
  amount: ['救助金额（元）', 'Relief amount (yuan)'],
  amountNeeded: ['请填写有效的救助金额（不小于 0 的数字）', 'Enter a valid relief amount (a number, 0 or more)'],
  suggestedAmount: ['建议金额：{0} 元', 'Suggested: {0} yuan'],
  noSuggestion: ['无建议金额', 'No suggested amount'],
  working: ['正在处理…', 'Working…'],
  actionFailed: ['操作失败：{0}', 'Action failed: {0}'],
  unavailableTitle: ['未提供的操作', 'Not offered here'],
  stage: ['当前环节：{0}', 'Stage: {0}'],
  chainTitle: ['审批流程“{0}”', 'Approval chain "{0}"'],
  stageDone: ['已办结', 'done'],
  stageCurrent: ['当前', 'current'],
  recordsTitle: ['环节记录', 'Stage records'],
  stamped: ['已加盖本级工会公章', 'The union seal is applied'],
  stampNeeded: ['请确认已盖章后再“{0}”', 'Confirm the seal before "{0}"'],
} as const satisfies Record<string, readonly [string, string]>;

export type StringKey = keyof typeof STRINGS;

let current: Locale = 'zh-CN';

export function setLocale(locale: Locale): void {
  current = locale === 'en' ? 'en' : 'zh-CN';
  document.documentElement.lang = current;
}

export function locale(): Locale {
  return current;
}

/** The string in the current locale, with {0}, {1}… replaced by the arguments. */
export function t(key: StringKey, ...args: (string | number)[]): string {
  const [zh, en] = STRINGS[key];
  const text: string = current === 'en' ? en : zh;
  return text.replace(/\{(\d+)\}/g, (m, i: string) => (args[+i] === undefined ? m : String(args[+i])));
}

/** A label pair from the server (field, section) in the current locale. */
export function label(item: { zh: string; en: string }): string {
  return current === 'en' && item.en ? item.en : item.zh;
}

/** Yuan with two decimals and thousands separators (12,345.60). */
export function money(n: number): string {
  return n.toLocaleString(current === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/**
 * Role names for "only … may change this". The same words as ROLE_LABELS in
 * src/domain/caseModel.ts, repeated because that module brings zod into the page.
 */
const ROLE_NAMES: Record<string, readonly [string, string]> = {
  staff: ['基层工会', 'Grassroots staff'],
  reviewer: ['单位工会审核', 'Unit reviewer'],
  county: ['县区总工会', 'County union'],
  city: ['市总工会', 'City union'],
  admin: ['管理员', 'Administrator'],
};

export function roleName(role: string): string {
  const pair = ROLE_NAMES[role];
  if (!pair) return role;
  return current === 'en' ? pair[1] : pair[0];
}

/** 'A、B或C' / 'A, B or C'. */
export function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  const sep = current === 'en' ? ', ' : '、';
  const or = current === 'en' ? ' or ' : '或';
  return items.slice(0, -1).join(sep) + or + items[items.length - 1];
}
