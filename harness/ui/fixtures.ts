/**
 * Realistic data for the sidebar tests: an intake form as 表单定义 would give it (a subset
 * of the default survey form of seed 004, across every section and every field type, with
 * the household-members table) and a review queue of Jingmen cases.
 *
 * ID numbers carry valid GB 11643 check digits (420802 东宝区, 420821 京山, 420881 钟祥).
 */
import type { CasePreview, FieldDefDto, FormValues, IntakeFormModel, ReviewQueue, UserDto } from '../../src/shared/endpoints';

/** Field definitions as the server sends them: FieldDef, which also has optionLabels for coded choices. */
type Def = FieldDefDto & { optionLabels?: string[] };

let order = 0;
function field(key: string, zh: string, en: string, type: Def['type'], section: string, more: Partial<Def> = {}): Def {
  order += 10;
  return { key, zh, en, type, options: [], required: false, min: null, max: null, pattern: null, section, editRoles: [], help: '', computed: false, order, ...more };
}
const sub = (key: string, zh: string, en: string, type: Def['type'], more: Partial<Def> = {}): Def => field(key, zh, en, type, 'members', more);

export const VALID_ID = '420802197803150034'; // 男, born 1978-03-15
export const VALID_ID_FEMALE = '420821198506211228'; // 女, born 1985-06-21
export const WRONG_CHECK_DIGIT_ID = '420802197803150035';
/** An ID the fake backend reports as already in an active case. */
export const DUPLICATE_ID = '420881199009082411';
export const CHILD_ID = '420802201204050030';

export const FIELDS: Def[] = [
  field('name', '姓名', 'Name', 'text', 'identity', { required: true, max: 30 }),
  field('id_number', '身份证号', 'ID number', 'idcard', 'identity', { required: true, help: '18 位居民身份证号码，出生日期、性别、年龄据此自动填写' }),
  field('sex', '性别', 'Sex', 'select', 'identity', { options: ['男', '女'], computed: true }),
  field('birth_date', '出生日期', 'Date of birth', 'date', 'identity', { min: 1900, max: 2100, computed: true }),
  field('age', '年龄', 'Age', 'number', 'identity', { min: 0, max: 150, computed: true }),
  field('phone', '联系电话', 'Phone', 'phone', 'identity'),
  field('political_status', '政治面貌', 'Political status', 'select', 'identity', { options: ['中共党员', '共青团员', '群众', '民主党派'] }),
  field('employer', '工作单位', 'Employer', 'text', 'work', { required: true, max: 60 }),
  field('work_status', '工作状态', 'Work status', 'select', 'work', { options: ['在岗', '下(待)岗', '病休', '内退'] }),
  field('household_income', '家庭年收入', 'Household annual income', 'number', 'income', { required: true, min: 0, max: 100_000_000, help: '家庭年度总收入（元）' }),
  field('household_size', '家庭人口', 'Household size', 'number', 'income', { required: true, min: 1, max: 30, pattern: '[1-9][0-9]*' }),
  field('per_capita_income', '家庭人均年收入', 'Per-capita annual income', 'number', 'income', { computed: true }),
  field('per_capita_monthly', '家庭人均月收入', 'Per-capita monthly income', 'number', 'income', { computed: true }),
  field('medical_self_pay', '年医疗自付费用', 'Annual medical self-pay', 'number', 'income', { min: 0, max: 100_000_000 }),
  field('members', '家庭成员', 'Household members', 'table', 'members', {
    max: 30,
    help: '以户籍关系为准，不含本人',
    columns: [
      sub('name', '姓名', 'Name', 'text', { required: true, max: 30 }),
      sub('relation', '关系', 'Relation', 'select', { options: ['配偶', '子女', '父母', '兄弟姐妹', '其他'] }),
      sub('id_number', '身份证号', 'ID number', 'idcard'),
      sub('income', '年收入', 'Annual income', 'number', { min: 0, max: 100_000_000 }),
    ],
  }),
  field('causes', '致困原因', 'Causes of hardship', 'multiselect', 'hardship', { options: ['因病', '子女上学', '因意外', '因未就业', '因残', '单亲', '其它'], help: '可多选' }),
  field('hardship_category', '困难类别', 'Hardship category', 'select', 'hardship', { options: ['低保户', '低保边缘户', '意外致困户'], computed: true }),
  field('emergency', '紧急（先救助后补办）', 'Emergency (help first, papers later)', 'select', 'hardship', { options: ['是', '否'] }),
  field('scheme', '救助项目', 'Relief scheme', 'select', 'needs', {
    options: ['medical', 'critical', 'major', 'accident', 'poor-critical', 'living'],
    optionLabels: ['特困职工医疗救助', '十种重大疾病', '其他重大疾病', '重大意外事故', '特困+重大疾病', '生活救助'],
  }),
  field('relief_base', '救助计算基数', 'Relief base amount', 'number', 'needs', { min: 0, max: 100_000_000 }),
  field('card_number', '会员卡/银行卡号', 'Member / bank card no.', 'card', 'needs'),
  field('unit_opinion', '单位工会意见', 'Unit union opinion', 'text', 'needs', { max: 500, editRoles: ['reviewer'] }),
  field('unit_opinion_date', '意见日期', 'Opinion date', 'date', 'needs', { min: 2000, max: 2100, editRoles: ['reviewer'] }),
  field('cadre_name', '帮扶责任人', 'Responsible cadre', 'text', 'cadre', { max: 30 }),
];

