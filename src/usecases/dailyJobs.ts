/**
 * The daily jobs (deadline check, annual re-review marks, quarterly reminder) and their
 * one trigger. With a writer they run in the writer, installed there as the owner: a
 * request by any administrator replaces the writer's one trigger, so installing twice, or
 * by someone else, never makes two. Without a writer the owner installs them in the bound
 * script (the local path of src/platform/writerClient.ts). The jobs themselves are in
 * src/server/triggers.ts (runDailyJobs).
 */
import { BangfuError } from '../domain/errors';
import { roleLabel } from '../domain/roles';
import { removeTriggersOf, replaceDailyTrigger } from '../platform/triggers';
import { setScriptProperty } from '../platform/properties';
import { requireUser, type Ctx } from './ctx';

/** Handlers we install; removing touches only these. */
export const OUR_HANDLERS = ['dailyJobs', 'dailyDeadlineCheck', 'annualReviewCheck', 'quarterlyReminder', 'onEditInstalled'] as const;
export const DAILY_HANDLER = 'dailyJobs';
/** Where a bound script remembers its spreadsheet for a time-driven run (an add-on has no active document there). */
export const SPREADSHEET_ID_KEY = 'bangfu.spreadsheetId';

export interface TriggerReport {
  removed: number;
  created: string[];
  message: string;
}

function requireAdmin(ctx: Ctx, what: string): void {
  const user = requireUser(ctx);
  if (user.role !== 'admin') {
    throw new BangfuError(
      'trigger.notAdmin',
      `只有管理员可以${what}（您是${roleLabel(user.role)}）`,
      `Only an administrator may ${what === '安装定时任务' ? 'install' : 'remove'} the scheduled jobs`,
    );
  }
}

export function installDailyJob(ctx: Ctx): TriggerReport {
  requireAdmin(ctx, '安装定时任务');
  const hour = ctx.settings().dailyHour;
  const removed = replaceDailyTrigger(DAILY_HANDLER, hour, 'Asia/Shanghai', OUR_HANDLERS);
  // A time-driven run of the bound script has no active document in an add-on: remember which one.
  setScriptProperty(SPREADSHEET_ID_KEY, ctx.ss.getId());
  return { removed, created: [DAILY_HANDLER], message: `已安装定时任务：每天北京时间 ${hour} 点检查期限、年度复审和季度统计提醒` };
}

export function removeDailyJob(ctx: Ctx): TriggerReport {
  requireAdmin(ctx, '删除定时任务');
  const removed = removeTriggersOf(OUR_HANDLERS);
  return { removed, created: [], message: removed > 0 ? `已删除 ${removed} 个定时任务` : '没有需要删除的定时任务' };
}
