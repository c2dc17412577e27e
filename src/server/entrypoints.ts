/**
 * The one list of Apps Script entry points. build.mjs reads it to generate the plain
 * top-level `function NAME(...) { return Bangfu.NAME(...) }` stubs that Apps Script needs
 * (it only sees top-level function declarations), with JSDoc for custom functions so
 * Sheets autocompletes them. Keep this file pure data: build.mjs imports it directly.
 *
 * kinds:
 *  - custom:   a custom function typed into cells (gets @customfunction JSDoc)
 *  - simple:   a simple trigger (onOpen, onInstall, onEdit)
 *  - menu:     a menu handler (called by name from the 帮扶 menu)
 *  - endpoint: a server function a sidebar calls through google.script.run
 *  - trigger:  an installable trigger handler (time-driven)
 */
export type EntryKind = 'custom' | 'simple' | 'menu' | 'endpoint' | 'trigger';

export interface EntryParam {
  /** Real parameter name, shown by Sheets' autocomplete (snake_case like built-ins). */
  name: string;
  /** JSDoc type, e.g. `string`, `number|number[][]`, `Date`. */
  type: string;
  optional?: boolean;
  zh: string;
  en: string;
}

export interface EntryPoint {
  name: string;
  kind: EntryKind;
  params: EntryParam[];
  zh: string;
  en: string;
  /** JSDoc return type and meaning (custom functions). */
  returns?: { type: string; zh: string; en: string };
}

const p = (name: string, type: string, zh: string, en: string, optional = false): EntryParam => ({ name, type, zh, en, optional });

