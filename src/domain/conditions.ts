/**
 * Entry conditions of the relief schemes (SPEC §4): what must hold before a scheme's amount is
 * due, as checks a person sees — the intake preview and the review workbench say which
 * condition fails, and approving a case that fails one needs a recorded reason (an override,
 * logged). RELIEF itself stays a pure amount function.
 *
 * Which conditions a scheme has is policy data: the 适用条件 column of its 救助标准 rows (the
 * names below, separated by 、), dated like every other number there. The defaults follow the
 * documents:
 * - medical 特困职工医疗救助 (河北 001 §10): the year's self-pay exceeds the household's income; the
 *   costs are inside the medical-insurance catalogue;
 * - critical 十种重大疾病 (000 三.1): a campaign participant, first diagnosed within the relief
 *   period (the calendar year, 000 二);
 * - major 其他重大疾病 (000 三.2): a participant; costs inside the catalogue;
 * - accident 重大意外事故 (000 三.3): a participant; the accident affects basic living;
 * - poor-critical, living: an extreme-hardship family (a 困难类别 is set).
 *
 * A condition nobody recorded is not taken as met (ok: null): the reviewer sees it and either
 * records it or approves with a reason.
 */
import type { CivilDate } from './civilDate';
import { coerceCivil } from './civilDate';
import { numberOf, textOf } from './forms/values';

export interface ConditionDef {
  /** The name used in 救助标准's 适用条件 column and shown to people. */
  zh: string;
  en: string;
  /** true met, false not met, null not recorded. */
  check(c: Readonly<Record<string, unknown>>, on: CivilDate): boolean | null;
}

const yesNo = (v: unknown): boolean | null => {
  const t = textOf(v).trim();
  if (t === '') return null;
  if (v === true || /^(是|yes|true|y|1)$/i.test(t)) return true;
  if (v === false || /^(否|no|false|n|0)$/i.test(t)) return false;
  return null;
};

export const CONDITIONS = {
  self_pay_over_income: {
    zh: '年医疗自付超过家庭年收入',
    en: 'self-pay above household income',
    check: (c) => {
      const pay = numberOf(c.medical_self_pay);
      const income = numberOf(c.household_income);
      return pay === null || income === null ? null : pay > income;
    },
  },
  in_catalogue: { zh: '费用在医保目录内', en: 'costs in the insurance catalogue', check: (c) => yesNo(c.in_catalogue) },
  participant: { zh: '参加一日捐活动', en: 'a campaign participant', check: (c) => yesNo(c.participant) },
  first_diagnosis_in_period: {
    zh: '救助期内首次确诊',
    en: 'first diagnosed in the relief period',
    check: (c, on) => {
      const d = coerceCivil(c.diagnosis_date);
      return d === null ? null : d.slice(0, 4) === on.slice(0, 4) && d <= on;
    },
  },
  affects_living: { zh: '影响基本生活', en: 'affects basic living', check: (c) => yesNo(c.affects_living) },
  extreme_hardship: { zh: '特困职工家庭', en: 'an extreme-hardship family', check: (c) => (textOf(c.hardship_category) === '' ? null : true) },
} as const satisfies Record<string, ConditionDef>;

export type ConditionKey = keyof typeof CONDITIONS;
const BY_NAME = new Map<string, ConditionKey>(Object.entries(CONDITIONS).map(([k, d]) => [d.zh, k as ConditionKey]));

/** The 适用条件 cell's names → condition keys; null names what is not a known condition. */
export function parseConditionList(text: string): { keys: ConditionKey[]; unknown: string[] } {
  const names = text
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const keys: ConditionKey[] = [];
  const unknown: string[] = [];
  for (const n of names) {
    const k = BY_NAME.get(n) ?? (n in CONDITIONS ? (n as ConditionKey) : undefined);
    if (k) {
      if (!keys.includes(k)) keys.push(k);
    } else unknown.push(n);
  }
  return { keys, unknown };
}

/** Every condition name, for the column's help text and error messages. */
export const CONDITION_NAMES: readonly string[] = Object.values(CONDITIONS).map((d) => d.zh);

export interface ConditionResult {
  key: ConditionKey;
  zh: string;
  ok: boolean | null;
}

export function checkConditions(keys: readonly ConditionKey[], c: Readonly<Record<string, unknown>>, on: CivilDate): ConditionResult[] {
  return keys.map((key) => ({ key, zh: CONDITIONS[key].zh, ok: CONDITIONS[key].check(c, on) }));
}

/** The conditions that do not hold or were not recorded, as one zh phrase ('' when all hold). */
export function unmetText(results: readonly ConditionResult[]): string {
  return results
    .filter((r) => r.ok !== true)
    .map((r) => (r.ok === false ? `不符合“${r.zh}”` : `未确认“${r.zh}”`))
    .join('、');
}
