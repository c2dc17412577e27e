/**
 * Properties of the rule engine over generated standards: any banded scheme a county might
 * type into 救助标准 (bounds to the fen, rates to 0.01 %, optional deductible, cap and floor).
 */
import fc from 'fast-check';
import { addDays } from '../../src/domain/civilDate';
import { BangfuError } from '../../src/domain/errors';
import { makePolicy, type PolicyRowInput } from '../../src/domain/policy';
import { computeRelief } from '../../src/domain/relief';

const ON = '2025-06-30';
const FROM = '2020-01-01';

type Rule = { rate: number; deductible: number | null } | { fixed: number };
interface Band {
  lowerFen: number;
  upperFen: number | null;
  rule: Rule;
  capFen: number | null;
  floorFen: number | null;
}

const fenToYuan = (fen: number) => fen / 100;

const ruleArb: fc.Arbitrary<Rule> = fc.oneof(
  fc.record({
    rate: fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 10_000),
    deductible: fc.option(fc.integer({ min: 0, max: 1_000_000 }).map(fenToYuan)),
  }),
  fc.record({ fixed: fc.integer({ min: 0, max: 5_000_000 }).map(fenToYuan) }),
);

/** Contiguous bands from a lowest bound up, the top one open or closed. */
const bandsArb: fc.Arbitrary<Band[]> = fc
  .record({
    lowest: fc.integer({ min: 0, max: 500_000 }),
    cuts: fc.uniqueArray(fc.integer({ min: 500_001, max: 30_000_000 }), { minLength: 0, maxLength: 4 }),
    closedTop: fc.boolean(),
    extras: fc.array(
      fc.record({ cap: fc.option(fc.integer({ min: 0, max: 5_000_000 })), floor: fc.option(fc.integer({ min: 0, max: 500_000 })), rule: ruleArb }),
      { minLength: 6, maxLength: 6 },
    ),
  })
  .map(({ lowest, cuts, closedTop, extras }) => {
    const edges = [lowest, ...[...cuts].sort((a, b) => a - b)];
    const count = closedTop && edges.length > 1 ? edges.length - 1 : edges.length;
    return Array.from({ length: count }, (_, i) => {
      const { cap, floor, rule } = extras[i];
      return { lowerFen: edges[i], upperFen: edges[i + 1] ?? null, rule, capFen: cap, floorFen: floor !== null && cap !== null && floor > cap ? cap : floor };
    });
  });

function rowsOf(bands: Band[], extra: Partial<PolicyRowInput> = {}): PolicyRowInput[] {
  return bands.map((b) => ({
    scheme: 'county',
    name: '县级医疗补助',
    effective_from: FROM,
    lower: fenToYuan(b.lowerFen),
    upper: b.upperFen === null ? null : fenToYuan(b.upperFen),
    ...('fixed' in b.rule ? { fixed: b.rule.fixed } : { rate: b.rule.rate, deductible: b.rule.deductible }),
    cap: b.capFen === null ? null : fenToYuan(b.capFen),
    floor: b.floorFen === null ? null : fenToYuan(b.floorFen),
    ...extra,
  }));
}

const topFen = (bands: Band[]) => bands[bands.length - 1].upperFen ?? Infinity;
const baseArb = fc.integer({ min: 0, max: 40_000_000 });

