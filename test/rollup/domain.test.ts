/** Pure roll-up rules: the cross-check, masking, sources, shares and thresholds at their edges. */
import fc from 'fast-check';
import { crossCheck, mergeRollups, rollUp } from '../../src/domain/rollup/aggregate';
import { extractSpreadsheetId, parseSources } from '../../src/domain/rollup/sources';
import { maskCard, maskId, maskPhone } from '../../src/domain/reports/mask';
import { donationStandard, shareFen } from '../../src/domain/donation';
import { mergeHandEntries } from '../../src/domain/reports/layout';
import { buildReportSet, REPORT_KINDS, reportRollupOptions } from '../../src/domain/reports/reportSet';
import { isHelped, isInNotice } from '../../src/domain/rollup/caseFacts';
import { warmthStatsLayout } from '../../src/domain/reports/officialForms';
import { defaultDonationStandardRows } from '../../src/defaults/sheetRows';
import { arbId } from '../helpers/idNumbers';
import { JINGSHAN, SHAYANG, rowsOf } from './fixtures';

const opts = { year: 2026, today: '2026-11-23' };

test('the cross-check passes on a real roll-up and names the measure when a county total is tampered with', () => {
  const r = rollUp(
    [
      { name: '京山', county: 'H01', values: rowsOf(JINGSHAN) },
      { name: '沙洋', county: 'H02', values: rowsOf(SHAYANG) },
    ],
    opts,
  );
  expect(() => crossCheck(r)).not.toThrow();
  r.counties[0].measures.set('paid_fen.total', r.counties[0].measures.get('paid_fen.total')! + 1);
  expect(() => crossCheck(r)).toThrow('汇总核对不一致：paid_fen.total（各县区合计 760001，全市 760000）');
});

test('a source without 状态 or 家庭人口 columns is reported as a whole, the others still count', () => {
  const r = rollUp(
    [
      {
        name: '乱表',
        county: 'H05',
        values: [
          ['姓名', '备注'],
          ['张三', ''],
        ],
      },
      { name: '沙洋', county: 'H02', values: rowsOf(SHAYANG) },
    ],
    opts,
  );
  expect(r.problems).toEqual(['乱表：找不到“状态”或“家庭人口”列，整表未计入']);
  expect(r.city.get('cases')).toBe(2);
});

test('masked numbers keep their length and ends and never show a 6-digit run of the middle', () => {
  fc.assert(
    fc.property(arbId(), fc.stringMatching(/^\d{16,19}$/), fc.stringMatching(/^1[3-9]\d{9}$/), (id, card, phone) => {
      const m = [maskId(id), maskCard(card), maskPhone(phone)];
      expect(m.map((x) => x.length)).toEqual([id.length, card.length, phone.length]);
      expect(m[0].startsWith(id.slice(0, 4)) && m[0].endsWith(id.slice(-4))).toBe(true);
      for (const [orig, masked] of [
        [id, m[0]],
        [card, m[1]],
        [phone, m[2]],
      ]) {
        for (const run of masked.match(/\d{6,}/g) ?? []) expect(orig.slice(4, -4)).not.toContain(run);
        expect(masked).not.toContain(orig.slice(4, 10));
      }
    }),
  );
  expect(maskPhone('13872345678')).toBe('138****5678');
});

test('汇总来源: tabs and other spreadsheets by URL or ID; bad rows are named and skipped', () => {
  const url = 'https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit#gid=0';
  expect(extractSpreadsheetId(url)).toBe('1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789');
  const { sources, problems } = parseSources([
    ['名称', '县区代码', '来源类型', '标签页或表格地址', '标签页名称', '启用'],
    ['京山', 'H01', '本表标签页', '京山案件', '', '是'],
    ['钟祥', 'H03', '其他表格', url, '', '是'],
    ['停用的', 'H04', '本表标签页', '东宝案件', '', '否'],
    ['坏地址', 'H05', '其他表格', '网盘里', '', '是'],
    ['坏代码', '5', '本表标签页', '掇刀', '', '是'],
  ]);
  expect(sources.map((s) => [s.name, s.kind, s.location, s.tab])).toEqual([
    ['京山', 'tab', '京山案件', '京山案件'],
    ['钟祥', 'spreadsheet', '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789', '案件'],
  ]);
  expect(problems).toEqual(['汇总来源第5行（坏地址）：“网盘里”不是表格地址或ID，已跳过', '汇总来源第6行（坏代码）：县区代码“5”应如 H01，已跳过']);
});

test('the province share is half up to the fen and the two parts always add up', () => {
  expect(shareFen(1_548_050, 0.04)).toBe(61_922);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e11 }), (fen) => {
      const p = shareFen(fen, 0.04);
      expect(p + (fen - p)).toBe(fen);
      expect(Math.abs(p - fen * 0.04)).toBeLessThanOrEqual(0.5);
    }),
  );
});

