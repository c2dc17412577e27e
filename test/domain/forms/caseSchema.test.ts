import { defaultFields } from '../../../src/defaults/forms';
import { buildCaseSchema, parseCaseValues, validateSubmission, zodIssuesToFieldErrors } from '../../../src/domain/forms/caseSchema';
import { normalizeValue, toCellValue } from '../../../src/domain/forms/values';
import { makeId } from '../../helpers/idNumbers';

const today = '2026-03-02';
const fields = defaultFields();
const 刘桂兰 = makeId('420822', '1971-09-08', 77, '女');

const submission = {
  name: '  刘桂兰 ',
  id_number: 刘桂兰,
  employer: '沙洋县纺织厂',
  household_income: '31,200',
  household_size: '4',
  causes: '因病、子女上学',
  unit_opinion_date: '',
  medical_self_pay: 18000,
  members: [
    { name: '刘强', relation: '配偶', sex: '男', income: '12000' },
    { name: '', relation: '' },
  ],
  scheme: '特困职工医疗救助',
  something_else: 'dropped',
};

describe('the case schema built from 表单定义', () => {
  it('normalizes a submission: trimmed text, numbers, lists, table rows, option codes', () => {
    const r = parseCaseValues(fields, submission, { role: 'staff', today });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.values).toMatchObject({
      name: '刘桂兰',
      household_income: 31200,
      household_size: 4,
      causes: ['因病', '子女上学'],
      members: [{ name: '刘强', relation: '配偶', sex: '男', income: 12000 }],
      scheme: 'medical',
      unit_opinion_date: '',
    });
    expect(r.values).not.toHaveProperty('something_else');
  });

  it('gives zh errors with the field key as the path', () => {
    const parsed = buildCaseSchema(fields, { role: 'staff', today }).safeParse({ ...submission, household_size: '四', phone: '2360130' });
    expect(parsed.success).toBe(false);
    const issues = parsed.success ? [] : parsed.error.issues;
    expect(issues.map((i) => i.path[0])).toEqual(['phone', 'household_size']);
    expect(zodIssuesToFieldErrors(issues, fields)).toEqual([
      { field: 'phone', label: '联系电话', message: expect.stringMatching(/^“联系电话”应为 11 位手机号/) },
      { field: 'household_size', label: '家庭人口', message: '“家庭人口”应为数字' },
    ]);
  });

  it('reports in English when the user reads English', () => {
    const r = parseCaseValues(fields, { ...submission, name: '' }, { role: 'staff', today, locale: 'en' });
    expect(r.ok ? [] : r.errors).toEqual([{ field: 'name', label: 'Name', message: '"Name" is required' }]);
  });

  describe('fields a role may not edit', () => {
    it('refuses grassroots staff writing the unit union opinion', () => {
      const r = parseCaseValues(fields, { ...submission, unit_opinion: '同意' }, { role: 'staff', today });
      expect(r.ok ? [] : r.errors).toEqual([{ field: 'unit_opinion', label: '单位工会意见', message: '“单位工会意见”只能由单位工会审核修改' }]);
    });

    it('lets the unit reviewer write it', () => {
      const r = parseCaseValues(fields, { ...submission, unit_opinion: '情况属实，同意上报', unit_opinion_date: '2026-03-02' }, { role: 'reviewer', today });
      expect(r.ok).toBe(true);
    });

    it('lets staff resend the opinion unchanged, compared with the stored row', () => {
      const previous = { unit_opinion: '情况属实，同意上报', unit_opinion_date: new Date(2026, 2, 2) };
      const r = parseCaseValues(
        fields,
        { ...submission, unit_opinion: '情况属实，同意上报', unit_opinion_date: '2026-03-02' },
        { role: 'staff', today, previous },
      );
      expect(r.ok).toBe(true);
    });

    it('keeps the stored value when the page leaves the locked field out', () => {
      const previous = { unit_opinion: '情况属实，同意上报' };
      const { unit_opinion_date: _omit, ...rest } = submission;
      const r = parseCaseValues(fields, rest, { role: 'staff', today, previous });
      expect(r.ok && r.values.unit_opinion).toBe('情况属实，同意上报');
    });

    it('refuses staff clearing it', () => {
      const r = parseCaseValues(fields, { ...submission, unit_opinion: '' }, { role: 'staff', today, previous: { unit_opinion: '同意' } });
      expect(r.ok).toBe(false);
    });

    it('an unknown user may change no restricted field', () => {
      const r = parseCaseValues(fields, { ...submission, unit_opinion: '同意' }, { role: null, today });
      expect(r.ok).toBe(false);
    });
  });

  it('normalized values turn into the cells the rest of the system reads', () => {
    const r = parseCaseValues(fields, submission, { role: 'staff', today });
    if (!r.ok) throw new Error('invalid');
    const causes = fields.find((f) => f.key === 'causes')!;
    const members = fields.find((f) => f.key === 'members')!;
    expect(toCellValue(causes, r.values.causes)).toBe('因病、子女上学');
    const cell = String(toCellValue(members, r.values.members));
    expect(cell).toMatch(/^刘强（关系：配偶，.*年收入：12000/);
    expect(normalizeValue(members, cell)).toEqual(r.values.members);
  });
});

describe('validateSubmission (what the server runs)', () => {
  it('fills the computed fields from the ID and incomes, replacing what the page sent', () => {
    const r = validateSubmission(fields, { ...submission, sex: '男', age: 3 }, { role: 'staff', today, dibaoLine: 550 });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.values).toMatchObject({ sex: '女', birth_date: '1971-09-08', age: 54, per_capita_income: 7800, per_capita_monthly: 650 });
  });
});
