/**
 * The default 设置 (settings) sheet: what setup writes the first time, never again.
 *
 * The sheet has three blocks, one under the other, separated by a blank row:
 *  1. settings: 设置项 | 值 | 生效日期 | 说明 — a setting may have several rows with
 *     different 生效日期 (e.g. the 低保 line changes every year); the row in force on a day is
 *     the latest one whose 生效日期 is on or before it (blank = always);
 *  2. 【县区代码】: the county codes used in worker numbers (seed 004);
 *  3. 【期限】: the workflow deadlines (src/defaults/deadlines.ts, seed 001).
 */
export const SETTING_KEYS = [
  'province_letter',
  'dibao_line',
  'notifications',
  'locale',
  'annual_review_start',
  'daily_hour',
  'quarterly_reminder',
  'report_unit',
  'report_person',
  'report_phone',
  'top_up_quota',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export interface SettingSeed {
  key: SettingKey;
  zh: string;
  en: string;
  value: string | number;
  /** 'YYYY-MM-DD' from which the value applies; '' = always. */
  from: string;
  note: string;
}

export { COUNTY_BLOCK_TITLE, COUNTY_HEADER, DEADLINE_BLOCK_TITLE, SETTINGS_HEADER } from '../domain/layouts/settings';

export const DEFAULT_SETTINGS: readonly SettingSeed[] = [
  {
    key: 'province_letter',
    zh: '省代码字母',
    en: 'Province letter',
    value: 'H',
    from: '',
    note: '职工编号的首字母。《荆门市工会系统开展“万名工会干部进万企帮万户”活动实施方案》（荆工办〔2016〕2号）附件调查表填表说明：“H”为省总分配给荆门的职工编号代码',
  },
  {
    key: 'dibao_line',
    zh: '低保标准（元/月）',
    en: 'Dibao line (yuan/month)',
    value: 550,
    from: '2016-01-01',
    note: '当地城市居民最低生活保障标准，用于困难类别判定和生活救助。默认值为郑州市 2016 年标准 550 元/月（《关于组织开展2017年元旦春节送温暖活动的通知》，豫直工〔2016〕37号，二（四）1）。请改为本地标准；标准调整时新增一行并填写生效日期',
  },
  {
    key: 'notifications',
    zh: '邮件提醒',
    en: 'E-mail reminders',
    value: '否',
    from: '',
    note: '填“是”：每日期限检查后，把各自逾期的案件清单发邮件给负责审核、审批的人员',
  },
  {
    key: 'locale',
    zh: '界面语言',
    en: 'Language',
    value: '自动',
    from: '',
    note: '“自动”跟随用户的 Google 账号语言；也可填 zh-CN 或 en',
  },
  {
    key: 'annual_review_start',
    zh: '年度复审开始日',
    en: 'Annual re-review starts',
    value: '04-01',
    from: '',
    note: '每年从此日起，把在册困难职工标记为待复审（截止日见下方期限表“年度复审”；《关于进一步做好困难职工帮扶工作的意见》（河北省）三、5：每年4月底前全面调查审核）',
  },
  {
    key: 'daily_hour',
    zh: '每日检查时间（时）',
    en: 'Daily check hour',
    value: 7,
    from: '',
    note: '每日期限检查在北京时间几点运行（0–23），修改后请重新运行“触发器设置”',
  },
  {
    key: 'quarterly_reminder',
    zh: '季度统计提醒',
    en: 'Quarterly reminder',
    value: '是',
    from: '',
    note: '每季度初 7 个工作日内提醒县区、市总工会逐级上报统计（《关于进一步做好困难职工帮扶工作的意见》（河北省）三、4）',
  },
  {
    key: 'top_up_quota',
    zh: '1.5倍补差认定比例上限',
    en: 'Top-up route quota',
    value: '5%',
    from: '',
    note: '家庭人均低保补差达当地平均水平1.5倍以上的，原则上控制在当地低保人数的5%以内（《关于进一步做好困难职工帮扶工作的意见》（河北省）一、6）；超过时录入表单提示，不阻止保存。各县区低保人数填在下方县区表',
  },
  {
    key: 'report_unit',
    zh: '填报单位',
    en: 'Reporting unit',
    value: '',
    from: '',
    note: '印在各报表表头“填报单位”一栏，如“京山县总工会”；留空则打印后手写',
  },
  {
    key: 'report_person',
    zh: '填报人',
    en: 'Reported by',
    value: '',
    from: '',
    note: '印在统计表表头“填报人”和实名制汇总表“联系人”一栏；留空则打印后手写',
  },
  {
    key: 'report_phone',
    zh: '联系电话',
    en: 'Contact phone',
    value: '',
    from: '',
    note: '印在各报表表头“联系电话”一栏；留空则打印后手写',
  },
];
