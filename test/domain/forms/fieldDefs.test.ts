import { defaultFormDefinitions, defaultFormRows } from '../../../src/defaults/forms';
import { FORM_HEADER, FormDefinitionError, formDefinitionsToRows, parseFormDefinitions, type FieldDef } from '../../../src/domain/forms/fieldDefs';

const KEYS_OTHERS_RELY_ON = [
  'name',
  'sex',
  'ethnicity',
  'id_number',
  'birth_date',
  'age',
  'education',
  'political_status',
  'marital_status',
  'health',
  'disability_grade',
  'address',
  'phone',
  'model_worker',
  'employer',
  'employer_type',
  'enterprise_status',
  'work_status',
  'skill_grade',
  'years_of_service',
  'medical_insurance',
  'migrant',
  'contract_years',
  'receives_dibao',
  'own_income',
  'household_income',
  'household_size',
  'per_capita_income',
  'per_capita_monthly',
  'household_expense',
  'medical_self_pay',
  'tuition',
  'disaster_loss',
  'members',
  'causes',
  'cause_detail',
  'hardship_category',
  'emergency',
  'other_programme',
  'needs',
  'measures',
  'assistance_kinds',
  'scheme',
  'relief_base',
  'cadre_name',
  'cadre_phone',
  'card_number',
  'unit_opinion',
  'unit_opinion_date',
];

