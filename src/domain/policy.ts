/**
 * Relief standards (救助标准) as dated rows.
 *
 * Why rows with dates: every number in the seeds is a default that counties raise or
 * lower ("不得低于" / "不得高于"), and a standard changes on a date while cases decided
 * earlier keep theirs. So a scheme is a set of rows, each with an inclusive date range and
 * an amount band, and the rule engine picks the rows in force on the day asked.
 *
 * Conventions (they are repeated in the error texts, because administrators edit these
 * rows by hand in the 救助标准 sheet):
 * - 生效日期 and 失效日期 are both INCLUSIVE; a blank 失效日期 means "until further notice".
 * - 下限 is inclusive, 上限 is exclusive; a blank 上限 means "no upper bound"; a blank 下限 is 0.
 * - Each row has exactly one rule: 比例 (share of the base after the 起付线), 固定金额, or
 *   月数 (months of the 低保 line, for 生活救助).
 * - For one band of one scheme the date ranges follow each other without gap or overlap;
 *   on any one day the bands of a scheme follow each other without gap or overlap.
 */
import { isDate } from './civilDate';
import * as z from 'zod/mini';
import { BangfuError } from './errors';
import { addDays, coerceCivil, fromDayNumber, toDayNumber, type CivilDate } from './civilDate';
import { formatYuan, parseRate, rateValue } from './money';
import { parseConditionList, type ConditionKey } from './conditions';
import { POLICY_COLUMNS, POLICY_HEADER, type PolicyColumnKey } from './layouts/policies';

// ── columns of the 救助标准 sheet (src/domain/layouts/policies.ts) ──────────────────

export { POLICY_COLUMNS, POLICY_HEADER, type PolicyColumnKey } from './layouts/policies';

/**
 * How a banded rate applies (SPEC §4.1, 001 §10 "分段计算"): to the whole base (the default,
 * literal to "救助总额的…%"), or marginally — each rate on the part of the base inside its band,
 * the lowest rate band counting from 0 or from its own lower bound. A band with a fixed amount
 * (x ≥ 100,000 → 8,000) keeps it either way.
 */
export const READINGS = ['全额计算', '超额累进（自0元起）', '超额累进（自下限起）'] as const;
export type Reading = (typeof READINGS)[number];

const columnOf = (key: string) => POLICY_COLUMNS.find((c) => c.key === key);

// ── one row ───────────────────────────────────────────────────────────────────────

const civilDate = z.string().check(z.refine((s) => coerceCivil(s) === s));
const yuan = z.number().check(z.gte(0));

export const PolicyRowSchema = z.object({
  /** Scheme code, compared case-insensitively: stored trimmed and lower-case. */
  scheme: z.string().check(z.trim(), z.toLowerCase(), z.minLength(1)),
  /** Chinese name; RELIEF accepts it in place of the code. */
  name: z._default(z.string().check(z.trim()), ''),
  /** Inclusive. */
  effective_from: civilDate,
  /** Inclusive; null = open-ended. */
  effective_to: z._default(z.nullable(civilDate), null),
  /** Band lower bound in yuan, inclusive. */
  lower: z._default(yuan, 0),
  /** Band upper bound in yuan, exclusive; null = no upper bound. */
  upper: z._default(z.nullable(yuan), null),
  /** Share of (base − deductible), e.g. 0.1. */
  rate: z._default(z.nullable(z.number().check(z.gte(0), z.lte(1))), null),
  /** Fixed amount in yuan. */
  fixed: z._default(z.nullable(yuan), null),
  /** Deductible (起付线) in yuan, taken off the base before the rate. */
  deductible: z._default(z.nullable(yuan), null),
  cap: z._default(z.nullable(yuan), null),
  /** Minimum paid when the rule gives a positive amount. */
  floor: z._default(z.nullable(yuan), null),
  /** Months of the 低保 line (生活救助). */
  months: z._default(z.nullable(z.number().check(z.gt(0))), null),
  /** Where the numbers come from, e.g. "seed 001 §10《…》". */
  source: z._default(z.string().check(z.trim()), ''),
  /** How a banded rate applies (READINGS); the band the base falls in decides. */
  reading: z._default(z.enum(READINGS), '全额计算'),
  /** Entry conditions (src/domain/conditions.ts names, joined by 、): checked where a person decides, not by RELIEF. */
  conditions: z._default(z.string().check(z.trim()), ''),
  /** 1-based row of the 救助标准 sheet the row was read from (error messages, audit). */
  sheet_row: z.optional(z.int().check(z.positive())),
});

