/**
 * RELIEF, RELIEF_EXPLAIN and HARDSHIP called as Sheets calls them: single values or 2-D
 * ranges with blanks, Date cells, a policy range with its header.
 */
import { setNow } from '../../src/server/clock';
import { RELIEF, RELIEF_EXPLAIN } from '../../src/server/customFunctions/relief';
import { HARDSHIP } from '../../src/server/customFunctions/hardship';
import { DEFAULT_POLICY } from '../../src/defaults/policies';
import { policyToRows } from '../../src/domain/policy';
import { BangfuError } from '../../src/domain/errors';

afterEach(() => setNow(null));

/** The 救助标准 sheet as getValues() returns it: dates come back as Date cells. */
function policySheet(): unknown[][] {
  const values = policyToRows(DEFAULT_POLICY) as unknown[][];
  const [header, ...rows] = values;
  const from = header.indexOf('生效日期');
  return [header, ...rows.map((r) => r.map((v, i) => (i === from ? new Date(`${String(v)}T00:00:00`) : v)))];
}

/** The administrator raises the 20,000–50,000 medical band from 8 % to 9 % from 2026-01-01. */
function policyRaisedIn2026(): unknown[][] {
  const sheet = policySheet();
  const h = sheet[0] as string[];
  const col = (label: string) => h.indexOf(label);
  const i = sheet.findIndex((r) => r[col('项目代码')] === 'medical' && r[col('下限')] === 20_000);
  const old = [...sheet[i]];
  old[col('失效日期')] = new Date(2025, 11, 31);
  const raised = [...sheet[i]];
  raised[col('生效日期')] = new Date(2026, 0, 1);
  raised[col('比例')] = '9%';
  raised[col('依据')] = '京山县总工会 2025 年第 12 号通知';
  return [...sheet.slice(0, i), old, raised, ...sheet.slice(i + 1)];
}

describe('RELIEF', () => {
  it('computes a column of self-pay amounts in one call: same shape, blanks blank, a bad cell shows its error', () => {
    const column = [[20_000], [''], [19_999], ['4,999'], ['待补'], [-300], [150_000]];
    expect(RELIEF('medical', column, new Date(2025, 9, 20))).toEqual([
      [1_600],
      [''],
      [1_999.9],
      [0],
      ['错误：“计算基数”应为数字，而不是“待补”'],
      ['错误：计算基数不能为负数：-300'],
      [8_000],
    ]);
  });

  it('takes the Chinese name or a code in any case, and a single value gives a single value', () => {
    expect(RELIEF('特困职工医疗救助', 99_999, new Date(2025, 9, 20))).toBe(5_999.94);
    expect(RELIEF(' MAJOR ', [[24_000, 300_000]], '2025-10-20')).toEqual([[4_000, 30_000]]);
    expect(RELIEF('medical', '', '2025-10-20')).toBe('');
  });

  it('living: the amount is the local 低保 line per month', () => {
    expect(RELIEF('生活救助', 550)).toBe(550);
    expect(RELIEF('living', [[550], [610.5]])).toEqual([[550], [610.5]]);
  });

  it("an unknown scheme is the whole call's error, naming it", () => {
    expect(() => RELIEF('助学金', 1_000)).toThrow(BangfuError);
    expect(() => RELIEF('助学金', 1_000)).toThrow(/未知的救助项目“助学金”。可用项目：特困职工医疗救助、十种重大疾病/);
    expect(() => RELIEF('', 1_000)).toThrow('请填写救助项目');
  });

  it('an edited policy range applies from its effective date, before and after', () => {
    const policy = policyRaisedIn2026();
    expect(RELIEF('medical', 20_000, new Date(2025, 11, 31), policy)).toBe(1_600);
    expect(RELIEF('medical', 20_000, new Date(2026, 0, 1), policy)).toBe(1_800);
    expect(RELIEF('medical', 20_000, new Date(2026, 0, 1))).toBe(1_600); // the defaults are unchanged
  });

  it('on_date defaults to today', () => {
    const policy = policyRaisedIn2026();
    setNow('2025-12-31');
    expect(RELIEF('medical', 20_000, '', policy)).toBe(1_600);
    setNow('2026-03-02');
    expect(RELIEF('medical', 20_000, undefined, policy)).toBe(1_800);
  });

  it('on_date may be a range beside the amounts: each case under the standard of its own date', () => {
    const policy = policyRaisedIn2026();
    const amounts = [[20_000], [20_000], [20_000], [20_000]];
    const dates = [[new Date(2025, 5, 1)], [new Date(2026, 1, 1)], [new Date(2011, 0, 1)], ['下周']];
    expect(RELIEF('medical', amounts, dates, policy)).toEqual([
      [1_600],
      [1_800],
      ['错误：救助项目“特困职工医疗救助”在 2011-01-01 没有生效的救助标准（生效日期、失效日期均含当日）'],
      ['错误：“日期”应为日期，而不是“下周”'],
    ]);
    expect(() => RELIEF('medical', amounts, [[new Date(2025, 5, 1), new Date(2025, 5, 2)]], policy)).toThrow('“日期”应为单个值，或与“计算基数”大小相同的区域');
  });

  it("a single date before every standard is the call's error", () => {
    expect(() => RELIEF('medical', [[20_000]], new Date(2011, 5, 30))).toThrow('在 2011-06-30 没有生效的救助标准');
  });

  it('a malformed or inconsistent policy range is refused, naming the row and column', () => {
    const bad = policySheet();
    bad[3] = [...bad[3]];
    bad[3][(bad[0] as string[]).indexOf('比例')] = '百分之八';
    expect(() => RELIEF('medical', 20_000, '2025-10-20', bad)).toThrow('救助标准表：第 4 行“比例”应为0 到 1 之间的比例');

    const overlapping = policySheet();
    const extra = [...overlapping[2]];
    extra[(overlapping[0] as string[]).indexOf('生效日期')] = new Date(2025, 0, 1);
    overlapping.push(extra);
    expect(() => RELIEF('medical', 20_000, '2025-10-20', overlapping)).toThrow(/第 3 行（2012-01-01 起长期有效）与第 \d+ 行（2025-01-01 起长期有效）日期重叠/);
    expect(() => RELIEF('medical', 20_000, '2025-10-20', 'medical')).toThrow('第 4 个参数应为“救助标准”表的区域');
  });

  // Its speed is the bench case RELIEF_100k (npm run bench).
  it('computes a 100,000-cell range in one call, one amount per cell', () => {
    const amounts: unknown[][] = [];
    for (let i = 0; i < 100_000; i++) amounts.push([i % 50 === 0 ? '' : (i * 37) % 160_000]);
    const policy = policyRaisedIn2026();
    const out = RELIEF('medical', amounts, new Date(2026, 0, 15), policy) as unknown[][];
    expect(out).toHaveLength(100_000);
    // A blank cell stays blank; every other cell gets its amount.
    expect(out.every((r, i) => r.length === 1 && (amounts[i][0] === '' ? r[0] === '' : typeof r[0] === 'number'))).toBe(true);
    expect(out[0]).toEqual(['']);
    expect(out[1]).toEqual([0]); // 37 yuan: below the first band
    expect(out[541]).toEqual([1_801.53]); // 541 × 37 = 20,017 yuan, × 9 % from 2026
    // The range gives what each cell would give alone.
    expect(out[99_999]).toEqual([RELIEF('medical', amounts[99_999][0], new Date(2026, 0, 15), policy)]);
  });
});

