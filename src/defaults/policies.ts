/**
 * Default relief standards (SPEC §4), seeded into the 救助标准 sheet by setup and used by
 * RELIEF when no policy range is given. Every number is a default a county may change in
 * the sheet, with a new row from the date its own standard takes effect.
 *
 * Decisions (the seeds leave them open):
 * - Where a seed says "不得低于" (at least) or "不得高于" (at most), the default is that
 *   number: rate 20 %, deductible 4,000, caps 30,000, the 8,000 medical amount.
 * - Effective from 2012-01-01, open-ended. Seed 000 (dated 2012-10-19) sets its standards
 *   "应在本年内…调整到位" for the 2012 relief year, which runs by calendar year (000 二);
 *   seed 001 is undated, so its rows take the same start rather than a guessed year.
 * - `critical`: 10,000 at diagnosis; the cap 30,000 is the seed's total per period, which
 *   later top-ups (at local discretion) must respect. RELIEF computes one payment and does
 *   not sum a period's payments.
 * - `accident`: fixed 3,000; the cap 30,000 records the ceiling of the county-level
 *   decision for especially large losses (000 三.3); such a decision is an amount the
 *   county enters, not a rule.
 * - `poor-critical`: 10,000 on first diagnosis in the period; the "each later period
 *   ≥ 3,000" rule is its own scheme, `poor-critical-later`, because it depends on the
 *   period, not on an amount band.
 * - `medical` applies only when self-pay exceeds household annual income (001 §10); that
 *   is an eligibility check for the reviewer, not part of the amount.
 */
import { makePolicy, type Policy, type PolicyRowInput } from '../domain/policy';
import { cite } from '../domain/sources';

const FROM = '2012-01-01';
/** 《title》（issuer, date）三、1…: the document by its own title and section, as an auditor looks it up. */
const seed000 = (section: string, note = '') => cite('donation2012', section, note);
const seed001 = (section: string, note = '') => cite('hebeiOpinions', section, note);

export const DEFAULT_POLICY_ROWS: readonly PolicyRowInput[] = [
  // 001 §10: 年自付额5000元以上不足2万元的，救助总额的10% … 10万元以上的，给予不低于8000元的定额救助。
  {
    scheme: 'medical',
    name: '特困职工医疗救助',
    effective_from: FROM,
    lower: 5_000,
    upper: 20_000,
    rate: 0.1,
    conditions: '年医疗自付超过家庭年收入、费用在医保目录内',
    source: seed001('五、10 帮扶标准'),
  },
  {
    scheme: 'medical',
    name: '特困职工医疗救助',
    effective_from: FROM,
    lower: 20_000,
    upper: 50_000,
    rate: 0.08,
    conditions: '年医疗自付超过家庭年收入、费用在医保目录内',
    source: seed001('五、10 帮扶标准'),
  },
  {
    scheme: 'medical',
    name: '特困职工医疗救助',
    effective_from: FROM,
    lower: 50_000,
    upper: 100_000,
    rate: 0.06,
    conditions: '年医疗自付超过家庭年收入、费用在医保目录内',
    source: seed001('五、10 帮扶标准'),
  },
  {
    scheme: 'medical',
    name: '特困职工医疗救助',
    effective_from: FROM,
    lower: 100_000,
    fixed: 8_000,
    conditions: '年医疗自付超过家庭年收入、费用在医保目录内',
    source: seed001('五、10 帮扶标准', '（不低于8000元）'),
  },
  // 000 三.1: 首次确诊患十种重大疾病的，得病即享受救助金10000元 … 合计最高救助标准不得低于30000元。
  {
    scheme: 'critical',
    name: '十种重大疾病',
    effective_from: FROM,
    fixed: 10_000,
    cap: 30_000,
    conditions: '参加一日捐活动、救助期内首次确诊',
    source: seed000('三、1', '（封顶为每期合计，不得低于30000元）'),
  },
  // 000 三.2: 起付标准不得高于4000元，救助比例不得低于20%；最高救助标准不得低于30000元。
  {
    scheme: 'major',
    name: '其他重大疾病',
    effective_from: FROM,
    deductible: 4_000,
    rate: 0.2,
    cap: 30_000,
    conditions: '参加一日捐活动、费用在医保目录内',
    source: seed000('三、2'),
  },
  // 000 三.3: 给予3000元定额救助 … 最高不超过30000元的定额救助（县级以上领导小组办公室研究决定）。
  {
    scheme: 'accident',
    name: '重大意外事故',
    effective_from: FROM,
    fixed: 3_000,
    cap: 30_000,
    conditions: '参加一日捐活动、影响基本生活',
    source: seed000('三、3', '（特别巨大损失由县级以上决定，最高30000元）'),
  },
  // 000 三.4: 活动期内首次确诊患十种重大疾病的，救助标准最低为10000元。其后每期救助标准不得低于3000元。
  { scheme: 'poor-critical', name: '特困+重大疾病', effective_from: FROM, fixed: 10_000, conditions: '特困职工家庭', source: seed000('三、4', '（首次确诊）') },
  {
    scheme: 'poor-critical-later',
    name: '特困+重大疾病（其后每期）',
    effective_from: FROM,
    fixed: 3_000,
    conditions: '特困职工家庭',
    source: seed000('三、4', '（其后每期）'),
  },
  // 001 §9: 按当地城镇居民最低生活保障标准，对每个特困职工每年给予不低于一个月的生活救助。
  {
    scheme: 'living',
    name: '生活救助',
    effective_from: FROM,
    months: 1,
    conditions: '特困职工家庭',
    source: seed001('五、9 帮扶方式', '（每年不低于一个月低保标准）'),
  },
];

export const DEFAULT_POLICY: Policy = makePolicy(DEFAULT_POLICY_ROWS);
