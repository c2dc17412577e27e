/**
 * 001 §10 "分段计算" read marginally (SPEC §4.1): a setting of the policy row, with SPEC §8's
 * worked examples, and no cliff at the band edges.
 */
import fc from 'fast-check';
import { makePolicy, parsePolicySheet, policyToRows } from '../../src/domain/policy';
import { computeRelief } from '../../src/domain/relief';
import { DEFAULT_POLICY_ROWS } from '../../src/defaults/policies';

const withReading = (reading: '超额累进（自0元起）' | '超额累进（自下限起）') =>
  makePolicy(DEFAULT_POLICY_ROWS.map((r) => (r.scheme === 'medical' ? { ...r, reading } : r)));
const fromZero = withReading('超额累进（自0元起）');
const fromLower = withReading('超额累进（自下限起）');
const amount = (p: ReturnType<typeof makePolicy>, base: number) => computeRelief(p, 'medical', base, '2026-06-01').amountYuan;

test('SPEC §8, marginal from 0: 20,000 → 2,000 · 50,000 → 4,400 · 99,999 → 7,399.94; 100,000 and above keep the fixed 8,000', () => {
  expect([20_000, 50_000, 99_999, 100_000, 150_000].map((b) => amount(fromZero, b))).toEqual([2_000, 4_400, 7_399.94, 8_000, 8_000]);
  expect(amount(fromZero, 4_999)).toBe(0); // still below the first band: nothing due
});

test("marginal from the lowest band's own bound: the first 5,000 yuan are not counted", () => {
  expect([5_000, 20_000, 50_000].map((b) => amount(fromLower, b))).toEqual([0, 1_500, 3_900]);
});

test('the whole-amount reading stays the default, with its cliff at 20,000', () => {
  const p = makePolicy(DEFAULT_POLICY_ROWS);
  expect([19_999, 20_000].map((b) => amount(p, b))).toEqual([1_999.9, 1_600]);
  expect(computeRelief(p, 'medical', 20_000, '2026-06-01').explanation.zh).toContain('全额计算，非超额累进');
  expect(computeRelief(fromZero, 'medical', 20_000, '2026-06-01').explanation.zh).toContain('超额累进（自0元起）');
});

test('read marginally, more self-pay never gets less relief below the fixed band', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 9_999_900 }), fc.integer({ min: 1, max: 100_000 }), (fen, more) => {
      const a = fen / 100;
      const b = Math.min(a + more / 100, 99_999.99);
      for (const p of [fromZero, fromLower]) expect(amount(p, b)).toBeGreaterThanOrEqual(amount(p, a));
    }),
  );
});

test('the 计算方式 column goes through the sheet and back; a value it does not know names the row', () => {
  const rows = policyToRows(fromZero);
  expect(rows[0]).toContain('计算方式');
  const back = parsePolicySheet(rows);
  expect(amount(back, 20_000)).toBe(2_000);
  const bad = rows.map((r, i) => (i === 1 ? r.map((c) => (c === '超额累进（自0元起）' ? '累进' : c)) : r));
  expect(() => parsePolicySheet(bad)).toThrow('第 2 行“计算方式”应为');
});
