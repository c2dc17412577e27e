/**
 * Who may do what: the 人员权限 sheet (e-mail → role, county), county scope, the
 * four-eyes rule and field-level permissions. Every check answers with a reason in zh and
 * English so the server can tell the user why, whatever the page showed.
 */
import * as z from 'zod/mini';
import { Role, SYSTEM_COLUMNS, type CaseRecord, type SystemColumnKey } from '../caseModel';
import type { CivilDate } from '../civilDate';
import { parseRole, roleLabel, seesAllCounties } from '../roles';
import { textOf } from '../forms/values';
import { STAFF_COLUMNS } from '../layouts/staff';
import { chainOf, currentStage, paymentAllowed, type ChainBook } from './chain';
import { readStageRecords } from './stageRecords';
import { ACTIONS, ACTION_KEYS, caseAmount, caseDate, caseStatus, caseText, isEmergency, rolesFor, statusLabel, type ReviewActionKey } from './actions';

export { STAFF_COLUMNS, STAFF_HEADER } from '../layouts/staff';

/** A user as 人员权限 defines them. County is null for the city union and administrators. */
export const UserSchema = z
  .object({
    email: z.email().check(z.toLowerCase()),
    role: Role,
    county: z.nullable(z.string()),
    name: z.string(),
  })
  .check(z.refine((u) => seesAllCounties(u.role) || (u.county !== null && u.county !== ''), { message: '该角色需填写县区代码', path: ['county'] }));
export type User = z.infer<typeof UserSchema>;

export interface StaffProblem {
  row: number;
  zh: string;
  en: string;
}

/**
 * The 人员权限 range (header first) → users. A bad row is reported and skipped rather
 * than thrown: one typo must not lock every other person out of the workbook.
 * A repeated e-mail is a problem too; the first row counts.
 */
export function parseStaffTable(values: unknown[][]): { users: User[]; problems: StaffProblem[] } {
  const users: User[] = [];
  const problems: StaffProblem[] = [];
  if (values.length === 0) return { users, problems };
  const header = values[0].map((h) => textOf(h));
  const col = (k: (typeof STAFF_COLUMNS)[number]) => header.findIndex((h) => h === k.zh || h.toLowerCase() === k.key || h.toLowerCase() === k.en.toLowerCase());
  const idx = Object.fromEntries(STAFF_COLUMNS.map((k) => [k.key, col(k)])) as Record<'email' | 'role' | 'county' | 'name', number>;
  if (idx.email < 0 || idx.role < 0) {
    return { users, problems: [{ row: 1, zh: '“人员权限”表头缺少“邮箱”或“角色”列', en: 'the 人员权限 header lacks the Email or Role column' }] };
  }
  const seen = new Map<string, number>();
  values.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => textOf(c) === '')) return;
    const email = textOf(cells[idx.email]);
    const roleText = textOf(cells[idx.role]);
    const role = parseRole(roleText);
    if (role === null) {
      problems.push({ row, zh: `第 ${row} 行：未知角色“${roleText}”`, en: `row ${row}: unknown role "${roleText}"` });
      return;
    }
    const county = idx.county >= 0 ? textOf(cells[idx.county]).toUpperCase() : '';
    const parsed = UserSchema.safeParse({ email, role, county: county === '' ? null : county, name: idx.name >= 0 ? textOf(cells[idx.name]) : '' });
    if (!parsed.success) {
      const onCounty = parsed.error.issues.some((iss) => iss.path[0] === 'county');
      problems.push(
        onCounty
          ? { row, zh: `第 ${row} 行：${roleLabel(role)}需填写县区代码`, en: `row ${row}: role ${role} needs a county code` }
          : { row, zh: `第 ${row} 行：邮箱“${email}”无效`, en: `row ${row}: invalid e-mail "${email}"` },
      );
      return;
    }
    const first = seen.get(parsed.data.email);
    if (first !== undefined) {
      problems.push({
        row,
        zh: `第 ${row} 行：邮箱 ${parsed.data.email} 与第 ${first} 行重复，以第 ${first} 行为准`,
        en: `row ${row}: e-mail repeats row ${first}; row ${first} counts`,
      });
      return;
    }
    seen.set(parsed.data.email, row);
    users.push(parsed.data);
  });
  return { users, problems };
}

