/**
 * The relief amount for a base under the rows of a scheme in force on a date.
 *
 * The rule of one row, in this order:
 * 1. the row is the band containing the base (下限 inclusive, 上限 exclusive); a base
 *    below the lowest band gets 0 ("x < 5,000 → 0");
 * 2. amount = 固定金额, or 月数 × the 低保 line, or (base − 起付线) × 比例, never below 0;
 * 3. 保底 (floor) lifts a POSITIVE amount only: a floor is a minimum payment for someone
 *    the rule already entitles, not a grant to someone it gives nothing (our reading; no
 *    seed sets a floor, and a floor paying everybody would erase the 起付线);
 * 4. 封顶 (cap) limits the result;
 * 5. integer fen, rounded half up once (money.ts).
 *
 * Banded rates apply to the WHOLE base by default, not marginally (seed 001 §10 "救助总额的10%";
 * SPEC §4): 19,999 → 1,999.90 but 20,000 → 1,600. The drop at a band edge is the
 * document's rule, kept literally; explanations say "全额计算，非超额累进" so nobody mistakes
 * it for a bug. A row's 计算方式 may instead read "分段计算" marginally (SPEC §4.1): each rate
 * on the part of the base inside its band, the lowest rate band counting from 0 or from its
 * own lower bound; the sum is rounded once. 20,000 → 2,000 marginally from 0.
 *
 * Month-based rows (生活救助 `living`): the 低保 line is `context.dibaoLine` (yuan per month)
 * when given, otherwise the base itself is read as the 低保 line, which is what
 * `=RELIEF("living", 550)` means.
 */
import type { CivilDate } from './civilDate';
import { BangfuError } from './errors';
import { applyRate, fenToYuan, formatFen, formatRate, formatYuan, parseRate, subtractFen, yuanToFen, type Fen, type Rate } from './money';
import { bandTextEn, bandTextZh, findScheme, pickRows, type Policy, type PolicyRow } from './policy';

export interface ReliefContext {
  /** Local 低保 line in yuan per person per month, for month-based rows (`living`). */
  dibaoLine?: number | null;
}

export type ReliefRule = 'rate' | 'fixed' | 'months';

export interface ReliefOutcome {
  /** Scheme code, e.g. medical. */
  scheme: string;
  schemeName: string;
  baseFen: Fen;
  amountFen: Fen;
  amountYuan: number;
  /** The policy row applied (for a base below every band: the lowest band's row). */
  row: PolicyRow;
  band: { lower: number; upper: number | null };
  rule: ReliefRule;
  /** The base was below the lowest band: nothing is due. */
  belowBand: boolean;
  capHit: boolean;
  floorApplied: boolean;
  deductibleFen: Fen;
  /** The row's share (0.08), null for fixed and month-based rows. */
  rate: number | null;
  /** Month-based rows: the 低保 line used, in fen. */
  dibaoLineFen: Fen | null;
  /** More than one band was in force: the rate applies to the whole base (or marginally, see reading). */
  banded: boolean;
  /** The band row's 计算方式. */
  reading: PolicyRow['reading'];
}

export interface ReliefResult extends ReliefOutcome {
  explanation: { zh: string; en: string };
}

/** A row with its amounts in fen and its shares as exact decimals, computed once per row. */
interface CompiledRow {
  readonly row: PolicyRow;
  readonly lowerFen: Fen;
  readonly upperFen: Fen; // Infinity when open
  readonly rate: Rate | null;
  readonly months: Rate | null;
  readonly fixedFen: Fen | null;
  readonly deductibleFen: Fen;
  readonly capFen: Fen | null;
  readonly floorFen: Fen | null;
}

const compiledRows = new WeakMap<PolicyRow, CompiledRow>();

function compile(row: PolicyRow): CompiledRow {
  let c = compiledRows.get(row);
  if (!c) {
    const fen = (v: number | null) => (v === null ? null : yuanToFen(v));
    c = {
      row,
      lowerFen: yuanToFen(row.lower),
      upperFen: row.upper === null ? Infinity : yuanToFen(row.upper),
      rate: row.rate === null ? null : parseRate(row.rate),
      months: row.months === null ? null : parseRate(row.months, '月数'),
      fixedFen: fen(row.fixed),
      deductibleFen: fen(row.deductible) ?? 0,
      capFen: fen(row.cap),
      floorFen: fen(row.floor),
    };
    compiledRows.set(row, c);
  }
  return c;
}