function field(fields: FieldDef[], key: string): FieldDef {
  const f = fields.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${key}`);
  return f;
}

/** A small sheet an administrator might have: header + the given rows (cells in FORM_HEADER order). */
function sheet(...rows: unknown[][]): unknown[][] {
  return [FORM_HEADER, ...rows];
}
const row = (
  key: string,
  zh: string,
  type: string,
  extra: Partial<Record<'options' | 'required' | 'min' | 'max' | 'pattern' | 'section' | 'roles' | 'order', unknown>> = {},
) => [
  key,
  zh,
  '',
  type,
  extra.options ?? '',
  extra.required ?? '否',
  extra.min ?? '',
  extra.max ?? '',
  extra.pattern ?? '',
  extra.section ?? '基本情况',
  extra.roles ?? '',
  extra.order ?? '',
  '',
  '否',
];

function problemsOf(values: unknown[][]) {
  try {
    parseFormDefinitions(values);
  } catch (e) {
    if (e instanceof FormDefinitionError) return e;
    throw e;
  }
  throw new Error('expected the sheet to be refused');
}

describe('the default form (seed 004 survey form)', () => {
  const form = defaultFormDefinitions();

  it('has every key the other modules rely on', () => {
    const keys = form.fields.map((f) => f.key);
    for (const k of KEYS_OTHERS_RELY_ON) expect(keys).toContain(k);
  });

  it('lists the survey sections in the order of the paper form', () => {
    expect(form.sections.map((s) => s.zh)).toEqual(['基本情况', '工作情况', '收入与家庭', '家庭成员', '致困原因', '帮扶需求与措施', '帮扶责任人']);
  });

  it('gives the household-member table the ten columns of the survey form', () => {
    const members = field(form.fields, 'members');
    expect(members.type).toBe('table');
    expect(members.columns!.map((c) => c.zh)).toEqual([
      '姓名',
      '关系',
      '性别',
      '文化程度',
      '身份证号',
      '健康状况',
      '年收入',
      '就业/就学状况',
      '工作单位或学校',
      '技术等级',
    ]);
  });

  it('stores scheme codes and shows their Chinese names', () => {
    const scheme = field(form.fields, 'scheme');
    expect(scheme.options).toEqual(['medical', 'critical', 'major', 'accident', 'poor-critical', 'living']);
    expect(scheme.optionLabels![scheme.options.indexOf('medical')]).toBe('特困职工医疗救助');
  });

  it('lets only the unit reviewer write the unit union opinion', () => {
    expect(field(form.fields, 'unit_opinion').editRoles).toEqual(['reviewer']);
    expect(field(form.fields, 'name').editRoles).toEqual([]);
  });

  it('marks the fields the server fills as computed', () => {
    const computed = form.fields
      .filter((f) => f.computed)
      .map((f) => f.key)
      .sort();
    expect(computed).toEqual(['age', 'birth_date', 'hardship_category', 'per_capita_income', 'per_capita_monthly', 'sex']);
  });

  it('survives writing to the sheet and reading back unchanged', () => {
    const again = parseFormDefinitions(formDefinitionsToRows(form));
    expect(again).toEqual(form);
  });

  it('is written to the sheet in the words an administrator reads', () => {
    const rows = defaultFormRows();
    expect(rows[0]).toEqual([
      '字段键',
      '中文名称',
      '英文名称',
      '类型',
      '选项',
      '必填',
      '最小值',
      '最大值',
      '格式',
      '分组',
      '可编辑角色',
      '顺序',
      '说明',
      '自动计算',
    ]);
    const opinion = rows.find((r) => r[0] === 'unit_opinion')!;
    expect(opinion[3]).toBe('文本');
    expect(opinion[9]).toBe('帮扶需求与措施');
    expect(opinion[10]).toBe('单位工会审核');
  });
});

describe('an administrator editing 表单定义', () => {
  it('adds a column to the household-member table by adding one row members.phone', () => {
    const rows = defaultFormRows();
    rows.push(['members.phone', '联系电话', 'Phone', '电话', '', '否', '', '', '', '', '', 999, '', '否']);
    const members = parseFormDefinitions(rows).fields.find((f) => f.key === 'members')!;
    expect(members.columns!.map((c) => c.key)).toContain('phone');
    expect(members.columns!.find((c) => c.key === 'phone')!.type).toBe('phone');
  });

  it('accepts codes as well as Chinese words, TRUE/FALSE and English headers', () => {
    const values = [
      ['key', 'zh', 'en', 'type', 'options', 'required', 'min', 'max', 'pattern', 'section', 'editRoles', 'order', 'help', 'computed'],
      ['hobby', '爱好', 'Hobby', 'multiselect', '读书|下棋,书法，太极', true, '', '', '', 'identity', 'staff, 县区总工会', 5, '', false],
    ];
    const [hobby] = parseFormDefinitions(values).fields;
    expect(hobby).toMatchObject({
      key: 'hobby',
      type: 'multiselect',
      options: ['读书', '下棋', '书法', '太极'],
      required: true,
      section: 'identity',
      editRoles: ['staff', 'county'],
    });
  });

  it('orders fields by the 顺序 column, whatever the row order', () => {
    const { fields } = parseFormDefinitions(sheet(row('b', '乙', '文本', { order: 20 }), row('a', '甲', '文本', { order: 10 })));
    expect(fields.map((f) => f.key)).toEqual(['a', 'b']);
  });

  it('creates a new section when the administrator names one the survey form lacks', () => {
    const form = parseFormDefinitions(sheet(row('visit_note', '走访记录', '文本', { section: '走访情况' })));
    expect(form.sections).toEqual([{ key: '走访情况', zh: '走访情况', en: '走访情况' }]);
  });

  it('skips blank rows', () => {
    const form = parseFormDefinitions(sheet(['', '', '', ''], row('name', '姓名', '文本')));
    expect(form.fields).toHaveLength(1);
  });
});

describe('a bad 表单定义 row is refused with its row and column named', () => {
  it('unknown type', () => {
    const e = problemsOf(sheet(row('name', '姓名', '文本'), row('age', '年龄', '数目')));
    expect(e.problems).toEqual([expect.objectContaining({ row: 3, column: '类型' })]);
    expect(e.zh).toContain('第 3 行“类型”列');
    expect(e.zh).toContain('未知类型“数目”');
  });

  it('duplicate key', () => {
    const e = problemsOf(sheet(row('name', '姓名', '文本'), row('name', '名字', '文本')));
    expect(e.problems[0]).toMatchObject({ row: 3, column: '字段键' });
    expect(e.zh).toContain('与第 2 行重复');
  });

  it('a pattern that is not a regular expression', () => {
    const e = problemsOf(sheet(row('code', '编码', '文本', { pattern: '[0-9' })));
    expect(e.problems[0]).toMatchObject({ row: 2, column: '格式' });
  });

  it('min above max', () => {
    const e = problemsOf(sheet(row('age', '年龄', '数字', { min: 120, max: 0 })));
    expect(e.problems[0]).toMatchObject({ row: 2, column: '最小值' });
    expect(e.zh).toContain('最小值 120 大于最大值 0');
  });

  it('a select without options', () => {
    const e = problemsOf(sheet(row('sex', '性别', '单选')));
    expect(e.problems[0]).toMatchObject({ row: 2, column: '选项' });
  });

  it('a key that is not snake_case, or is a system column', () => {
    const e = problemsOf(sheet(row('HouseholdIncome', '家庭年收入', '数字'), row('status', '状态', '文本')));
    expect(e.problems.map((p) => [p.row, p.column])).toEqual([
      [2, '字段键'],
      [3, '字段键'],
    ]);
    expect(e.zh).toContain('与系统列重名');
  });

  it('a table column without its table, and a table without columns', () => {
    const e = problemsOf(sheet(row('pets.name', '名字', '文本', { section: '' }), row('members', '家庭成员', '表格')));
    expect(e.zh).toContain('所属的表格字段“pets”不存在');
    expect(e.zh).toContain('没有子字段');
  });

  it('a table whose 选项 lists a column that has no row', () => {
    const e = problemsOf(sheet(row('members', '家庭成员', '表格', { options: 'name、phone' }), row('members.name', '姓名', '文本', { section: '' })));
    expect(e.problems[0]).toMatchObject({ row: 2, column: '选项' });
    expect(e.zh).toContain('members.phone');
  });

  it('unknown role and bad yes/no', () => {
    const e = problemsOf(sheet(row('note', '备注', '文本', { roles: '街道办', required: '可能' })));
    expect(e.problems.map((p) => p.column).sort()).toEqual(['可编辑角色', '必填']);
  });

  it('collects every problem at once and reports them in English too', () => {
    const e = problemsOf(sheet(row('a', '甲', '数目'), row('b', '', '文本'), row('c', '丙', '数字', { min: 'abc' })));
    expect(e.problems.map((p) => p.row)).toEqual([2, 3, 4]);
    expect(e.en).toContain('row 2, column 类型: unknown type "数目"');
  });

  it('a header without the key column', () => {
    expect(() => parseFormDefinitions([['中文名称', '类型']])).toThrow(/表头缺少列：字段键/);
  });
});