describe('RELIEF_EXPLAIN', () => {
  it('explains each amount in one line with the band, rate, result and source', () => {
    const out = RELIEF_EXPLAIN('medical', [[20_000], [''], [4_999]], new Date(2026, 0, 1), policyRaisedIn2026());
    expect(out).toEqual([
      [
        '特困职工医疗救助｜基数 20,000.00 元｜档次 20,000–50,000 元｜比例 9%（全额计算，非超额累进）｜起付线 0｜封顶 无｜结果 1,800.00 元｜适用条件：年医疗自付超过家庭年收入、费用在医保目录内｜依据：京山县总工会 2025 年第 12 号通知',
      ],
      [''],
      [
        '特困职工医疗救助｜基数 4,999.00 元｜低于最低档次 5,000 元，不予救助｜结果 0.00 元｜适用条件：年医疗自付超过家庭年收入、费用在医保目录内｜依据：《关于进一步做好困难职工帮扶工作的意见》（河北省）五、10 帮扶标准',
      ],
    ]);
  });

  it('shows the cap when it bites', () => {
    expect(RELIEF_EXPLAIN('其他重大疾病', 300_000, '2025-10-20')).toContain('封顶 30,000 元（已封顶）｜结果 30,000.00 元');
  });
});

describe('HARDSHIP', () => {
  it('classifies one household', () => {
    expect(HARDSHIP(500, 550)).toBe('低保户');
    expect(HARDSHIP(650, 550, '因病、子女上学')).toBe('低保边缘户');
    expect(HARDSHIP(650, 550)).toBe('');
    expect(HARDSHIP(1_250, 550, '', '60%')).toBe('意外致困户');
    expect(HARDSHIP('', 550)).toBe('');
  });

  it('a single household may tick causes in several cells', () => {
    expect(HARDSHIP(700, 550, [['', '单亲', '']])).toBe('低保边缘户');
  });

  it('classifies a column of households with their causes and spending beside them', () => {
    // 刘桂兰, 陈志强, 赵淑珍, 孙立军, (blank row), 周海燕 with a typo in her income
    const income = [[500], [680], [690], [1_300], [''], ['六百']];
    const causes = [[''], ['因残'], [''], ['因病'], [''], ['单亲']];
    const ratios = [[''], [''], [0.3], [0.75], [''], ['']];
    expect(HARDSHIP(income, 550, causes, ratios)).toEqual([
      ['低保户'],
      ['低保边缘户'],
      [''],
      ['意外致困户'],
      [''],
      ['错误：“家庭人均月收入”应为数字，而不是“六百”'],
    ]);
    expect(HARDSHIP(income, 550, '因病')).toEqual([['低保户'], ['低保边缘户'], ['低保边缘户'], [''], [''], ['错误：“家庭人均月收入”应为数字，而不是“六百”']]);
  });

  it('refuses a missing or impossible 低保 line, an unreadable ratio, and misaligned ranges', () => {
    expect(() => HARDSHIP(500, '')).toThrow('请填写当地低保标准（元/月）');
    expect(() => HARDSHIP(500, 0)).toThrow('低保标准应大于 0');
    expect(() => HARDSHIP(1_300, 550, '', '大部分')).toThrow('“支出占收入比例”应为比例，如 0.6 或 60%，而不是“大部分”');
    expect(() => HARDSHIP([[500], [600]], 550, [['因病'], ['因病'], ['因病']])).toThrow('“困难原因”应为单个值，或与收入区域大小相同的区域');
  });
});