/** The band containing the base, or the lowest band when the base is below all of them. */
function bandFor(rows: readonly CompiledRow[], baseFen: Fen): { c: CompiledRow; below: boolean } {
  let lowest = rows[0];
  for (const c of rows) {
    if (c.lowerFen <= baseFen && baseFen < c.upperFen) return { c, below: false };
    if (c.lowerFen < lowest.lowerFen) lowest = c;
  }
  if (baseFen < lowest.lowerFen) return { c: lowest, below: true };
  const top = rows.reduce((a, b) => (b.upperFen > a.upperFen ? b : a));
  throw new BangfuError(
    'relief.aboveBands',
    `计算基数 ${formatFen(baseFen)} 元超出项目“${top.row.name || top.row.scheme}”最高档次（${bandTextZh(top.row.lower, top.row.upper)}，上限不含）`,
    `Base ${formatFen(baseFen)} yuan is above the highest band of ${top.row.scheme} (${bandTextEn(top.row.lower, top.row.upper)}, upper bound exclusive)`,
    'amount',
  );
}

/**
 * The amount under `rows` (the rows of ONE scheme in force on one day, as pickRows gives
 * them). No text: RELIEF calls this once per cell, so it stays cheap.
 */
export function reliefFromRows(rows: readonly PolicyRow[], baseYuan: number, context: ReliefContext = {}): ReliefOutcome {
  if (rows.length === 0) throw new BangfuError('relief.noRows', '没有可用的救助标准', 'No relief standard applies');
  const compiled = rows.map(compile);
  const baseFen = yuanToFen(baseYuan, '计算基数');
  const { c, below } = bandFor(compiled, baseFen);

  let amount: Fen = 0;
  let dibaoLineFen: Fen | null = null;
  let rule: ReliefRule = 'rate';
  if (c.fixedFen !== null) {
    rule = 'fixed';
    if (!below) amount = c.fixedFen;
  } else if (c.months !== null) {
    rule = 'months';
    dibaoLineFen = context.dibaoLine === null || context.dibaoLine === undefined ? baseFen : yuanToFen(context.dibaoLine, '低保标准');
    if (!below) amount = applyRate(dibaoLineFen, c.months);
  } else if (c.rate !== null && !below) {
    amount =
      c.row.reading === '全额计算'
        ? applyRate(subtractFen(baseFen, c.deductibleFen), c.rate)
        : marginal(compiled, baseFen, c.row.reading === '超额累进（自0元起）');
  }

  let floorApplied = false;
  if (amount > 0 && c.floorFen !== null && amount < c.floorFen) {
    amount = c.floorFen;
    floorApplied = true;
  }
  let capHit = false;
  if (c.capFen !== null && amount > c.capFen) {
    amount = c.capFen;
    capHit = true;
  }

  return {
    scheme: c.row.scheme,
    schemeName: c.row.name || c.row.scheme,
    baseFen,
    amountFen: amount,
    amountYuan: fenToYuan(amount),
    row: c.row,
    band: { lower: c.row.lower, upper: c.row.upper },
    rule,
    belowBand: below,
    capHit,
    floorApplied,
    deductibleFen: c.deductibleFen,
    rate: c.row.rate,
    dibaoLineFen,
    banded: rows.length > 1,
    reading: c.row.reading,
  };
}

/**
 * Marginal reading: Σ (the part of the base inside each rate band) × that band's rate, in
 * exact decimals, rounded half up once. `fromZero`: the lowest rate band starts at 0.
 */
function marginal(rows: readonly CompiledRow[], baseFen: Fen, fromZero: boolean): Fen {
  const bands = rows.filter((r) => r.rate !== null).sort((a, b) => a.lowerFen - b.lowerFen);
  const scale = Math.max(...bands.map((b) => b.rate!.scale));
  let sum = BigInt(0);
  bands.forEach((b, i) => {
    const start = i === 0 && fromZero ? 0 : b.lowerFen;
    const end = Math.min(baseFen, b.upperFen);
    if (end <= start) return;
    sum += BigInt(end - start) * BigInt(b.rate!.units) * BigInt(10) ** BigInt(scale - b.rate!.scale);
  });
  const den = BigInt(10) ** BigInt(scale);
  const q = sum / den;
  return Number(2n * (sum - q * den) >= den ? q + 1n : q);
}

