import { DEFAULT_POLICY } from '../../src/defaults/policies';
import { BangfuError } from '../../src/domain/errors';
import { makePolicy, type PolicyRowInput } from '../../src/domain/policy';
import { computeRelief, explainRelief } from '../../src/domain/relief';

const ON = '2025-10-20';
const yuan = (scheme: string, base: number, context?: { dibaoLine?: number }) => computeRelief(DEFAULT_POLICY, scheme, base, ON, context).amountYuan;

describe('SPEC §8 worked examples under the default standards', () => {
  it.each([
    [4_999, 0],
    [5_000, 500],
    [19_999, 1_999.9],
    [20_000, 1_600],
    [99_999, 5_999.94],
    [150_000, 8_000],
  ])('medical: self-pay %p yuan → %p yuan', (base, expected) => {
    expect(yuan('medical', base)).toBe(expected);
  });

  it.each([
    [3_000, 0],
    [24_000, 4_000],
    [300_000, 30_000],
  ])('major (deductible 4,000, 20 %%, cap 30,000): %p → %p', (base, expected) => {
    expect(yuan('major', base)).toBe(expected);
  });

  it('living: a 低保 line of 550 yuan a month, one month → 550', () => {
    expect(yuan('living', 550)).toBe(550);
    expect(yuan('生活救助', 0, { dibaoLine: 550 })).toBe(550);
  });
});

describe('the medical cliff is the rule, kept literally', () => {
  it('one fen more crosses into the lower rate, applied to the whole amount', () => {
    const below = computeRelief(DEFAULT_POLICY, 'medical', 19_999.99, ON);
    const at = computeRelief(DEFAULT_POLICY, 'medical', 20_000, ON);
    expect(below.amountFen).toBe(200_000); // 19,999.99 × 10 % = 1,999.999 → 2,000.00
    expect(at.amountFen).toBe(160_000);
    expect(at.amountFen).toBeLessThan(below.amountFen);
    expect(at.explanation.zh).toContain('比例 8%（全额计算，非超额累进）');
    expect(at.explanation.en).toContain('rate 8% (of the whole amount, not marginal)');
  });

  it('the lower bound of a band is inclusive, the upper exclusive', () => {
    expect(computeRelief(DEFAULT_POLICY, 'medical', 50_000, ON).band).toEqual({ lower: 50_000, upper: 100_000 });
    expect(computeRelief(DEFAULT_POLICY, 'medical', 49_999.99, ON).band).toEqual({ lower: 20_000, upper: 50_000 });
    expect(computeRelief(DEFAULT_POLICY, 'medical', 100_000, ON).row.fixed).toBe(8_000);
  });

  it('below the first band nothing is due and the explanation says why', () => {
    const r = computeRelief(DEFAULT_POLICY, 'medical', 4_999, ON);
    expect(r).toMatchObject({ amountFen: 0, belowBand: true, floorApplied: false });
    expect(r.explanation.zh).toContain('低于最低档次 5,000 元，不予救助');
  });
});

describe('the other default schemes', () => {
  it('critical illness: 10,000 at diagnosis whatever the cost, within the 30,000 cap', () => {
    const r = computeRelief(DEFAULT_POLICY, '十种重大疾病', 260_000, ON);
    expect(r).toMatchObject({ amountYuan: 10_000, rule: 'fixed', capHit: false });
  });

  it('accident: 3,000 fixed; poor workers with a critical illness: 10,000 first, 3,000 in later periods', () => {
    expect(yuan('accident', 12_000)).toBe(3_000);
    expect(yuan('poor-critical', 0)).toBe(10_000);
    expect(yuan('poor-critical-later', 0)).toBe(3_000);
  });

  it('major illness reports the cap it hit and the deductible it took off', () => {
    const r = computeRelief(DEFAULT_POLICY, 'major', 300_000, ON);
    expect(r).toMatchObject({ capHit: true, deductibleFen: 400_000, rate: 0.2 });
    expect(r.explanation.zh).toContain('封顶 30,000 元（已封顶）');
  });

  it('living relief takes the 低保 line from the context before the base', () => {
    const r = computeRelief(DEFAULT_POLICY, 'living', 600, ON, { dibaoLine: 550 });
    expect(r.amountYuan).toBe(550);
    expect(r.dibaoLineFen).toBe(55_000);
    expect(r.explanation.zh).toContain('低保标准 550.00 元/月 × 1 个月');
  });
});