export type PolicyRow = z.infer<typeof PolicyRowSchema>;
export type PolicyRowInput = z.input<typeof PolicyRowSchema>;

export interface SchemeEntry {
  readonly code: string;
  /** The Chinese name shown in explanations (the code when no row names it). */
  readonly name: string;
  readonly rows: readonly PolicyRow[];
}

export interface Policy {
  readonly rows: readonly PolicyRow[];
  /** By scheme code (lower-case). */
  readonly schemes: ReadonlyMap<string, SchemeEntry>;
  /** Chinese name → scheme code. */
  readonly names: ReadonlyMap<string, string>;
}

// ── errors ────────────────────────────────────────────────────────────────────────

interface Located {
  readonly row: PolicyRow;
  /** 0-based position in the list given to makePolicy. */
  readonly index: number;
}

function rowLabelZh(l: Located): string {
  return l.row.sheet_row !== undefined ? `第 ${l.row.sheet_row} 行` : `第 ${l.index + 1} 条`;
}

function rowLabelEn(l: Located): string {
  return l.row.sheet_row !== undefined ? `row ${l.row.sheet_row}` : `rule #${l.index + 1}`;
}

function policyError(code: string, zh: string, en: string, field?: string): BangfuError {
  return new BangfuError(`policy.${code}`, `救助标准有误：${zh}`, `Relief standards: ${en}`, field);
}

const INCLUSIVE_ZH = '（生效日期、失效日期均含当日）';
const INCLUSIVE_EN = ' (both dates inclusive)';

function periodZh(r: PolicyRow): string {
  return r.effective_to === null ? `${r.effective_from} 起长期有效` : `${r.effective_from} 至 ${r.effective_to}`;
}

function periodEn(r: PolicyRow): string {
  return r.effective_to === null ? `from ${r.effective_from}, open-ended` : `${r.effective_from} to ${r.effective_to}`;
}

/** "20,000–50,000 元" / "100,000 元以上". */
export function bandTextZh(lower: number, upper: number | null): string {
  return upper === null ? `${formatYuan(lower)} 元以上` : `${formatYuan(lower)}–${formatYuan(upper)} 元`;
}

export function bandTextEn(lower: number, upper: number | null): string {
  return upper === null ? `${formatYuan(lower)} yuan and above` : `${formatYuan(lower)}–${formatYuan(upper)} yuan`;
}

// ── building and validating a policy ──────────────────────────────────────────────

function parseRow(input: PolicyRowInput, index: number): PolicyRow {
  const parsed = PolicyRowSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const col = columnOf(String(issue.path[0] ?? ''));
  const where = input.sheet_row !== undefined ? `第 ${input.sheet_row} 行` : `第 ${index + 1} 条`;
  const whereEn = input.sheet_row !== undefined ? `row ${input.sheet_row}` : `rule #${index + 1}`;
  const value = col ? (input as Record<string, unknown>)[col.key] : undefined;
  throw policyError(
    'invalidCell',
    `${where}“${col?.zh ?? String(issue.path[0])}”应为${col?.expectZh ?? '有效值'}，现为“${String(value ?? '')}”`,
    `${whereEn}, ${col?.en ?? String(issue.path[0])}: expected ${col?.expectEn ?? 'a valid value'}, got "${String(value ?? '')}"`,
    col?.key,
  );
}

