/**
 * Default deadlines of the case workflow. Source: seed 001 《关于进一步做好困难职工帮扶工作的意见》
 * (Hebei provincial trade union; it takes 2005 funds as its base, so it applies from 2006):
 * §4 "每季度初7个工作日内逐级上报";
 * §5 动态管理 "每年4月底…进行一次全面调查审核".
 * Counties may set their own: these rows seed the 期限 table, which an administrator edits.
 * The stages' own deadlines (审核 3 days, 公示 5, 初审 7) are columns of 审批流程 (chains.ts).
 */
import { cite } from '../domain/sources';
import { compileDeadlines, deadlineRowsToTable, type DeadlineRow, type DeadlineRules } from '../domain/workflow/deadlines';

const FROM = '2006-01-01';
const SEED_001 = cite('hebeiOpinions');

export const DEFAULT_DEADLINE_ROWS: readonly DeadlineRow[] = [
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
