import { DEFAULT_POLICY, DEFAULT_POLICY_ROWS } from '../../src/defaults/policies';
import { BangfuError } from '../../src/domain/errors';
import { POLICY_HEADER, findScheme, makePolicy, parsePolicySheet, pickRows, policyToRows, type PolicyRowInput } from '../../src/domain/policy';

/** The error a call throws, so a test can read its zh and en texts. */
function failure(fn: () => unknown): BangfuError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BangfuError) return e;
    throw e;
  }
  throw new Error('expected a BangfuError');
}

const SRC = 'seed 001 §10';
const medical = (rows: Partial<PolicyRowInput>[]): PolicyRowInput[] =>
  rows.map((r) => ({ scheme: 'medical', name: '特困职工医疗救助', effective_from: '2012-01-01', source: SRC, ...r }));

describe('the default standards', () => {
  it('hold every scheme of SPEC §4, each row naming its seed', () => {
    expect([...DEFAULT_POLICY.schemes.keys()]).toEqual(['medical', 'critical', 'major', 'accident', 'poor-critical', 'poor-critical-later', 'living']);
    for (const row of DEFAULT_POLICY.rows)
      expect(row.source).toMatch(/^《(保定市总工会关于开展第二期“职工互助一日捐”活动的通知|关于进一步做好困难职工帮扶工作的意见)》（[^）]+）[一二三四五]、\d/);
    expect(DEFAULT_POLICY.rows.every((r) => r.effective_from === '2012-01-01' && r.effective_to === null)).toBe(true);
  });

  it('round-trip through the sheet layout setup writes', () => {
    const values = policyToRows(DEFAULT_POLICY);
    expect(values[0]).toEqual([
      '项目代码',
      '项目名称',
      '生效日期',
      '失效日期',
      '下限',
      '上限',
      '比例',
      '固定金额',
      '起付线',
      '封顶',
      '保底',
      '月数',
      '依据',
      '计算方式',
      '适用条件',
    ]);
    expect(values).toHaveLength(DEFAULT_POLICY_ROWS.length + 1);
    const back = parsePolicySheet(values);
    expect(back.rows.map(({ sheet_row, ...r }) => r)).toEqual(DEFAULT_POLICY.rows);
    expect(back.rows.map((r) => r.sheet_row)).toEqual(DEFAULT_POLICY.rows.map((_, i) => i + 2));
  });
});

describe('finding a scheme', () => {
  it('by code (trimmed, any case) or by Chinese name', () => {
    expect(findScheme(DEFAULT_POLICY, 'medical').code).toBe('medical');
    expect(findScheme(DEFAULT_POLICY, '  MEDICAL ').code).toBe('medical');
    expect(findScheme(DEFAULT_POLICY, '特困职工医疗救助').code).toBe('medical');
    expect(findScheme(DEFAULT_POLICY, ' 生活救助 ').code).toBe('living');
  });

  it('an unknown scheme names itself and lists the known ones', () => {
    const e = failure(() => findScheme(DEFAULT_POLICY, '助学'));
    expect(e.zh).toContain('未知的救助项目“助学”');
    expect(e.zh).toContain('可用项目：特困职工医疗救助、');
    expect(e.zh).toContain('、生活救助');
    expect(e.en).toContain('Unknown relief scheme "助学"');
  });
});

describe('rows in force on a date', () => {
  // Hebei raises the 20,000–50,000 band from 8 % to 9 % on 2026-01-01.
  const policy = makePolicy(
    medical([
      { lower: 5_000, upper: 20_000, rate: 0.1 },
      { lower: 20_000, upper: 50_000, rate: 0.08, effective_to: '2025-12-31' },
      { lower: 20_000, upper: 50_000, rate: 0.09, effective_from: '2026-01-01' },
      { lower: 50_000, rate: 0.06 },
    ]),
  );

  it('take both ends of a date range as inclusive', () => {
    expect(pickRows(policy, 'medical', '2025-12-31').map((r) => r.rate)).toEqual([0.1, 0.08, 0.06]);
    expect(pickRows(policy, 'medical', '2026-01-01').map((r) => r.rate)).toEqual([0.1, 0.09, 0.06]);
    expect(pickRows(policy, 'medical', '2012-01-01')).toHaveLength(3);
  });

  it('before the first row there is nothing, and the error names the scheme and the date', () => {
    const e = failure(() => pickRows(policy, '特困职工医疗救助', '2011-12-31'));
    expect(e.zh).toBe('救助项目“特困职工医疗救助”在 2011-12-31 没有生效的救助标准（生效日期、失效日期均含当日）');
  });
});

