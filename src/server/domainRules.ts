/**
 * The server's view of the rule modules it reads sheets into: the working-day calendar
 * (节假日), the relief policy (救助标准), worker numbers, counties, the roll-up sources
 * sheet. One place adapts their APIs to what the endpoints need, so a change there is a
 * change here only.
 */
import type { CivilDate } from '../domain/civilDate';
import { BangfuError } from '../domain/errors';
import { numberOf, textOf } from '../domain/forms/values';
import type { WorkdayCalendar } from '../domain/workflow/deadlines';
import type { PolicySnapshot } from '../domain/workflow/snapshot';
import { type WorkCalendar, parseHolidaySheet, holidayEntriesToRows, HOLIDAY_HEADER } from '../domain/calendar';
import { DEFAULT_HOLIDAYS } from '../defaults/holidays';
import { builtInCalendar } from '../defaults/calendar';
import { parsePolicySheet, policyToRows, type Policy } from '../domain/policy';
import { computeRelief } from '../domain/relief';
import { DEFAULT_POLICY } from '../defaults/policies';
import { nextWorkerNo } from '../domain/workerNo';
import { COUNTIES } from '../defaults/counties';
import type { Cell } from '../sheets/table';
import type { County } from './settings';

// ── calendar ─────────────────────────────────────────────────────────────────────

/** The built-in State Council schedule, overridden and extended by the 节假日 sheet; the law's days (暂定) for the rest. */
export function readCalendar(values: readonly Cell[][]): WorkCalendar {
  const overrides = values.length > 1 ? parseHolidaySheet(values as unknown[][]) : [];
  return builtInCalendar(overrides);
}

export function defaultHolidayRows(): Cell[][] {
  return holidayEntriesToRows(DEFAULT_HOLIDAYS) as Cell[][];
}

export const HOLIDAY_KIND_CHOICES = ['休', '班'];
export { HOLIDAY_HEADER };

// ── relief policy ────────────────────────────────────────────────────────────────

export type PolicyHandle = Policy;

/** The 救助标准 sheet, or the defaults when it is empty (header only). */
export function readPolicy(values: readonly Cell[][]): PolicyHandle {
  return values.length > 1 ? parsePolicySheet(values as unknown[][]) : DEFAULT_POLICY;
}

export function defaultPolicyRows(): Cell[][] {
  return policyToRows(DEFAULT_POLICY) as Cell[][];
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

// ── worker numbers and counties ──────────────────────────────────────────────────

/** The next free worker number in a county (max serial + 1), from the worker-number column. */
export function allocateWorkerNo(existing: readonly Cell[], countyCode: string): string {
  return nextWorkerNo(existing.map((v) => textOf(v)).filter((s) => s !== ''), countyCode);
}

export function defaultCounties(): County[] {
  return COUNTIES.map((c) => ({ code: c.code, name: c.name }));
}

// ── roll-up sources (汇总来源; the roll-up reads it) ─────────────────────────────

/** Header of 汇总来源, as the roll-up reads it (src/domain/rollup/sources.ts). */
export const SOURCE_COLUMNS = [
  { key: 'name', zh: '名称', en: 'Name' },
  { key: 'county', zh: '县区代码', en: 'County code' },
  { key: 'kind', zh: '来源类型', en: 'Source type' },
  { key: 'location', zh: '标签页或表格地址', en: 'Tab or spreadsheet' },
  { key: 'tab', zh: '标签页名称', en: 'Tab name' },
  { key: 'enabled', zh: '启用', en: 'Enabled' },
] as const;

/** This workbook's own 案件 tab: the first source of every roll-up. */
export function sourceRowForThisWorkbook(name: string): Cell[] {
  return [name || '本表', '', '本表标签页', '案件', '', '是'];
}