/** Checks one row on its own: date order, band order, exactly one rule, floor ≤ cap, exact rates. */
function checkRow(l: Located): void {
  const r = l.row;
  const at = `${rowLabelZh(l)}（${r.scheme}）`;
  const atEn = `${rowLabelEn(l)} (${r.scheme})`;
  if (r.effective_to !== null && r.effective_to < r.effective_from) {
    throw policyError(
      'datesReversed',
      `${at}失效日期 ${r.effective_to} 早于生效日期 ${r.effective_from}${INCLUSIVE_ZH}`,
      `${atEn} ends (${r.effective_to}) before it starts (${r.effective_from})${INCLUSIVE_EN}`,
      'effective_to',
    );
  }
  if (r.upper !== null && r.upper <= r.lower) {
    throw policyError(
      'bandReversed',
      `${at}上限 ${formatYuan(r.upper)}（不含）应大于下限 ${formatYuan(r.lower)}（含）`,
      `${atEn} upper bound ${formatYuan(r.upper)} (exclusive) must exceed lower bound ${formatYuan(r.lower)} (inclusive)`,
      'upper',
    );
  }
  const rules = [r.rate, r.fixed, r.months].filter((v) => v !== null).length;
  if (rules !== 1) {
    throw policyError('ruleCount', `${at}“比例”“固定金额”“月数”须且只能填写其中一项`, `${atEn} needs exactly one of rate, fixed amount, months`, 'rate');
  }
  if (r.floor !== null && r.cap !== null && r.floor > r.cap) {
    throw policyError(
      'floorAboveCap',
      `${at}保底 ${formatYuan(r.floor)} 元高于封顶 ${formatYuan(r.cap)} 元`,
      `${atEn} floor ${formatYuan(r.floor)} is above cap ${formatYuan(r.cap)}`,
      'floor',
    );
  }
  try {
    if (r.rate !== null) parseRate(r.rate);
    if (r.months !== null) parseRate(r.months, '月数');
  } catch (e) {
    const err = e as BangfuError;
    throw policyError('tooPrecise', `${at}${err.zh}`, `${atEn}: ${err.en}`, r.rate !== null ? 'rate' : 'months');
  }
}

const bandKey = (r: PolicyRow) => `${r.lower}|${r.upper ?? ''}`;
const endDay = (r: PolicyRow) => (r.effective_to === null ? Infinity : toDayNumber(r.effective_to));

/** For each band, its date ranges follow each other without overlap or gap. */
function checkBandPeriods(code: string, entries: readonly Located[]): void {
  const bands = new Map<string, Located[]>();
  for (const l of entries) {
    const list = bands.get(bandKey(l.row)) ?? [];
    list.push(l);
    bands.set(bandKey(l.row), list);
  }
  for (const list of bands.values()) {
    list.sort((a, b) => (a.row.effective_from < b.row.effective_from ? -1 : a.row.effective_from > b.row.effective_from ? 1 : 0));
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1],
        b = list[i];
      const band = bandTextZh(a.row.lower, a.row.upper),
        bandEn = bandTextEn(a.row.lower, a.row.upper);
      const aEnd = endDay(a.row),
        bStart = toDayNumber(b.row.effective_from);
      const pair = `${rowLabelZh(a)}（${periodZh(a.row)}）与${rowLabelZh(b)}（${periodZh(b.row)}）`;
      const pairEn = `${rowLabelEn(a)} (${periodEn(a.row)}) and ${rowLabelEn(b)} (${periodEn(b.row)})`;
      if (bStart <= aEnd) {
        throw policyError(
          'periodOverlap',
          `项目 ${code} 档次 ${band}：${pair}日期重叠${INCLUSIVE_ZH}`,
          `scheme ${code}, band ${bandEn}: ${pairEn} overlap${INCLUSIVE_EN}`,
          'effective_from',
        );
      }
      if (bStart > aEnd + 1) {
        const gapFrom = addDays(a.row.effective_to as CivilDate, 1),
          gapTo = addDays(b.row.effective_from, -1);
        throw policyError(
          'periodGap',
          `项目 ${code} 档次 ${band}：${pair}之间有空档，${gapFrom} 至 ${gapTo} 没有标准${INCLUSIVE_ZH}`,
          `scheme ${code}, band ${bandEn}: gap between ${pairEn}; nothing applies ${gapFrom} to ${gapTo}${INCLUSIVE_EN}`,
          'effective_from',
        );
      }
    }
  }
}

/**
 * On every day between the scheme's first and last row, some row is in force, and the
 * bands in force follow each other from the lowest 下限 up without gap or overlap.
 * Checked once per stretch of days on which the same rows are in force.
 */
