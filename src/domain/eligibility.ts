/**
 * Who counts as a worker in hardship, and in which category (SPEC §3).
 *
 * Seed 004 二(二)《荆门市工会系统开展“万名工会干部进万企帮万户”活动实施方案》, precise identification:
 * 1. household per-capita income below the local 低保 line → 低保户;
 * 2. per-capita income within 100 %–130 % of the 低保 line AND a special cause (illness,
 *    children's schooling, disability, single parent "及其他特殊原因") → 低保边缘户;
 * 3. medical self-pay, non-compulsory tuition, or disaster loss / loss of working ability
 *    above 50 % of household annual income → 意外致困户.
 *
 * Decisions:
 * - Condition 3 is named 意外致困户: seed 004's survey form has exactly three categories
 *   (低保户/低保边缘户/意外致困户), and the third is the only one defined by an event rather
 *   than by income, so every event of condition 3 (illness, tuition, disaster) lands there.
 * - Precedence 低保户 > 低保边缘户 > 意外致困户: a household meeting several conditions is
 *   filed under the income category, which is the order of seed 004's list and of the
 *   statistics form (seed 002 附件1: below 低保; slightly above; accident/illness/disaster).
 * - "Within 100 %–130 %" includes both ends: income equal to the line is not "below" it, and
 *   the seed's range includes 130 %. "超过 50 %" is strict.
 * - Any stated cause counts as special: seed 004's list ends with "及其他特殊原因", so it is
 *   an open list, not a closed one.
 * - Amounts are compared exactly, in fen (money.ts), so 715.00 is within 130 % of 550.
 */
import { cite } from './sources';
import * as z from 'zod/mini';
import { BangfuError } from './errors';
import { compareWithShare, parseRate, yuanToFen } from './money';

export const HARDSHIP_CATEGORIES = ['低保户', '低保边缘户', '意外致困户'] as const;
export type HardshipCategory = (typeof HARDSHIP_CATEGORIES)[number] | '';

/** Thresholds of seed 004 二(二); a caller (the 设置 sheet) may override them. */
export const HardshipThresholdsSchema = z.object({
  /** Upper end of the 低保边缘 range as a multiple of the 低保 line (130 % → 1.3). */
  margin: z.number().check(z.gte(1)),
  /** Share of household annual income that big spending must exceed (50 % → 0.5). */
  expenseShare: z.number().check(z.gt(0)),
});
export type HardshipThresholds = z.infer<typeof HardshipThresholdsSchema>;

export const DEFAULT_HARDSHIP_THRESHOLDS: Readonly<HardshipThresholds> = Object.freeze({ margin: 1.3, expenseShare: 0.5 });
export const HARDSHIP_THRESHOLDS_SOURCE = cite('jingmenPlan', '二（二）精准识别');

export const HardshipInputSchema = z.object({
  /** Household per-capita income, yuan per month. */
  perCapitaMonthlyIncome: z.number().check(z.gte(0)),
  /** Local 低保 line, yuan per person per month. */
  dibaoLine: z.number().check(z.gt(0)),
  /** Causes as written on the form (因病、子女上学、因残、单亲、因意外、其它 …). */
  causes: z._default(z.array(z.string()), []),
  /** max(medical self-pay, tuition, disaster loss) ÷ household annual income; Infinity when income is 0. */
  expenseRatio: z.optional(z.nullable(z.custom<number>((v) => typeof v === 'number' && v >= 0))),
  margin: z.optional(HardshipThresholdsSchema.shape.margin),
  expenseShare: z.optional(HardshipThresholdsSchema.shape.expenseShare),
});
export type HardshipInput = z.input<typeof HardshipInputSchema>;

const FIELD_ZH: Record<string, string> = {
  perCapitaMonthlyIncome: '家庭人均月收入', dibaoLine: '低保标准', causes: '致困原因', expenseRatio: '支出占收入比例', margin: '低保边缘上限倍数', expenseShare: '大额支出比例',
};

/** The category the rules suggest, '' when none applies. Throws BangfuError on impossible input. */
export function hardshipCategory(input: HardshipInput): HardshipCategory {
  const parsed = HardshipInputSchema.safeParse(input);
  if (!parsed.success) {
    const key = String(parsed.error.issues[0].path[0] ?? '');
    const value = (input as Record<string, unknown>)[key];
    throw new BangfuError('hardship.invalid', `${FIELD_ZH[key] ?? key}无效：${String(value)}`, `Invalid ${key}: ${String(value)}`, key);
  }
  const p = parsed.data;
  const income = yuanToFen(p.perCapitaMonthlyIncome, '家庭人均月收入');
  const line = yuanToFen(p.dibaoLine, '低保标准');
  if (income < line) return '低保户';
  const margin = parseRate(p.margin ?? DEFAULT_HARDSHIP_THRESHOLDS.margin, '低保边缘上限倍数');
  const hasCause = p.causes.some((c) => c.trim() !== '');
  if (hasCause && compareWithShare(income, line, margin) <= 0) return '低保边缘户';
  const share = p.expenseShare ?? DEFAULT_HARDSHIP_THRESHOLDS.expenseShare;
  if (p.expenseRatio !== null && p.expenseRatio !== undefined && p.expenseRatio > share) return '意外致困户';
  return '';
}

export const ExclusionInputSchema = z.object({
  /** 政治面貌: 中共党员 / 中共预备党员 / 共青团员 / 群众 / 民主党派. */
  politicalStatus: z._default(z.string(), ''),
  /** 已享受其他帮扶: 否 / 党组织帮扶 / 其他 (a list when several were ticked). */
  otherProgramme: z._default(z.union([z.string(), z.array(z.string())]), ''),
});
export type ExclusionInput = z.input<typeof ExclusionInputSchema>;

/**
 * Seed 003 (豫直工〔2016〕37号): "凡列入党组织救助的困难职工党员，不再作为工会的救助对象" —
 * one person, one programme. True for a Communist Party member (full or probationary)
 * already assisted by the party organisation. 民主党派 members are not party members here.
 */
export function isExcludedByOtherProgramme(input: ExclusionInput): boolean {
  const p = ExclusionInputSchema.parse(input);
  const status = p.politicalStatus.trim();
  const partyMember = status.includes('党员') && !status.includes('民主党派');
  const programmes = Array.isArray(p.otherProgramme) ? p.otherProgramme : [p.otherProgramme];
  return partyMember && programmes.some((s) => s.includes('党组织'));
}