describe('a county standard with a floor, a cap and months', () => {
  // 京山县: 15 % above a 1,000 deductible, at least 200 when anything is due, at most 5,000.
  const rows: PolicyRowInput[] = [
    {
      scheme: 'jingshan',
      name: '京山县医疗补助',
      effective_from: '2025-01-01',
      deductible: 1_000,
      rate: 0.15,
      floor: 200,
      cap: 5_000,
      source: '京山县总工会 2025',
    },
    { scheme: 'winter', name: '冬季生活救助', effective_from: '2025-01-01', months: 2, source: '京山县总工会 2025' },
  ];
  const county = makePolicy(rows);

  it('the floor lifts a small positive amount but never turns nothing into something', () => {
    const small = computeRelief(county, 'jingshan', 1_500, ON); // 500 × 15 % = 75 → 200
    expect(small).toMatchObject({ amountYuan: 200, floorApplied: true });
    expect(small.explanation.zh).toContain('保底 200 元（已按保底）');
    const none = computeRelief(county, 'jingshan', 900, ON);
    expect(none).toMatchObject({ amountYuan: 0, floorApplied: false });
  });

  it('the cap limits a large amount', () => {
    expect(computeRelief(county, 'jingshan', 100_000, ON)).toMatchObject({ amountYuan: 5_000, capHit: true });
  });

  it('months multiply the 低保 line', () => {
    expect(computeRelief(county, 'winter', 0, ON, { dibaoLine: 610.5 }).amountYuan).toBe(1_221);
  });
});

describe('dates and refusals', () => {
  const policy = makePolicy([
    { scheme: 'medical', name: '特困职工医疗救助', effective_from: '2012-01-01', effective_to: '2025-12-31', lower: 5_000, upper: 50_000, rate: 0.08 },
    { scheme: 'medical', name: '特困职工医疗救助', effective_from: '2026-01-01', lower: 5_000, upper: 50_000, rate: 0.09 },
  ]);

  it('the standard of the day asked applies', () => {
    expect(computeRelief(policy, 'medical', 20_000, '2025-12-31').amountYuan).toBe(1_600);
    expect(computeRelief(policy, 'medical', 20_000, '2026-01-01').amountYuan).toBe(1_800);
  });

  it('a base above a closed top band, a negative base, and a day without a standard are errors', () => {
    expect(() => computeRelief(policy, 'medical', 50_000, ON)).toThrow('计算基数 50,000.00 元超出项目“特困职工医疗救助”最高档次（5,000–50,000 元，上限不含）');
    expect(() => computeRelief(policy, 'medical', -100, ON)).toThrow('计算基数不能为负数：-100');
    expect(() => computeRelief(policy, 'medical', 20_000, '2011-06-30')).toThrow(BangfuError);
  });
});

describe('the explanation', () => {
  it('reads as one line in Chinese and in English, naming the band, rate, deductible, cap, result and source', () => {
    const { zh, en } = explainRelief(DEFAULT_POLICY, 'medical', 20_000, ON);
    expect(zh).toBe(
      '特困职工医疗救助｜基数 20,000.00 元｜档次 20,000–50,000 元｜比例 8%（全额计算，非超额累进）｜起付线 0｜封顶 无｜结果 1,600.00 元｜适用条件：年医疗自付超过家庭年收入、费用在医保目录内｜依据：《关于进一步做好困难职工帮扶工作的意见》（河北省）五、10 帮扶标准',
    );
    expect(en).toBe(
      'medical 特困职工医疗救助 | base 20,000.00 yuan | band 20,000–50,000 yuan | rate 8% (of the whole amount, not marginal) | deductible 0 | cap none | result 1,600.00 yuan | conditions: 年医疗自付超过家庭年收入、费用在医保目录内 | source: 《关于进一步做好困难职工帮扶工作的意见》（河北省）五、10 帮扶标准',
    );
  });

  it('the row it applied can be frozen as JSON for the approval snapshot', () => {
    const r = computeRelief(DEFAULT_POLICY, 'major', 24_000, ON);
    expect(JSON.parse(JSON.stringify(r.row))).toMatchObject({ scheme: 'major', deductible: 4_000, rate: 0.2, cap: 30_000, effective_from: '2012-01-01' });
  });
});

describe('the 依据 of a workbook set up by an earlier version', () => {
  it('is shown by the document title, issuer and section, never by its internal name', async () => {
    const { sourceText } = await import('../../src/domain/relief');
    expect(sourceText('seed 001 §10《关于进一步做好困难职工帮扶工作的意见》（河北省）（不低于8000元）')).toBe(
      '《关于进一步做好困难职工帮扶工作的意见》（河北省）第10条（不低于8000元）',
    );
    expect(sourceText('seed 000 三.2《保定市总工会关于开展第二期“职工互助一日捐”活动的通知》（2012-10-19）')).toBe(
      '《保定市总工会关于开展第二期“职工互助一日捐”活动的通知》（2012-10-19）三、2',
    );
    expect(sourceText('县总工会 2026 年第 3 号文件')).toBe('县总工会 2026 年第 3 号文件');
  });
});
