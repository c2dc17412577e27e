/**
 * How custom functions walk ranges. Sheets passes a single cell as a plain value and a
 * multi-cell range as a 2-D array; a function given a range must return the same shape
 * (one call computes a whole column), blanks stay blank, and a bad cell shows its own
 * error text while the other cells still compute. A bad scalar argument throws, which
 * Sheets shows as #ERROR! with our message.
 */
import { errorText, BangfuError } from '../../domain/errors';

export type Grid<T> = T[][];

export function isBlank(v: unknown): boolean {
  return v === '' || v === null || v === undefined;
}

export function isGrid(v: unknown): v is unknown[][] {
  return Array.isArray(v) && v.every((row) => Array.isArray(row));
}

/** Error text shown in a cell, prefixed so it reads as an error in a column of numbers. */
export function cellError(e: unknown): string {
  return `错误：${errorText(e)}`;
}

/**
 * Apply `fn` to a scalar or to every cell of a range.
 * Range: blanks → '' and a throwing cell → its error text; scalar: blank → '' and errors throw.
 */
export function mapCells<T>(input: unknown, fn: (v: unknown) => T): T | '' | Grid<T | string> {
  if (isGrid(input)) {
    return input.map((row) =>
      row.map((v) => {
        if (isBlank(v)) return '';
        try {
          return fn(v);
        } catch (e) {
          return cellError(e);
        }
      }),
    );
  }
  if (isBlank(input)) return '';
  return fn(input);
}

/**
 * How a message names a parameter: by what it means, in Chinese, with its place in the
 * formula, never by its English name from the function's signature (amount, on_date …).
 */
const PARAM_LABELS: Record<string, string> = {
  scheme: '救助项目',
  amount: '计算基数',
  on_date: '日期',
  policy: '救助标准区域',
  id: '身份证号',
  field: '所取信息',
  county_code: '县区代码',
  serial: '序号',
  no: '职工编号',
  per_capita_monthly_income: '家庭人均月收入',
  dibao_line: '低保标准',
  cause: '困难原因',
  expense_ratio: '支出占收入比例',
  start: '开始日期',
  days: '工作日天数',
  holidays: '节假日区域',
};
/** The Chinese name of a parameter (an unknown name is shown as given). */
export function paramLabel(param: string): string {
  return PARAM_LABELS[param] ?? param;
}

/** A value as a message quotes it: text as typed, a range as 区域. */
export function quoted(v: unknown): string {
  if (isGrid(v)) return '区域';
  if (v instanceof Date) return '日期';
  return String(v);
}

/** A parameter that must be one value: a 1×1 range is accepted, a larger one is refused. */
export function scalar(v: unknown, param: string): unknown {
  if (!isGrid(v)) return v;
  if (v.length === 1 && v[0].length === 1) return v[0][0];
  throw new BangfuError('arg.notScalar', `“${paramLabel(param)}”应为单个值，不能是区域`, `Argument ${param} must be a single value, not a range`, param);
}

/** A number from a cell: numbers as they are, numeric text accepted (with thousands commas). */
export function toNumber(v: unknown, param: string): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const s = v.trim().replace(/,/g, '');
    if (s !== '' && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return Number(s);
  }
  throw new BangfuError('arg.notNumber', `“${paramLabel(param)}”应为数字，而不是“${quoted(v)}”`, `${param} is not a number: ${String(v)}`, param);
}
