/**
 * 帮扶 → 管理 → 连接写入服务: the owner (or an administrator) gives the bound script the
 * writer's web-app URL. The URL must answer the writer's health check; the dialog then
 * shows what the owner must put into the WRITER's script properties so it accepts this
 * script: its token audience (BANGFU_ALLOWED_AUDIENCES) and this spreadsheet's ID
 * (BANGFU_SPREADSHEETS). The bound script's own daily trigger is removed (the jobs run in
 * the writer from now on).
 */
import { BangfuError } from '../domain/errors';
import { roleLabel } from '../domain/roles';
import { ownTokenAudience } from '../platform/identity';
import { setScriptProperty } from '../platform/properties';
import { effectiveEmail } from '../platform/session';
import { removeTriggersOf } from '../platform/triggers';
import { checkWriter, WRITER_URL_PROPERTY } from '../platform/writerClient';
import { getUi } from '../sheets/ui';
import { spreadsheetOwnerEmail } from '../sheets/workbook';
import { requestContext } from './context';
import { OUR_HANDLERS } from './triggers';

export interface ConnectReport {
  ok: boolean;
  message: string;
  audience?: string;
  spreadsheetId?: string;
  version?: number;
}

/** Checks the URL, stores it, and says what the writer's owner must set. */
export function connectWriterUrl(url: string): ConnectReport {
  const ctx = requestContext();
  try {
    const owner = spreadsheetOwnerEmail(ctx.ss);
    const isOwner = owner !== '' && effectiveEmail() === owner;
    const user = ctx.user();
    if (!isOwner && user?.role !== 'admin') {
      throw new BangfuError(
        'writer.connectNotAdmin',
        `只有表格所有者或管理员可以连接写入服务（您是${roleLabel(user?.role ?? null)}）`,
        'Only the owner or an administrator may connect the writer',
      );
    }
    const clean = String(url ?? '').trim();
    const health = checkWriter(clean);
    const audience = ownTokenAudience();
    setScriptProperty(WRITER_URL_PROPERTY, clean);
    // From now on the jobs run in the writer: this person's daily trigger here would only skip.
    removeTriggersOf(OUR_HANDLERS);
    const spreadsheetId = ctx.ss.getId();
    const message = [
      `已连接写入服务（协议版本 ${health.version}）。`,
      '请表格所有者打开写入服务项目 → 项目设置 → 脚本属性，确认：',
      `· BANGFU_ALLOWED_AUDIENCES 包含：${audience || '（无法取得，请重新打开表格后再连接一次）'}`,
      `· BANGFU_SPREADSHEETS 包含：${spreadsheetId}`,
      '多个值用英文逗号分隔。设置好后，在“触发器设置 → 安装定时任务”中安装定时任务（在写入服务中运行）。',
    ].join('\n');
    return { ok: true, message, audience, spreadsheetId, version: health.version };
  } catch (e) {
    if (e instanceof BangfuError) return { ok: false, message: e.zh };
    throw e;
  }
}

/** Menu handler: prompt, connect, show the result. */
export function connectWriter(): ConnectReport | null {
  const ui = getUi();
  const answer = ui.prompt('连接写入服务', '请粘贴写入服务“部署为网络应用”后得到的网址（https://script.google.com/macros/s/…/exec）：', ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return null;
  const report = connectWriterUrl(answer.getResponseText());
  ui.alert(report.ok ? '已连接写入服务' : '未能连接写入服务', report.message, ui.ButtonSet.OK);
  return report;
}
