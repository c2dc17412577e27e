/**
 * What one server call knows: the workbook, the time, the acting user, and the
 * configuration sheets (表单定义, 设置, 人员权限, 救助标准, 节假日, 审批流程), each read at most
 * once per call and only when needed. Reading configuration costs a fixed number of
 * service calls, whatever the size of 案件.
 */
import type { Locale } from '../domain/errors';
import { parseFormDefinitions } from '../domain/forms/fieldDefs';
import { parseStaffTable, resolveUser } from '../domain/workflow/permissions';
import { activeSpreadsheet, readSheetValues, requireSheet, SHEET_NAMES, type Spreadsheet } from '../sheets/workbook';
import { withDocumentLock } from '../sheets/lock';
import type { Ctx, LockRunner } from '../usecases/ctx';
import { now as clockNow } from './clock';
import { useSpreadsheetZone } from '../sheets/zone';
import { civilFromDate } from '../domain/civilDate';
import { lazy } from './lazy';
import { parseSettings } from '../config/settings';
import { readCalendar, readPolicy } from '../config/domainRules';
import { defaultCounties } from '../defaults/sheetRows';
import { readChains } from '../config/chains';

export { requireUser, userDto, say, t } from '../usecases/ctx';
export type { Ctx, LockRunner, AuditHeadStore } from '../usecases/ctx';

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

export interface ContextOptions {
  /** Who acts; default: the session's active user (the writer passes the verified token's e-mail). */
  email?: string;
  /** The lock writes run under; default: the document lock. */
  lock?: LockRunner;
  auditHead?: Ctx['auditHead'];
}

/** A Ctx for one call. With no options: the active spreadsheet, the session's user, the document lock. */
export function requestContext(ss: Spreadsheet = activeSpreadsheet(), opts: ContextOptions = {}): Ctx {
  useSpreadsheetZone(ss); // dates read and written in the spreadsheet's zone (src/sheets/zone.ts)
  const at = clockNow();
  const today = civilFromDate(at);
  const settings = lazy(() => parseSettings(readSheetValues(ss, SHEET_NAMES.settings), defaultCounties()));
  const forms = lazy(() => {
    requireSheet(ss, SHEET_NAMES.forms);
    return parseFormDefinitions(readSheetValues(ss, SHEET_NAMES.forms));
  });
  const staff = lazy(() => parseStaffTable(readSheetValues(ss, SHEET_NAMES.staff)));
  const email = opts.email !== undefined ? opts.email.trim().toLowerCase() : activeEmail();
  const ctx: Ctx = {
    ss,
    now: at,
    today,
    email,
    lock: opts.lock ?? withDocumentLock,
    auditHead: opts.auditHead,
    locale: lazy(() => {
      const l = settings().locale;
      return l === 'auto' ? userLocale() : l;
    }),
    settings,
    forms,
    staff,
    user: lazy(() => resolveUser(email, staff().users)),
    calendar: lazy(() => readCalendar(readSheetValues(ss, SHEET_NAMES.holidays))),
    // The calendar-year deadlines of 设置 and the approval chains of 审批流程 (one read, when a case moves).
    rules: lazy(() => ({ ...settings().deadlines(), chains: readChains(readSheetValues(ss, SHEET_NAMES.chain), forms().fields) })),
    policy: lazy(() => readPolicy(readSheetValues(ss, SHEET_NAMES.policies))),
    dibaoLine: () => settings().dibaoLine(today),
  };
  return ctx;
}
