/**
 * The 一日捐 rules of 保定市总工会《关于开展第二期“职工互助一日捐”活动的通知》 (SPEC §7) at
 * their edges: two participation bases, the split of 市区内 money only, the first-campaign
 * floor, the donor register, the 20-day deadline.
 */
import fc from 'fast-check';
import { donationStandard, rollUpDonations, DONATION_HEADER, REGISTER_HEADER } from '../../src/domain/donation';
import { currentCampaign, parseCampaigns, remittanceDeadline } from '../../src/domain/campaigns';
import { defaultCampaignRows } from '../../src/defaults/campaigns';
import { maskName } from '../../src/domain/reports/mask';
import { donationPostingLayout } from '../../src/domain/reports/donation';
import { defaultDonationStandardRows } from '../../src/defaults/sheetRows';

const std = donationStandard(defaultDonationStandardRows(), '2026-11-23');
const H = [...DONATION_HEADER];
/** A 捐款 row by label. */
const row = (r: Partial<Record<(typeof DONATION_HEADER)[number], unknown>>) => H.map((h) => (r[h] ?? '') as unknown);
const today = '2026-11-30';

test('SPEC §8: with 10,000 members and 40,000 workers a county union needs 2,700 donors, a 达标县级工会 14,000', () => {
  const unit = (type: string, donors: number) =>
    row({ 单位: '京山县总工会', 县区代码: 'H01', 单位类型: type, 会员数: 10_000, 职工数: 40_000, 捐款人数: donors, '捐款金额（元）': donors * 36 });
  const d = rollUpDonations([H, unit('县区/产业工会', 2700), unit('县区/产业工会', 2699), unit('达标县级工会', 14_000), unit('达标县级工会', 13_999)], std, {
    today,
  });
  expect(d.units.map((u) => u.flags)).toEqual([[], ['捐款人数占会员总数 26.99%，低于 27%'], [], ['捐款人数占职工总数 34.99%，低于 35%']]);
});

test('a directly affiliated union is measured against its workers, not its members; a missing base is flagged, not passed', () => {
  const d = rollUpDonations(
    [
      H,
      row({ 单位: '轻机厂工会', 县区代码: 'H01', 单位类型: '直属基层工会', 会员数: 100, 职工数: 200, 捐款人数: 160, '捐款金额（元）': 5760 }),
      row({ 单位: '纺织厂工会', 县区代码: 'H01', 单位类型: '直属基层工会', 会员数: 200, 职工数: 200, 捐款人数: 159, '捐款金额（元）': 5724 }),
      row({ 单位: '化工厂工会', 县区代码: 'H02', 单位类型: '直属基层工会', 会员数: 100, 捐款人数: 90, '捐款金额（元）': 3240 }),
    ],
    std,
    { today },
  );
  expect(d.units.map((u) => u.flags)).toEqual([[], ['捐款人数占职工总数 79.5%，低于 80%'], ['未填职工数，无法核对捐款人数是否达到职工总数的 80%']]);
});

test("only 市区内 money is split 4 % / 96 %; a county's own collection stays the county's, and the parts add up", () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ fen: fc.integer({ min: 0, max: 5_000_000 }), city: fc.boolean(), county: fc.constantFrom('H01', 'H02', 'H08') }), {
        minLength: 1,
        maxLength: 20,
      }),
      (units) => {
        const d = rollUpDonations(
          [
            H,
            ...units.map((u, i) =>
              row({
                单位: `单位${i}`,
                县区代码: u.county,
                单位类型: '县区/产业工会',
                市区内: u.city ? '是' : '否',
                会员数: 10,
                捐款人数: 3,
                '捐款金额（元）': u.fen / 100,
              }),
            ),
          ],
          std,
          { today, counties: ['H01', 'H02', 'H08'] },
        );
        const cityMoney = units.filter((u) => u.city).reduce((s, u) => s + u.fen, 0);
        expect(d.total.cityDistrictFen).toBe(cityMoney);
        expect(d.total.provinceFen + d.total.cityFen).toBe(cityMoney);
        expect(d.total.countyFen).toBe(units.reduce((s, u) => s + u.fen, 0) - cityMoney);
        expect(d.total.provinceFen).toBe(Math.floor((cityMoney * 40_000 + 500_000) / 1_000_000));
        for (const k of ['amountFen', 'cityDistrictFen', 'countyFen', 'donors'] as const) expect(d.counties.reduce((s, c) => s + c[k], 0)).toBe(d.total[k]);
      },
    ),
  );
});

