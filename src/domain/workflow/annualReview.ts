/**
 * Dynamic management (动态管理, seed 001 三、5; seed 004 二(二)): every year by the end of April
 * every active case is re-reviewed; those no longer in hardship exit, the rest stay.
 * This proposes; people decide (an exit is still the county's 退出 action with a reason).
 */
import type { CaseRecord } from '../caseModel';
import { deriveValues } from '../forms/derive';
import { textOf } from '../forms/values';
import type { CivilDate } from '../civilDate';
import { ACTIVE_STATUSES, caseStatus, caseText } from './actions';
import { annualReviewDeadline, type DeadlineRules } from './deadlines';

export type ReviewProposal = '保留' | '退出';

export interface AnnualReviewOptions {
  year: number;
  /** This year's local 低保 line, yuan per person per month. */
  dibaoLine: number;
  /** Ages from ID numbers are taken on this day. */
  today: CivilDate;
  rules?: DeadlineRules;
}

export interface AnnualReviewItem {
  workerNo: string;
  county: string;
  /** This year's category: 低保户 / 低保边缘户 / 意外致困户, or '' when none applies. */
  category: string;
  proposal: ReviewProposal;
  reasonZh: string;
  reasonEn: string;
  /** The columns to write on the case row. */
  patch: { review_year: number; review_result: string; review_proposal: ReviewProposal };
}

/**
 * Seed 003: a party member already assisted by the party organisation is not the union's
 * target (one person, one programme).
 */
export function excludedByOtherProgramme(c: CaseRecord): boolean {
  return textOf(c.other_programme) === '党组织帮扶' && textOf(c.political_status) === '中共党员';
}

/** Proposals for every active (approved or filed) case; other cases are left out. */
export function annualReview(cases: readonly CaseRecord[], opts: AnnualReviewOptions): { deadline: CivilDate | null; items: AnnualReviewItem[] } {
  const items: AnnualReviewItem[] = [];
  for (const c of cases) {
    const status = caseStatus(c);
    if (status === null || !ACTIVE_STATUSES.includes(status)) continue;
    items.push(reviewOne(c, opts));
  }
  return { deadline: opts.rules ? annualReviewDeadline(opts.year, opts.rules) : null, items };
}

function reviewOne(c: CaseRecord, opts: AnnualReviewOptions): AnnualReviewItem {
  const d = deriveValues(c, { today: opts.today, dibaoLine: opts.dibaoLine });
  const category = d.hardship_category ?? '';
  let proposal: ReviewProposal;
  let reasonZh: string;
  let reasonEn: string;
  const monthly = d.per_capita_monthly;
  if (excludedByOtherProgramme(c)) {
    proposal = '退出';
    reasonZh = '已列入党组织救助的中共党员，不再作为工会救助对象（一人一项）';
    reasonEn = "A party member assisted by the party organisation is not the union's target (one programme per person)";
  } else if (monthly === undefined) {
    // Without income data nobody can say the hardship ended: keep, and ask for the data.
    proposal = '保留';
    reasonZh = '家庭收入或人口资料不全，暂予保留，请补充资料后人工复核';
    reasonEn = 'Household income or size missing: kept for now, complete the data and review by hand';
  } else if (category !== '') {
    proposal = '保留';
    reasonZh = `仍符合困难职工条件：${category}（家庭人均月收入 ${monthly.toFixed(2)} 元，低保线 ${opts.dibaoLine} 元）`;
    reasonEn = `Still qualifies: ${category} (per-capita monthly income ${monthly.toFixed(2)} yuan, dibao line ${opts.dibaoLine})`;
  } else {
    proposal = '退出';
    reasonZh = `已不符合困难职工条件（家庭人均月收入 ${monthly.toFixed(2)} 元，低保线 ${opts.dibaoLine} 元，无超过家庭收入一半的大额支出），建议办理退出`;
    reasonEn = `No longer qualifies (per-capita monthly income ${monthly.toFixed(2)} yuan, dibao line ${opts.dibaoLine}, no expense above half the household income)`;
  }
  return {
    workerNo: caseText(c, 'worker_no'),
    county: caseText(c, 'county'),
    category,
    proposal,
    reasonZh,
    reasonEn,
    patch: { review_year: opts.year, review_result: category === '' ? '不符合' : category, review_proposal: proposal },
  };
}
