/**
 * What a use case is given: the workbook, the time, who acts, the configuration sheets
 * (each read at most once, when needed) and the lock to write under. The bound script
 * builds one from the session (src/server/context.ts); the writer builds one from the
 * verified ID token (src/writer/index.ts). A use case never reads Session or takes a lock
 * by itself: it asks the Ctx.
 */
import type { CivilDate } from '../domain/civilDate';
import { BangfuError, type Locale } from '../domain/errors';
import type { FormDefinitions } from '../domain/forms/fieldDefs';
import type { User } from '../domain/workflow/permissions';
import type { WorkflowRules, WorkdayCalendar } from '../domain/workflow/deadlines';
import { roleLabel } from '../domain/roles';
import type { UserDto } from '../shared/endpoints';
import type { Spreadsheet } from '../sheets/workbook';
import type { Settings } from '../config/settings';
import type { PolicyHandle } from '../config/domainRules';

/** Runs fn holding the lock this kind of execution writes under, flushing before release. */
export type LockRunner = <T>(fn: () => T, waitMs?: number) => T;

/** The audit log's head (last hash and row count), kept where users cannot change it (the writer's script properties). */
export interface AuditHeadStore {
  read(): { hash: string; rows: number } | null;
  write(head: { hash: string; rows: number }): void;
}

export interface Ctx {
  ss: Spreadsheet;
  now: Date;
  today: CivilDate;
  /** The acting user's e-mail, lower case ('' when Apps Script cannot tell). */
  email: string;
  /** Document lock in the bound script; script lock in the writer (a web app has no document). */
  lock: LockRunner;
  /** Set in the writer only (helper `audit` fills it). */
  auditHead?: AuditHeadStore;
  locale(): Locale;
  settings(): Settings;
  forms(): FormDefinitions;
  staff(): { users: User[]; problems: { row: number; zh: string; en: string }[] };
  /** The acting user from 人员权限, or null (an unknown user may write nothing). */
  user(): User | null;
  calendar(): WorkdayCalendar;
  /** The 期限 table's calendar-year deadlines and the 审批流程 chains. */
  rules(): WorkflowRules;
  policy(): PolicyHandle;
  dibaoLine(): number | null;
}

/** The acting user, or the zh refusal every write gives an unknown user. */
export function requireUser(ctx: Ctx): User {
  const u = ctx.user();
  if (u) return u;
  const who = ctx.email || '（无法获取您的邮箱）';
  throw new BangfuError(
    'auth.unknownUser',
    `您（${who}）不在“人员权限”表中，不能办理此操作。请联系管理员添加`,
    `You (${ctx.email || 'e-mail unavailable'}) are not listed in 人员权限 and cannot do this. Ask the administrator to add you`,
  );
}

export function userDto(ctx: Ctx): UserDto {
  const u = ctx.user();
  const locale = ctx.locale();
  return { email: ctx.email, role: u?.role ?? null, roleLabel: roleLabel(u?.role ?? null, locale), county: u?.county ?? null };
}

/** A BangfuError's text in the user's language; other errors as they are. */
export function say(ctx: Ctx, e: unknown): string {
  if (e instanceof BangfuError) return e.text(ctx.locale());
  return e instanceof Error ? e.message : String(e);
}

/** zh or en by the user's locale. */
export function t(ctx: Ctx, zh: string, en: string): string {
  return ctx.locale() === 'en' ? en : zh;
}