function checkBandsPerDay(code: string, entries: readonly Located[]): void {
  const bounds = new Set<number>();
  for (const l of entries) {
    bounds.add(toDayNumber(l.row.effective_from));
    if (l.row.effective_to !== null) bounds.add(toDayNumber(l.row.effective_to) + 1);
  }
  const starts = [...bounds].sort((a, b) => a - b);
  const spans = entries.map((l) => ({ l, from: toDayNumber(l.row.effective_from), to: endDay(l.row) }));
  for (const day of starts) {
    const active = spans.filter((s) => s.from <= day && day <= s.to).map((s) => s.l);
    if (active.length === 0) {
      const later = spans.filter((s) => s.from > day).sort((a, b) => a.from - b.from)[0];
      if (!later) continue; // after the last row: nothing promised
      const before = spans.filter((s) => s.to < day).sort((a, b) => b.to - a.to)[0];
      const gapFrom = fromDayNumber(day),
        gapTo = addDays(later.l.row.effective_from, -1);
      throw policyError(
        'schemeGap',
        `项目 ${code}：${before ? rowLabelZh(before.l) : ''}与${rowLabelZh(later.l)}之间有空档，${gapFrom} 至 ${gapTo} 没有任何标准${INCLUSIVE_ZH}`,
        `scheme ${code}: gap between ${before ? rowLabelEn(before.l) : ''} and ${rowLabelEn(later.l)}; nothing applies ${gapFrom} to ${gapTo}${INCLUSIVE_EN}`,
        'effective_from',
      );
    }
    active.sort((a, b) => a.row.lower - b.row.lower);
    for (let i = 1; i < active.length; i++) {
      const a = active[i - 1],
        b = active[i];
      const aUpper = a.row.upper ?? Infinity;
      if (aUpper === b.row.lower) continue;
      const dayText = fromDayNumber(day);
      const pair = `${rowLabelZh(a)}（档次 ${bandTextZh(a.row.lower, a.row.upper)}）与${rowLabelZh(b)}（档次 ${bandTextZh(b.row.lower, b.row.upper)}）`;
      const pairEn = `${rowLabelEn(a)} (band ${bandTextEn(a.row.lower, a.row.upper)}) and ${rowLabelEn(b)} (band ${bandTextEn(b.row.lower, b.row.upper)})`;
      if (b.row.lower < aUpper) {
        throw policyError(
          'bandOverlap',
          `项目 ${code} 自 ${dayText} 起：${pair}档次重叠（下限含、上限不含）`,
          `scheme ${code} from ${dayText}: ${pairEn} overlap (lower inclusive, upper exclusive)`,
          'lower',
        );
      }
      throw policyError(
        'bandGap',
        `项目 ${code} 自 ${dayText} 起：${pair}之间有空档 ${bandTextZh(aUpper, b.row.lower)}（下限含、上限不含）`,
        `scheme ${code} from ${dayText}: gap ${bandTextEn(aUpper, b.row.lower)} between ${pairEn} (lower inclusive, upper exclusive)`,
        'lower',
      );
    }
  }
}

/** Validates rows and indexes them by scheme. Throws the first problem as a BangfuError naming the rows. */
export function makePolicy(inputs: readonly PolicyRowInput[]): Policy {
  const located: Located[] = inputs.map((input, index) => ({ row: parseRow(input, index), index }));
  located.forEach(checkRow);

  const byScheme = new Map<string, Located[]>();
  for (const l of located) {
    const list = byScheme.get(l.row.scheme) ?? [];
    list.push(l);
    byScheme.set(l.row.scheme, list);
  }

  const schemes = new Map<string, SchemeEntry>();
  const names = new Map<string, string>();
  for (const [code, entries] of byScheme) {
    checkBandPeriods(code, entries);
    checkBandsPerDay(code, entries);
    for (const l of entries) {
      const owner = l.row.name === '' ? undefined : names.get(l.row.name);
      if (owner !== undefined && owner !== code) {
        throw policyError(
          'nameTaken',
          `${rowLabelZh(l)}的项目名称“${l.row.name}”已用于项目 ${owner}，同一名称只能对应一个项目代码`,
          `${rowLabelEn(l)}: the name "${l.row.name}" already belongs to scheme ${owner}`,
          'name',
        );
      }
      if (l.row.name !== '') names.set(l.row.name, code);
    }
    // The name of the latest row wins: an administrator renaming a scheme does it going forward.
    const named = entries.filter((l) => l.row.name !== '').sort((a, b) => (a.row.effective_from < b.row.effective_from ? 1 : -1));
    schemes.set(code, { code, name: named[0]?.row.name ?? code, rows: entries.map((l) => l.row) });
  }
  return { rows: located.map((l) => l.row), schemes, names };
}

