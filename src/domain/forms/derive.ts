/**
 * Fields the server fills from other fields (表单定义 自动计算 = 是): birth date, sex and
 * age from the ID number; per-capita income from household income and size; the
 * hardship category suggested by the eligibility rules. Pure: "today" and the 低保 line
 * come in as parameters.
 */
import type { CivilDate } from '../civilDate';
import { validateId } from '../idcard';
import { completedYears } from '../civilDate';
import { hardshipCategory } from '../eligibility';
import { isYes, listOf, numberOf, textOf } from './values';

export interface DeriveOptions {
  today: CivilDate;
  /** Local 低保 line in yuan per person per month (设置 sheet); no suggestion without it. */
  dibaoLine?: number | null;
}

export interface Derived {
  birth_date?: CivilDate;
  sex?: '男' | '女';
  age?: number;
  /** Yuan per person per year, to the fen. */
  per_capita_income?: number;
  /** Yuan per person per month, to the fen. */
  per_capita_monthly?: number;
  /** max(medical self-pay, tuition, disaster loss) / household income; Infinity when income is 0. */
  expense_ratio?: number;
  hardship_category?: string;
}

/** The keys deriveValues may fill, so a caller can tell them from the user's own input. */
export const DERIVED_KEYS = ['birth_date', 'sex', 'age', 'per_capita_income', 'per_capita_monthly', 'hardship_category'] as const;

/** Birth date, sex and completed age from a valid 18-character ID (GB 11643: digits 7–14, 17th odd = 男). */
export function idFacts(id: string, today: CivilDate): { birth_date: CivilDate; sex: '男' | '女'; age: number } | null {
  const s = id.trim().toUpperCase();
  if (!validateId(s, today).ok) return null;
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  const sex = +s[16] % 2 === 1 ? '男' : '女';
  return { birth_date: birth, sex, age: completedYears(birth, today) };
}

export { completedYears };

/** yuan ÷ n to the fen, rounded half up once from the exact quotient (integer arithmetic). */
export function divideYuan(yuan: number, n: number): number {
  const fen = Math.round(yuan * 100);
  const q = Math.floor((2 * fen + n) / (2 * n));
  return q / 100;
}

const positive = (v: unknown) => {
  const n = numberOf(v);
  return n !== null && n >= 0 ? n : null;
};

/** Everything derivable from `values`; a key is absent when its inputs are missing or invalid. */
export function deriveValues(values: Record<string, unknown>, opts: DeriveOptions): Derived {
  const out: Derived = {};
  const id = textOf(values.id_number);
  const facts = id === '' || typeof values.id_number === 'number' ? null : idFacts(id, opts.today);
  if (facts) Object.assign(out, facts);

  const income = positive(values.household_income);
  const size = numberOf(values.household_size);
  if (income !== null && size !== null && Number.isInteger(size) && size > 0) {
    out.per_capita_income = divideYuan(income, size);
    out.per_capita_monthly = divideYuan(income, size * 12);
  }

  const expenses = [values.medical_self_pay, values.tuition, values.disaster_loss].map(positive).filter((n): n is number => n !== null);
  if (income !== null && expenses.length > 0) {
    const biggest = Math.max(...expenses);
    out.expense_ratio = income > 0 ? biggest / income : biggest > 0 ? Infinity : 0;
  }

  if (opts.dibaoLine && out.per_capita_monthly !== undefined) {
    out.hardship_category = hardshipCategory({
      perCapitaMonthlyIncome: out.per_capita_monthly,
      dibaoLine: opts.dibaoLine,
      causes: listOf(values.causes),
      expenseRatio: out.expense_ratio,
      routes: listOf(values.hardship_routes),
      ...(isYes(values.migrant) ? { migrant: { contractYears: positive(values.contract_years), yearsInTown: positive(values.years_in_town) } } : {}),
    });
  }
  return out;
}

/**
 * `values` with the derived fields written over whatever the user sent for them. A field
 * whose inputs are gone is blanked, so a stale age never outlives a removed ID; the category
 * is only replaced when a suggestion exists (without a 低保 line a reviewer's choice stands).
 */
export function withDerived<T extends Record<string, unknown>>(values: T, opts: DeriveOptions): T & Record<(typeof DERIVED_KEYS)[number], unknown> {
  const derived = deriveValues(values, opts);
  const out: Record<string, unknown> = { ...values };
  for (const key of DERIVED_KEYS) {
    if (derived[key] !== undefined) out[key] = derived[key];
    else if (key !== 'hardship_category') out[key] = '';
  }
  return out as T & Record<(typeof DERIVED_KEYS)[number], unknown>;
}
