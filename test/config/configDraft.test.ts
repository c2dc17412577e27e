/**
 * The differences a draft makes, as 操作日志 records them: rows matched by their key (邮箱,
 * 字段键, the date, scheme + 生效日期 + 下限, the block of 设置), by row number when keys are
 * missing or repeat; each changed cell under its column's label.
 */
import fc from 'fast-check';
import { diffConfig, gridFingerprint, rowChangeText, trimGrid } from '../../src/config/configDraft';

const HEADER = ['邮箱', '角色', '县区代码', '姓名'];
const PEOPLE = [
  ['zhangmin@jszgh.cn', '基层工会', 'H01', '张敏'],
  ['lina@jszgh.cn', '单位工会审核', 'H01', '李娜'],
  ['wangqiang@jszgh.cn', '县区总工会', 'H01', '王强'],
  ['zhaolei@syzgh.cn', '单位工会审核', 'H02', '赵磊'],
  ['sunli@syzgh.cn', '县区总工会', 'H02', '孙丽'],
];

test('a row moved up is not a change; a removed row is named by its old row; an edited cell by its label', () => {
  const before = [HEADER, ...PEOPLE];
  const after = [HEADER, PEOPLE[1], PEOPLE[0], ['wangqiang@jszgh.cn', '县区总工会', 'H01', '王强（京山）'], PEOPLE[4]];
  const d = diffConfig('人员权限', before, after);
  expect({ added: d.added, changed: d.changed, removed: d.removed }).toEqual({ added: 0, changed: 1, removed: 1 });
  expect(d.rows.map(rowChangeText)).toEqual([
    '第4行（修改）：姓名：王强 → 王强（京山）',
    '原第5行（删除）：邮箱：zhaolei@syzgh.cn → （空）；角色：单位工会审核 → （空）；县区代码：H02 → （空）；姓名：赵磊 → （空）',
  ]);
});

test('two rows with the same key are compared by row number', () => {
  const before = [HEADER, PEOPLE[0], PEOPLE[1]];
  const after = [HEADER, PEOPLE[0], PEOPLE[0]];
  expect(diffConfig('人员权限', before, after).rows.map(rowChangeText)).toEqual([
    '第3行（修改）：邮箱：lina@jszgh.cn → zhangmin@jszgh.cn；角色：单位工会审核 → 基层工会；姓名：李娜 → 张敏',
  ]);
});

test('设置: a dated 低保 row added beside the old one is one new row, in its block', () => {
  const block = [
    ['设置项', '值', '生效日期', '说明'],
    ['低保标准（元/月）', 550, new Date(2016, 0, 1), ''],
    [],
    ['【县区代码】'],
    ['县区代码', '名称'],
    ['H01', '京山'],
  ];
  const after = [...block.slice(0, 2), ['低保标准（元/月）', 620, new Date(2026, 0, 1), '荆门市2026年城市低保标准'], ...block.slice(2)];
  const d = diffConfig('设置', block, after);
  expect(d.rows.map(rowChangeText)).toEqual([
    '第3行（新增）：设置项：（空） → 低保标准（元/月）；值：（空） → 620；生效日期：（空） → 2026-01-01；说明：（空） → 荆门市2026年城市低保标准',
  ]);
});

test('trailing blank rows and columns change neither the differences nor the fingerprint', () => {
  const grid = [HEADER, ...PEOPLE];
  const padded = [...grid.map((r) => [...r, '', '']), ['', '', '', '', '', ''], ['', '', '', '', '', '']];
  expect(diffConfig('人员权限', grid, padded).rows).toEqual([]);
  expect(gridFingerprint('人员权限', padded)).toBe(gridFingerprint('人员权限', grid));
  expect(trimGrid(padded)).toEqual(grid);
});

const person = fc.record({
  user: fc.stringMatching(/^[a-z]{2,8}$/),
  role: fc.constantFrom('基层工会', '单位工会审核', '县区总工会', '市总工会', '管理员'),
  county: fc.constantFrom('H01', 'H02', 'H03', ''),
  name: fc.constantFrom('张敏', '李娜', '王强', '赵磊', '孙丽', '周丽', '陈静'),
});

test('property: the counts add up — removing k rows and adding m gives removed k, added m, and a table against itself gives nothing', () => {
  fc.assert(
    fc.property(fc.uniqueArray(person, { minLength: 1, maxLength: 12, selector: (p) => p.user }), fc.nat(), fc.nat({ max: 3 }), (list, seed, extra) => {
      const rows = list.map((p) => [`${p.user}@jszgh.cn`, p.role, p.county, p.name]);
      const before = [HEADER, ...rows];
      expect(diffConfig('人员权限', before, before).rows).toEqual([]);
      const k = seed % (rows.length + 1);
      const kept = rows.filter((_, i) => i >= k);
      const added = Array.from({ length: extra }, (_, i) => [`new${i}@syzgh.cn`, '基层工会', 'H02', '新同事']);
      const d = diffConfig('人员权限', before, [HEADER, ...kept, ...added]);
      expect({ added: d.added, changed: d.changed, removed: d.removed }).toEqual({ added: extra, changed: 0, removed: k });
    }),
  );
});