// ── looking up ────────────────────────────────────────────────────────────────────

/** "特困职工医疗救助、十种重大疾病、…" for error messages: the names people type (a scheme without one by its code). */
function knownSchemes(policy: Policy): string {
  const list = [...policy.schemes.values()].map((s) => s.name);
  return list.length > 0 ? list.join('、') : '（无）';
}

/** A scheme by code (trimmed, case-insensitive) or by Chinese name (trimmed). */
export function findScheme(policy: Policy, scheme: string): SchemeEntry {
  const text = String(scheme ?? '').trim();
  const entry = policy.schemes.get(text.toLowerCase()) ?? policy.schemes.get(policy.names.get(text) ?? '');
  if (entry) return entry;
  throw new BangfuError(
    'policy.unknownScheme',
    `未知的救助项目“${text}”。可用项目：${knownSchemes(policy)}`,
    `Unknown relief scheme "${text}". Known schemes: ${knownSchemes(policy)}`,
    'scheme',
  );
}

/** The rows of a scheme in force on `onDate` (both ends inclusive), lowest band first. */
export function pickRows(policy: Policy, scheme: string, onDate: CivilDate): readonly PolicyRow[] {
  const entry = findScheme(policy, scheme);
  if (coerceCivil(onDate) !== onDate) {
    throw new BangfuError('date.invalid', `日期无效：${String(onDate)}`, `Invalid date: ${String(onDate)}`, 'on_date');
  }
  const rows = entry.rows.filter((r) => r.effective_from <= onDate && (r.effective_to === null || onDate <= r.effective_to)).sort((a, b) => a.lower - b.lower);
  if (rows.length === 0) {
    throw new BangfuError(
      'policy.notInForce',
      `救助项目“${entry.name}”在 ${onDate} 没有生效的救助标准${INCLUSIVE_ZH}`,
      `Relief scheme ${entry.code} has no standard in force on ${onDate}${INCLUSIVE_EN}`,
      'on_date',
    );
  }
  return rows;
}

// ── the 救助标准 sheet ────────────────────────────────────────────────────────────

