/**
 * Every open case's due date and overdue flag recomputed on a working-day calendar: the
 * one loop behind the daily check (src/server/triggers.ts) and a holiday import or
 * 节假日 draft applied (src/usecases/importHolidays.ts). ONE read of 案件, ONE getNotes
 * of the due-date column, at most one write of due_date/overdue and one setNotes (暂定
 * notes), each only when something changed. What to log is the caller's: the daily
 * check logs a move only for a date that was 暂定, an import logs every move.
 * The caller holds the writers' lock.
 */
import type { CaseRecord } from '../domain/caseModel';
import { coerceCivil, type CivilDate } from '../domain/civilDate';
import { BangfuError } from '../domain/errors';
import { textOf } from '../domain/forms/values';
import { caseStatus, OPEN_STATUSES } from '../domain/workflow/actions';
import { provisionalDueNote, provisionalYearsOf, recomputeDeadline, type WorkdayCalendar } from '../domain/workflow/deadlines';
import { readCases, sameCell, systemCell } from '../sheets/cases';
import { writeColumns, type Cell, type TableRow } from '../sheets/table';
import type { Ctx } from './ctx';

/** Every column recomputeDeadline reads (the chain and stage name the deadline; stage_since: it counts from the hand-over). */
const DEADLINE_KEYS = [
  'worker_no',
  'county',
  'status',
  'chain',
  'stage',
  'submitted_at',
  'created_at',
  'emergency',
  'notice_end',
  'stage_since',
  'due_date',
  'overdue',
  'created_by',
  'name',
];

export interface DeadlineMove {
  workerNo: string;
  from: CivilDate | '';
  to: CivilDate | '';
  /** The due date's note before this run began with 暂定 (counted over an unpublished year). */
  wasProvisional: boolean;
}

export interface DeadlineRecompute {
  rows: TableRow[];
  open: number;
  /** Rows whose due date or overdue flag changed. */
  changed: number;
  overdue: number;
  moves: DeadlineMove[];
  /** A case that could not be counted (a year missing from 节假日); the others still update. */
  failures: { workerNo: string; text: string }[];
}

export function recomputeDeadlines(ctx: Ctx, calendar: WorkdayCalendar): DeadlineRecompute {
  const table = readCases(ctx.ss, ctx.forms().fields, { keys: DEADLINE_KEYS, required: ['worker_no', 'status', 'due_date', 'overdue'], skipBlank: false });
  const rules = ctx.rules();
  const dueCol: Cell[] = [];
  const lateCol: Cell[] = [];
  const notes: string[][] = [];
  const noteRange = table.rows.length > 0 ? table.sheet.getRange(2, table.map.col.due_date, table.rows.length, 1) : null;
  const had = noteRange ? noteRange.getNotes() : [];
  const out: DeadlineRecompute = { rows: table.rows, open: 0, changed: 0, overdue: 0, moves: [], failures: [] };
  table.rows.forEach((row, i) => {
    const c = row.record as CaseRecord;
    const s = caseStatus(c);
    let due: Cell = c.due_date ?? '';
    let late: Cell = c.overdue ?? '';
    let note = '';
    if (s !== null && OPEN_STATUSES.includes(s)) {
      out.open++;
      try {
        const d = recomputeDeadline(c, ctx.today, calendar, rules);
        due = d.due_date === '' ? '' : systemCell('due_date', d.due_date);
        late = d.overdue;
        note = provisionalDueNote(provisionalYearsOf(c, d.due_date, calendar, rules.chains));
        const was = coerceCivil(c.due_date) ?? '';
        if (was !== d.due_date) {
          out.moves.push({ workerNo: textOf(c.worker_no), from: was, to: d.due_date, wasProvisional: (had[i]?.[0] ?? '').startsWith('暂定') });
        }
      } catch (e) {
        out.failures.push({ workerNo: textOf(c.worker_no), text: e instanceof BangfuError ? e.zh : String(e) });
      }
      if (late === true) out.overdue++;
    }
    if (!sameCell(due, c.due_date) || !sameCell(late, c.overdue)) out.changed++;
    dueCol.push(due);
    lateCol.push(late);
    notes.push([note]);
  });
  if (out.changed > 0) writeColumns(table.sheet, table.map, { due_date: dueCol, overdue: lateCol });
  if (noteRange && notes.some((n, i) => n[0] !== (had[i]?.[0] ?? ''))) noteRange.setNotes(notes);
  return out;
}
