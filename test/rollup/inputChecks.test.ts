/**
 * The roll-up refuses what it cannot count correctly. Generated county files hold good rows
 * and malformed ones of every kind (SPEC §6: a county's file may be typed by hand): each
 * malformed row is reported by file, row and column, in Chinese, and left out of every number.
 */
import fc from 'fast-check';
import { crossCheck, mergeRollups, rollUp, SeenRows } from '../../src/domain/rollup/aggregate';
import { isLiftedOut } from '../../src/domain/rollup/caseFacts';
import { COUNTIES } from '../../src/defaults/counties';
import { makeId } from '../helpers/idNumbers';
import { HEADER } from './fixtures';

const CODES = COUNTIES.map((c) => c.code);
const opts = { year: 2026, today: '2026-11-23', counties: CODES };
const NAMES = ['王秀英', '李明', '赵芳', '孙丽', '周建国', '陈静', '刘洋', '张敏', '吴桂兰', '郑海波'];

type Row = Record<string, unknown>;

/** A good filed case of county `code`, serial `n`. */
function good(code: string, n: number): Row {
  const region = code === 'H02' ? '420822' : code === 'H03' ? '420881' : '420821';
  return {
    职工编号: `${code}${String(n).padStart(5, '0')}`,
    县区代码: code,
    状态: '已备案',
    姓名: NAMES[n % NAMES.length],
    性别: n % 2 ? '男' : '女',
    年龄: 40 + (n % 20),
    身份证号: makeId(region, `19${70 + (n % 25)}-0${1 + (n % 9)}-1${n % 10}`, n % 500, n % 2 ? '男' : '女'),
    家庭人口: 3,
    困难类别: '低保户',
    致困原因: '因病',
    救助项目: 'medical',
    帮扶类别: '医疗救助',
    核定救助金额: 1600,
    已发放金额: 1600,
    提交日期: new Date(2026, 2, 1 + (n % 20)),
    建档年度: 2026,
    农民工: '否',
    劳模类型: '无',
    逾期: false,
  };
}

const HEADER_WITH_MEMBERS = [...HEADER, '家庭成员'];
const table = (rows: Row[]): unknown[][] => [HEADER_WITH_MEMBERS, ...rows.map((r) => HEADER_WITH_MEMBERS.map((h) => (r[h] ?? '') as unknown))];

/** Each malformed kind: the row, and words its report must contain. */
function malformed(): { row: Row; says: string }[] {
  return [
    { row: { ...good('H01', 101), 提交日期: '2026-02-30' }, says: '“提交日期”：“2026-02-30”不是有效日期' },
    { row: { ...good('H01', 102), 状态: '已退出', 退出日期: '2026/13/05', 退出原因: '生活稳定' }, says: '“退出日期”：“2026/13/05”不是有效日期' },
    { row: { ...good('H01', 103), 公示开始: '下周一' }, says: '“公示开始”：“下周一”不是有效日期' },
    { row: { ...good('H09', 1) }, says: '“县区代码”：“H09”不是“设置”中的县区' },
    { row: { ...good('H01', 104), 县区代码: 'H1' }, says: '“县区代码”：“H1”格式不对' },
    { row: { ...good('H01', 105), 职工编号: 'H0200105' }, says: '“职工编号”：H0200105 属于县区 H02，与县区代码 H01 不一致' },
    { row: { ...good('H01', 106), 职工编号: 'H01-106' }, says: '“职工编号”：“H01-106”格式不对' },
    { row: { ...good('H01', 107), 状态: '已审批', 核定救助金额: '' }, says: '“核定救助金额”：状态为“已审批”却未填写' },
    { row: { ...good('H01', 108), 已发放金额: '一千' }, says: '“已发放金额”：“一千”不是有效金额' },
    {
      row: { ...good('H01', 109), 家庭人口: 4, 家庭成员: JSON.stringify([{ name: '周建国', relation: '配偶' }]) },
      says: '“家庭人口”：填写 4 人，家庭成员表列出 1 人',
    },
    { row: { ...good('H01', 110), 家庭人口: '三口' }, says: '“家庭人口”：“三口”不是正整数' },
    { row: { ...good('H01', 111), 状态: '已通过' }, says: '“状态”：“已通过”无法识别' },
  ];
}

test('every malformed row is reported by file, row and column and counted nowhere', () => {
  const goodRows = Array.from({ length: 20 }, (_, i) => good('H01', i + 1));
  const bad = malformed();
  // Good and bad interleaved: row numbers in the report are sheet rows (header = row 1).
  const rows: Row[] = [];
  const expected: string[] = [];
  goodRows.forEach((g, i) => {
    rows.push(g);
    if (i < bad.length) {
      rows.push(bad[i].row);
      expected.push(`京山.xlsx第${rows.length + 1}行${bad[i].says}`);
    }
  });
  const r = rollUp([{ name: '京山.xlsx', county: 'H01', values: table(rows) }], opts);
  expect(r.rowsRead).toBe(goodRows.length + bad.length);
  expect(r.rowsCounted).toBe(goodRows.length);
  expect(r.problems).toHaveLength(bad.length);
  expected.forEach((e, i) => expect(r.problems[i]).toContain(e));
  for (const p of r.problems) expect(p).toMatch(/未计入$/);
  expect(r.city.get('cases')).toBe(20);
  expect(r.city.get('paid_fen.total')).toBe(20 * 160_000);
  expect(() => crossCheck(r)).not.toThrow();
});

