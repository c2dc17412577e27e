/**
 * The 帮扶 menu: a bound script gets the top-level menu; an add-on not yet authorised in
 * this document only an add-on menu; English labels for an English-speaking user. Every
 * handler it names is an entry point.
 */
import { onInstall, onOpen, MENU } from '../../src/server/menu';
import { ENTRY_POINTS } from '../../src/server/entrypoints';
import { createFakeGas, installGlobals } from '../../harness/gas';

type RecordedMenu = { title: string; addon?: boolean; items: unknown[] };

function openWith(authMode: string, locale = 'zh-CN'): RecordedMenu[] {
  const fake = createFakeGas();
  installGlobals(globalThis, fake);
  (fake as unknown as { locale: string }).locale = locale;
  onOpen({ authMode } as unknown as GoogleAppsScript.Events.SheetsOnOpen);
  return (fake as unknown as { ui: { menus: RecordedMenu[] } }).ui.menus;
}

function labels(items: unknown[]): string[] {
  return items.flatMap((i) =>
    typeof i === 'string'
      ? []
      : 'sub' in (i as object)
        ? [(i as { sub: string }).sub, ...labels((i as { items: unknown[] }).items)]
        : [(i as { label: string }).label],
  );
}

test('a bound script gets the 帮扶 menu with every item', () => {
  const menus = openWith('LIMITED');
  expect(menus).toHaveLength(1);
  expect(menus[0].title).toBe('帮扶');
  expect(labels(menus[0].items)).toEqual([
    '新增/编辑困难职工',
    '审核工作台',
    '提交录入行',
    '汇总与报表',
    '汇总',
    '生成报表',
    '公示名单',
    '统计图表',
    '一日捐汇总',
    '困难职工情况报表（选中行）',
    '初始化/修复表格',
    '触发器设置',
    '安装定时任务',
    '删除定时任务',
    '管理',
    '连接写入服务',
    '校验操作日志',
    '导入节假日通知',
    '编辑配置表…',
    '应用配置草稿',
    '帮助',
  ]);
});

test('without authorisation only an add-on menu is added', () => {
  const menus = openWith('NONE');
  expect(menus).toHaveLength(1);
  expect(menus[0].addon).toBe(true);
});

test('an English-speaking user reads English labels', () => {
  const menus = openWith('LIMITED', 'en_US');
  expect(menus[0].title).toBe('Bangfu');
  expect(labels(menus[0].items)).toContain('Review workbench');
});

test('onInstall builds the same menu', () => {
  const fake = createFakeGas();
  installGlobals(globalThis, fake);
  onInstall({ authMode: 'FULL' } as unknown as GoogleAppsScript.Events.AddonOnInstall);
  expect((fake as unknown as { ui: { menus: RecordedMenu[] } }).ui.menus).toHaveLength(1);
});

test('every menu handler is an entry point', () => {
  const names = new Set(ENTRY_POINTS.map((e) => e.name));
  const handlers = MENU.flatMap((e) => (e === 'separator' ? [] : 'items' in e ? e.items.map((i) => i.fn) : [e.fn]));
  for (const fn of handlers) expect(names.has(fn)).toBe(true);
});
