import { deriveValues, divideYuan, idFacts, withDerived } from '../../../src/domain/forms/derive';
import { makeId } from '../../helpers/idNumbers';

const today = '2026-03-02';
// 周建华, born 1975-03-02 (turns 51 today), male; 孙丽娟, born 1980-03-03 (still 45 today), female.
const 周建华 = makeId('420881', '1975-03-02', 18, '男');
const 孙丽娟 = makeId('420802', '1980-03-03', 9, '女');

describe('facts read from the ID number', () => {
  it('birth date, sex and completed age on today', () => {
    expect(idFacts(周建华, today)).toEqual({ birth_date: '1975-03-02', sex: '男', age: 51 });
    expect(idFacts(孙丽娟, today)).toEqual({ birth_date: '1980-03-03', sex: '女', age: 45 });
  });

  it('nothing from an invalid ID', () => {
    expect(idFacts(周建华.slice(0, 17) + (周建华[17] === '0' ? '1' : '0'), today)).toBeNull();
    expect(deriveValues({ id_number: '420881' }, { today })).toEqual({});
  });

  it('a person born on 29 February turns a year older on 1 March in a common year', () => {
    const leap = makeId('420802', '2004-02-29', 5, '女');
    expect(idFacts(leap, '2026-02-28')!.age).toBe(21);
    expect(idFacts(leap, '2026-03-01')!.age).toBe(22);
  });
});

describe('per-capita income', () => {
  it('annual and monthly, to the fen, rounded half up once from the exact quotient', () => {
    const d = deriveValues({ household_income: 20000, household_size: 3 }, { today });
    expect(d.per_capita_income).toBe(6666.67);
    // 20000 / 36 = 555.555… → 555.56 (not 6666.67 / 12 = 555.5558 rounded twice)
    expect(d.per_capita_monthly).toBe(555.56);
  });

  it('reads numeric text as typed into the sheet', () => {
    expect(deriveValues({ household_income: '26,400', household_size: '4' }, { today }).per_capita_monthly).toBe(550);
  });

  it('nothing for a household of zero or a fractional size', () => {
    expect(deriveValues({ household_income: 20000, household_size: 0 }, { today }).per_capita_income).toBeUndefined();
    expect(deriveValues({ household_income: 20000, household_size: 2.5 }, { today }).per_capita_income).toBeUndefined();
  });

  it('divideYuan rounds half up at the fen', () => {
    expect(divideYuan(0.05, 2)).toBe(0.03);
    expect(divideYuan(100, 8)).toBe(12.5);
    expect(divideYuan(1, 3)).toBe(0.33);
  });
});

describe('expense ratio and the hardship category suggestion', () => {
  it('the largest of medical self-pay, tuition and disaster loss over household income', () => {
    const d = deriveValues({ household_income: 40000, household_size: 4, medical_self_pay: 26000, tuition: 9000 }, { today });
    expect(d.expense_ratio).toBeCloseTo(0.65);
  });

  it('is infinite when a household with no income has an expense', () => {
    expect(deriveValues({ household_income: 0, household_size: 2, medical_self_pay: 3000 }, { today }).expense_ratio).toBe(Infinity);
  });

  it('suggests 低保户 below the 低保 line (550 yuan/month, seed 003 Zhengzhou 2016)', () => {
    expect(deriveValues({ household_income: 18000, household_size: 3 }, { today, dibaoLine: 550 }).hardship_category).toBe('低保户');
  });

  it('suggests no category for a household well above the line without causes', () => {
    expect(deriveValues({ household_income: 120000, household_size: 3, causes: [] }, { today, dibaoLine: 550 }).hardship_category).toBe('');
  });

  it('makes no suggestion without a 低保 line', () => {
    expect(deriveValues({ household_income: 18000, household_size: 3 }, { today }).hardship_category).toBeUndefined();
  });
});

describe('withDerived', () => {
  it('overwrites what the page sent for computed fields', () => {
    const v = withDerived({ id_number: 周建华, sex: '女', age: 99, household_income: 36000, household_size: 3 }, { today });
    expect(v).toMatchObject({ sex: '男', age: 51, birth_date: '1975-03-02', per_capita_income: 12000, per_capita_monthly: 1000 });
  });

  it('blanks a computed field whose inputs are gone, keeps a hand-set category without a 低保 line', () => {
    const v = withDerived({ id_number: '', age: 51, hardship_category: '意外致困户' }, { today });
    expect(v.age).toBe('');
    expect(v.hardship_category).toBe('意外致困户');
  });

  it('does not change its input', () => {
    const input = Object.freeze({ id_number: 周建华, household_income: 1, household_size: 1 });
    expect(() => withDerived(input, { today })).not.toThrow();
  });
});
