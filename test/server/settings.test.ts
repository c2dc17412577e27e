/**
 * The 设置 sheet: dated values (the 低保 line changes by year), the county and deadline
 * blocks, and typos reported without stopping the workbook.
 */
import { parseSettings } from '../../src/config/settings';
import { defaultSettingsRows } from '../../src/defaults/sheetRows';

const COUNTIES = [
  { code: 'H01', name: '京山' },
  { code: 'H02', name: '沙洋' },
];

test('the defaults read back as written: letter H, 550 yuan from 2016, counties, deadlines', () => {
  const s = parseSettings(defaultSettingsRows(COUNTIES), []);
  expect(s.provinceLetter).toBe('H');
  expect(s.dibaoLine('2025-09-30')).toBe(550);
  expect(s.dibaoLine('2015-12-31')).toBeNull();
  expect(s.counties).toEqual(COUNTIES.map((c) => ({ ...c, dibaoRecipients: null })));
  expect(s.topUpQuota).toBe(0.05);
  expect(s.notifications).toBe(false);
  expect(s.annualReviewStart).toBe('04-01');
  expect(s.dailyHour).toBe(7);
  expect(s.locale).toBe('auto');
  expect(s.deadlines().byStep.quarterly_stats[0].workdays).toBe(7);
  expect(s.problems).toEqual([]);
});

test('a new 低保 line with a later 生效日期 applies from that day only', () => {
  const rows = defaultSettingsRows(COUNTIES);
  rows.splice(3, 0, ['低保标准（元/月）', 620, '2026-01-01', '2026 年调整']);
  const s = parseSettings(rows, []);
  expect(s.dibaoLine('2025-12-31')).toBe(550);
  expect(s.dibaoLine('2026-01-01')).toBe(620);
});

test('typos are reported and fall back to defaults; a broken deadline table fails when a deadline is needed', () => {
  const rows = defaultSettingsRows(COUNTIES).map((r) => [...r]);
  const letter = rows.findIndex((r) => r[0] === '省代码字母');
  rows[letter][1] = 'HB';
  rows.push(['每周例会', '周一']);
  const quarterly = rows.findIndex((r) => r[0] === '季度统计上报');
  rows[quarterly][1] = '七天';
  const s = parseSettings(rows, []);
  expect(s.provinceLetter).toBe('H');
  expect(s.problems.join('；')).toContain('省代码字母“HB”应为一个英文字母');
  expect(() => s.deadlines()).toThrow('期限表有误');
  expect(s.problems.join('；')).toContain('工作日');
});

test('a leftover 期限 row of a stage now in 审批流程 is named, not used', () => {
  const rows = defaultSettingsRows(COUNTIES).map((r) => [...r]);
  rows.push(['审核', 2, '2006-01-01', '', '']);
  const s = parseSettings(rows, COUNTIES);
  expect(s.problems).toEqual(['期限表中“审核”一行已不再使用：各环节的期限在“审批流程”表中设置，请在该表修改后删除本行']);
  expect(s.deadlines().byStep.quarterly_stats[0].workdays).toBe(7);
});

test('without a county block the default counties apply', () => {
  const s = parseSettings(
    [
      ['设置项', '值', '生效日期', '说明'],
      ['邮件提醒', '是'],
    ],
    COUNTIES,
  );
  expect(s.counties).toEqual(COUNTIES);
  expect(s.notifications).toBe(true);
  expect(s.deadlines().byStep.annual_review[0].monthDay).toBe('04-30');
});