describe('validating standards', () => {
  it('two rows of one band whose dates overlap are named, with "inclusive" spelt out', () => {
    const e = failure(() =>
      makePolicy(
        medical([
          { lower: 5_000, rate: 0.1, effective_to: '2025-12-31' },
          { lower: 5_000, rate: 0.12, effective_from: '2025-12-31' },
        ]),
      ),
    );
    expect(e.code).toBe('policy.periodOverlap');
    expect(e.zh).toBe(
      '救助标准有误：项目 medical 档次 5,000 元以上：第 1 条（2012-01-01 至 2025-12-31）与第 2 条（2025-12-31 起长期有效）日期重叠（生效日期、失效日期均含当日）',
    );
  });

  it('a gap between two rows of one band is named with the days left without a standard', () => {
    const e = failure(() =>
      makePolicy(
        medical([
          { lower: 5_000, rate: 0.1, effective_to: '2025-12-31' },
          { lower: 5_000, rate: 0.12, effective_from: '2026-01-03' },
        ]),
      ),
    );
    expect(e.code).toBe('policy.periodGap');
    expect(e.zh).toContain('2026-01-01 至 2026-01-02 没有标准');
  });

  it('bands that overlap or leave a gap on some day are named by their rows', () => {
    const overlap = failure(() =>
      makePolicy(
        medical([
          { lower: 5_000, upper: 20_000, rate: 0.1 },
          { lower: 15_000, upper: 50_000, rate: 0.08 },
        ]),
      ),
    );
    expect(overlap.code).toBe('policy.bandOverlap');
    expect(overlap.zh).toContain('第 1 条（档次 5,000–20,000 元）与第 2 条（档次 15,000–50,000 元）档次重叠（下限含、上限不含）');

    const gap = failure(() =>
      makePolicy(
        medical([
          { lower: 5_000, upper: 20_000, rate: 0.1 },
          { lower: 20_000, upper: 50_000, rate: 0.08, effective_to: '2025-12-31' },
          { lower: 25_000, upper: 50_000, rate: 0.09, effective_from: '2026-01-01' },
        ]),
      ),
    );
    expect(gap.code).toBe('policy.bandGap');
    expect(gap.zh).toContain('项目 medical 自 2026-01-01 起');
    expect(gap.zh).toContain('之间有空档 20,000–25,000 元');
  });

  it('a stretch of days with no row at all is a gap even when the bands changed', () => {
    const e = failure(() =>
      makePolicy(
        medical([
          { lower: 5_000, rate: 0.1, effective_to: '2024-12-31' },
          { lower: 6_000, rate: 0.1, effective_from: '2025-02-01' },
        ]),
      ),
    );
    expect(e.code).toBe('policy.schemeGap');
    expect(e.zh).toContain('2025-01-01 至 2025-01-31 没有任何标准');
  });

  it('a row needs exactly one rule, dates in order, a floor not above its cap', () => {
    expect(failure(() => makePolicy(medical([{ rate: 0.1, fixed: 8_000 }]))).code).toBe('policy.ruleCount');
    expect(failure(() => makePolicy(medical([{ lower: 0 }]))).code).toBe('policy.ruleCount');
    expect(failure(() => makePolicy(medical([{ rate: 0.1, effective_to: '2011-01-01' }]))).zh).toContain('失效日期 2011-01-01 早于生效日期 2012-01-01');
    expect(failure(() => makePolicy(medical([{ rate: 0.1, floor: 500, cap: 300 }]))).zh).toContain('保底 500 元高于封顶 300 元');
    expect(failure(() => makePolicy(medical([{ lower: 5_000, upper: 5_000, rate: 0.1 }]))).code).toBe('policy.bandReversed');
  });

  it('one Chinese name cannot stand for two scheme codes', () => {
    const e = failure(() =>
      makePolicy([...medical([{ rate: 0.1 }]), { scheme: 'medical2', name: '特困职工医疗救助', effective_from: '2012-01-01', rate: 0.2 }]),
    );
    expect(e.code).toBe('policy.nameTaken');
  });
});

