/**
 * Money in integer fen (分), rates as exact decimals.
 *
 * Why: relief amounts are paid to the fen and audited; binary floating point turns
 * 19,999 × 10 % into 1,999.8999… and 1.005 元 into 1.00. So amounts are whole fen, a rate
 * is the exact decimal the administrator typed (0.08 = 8/100), and a product is rounded
 * half up ONCE, at the end. Amounts are never negative: a difference below zero is zero.
 */
import { BangfuError } from './errors';

/** A whole number of fen (1 元 = 100 分), never negative. */
export type Fen = number;

/** An exact decimal share: units / 10^scale (0.08 → { units: 8, scale: 2 }). */
export interface Rate {
  readonly units: number;
  readonly scale: number;
}

interface Decimal {
  /** All significant digits, no sign, no point. */
  readonly digits: string;
  /** The value is digits / 10^scale. */
  readonly scale: number;
  readonly negative: boolean;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * The exact decimal a number or numeric text stands for. A JS number is read through its
 * shortest round-trip text (what Sheets shows: 0.1 is "0.1", not 0.1000000000000000055…).
 * Thousands commas and spaces are allowed in text.
 */
function toDecimal(v: number | string): Decimal | null {
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  const text = typeof v === 'number' ? String(v) : v.trim().replace(/[,\s]/g, '');
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const whole = m[2],
    frac = m[3] ?? '';
  let scale = frac.length - Number(m[4] ?? 0);
  let digits = (whole + frac).replace(/^0+/, '') || '0';
  if (scale < 0) {
    digits = digits === '0' ? '0' : digits + '0'.repeat(-scale);
    scale = 0;
  }
  return { digits, scale, negative: m[1] === '-' && /[1-9]/.test(digits) };
}

/** round_half_up(digits / 10^shift) for non-negative digit strings. */
function roundDigits(digits: string, shift: number): number {
  if (shift <= 0) return Number(digits + '0'.repeat(-shift));
  const n = BigInt(digits);
  const den = 10n ** BigInt(shift);
  const q = n / den;
  return Number(2n * (n % den) >= den ? q + 1n : q);
}

function negativeAmount(what: string, v: number | string): BangfuError {
  return new BangfuError('money.negative', `${what}不能为负数：${String(v)}`, `Must not be negative: ${String(v)}`);
}

/**
 * Yuan (a number or numeric text) → whole fen, half up (19,999.995 → 2,000,000 fen).
 * Negative amounts are refused: no relief base or standard is ever below zero.
 */
export function yuanToFen(yuan: number | string, what = '金额'): Fen {
  // Fast path: whole yuan, or at most two decimals (the common cell).
  if (typeof yuan === 'number' && yuan >= 0 && yuan <= 9e13) {
    if (yuan === 0) return 0; // and not -0
    const fen = Math.round(yuan * 100);
    if (fen / 100 === yuan) return fen;
  }
  const d = toDecimal(yuan);
  if (!d) throw new BangfuError('money.notNumber', `${what}不是数字：${String(yuan)}`, `Not an amount: ${String(yuan)}`);
  if (d.negative) throw negativeAmount(what, yuan);
  return roundDigits(d.digits, d.scale - 2);
}

/** Whole fen → yuan as a number (160000 → 1600, 199990 → 1999.9). */
export function fenToYuan(fen: Fen): number {
  return fen / 100;
}

/**
 * A share as an exact decimal: 0.1, "0.1" or "10%". Negative shares are refused.
 * More than 15 decimal places is refused too: no standard is that precise, and it keeps
 * every product exact.
 */
export function parseRate(v: number | string, what = '比例'): Rate {
  const text = typeof v === 'string' ? v.trim() : v;
  const percent = typeof text === 'string' && /[%％]$/.test(text);
  const d = toDecimal(percent ? (text as string).slice(0, -1) : text);
  if (!d) throw new BangfuError('rate.notNumber', `${what}不是数字或百分比：${String(v)}`, `Not a rate or percentage: ${String(v)}`);
  if (d.negative) throw negativeAmount(what, v);
  const scale = d.scale + (percent ? 2 : 0);
  if (scale > 15 || d.digits.length > 15) {
    throw new BangfuError('rate.tooPrecise', `${what}的小数位数过多：${String(v)}`, `Rate has too many decimal places: ${String(v)}`);
  }
  return { units: Number(d.digits), scale };
}

/** The share as a JS number (the nearest double to the exact decimal). */
export function rateValue(rate: Rate): number {
  return Number(`${rate.units}e-${rate.scale}`);
}

/** fen × rate, rounded half up once (19,999 元 × 10 % = 1,999.90 元; 99,999 元 × 6 % = 5,999.94 元). */
export function applyRate(fen: Fen, rate: Rate): Fen {
  const product = fen * rate.units;
  if (Number.isSafeInteger(product)) {
    const den = 10 ** rate.scale;
    let q = Math.floor(product / den);
    let r = product - q * den;
    // The float quotient may be one off near an integer; the remainder tells.
    if (r < 0) {
      q -= 1;
      r += den;
    } else if (r >= den) {
      q += 1;
      r -= den;
    }
    return 2 * r >= den ? q + 1 : q;
  }
  return roundDigits((BigInt(fen) * BigInt(rate.units)).toString(), rate.scale);
}

/** Sign of a − b × rate, exactly (is an income above 130 % of the 低保 line?). */
export function compareWithShare(a: Fen, b: Fen, rate: Rate): -1 | 0 | 1 {
  const left = BigInt(a) * 10n ** BigInt(rate.scale);
  const right = BigInt(b) * BigInt(rate.units);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** a − b, but never below zero (self-pay under the deductible gives nothing, not a debt). */
export function subtractFen(a: Fen, b: Fen): Fen {
  return a > b ? a - b : 0;
}

function groupThousands(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 160000 → "1,600.00"; with `trimWholeYuan`, 2000000 → "20,000" (band edges read better so). */
export function formatFen(fen: Fen, opts: { trimWholeYuan?: boolean } = {}): string {
  const whole = Math.floor(fen / 100);
  const cents = fen - whole * 100;
  if (opts.trimWholeYuan && cents === 0) return groupThousands(String(whole));
  return `${groupThousands(String(whole))}.${String(cents).padStart(2, '0')}`;
}

/** Yuan as typed in a policy row, for explanations: 20000 → "20,000", 550.5 → "550.50". */
export function formatYuan(yuan: number): string {
  return formatFen(yuanToFen(yuan), { trimWholeYuan: true });
}

/** A rate as a percentage without float noise: 0.08 → "8%", 0.125 → "12.5%". */
export function formatRate(rate: Rate): string {
  const shift = rate.scale - 2; // percent = units / 10^(scale-2)
  let text: string;
  if (shift <= 0) {
    text = String(rate.units) + '0'.repeat(-shift);
  } else {
    const padded = String(rate.units).padStart(shift + 1, '0');
    text = `${padded.slice(0, -shift)}.${padded.slice(-shift)}`.replace(/\.?0+$/, '');
  }
  return `${text}%`;
}