/** The user with this e-mail (case-insensitive), or null: an unknown user may write nothing. */
export function resolveUser(email: string, users: readonly User[]): User | null {
  const e = email.trim().toLowerCase();
  if (e === '') return null;
  return users.find((u) => u.email === e) ?? null;
}

/**
 * County codes as people write them: 'H01' or just '01' (without the province letter).
 * Equal when they are the same code, or the same two digits when one omits the letter.
 */
export function sameCounty(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = (a ?? '').trim().toUpperCase();
  const y = (b ?? '').trim().toUpperCase();
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const digits = (s: string) => (/^[A-Z]\d{2}$/.test(s) ? s.slice(1) : /^\d{2}$/.test(s) ? s : null);
  const dx = digits(x);
  return dx !== null && dx === digits(y) && (x.length === 2 || y.length === 2);
}

/** Whether a user may see and act on cases of this county. */
export function inCountyScope(user: Pick<User, 'role' | 'county'>, county: unknown): boolean {
  return seesAllCounties(user.role) || sameCounty(user.county, textOf(county));
}

export type Permission = { ok: true } | { ok: false; reasonZh: string; reasonEn: string };
const allow: Permission = { ok: true };
const deny = (reasonZh: string, reasonEn: string): Permission => ({ ok: false, reasonZh, reasonEn });

/**
 * May `user` take `action` on case `c`? Checks, in order: known user, the status allows
 * the action, the case's current stage (in the chain it runs under) is the one the action
 * completes, the role acts at that stage, county scope, the four-eyes rule (nobody passes,
 * approves, files or pays out a case they entered), emergency and payment rules, and —
 * when `today` is given — that the public notice has run its course before it is ended.
 */
export function can(user: User | null, action: ReviewActionKey, c: CaseRecord, opts: { today?: CivilDate; chains: ChainBook }): Permission {
  if (!user) return deny('您不在“人员权限”表中，不能办理案件', 'You are not listed in 人员权限 and cannot act on cases');
  const rule = ACTIONS[action];
  if (!rule) return deny(`未知操作“${String(action)}”`, `Unknown action "${String(action)}"`);
  const status = caseStatus(c);
  if (status === null) return deny(`案件状态“${caseText(c, 'status')}”无法识别`, `Unrecognised case status "${caseText(c, 'status')}"`);
  if (!rule.from.includes(status)) {
    return deny(`案件当前状态为“${statusLabel(status)}”，不能“${rule.zh}”`, `The case is "${statusLabel(status, 'en')}"; "${rule.en}" does not apply`);
  }
  const chain = chainOf(opts.chains, c);
  if (rule.roles === 'stage') {
    const stage = currentStage(chain, c);
    if (stage === null) return deny(`案件不在审批流程的任何环节，不能“${rule.zh}”`, `The case is at no stage of its chain; "${rule.en}" does not apply`);
    if (rule.kind !== undefined && stage.kind !== rule.kind) {
      return deny(`案件当前环节为“${stage.name}”，不能“${rule.zh}”`, `The case is at stage "${stage.name}"; "${rule.en}" does not apply`);
    }
    if (action === 'return' && !stage.mayReturn) return deny(`“${stage.name}”环节不能退回案件`, `Stage "${stage.name}" may not return a case`);
  }
  if (rule.roles === 'spotcheck' && chain.spotChecks.length === 0) {
    return deny(`审批流程“${chain.chain}”没有抽查环节`, `Chain ${chain.chain} has no spot-check stage`);
  }

  const roles = rolesFor(action, c, opts.chains);
  const isCreator = sameEmail(caseText(c, 'created_by'), user.email);
  // The person who entered a returned case may send it back in, whatever their role.
  const roleOk = roles.includes(user.role) || (action === 'resubmit' && isCreator);
  if (!roleOk) {
    const who = roles.map((r) => roleLabel(r)).join('或');
    const whoEn = roles.map((r) => roleLabel(r, 'en')).join(' or ');
    return deny(`“${rule.zh}”须由${who}办理，您的角色是${roleLabel(user.role)}`, `"${rule.en}" is for ${whoEn}; your role is ${roleLabel(user.role, 'en')}`);
  }
  if (!inCountyScope(user, c.county)) {
    return deny(
      `该案件属于县区 ${caseText(c, 'county') || '（未填）'}，不在您的管辖范围（${user.county ?? ''}）`,
      `The case belongs to county ${caseText(c, 'county') || '(blank)'}, outside your scope (${user.county ?? ''})`,
    );
  }
  if (rule.decision && isCreator) {
    return deny(`不能对自己录入的案件“${rule.zh}”，请由其他人员办理`, `You entered this case and cannot "${rule.en}" it; someone else must`);
  }
  if (action === 'mark_paid') {
    if (!isEmergency(c)) return deny('只有标为“紧急”的案件可以先行救助发放', 'Only cases flagged as emergency may be paid before approval');
    if ((caseAmount(c, 'paid_amount') ?? 0) > 0) return deny('该案件已先行发放，不能重复发放', 'This case has already been paid first');
  }
  if (action === 'pay' && !paymentAllowed(chain, c)) {
    const at = currentStage(chain, c);
    return deny(`须待“${at?.name ?? '审批'}”办结后方可发放（先建档、后帮扶）`, `Payment waits until "${at?.name ?? 'approval'}" is done`);
  }
  if (action === 'end_notice' && opts.today) {
    const end = caseDate(c, 'notice_end');
    if (end === null) return deny('案件缺少公示结束日期，无法结束公示', 'The case has no notice end date');
    if (opts.today <= end) {
      return deny(`公示期未满：公示至 ${end}（含），${end} 之后方可结束公示`, `The notice runs until ${end} inclusive; it can be ended after that day`);
    }
  }
  return allow;
}

