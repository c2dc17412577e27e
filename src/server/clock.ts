/**
 * "Now" for the server layer. Domain code takes today as a parameter; the server asks
 * here. Tests move the clock with setNow (a notice period of 5 working days passes in one
 * line); production never calls setNow, so this is the real time.
 */
import { civilFromDate, type CivilDate } from '../domain/civilDate';

let fixed: number | null = null;

export function now(): Date {
  return fixed === null ? new Date() : new Date(fixed);
}

/** Today in Beijing (the script time zone is Asia/Shanghai; local getters). */
export function today(): CivilDate {
  return civilFromDate(now());
}

/** Tests only: freeze the clock at `at` ('YYYY-MM-DD' = 09:00 that day), or null for real time. */
export function setNow(at: Date | string | null): void {
  if (at === null) {
    fixed = null;
  } else if (typeof at === 'string') {
    const [y, m, d] = at.split('-').map(Number);
    fixed = new Date(y, m - 1, d, 9, 0, 0).getTime();
  } else {
    fixed = at.getTime();
  }
}
