import fc from 'fast-check';
import { BangfuError } from '../../src/domain/errors';
import {
  applyRate,
  compareWithShare,
  fenToYuan,
  formatFen,
  formatRate,
  formatYuan,
  parseRate,
  rateValue,
  subtractFen,
  yuanToFen,
} from '../../src/domain/money';

/** round_half_up(fen × units / 10^scale) with BigInt: the exact reference. */
function exactProduct(fen: number, units: number, scale: number): number {
  const n = BigInt(fen) * BigInt(units);
  const den = 10n ** BigInt(scale);
  return Number(n / den + (2n * (n % den) >= den ? 1n : 0n));
}

describe('yuan to fen', () => {
  it('keeps amounts with up to two decimals exact', () => {
    expect(yuanToFen(1600)).toBe(160_000);
    expect(yuanToFen(19_999.9)).toBe(1_999_990);
    expect(yuanToFen(0.29)).toBe(29); // 0.29 × 100 is 28.999… in floating point
    expect(yuanToFen(0)).toBe(0);
    expect(Object.is(yuanToFen(-0), 0)).toBe(true);
  });

  it('rounds a third decimal half up, from the decimal the cell shows', () => {
    expect(yuanToFen(19_999.995)).toBe(2_000_000);
    expect(yuanToFen(1.005)).toBe(101);
    expect(yuanToFen(1.004)).toBe(100);
  });

  it('reads numeric text with thousands commas', () => {
    expect(yuanToFen('1,234.5')).toBe(123_450);
    expect(yuanToFen(' 550 ')).toBe(55_000);
  });

  it('refuses negative amounts and text that is not a number, in Chinese', () => {
    expect(() => yuanToFen(-1)).toThrow('金额不能为负数：-1');
    expect(() => yuanToFen('五百')).toThrow(BangfuError);
    expect(() => yuanToFen(Number.NaN)).toThrow('金额不是数字');
  });

  it('fen back to yuan gives the number Sheets shows', () => {
    expect(fenToYuan(199_990)).toBe(1999.9);
    expect(fenToYuan(599_994)).toBe(5999.94);
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e13 }), (fen) => yuanToFen(fenToYuan(fen)) === fen));
  });
});

describe('rates', () => {
  it('accept a share or a percentage and keep the decimal exact', () => {
    expect(parseRate(0.1)).toEqual({ units: 1, scale: 1 });
    expect(parseRate('10%')).toEqual({ units: 10, scale: 2 });
    expect(parseRate('12.5%')).toEqual({ units: 125, scale: 3 });
    expect(rateValue(parseRate('8%'))).toBe(0.08);
  });

  it('refuse negative or absurdly precise rates', () => {
    expect(() => parseRate(-0.1)).toThrow('比例不能为负数');
    expect(() => parseRate(1 / 3)).toThrow('比例的小数位数过多');
    expect(() => parseRate('十成')).toThrow('比例不是数字或百分比');
  });

  it('multiply once and round half up at the end (SPEC §8 figures)', () => {
    expect(applyRate(1_999_900, parseRate(0.1))).toBe(199_990); // 19,999 × 10 % = 1,999.90
    expect(applyRate(9_999_900, parseRate(0.06))).toBe(599_994); // 99,999 × 6 % = 5,999.94
    expect(applyRate(5, parseRate(0.1))).toBe(1); // 0.5 fen rounds up
    expect(applyRate(4, parseRate(0.1))).toBe(0);
  });

  it('agree with exact rational arithmetic for any amount and rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 50 }),
        fc.integer({ min: 0, max: 10 ** 6 }),
        fc.integer({ min: 0, max: 6 }),
        (fen, units, scale) => applyRate(fen, { units, scale }) === exactProduct(fen, units, scale),
      ),
    );
  });

  it('compare an income with a multiple of the 低保 line exactly', () => {
    const margin = parseRate(1.3);
    expect(compareWithShare(71_500, 55_000, margin)).toBe(0); // 715 is exactly 130 % of 550
    expect(compareWithShare(71_501, 55_000, margin)).toBe(1);
    expect(compareWithShare(71_499, 55_000, margin)).toBe(-1);
  });

  it('subtracting never goes below zero', () => {
    expect(subtractFen(300_000, 400_000)).toBe(0);
    expect(subtractFen(2_400_000, 400_000)).toBe(2_000_000);
  });
});

describe('formatting', () => {
  it('shows yuan with thousands separators and two decimals', () => {
    expect(formatFen(160_000)).toBe('1,600.00');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(2_000_000, { trimWholeYuan: true })).toBe('20,000');
    expect(formatYuan(550.5)).toBe('550.50');
    expect(formatYuan(100_000)).toBe('100,000');
  });

  it('shows rates as percentages without float noise', () => {
    expect(formatRate(parseRate(0.08))).toBe('8%');
    expect(formatRate(parseRate(0.07))).toBe('7%'); // 0.07 × 100 is 7.000000000000001 in floating point
    expect(formatRate(parseRate(0.125))).toBe('12.5%');
    expect(formatRate(parseRate(1))).toBe('100%');
    expect(formatRate(parseRate(0.0005))).toBe('0.05%');
  });
});
