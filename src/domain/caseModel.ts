/**
 * The shape every ring agrees on for a case (案件) row.
 *
 * A case row = the system columns below (owned by code: numbering, workflow, deadlines,
 * audit) + the form fields from 表单定义 (owned by the administrator; defaults in
 * src/defaults/forms.ts). In the sheet the header row holds the zh-CN labels; code maps
 * them to these keys. A case in memory is a plain record keyed by these keys.
 */
import * as z from 'zod/mini';

export const CASE_STATUSES = ['submitted', 'returned', 'notice', 'approval', 'approved', 'filed', 'exited'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** zh-CN labels of the lifecycle (SPEC §2: 申请 → 审核 → 公示 → 审批 → 备案). */
export const STATUS_LABELS: Record<CaseStatus, { zh: string; en: string }> = {
  submitted: { zh: '待审核', en: 'Awaiting review' },
  returned: { zh: '已退回', en: 'Returned' },
  notice: { zh: '公示中', en: 'In public notice' },
  approval: { zh: '待审批', en: 'Awaiting approval' },
  approved: { zh: '已审批', en: 'Approved' },
  filed: { zh: '已备案', en: 'Filed' },
  exited: { zh: '已退出', en: 'Exited' },
};

export const ROLES = ['staff', 'reviewer', 'county', 'city', 'province', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  staff: { zh: '基层工会', en: 'Grassroots staff' },
  reviewer: { zh: '单位工会审核', en: 'Unit reviewer' },
  county: { zh: '县区总工会', en: 'County union' },
  city: { zh: '市总工会', en: 'City union' },
  // 001 §2: receives the archive for 备案 and spot-checks it (抽查核实).
  province: { zh: '省总工会', en: 'Provincial union' },
  admin: { zh: '管理员', en: 'Administrator' },
};

export { SYSTEM_COLUMNS, type SystemColumnKey } from './layouts/cases';

/** A case in memory: system columns + form fields, values as stored in cells. */
export type CaseRecord = Record<string, string | number | boolean | Date | ''>;

/**
 * A status as a cell may hold it: the code (notice) or the zh label a person typed or a
 * dropdown shows (公示中). Null when it is neither.
 */
export function parseStatus(v: unknown): CaseStatus | null {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  for (const st of CASE_STATUSES) {
    if (st === s.toLowerCase() || STATUS_LABELS[st].zh === s) return st;
  }
  return null;
}
