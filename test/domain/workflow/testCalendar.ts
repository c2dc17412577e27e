/**
 * A tiny working-day calendar for 2025–2026 from the State Council holiday notices
 * (国办发明电〔2024〕12号 for 2025, 国办发明电〔2025〕7号 for 2026), used until the real
 * WorkCalendar (src/domain/calendar.ts) can be imported; calendar.test.ts checks the
 * same dates against chinese-days. Outside 2025–2026 it throws, like the real one.
 */
import { addDays, weekday, type CivilDate } from '../../../src/domain/civilDate';
import type { WorkdayCalendar } from '../../../src/domain/workflow/deadlines';

const range = (from: CivilDate, to: CivilDate): CivilDate[] => {
  const out: CivilDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

export const HOLIDAYS = new Set<CivilDate>([
  // 2025
  '2025-01-01',
  ...range('2025-01-28', '2025-02-04'),
  ...range('2025-04-04', '2025-04-06'),
  ...range('2025-05-01', '2025-05-05'),
  ...range('2025-05-31', '2025-06-02'),
  ...range('2025-10-01', '2025-10-08'),
  // 2026
  ...range('2026-01-01', '2026-01-03'),
  ...range('2026-02-15', '2026-02-23'),
  ...range('2026-04-04', '2026-04-06'),
  ...range('2026-05-01', '2026-05-05'),
  ...range('2026-06-19', '2026-06-21'),
  ...range('2026-09-25', '2026-09-27'),
  ...range('2026-10-01', '2026-10-07'),
]);
/** Weekend days that are working days (调休). */
export const ADJUSTED_WORKDAYS = new Set<CivilDate>([
  '2025-01-26',
  '2025-02-08',
  '2025-04-27',
  '2025-09-28',
  '2025-10-11',
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
]);

export const testCalendar: WorkdayCalendar = {
  isWorkday(d) {
    const y = d.slice(0, 4);
    if (y !== '2025' && y !== '2026') throw new Error(`${y}年的节假日安排尚未录入`);
    if (ADJUSTED_WORKDAYS.has(d)) return true;
    if (HOLIDAYS.has(d)) return false;
    const w = weekday(d);
    return w !== 0 && w !== 6;
  },
  addWorkdays(start, n) {
    let d = start;
    const step = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0;) {
      d = addDays(d, step);
      if (this.isWorkday(d)) left--;
    }
    return d;
  },
};
