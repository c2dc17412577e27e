/**
 * `bangfu holidays notice.txt [--year 2027]`: the State Council notice read by the same
 * parser as 帮扶 → 管理 → 导入节假日通知, printed as `YYYY-MM-DD,休|班,名称` lines in date
 * order (ready to paste into the 节假日 sheet). A paragraph it cannot read is an error.
 */
import { readFileSync } from 'node:fs';
import { parseHolidayNotice } from '../domain/holidayNotice';
import { STATUTORY_REVISIONS } from '../defaults/calendar';

export function runHolidays(path: string, out: (line: string) => void, opts: { year?: number } = {}): number {
  const parsed = parseHolidayNotice(readFileSync(path, 'utf8'), STATUTORY_REVISIONS, { year: opts.year });
  for (const r of parsed.rows) out(`${r.date},${r.kind},${r.name}`);
  return 0;
}
