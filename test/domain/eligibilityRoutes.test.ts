/**
 * The routes of seed 001 §1 and seed 003 二(四) beyond the three income / spending tests
 * (SPEC §3): households that qualify get a category instead of a blank.
 */
import fc from 'fast-check';
import { hardshipCategory, routesIn, HARDSHIP_ROUTES } from '../../src/domain/eligibility';
import { deriveValues } from '../../src/domain/forms/derive';
import { HARDSHIP } from '../../src/server/customFunctions/hardship';

const DIBAO = 550;

test('a 三无人员 or a household whose 低保 top-up is at least 1.5× the average is a 低保户 whatever the income figure says', () => {
  expect(hardshipCategory({ perCapitaMonthlyIncome: 900, dibaoLine: DIBAO, routes: ['三无人员'] })).toBe('低保户');
  expect(hardshipCategory({ perCapitaMonthlyIncome: 760, dibaoLine: DIBAO, routes: ['低保补差达当地平均1.5倍以上'] })).toBe('低保户');
});

test('a 零就业家庭 or both spouses laid off: 低保边缘户 above the 130 % range too; below the line still 低保户', () => {
  expect(hardshipCategory({ perCapitaMonthlyIncome: 900, dibaoLine: DIBAO, routes: ['零就业家庭'] })).toBe('低保边缘户');
  expect(hardshipCategory({ perCapitaMonthlyIncome: 1200, dibaoLine: DIBAO, routes: ['夫妻双下岗'] })).toBe('低保边缘户');
  expect(hardshipCategory({ perCapitaMonthlyIncome: 500, dibaoLine: DIBAO, routes: ['零就业家庭'] })).toBe('低保户');
  // Without a route the same household gets nothing, as before.
  expect(hardshipCategory({ perCapitaMonthlyIncome: 900, dibaoLine: DIBAO })).toBe('');
});

test('a migrant worker qualifies only on a contract of a year or more and two years in town; lengths nobody entered are not held against them', () => {
  const base = { perCapitaMonthlyIncome: 500, dibaoLine: DIBAO };
  expect(hardshipCategory({ ...base, migrant: { contractYears: 1, yearsInTown: 2 } })).toBe('低保户');
  expect(hardshipCategory({ ...base, migrant: { contractYears: 0.5, yearsInTown: 5 } })).toBe('');
  expect(hardshipCategory({ ...base, migrant: { contractYears: 3, yearsInTown: 1 } })).toBe('');
  expect(hardshipCategory({ ...base, migrant: { contractYears: null, yearsInTown: null } })).toBe('低保户');
});

test('=HARDSHIP reads a route from the cause text, so a sheet without the 特困情形 column still works', () => {
  expect(HARDSHIP(900, 550, '零就业家庭')).toBe('低保边缘户');
  expect(HARDSHIP(900, 550, '因病、三无人员')).toBe('低保户');
  expect(HARDSHIP([[900], [900]], 550, [['双下岗'], ['']])).toEqual([['低保边缘户'], ['']]);
});

test('the intake form derives the category from 特困情形 and the migrant fields', () => {
  const values = { household_income: 43_200, household_size: 4, causes: [], hardship_routes: ['零就业家庭'] };
  expect(deriveValues(values, { today: '2026-12-01', dibaoLine: DIBAO }).hardship_category).toBe('低保边缘户');
  const migrant = { household_income: 24_000, household_size: 4, migrant: '是', contract_years: 2, years_in_town: 1 };
  expect(deriveValues(migrant, { today: '2026-12-01', dibaoLine: DIBAO }).hardship_category).toBe('');
  expect(deriveValues({ ...migrant, years_in_town: 3 }, { today: '2026-12-01', dibaoLine: DIBAO }).hardship_category).toBe('低保户');
});

test('a route never lowers a category: with any routes a household gets at least what it got without them', () => {
  const rank = { '': 0, 意外致困户: 1, 低保边缘户: 2, 低保户: 3 } as const;
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 200_000 }).map((f) => f / 100),
      fc.subarray([...HARDSHIP_ROUTES]),
      fc.subarray(['因病', '单亲', '子女上学']),
      fc.option(fc.double({ min: 0, max: 3, noNaN: true }), { nil: null }),
      (income, routes, causes, ratio) => {
        const without = hardshipCategory({ perCapitaMonthlyIncome: income, dibaoLine: DIBAO, causes, expenseRatio: ratio });
        const withRoutes = hardshipCategory({ perCapitaMonthlyIncome: income, dibaoLine: DIBAO, causes, expenseRatio: ratio, routes });
        expect(rank[withRoutes]).toBeGreaterThanOrEqual(rank[without]);
        if (routes.length > 0) expect(withRoutes).not.toBe('');
        expect(routesIn(routes).size).toBe(routes.length);
      },
    ),
  );
});
