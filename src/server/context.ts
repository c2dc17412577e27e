/**
 * What one server call knows: the workbook, the time, the acting user, and the
 * configuration sheets (表单定义, 设置, 人员权限, 救助标准, 节假日), each read at most
 * once per call and only when needed. Reading configuration costs a fixed number of
 * service calls, whatever the size of 案件.
 */
import type { CivilDate } from '../domain/civilDate';
import { BangfuError, type Locale } from '../domain/errors';
import type { FormDefinitions } from '../domain/forms/fieldDefs';
import { parseFormDefinitions } from '../domain/forms/fieldDefs';
import { parseStaffTable, resolveUser, type User } from '../domain/workflow/permissions';
import type { DeadlineRules, WorkdayCalendar } from '../domain/workflow/deadlines';
import { roleLabel } from '../domain/roles';
import type { UserDto } from '../shared/endpoints';
import { activeSpreadsheet, readSheetValues, requireSheet, SHEET_NAMES, type Spreadsheet } from '../sheets/workbook';
import { now as clockNow } from './clock';
import { useSpreadsheetZone } from '../sheets/zone';
import { civilFromDate } from '../domain/civilDate';
import { lazy } from './lazy';
import { parseSettings, type Settings } from '../config/settings';
import { readCalendar, readPolicy, type PolicyHandle } from '../config/domainRules';
import { defaultCounties } from '../defaults/sheetRows';

export interface Ctx {
  ss: Spreadsheet;
  now: Date;
  today: CivilDate;
  /** The acting user's e-mail, lower case ('' when Apps Script cannot tell). */
  email: string;
  locale(): Locale;
  settings(): Settings;
  forms(): FormDefinitions;
  staff(): { users: User[]; problems: { row: number; zh: string; en: string }[] };
  /** The acting user from 人员权限, or null (an unknown user may write nothing). */
  user(): User | null;
  calendar(): WorkdayCalendar;
  rules(): DeadlineRules;
  policy(): PolicyHandle;
  dibaoLine(): number | null;
}

export function activeEmail(): string {
  try {
    return (Session.getActiveUser().getEmail() || '').trim().toLowerCase();
  } catch {
    return '';
  }
}

function userLocale(): Locale {
  try {
    return (Session.getActiveUserLocale() || '').toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function requestContext(ss: Spreadsheet = activeSpreadsheet()): Ctx {
  useSpreadsheetZone(ss); // dates read and written in the spreadsheet's zone (src/sheets/zone.ts)
  const at = clockNow();
  const today = civilFromDate(at);
  const settings = lazy(() => parseSettings(readSheetValues(ss, SHEET_NAMES.settings), defaultCounties()));
  const forms = lazy(() => {
    requireSheet(ss, SHEET_NAMES.forms);
    return parseFormDefinitions(readSheetValues(ss, SHEET_NAMES.forms));
  });
  const staff = lazy(() => parseStaffTable(readSheetValues(ss, SHEET_NAMES.staff)));
  const email = activeEmail();
  const ctx: Ctx = {
    ss,
    now: at,
    today,
    email,
    locale: lazy(() => {
      const l = settings().locale;
      return l === 'auto' ? userLocale() : l;
    }),
    settings,
    forms,
    staff,
    user: lazy(() => resolveUser(email, staff().users)),
    calendar: lazy(() => readCalendar(readSheetValues(ss, SHEET_NAMES.holidays))),
    rules: () => settings().deadlines(),
    policy: lazy(() => readPolicy(readSheetValues(ss, SHEET_NAMES.policies))),
    dibaoLine: () => settings().dibaoLine(today),
  };
  return ctx;
}

/** The acting user, or the zh refusal every write gives an unknown user. */
export function requireUser(ctx: Ctx): User {
  const u = ctx.user();
  if (u) return u;
  const who = ctx.email || '（无法获取您的邮箱）';
  throw new BangfuError('auth.unknownUser',
    `您（${who}）不在“人员权限”表中，不能办理此操作。请联系管理员添加`,
    `You (${ctx.email || 'e-mail unavailable'}) are not listed in 人员权限 and cannot do this. Ask the administrator to add you`);
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
