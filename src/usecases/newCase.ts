/**
 * The row a new case starts as, whichever way it came in (the intake sidebar's saveCase, the
 * 录入 import): its form values plus the system columns of a fresh 待审核 case and its first
 * due date. One place, so a column added to the lifecycle (进入本环节日期 …) is set on every path.
 */
import type { CaseRecord, CaseStatus } from '../domain/caseModel';
import type { CivilDate } from '../domain/civilDate';
import { dueDate, type WorkflowRules, type WorkdayCalendar } from '../domain/workflow/deadlines';
import { chainForNewCase, statusAt } from '../domain/workflow/chain';
import type { FieldDef } from '../domain/forms/fieldDefs';
import { textOf } from '../domain/forms/values';
import { statusText } from '../config/caseRules';
import { jsonCell, type AuditRecord } from '../sheets/audit';
import type { Cell } from '../sheets/table';

export interface NewCaseFacts {
  workerNo: string;
  county: string;
  /** Who enters it (created_by / updated_by). */
  by: string;
  now: Date;
  today: CivilDate;
  requestId: string;
  /** The suggested relief in yuan, '' when the rules give none. */
  suggested: number | '';
  calendar: WorkdayCalendar;
  rules: WorkflowRules;
}

export function newCaseRecord(values: Record<string, unknown>, f: NewCaseFacts): Record<string, unknown> {
  const chain = chainForNewCase(f.rules.chains, f.today);
  const record: Record<string, unknown> = {
    ...values,
    worker_no: f.workerNo,
    county: f.county,
    // The chain in use today; the case keeps this version whatever 审批流程 says later.
    chain: chain.id,
    stage: chain.stages[0].name,
    status: statusAt(chain, chain.stages[0]) satisfies CaseStatus,
    submitted_at: f.today,
    stage_since: f.today,
    overdue: false,
    emergency_pending: false,
    suggested_amount: f.suggested,
    created_by: f.by,
    created_at: f.now,
    updated_by: f.by,
    updated_at: f.now,
    request_id: f.requestId,
    version: 1,
  };
  record.due_date = dueDate(record as CaseRecord, f.calendar, f.rules) ?? '';
  return record;
}

/**
 * The 操作日志 row of a new case: every non-empty field as a change from nothing, labelled
 * by 表单定义 (the log reads 姓名, not name), on the sidebar and the 录入 import alike.
 */
export function newCaseAudit(
  f: { now: Date; by: string; workerNo: string; requestId: string; reason: string },
  defs: readonly FieldDef[],
  cells: Record<string, Cell>,
): AuditRecord {
  return {
    time: f.now,
    user: f.by,
    workerNo: f.workerNo,
    action: '新增案件',
    from: '',
    to: statusText(textOf(cells.status) || 'submitted'),
    reason: f.reason,
    changes: defs.filter((d) => textOf(cells[d.key]) !== '').map((d) => ({ field: d.key, label: d.zh, before: null, after: jsonCell(cells[d.key]) })),
    requestId: f.requestId,
  };
}