test("a total below the first campaign's is flagged; no rise over the previous campaign and no posting are hints", () => {
  const d = rollUpDonations(
    [
      H,
      row({
        单位: '东宝区总工会',
        县区代码: 'H04',
        单位类型: '县区/产业工会',
        会员数: 1000,
        捐款人数: 300,
        '捐款金额（元）': 10_800,
        '首期募集金额（元）': 12_000,
        上期捐款人数: 320,
        '上期捐款金额（元）': 10_800,
      }),
    ],
    std,
    { today },
  );
  expect(d.units[0].flags).toEqual(['募集总额 10800 元低于首期 12000 元']);
  expect(d.units[0].hints).toEqual(['捐款人数未比上期（320 人）增加', '捐款金额未比上期（10800 元）增加', '尚未在本单位或社区公示捐款人数和金额']);
});

test('the donor register must agree with the reported figures, and the posting masks the names', () => {
  const values = [
    H,
    row({ 单位: '轻机厂工会', 县区代码: 'H01', 单位类型: '直属基层工会', 职工数: 3, 会员数: 3, 捐款人数: 3, '捐款金额（元）': 150, 公示日期: '2026-12-05' }),
  ];
  const register = [
    [...REGISTER_HEADER],
    ['轻机厂工会', 'H01', '王秀英', 50, '2026-11-25'],
    ['轻机厂工会', 'H01', '李明', 50, '2026-11-25'],
    ['轻机厂工会', 'H01', '欧阳建国', 40, '2026-11-26'],
  ];
  const d = rollUpDonations(values, std, { today, register });
  expect(d.units[0].flags).toEqual(['捐款职工名册 3 人 140 元，与填报的 3 人 150 元不一致']);
  register[3][3] = 50;
  const ok = rollUpDonations(values, std, { today, register });
  expect(ok.units[0].flags).toEqual([]);
  const posting = donationPostingLayout(ok).values;
  expect(posting.map((r) => r[1]).filter((v) => typeof v === 'string' && v.includes('*'))).toEqual(['王*英', '李*', '欧**国']);
  expect(JSON.stringify(posting)).not.toContain('王秀英');
  expect(maskName('张')).toBe('张');
});

test('collection and remittance within 20 days of the mobilisation: late or missing remittance after the deadline is flagged', () => {
  const { campaigns } = parseCampaigns(defaultCampaignRows());
  const c = currentCampaign(campaigns, '一日捐', today)!;
  expect(c.name).toBe('2026年度职工互助一日捐');
  const deadline = remittanceDeadline(c, std.collectionDays);
  expect(deadline).toBe('2026-12-10');
  const unit = (remitted: string) =>
    row({ 单位: `单位${remitted}`, 县区代码: 'H01', 单位类型: '县区/产业工会', 会员数: 100, 捐款人数: 30, '捐款金额（元）': 1080, 上解日期: remitted });
  const before = rollUpDonations([H, unit('')], std, { today: '2026-12-10', deadline });
  expect(before.units[0].flags).toEqual([]);
  const after = rollUpDonations([H, unit(''), unit('2026-12-09'), unit('2026-12-11')], std, { today: '2026-12-11', deadline });
  expect(after.units.map((u) => u.flags)).toEqual([['期限 2026-12-10 已过，尚未上解'], [], ['2026-12-11 上解，晚于期限 2026-12-10']]);
});

test('a 捐款 sheet from before 职工数 and 市区内 still rolls up, with the old 省级模范县区 label', () => {
  const old = [
    ['单位', '县区代码', '单位类型', '会员数', '捐款人数', '捐款金额（元）'],
    ['钟祥市总工会', 'H03', '省级模范县区', 2000, 700, 25200],
  ];
  const d = rollUpDonations(old, std, { today });
  expect(d.total.amountFen).toBe(2_520_000);
  expect(d.units[0].flags).toEqual(['未填职工数，无法核对捐款人数是否达到职工总数的 35%']);
});

test('a campaign row with a bad kind or dates is named and skipped; the latest started campaign of a kind is in force', () => {
  const rows = [
    ...defaultCampaignRows(),
    ['下一期一日捐', '一日捐', '2027-11-20', '2027-12-31', '2027-11-22', '', '', ''],
    ['坏行', '慰问', '2026-01-01', '2026-02-01', '', '', '', ''],
    ['坏日期', '一日捐', '2026-13-01', '2026-12-01', '', '', '', ''],
  ];
  const { campaigns, problems } = parseCampaigns(rows);
  expect(problems).toEqual([
    '“活动”表第6行（坏行）：类型应为一日捐、送温暖、三万之一，已跳过',
    '“活动”表第7行（坏日期）：开始日期、结束日期应为日期且结束不早于开始，已跳过',
  ]);
  expect(currentCampaign(campaigns, '一日捐', '2027-11-21')!.name).toBe('下一期一日捐');
  expect(currentCampaign(campaigns, '一日捐', '2026-11-19')).toBeNull();
  expect(currentCampaign(campaigns, '送温暖', '2026-12-22')!.deadline).toBe('2027-01-12');
});