describe('reading the 救助标准 sheet', () => {
  const header = [...POLICY_HEADER];

  it('accepts Date cells, numeric text, percentages, blank rows and extra note columns', () => {
    const values = [
      [...header, '备注'],
      ['medical', '特困职工医疗救助', new Date(2012, 0, 1), '', 5000, '20,000', '10%', '', '', '', '', '', SRC, '', '', '县总工会 2012 年文件'],
      ['', '', '', '', '', '', '', '', '', '', '', '', '', ''],
      ['Medical', '特困职工医疗救助', '2012/1/1', '', '20000', '', 0.08, '', '', '', '', '', SRC, ''],
    ];
    const policy = parsePolicySheet(values);
    expect(policy.rows).toHaveLength(2);
    expect(policy.rows[0]).toMatchObject({
      scheme: 'medical',
      effective_from: '2012-01-01',
      effective_to: null,
      lower: 5000,
      upper: 20000,
      rate: 0.1,
      sheet_row: 2,
    });
    expect(policy.rows[1]).toMatchObject({ scheme: 'medical', lower: 20000, upper: null, rate: 0.08, sheet_row: 4 });
  });

  it('accepts the English keys as headers, in any order', () => {
    const policy = parsePolicySheet([
      ['rate', 'scheme', 'effective_from', 'lower', 'Source'],
      [0.2, 'major', '2012-01-01', 0, 'seed 000 三.2'],
    ]);
    expect(policy.rows[0]).toMatchObject({ scheme: 'major', rate: 0.2, lower: 0, source: 'seed 000 三.2' });
  });

  it('a malformed cell is named by sheet row and column, in Chinese', () => {
    const bad = [header, ['medical', '特困职工医疗救助', '2012-01-01', '', 5000, '', '一成', '', '', '', '', '', SRC]];
    const e = failure(() => parsePolicySheet(bad, { headerRow: 3 }));
    expect(e.zh).toBe('救助标准表：第 4 行“比例”应为0 到 1 之间的比例，如 0.1 或 10%，现为“一成”');
    expect(e.field).toBe('rate');

    const date = failure(() => parsePolicySheet([header, ['medical', '', '2012年13月1日', '', 0, '', 0.1, '', '', '', '', '', '']]));
    expect(date.zh).toContain('第 2 行“生效日期”应为日期（含当日）');

    const tooBig = failure(() => parsePolicySheet([header, ['medical', '', '2012-01-01', '', 0, '', 10, '', '', '', '', '', '']]));
    expect(tooBig.zh).toContain('第 2 行“比例”应为0 到 1 之间的比例');
  });

  it('overlapping rows typed into the sheet are named by their sheet rows', () => {
    const e = failure(() =>
      parsePolicySheet([
        header,
        ['major', '其他重大疾病', '2012-01-01', '', 0, '', 0.2, '', 4000, 30000, '', '', ''],
        ['major', '其他重大疾病', '2025-07-01', '', 0, '', 0.25, '', 4000, 30000, '', '', ''],
      ]),
    );
    expect(e.zh).toContain('第 2 行（2012-01-01 起长期有效）与第 3 行（2025-07-01 起长期有效）日期重叠');
  });

  it('headers may carry a note in brackets, and a negative amount is refused by column', () => {
    const values = [
      ['项目代码', '生效日期（含当日）', '失效日期(含当日)', '起付线', '比例', '封顶（元）'],
      ['major', '2012-01-01', '', 4000, 0.2, -30000],
    ];
    expect(failure(() => parsePolicySheet(values)).zh).toBe('救助标准有误：第 2 行“封顶”应为不小于 0 的金额（元），现为“-30000”');
    values[1][5] = 30000;
    expect(parsePolicySheet(values).rows[0]).toMatchObject({ scheme: 'major', deductible: 4000, rate: 0.2, cap: 30000 });
  });

  it('a missing required column is named', () => {
    expect(
      failure(() =>
        parsePolicySheet([
          ['项目代码', '比例'],
          ['medical', 0.1],
        ]),
      ).zh,
    ).toContain('缺少列 “生效日期”');
  });

  // Its speed is the bench case policy_parse_100 (npm run bench).
  it('parses a hundred rows of 25 years of standards and picks the rows of a day', () => {
    // 25 years of yearly standards for 4 bands of medical relief.
    const rows: unknown[][] = [header];
    for (let y = 2001; y <= 2025; y++) {
      const to = y === 2025 ? '' : `${y}-12-31`;
      for (const [lower, upper, rate] of [
        [5000, 20000, 0.1],
        [20000, 50000, 0.08],
        [50000, 100000, 0.06],
        [100000, '', 0.05],
      ]) {
        rows.push(['medical', '特困职工医疗救助', `${y}-01-01`, to, lower, upper, rate, '', '', '', '', '', SRC]);
      }
    }
    const policy = parsePolicySheet(rows);
    expect(policy.rows).toHaveLength(100);
    expect(pickRows(policy, 'medical', '2019-06-30').map((r) => r.sheet_row)).toEqual([74, 75, 76, 77]);
  });
});