test('a standard with a later effective date replaces the old one from that day', () => {
  const rows = [...defaultDonationStandardRows(), ['per_capita_min', '人均捐款下限（元）', 50, '2027-01-01', '', '新一期']];
  expect(donationStandard(rows, '2026-12-31').perCapitaMinFen).toBe(3600);
  expect(donationStandard(rows, '2027-01-01').perCapitaMinFen).toBe(5000);
});

test('hand-entered figures follow their item key, not their row', () => {
  const layout = warmthStatsLayout(new Map(), { unit: '荆门市总工会', year: 2026, today: '2026-11-23' });
  const previous = [
    ['', '', '', '', '', ''],
    ['1(A)', '当地职工总数', 128500, '人', '手工填报', 'w1a'],
    ['5(A)', '筹集', 12.5, '万元', '手工填报', 'w5a'],
  ];
  const merged = mergeHandEntries(layout, previous);
  const at = (k: string) => merged.values.find((r) => r[5] === k)![2];
  expect([at('w1a'), at('w5a'), at('w1b')]).toEqual([128500, 12.5, '']);
});

test("a filed case without its own paid amount counts the city union's amount (else the approved one) as paid", () => {
  const filed = { ...JINGSHAN[0], 已发放金额: '', '救助金额（市总填写）': 1800 };
  const filedNoCity = { ...JINGSHAN[0], 职工编号: 'H0100009', 已发放金额: '', '救助金额（市总填写）': '' };
  const approved = { ...SHAYANG[0], 已发放金额: '' };
  const r = rollUp([{ name: '混合', county: '', values: rowsOf([filed, filedNoCity, approved]) }], opts);
  expect(r.city.get('paid_fen.total')).toBe(180_000 + 160_000);
});

test('rolling up file by file and merging gives the same numbers as one roll-up of all', () => {
  const a = { name: '京山', county: 'H01', values: rowsOf(JINGSHAN) };
  const b = { name: '沙洋', county: 'H02', values: rowsOf(SHAYANG) };
  const whole = rollUp([a, b], opts);
  const merged = mergeRollups([rollUp([a], opts), rollUp([b], opts)], 2026);
  expect(merged.counties).toEqual(whole.counties);
  expect(merged.city).toEqual(whole.city);
  expect([merged.rowsRead, merged.rowsCounted, merged.problems]).toEqual([whole.rowsRead, whole.rowsCounted, whole.problems]);
  expect(() => crossCheck(merged)).not.toThrow();
});

test('helped (SPEC §2): archived families, and emergencies paid first; not yet in notice, no longer once exited', () => {
  const statuses = ['submitted', 'returned', 'notice', 'approval', 'approved', 'filed', 'exited'] as const;
  const helped = (status: (typeof statuses)[number], emergency: boolean, paidFen: number) => isHelped({ status, emergency, paidFen });
  expect(statuses.filter((s) => helped(s, false, 0))).toEqual(['approved', 'filed']);
  expect(statuses.filter((s) => helped(s, false, 300_000))).toEqual(['approved', 'filed']);
  // 先救助后补办: paid before the procedure is complete — but not after the family left.
  expect(statuses.filter((s) => helped(s, true, 300_000))).toEqual(['submitted', 'returned', 'notice', 'approval', 'approved', 'filed']);
  expect(statuses.filter((s) => helped(s, true, 0))).toEqual(['approved', 'filed']);
});

test('the report set keeps for its lists exactly the families each list shows, whatever the mix of reports', () => {
  const r = rollUp(
    [
      { name: '京山', county: 'H01', values: rowsOf(JINGSHAN) },
      { name: '沙洋', county: 'H02', values: rowsOf(SHAYANG) },
    ],
    reportRollupOptions('2026-11-23', REPORT_KINDS),
  );
  // Kept: the families paid in the period (the real-name list, 赵芳 too: paid this year, exited since) and the cases in notice.
  expect(r.kept.map((f) => [f.name, f.periodPaidFen > 0, isInNotice(f)])).toEqual([
    ['王秀英', true, false],
    ['李明', false, true],
    ['赵芳', true, false],
    ['孙丽', true, false],
  ]);
  expect(rollUp([{ name: '京山', county: 'H01', values: rowsOf(JINGSHAN) }], reportRollupOptions('2026-11-23', ['summary', 'dashboard'])).kept).toEqual([]);
  const header = { unit: '荆门市总工会', year: 2026, today: '2026-11-23' };
  const set = buildReportSet(r, ['publicNotice', 'summary'], { countyNames: {}, header, viewer: null });
  expect(set.map((l) => l.name)).toEqual(['汇总', '公示名单']);
});
