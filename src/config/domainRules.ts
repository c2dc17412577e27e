/**
 * The configuration sheets read into the rule modules: the working-day calendar (节假日),
 * the relief policy (救助标准), worker numbers. One place adapts their APIs to what the
 * use cases need, so a change there is a change here only. Pure: takes the values
 * getValues gave; the default rows setup writes are in src/defaults.
 */
import type { CivilDate } from '../domain/civilDate';
import { BangfuError } from '../domain/errors';
import { numberOf, textOf } from '../domain/forms/values';
import type { WorkdayCalendar } from '../domain/workflow/deadlines';
import type { PolicySnapshot } from '../domain/workflow/snapshot';
import { parseHolidaySheet } from '../domain/calendar';
import { builtInCalendar } from '../defaults/calendar';
import { parsePolicySheet, schemeConditions, type Policy } from '../domain/policy';
import { checkConditions, type ConditionResult } from '../domain/conditions';
import { computeRelief } from '../domain/relief';
import { DEFAULT_POLICY } from '../defaults/policies';
import { nextWorkerNo } from '../domain/workerNo';

// ── calendar ─────────────────────────────────────────────────────────────────────

/** The built-in State Council schedule, overridden and extended by the 节假日 sheet; the law's days (暂定) for the rest. */
export function readCalendar(values: readonly (readonly unknown[])[]): WorkdayCalendar {
  const overrides = values.length > 1 ? parseHolidaySheet(values) : [];
  return builtInCalendar(overrides);
}

// ── relief policy ────────────────────────────────────────────────────────────────

export type PolicyHandle = Policy;

/** The 救助标准 sheet, or the defaults when it is empty (header only). */
export function readPolicy(values: readonly (readonly unknown[])[]): PolicyHandle {
  return values.length > 1 ? parsePolicySheet(values) : DEFAULT_POLICY;
}

export interface ReliefSuggestion {
  /** Yuan to the fen; null when no scheme or base is given. */
  amount: number | null;
  explain: { zh: string; en: string };
  /** What an approval freezes; null when nothing was computed. */
  snapshot: PolicySnapshot | null;
}

const NONE: ReliefSuggestion = { amount: null, explain: { zh: '', en: '' }, snapshot: null };

/**
 * RELIEF for a case: scheme and relief_base from the form, the 低保 line for `living`.
 * A case without a scheme has no suggestion; a rule error (a scheme the policy does not
 * know, no row in force) becomes the explanation, so the page shows why.
 */
export function suggestRelief(policy: PolicyHandle, values: Record<string, unknown>, on: CivilDate, dibaoLine: number | null): ReliefSuggestion {
  const scheme = textOf(values.scheme);
  if (scheme === '') return NONE;
  const base = numberOf(values.relief_base);
  const living = scheme === 'living' || scheme === '生活救助';
  if (base === null && !living) {
    return { ...NONE, explain: { zh: '请填写救助计算基数', en: 'Enter the relief base amount' } };
  }
  try {
    const r = computeRelief(policy, scheme, base ?? dibaoLine ?? 0, on, { dibaoLine: dibaoLine ?? undefined });
    const inputs: Record<string, string | number | null> = { relief_base: base, dibao_line: dibaoLine };
    return {
      amount: r.amountYuan,
      explain: r.explanation,
      snapshot: {
        scheme: r.scheme,
        policyRow: JSON.parse(JSON.stringify(r.row)) as Record<string, unknown>,
        inputs,
        suggestedAmount: r.amountYuan,
        explanation: r.explanation,
      },
    };
  } catch (e) {
    if (e instanceof BangfuError) return { ...NONE, explain: { zh: e.zh, en: e.en } };
    throw e;
  }
}

// ── worker numbers ──────────────────────────────────────────────────

/** The next free worker number in a county (max serial + 1), from the worker-number column. */
export function allocateWorkerNo(existing: readonly unknown[], countyCode: string): string {
  return nextWorkerNo(
    existing.map((v) => textOf(v)).filter((s) => s !== ''),
    countyCode,
  );
}

/**
 * The entry conditions of the case's scheme (救助标准 适用条件, in force today) checked on the
 * case's values: [] when it names no scheme or the scheme has none.
 */
export function caseConditions(policy: PolicyHandle, values: Readonly<Record<string, unknown>>, today: CivilDate): ConditionResult[] {
  const scheme = textOf(values.scheme);
  return scheme === '' ? [] : checkConditions(schemeConditions(policy, scheme, today), values, today);
}
