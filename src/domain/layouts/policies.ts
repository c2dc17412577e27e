/** 救助标准: the relief standards, one dated row per band of a scheme (defaults in src/defaults/policies.ts). */
export const POLICY_COLUMNS = [
  { key: 'scheme', zh: '项目代码', en: 'Scheme code', expectZh: '项目代码，如 medical', expectEn: 'a scheme code such as medical' },
  { key: 'name', zh: '项目名称', en: 'Scheme name', expectZh: '中文名称', expectEn: 'a name' },
  { key: 'effective_from', zh: '生效日期', en: 'Effective from', expectZh: '日期（含当日），如 2026-01-01', expectEn: 'a date (inclusive), e.g. 2026-01-01' },
  {
    key: 'effective_to',
    zh: '失效日期',
    en: 'Effective to',
    expectZh: '日期（含当日），空白表示长期有效',
    expectEn: 'a date (inclusive), blank for open-ended',
  },
  { key: 'lower', zh: '下限', en: 'Lower bound', expectZh: '不小于 0 的金额（元，含下限）', expectEn: 'an amount ≥ 0 in yuan (inclusive)' },
  {
    key: 'upper',
    zh: '上限',
    en: 'Upper bound',
    expectZh: '不小于 0 的金额（元，不含上限），空白表示无上限',
    expectEn: 'an amount in yuan (exclusive), blank for none',
  },
  { key: 'rate', zh: '比例', en: 'Rate', expectZh: '0 到 1 之间的比例，如 0.1 或 10%', expectEn: 'a share between 0 and 1, e.g. 0.1 or 10%' },
  { key: 'fixed', zh: '固定金额', en: 'Fixed amount', expectZh: '不小于 0 的金额（元）', expectEn: 'an amount ≥ 0 in yuan' },
  { key: 'deductible', zh: '起付线', en: 'Deductible', expectZh: '不小于 0 的金额（元）', expectEn: 'an amount ≥ 0 in yuan' },
  { key: 'cap', zh: '封顶', en: 'Cap', expectZh: '不小于 0 的金额（元）', expectEn: 'an amount ≥ 0 in yuan' },
  { key: 'floor', zh: '保底', en: 'Floor', expectZh: '不小于 0 的金额（元）', expectEn: 'an amount ≥ 0 in yuan' },
  { key: 'months', zh: '月数', en: 'Months', expectZh: '大于 0 的月数', expectEn: 'a number of months > 0' },
  { key: 'source', zh: '依据', en: 'Source', expectZh: '依据文件', expectEn: 'the source document' },
  {
    key: 'reading',
    zh: '计算方式',
    en: 'Reading',
    expectZh: '“全额计算”“超额累进（自0元起）”或“超额累进（自下限起）”，空白为全额计算',
    expectEn: 'whole amount, or marginal from 0 or from the lowest band',
  },
  {
    key: 'conditions',
    zh: '适用条件',
    en: 'Conditions',
    expectZh: '条件名称，用“、”分隔：年医疗自付超过家庭年收入、费用在医保目录内、参加一日捐活动、救助期内首次确诊、影响基本生活、特困职工家庭',
    expectEn: 'condition names separated by 、',
  },
] as const;

export type PolicyColumnKey = (typeof POLICY_COLUMNS)[number]['key'];

/** The zh header row of the 救助标准 sheet, in order (setup writes it). */
export const POLICY_HEADER: readonly string[] = POLICY_COLUMNS.map((c) => c.zh);
