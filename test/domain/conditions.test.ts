/**
 * Entry conditions of the relief schemes (SPEC §4) as policy data: the 适用条件 of 救助标准,
 * checked on a case's values, never inside RELIEF.
 */
import { checkConditions, parseConditionList, unmetText } from '../../src/domain/conditions';
import { makePolicy, parsePolicySheet, policyToRows, schemeConditions } from '../../src/domain/policy';
import { DEFAULT_POLICY, DEFAULT_POLICY_ROWS } from '../../src/defaults/policies';
import { computeRelief } from '../../src/domain/relief';

const ON = '2026-06-01';

test('SPEC §8: medical self-pay of 30,000 with a household income of 40,000 does not qualify — the amount alone would say 2,400', () => {
  const keys = schemeConditions(DEFAULT_POLICY, 'medical', ON);
  expect(keys).toEqual(['self_pay_over_income', 'in_catalogue']);
  const r = checkConditions(keys, { medical_self_pay: 30_000, household_income: 40_000, in_catalogue: '是' }, ON);
  expect(r.map((x) => x.ok)).toEqual([false, true]);
  expect(unmetText(r)).toBe('不符合“年医疗自付超过家庭年收入”');
  expect(computeRelief(DEFAULT_POLICY, 'medical', 30_000, ON).amountYuan).toBe(2_400); // RELIEF stays a pure amount
  expect(unmetText(checkConditions(keys, { medical_self_pay: 30_000, household_income: 24_000, in_catalogue: '是' }, ON))).toBe('');
});

test('each scheme has the conditions of its document; one nobody recorded is not taken as met', () => {
  const unmet = (scheme: string, c: Record<string, unknown>) => unmetText(checkConditions(schemeConditions(DEFAULT_POLICY, scheme, ON), c, ON));
  expect(unmet('critical', { participant: '是', diagnosis_date: '2026-03-02' })).toBe('');
  expect(unmet('critical', { participant: '是', diagnosis_date: '2025-11-20' })).toBe('不符合“救助期内首次确诊”');
  expect(unmet('major', { participant: '否', in_catalogue: '是' })).toBe('不符合“参加一日捐活动”');
  expect(unmet('accident', { participant: '是' })).toBe('未确认“影响基本生活”');
  expect(unmet('living', { hardship_category: '低保户' })).toBe('');
  expect(unmet('living', {})).toBe('未确认“特困职工家庭”');
});

test('the conditions are a column of 救助标准: dated with their row, and a name it does not know is refused naming the row', () => {
  const later = [
    ...DEFAULT_POLICY_ROWS.filter((r) => r.scheme !== 'accident'),
    {
      scheme: 'accident',
      name: '重大意外事故',
      effective_from: '2012-01-01',
      effective_to: '2026-12-31',
      fixed: 3_000,
      cap: 30_000,
      conditions: '参加一日捐活动、影响基本生活',
    },
    { scheme: 'accident', name: '重大意外事故', effective_from: '2027-01-01', fixed: 3_000, cap: 30_000, conditions: '影响基本生活' },
  ];
  const p = makePolicy(later);
  expect(schemeConditions(p, 'accident', '2026-12-31')).toEqual(['participant', 'affects_living']);
  expect(schemeConditions(p, 'accident', '2027-01-01')).toEqual(['affects_living']);
  const rows = policyToRows(DEFAULT_POLICY);
  const col = rows[0].indexOf('适用条件');
  expect(parsePolicySheet(rows).rows.find((r) => r.scheme === 'medical')!.conditions).toBe('年医疗自付超过家庭年收入、费用在医保目录内');
  const bad = rows.map((r, i) => (i === 1 ? r.map((c, j) => (j === col ? '家庭困难' : c)) : r));
  expect(() => parsePolicySheet(bad)).toThrow('第 2 行“适用条件”应为条件名称');
  expect(parseConditionList('参加一日捐活动、 影响基本生活，家庭困难')).toEqual({ keys: ['participant', 'affects_living'], unknown: ['家庭困难'] });
});