export const ENTRY_POINTS: EntryPoint[] = [
  // ── custom functions (the contract users type; names and argument order are fixed) ──
  {
    name: 'RELIEF',
    kind: 'custom',
    zh: '按救助标准计算救助金额（元，精确到分）。',
    en: 'Relief amount in yuan (to the fen) under the relief standards.',
    params: [
      p('scheme', 'string', '救助项目名称，如 "特困职工医疗救助"', 'scheme code or Chinese name, e.g. "medical"'),
      p('amount', 'number|Array<Array<number>>', '计算基数（如医疗自付金额），可为单元格区域', 'base amount (e.g. medical self-pay), a number or a range'),
      p(
        'on_date',
        'Date',
        '按哪一天有效的标准计算；请传入“今日”单元格（公式缓存，不填则停在首次计算的那天）',
        'date whose standard applies; pass the 今日 cell (results are cached; omitted = the day first computed)',
        true,
      ),
      p('policy', 'Array<Array<*>>', '救助标准表区域（含表头），替代内置标准', 'range of the 救助标准 sheet (with header) replacing the defaults', true),
    ],
    returns: { type: 'number|Array<Array<number>>', zh: '救助金额（元）', en: 'relief in yuan' },
  },
  {
    name: 'RELIEF_EXPLAIN',
    kind: 'custom',
    zh: '说明救助金额的计算依据：档次、比例、起付线、封顶、依据文件。',
    en: 'Explains a relief amount: band, rate, deductible, cap, source.',
    params: [
      p('scheme', 'string', '救助项目代码或中文名', 'scheme code or Chinese name'),
      p('amount', 'number|Array<Array<number>>', '计算基数，可为单元格区域', 'base amount, a number or a range'),
      p(
        'on_date',
        'Date',
        '按哪一天有效的标准；请传入“今日”单元格，不填则按计算当天并在说明中注明',
        'date whose standard applies; pass the 今日 cell (omitted: the day computed, stated in the text)',
        true,
      ),
      p('policy', 'Array<Array<*>>', '救助标准表区域（含表头）', 'range of the 救助标准 sheet (with header)', true),
    ],
    returns: { type: 'string|Array<Array<string>>', zh: '一行说明文字', en: 'one line of explanation' },
  },
  {
    name: 'WORKDAY_CN',
    kind: 'custom',
    zh: '按国务院节假日安排（含调休上班日）计算若干个工作日之后（负数为之前）的日期；尚未公布安排的年份按法定节假日暂定。',
    en: 'The date N Chinese working days after (negative: before) a start date, on the State Council schedule including adjusted working days.',
    params: [
      p('start', 'Date|Array<Array<Date>>', '起始日期，可为区域', 'start date, or a range of dates'),
      p('days', 'number', '工作日天数，负数表示往前', 'number of working days; negative counts back'),
      p(
        'holidays',
        'Array<Array<*>>',
        '节假日表区域：日期、休/班，补充或覆盖内置日历',
        'range of (date, 休/班) extending or overriding the built-in calendar',
        true,
      ),
    ],
    returns: { type: 'Date|Array<Array<Date>>', zh: '日期', en: 'the date' },
  },
  {
    name: 'IDCARD_VALID',
    kind: 'custom',
    zh: '校验18位居民身份证号码（GB 11643 校验码、真实出生日期）。',
    en: 'Checks an 18-character resident ID number (GB 11643 check digit, real birth date).',
    params: [p('id', 'string|Array<Array<string>>', '身份证号码，可为区域', 'ID number, or a range')],
    returns: { type: 'boolean|Array<Array<boolean>>', zh: 'TRUE 或 FALSE', en: 'TRUE or FALSE' },
  },
  {
    name: 'IDCARD_INFO',
    kind: 'custom',
    zh: '从身份证号码取出生日期、性别、年龄或地区代码。',
    en: 'Birth date, sex, age or region code from an ID number.',
    params: [
      p('id', 'string|Array<Array<string>>', '身份证号码，可为区域', 'ID number, or a range'),
      p('field', 'string', '"出生日期"、"性别"、"年龄"或"地区代码"', '"birth", "sex", "age" or "region"'),
      p(
        'on_date',
        'Date',
        '计算年龄的日期；请传入“今日”单元格，如 =IDCARD_INFO(B2, "年龄", 今日)，年龄才会每天更新',
        'date for the age; pass the 今日 cell, e.g. =IDCARD_INFO(B2, "age", 今日), so the age stays current',
        true,
      ),
    ],
    returns: { type: 'Date|string|number', zh: '所取信息', en: 'the requested field' },
  },
  {
    name: 'WORKER_NO',
    kind: 'custom',
    zh: '生成职工编号：省代码字母 + 2位县区代码 + 5位序号，如 H0100001。',
    en: 'Worker number: province letter + 2-digit county code + 5-digit serial, e.g. H0100001.',
    params: [
      p('county_code', 'string', '县区代码，如 "H01"（或 "01" 配合设置中的省代码）', 'county code, e.g. "H01"'),
      p('serial', 'number|Array<Array<number>>', '序号（1–99999），可为区域', 'serial number 1–99999, or a range'),
    ],
    returns: { type: 'string|Array<Array<string>>', zh: '职工编号', en: 'worker number' },
  },
  {
    name: 'WORKER_NO_VALID',
    kind: 'custom',
    zh: '校验职工编号格式。',
    en: 'Checks the format of a worker number.',
    params: [p('no', 'string|Array<Array<string>>', '职工编号，可为区域', 'worker number, or a range')],
    returns: { type: 'boolean|Array<Array<boolean>>', zh: 'TRUE 或 FALSE', en: 'TRUE or FALSE' },
  },
  {
    name: 'HARDSHIP',
    kind: 'custom',
    zh: '按精准识别条件判定困难类别：低保户 / 低保边缘户 / 意外致困户 / 空。',
    en: 'Hardship category per the precise-identification rules: 低保户 / 低保边缘户 / 意外致困户 / blank.',
    params: [
      p('per_capita_monthly_income', 'number|Array<Array<number>>', '家庭人均月收入（元），可为区域', 'household per-capita monthly income (yuan), or a range'),
      p('dibao_line', 'number', '当地低保标准（元/月）', 'local minimum living standard (yuan/month)'),
      p(
        'cause',
        'string|Array<Array<string>>',
        '致困原因，如 "因病"、"子女上学"、"因意外"，可多个用逗号分隔',
        'hardship cause(s), e.g. "因病", comma separated',
        true,
      ),
      p(
        'expense_ratio',
        'number|Array<Array<number>>',
        '医疗/学费/灾害支出占家庭年收入的比例（0.5 = 50%）',
        'medical/tuition/disaster spending as a share of household annual income',
        true,
      ),
    ],
    returns: { type: 'string|Array<Array<string>>', zh: '困难类别', en: 'hardship category' },
  },
  // ── the spreadsheet workflow (src/server/menu.ts, setup.ts, intake.ts, review.ts, triggers.ts, onEdit.ts, help.ts) ──
  {
    name: 'onOpen',
    kind: 'simple',
    params: [p('e', 'Object', '打开事件', 'open event', true)],
    zh: '打开表格时添加“帮扶”菜单。',
    en: 'Adds the 帮扶 menu when the spreadsheet opens.',
  },
  {
    name: 'onInstall',
    kind: 'simple',
    params: [p('e', 'Object', '安装事件', 'install event', true)],
    zh: '安装插件后添加“帮扶”菜单。',
    en: 'Adds the 帮扶 menu after the add-on is installed.',
  },
  {
    name: 'onEdit',
    kind: 'simple',
    params: [p('e', 'Object', '编辑事件', 'edit event', true)],
    zh: '直接编辑“案件”表时校验单元格、记录修改人和时间。',
    en: 'Checks cells typed into 案件 and stamps who changed them and when.',
  },
  { name: 'openIntake', kind: 'menu', params: [], zh: '打开“新增/编辑困难职工”侧边栏。', en: 'Opens the New / edit case sidebar.' },
  { name: 'openReview', kind: 'menu', params: [], zh: '打开“审核工作台”侧边栏。', en: 'Opens the review workbench sidebar.' },
  {
    name: 'setupSpreadsheet',
    kind: 'menu',
    params: [],
    zh: '创建缺少的工作表、表头、下拉选项、保护和标色；不覆盖已有数据。',
    en: 'Creates missing sheets, headers, dropdowns, protections and colours; never overwrites data.',
  },
  {
    name: 'verifyAuditLog',
    kind: 'menu',
    params: [],
    zh: '逐行核对操作日志的哈希链，指出第一处被修改、删除、调换或手工添加的记录。',
    en: 'Checks the 操作日志 hash chain row by row and names the first changed, deleted, reordered or hand-added row.',
  },
  {
    name: 'installTriggers',
    kind: 'menu',
    params: [],
    zh: '安装每日定时任务（期限检查、年度复审、季度统计提醒）。',
    en: 'Installs the daily job (deadlines, annual re-review, quarterly reminder).',
  },
  { name: 'removeTriggers', kind: 'menu', params: [], zh: '删除本插件的定时任务。', en: "Removes this add-on's scheduled jobs." },
  {
    name: 'runRollup',
    kind: 'menu',
    params: [],
    zh: '按县区汇总“汇总来源”所列各表的案件，写入“汇总”表。',
    en: 'Rolls up every source listed in 汇总来源 by county into 汇总.',
  },
  {
    name: 'runReports',
    kind: 'menu',
    params: [],
    zh: '生成汇总、送温暖工程统计表、困难职工帮扶中心统计表和实名制汇总表。',
    en: 'Writes 汇总 and the official statistics forms and the real-name summary.',
  },
  {
    name: 'runPublicNotice',
    kind: 'menu',
    params: [],
    zh: '生成公示名单（身份证号、卡号、电话部分隐藏）。',
    en: 'Writes the public-notice list with numbers masked.',
  },
  { name: 'runDashboard', kind: 'menu', params: [], zh: '生成统计图表。', en: 'Writes the dashboard tables and charts.' },
  {
    name: 'runDonationRollup',
    kind: 'menu',
    params: [],
    zh: '按县区汇总职工互助一日捐，标出未达标单位。',
    en: 'Rolls up the one-day donation campaign by county and flags units below the thresholds.',
  },
  {
    name: 'runCaseReports',
    kind: 'menu',
    params: [],
    zh: '为“案件”表中选中的行各生成一张困难职工情况报表。',
    en: 'Writes a printable case report for each selected row of 案件.',
  },
  {
    name: 'submitStagingRows',
    kind: 'menu',
    params: [],
    zh: '把“录入”表中填好的行提交为案件；有误的行留在原处并在单元格批注中说明。',
    en: 'Submits the rows typed into 录入 as cases; rows with mistakes stay, with a note on each bad cell.',
  },
  {
    name: 'connectWriter',
    kind: 'menu',
    params: [],
    zh: '连接写入服务：填写写入服务网址，显示需在写入服务中登记的受众和表格 ID。',
    en: 'Connects the writer web app and shows what to register in it.',
  },
  {
    name: 'importHolidayNoticeMenu',
    kind: 'menu',
    params: [],
    zh: '粘贴国务院办公厅节假日安排通知，核对后写入“节假日”表并重新计算办理期限。',
    en: 'Paste the State Council holiday notice, check it, write it to 节假日 and recompute deadlines.',
  },
  {
    name: 'openConfigDraft',
    kind: 'menu',
    params: [],
    zh: '选择一张配置表（人员权限、设置、救助标准、表单定义、节假日、汇总来源），打开可编辑的草稿副本。',
    en: 'Opens an editable draft copy of a configuration sheet.',
  },
  {
    name: 'applyConfigDraft',
    kind: 'menu',
    params: [],
    zh: '核对配置草稿的修改，确认后由写入服务写入配置表并逐行记入操作日志。',
    en: 'Shows what a configuration draft changes and, once confirmed, has the writer apply and log it.',
  },
  { name: 'showHelp', kind: 'menu', params: [], zh: '显示使用说明。', en: 'Shows the guide.' },
  {
    name: 'getIntakeForm',
    kind: 'endpoint',
    params: [p('workerNo', 'string', '职工编号（编辑已有案件时）', 'worker number when editing', true)],
    zh: '侧边栏：取得录入表单（含已有案件的值）。',
    en: "Sidebar: the intake form model (with a case's values when editing).",
  },
  {
    name: 'previewCase',
    kind: 'endpoint',
    params: [p('values', 'Object', '表单当前的值', 'the form values')],
    zh: '侧边栏：计算派生值、建议救助金额和提示。',
    en: 'Sidebar: derived values, suggested relief and warnings.',
  },
  {
    name: 'saveCase',
    kind: 'endpoint',
    params: [p('req', 'Object', '保存请求', 'save request')],
    zh: '侧边栏：保存案件（新增或修改）。',
    en: 'Sidebar: saves a case (new or edit).',
  },
  {
    name: 'searchCases',
    kind: 'endpoint',
    params: [p('text', 'string', '职工编号、姓名或身份证号', 'worker number, name or ID number')],
    zh: '侧边栏：查找案件。',
    en: 'Sidebar: finds cases.',
  },
  { name: 'getReviewQueue', kind: 'endpoint', params: [], zh: '侧边栏：待当前用户办理的案件。', en: 'Sidebar: cases waiting on the current user.' },
  {
    name: 'reviewAction',
    kind: 'endpoint',
    params: [p('req', 'Object', '审核操作请求', 'review action request')],
    zh: '侧边栏：办理审核、公示、审批、备案等操作。',
    en: 'Sidebar: takes a workflow action (review, notice, approval, filing…).',
  },
  {
    name: 'dailyJobs',
    kind: 'trigger',
    params: [],
    zh: '每日定时任务：期限检查、年度复审标记、季度统计提醒。',
    en: 'Daily job: deadline check, annual re-review, quarterly reminder.',
  },
  {
    name: 'dailyDeadlineCheck',
    kind: 'trigger',
    params: [],
    zh: '重新计算截止日期和逾期标记，按设置发送逾期提醒邮件。',
    en: 'Recomputes due dates and overdue flags; optional e-mail digests.',
  },
  {
    name: 'annualReviewCheck',
    kind: 'trigger',
    params: [],
    zh: '年度复审期间标记在册困难职工待复审。',
    en: 'Marks active cases for the annual re-review in its period.',
  },
  {
    name: 'quarterlyReminder',
    kind: 'trigger',
    params: [],
    zh: '季度初7个工作日内提醒上报统计（每季度一次）。',
    en: 'Reminds county and city unions to report quarterly statistics (once per quarter).',
  },
];
