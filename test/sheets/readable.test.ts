/**
 * Shared sheets a person can read: 家庭成员 and 异议记录 as Chinese text, 变更字段 as
 * “标签：旧 → 新”, 救助项目 by its Chinese name, flags as checkboxes — and nothing lost:
 * what is written reads back to the same values.
 */
import fc from 'fast-check';
import { defaultFields } from '../../src/defaults/forms';
import { normalizeValue, rowsFromText, toCellValue } from '../../src/domain/forms/values';
import { objectionsText, readObjections } from '../../src/domain/workflow/transitions';
import { changesText } from '../../src/sheets/audit';
import { setNow } from '../../src/server/clock';
import { getIntakeForm, saveCase } from '../../src/server/intake';
import { reviewAction } from '../../src/server/review';
import { as, makeId, newWorkbook, records, rid, sheet, wangXiuying } from '../server/fixtures';

afterAll(() => setNow(null));

const members = defaultFields().find((f) => f.key === 'members')!;
const scheme = defaultFields().find((f) => f.key === 'scheme')!;

describe('家庭成员 in a cell', () => {
  it('reads as Chinese: the name, then the filled columns by their labels', () => {
    const rows = normalizeValue(members, [
      { name: '王秀英', relation: '配偶', sex: '女', status: '无业', income: 0 },
      { name: '周小明', relation: '子女', sex: '男', status: '在校', employer: '京山县第一中学' },
    ]);
    expect(toCellValue(members, rows)).toBe(
      '王秀英（关系：配偶，性别：女，年收入：0，就业/就学状况：无业）；周小明（关系：子女，性别：男，就业/就学状况：在校，工作单位或学校：京山县第一中学）',
    );
  });

  it('quotes a value with a separator or a quote mark, and reads it back exactly', () => {
    const rows = normalizeValue(members, [
      { name: '阿依古丽·买买提', relation: '配偶', employer: '京山县“红星”纺织厂（二分厂），车间；甲班' },
      { name: 'O\'Neil, "Jr."', relation: '其他' },
      { name: '张伟、张小雨', relation: '子女' },
    ]);
    const cell = String(toCellValue(members, rows));
    expect(cell).toContain('工作单位或学校：“京山县“红星””纺织厂（二分厂），车间；甲班”');
    expect(normalizeValue(members, cell)).toEqual(rows);
  });

  it('round trip for any household: written text reads back to the same rows', () => {
    const text = fc.string({
      unit: fc.constantFrom('王', '秀', '英', '（', '）', '：', '，', '；', '“', '”', '、', ',', '"', ' ', 'A', '1', '[', ']', '{', '\n'),
      maxLength: 12,
    });
    const row = fc.record({
      name: text,
      relation: fc.constantFrom('配偶', '子女', '父母', ''),
      sex: fc.constantFrom('男', '女', ''),
      education: text,
      income: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
      status: text,
      employer: text,
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), (input) => {
        const rows = normalizeValue(members, input);
        const cell = toCellValue(members, rows);
        expect(normalizeValue(members, cell)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('still reads the JSON that earlier versions wrote, and refuses text it cannot read', () => {
    const json = JSON.stringify([{ name: '周建国', relation: '配偶', income: 0 }]);
    expect(normalizeValue(members, json)).toEqual([expect.objectContaining({ name: '周建国', relation: '配偶', income: 0 })]);
    expect(rowsFromText('周建国（爱好：钓鱼）', members.columns!)).toBeNull(); // no such column
    expect(rowsFromText('周建国（关系：配偶', members.columns!)).toBeNull(); // unclosed
    expect(rowsFromText('张伟、张小雨', members.columns!)).toBeNull(); // two people typed as one
  });
});

describe('异议记录', () => {
  it('reads as dated entries and reads back, a reason with separators included', () => {
    const list = [
      { on: '2026-11-20', by: 'lina@jszgh.cn', reason: '群众反映：其配偶另有收入，每月约 3,000 元；需核实' },
      { on: '2026-11-24', by: 'wangqiang@jszgh.cn', reason: '单位公示栏未张贴' },
    ];
    const text = objectionsText(list);
    expect(text).toBe(
      '2026-11-20（记录人：lina@jszgh.cn，异议：“群众反映：其配偶另有收入，每月约 3,000 元；需核实”）；2026-11-24（记录人：wangqiang@jszgh.cn，异议：单位公示栏未张贴）',
    );
    expect(readObjections(text)).toEqual(list);
  });

  it('keeps a note typed by hand and the JSON of earlier versions', () => {
    expect(readObjections('有人反映其家庭另有住房')).toEqual([{ on: '', by: '', reason: '有人反映其家庭另有住房' }]);
    expect(readObjections('[{"on":"2025-10-10","by":"a@b.cn","reason":"x"}]')).toEqual([{ on: '2025-10-10', by: 'a@b.cn', reason: 'x' }]);
  });
});

describe('变更字段', () => {
  it('names each field by its label and shows old → new', () => {
    expect(
      changesText([
        { field: 'address', label: '家庭住址', before: '京山县新市镇解放路 1 号', after: '京山县新市镇解放路 3 号' },
        { field: 'marital_status', label: '婚姻状况', before: null, after: '已婚' },
        { field: 'status', before: '公示中', after: '待审批' },
        { field: 'overdue', before: true, after: false },
      ]),
    ).toBe('家庭住址：京山县新市镇解放路 1 号 → 京山县新市镇解放路 3 号；婚姻状况：（空） → 已婚；状态：公示中 → 待审批；逾期：是 → 否');
  });
});

describe('救助项目 by its Chinese name', () => {
  it('is written as the name and read back as the scheme', () => {
    expect(toCellValue(scheme, 'medical')).toBe('特困职工医疗救助');
    expect(normalizeValue(scheme, '特困职工医疗救助')).toBe('medical');
  });
});

test('through the add-on: members with commas and quotes, the scheme, flags and the log as a person reads them', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'staff');
  const household: { [k: string]: string | number }[] = [
    { name: '周建国', relation: '配偶', sex: '男', health: '患病', income: 0, status: '无业' },
    {
      name: '周"小"雨，二',
      relation: '子女',
      sex: '女',
      id_number: makeId('420821', '2008-05-01', 12, '女'),
      status: '在校',
      employer: '京山县第一中学（高中部）',
    },
  ];
  expect(saveCase({ requestId: rid(), values: wangXiuying({ members: household }) }).ok).toBe(true);
  const row = records(fake, '案件')[0];
  expect(row['家庭成员']).toBe(
    `周建国（关系：配偶，性别：男，健康状况：患病，年收入：0，就业/就学状况：无业）；“周"小"雨，二”（关系：子女，性别：女，身份证号：${household[1].id_number}，就业/就学状况：在校，工作单位或学校：“京山县第一中学（高中部）”）`,
  );
  expect(row['救助项目']).toBe('特困职工医疗救助');
  expect(row['逾期']).toBe(false);

  // Read back through the form: the same values.
  const model = getIntakeForm('H0100001');
  expect(model.values!.members).toEqual(household.map((m) => expect.objectContaining(m)));
  expect(model.values!.scheme).toBe('medical');

  // Flags are checkboxes in the sheet.
  const header = sheet(fake, '案件').getRange(1, 1, 1, sheet(fake, '案件').getLastColumn()).getValues()[0];
  for (const label of ['逾期', '先行救助待补办']) {
    const rule = sheet(fake, '案件')
      .getRange(2, header.indexOf(label) + 1)
      .getDataValidation();
    expect(rule?.getCriteriaType()).toBe(SpreadsheetApp.DataValidationCriteria.CHECKBOX);
  }

  // An objection during notice: readable in 异议记录, and in the log by labels.
  setNow('2025-10-09');
  as(fake, 'reviewer');
  const version = () => Number(records(fake, '案件')[0]['版本']);
  expect(reviewAction({ requestId: rid(), workerNo: 'H0100001', action: 'pass', version: version() }).ok).toBe(true);
  setNow('2025-10-10');
  expect(reviewAction({ requestId: rid(), workerNo: 'H0100001', action: 'objection', version: version(), reason: '群众反映：另有住房，需核实' }).ok).toBe(true);
  expect(records(fake, '案件')[0]['异议记录']).toBe('2025-10-10（记录人：lina@jszgh.cn，异议：“群众反映：另有住房，需核实”）');
  const log = records(fake, '操作日志');
  const last = String(log[log.length - 1]['变更字段']);
  expect(last).toContain('状态：公示中 → 已退回');
  expect(last).toContain('异议记录：（空） → 2025-10-10（记录人：lina@jszgh.cn');
  expect(last).not.toMatch(/[{}"]|objections|status/);
});
