/**
 * The default 人员权限 sheet and who may edit which protected 案件 columns.
 *
 * Roles follow SPEC §1 (seed 001 §2; seed 003 附件2 for the amount column): grassroots
 * staff enter cases, the unit reviewer checks them, the county union approves, the city
 * union files and alone fills the real-name summary's assistance amount.
 */
import { ROLES, ROLE_LABELS, type Role } from '../domain/caseModel';
import { STAFF_HEADER, SYSTEM_FIELD_EDIT_ROLES } from '../domain/workflow/permissions';

/** The dropdown of the 角色 column: the zh labels administrators know. */
export const ROLE_CHOICES: string[] = ROLES.map((r) => ROLE_LABELS[r].zh);

/**
 * 人员权限 as setup first writes it: the person running setup becomes the administrator,
 * so the workbook is never created with nobody allowed to do anything.
 */
export function defaultStaffRows(adminEmail: string): string[][] {
  const rows: string[][] = [STAFF_HEADER.slice()];
  if (adminEmail !== '') rows.push([adminEmail, ROLE_LABELS.admin.zh, '', '']);
  return rows;
}

/**
 * Decision columns of 案件 (the workflow writes them; by hand only people who decide):
 * status, amounts, snapshot, dates of the steps. Protected so grassroots staff typing into
 * the sheet cannot approve a case or change an amount.
 */
export const DECISION_COLUMNS = [
  'status',
  'approved_amount',
  'paid_amount',
  'paid_at',
  'decision_snapshot',
  'notice_start',
  'notice_end',
  'return_reason',
  'exited_at',
  'exit_reason',
] as const;
export const DECISION_EDITOR_ROLES: readonly Role[] = ['reviewer', 'county', 'city', 'admin'];

/** The assistance amount of the real-name summary: the city union only (seed 003 附件2). */
export const ASSISTANCE_AMOUNT_ROLES: readonly Role[] = SYSTEM_FIELD_EDIT_ROLES.assistance_amount ?? ['city'];