export const SECTIONS = [
  { key: 'identity', zh: '基本情况', en: 'Identity' },
  { key: 'work', zh: '工作情况', en: 'Work' },
  { key: 'income', zh: '收入与家庭', en: 'Income and household' },
  { key: 'members', zh: '家庭成员', en: 'Household members' },
  { key: 'hardship', zh: '致困原因', en: 'Causes of hardship' },
  { key: 'needs', zh: '帮扶需求与措施', en: 'Needs and measures' },
  { key: 'cadre', zh: '帮扶责任人', en: 'Responsible cadre' },
];

export const COUNTIES = [
  { code: 'H01', name: '京山' }, { code: 'H02', name: '沙洋' }, { code: 'H03', name: '钟祥' }, { code: 'H04', name: '东宝' },
];

export const STAFF: UserDto = { email: 'wangli@jingmen-union.cn', role: 'staff', roleLabel: '基层工会', county: 'H04' };
export const REVIEWER: UserDto = { email: 'zhaomin@jingmen-union.cn', role: 'reviewer', roleLabel: '单位工会审核', county: 'H04' };

export function intakeModel(over: Partial<IntakeFormModel> = {}): IntakeFormModel {
  return { locale: 'zh-CN', user: STAFF, sections: SECTIONS, fields: FIELDS, counties: COUNTIES, ...structuredClone(over) };
}

/** A filled-in case as getIntakeForm returns it for editing. */
export const EXISTING_VALUES: FormValues = {
  name: '刘桂兰', id_number: VALID_ID_FEMALE, sex: '女', birth_date: '1985-06-21', age: 40, phone: '13972600158',
  political_status: '群众', employer: '京山轻机集团', work_status: '病休', household_income: 21600, household_size: 3,
  per_capita_income: 7200, per_capita_monthly: 600, medical_self_pay: 32000,
  members: [{ name: '陈志强', relation: '配偶', id_number: '', income: 18000 }, { name: '陈雨涵', relation: '子女', id_number: CHILD_ID, income: 0 }],
  causes: ['因病'], hardship_category: '低保边缘户', emergency: '否', scheme: 'medical', relief_base: 32000,
  card_number: '6217002870012345678', unit_opinion: '', unit_opinion_date: '', cadre_name: '周建华',
};

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * What the fake server previews: ID facts, per-capita income, a category against a 低保
 * line of 550 yuan a month (seed 003, Zhengzhou 2016), the medical rule of SPEC §4, warnings.
 */
