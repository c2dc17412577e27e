import { BangfuError } from '../../src/domain/errors';
import { DEFAULT_HARDSHIP_THRESHOLDS, hardshipCategory, isExcludedByOtherProgramme } from '../../src/domain/eligibility';

// Zhengzhou's 2016 低保 line (seed 003): 550 yuan per person per month; 130 % of it is 715.
const DIBAO = 550;

describe('hardship category (seed 004 二(二))', () => {
  it('below the 低保 line: 低保户, whatever else holds', () => {
    // 刘桂兰's household: 4 people on 24,000 a year = 500 a month.
    expect(hardshipCategory({ perCapitaMonthlyIncome: 500, dibaoLine: DIBAO, causes: [] })).toBe('低保户');
    expect(hardshipCategory({ perCapitaMonthlyIncome: 549.99, dibaoLine: DIBAO, causes: ['因病'], expenseRatio: 0.9 })).toBe('低保户');
  });

  it('from 100 % to 130 % of the line with a special cause: 低保边缘户, both ends included', () => {
    expect(hardshipCategory({ perCapitaMonthlyIncome: 550, dibaoLine: DIBAO, causes: ['子女上学'] })).toBe('低保边缘户');
    expect(hardshipCategory({ perCapitaMonthlyIncome: 715, dibaoLine: DIBAO, causes: ['单亲'] })).toBe('低保边缘户');
    expect(hardshipCategory({ perCapitaMonthlyIncome: 715.01, dibaoLine: DIBAO, causes: ['单亲'] })).toBe('');
  });

  it('in the 130 % range without any cause: no category', () => {
    expect(hardshipCategory({ perCapitaMonthlyIncome: 600, dibaoLine: DIBAO, causes: [] })).toBe('');
    expect(hardshipCategory({ perCapitaMonthlyIncome: 600, dibaoLine: DIBAO, causes: ['  '] })).toBe('');
  });

  it('the list of special causes is open ("及其他特殊原因")', () => {
    for (const cause of ['因病', '因残', '因意外', '因未就业', '其它']) {
      expect(hardshipCategory({ perCapitaMonthlyIncome: 700, dibaoLine: DIBAO, causes: [cause] })).toBe('低保边缘户');
    }
  });

  it('big spending above 50 % of household income: 意外致困户, strictly above', () => {
    // 张建国: self-pay 36,000 on a household income of 60,000 (60 %), 1,250 a head a month.
    expect(hardshipCategory({ perCapitaMonthlyIncome: 1_250, dibaoLine: DIBAO, causes: ['因病'], expenseRatio: 0.6 })).toBe('意外致困户');
    expect(hardshipCategory({ perCapitaMonthlyIncome: 1_250, dibaoLine: DIBAO, causes: ['因病'], expenseRatio: 0.5 })).toBe('');
    expect(hardshipCategory({ perCapitaMonthlyIncome: 0.5, dibaoLine: 0.4, causes: [], expenseRatio: Infinity })).toBe('意外致困户');
  });

  it('precedence: 低保户, then 低保边缘户, then 意外致困户', () => {
    expect(hardshipCategory({ perCapitaMonthlyIncome: 500, dibaoLine: DIBAO, causes: ['因意外'], expenseRatio: 2 })).toBe('低保户');
    expect(hardshipCategory({ perCapitaMonthlyIncome: 650, dibaoLine: DIBAO, causes: ['因意外'], expenseRatio: 2 })).toBe('低保边缘户');
    expect(hardshipCategory({ perCapitaMonthlyIncome: 650, dibaoLine: DIBAO, causes: [], expenseRatio: 2 })).toBe('意外致困户');
  });

  it('the 130 % and 50 % thresholds are defaults a caller can override', () => {
    expect(DEFAULT_HARDSHIP_THRESHOLDS).toEqual({ margin: 1.3, expenseShare: 0.5, migrantContractYears: 1, migrantYearsInTown: 2 });
    expect(hardshipCategory({ perCapitaMonthlyIncome: 800, dibaoLine: DIBAO, causes: ['因病'] })).toBe('');
    expect(hardshipCategory({ perCapitaMonthlyIncome: 800, dibaoLine: DIBAO, causes: ['因病'], margin: 1.5 })).toBe('低保边缘户');
    expect(hardshipCategory({ perCapitaMonthlyIncome: 1_250, dibaoLine: DIBAO, causes: [], expenseRatio: 0.45, expenseShare: 0.4 })).toBe('意外致困户');
  });

  it('impossible input is refused in Chinese', () => {
    const zero = () => hardshipCategory({ perCapitaMonthlyIncome: 500, dibaoLine: 0, causes: [] });
    expect(zero).toThrow(BangfuError);
    expect(zero).toThrow('低保标准无效：0');
    expect(() => hardshipCategory({ perCapitaMonthlyIncome: -1, dibaoLine: DIBAO, causes: [] })).toThrow('家庭人均月收入无效：-1');
    expect(() => hardshipCategory({ perCapitaMonthlyIncome: 500, dibaoLine: DIBAO, causes: [], margin: 0.9 })).toThrow('低保边缘上限倍数无效');
  });
});

describe('one person, one programme (seed 003)', () => {
  it("a party member assisted by the party organisation is not the union's target", () => {
    expect(isExcludedByOtherProgramme({ politicalStatus: '中共党员', otherProgramme: '党组织帮扶' })).toBe(true);
    expect(isExcludedByOtherProgramme({ politicalStatus: '中共预备党员', otherProgramme: ['党组织帮扶'] })).toBe(true);
  });

  it('anyone else stays eligible', () => {
    expect(isExcludedByOtherProgramme({ politicalStatus: '群众', otherProgramme: '党组织帮扶' })).toBe(false);
    expect(isExcludedByOtherProgramme({ politicalStatus: '共青团员', otherProgramme: '党组织帮扶' })).toBe(false);
    expect(isExcludedByOtherProgramme({ politicalStatus: '民主党派', otherProgramme: '党组织帮扶' })).toBe(false);
    expect(isExcludedByOtherProgramme({ politicalStatus: '中共党员', otherProgramme: '否' })).toBe(false);
    expect(isExcludedByOtherProgramme({ politicalStatus: '中共党员', otherProgramme: '其他' })).toBe(false);
    expect(isExcludedByOtherProgramme({})).toBe(false);
  });
});
