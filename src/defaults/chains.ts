/**
 * Default rows of 审批流程 (SPEC §2.6), one chain per seed:
 * - 河北001 (in use): seed 001 §2 申请 → 审核 (3 working days, same day in an emergency) →
 *   公示 (≥ 5 working days) → 县区初审 (7 working days) → 市总审批 → 省总备案, and the province's
 *   抽查核实. The city approves; the county's 7 days are a preliminary review.
 * - 荆门004 (ready, not in use): seed 004 调查表 四 holds the unit union's opinion and the
 *   市总's opinion only; the seed names no deadlines, so none are set.
 * - 河南003 (ready, not in use): seed 003 附件1–2: unit opinion → 主管厅局工会 opinion → 省直工会,
 *   which alone fills 帮扶金额. No deadlines beyond the campaign's (活动).
 * An administrator switches by setting 启用: 否 on one and 是 on another (a new 生效日期 keeps
 * the old version for the cases that started under it).
 */
import { cite } from '../domain/sources';
import { compileChains, type ChainBook, type StageRow } from '../domain/workflow/chain';
import type { MovedStep, WorkflowRules } from '../domain/workflow/deadlines';
import { defaultDeadlineRules } from './deadlines';

type Row = Omit<StageRow, 'chain' | 'from' | 'to' | 'enabled' | 'source'> & { source: string };

const HEBEI = cite('hebeiOpinions', '二、2');
const JINGMEN = cite('jingmenPlan', '附件 调查表 四');
const HENAN = cite('henanWarmth', '附件1、附件2');

const HEBEI_001: Row[] = [
  {
    order: 1,
    name: '单位工会审核',
    kind: 'review',
    roles: ['reviewer'],
    level: 'unit',
    workdays: 3,
    emergencyWorkdays: 0,
    records: ['decision', 'date'],
    mayReturn: true,
    paymentWaits: true,
    ownFields: [],
    source: `${HEBEI} 审核：一般在3个工作日内完成审核，紧急情况当日完成审核`,
  },
  {
    order: 2,
    name: '公示',
    kind: 'notice',
    roles: ['reviewer', 'county'],
    level: 'unit',
    workdays: 5,
    emergencyWorkdays: null,
    records: ['date'],
    mayReturn: true,
    paymentWaits: true,
    ownFields: [],
    source: `${HEBEI} 公示：在本单位(或居住社区)进行公示，公示期不低于5个工作日`,
  },
  {
    order: 3,
    name: '县区初审',
    kind: 'prelim',
    roles: ['county'],
    level: 'county',
    workdays: 7,
    emergencyWorkdays: null,
    records: ['decision', 'date'],
    mayReturn: true,
    paymentWaits: true,
    ownFields: [],
    source: `${HEBEI} 审批：县(市、区)总工会应在7个工作日内完成初审`,
  },
  {
    order: 4,
    name: '市总审批',
    kind: 'approve',
    roles: ['city'],
    level: 'city',
    workdays: null,
    emergencyWorkdays: null,
    records: ['decision', 'amount', 'date'],
    mayReturn: true,
    paymentWaits: true,
    ownFields: ['assistance_amount'],
    source: `${HEBEI} 审批：上报设区市总工会…审批（未规定期限）`,
  },
  {
    order: 5,
    name: '省总备案',
    kind: 'file',
    roles: ['city', 'province'],
    level: 'province',
    workdays: null,
    emergencyWorkdays: null,
    records: ['date'],
    mayReturn: false,
    paymentWaits: false,
    ownFields: [],
    source: `${HEBEI} 备案：将特困职工电子档案报省总工会备案（市总报送或省总登记）`,
  },
  {
    order: 6,
    name: '省总抽查',
    kind: 'spotcheck',
    roles: ['province'],
    level: 'province',
    workdays: null,
    emergencyWorkdays: null,
    records: ['opinion', 'date'],
    mayReturn: false,
    paymentWaits: false,
    ownFields: [],
    source: `${HEBEI} 省总工会进行抽查核实`,
  },
];

