/**
 * Campaign deadlines as dated rows of 活动 (SPEC §2.7): in the last three working days before
 * one, the writer's daily job reminds the roles concerned, once a day, and logs it.
 */
import { setNow } from '../../src/server/clock';
import { runCampaignReminder } from '../../src/server/triggers';
import { deadlinesSoon, parseCampaigns } from '../../src/domain/campaigns';
import { defaultCampaignRows } from '../../src/defaults/campaigns';
import { builtInCalendar } from '../../src/defaults/calendar';
import { newWorkbook, OWNER, people, records, sheet, writerJob } from './fixtures';

afterAll(() => setNow(null));

test('three working days before the 送温暖 report is due, the county and city unions are reminded, once a day', () => {
  const fake = newWorkbook('2027-01-06');
  fake.runAs(OWNER, () => {
    const s = sheet(fake, '设置');
    const values = s.getDataRange().getValues();
    s.getRange(values.findIndex((r) => r[0] === '邮件提醒') + 1, 2).setValue('是');
  });
  // Wed 6 January: Thu 7, Fri 8, Mon 11, Tue 12 — four working days before the 12 January deadline: not yet.
  expect(writerJob(fake, runCampaignReminder).reminded).toEqual([]);
  setNow('2027-01-07');
  expect(writerJob(fake, runCampaignReminder).reminded).toEqual(['2027年元旦春节送温暖']);
  const mailed = fake.mails.map((m) => m.to).sort();
  expect(mailed).toEqual([people.city.email, people.county.email, people.shayangCounty.email].sort());
  expect(fake.mails[0].subject).toBe('【帮扶】2027年元旦春节送温暖：2027-01-12 前报送总结和两张统计表（还有 3 个工作日）');
  const log = records(fake, '操作日志');
  expect(log[log.length - 1]).toMatchObject({ 操作: '活动截止提醒' });
  // The same day again: nothing more.
  expect(writerJob(fake, runCampaignReminder).reminded).toEqual([]);
  expect(fake.mails).toHaveLength(3);
});

test('the 一日捐 deadline is 20 days after the mobilisation; a past deadline reminds nobody', () => {
  const { campaigns } = parseCampaigns(defaultCampaignRows());
  const cal = builtInCalendar([]);
  expect(deadlinesSoon(campaigns, '2026-12-07', cal, 3, 20).map((d) => [d.campaign.name, d.deadline, d.workdaysLeft])).toEqual([
    ['2026年度职工互助一日捐', '2026-12-10', 3],
  ]);
  expect(deadlinesSoon(campaigns, '2026-12-10', cal, 3, 20).map((d) => d.workdaysLeft)).toEqual([0]);
  expect(deadlinesSoon(campaigns, '2026-12-11', cal, 3, 20)).toEqual([]);
});
