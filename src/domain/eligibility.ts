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
 *
 * The routes of seed 001 §1 (特困职工) and seed 003 二(四) that the three income / spending
 * tests above do not catch (SPEC §3), filed under the statistics line that fits them
 * (seed 002 附件1 item 3 has exactly the three categories):
 * - 三无人员 (no working ability, no income, no legal supporter, certified by civil affairs) and
 *   a household whose 低保 top-up is ≥ 1.5× the local average → 低保户: both are 低保 households;
 * - 零就业家庭 (001 §1(3)) and 夫妻双下岗 in a bankrupt, restructured or merged enterprise
 *   (003 二(四)) → 低保边缘户 when not below the line: 002's 3(C) is "略高于低保标准但因一定原因
 *   导致生活困难", the reason being that nobody in the household has work;
 * - migrant workers qualify only on a labour contract of ≥ 1 year (003 二(四)4) and with the
 *   household in the town ≥ 2 years (001 §1): a migrant known to fall short gets no category.
 *   A length nobody entered is not held against the worker here (the reviewer checks it).
 * A route is read from 特困情形 or from the causes' text (=HARDSHIP(…, "零就业家庭")).
 * The 1.5× route's 5 % quota of local 低保 recipients is a warning where a person decides, not here.
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
  /** A migrant worker's labour contract, at least (years; seed 003 二(四)4). */
  migrantContractYears: z.number().check(z.gte(0)),
  /** A migrant worker's household in the town, at least (years; seed 001 §1). */
  migrantYearsInTown: z.number().check(z.gte(0)),
});
export type HardshipThresholds = z.infer<typeof HardshipThresholdsSchema>;

export const DEFAULT_HARDSHIP_THRESHOLDS: Readonly<HardshipThresholds> = Object.freeze({
  margin: 1.3,
  expenseShare: 0.5,
  migrantContractYears: 1,
  migrantYearsInTown: 2,
});

/** The 特困情形 a form offers (seed 001 §1, seed 003 二(四)); read also from a cause's text. */
export const HARDSHIP_ROUTES = ['零就业家庭', '三无人员', '低保补差达当地平均1.5倍以上', '夫妻双下岗'] as const;
const ROUTE_WORDS: Record<(typeof HARDSHIP_ROUTES)[number], RegExp> = {
  零就业家庭: /零就业/,
  三无人员: /三无/,
  '低保补差达当地平均1.5倍以上': /1\.5\s*倍|一倍半/,
  夫妻双下岗: /双下岗/,
};

/** Which routes a list of texts names (特困情形 ticks, or causes typed into =HARDSHIP). */
export function routesIn(texts: readonly string[]): Set<(typeof HARDSHIP_ROUTES)[number]> {
  const out = new Set<(typeof HARDSHIP_ROUTES)[number]>();
  for (const t of texts) for (const r of HARDSHIP_ROUTES) if (ROUTE_WORDS[r].test(t)) out.add(r);
  return out;
}
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
  migrantContractYears: z.optional(HardshipThresholdsSchema.shape.migrantContractYears),
  migrantYearsInTown: z.optional(HardshipThresholdsSchema.shape.migrantYearsInTown),
  /** 特困情形 ticked on the form (HARDSHIP_ROUTES); the causes' text is read for them too. */
  routes: z._default(z.array(z.string()), []),
  /** For a migrant worker: contract and years in town, null when nobody entered them. */
  migrant: z.optional(z.object({ contractYears: z.nullable(z.number().check(z.gte(0))), yearsInTown: z.nullable(z.number().check(z.gte(0))) })),
});
export type HardshipInput = z.input<typeof HardshipInputSchema>;

const FIELD_ZH: Record<string, string> = {
  perCapitaMonthlyIncome: '家庭人均月收入',
  dibaoLine: '低保标准',
  causes: '致困原因',
  expenseRatio: '支出占收入比例',
  margin: '低保边缘上限倍数',
  expenseShare: '大额支出比例',
  routes: '特困情形',
  migrant: '农民工合同年限或在城镇居住年限',
  migrantContractYears: '农民工合同年限下限',
  migrantYearsInTown: '农民工在城镇居住年限下限',
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
  if (p.migrant) {
    const { contractYears, yearsInTown } = p.migrant;
    if (contractYears !== null && contractYears < (p.migrantContractYears ?? DEFAULT_HARDSHIP_THRESHOLDS.migrantContractYears)) return '';
    if (yearsInTown !== null && yearsInTown < (p.migrantYearsInTown ?? DEFAULT_HARDSHIP_THRESHOLDS.migrantYearsInTown)) return '';
  }
  if (income < line) return '低保户';
  const routes = routesIn([...p.routes, ...p.causes]);
  if (routes.has('三无人员') || routes.has('低保补差达当地平均1.5倍以上')) return '低保户';
  const margin = parseRate(p.margin ?? DEFAULT_HARDSHIP_THRESHOLDS.margin, '低保边缘上限倍数');
  const hasCause = p.causes.some((c) => c.trim() !== '');
  if (hasCause && compareWithShare(income, line, margin) <= 0) return '低保边缘户';
  if (routes.has('零就业家庭') || routes.has('夫妻双下岗')) return '低保边缘户';
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
