/**
 * =HARDSHIP(per_capita_monthly_income, dibao_line, [cause], [expense_ratio]): the hardship
 * category seed 004 suggests (低保户 / 低保边缘户 / 意外致困户, blank when none).
 *
 * - per_capita_monthly_income: a number or a range; the result has the same shape.
 * - dibao_line: one number, the local 低保 line in yuan per person per month.
 * - cause: text such as "因病、子女上学" (any separator), one value for all rows or a range
 *   the size of the income range; for a single income, a range's non-blank cells are all
 *   its causes (several tick-box columns).
 * - expense_ratio: 0.6 or "60%"; one value or a range the size of the income range.
 */
import { BangfuError } from '../../domain/errors';
import { hardshipCategory, type HardshipCategory } from '../../domain/eligibility';
import { parseRate, rateValue } from '../../domain/money';
import { cellError, isBlank, isGrid, paramLabel, quoted, scalar, toNumber, type Grid } from './grid';

const CAUSE_SEPARATORS = /[、,，;；|/\s]+/;

function causesOf(v: unknown): string[] {
  const cells = isGrid(v) ? v.flat() : [v];
  return cells
    .filter((c) => !isBlank(c))
    .flatMap((c) => String(c).split(CAUSE_SEPARATORS))
    .filter((s) => s !== '');
}

function ratioOf(v: unknown): number | null {
  if (isBlank(v)) return null;
  if (typeof v === 'number' || typeof v === 'string') {
    try {
      return rateValue(parseRate(v, '支出占收入比例'));
    } catch {
      // fall through to the argument error below
    }
  }
  throw new BangfuError(
    'arg.notRatio',
    `“支出占收入比例”应为比例，如 0.6 或 60%，而不是“${quoted(v)}”`,
    `expense_ratio is not a share: ${String(v)} (e.g. 0.6 or 60%)`,
    'expense_ratio',
  );
}

/** A per-cell argument: one value for every cell, or a range the same shape as `main`. */
function alignedWith(arg: unknown, main: unknown, param: string): (i: number, j: number) => unknown {
  if (!isGrid(arg)) return () => arg;
  if (arg.length === 1 && arg[0].length === 1) return () => arg[0][0];
  if (isGrid(main) && arg.length === main.length && arg.every((row, i) => row.length === main[i].length)) return (i, j) => arg[i][j];
  throw new BangfuError(
    'arg.shape',
    `“${paramLabel(param)}”应为单个值，或与收入区域大小相同的区域`,
    `Argument ${param} must be one value or a range the size of the income range`,
    param,
  );
}

/** Hardship category for each per-capita monthly income. */
export function HARDSHIP(per_capita_monthly_income: unknown, dibao_line: unknown, cause?: unknown, expense_ratio?: unknown): HardshipCategory | Grid<string> {
  const lineArg = scalar(dibao_line, 'dibao_line');
  if (isBlank(lineArg)) {
    throw new BangfuError(
      'arg.dibaoMissing',
      '请填写当地低保标准（元/月），如 550',
      'Enter the local minimum living standard (yuan/month), e.g. 550',
      'dibao_line',
    );
  }
  const dibaoLine = toNumber(lineArg, 'dibao_line');
  if (dibaoLine <= 0) {
    throw new BangfuError('arg.dibaoNotPositive', `低保标准应大于 0：${dibaoLine}`, `The minimum living standard must be above 0: ${dibaoLine}`, 'dibao_line');
  }
  const income = per_capita_monthly_income;

  if (!isGrid(income)) {
    if (isBlank(income)) return '';
    return hardshipCategory({
      perCapitaMonthlyIncome: toNumber(income, 'per_capita_monthly_income'),
      dibaoLine,
      causes: causesOf(cause),
      expenseRatio: ratioOf(scalar(expense_ratio, 'expense_ratio')),
    });
  }
  const causeAt = alignedWith(cause, income, 'cause');
  const ratioAt = alignedWith(expense_ratio, income, 'expense_ratio');
  return income.map((row, i) =>
    row.map((v, j) => {
      if (isBlank(v)) return '';
      try {
        return hardshipCategory({
          perCapitaMonthlyIncome: toNumber(v, 'per_capita_monthly_income'),
          dibaoLine,
          causes: causesOf(causeAt(i, j)),
          expenseRatio: ratioOf(ratioAt(i, j)),
        });
      } catch (e) {
        return cellError(e);
      }
    }),
  );
}
