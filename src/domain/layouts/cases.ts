/**
 * 案件: the system columns (owned by code: numbering, workflow, deadlines, audit), then
 * the form fields of 表单定义 (src/domain/layouts/forms.ts, defaults in src/defaults/forms.ts).
 * The header row holds the zh labels; code maps them to these keys.
 */
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
  // The chain version the case runs under and its stage (审批流程, SPEC §2.6), and what each stage recorded.
  { key: 'chain', zh: '审批流程', en: 'Approval chain' },
  { key: 'stage', zh: '当前环节', en: 'Current stage' },
  { key: 'stage_records', zh: '环节记录', en: 'Stage records' },
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
