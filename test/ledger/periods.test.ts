/**
 * Reporting periods over the payment ledger (SPEC §5.1, §6.1): a period's money is exactly the
 * ledger rows inside it; rows that cannot count are named by file, row and column.
 */
import fc from 'fast-check';
import { crossCheck, rollUp } from '../../src/domain/rollup/aggregate';
import { LEDGER_HEADER } from '../../src/domain/ledger';
import { campaignPeriod, inPeriod, parsePeriod, periodBounds, periodLabel, yearPeriod } from '../../src/domain/periods';
import { COUNTIES } from '../../src/defaults/counties';
import { HEADER, JINGSHAN, rowsOf } from '../rollup/fixtures';
import { makeId } from '../helpers/idNumbers';

const CODES = COUNTIES.map((c) => c.code);
const warmth = campaignPeriod({ name: '2027年元旦春节送温暖', start: '2026-12-22', end: '2027-02-06' });
/** A ledger row by label. */
const pay = (r: Partial<Record<string, unknown>>) => LEDGER_HEADER.map((h) => (r[h] ?? '') as unknown);
const cases = rowsOf(JINGSHAN.slice(0, 3)); // 王秀英 filed, 李明 in notice, 赵芳 exited

test('a year, a quarter and a campaign each know their days; a campaign also takes payments that name it', () => {
  expect(periodBounds(parsePeriod('2026Q4'))).toEqual({ start: '2026-10-01', end: '2026-12-31' });
  expect(periodBounds(parsePeriod('2026'))).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  expect(() => parsePeriod('明年')).toThrow('统计期间“明年”无法识别');
  expect(inPeriod(warmth, '2027-01-20', '')).toBe(true);
  expect(inPeriod(warmth, '2027-03-01', '2027年元旦春节送温暖')).toBe(true); // paid late, for that campaign
  expect(inPeriod(warmth, '2027-01-20', '2027年生活救助')).toBe(false);
  expect(periodLabel(warmth)).toBe('2027年元旦春节送温暖');
  expect(periodLabel(yearPeriod(2026))).toBe('2026年度');
});

test('with a ledger, money and person-times come from its rows inside the period only, never from the case columns on top', () => {
  const payments = [
    LEDGER_HEADER,
    pay({ 职工编号: 'H0100001', 发放日期: new Date(2025, 5, 1), 救助项目: '特困职工医疗救助', '发放金额（元）': 1600 }),
    pay({ 职工编号: 'H0100001', 发放日期: new Date(2026, 0, 20), 救助项目: '生活救助', 帮扶类别: '生活救助', '发放金额（元）': 550, 发放形式: '券' }),
    pay({ 职工编号: 'H0100003', 发放日期: new Date(2026, 1, 2), 救助项目: 'accident', '发放金额（元）': 3000 }),
  ];
  const r = rollUp([{ name: '京山', county: 'H01', values: cases, payments }], { year: 2026, today: '2026-11-23', counties: CODES });
  expect(r.problems).toEqual([]);
  expect(r.city.get('paid_fen.total')).toBe(355_000);
  expect(r.city.get('helped.person_times')).toBe(2);
  expect(r.city.get('kind.生活救助')).toBe(2);
  expect(r.city.get('kind_fen.生活救助')).toBe(355_000);
  const y2025 = rollUp([{ name: '京山', county: 'H01', values: cases, payments }], {
    year: 2025,
    period: yearPeriod(2025),
    today: '2026-11-23',
    counties: CODES,
  });
  expect(y2025.city.get('paid_fen.total')).toBe(160_000);
});

test('a payment with no case, on a case not yet approved, or with a bad cell is reported by file, row and column', () => {
  const payments = [
    LEDGER_HEADER,
    pay({ 职工编号: 'H0100099', 发放日期: new Date(2026, 0, 20), 救助项目: 'living', '发放金额（元）': 550 }),
    pay({ 职工编号: 'H0100002', 发放日期: new Date(2026, 0, 20), 救助项目: 'living', '发放金额（元）': 550 }),
    pay({ 职工编号: 'H0100002', 发放日期: new Date(2026, 0, 21), 救助项目: 'living', '发放金额（元）': 550, 先行救助: '是' }),
    pay({ 职工编号: 'H0100001', 发放日期: '2026-02-30', 救助项目: '慰问金', '发放金额（元）': -5, 发放形式: '转账' }),
  ];
  const r = rollUp([{ name: '京山.xlsx', county: 'H01', values: cases, payments }], { year: 2026, today: '2026-11-23', counties: CODES });
  expect(r.problems).toEqual([
    '京山.xlsx发放记录第2行“职工编号”：H0100099 不在本来源已计入的案件中，未计入',
    '京山.xlsx发放记录第3行：H0100002 的案件尚未审批（先建档、后帮扶），且未标为先行救助，未计入',
    '京山.xlsx发放记录第5行“发放日期”：“2026-02-30”不是有效日期；“救助项目”：“慰问金”不是救助标准中的项目；“发放金额（元）”：“-5”应为大于 0 的金额；“发放形式”：“转账”应为现金、卡、实物、券之一，未计入',
  ]);
  expect(r.city.get('paid_fen.total')).toBe(55_000); // only the emergency payment to 李明
});

test("whatever the ledger, a period's total is the sum of its rows inside the period, and the counties add up to 全市", () => {
  const arbPay = fc.record({
    no: fc.constantFrom('H0100001', 'H0100003', 'H0200001'),
    day: fc.integer({ min: 0, max: 800 }),
    fen: fc.integer({ min: 1, max: 1_000_000 }),
    period: fc.constantFrom('', '2027年元旦春节送温暖', '2026年生活救助'),
  });
  const two = [
    ...rowsOf([...JINGSHAN.slice(0, 3)]),
    ...rowsOf([{ ...JINGSHAN[0], 职工编号: 'H0200001', 县区代码: 'H02', 身份证号: makeId('420822', '1985-01-20', 8, '女') }]).slice(1),
  ];
  fc.assert(
    fc.property(fc.array(arbPay, { maxLength: 25 }), fc.constantFrom(yearPeriod(2026), warmth, parsePeriod('2026Q1')), (ps, period) => {
      const day = (n: number) => new Date(2025, 10, 1 + n);
      const payments = [
        LEDGER_HEADER,
        ...ps.map((p) => pay({ 职工编号: p.no, 发放日期: day(p.day), 救助项目: 'living', '发放金额（元）': p.fen / 100, 所属期间: p.period })),
      ];
      const r = rollUp([{ name: '两县', county: '', values: two, payments }], { year: 2026, period, today: '2027-03-01', counties: CODES });
      const civil = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      const expected = ps.filter((p) => inPeriod(period, civil(day(p.day)), p.period)).reduce((s, p) => s + p.fen, 0);
      expect(r.city.get('paid_fen.total') ?? 0).toBe(expected);
      expect(() => crossCheck(r)).not.toThrow();
    }),
    { numRuns: 100 },
  );
  expect(HEADER).toContain('发放日期');
});
