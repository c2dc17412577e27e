import { isWorkday as chineseDaysIsWorkday } from 'chinese-days';
import { addDays } from '../../../src/domain/civilDate';
import { testCalendar } from './testCalendar';

it('the test calendar agrees with chinese-days on every day of 2025 and 2026', () => {
  const wrong: string[] = [];
  for (let d = '2025-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
    if (testCalendar.isWorkday(d) !== chineseDaysIsWorkday(d)) wrong.push(d);
  }
  expect(wrong).toEqual([]);
});
