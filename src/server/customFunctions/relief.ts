/**
 * =RELIEF(scheme, amount, [on_date], [policy]) and =RELIEF_EXPLAIN(…): the relief amount
 * (yuan, to the fen) and its one-line explanation, for one base or a whole column.
 *
 * - amount: a number or a range; the result has the same shape, blanks stay blank and a
 *   bad cell shows its own error text.
 * - on_date: the day whose standard applies (default today); one date, or a range of the
 *   same shape as amount (each case's own date).
 * - policy: the 救助标准 range with its header; replaces the built-in defaults. Passing it
 *   as a range is also what makes Sheets recalculate when an administrator edits it.
 * - for `living` (生活救助) the amount is the 低保 line in yuan per month (domain/relief.ts).
 *
 * Speed: the policy range is parsed once per call and rows are picked once per distinct
 * date; each cell then costs one band lookup and integer arithmetic.
 */
import { coerceCivil, type CivilDate } from '../../domain/civilDate';
import { BangfuError } from '../../domain/errors';
import { findScheme, parsePolicySheet, pickRows, type Policy, type PolicyRow, type SchemeEntry } from '../../domain/policy';
import { describeRelief, reliefFromRows } from '../../domain/relief';
import { DEFAULT_POLICY } from '../../defaults/policies';
import { today } from '../clock';
import { cellError, isBlank, isGrid, paramLabel, quoted, scalar, toNumber, type Grid } from './grid';

function policyArg(policy: unknown): Policy {
  if (isBlank(policy)) return DEFAULT_POLICY;
  if (!isGrid(policy)) {
    throw new BangfuError(
      'arg.policy',
      '第 4 个参数应为“救助标准”表的区域（含表头），如 救助标准!A1:M50',
      'Argument policy must be a range of the 救助标准 sheet including its header, e.g. 救助标准!A1:M50',
      'policy',
    );
  }
  return parsePolicySheet(policy);
}

function schemeArg(scheme: unknown): string {
  const v = scalar(scheme, 'scheme');
  if (isBlank(v) || String(v).trim() === '') {
    throw new BangfuError(
      'arg.schemeMissing',
      '请填写救助项目的名称，如 "特困职工医疗救助"',
      'Enter a relief scheme (code or Chinese name, e.g. "medical")',
      'scheme',
    );
  }
  return String(v);
}

function dateOf(v: unknown): CivilDate {
  if (isBlank(v)) return today();
  const d = coerceCivil(v);
  if (d === null) throw new BangfuError('arg.notDate', `“日期”应为日期，而不是“${quoted(v)}”`, `on_date is not a date: ${String(v)}`, 'on_date');
  return d;
}

/** A per-cell argument: one value for every cell, or a range the same shape as `main`. */
function alignedWith(arg: unknown, main: unknown, param: string): (i: number, j: number) => unknown {
  if (!isGrid(arg)) return () => arg;
  if (arg.length === 1 && arg[0].length === 1) return () => arg[0][0];
  if (isGrid(main) && arg.length === main.length && arg.every((row, i) => row.length === main[i].length)) return (i, j) => arg[i][j];
  throw new BangfuError(
    'arg.shape',
    `“${paramLabel(param)}”应为单个值，或与“计算基数”大小相同的区域`,
    `Argument ${param} must be one value or a range the size of amount`,
    param,
  );
}

/** Walks amount (and on_date) and hands each numeric base, with the rows in force that day, to `cell`. */
function reliefCells<T>(
  scheme: unknown,
  amount: unknown,
  onDate: unknown,
  policy: unknown,
  cell: (rows: readonly PolicyRow[], base: number, scheme: SchemeEntry) => T,
): T | '' | Grid<T | string> {
  const pol = policyArg(policy);
  const entry = findScheme(pol, schemeArg(scheme));
  const code = entry.code;

  const picked = new Map<CivilDate, readonly PolicyRow[] | BangfuError>();
  const rowsOn = (date: CivilDate): readonly PolicyRow[] => {
    let hit = picked.get(date);
    if (hit === undefined) {
      try {
        hit = pickRows(pol, code, date);
      } catch (e) {
        if (!(e instanceof BangfuError)) throw e;
        hit = e;
      }
      picked.set(date, hit);
    }
    if (hit instanceof BangfuError) throw hit;
    return hit;
  };

  const dateAt = alignedWith(onDate, amount, 'on_date');
  // One date for the whole call: a bad date or a day without a standard is the call's error.
  const sharedRows = isGrid(onDate) && !(onDate.length === 1 && onDate[0].length === 1) ? null : rowsOn(dateOf(dateAt(0, 0)));
  const compute = (v: unknown, i: number, j: number) => cell(sharedRows ?? rowsOn(dateOf(dateAt(i, j))), toNumber(v, 'amount'), entry);

  // An omitted argument is undefined; an empty cell passed as the argument is ''. A blank
  // cell stays blank (a column of cases with gaps), a missing amount is a mistake.
  if (amount === undefined) {
    throw new BangfuError(
      'arg.amountMissing',
      '请填写计算基数（第 2 个参数），如医疗救助的年自付金额或生活救助的低保月标准',
      'Enter the base amount (2nd argument), e.g. the annual medical self-pay',
      'amount',
    );
  }
  if (!isGrid(amount)) return isBlank(amount) ? '' : compute(amount, 0, 0);
  return amount.map((row, i) =>
    row.map((v, j) => {
      if (isBlank(v)) return '';
      try {
        return compute(v, i, j);
      } catch (e) {
        return cellError(e);
      }
    }),
  );
}

/** Relief in yuan (to the fen) for each base in `amount`. */
export function RELIEF(scheme: unknown, amount: unknown, on_date?: unknown, policy?: unknown): number | '' | Grid<number | string> {
  return reliefCells(scheme, amount, on_date, policy, (rows, base) => reliefFromRows(rows, base).amountYuan);
}

/** The zh explanation line for each base in `amount` (band, rate, deductible, cap, result, source). */
export function RELIEF_EXPLAIN(scheme: unknown, amount: unknown, on_date?: unknown, policy?: unknown): string | Grid<string> {
  // Without on_date the result rests on the day it was computed, and Sheets keeps it until an
  // argument changes: say which day, and how to make it follow the calendar (issue 10).
  const assumed = isBlank(on_date) ? `（按 ${today()} 的标准；公式未给日期，建议传入“今日”单元格，如 =RELIEF_EXPLAIN("特困职工医疗救助", C2, 今日)）` : '';
  return reliefCells(
    scheme,
    amount,
    on_date,
    policy,
    (rows, base, entry) => describeRelief({ ...reliefFromRows(rows, base), schemeName: entry.name }).zh + assumed,
  );
}