test('an exact duplicate row and a worker number used by two people are refused, also across files', () => {
  const a = good('H01', 1);
  const b = good('H01', 2);
  const other = { ...good('H01', 3), 职工编号: 'H0100001' }; // 王秀英's number on another person's row
  const sameCaseAgain = { ...a, 提交日期: new Date(2026, 5, 1) }; // the same case, edited copy, in another file
  const seen = new SeenRows();
  const first = rollUp([{ name: '京山1.xlsx', county: 'H01', values: table([a, b, { ...b }]) }], { ...opts, seen });
  const second = rollUp([{ name: '京山2.xlsx', county: 'H01', values: table([{ ...a }, other, sameCaseAgain]) }], { ...opts, seen });
  expect(first.problems).toEqual(['京山1.xlsx第4行与京山1.xlsx第3行完全相同（重复行），未计入']);
  expect(second.problems).toEqual([
    '京山2.xlsx第2行与京山1.xlsx第2行完全相同（重复行），未计入',
    '京山2.xlsx第3行“职工编号”：H0100001 已在京山1.xlsx第2行用于另一身份证号的职工，未计入',
    '京山2.xlsx第4行“职工编号”：H0100001 已在京山1.xlsx第2行计入（同一案件重复），未计入',
  ]);
  const all = mergeRollups([first, second], 2026, CODES);
  expect(all.city.get('cases')).toBe(2);
  expect(() => crossCheck(all)).not.toThrow();
});

test('the county rows are exactly the configured counties, zeros included, and 全市 is their sum', () => {
  const r = rollUp([{ name: '沙洋', county: 'H02', values: table([good('H02', 1), good('H02', 2)]) }], opts);
  expect(r.counties.map((c) => c.county)).toEqual(CODES);
  expect(r.counties.find((c) => c.county === 'H01')!.measures.size).toBe(0);
  expect(r.counties.find((c) => c.county === 'H02')!.measures.get('cases')).toBe(2);
  expect(r.city.get('cases')).toBe(2);
});

test('archived families are approved or filed and not exited; 脱困 counts only exits for that reason', () => {
  const rows = [
    good('H01', 1),
    { ...good('H01', 2), 状态: '已审批' },
    { ...good('H01', 3), 状态: '待审核', 核定救助金额: '', 已发放金额: '' },
    { ...good('H01', 4), 状态: '已退回', 核定救助金额: '', 已发放金额: '' },
    { ...good('H01', 5), 状态: '已退出', 退出日期: new Date(2026, 4, 1), 退出原因: '经帮扶实现就业，生活稳定' },
    { ...good('H01', 6), 状态: '已退出', 退出日期: new Date(2026, 4, 2), 退出原因: '调离本市' },
    { ...good('H01', 7), 状态: '已退出', 退出日期: new Date(2026, 4, 3), 退出原因: '本人去世' },
    { ...good('H01', 8), 状态: '已退出', 退出日期: new Date(2025, 4, 3), 退出原因: '生活稳定' },
  ];
  const r = rollUp([{ name: '京山', county: 'H01', values: table(rows) }], opts);
  expect(r.problems).toEqual([]);
  expect(r.city.get('archived')).toBe(2);
  expect(r.city.get('archived.category.低保户')).toBe(2);
  expect(r.city.get('exited')).toBe(3);
  expect(r.city.get('lifted')).toBe(1);
});

test('exit reasons: union help that stabilised a family is 脱困; moving, death, exclusion and clean-up are not', () => {
  for (const yes of ['生活稳定', '已脱困', '家庭收入提高，解困', '子女已就业，生活好转']) expect(isLiftedOut(yes)).toBe(true);
  for (const no of ['调离本市', '本人去世', '不再符合条件', '档案清理', '迁出本市，生活稳定', '']) expect(isLiftedOut(no)).toBe(false);
});

test('whatever the rows, each is either counted or reported, and the counties add up to 全市 for every measure', () => {
  const arbRow = fc.record({
    county: fc.constantFrom('H01', 'H02', 'H03', 'H09', 'H1', ''),
    serial: fc.integer({ min: 1, max: 40 }),
    status: fc.constantFrom('待审核', '公示中', '已审批', '已备案', '已退出', '已通过'),
    size: fc.constantFrom<unknown>(1, 2, 3, 5, '三口', 0),
    paid: fc.constantFrom<unknown>('', 0, 550, 1600.5, '一千'),
    approved: fc.constantFrom<unknown>('', 3000),
    date: fc.constantFrom<unknown>('', new Date(2026, 1, 3), '2026-02-30', '2026-03-01', '2026/13/05'),
  });
  fc.assert(
    fc.property(fc.array(arbRow, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 3 }), (specs, files) => {
      const seen = new SeenRows();
      const parts = Array.from({ length: files }, (_, f) => {
        const rows = specs
          .filter((_, i) => i % files === f)
          .map((s) => ({
            ...good(s.county === 'H02' || s.county === 'H03' ? s.county : 'H01', s.serial),
            县区代码: s.county,
            状态: s.status,
            家庭人口: s.size,
            已发放金额: s.paid,
            核定救助金额: s.approved,
            提交日期: s.date,
          }));
        return rollUp([{ name: `县区${f + 1}.xlsx`, county: '', values: table(rows) }], { ...opts, seen });
      });
      const all = mergeRollups(parts, 2026, CODES);
      expect(all.rowsCounted + all.problems.length).toBe(all.rowsRead);
      expect(all.city.get('cases') ?? 0).toBe(all.rowsCounted);
      expect(() => crossCheck(all)).not.toThrow();
      for (const p of all.problems) expect(p).toMatch(/^县区\d\.xlsx第\d+行/);
    }),
    { numRuns: 150 },
  );
});
