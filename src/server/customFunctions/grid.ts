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
    return input.map((row) => row.map((v) => {
      if (isBlank(v)) return '';
      try {
        return fn(v);
      } catch (e) {
        return cellError(e);
      }
    }));
  }
  if (isBlank(input)) return '';
  return fn(input);
}

/** A parameter that must be one value: a 1×1 range is accepted, a larger one is refused. */
export function scalar(v: unknown, param: string): unknown {
  if (!isGrid(v)) return v;
  if (v.length === 1 && v[0].length === 1) return v[0][0];
  throw new BangfuError('arg.notScalar', `参数 ${param} 应为单个值，不能是区域`, `Argument ${param} must be a single value, not a range`);
}

/** A number from a cell: numbers as they are, numeric text accepted (with thousands commas). */
export function toNumber(v: unknown, param: string): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const s = v.trim().replace(/,/g, '');
    if (s !== '' && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return Number(s);
  }
  throw new BangfuError('arg.notNumber', `${param} 不是数字：${String(v)}`, `${param} is not a number: ${String(v)}`);
}