const normalizeLabel = (v: unknown) =>
  String(v ?? '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s_-]/g, '')
    .toLowerCase();

const LABELS: ReadonlyMap<string, PolicyColumnKey> = new Map(
  POLICY_COLUMNS.flatMap((c) => [c.zh, c.key, c.en].map((label) => [normalizeLabel(label), c.key] as const)),
);

const REQUIRED: readonly PolicyColumnKey[] = ['scheme', 'effective_from'];

function sheetError(code: string, zh: string, en: string, field?: string): BangfuError {
  return new BangfuError(`policy.${code}`, `救助标准表：${zh}`, `Relief standards sheet: ${en}`, field);
}

/** Column index of each known header (zh label, key or English label; "(…)" notes ignored). */
function mapHeader(header: readonly unknown[]): Map<PolicyColumnKey, number> {
  const cols = new Map<PolicyColumnKey, number>();
  header.forEach((cell, i) => {
    const key = LABELS.get(normalizeLabel(cell));
    if (key === undefined) return; // extra columns (notes) are the administrator's own
    if (cols.has(key)) throw sheetError('duplicateColumn', `“${columnOf(key)!.zh}”列出现了两次`, `column ${key} appears twice`, key);
    cols.set(key, i);
  });
  const missing = REQUIRED.filter((k) => !cols.has(k));
  if (missing.length > 0) {
    throw sheetError(
      'missingColumn',
      `缺少列 ${missing.map((k) => `“${columnOf(k)!.zh}”`).join('、')}（表头应为：${POLICY_HEADER.join('、')}）`,
      `missing column(s) ${missing.join(', ')}`,
      missing[0],
    );
  }
  return cols;
}

const isBlankCell = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function cellError(sheetRow: number, key: PolicyColumnKey, v: unknown): BangfuError {
  const col = columnOf(key)!;
  const shown = isDate(v) ? (coerceCivil(v) ?? String(v)) : String(v);
  return sheetError(
    'badCell',
    `第 ${sheetRow} 行“${col.zh}”应为${col.expectZh}，现为“${shown}”`,
    `row ${sheetRow}, column ${col.en}: expected ${col.expectEn}, got "${shown}"`,
    key,
  );
}

function readCell(v: unknown, key: PolicyColumnKey, sheetRow: number): string | number | null {
  if (isBlankCell(v)) return null;
  switch (key) {
    case 'scheme':
    case 'name':
    case 'source':
      return isDate(v) ? (coerceCivil(v) ?? '') : String(v).trim();
    case 'conditions': {
      const t = String(v).trim();
      if (parseConditionList(t).unknown.length > 0) throw cellError(sheetRow, key, v);
      return t;
    }
    case 'reading': {
      const t = String(v).trim().replace(/\(/g, '（').replace(/\)/g, '）');
      if (!(READINGS as readonly string[]).includes(t)) throw cellError(sheetRow, key, v);
      return t;
    }
    case 'effective_from':
    case 'effective_to': {
      const d = coerceCivil(v);
      if (d === null) throw cellError(sheetRow, key, v);
      return d;
    }
    case 'rate': {
      if (typeof v !== 'number' && typeof v !== 'string') throw cellError(sheetRow, key, v);
      try {
        return rateValue(parseRate(v));
      } catch {
        throw cellError(sheetRow, key, v);
      }
    }
    default: {
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      const s =
        typeof v === 'string'
          ? v
              .trim()
              .replace(/[,，\s]/g, '')
              .replace(/元$/, '')
          : '';
      if (!NUMERIC.test(s)) throw cellError(sheetRow, key, v);
      return Number(s);
    }
  }
}

/**
 * The 救助标准 sheet (or a range of it) → a validated policy. `values[0]` is the header;
 * blank rows are skipped; `headerRow` is the sheet row of the header, so messages name the
 * rows an administrator sees.
 */
export function parsePolicySheet(values: readonly (readonly unknown[])[], opts: { headerRow?: number } = {}): Policy {
  if (values.length === 0) throw sheetError('empty', '没有表头', 'no header row');
  const headerRow = opts.headerRow ?? 1;
  const cols = mapHeader(values[0]);
  const inputs: PolicyRowInput[] = [];
  for (let i = 1; i < values.length; i++) {
    const cells = values[i];
    if (cells.every(isBlankCell)) continue;
    const sheetRow = headerRow + i;
    const row: Record<string, unknown> = { sheet_row: sheetRow };
    for (const [key, at] of cols) {
      const v = readCell(cells[at], key, sheetRow);
      if (v !== null) row[key] = v;
    }
    if (row.scheme === undefined) throw cellError(sheetRow, 'scheme', '');
    if (row.effective_from === undefined) throw cellError(sheetRow, 'effective_from', '');
    inputs.push(row as PolicyRowInput);
  }
  return makePolicy(inputs);
}

/** Rows → the 救助标准 sheet's values, header first (setup seeds the sheet with the defaults). */
export function policyToRows(policy: Policy | readonly PolicyRow[]): (string | number)[][] {
  const rows = 'rows' in policy ? policy.rows : policy;
  const body = rows.map((r) => POLICY_COLUMNS.map((c): string | number => r[c.key] ?? ''));
  return [[...POLICY_HEADER], ...body];
}

/** The entry conditions of a scheme on a day: those its rows in force name (none when it has no row then). */
export function schemeConditions(policy: Policy, scheme: string, onDate: CivilDate): ConditionKey[] {
  let rows: readonly PolicyRow[];
  try {
    rows = pickRows(policy, findScheme(policy, scheme).code, onDate);
  } catch {
    return [];
  }
  const keys: ConditionKey[] = [];
  for (const r of rows) for (const k of parseConditionList(r.conditions).keys) if (!keys.includes(k)) keys.push(k);
  return keys;
}
