/**
 * Realistic data for the sidebar tests: the intake form exactly as getIntakeForm() gives it
 * (the built add-on, in a fresh workbook after setup: the default survey form of seed 004,
 * every section and field type, the household-members table), so the pages are tested
 * against what the server really sends; and a review queue of Jingmen cases.
 *
 * ID numbers carry valid GB 11643 check digits (420802 东宝区, 420821 京山, 420881 钟祥).
 */
import type { CasePreview, FieldDefDto, FormValues, IntakeFormModel, ReviewQueue, UserDto } from '../../src/shared/endpoints';
import { createFakeGas } from '../gas';
import { callEntry, loadBundle } from '../loadBundle';

/** Field definitions as the server sends them: FieldDef, which also has optionLabels for coded choices. */
type Def = FieldDefDto & { optionLabels?: string[] };

const OWNER = 'owner@jmszgh.cn';
const PEOPLE = [
  { email: 'wangli@jingmen-union.cn', role: '基层工会', county: 'H04', name: '王丽' },
  { email: 'zhaomin@jingmen-union.cn', role: '单位工会审核', county: 'H04', name: '赵敏' },
];

/**
 * getIntakeForm() for each of PEOPLE, answered by dist/Code.js in its own global scope (as
 * Apps Script loads it) over a workbook the owner has just set up; passed through JSON as
 * google.script.run passes it.
 */
function realIntakeForms(): IntakeFormModel[] {
  const fake = createFakeGas();
  const gas = loadBundle(fake);
  fake.setUser(OWNER);
  callEntry(gas, 'setupSpreadsheet');
  const staff = fake.spreadsheet.getSheetByName('人员权限');
  if (!staff) throw new Error('setup made no 人员权限 sheet');
  staff.getRange(staff.getLastRow() + 1, 1, PEOPLE.length, 4).setValues(PEOPLE.map((p) => [p.email, p.role, p.county, p.name]));
  return PEOPLE.map((p) => {
    fake.setUser(p.email);
    return JSON.parse(JSON.stringify(callEntry(gas, 'getIntakeForm'))) as IntakeFormModel;
  });
}
const [STAFF_FORM, REVIEWER_FORM] = realIntakeForms();

export const VALID_ID = '420802197803150034'; // 男, born 1978-03-15
export const VALID_ID_FEMALE = '420821198506211228'; // 女, born 1985-06-21
export const WRONG_CHECK_DIGIT_ID = '420802197803150035';
/** An ID the fake backend reports as already in an active case. */
export const DUPLICATE_ID = '420881199009082411';
export const CHILD_ID = '420802201204050030';

export const FIELDS: Def[] = STAFF_FORM.fields;
export const SECTIONS = STAFF_FORM.sections;
export const COUNTIES = STAFF_FORM.counties;
export const STAFF: UserDto = STAFF_FORM.user;
export const REVIEWER: UserDto = REVIEWER_FORM.user;

/** One household-member row as the page sends it: every column of the table, blank unless given. */
export function memberRow(values: FormValues): FormValues {
  const columns = FIELDS.find((f) => f.key === 'members')?.columns ?? [];
  return { ...Object.fromEntries(columns.map((c) => [c.key, ''])), ...values };
}

export function intakeModel(over: Partial<IntakeFormModel> = {}): IntakeFormModel {
  return { ...structuredClone(STAFF_FORM), ...structuredClone(over) };
}

/** A filled-in case as getIntakeForm returns it for editing. */
export const EXISTING_VALUES: FormValues = {
  name: '刘桂兰',
  id_number: VALID_ID_FEMALE,
  sex: '女',
  birth_date: '1985-06-21',
  age: 40,
  phone: '13972600158',
  political_status: '群众',
  employer: '京山轻机集团',
  work_status: '病休',
  household_income: 21600,
  household_size: 3,
  per_capita_income: 7200,
  per_capita_monthly: 600,
  medical_self_pay: 32000,
  members: [memberRow({ name: '陈志强', relation: '配偶', income: 18000 }), memberRow({ name: '陈雨涵', relation: '子女', id_number: CHILD_ID, income: 0 })],
  causes: ['因病'],
  hardship_category: '低保边缘户',
  emergency: '否',
  scheme: 'medical',
  relief_base: 32000,
  card_number: '6217002870012345678',
  unit_opinion: '',
  unit_opinion_date: '',
  cadre_name: '周建华',
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
    derived.relief_explain =
      x >= 100_000
        ? `特困职工医疗救助：自付 ${x} 元 ≥ 100000 元，定额 8000 元`
        : `特困职工医疗救助：自付 ${x} 元，按 ${rate * 100}% 计 ${derived.suggested_amount} 元`;
  }
  const warnings =
    id === DUPLICATE_ID ? [{ code: 'duplicate_id', message: `身份证号 ${id} 已在案件 H0300012（审核中）中，同一人不能重复建档`, needsOverride: true }] : [];
  return { derived, errors: [], warnings };
}

export function reviewQueue(over: Partial<ReviewQueue> = {}): ReviewQueue {
  return {
    locale: 'zh-CN',
    user: REVIEWER,
    items: [
      {
        workerNo: 'H0400007',
        name: '张秀英',
        county: 'H04',
        status: 'submitted',
        statusLabel: '待审核',
        dueDate: '2025-10-11',
        overdue: true,
        dueSoon: false,
        emergency: false,
        emergencyPending: false,
        version: 3,
        summary: [
          { label: '工作单位', value: '荆门市东宝区环卫所' },
          { label: '困难类别', value: '低保户' },
          { label: '家庭人均月收入', value: '458.33' },
          { label: '致困原因', value: '因病、子女上学' },
        ],
        suggestedAmount: 1600,
        reliefExplain: '特困职工医疗救助：自付 20000 元，按 8% 计 1600 元',
        actions: [
          { key: 'pass', label: '审核通过', needsReason: false, needsAmount: false },
          { key: 'return', label: '退回', needsReason: true, needsAmount: false },
        ],
      },
      {
        workerNo: 'H0400011',
        name: '李建国',
        county: 'H04',
        status: 'submitted',
        statusLabel: '待审核',
        dueDate: '2025-11-21',
        overdue: false,
        dueSoon: true,
        emergency: true,
        emergencyPending: true,
        version: 1,
        summary: [
          { label: '工作单位', value: '荆门石化机修车间' },
          { label: '致困原因', value: '因意外' },
        ],
        suggestedAmount: 3000,
        reliefExplain: '重大意外事故：定额 3000 元',
        actions: [
          { key: 'approve', label: '批准', needsReason: false, needsAmount: true },
          { key: 'return', label: '退回', needsReason: true, needsAmount: false },
        ],
      },
      {
        workerNo: 'H0400015',
        name: '王德明',
        county: 'H04',
        status: 'notice',
        statusLabel: '公示中',
        dueDate: '2025-12-02',
        overdue: false,
        dueSoon: false,
        emergency: false,
        emergencyPending: false,
        version: 5,
        summary: [{ label: '公示结束', value: '2025-12-02' }],
        suggestedAmount: null,
        reliefExplain: '',
        actions: [{ key: 'objection', label: '收到异议', needsReason: true, needsAmount: false }],
      },
    ],
    ...structuredClone(over),
  };
}
