/**
 * The 帮扶 menu. onOpen may run without authorisation (an add-on not yet used in this
 * document gets AuthMode.NONE): then it may only add an add-on menu, and touches nothing
 * else. A bound script (and an add-on in use) runs in LIMITED mode and gets the top-level
 * 帮扶 menu. The handler names are entry points (src/server/entrypoints.ts).
 */
import type { Locale } from '../domain/errors';
import { getUi } from '../sheets/ui';
import { calendarReminderOnOpen } from './triggers';

interface Item {
  zh: string;
  en: string;
  fn: string;
}
interface SubMenu {
  zh: string;
  en: string;
  items: Item[];
}
type Entry = Item | SubMenu | 'separator';

/** The menu as data, so a test can compare what was built with what was meant. */
export const MENU: readonly Entry[] = [
  { zh: '新增/编辑困难职工', en: 'New / edit case', fn: 'openIntake' },
  { zh: '审核工作台', en: 'Review workbench', fn: 'openReview' },
  { zh: '提交录入行', en: 'Submit typed rows', fn: 'submitStagingRows' },
  'separator',
  {
    zh: '汇总与报表',
    en: 'Roll-ups and reports',
    items: [
      { zh: '汇总', en: 'Roll up', fn: 'runRollup' },
      { zh: '生成报表', en: 'Generate reports', fn: 'runReports' },
      { zh: '公示名单', en: 'Public notice list', fn: 'runPublicNotice' },
      { zh: '统计图表', en: 'Dashboard', fn: 'runDashboard' },
      { zh: '一日捐汇总', en: 'Donation roll-up', fn: 'runDonationRollup' },
      { zh: '困难职工情况报表（选中行）', en: 'Case report (selected rows)', fn: 'runCaseReports' },
    ],
  },
  'separator',
  { zh: '初始化/修复表格', en: 'Set up / repair workbook', fn: 'setupSpreadsheet' },
  {
    zh: '触发器设置',
    en: 'Triggers',
    items: [
      { zh: '安装定时任务', en: 'Install scheduled jobs', fn: 'installTriggers' },
      { zh: '删除定时任务', en: 'Remove scheduled jobs', fn: 'removeTriggers' },
    ],
  },
  {
    zh: '管理',
    en: 'Administration',
    items: [
      { zh: '连接写入服务', en: 'Connect the writer', fn: 'connectWriter' },
      { zh: '校验操作日志', en: 'Verify the audit log', fn: 'verifyAuditLog' },
      { zh: '导入节假日通知', en: 'Import holiday notice', fn: 'importHolidayNoticeMenu' },
      { zh: '编辑配置表…', en: 'Edit a configuration sheet…', fn: 'openConfigDraft' },
      { zh: '应用配置草稿', en: 'Apply configuration draft', fn: 'applyConfigDraft' },
    ],
  },
  { zh: '帮助', en: 'Help', fn: 'showHelp' },
];

export const MENU_TITLE = { zh: '帮扶', en: 'Bangfu' };

function menuLocale(): Locale {
  try {
    return (Session.getActiveUserLocale() || '').toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const locale = menuLocale();
  const label = (x: { zh: string; en: string }) => (locale === 'en' ? x.en : x.zh);
  const ui = getUi();
  const noAuth = e !== undefined && e.authMode === ScriptApp.AuthMode.NONE;
  const menu = noAuth ? ui.createAddonMenu() : ui.createMenu(label(MENU_TITLE));
  for (const entry of MENU) {
    if (entry === 'separator') {
      menu.addSeparator();
    } else if ('items' in entry) {
      const sub = ui.createMenu(label(entry));
      for (const it of entry.items) sub.addItem(label(it), it.fn);
      menu.addSubMenu(sub);
    } else {
      menu.addItem(label(entry), entry.fn);
    }
  }
  menu.addToUi();
  // Administrators are reminded to import next year's holiday notice (not in AuthMode.NONE: no reading then).
  if (!noAuth) calendarReminderOnOpen();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
