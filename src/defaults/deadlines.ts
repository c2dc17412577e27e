/**
 * Default deadlines of the case workflow. Source: seed 001 《关于进一步做好困难职工帮扶工作的意见》
 * (Hebei provincial trade union; it takes 2005 funds as its base, so it applies from 2006):
 * §2 申请审批 — 审核 "一般在3个工作日内完成审核，紧急情况当日完成审核", 公示 "公示期不低于5个工作日",
 * 审批 "县(市、区)总工会应在7个工作日内完成初审"; §4 "每季度初7个工作日内逐级上报";
 * §5 动态管理 "每年4月底…进行一次全面调查审核".
 * Counties may set their own: these rows seed the 期限 table, which an administrator edits.
 */
import { cite } from '../domain/sources';
import { compileDeadlines, deadlineRowsToTable, type DeadlineRow, type DeadlineRules } from '../domain/workflow/deadlines';

const FROM = '2006-01-01';
const SEED_001 = cite('hebeiOpinions');

export const DEFAULT_DEADLINE_ROWS: readonly DeadlineRow[] = [
  { step: 'review', workdays: 3, monthDay: null, from: FROM, to: null, source: `${SEED_001} 二、2 审核：3个工作日内完成审核` },
  { step: 'emergency_review', workdays: 0, monthDay: null, from: FROM, to: null, source: `${SEED_001} 二、2 审核：紧急情况当日完成审核` },
  { step: 'notice', workdays: 5, monthDay: null, from: FROM, to: null, source: `${SEED_001} 二、2 公示：公示期不低于5个工作日` },
  { step: 'approval', workdays: 7, monthDay: null, from: FROM, to: null, source: `${SEED_001} 二、2 审批：县(市、区)总工会7个工作日内完成` },
  { step: 'quarterly_stats', workdays: 7, monthDay: null, from: FROM, to: null, source: `${SEED_001} 三、4：每季度初7个工作日内逐级上报` },
  { step: 'annual_review', workdays: null, monthDay: '04-30', from: FROM, to: null, source: `${SEED_001} 三、5 动态管理：每年4月底全面调查审核` },
];

let cached: DeadlineRules | null = null;
/** The default rules, checked once per script load. */
export function defaultDeadlineRules(): DeadlineRules {
  return (cached ??= compileDeadlines(DEFAULT_DEADLINE_ROWS));
}

/** The 期限 table as setup writes it (header first). */
export function defaultDeadlineTable(): (string | number)[][] {
  return deadlineRowsToTable(DEFAULT_DEADLINE_ROWS);
}