/** The actions `user` may take on `c` today, in table order (for the review workbench). */
export function availableActions(user: User | null, c: CaseRecord, today: CivilDate, chains: ChainBook): ReviewActionKey[] {
  return ACTION_KEYS.filter((a) => can(user, a, c, { today, chains }).ok);
}

/**
 * Is the case waiting on this user: their role acts at its current stage, in their county;
 * or it is filed, not yet spot-checked, and they spot-check for its chain.
 */
export function isWaitingOn(user: User, c: CaseRecord, chains: ChainBook): boolean {
  const status = caseStatus(c);
  if (status === null || status === 'exited' || !inCountyScope(user, c.county)) return false;
  if (status === 'returned') return user.role === 'staff';
  const chain = chainOf(chains, c);
  if (status === 'filed') {
    const checks = chain.spotChecks;
    return checks.some((s) => s.roles.includes(user.role)) && !readStageRecords(c.stage_records).some((r) => checks.some((s) => s.name === r.stage));
  }
  const stage = currentStage(chain, c);
  return stage !== null && stage.roles.includes(user.role);
}

function sameEmail(a: string, b: string): boolean {
  return a !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * System columns a person may edit by hand, and who: only the assistance amount of the
 * real-name summary, filled by the provincial/city union (seed 003 附件2 “帮扶金额（省直工会填写）”).
 * Every other system column belongs to the workflow.
 */
export const SYSTEM_FIELD_EDIT_ROLES: Partial<Record<SystemColumnKey, readonly Role[]>> = {
  assistance_amount: ['city'],
};

/** May `user` edit column `key`? Form fields follow 可编辑角色 (blank = anyone); system columns the table above. */
export function canEditField(user: Pick<User, 'role'> | null, key: string, defs: readonly { key: string; editRoles: readonly Role[] }[] = []): Permission {
  if (!user) return deny('您不在“人员权限”表中，不能修改', 'You are not listed in 人员权限');
  const def = defs.find((d) => d.key === key);
  const roles = def ? def.editRoles : SYSTEM_FIELD_EDIT_ROLES[key as SystemColumnKey];
  if (def && roles!.length === 0) return allow;
  if (!roles) return deny(`“${SYSTEM_COLUMNS.find((c) => c.key === key)?.zh ?? key}”由系统维护，不能手工修改`, `"${key}" is maintained by the system`);
  if (roles.includes(user.role)) return allow;
  return deny(`该字段只能由${roles.map((r) => roleLabel(r)).join('或')}填写`, `Only ${roles.map((r) => roleLabel(r, 'en')).join(' or ')} may fill this field`);
}