const JINGMEN_004: Row[] = [
  {
    order: 1,
    name: '职工所在单位工会意见',
    kind: 'review',
    roles: ['reviewer'],
    level: 'unit',
    workdays: null,
    emergencyWorkdays: null,
    records: ['opinion', 'date', 'stamp'],
    mayReturn: true,
    paymentWaits: true,
    ownFields: [],
    source: `${JINGMEN} 职工所在单位工会意见（盖章）`,
  },
  {
    order: 2,
    name: '市总工会意见',
    kind: 'approve',
    roles: ['city'],
    level: 'city',
    workdays: null,
    emergencyWorkdays: null,
    records: ['decision', 'opinion', 'amount', 'date', 'stamp'],
    mayReturn: true,
    paymentWaits: true,
    ownFields: ['supervisor_opinion', 'supervisor_opinion_date'],
    source: `${JINGMEN} 市总工会意见（盖章）`,
  },
];

const HENAN_003: Row[] = [
  {
    order: 1,
    name: '单位工会意见',
    kind: 'review',
    roles: ['reviewer'],
    level: 'unit',
    workdays: null,
    emergencyWorkdays: null,
    records: ['opinion', 'date', 'stamp'],
    mayReturn: true,
    paymentWaits: true,
    ownFields: [],
    source: `${HENAN} 附件1 工会意见（盖章）`,
  },
  {
    order: 2,
    name: '主管厅局工会意见',
    kind: 'opinion',
    roles: ['county'],
    level: 'supervisor',
    workdays: null,
    emergencyWorkdays: null,
    records: ['opinion', 'date', 'stamp'],
    mayReturn: true,
    paymentWaits: true,
    ownFields: ['supervisor_opinion', 'supervisor_opinion_date'],
    source: `${HENAN} 附件1 主管厅局工会意见（盖章）；主管厅局工会在“人员权限”中按县区总工会角色登记`,
  },
  {
    order: 3,
    name: '省直工会审批',
    kind: 'approve',
    roles: ['city'],
    level: 'province',
    workdays: null,
    emergencyWorkdays: null,
    records: ['decision', 'amount', 'date'],
    mayReturn: true,
    paymentWaits: true,
    ownFields: ['assistance_amount'],
    source: `${HENAN} 附件2 “帮扶金额”栏由省直工会填写`,
  },
];

const chain = (name: string, from: string, enabled: boolean, rows: Row[]): StageRow[] => rows.map((r) => ({ ...r, chain: name, from, to: null, enabled }));

/** The default chain in use: seed 001's. */
export const DEFAULT_CHAIN_NAME = '河北001';

/** Working days of 001's stages that an administrator may have set in the old 期限 table (setup carries them over). */
export type ChainDeadlineOverrides = Partial<Record<MovedStep, number | null>>;

export function defaultChainRows(o: ChainDeadlineOverrides = {}): StageRow[] {
  const hebei = HEBEI_001.map((r) => {
    if (r.kind === 'review') return { ...r, workdays: o.review ?? r.workdays, emergencyWorkdays: o.emergency_review ?? r.emergencyWorkdays };
    if (r.kind === 'notice') return { ...r, workdays: o.notice ?? r.workdays };
    if (r.kind === 'prelim') return { ...r, workdays: o.approval ?? r.workdays };
    return r;
  });
  return [
    ...chain(DEFAULT_CHAIN_NAME, '2006-01-01', true, hebei),
    ...chain('荆门004', '2016-01-01', false, JINGMEN_004),
    ...chain('河南003', '2016-12-01', false, HENAN_003),
  ];
}

let cached: ChainBook | null = null;
/** The default chains, checked once per script load. */
export function defaultChains(): ChainBook {
  return (cached ??= compileChains(defaultChainRows()));
}

/** The default 期限 rules and chains together: what a workbook fresh from setup runs under. */
export function defaultWorkflowRules(): WorkflowRules {
  return { ...defaultDeadlineRules(), chains: defaultChains() };
}