describe('relief under any banded standard', () => {
  it('is never negative, never above the cap of its row, and exact to the fen', () => {
    fc.assert(
      fc.property(bandsArb, baseArb, (bands, baseFen) => {
        const policy = makePolicy(rowsOf(bands));
        if (baseFen >= topFen(bands)) {
          expect(() => computeRelief(policy, 'county', fenToYuan(baseFen), ON)).toThrow(BangfuError);
          return;
        }
        const r = computeRelief(policy, 'county', fenToYuan(baseFen), ON);
        expect(Number.isInteger(r.amountFen)).toBe(true);
        expect(r.amountFen).toBeGreaterThanOrEqual(0);
        expect(Number(r.amountYuan.toFixed(2))).toBe(r.amountYuan);
        expect(Math.round(r.amountYuan * 100)).toBe(r.amountFen);
        if (r.row.cap !== null) expect(r.amountFen).toBeLessThanOrEqual(Math.round(r.row.cap * 100));
      }),
    );
  });

  it('a rate row pays (base − deductible) × rate rounded half up once, before floor and cap', () => {
    fc.assert(
      fc.property(bandsArb, baseArb, (bands, baseFen) => {
        fc.pre(baseFen < topFen(bands));
        const r = computeRelief(makePolicy(rowsOf(bands)), 'county', fenToYuan(baseFen), ON);
        fc.pre(r.rule === 'rate' && !r.belowBand && !r.capHit && !r.floorApplied);
        // Exact reference with BigInt: rate in basis points, deductible in fen.
        const net = BigInt(Math.max(0, baseFen - r.deductibleFen));
        const bp = BigInt(Math.round((r.rate as number) * 10_000));
        const product = net * bp; // in fen × 1/10,000
        const expected = product / 10_000n + (2n * (product % 10_000n) >= 10_000n ? 1n : 0n);
        expect(r.amountFen).toBe(Number(expected));
      }),
    );
  });

  it('picks the band by its lower bound inclusive: a bound belongs to the band above it', () => {
    fc.assert(
      fc.property(bandsArb, (bands) => {
        const policy = makePolicy(rowsOf(bands));
        bands.forEach((b, i) => {
          expect(computeRelief(policy, 'county', fenToYuan(b.lowerFen), ON).band.lower).toBe(fenToYuan(b.lowerFen));
          const justBelow = computeRelief(policy, 'county', fenToYuan(b.lowerFen - 1 < 0 ? 0 : b.lowerFen - 1), ON);
          if (i > 0) expect(justBelow.band.upper).toBe(fenToYuan(b.lowerFen));
          else if (b.lowerFen > 0) expect(justBelow).toMatchObject({ belowBand: true, amountFen: 0 });
        });
      }),
    );
  });

  it('within one band a rate rule never pays less for a larger base', () => {
    fc.assert(
      fc.property(bandsArb, baseArb, baseArb, (bands, a, b) => {
        fc.pre(a < topFen(bands) && b < topFen(bands));
        const policy = makePolicy(rowsOf(bands));
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const rLo = computeRelief(policy, 'county', fenToYuan(lo), ON);
        const rHi = computeRelief(policy, 'county', fenToYuan(hi), ON);
        fc.pre(rLo.row === rHi.row && rLo.rule === 'rate' && !rLo.belowBand);
        expect(rLo.amountFen).toBeLessThanOrEqual(rHi.amountFen);
      }),
    );
  });
});

describe('validation catches any injected overlap or gap', () => {
  /** Each band in two periods: to 2024-12-31, then from 2025-01-01 open-ended. */
  function twoPeriods(bands: Band[]): PolicyRowInput[] {
    return [...rowsOf(bands, { effective_to: '2024-12-31' }), ...rowsOf(bands, { effective_from: '2025-01-01' })];
  }

  it('the standards as generated are accepted', () => {
    fc.assert(
      fc.property(bandsArb, (bands) => {
        expect(makePolicy(twoPeriods(bands)).rows).toHaveLength(bands.length * 2);
      }),
    );
  });

  it('moving the start of a later period earlier overlaps, later leaves a gap', () => {
    fc.assert(
      fc.property(
        bandsArb,
        fc.nat(),
        fc.integer({ min: -400, max: 400 }).filter((d) => d !== 0),
        (bands, pick, days) => {
          const rows = twoPeriods(bands);
          const k = bands.length + (pick % bands.length); // a row of the second period
          rows[k] = { ...rows[k], effective_from: addDays('2025-01-01', days) };
          let code = '';
          try {
            makePolicy(rows);
          } catch (e) {
            code = (e as BangfuError).code;
          }
          expect(code).toBe(days < 0 ? 'policy.periodOverlap' : 'policy.periodGap');
        },
      ),
    );
  });

  it('moving a band edge inside its neighbours overlaps the band below or leaves a gap', () => {
    fc.assert(
      fc.property(bandsArb, fc.nat(), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.boolean(), (bands, pick, where, down) => {
        fc.pre(bands.length >= 2);
        const i = 1 + (pick % (bands.length - 1));
        const prevLower = bands[i - 1].lowerFen,
          lower = bands[i].lowerFen,
          upper = bands[i].upperFen ?? lower + 1_000_000;
        // A new lower bound strictly between the neighbours' bounds, never equal to the old one.
        const span = down ? lower - prevLower : upper - lower;
        fc.pre(span > 1);
        const shift = Math.max(1, Math.min(span - 1, Math.floor(span * where)));
        const moved = down ? lower - shift : lower + shift;
        const rows = rowsOf(bands);
        rows[i] = { ...rows[i], lower: fenToYuan(moved) };
        let code = '';
        try {
          makePolicy(rows);
        } catch (e) {
          code = (e as BangfuError).code;
        }
        expect(code).toBe(down ? 'policy.bandOverlap' : 'policy.bandGap');
      }),
    );
  });
});
