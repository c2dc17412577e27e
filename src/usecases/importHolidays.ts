/**
 * 导入节假日通知: the State Council notice, pasted by an administrator, read into 节假日
 * rows (src/domain/holidayNotice.ts), shown for confirmation, then written; every open
 * deadline is recomputed on the new calendar and each one that moved is logged in 操作日志
 * (a deadline counted on provisional days moves when the real 调休 is known).
 *
 * Two calls, one code path: `previewHolidayNotice` (reads nothing but the text) and
 * `importHolidayNotice` (the write: administrators only, under the writers' lock; in the
 * writer as the op importHolidays).
 */
import { coerceCivil, type CivilDate } from '../domain/civilDate';
import { BangfuError } from '../domain/errors';
import { textOf } from '../domain/forms/values';
import { HOLIDAY_HEADER, parseHolidaySheet, type HolidayEntry } from '../domain/calendar';
import { formatHolidayNotice, parseHolidayNotice } from '../domain/holidayNotice';
import type { WorkdayCalendar } from '../domain/workflow/deadlines';
import { builtInCalendar, STATUTORY_REVISIONS } from '../defaults/calendar';
import { AUDIT_COLUMNS, auditCells, type AuditRecord } from '../sheets/audit';
import { appendAuditRows } from '../sheets/auditChain';
import { auditChain } from './verifyAudit';
import type { Ctx } from './ctx';
import { recomputeDeadlines } from './recomputeDeadlines';
import { ensureSheet } from '../sheets/structure';
import { readHeader, type Cell } from '../sheets/table';
import { SHEET_NAMES, requireSheet } from '../sheets/workbook';

export interface HolidayPreview {
  year: number;
  rows: HolidayEntry[];
  /** "2027-01-01,休,元旦" lines, as `bangfu holidays` prints them. */
  lines: string[];
  /** The notice as read back, one paragraph per festival, for the administrator to compare. */
  readBack: string;
}

export function previewHolidayNotice(_ctx: Ctx, req: { text: string; year?: number }): HolidayPreview {
  const parsed = parseHolidayNotice(String(req.text ?? ''), STATUTORY_REVISIONS, { year: req.year });
  return {
    year: parsed.year,
    rows: parsed.rows,
    lines: parsed.rows.map((r) => `${r.date},${r.kind},${r.name}`),
    readBack: formatHolidayNotice(parsed.year, parsed.rows),
  };
}

export interface MovedDeadline {
  workerNo: string;
  from: CivilDate | '';
  to: CivilDate | '';
}

export interface HolidayImportResult {
  year: number;
  written: number;
  moved: MovedDeadline[];
  message: string;
}

export function importHolidayNotice(ctx: Ctx, req: { text: string; year?: number }): HolidayImportResult {
  const user = ctx.user();
  if (!user || user.role !== 'admin') {
    throw new BangfuError('holidays.adminOnly', '只有管理员可以导入节假日安排', 'Only an administrator may import the holiday schedule');
  }
  const preview = previewHolidayNotice(ctx, req);
  return ctx.lock(() => {
    const sheet = ensureSheet(ctx.ss, SHEET_NAMES.holidays, () => [[...HOLIDAY_HEADER]]).sheet;
    const range = sheet.getDataRange();
    const before = range.getValues() as Cell[][];
    // The notice settles its dates; other rows (a county's own day off) stay.
    const dates = new Set(preview.rows.map((r) => r.date));
    const kept = before.slice(1).filter((row) => {
      const d = coerceCivil(row[0]);
      return !(d !== null && dates.has(d)) && row.some((v) => textOf(v) !== '');
    });
    const rows: Cell[][] = [[...HOLIDAY_HEADER], ...kept.map((r) => [r[0], r[1], r[2] ?? '']), ...preview.rows.map((r) => [r.date, r.kind, r.name])];
    rows.sort((a, b) => (a === rows[0] ? -1 : b === rows[0] ? 1 : (coerceCivil(a[0]) ?? '') < (coerceCivil(b[0]) ?? '') ? -1 : 1));
    // A row the 节假日 sheet would refuse is refused before anything is written.
    const calendar = builtInCalendar(parseHolidaySheet(rows));
    if (before.length > rows.length) sheet.getRange(1, 1, before.length, Math.max(3, before[0]?.length ?? 3)).clearContent();
    sheet.getRange(1, 1, rows.length, 3).setValues(rows.map((r) => [r[0], r[1], r[2]]));
    const moved = recomputeOpenDeadlines(ctx, calendar, `导入${preview.year}年节假日安排`);
    const message = `已导入${preview.year}年节假日安排 ${preview.rows.length} 天；重新计算办理期限，${moved.length} 件案件的截止日期有变化（已记入操作日志）`;
    return { year: preview.year, written: preview.rows.length, moved, message };
  });
}

/**
 * Every open case's due date on `calendar` (src/usecases/recomputeDeadlines.ts), one
 * 操作日志 row per moved deadline and one for the cases that could not be counted. The
 * caller holds the lock.
 */
export function recomputeOpenDeadlines(ctx: Ctx, calendar: WorkdayCalendar, reason: string): MovedDeadline[] {
  const run = recomputeDeadlines(ctx, calendar);
  const moved: MovedDeadline[] = run.moves.map((m) => ({ workerNo: m.workerNo, from: m.from, to: m.to }));
  const failures = run.failures.map((f) => `${f.workerNo}：${f.text}`);
  const audit: AuditRecord[] = moved.map((m) => ({
    // 原状态/新状态 are statuses (the case's stays); the dates go in the reason and the changes.
    time: ctx.now,
    user: ctx.email,
    workerNo: m.workerNo,
    action: '期限重新计算',
    from: '',
    to: '',
    reason: `${reason}：截止日期 ${m.from || '无'} → ${m.to || '无'}`,
    changes: [{ field: 'due_date', before: m.from, after: m.to }],
    requestId: '',
  }));
  if (failures.length > 0) {
    audit.push({
      time: ctx.now,
      user: ctx.email,
      workerNo: '',
      action: '期限重新计算失败',
      from: '',
      to: '',
      reason: failures.join('；'),
      changes: [],
      requestId: '',
    });
  }
  if (audit.length > 0) {
    const log = requireSheet(ctx.ss, SHEET_NAMES.audit);
    // Chained like every other log line (the caller holds the writers' lock).
    appendAuditRows(log, readHeader(log, AUDIT_COLUMNS), audit.map(auditCells), auditChain(ctx));
  }
  return moved;
}
