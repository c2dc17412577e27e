/** People and cases for the workflow tests (Jingmen counties: H01 京山, H02 沙洋). */
import type { CaseRecord } from '../../../src/domain/caseModel';
import { BangfuError } from '../../../src/domain/errors';
import type { WorkflowRules } from '../../../src/domain/workflow/deadlines';
import type { Stage } from '../../../src/domain/workflow/chain';
import type { User } from '../../../src/domain/workflow/permissions';
import type { PolicySnapshot } from '../../../src/domain/workflow/snapshot';
import { defaultWorkflowRules } from '../../../src/defaults/chains';
import { testCalendar } from './testCalendar';

export const staff: User = { email: 'zhangmin@jszgh.cn', role: 'staff', county: 'H01', name: '张敏' };
export const reviewer: User = { email: 'lina@jszgh.cn', role: 'reviewer', county: 'H01', name: '李娜' };
export const county: User = { email: 'wangqiang@jszgh.cn', role: 'county', county: 'H01', name: '王强' };
export const city: User = { email: 'chenjing@jmszgh.cn', role: 'city', county: null, name: '陈静' };
export const admin: User = { email: 'admin@jmszgh.cn', role: 'admin', county: null, name: '系统管理员' };
export const shayangReviewer: User = { email: 'zhaolei@syzgh.cn', role: 'reviewer', county: 'H02', name: '赵磊' };
export const shayangCounty: User = { email: 'sunli@syzgh.cn', role: 'county', county: 'H02', name: '孙丽' };

export const province: User = { email: 'liuyang@hbszgh.org.cn', role: 'province', county: null, name: '刘洋' };

/** The 期限 rules and the default chains (河北001 in use: 审核 → 公示 → 县区初审 → 市总审批 → 省总备案, 抽查). */
export const rules: WorkflowRules = defaultWorkflowRules();
const hebei = rules.chains.versions.find((v) => v.enabled)!;
/** 001's stages by name. */
export const stage = (name: string): Stage => hebei.stages.find((s) => s.name === name) ?? hebei.spotChecks.find((s) => s.name === name)!;
export const noticeStage = stage('公示');
export const calendar = testCalendar;

/** 王秀英's case from 京山 (H01), entered by 张敏 and submitted on Tue 2025-09-30. */
export function aCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    worker_no: 'H0100001',
    county: 'H01',
    status: 'submitted',
    submitted_at: '2025-09-30',
    due_date: '2025-10-11',
    overdue: false,
    emergency: '否',
    emergency_pending: false,
    name: '王秀英',
    scheme: 'medical',
    relief_base: 20000,
    suggested_amount: 1600,
    created_by: 'zhangmin@jszgh.cn',
    version: 1,
    ...overrides,
  };
}

export const medicalSnapshot: PolicySnapshot = {
  scheme: 'medical',
  policyRow: { scheme: 'medical', from: '2012-01-01', lower: 20000, upper: 50000, rate: 0.08, source: 'seed 001 §10' },
  inputs: { relief_base: 20000 },
  suggestedAmount: 1600,
  explanation: { zh: '特困职工医疗救助｜档次 20,000–50,000 元｜比例 8%｜结果 1,600.00 元', en: 'medical | band 20,000–50,000 | 8% | 1,600.00 yuan' },
};

/** The BangfuError `fn` throws (any other error, or none, fails the test). */
export function refusal(fn: () => unknown): BangfuError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BangfuError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}
