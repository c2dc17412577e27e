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
import type { CaseRecord } from '../domain/caseModel';
import { coerceCivil, type CivilDate } from '../domain/civilDate';
import { BangfuError } from '../domain/errors';
import { textOf } from '../domain/forms/values';
import { HOLIDAY_HEADER, parseHolidaySheet, type HolidayEntry } from '../domain/calendar';
import { formatHolidayNotice, parseHolidayNotice } from '../domain/holidayNotice';
import { caseStatus, OPEN_STATUSES } from '../domain/workflow/actions';
import { provisionalDueNote, provisionalYearsOf, recomputeDeadline, type WorkdayCalendar } from '../domain/workflow/deadlines';
import { builtInCalendar, STATUTORY_REVISIONS } from '../defaults/calendar';
import { AUDIT_COLUMNS, auditCells, type AuditRecord } from '../sheets/audit';
import { appendAuditRows } from '../sheets/auditChain';
import { auditChain } from './verifyAudit';
import type { Ctx } from './ctx';
import { readCases, sameCell, systemCell } from '../sheets/cases';
import { ensureSheet } from '../sheets/structure';
import { readHeader, writeColumns, type Cell } from '../sheets/table';
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

const DEADLINE_KEYS = ['worker_no', 'county', 'status', 'submitted_at', 'emergency', 'notice_end', 'due_date', 'overdue', 'name'];

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
 * Every open case's due date on `calendar`: ONE read of 案件, ONE write of due_date and
 * overdue, ONE setNotes of the due-date column (暂定 notes), one 操作日志 row per moved
 * deadline. The caller holds the lock.
 */
export function recomputeOpenDeadlines(ctx: Ctx, calendar: WorkdayCalendar, reason: string): MovedDeadline[] {
  const table = readCases(ctx.ss, ctx.forms().fields, { keys: DEADLINE_KEYS, required: ['worker_no', 'status', 'due_date', 'overdue'], skipBlank: false });
  const rules = ctx.rules();
  const dueCol: Cell[] = [];
  const lateCol: Cell[] = [];
  const notes: string[][] = [];
  const moved: MovedDeadline[] = [];
  const failures: string[] = [];
  for (const row of table.rows) {
    const c = row.record as CaseRecord;
    const s = caseStatus(c);
    let due: Cell = c.due_date ?? '';
    let late: Cell = c.overdue ?? '';
    let note = '';
    if (s !== null && OPEN_STATUSES.includes(s)) {
      try {
        const d = recomputeDeadline(c, ctx.today, calendar, rules);
        due = d.due_date === '' ? '' : systemCell('due_date', d.due_date);
        late = d.overdue;
        note = provisionalDueNote(provisionalYearsOf(c, d.due_date, calendar));
        const was = coerceCivil(c.due_date) ?? '';
        if (was !== d.due_date) moved.push({ workerNo: textOf(c.worker_no), from: was, to: d.due_date });
      } catch (e) {
        failures.push(`${textOf(c.worker_no)}：${e instanceof BangfuError ? e.zh : String(e)}`);
      }
    }
    dueCol.push(due);
    lateCol.push(late);
    notes.push([note]);
  }
  if (table.rows.length > 0) {
    if (table.rows.some((r, i) => !sameCell(dueCol[i], r.record.due_date) || !sameCell(lateCol[i], r.record.overdue))) {
      writeColumns(table.sheet, table.map, { due_date: dueCol, overdue: lateCol });
    }
    table.sheet.getRange(2, table.map.col.due_date, notes.length, 1).setNotes(notes);
  }
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