export function fakePreview(values: FormValues, today = '2025-11-20'): CasePreview {
  const derived: CasePreview['derived'] = {};
  const id = String(values.id_number ?? '');
  if (/^\d{17}[\dX]$/.test(id) && id !== WRONG_CHECK_DIGIT_ID) {
    derived.birth_date = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
    derived.sex = +id[16] % 2 === 1 ? '男' : '女';
    const years = +today.slice(0, 4) - +id.slice(6, 10);
    derived.age = today.slice(5) >= derived.birth_date.slice(5) ? years : years - 1;
  }
  const income = Number(values.household_income);
  const size = Number(values.household_size);
  if (values.household_income !== '' && values.household_income !== undefined && size > 0) {
    derived.per_capita_income = round2(income / size);
    derived.per_capita_monthly = round2(derived.per_capita_income / 12);
    derived.hardship_category = derived.per_capita_monthly < 550 ? '低保户' : derived.per_capita_monthly < 715 ? '低保边缘户' : '';
  }
  if (values.scheme === 'medical' && typeof values.relief_base === 'number') {
    const x = values.relief_base;
    const rate = x >= 100_000 ? 0 : x >= 50_000 ? 0.06 : x >= 20_000 ? 0.08 : x >= 5_000 ? 0.1 : 0;
    derived.suggested_amount = x >= 100_000 ? 8000 : round2(x * rate);
    derived.relief_explain = x >= 100_000
      ? `特困职工医疗救助：自付 ${x} 元 ≥ 100000 元，定额 8000 元`
      : `特困职工医疗救助：自付 ${x} 元，按 ${rate * 100}% 计 ${derived.suggested_amount} 元`;
  }
  const warnings = id === DUPLICATE_ID
    ? [{ code: 'duplicate_id', message: `身份证号 ${id} 已在案件 H0300012（审核中）中，同一人不能重复建档`, needsOverride: true }]
    : [];
  return { derived, errors: [], warnings };
}

export function reviewQueue(over: Partial<ReviewQueue> = {}): ReviewQueue {
  return {
    locale: 'zh-CN',
    user: REVIEWER,
    items: [
      {
        workerNo: 'H0400007', name: '张秀英', county: 'H04', status: 'submitted', statusLabel: '待审核', dueDate: '2025-10-11',
        overdue: true, dueSoon: false, emergency: false, emergencyPending: false, version: 3,
        summary: [
          { label: '工作单位', value: '荆门市东宝区环卫所' }, { label: '困难类别', value: '低保户' },
          { label: '家庭人均月收入', value: '458.33' }, { label: '致困原因', value: '因病、子女上学' },
        ],
        suggestedAmount: 1600, reliefExplain: '特困职工医疗救助：自付 20000 元，按 8% 计 1600 元',
        actions: [
          { key: 'pass', label: '审核通过', needsReason: false, needsAmount: false },
          { key: 'return', label: '退回', needsReason: true, needsAmount: false },
        ],
      },
      {
        workerNo: 'H0400011', name: '李建国', county: 'H04', status: 'submitted', statusLabel: '待审核', dueDate: '2025-11-21',
        overdue: false, dueSoon: true, emergency: true, emergencyPending: true, version: 1,
        summary: [{ label: '工作单位', value: '荆门石化机修车间' }, { label: '致困原因', value: '因意外' }],
        suggestedAmount: 3000, reliefExplain: '重大意外事故：定额 3000 元',
        actions: [
          { key: 'approve', label: '批准', needsReason: false, needsAmount: true },
          { key: 'return', label: '退回', needsReason: true, needsAmount: false },
        ],
      },
      {
        workerNo: 'H0400015', name: '王德明', county: 'H04', status: 'notice', statusLabel: '公示中', dueDate: '2025-12-02',
        overdue: false, dueSoon: false, emergency: false, emergencyPending: false, version: 5,
        summary: [{ label: '公示结束', value: '2025-12-02' }],
        suggestedAmount: null, reliefExplain: '',
        actions: [{ key: 'objection', label: '收到异议', needsReason: true, needsAmount: false }],
      },
    ],
    ...structuredClone(over),
  };
}