/** One line in zh and in English: what was applied and why the result is what it is. */
export function describeRelief(o: ReliefOutcome): { zh: string; en: string } {
  const r = o.row;
  const zh: string[] = [o.schemeName];
  const en: string[] = [o.schemeName === o.scheme ? o.scheme : `${o.scheme} ${o.schemeName}`];
  if (o.rule !== 'months') {
    zh.push(`基数 ${formatFen(o.baseFen)} 元`);
    en.push(`base ${formatFen(o.baseFen)} yuan`);
  }
  if (o.belowBand) {
    zh.push(`低于最低档次 ${formatYuan(r.lower)} 元，不予救助`);
    en.push(`below the lowest band (${formatYuan(r.lower)} yuan): nothing due`);
  } else {
    if (r.lower !== 0 || r.upper !== null) {
      zh.push(`档次 ${bandTextZh(r.lower, r.upper)}`);
      en.push(`band ${bandTextEn(r.lower, r.upper)}`);
    }
    if (o.rule === 'rate' && r.rate !== null) {
      const rate = formatRate(parseRate(r.rate));
      const deductible = r.deductible ?? 0;
      if (o.reading !== '全额计算') {
        zh.push(`分段累进至 ${rate}（${o.reading}，每档比例只计该档内的部分）`);
        en.push(`marginal up to ${rate} (${o.reading === '超额累进（自0元起）' ? 'lowest band from 0' : 'lowest band from its lower bound'})`);
      } else {
        zh.push(`比例 ${rate}${o.banded ? '（全额计算，非超额累进）' : ''}`, `起付线 ${deductible === 0 ? '0' : `${formatYuan(deductible)} 元`}`);
        en.push(
          `rate ${rate}${o.banded ? ' (of the whole amount, not marginal)' : ''}`,
          `deductible ${deductible === 0 ? '0' : `${formatYuan(deductible)} yuan`}`,
        );
      }
    } else if (o.rule === 'fixed' && r.fixed !== null) {
      zh.push(`固定金额 ${formatYuan(r.fixed)} 元`);
      en.push(`fixed ${formatYuan(r.fixed)} yuan`);
    } else if (o.rule === 'months' && o.dibaoLineFen !== null) {
      zh.push(`低保标准 ${formatFen(o.dibaoLineFen)} 元/月 × ${String(r.months)} 个月`);
      en.push(`minimum living standard ${formatFen(o.dibaoLineFen)} yuan/month × ${String(r.months)} month(s)`);
    }
    if (r.floor !== null) {
      zh.push(`保底 ${formatYuan(r.floor)} 元${o.floorApplied ? '（已按保底）' : ''}`);
      en.push(`floor ${formatYuan(r.floor)} yuan${o.floorApplied ? ' (applied)' : ''}`);
    }
    zh.push(`封顶 ${r.cap === null ? '无' : `${formatYuan(r.cap)} 元`}${o.capHit ? '（已封顶）' : ''}`);
    en.push(`cap ${r.cap === null ? 'none' : `${formatYuan(r.cap)} yuan`}${o.capHit ? ' (reached)' : ''}`);
  }
  zh.push(`结果 ${formatFen(o.amountFen)} 元`);
  en.push(`result ${formatFen(o.amountFen)} yuan`);
  // The amount assumes them; whether a case meets them is checked where a person decides (conditions.ts).
  if (r.conditions !== '') {
    zh.push(`适用条件：${r.conditions}`);
    en.push(`conditions: ${r.conditions}`);
  }
  if (r.source !== '') {
    zh.push(`依据：${sourceText(r.source)}`);
    en.push(`source: ${sourceText(r.source)}`);
  }
  return { zh: zh.join('｜'), en: en.join(' | ') };
}

/**
 * The 依据 as the explanation shows it. Workbooks set up by earlier versions hold default
 * sources written as "seed 001 §10《…》（河北省）…" (an internal name of the document):
 * shown as the document's title, its issuer or 文号, then the section (第10条, 三、1). Any
 * other text, an administrator's own, is shown as typed.
 */
export function sourceText(source: string): string {
  const m = /^seed\s*\d{3}\s*([^《]*?)\s*(《[^》]*》(?:（[^）]*）)?)(.*)$/.exec(source.trim());
  if (!m) return source;
  const section = m[1].replace(/^§(\d+)$/, '第$1条').replace(/^([一二三四五六七八九十]+)\.(\d+)$/, '$1、$2');
  return `${m[2]}${section}${m[3]}`;
}

/**
 * Relief for `baseYuan` under `scheme` (code or Chinese name) on `onDate`, with the row
 * applied and a one-line explanation. Throws BangfuError for an unknown scheme, no row in
 * force, a negative base, or a base above a closed top band.
 */
export function computeRelief(policy: Policy, scheme: string, baseYuan: number, onDate: CivilDate, context: ReliefContext = {}): ReliefResult {
  const entry = findScheme(policy, scheme);
  const outcome = { ...reliefFromRows(pickRows(policy, entry.code, onDate), baseYuan, context), schemeName: entry.name };
  return { ...outcome, explanation: describeRelief(outcome) };
}

/** Just the explanation line of computeRelief (zh and English). */
export function explainRelief(policy: Policy, scheme: string, baseYuan: number, onDate: CivilDate, context: ReliefContext = {}): { zh: string; en: string } {
  return computeRelief(policy, scheme, baseYuan, onDate, context).explanation;
}
