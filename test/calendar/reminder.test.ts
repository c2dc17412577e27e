/**
 * The reminder before the calendar runs out: from 1 November, while next year has only
 * provisional days, the daily job toasts and (with 邮件提醒 on) mails the administrators,
 * and onOpen toasts an administrator — naming 帮扶 → 管理 → 导入节假日通知. Nobody is
 * reminded in October, nor once the notice is entered, nor a non-administrator on open.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendarWarning } from '../../src/domain/calendar';
import { builtInCalendar } from '../../src/defaults/calendar';
import { parseHolidayNotice } from '../../src/domain/holidayNotice';
import { STATUTORY_REVISIONS } from '../../src/defaults/calendar';
import { setNow } from '../../src/server/clock';
import { onOpen } from '../../src/server/menu';
import { dailyJobs } from '../../src/writer/index';
import { as, inWriterTrigger, newWorkbook, sheet, type Fake } from '../server/fixtures';

const MENU_PATH = '帮扶 → 管理 → 导入节假日通知';

function setSetting(fake: Fake, label: string, value: unknown): void {
  const s = sheet(fake, '设置');
  const values = s.getDataRange().getValues();
  const i = values.findIndex((r) => r[0] === label);
  expect(i).toBeGreaterThan(0);
  s.getRange(i + 1, 2).setValue(value);
}

test('the warning: from 1 November for next year, always for the current year, never once entered', () => {
  const cal = builtInCalendar();
  expect(calendarWarning(cal, '2026-10-31')).toBeNull();
  expect(calendarWarning(cal, '2026-11-01')).toMatchObject({ years: [2027] });
  expect(calendarWarning(cal, '2026-11-01')!.zh).toContain(MENU_PATH);
  expect(calendarWarning(cal, '2027-03-01')).toMatchObject({ years: [2027] });
  const rows = parseHolidayNotice(readFileSync(join(__dirname, 'notices', '2027.txt'), 'utf8'), STATUTORY_REVISIONS).rows;
  expect(calendarWarning(builtInCalendar(rows), '2026-12-01')).toBeNull();
});

test('the daily job toasts and mails each administrator once a day; onOpen toasts an administrator only', () => {
  const fake = newWorkbook('2026-11-02');
  setSetting(fake, '邮件提醒', '是');
  fake.toasts.length = 0;
  inWriterTrigger(fake, () => dailyJobs());
  const mails = fake.mails.filter((m) => m.subject.includes('节假日安排'));
  // Setup lists the owner as an administrator; the fixture adds 系统管理员.
  expect(mails.map((m) => m.to).sort()).toEqual(['admin@jmszgh.cn', 'owner@jmszgh.cn']);
  expect(mails[0].subject).toBe('【帮扶】请导入2027年节假日安排（2026-11-02）');
  expect(mails[0].body).toContain(MENU_PATH);
  // Run again the same day (by hand): no second mail.
  inWriterTrigger(fake, () => dailyJobs());
  expect(fake.mails.filter((m) => m.subject.includes('节假日安排'))).toHaveLength(2);

  fake.toasts.length = 0;
  as(fake, 'admin');
  onOpen({ authMode: 'LIMITED' } as unknown as GoogleAppsScript.Events.SheetsOnOpen);
  expect(fake.toasts.map((t) => t.message)).toEqual([expect.stringContaining(MENU_PATH)]);

  fake.toasts.length = 0;
  as(fake, 'staff');
  onOpen({ authMode: 'LIMITED' } as unknown as GoogleAppsScript.Events.SheetsOnOpen);
  expect(fake.toasts).toEqual([]);

  setNow('2026-10-30');
  as(fake, 'admin');
  onOpen({ authMode: 'LIMITED' } as unknown as GoogleAppsScript.Events.SheetsOnOpen);
  expect(fake.toasts).toEqual([]);
});
