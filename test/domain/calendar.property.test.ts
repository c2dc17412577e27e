/** Properties of working-day arithmetic over the built-in range (2020–2026) and the provisional years after it. */
import fc from 'fast-check';
import { addDays, fromDayNumber, toDayNumber } from '../../src/domain/civilDate';
import { WorkCalendar } from '../../src/domain/calendar';
import { DEFAULT_HOLIDAYS } from '../../src/defaults/holidays';
import { builtInCalendar } from '../../src/defaults/calendar';

const cal = new WorkCalendar(DEFAULT_HOLIDAYS);
// Starts in 2020-03 … 2026-09 so ±60 working days stay inside the covered years.
const arbStart = fc.integer({ min: toDayNumber('2020-03-01'), max: toDayNumber('2026-09-30') }).map(fromDayNumber);
const arbN = fc.integer({ min: 1, max: 60 });

test('n forward then n back gives a working day no later than the start (the start itself when it is one)', () => {
  fc.assert(
    fc.property(arbStart, arbN, (start, n) => {
      const back = cal.addWorkdays(cal.addWorkdays(start, n), -n);
      expect(cal.isWorkday(back)).toBe(true);
      expect(back <= start).toBe(true);
      if (cal.isWorkday(start)) expect(back).toBe(start);
      // …and no working day lies strictly between `back` and `start`.
      for (let d = addDays(back, 1); d < start; d = addDays(d, 1)) expect(cal.isWorkday(d)).toBe(false);
    }),
  );
});

test('the result of a non-zero count is always a working day, and later for a larger count', () => {
  fc.assert(
    fc.property(arbStart, arbN, (start, n) => {
      const a = cal.addWorkdays(start, n);
      const b = cal.addWorkdays(start, n + 1);
      expect(cal.isWorkday(a)).toBe(true);
      expect(a > start && b > a).toBe(true);
      expect(cal.workdaysBetween(addDays(start, 1), a)).toBe(n);
    }),
  );
});

test('counting working days between two dates agrees with checking each day, in either order', () => {
  const arbDay = fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2026-12-31') }).map(fromDayNumber);
  fc.assert(
    fc.property(arbDay, fc.integer({ min: 0, max: 400 }), (a, span) => {
      const b = fromDayNumber(Math.min(toDayNumber(a) + span, toDayNumber('2026-12-31')));
      let count = 0;
      for (let d = a; d <= b; d = addDays(d, 1)) if (cal.isWorkday(d)) count++;
      expect(cal.workdaysBetween(a, b)).toBe(count);
      if (b !== a) expect(cal.workdaysBetween(b, a)).toBe(-count); // same day: there is no reverse order
    }),
    { numRuns: 200 },
  );
});

describe('with provisional years (the built-in calendar, 2020 onwards)', () => {
  // Fresh calendars too: the day table grows on demand, so the answer must not depend on what was asked before.
  const built = builtInCalendar();
  // From August 2020, 120 working days back stay inside 2020.
  const arbDay = fc.integer({ min: toDayNumber('2020-08-01'), max: toDayNumber('2040-12-31') }).map(fromDayNumber);

  /** WORKDAY the slow way: step one day at a time. */
  function naive(c: WorkCalendar, start: string, n: number): string {
    let d = start;
    for (let left = Math.abs(n); left > 0;) {
      d = addDays(d, n > 0 ? 1 : -1);
      if (c.isWorkday(d)) left--;
    }
    return d;
  }

  test('the binary search gives what stepping day by day gives, forward and back, across published and provisional years', () => {
    fc.assert(
      fc.property(arbDay, fc.integer({ min: -120, max: 400 }), fc.boolean(), (start, n, fresh) => {
        const c = fresh ? builtInCalendar() : built;
        expect(c.addWorkdays(start, n)).toBe(n === 0 ? start : naive(built, start, n));
      }),
      { numRuns: 300 },
    );
  });

  test('a result is provisional exactly when the span reaches a year without a published schedule', () => {
    fc.assert(
      fc.property(arbDay, fc.integer({ min: 1, max: 300 }), (start, n) => {
        const due = built.addWorkdays(start, n);
        const years = built.provisionalYearsBetween(start, due);
        expect(years.length > 0).toBe(+due.slice(0, 4) >= 2027);
      }),
      { numRuns: 200 },
    );
  });
});
