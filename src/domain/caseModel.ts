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

export const ROLES = ['staff', 'reviewer', 'county', 'city', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  staff: { zh: '基层工会', en: 'Grassroots staff' },
  reviewer: { zh: '单位工会审核', en: 'Unit reviewer' },
  county: { zh: '县区总工会', en: 'County union' },
  city: { zh: '市总工会', en: 'City union' },
  admin: { zh: '管理员', en: 'Administrator' },
};

/** Columns the code owns, in sheet order, before the form fields. */
export const SYSTEM_COLUMNS = [
  { key: 'worker_no', zh: '职工编号', en: 'Worker no.' },
  { key: 'county', zh: '县区代码', en: 'County code' },
  { key: 'status', zh: '状态', en: 'Status' },
  { key: 'due_date', zh: '截止日期', en: 'Due date' },
  { key: 'overdue', zh: '逾期', en: 'Overdue' },
  { key: 'emergency_pending', zh: '先行救助待补办', en: 'Paid first, steps pending' },
  { key: 'submitted_at', zh: '提交日期', en: 'Submitted on' },
  { key: 'notice_start', zh: '公示开始', en: 'Notice from' },
  { key: 'notice_end', zh: '公示结束', en: 'Notice until' },
  { key: 'stage_since', zh: '进入本环节日期', en: 'In this step since' },
  { key: 'return_reason', zh: '退回原因', en: 'Return reason' },
  { key: 'objections', zh: '异议记录', en: 'Objections' },
  { key: 'suggested_amount', zh: '建议救助金额', en: 'Suggested amount' },
  { key: 'approved_amount', zh: '核定救助金额', en: 'Approved amount' },
  { key: 'paid_amount', zh: '已发放金额', en: 'Paid amount' },
  { key: 'paid_at', zh: '发放日期', en: 'Paid on' },
  { key: 'assistance_amount', zh: '救助金额（市总填写）', en: 'Assistance amount (city union)' },
  { key: 'decision_snapshot', zh: '审批快照', en: 'Decision snapshot' },
  { key: 'entered_year', zh: '建档年度', en: 'Year entered' },
  { key: 'review_year', zh: '复审年度', en: 'Re-review year' },
  { key: 'review_result', zh: '复审结论', en: 'Re-review result' },
  { key: 'review_proposal', zh: '复审建议', en: 'Re-review proposal' },
  { key: 'exited_at', zh: '退出日期', en: 'Exited on' },
  { key: 'exit_reason', zh: '退出原因', en: 'Exit reason' },
  { key: 'created_by', zh: '录入人', en: 'Entered by' },
  { key: 'created_at', zh: '录入时间', en: 'Entered at' },
  { key: 'updated_by', zh: '最后修改人', en: 'Last modified by' },
  { key: 'updated_at', zh: '最后修改时间', en: 'Last modified at' },
  { key: 'request_id', zh: '请求编号', en: 'Request id' },
  { key: 'version', zh: '版本', en: 'Version' },
] as const;

export type SystemColumnKey = (typeof SYSTEM_COLUMNS)[number]['key'];

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
