import { defaultFields } from '../../../src/defaults/forms';
import { checkField, checkValues, luhnOk } from '../../../src/domain/forms/fieldRules';
import type { FieldDef } from '../../../src/domain/forms/fieldDefs';
import { makeId } from '../../helpers/idNumbers';

const today = '2026-03-02';
const zh = { today };
const en = { today, locale: 'en' as const };
const fields = defaultFields();
const f = (key: string): FieldDef => {
  const def = fields.find((x) => x.key === key);
  if (!def) throw new Error(key);
  return def;
};

const withWrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
const 王秀英 = makeId('420802', '1978-05-14', 12, '女');
const 李建国 = makeId('420821', '1969-11-03', 45, '男');

describe('ID numbers', () => {
  it('accepts a valid 18-character ID with its check digit', () => {
    expect(checkField(f('id_number'), 王秀英, zh)).toBeNull();
    expect(checkField(f('id_number'), 李建国, zh)).toBeNull();
  });

  it('names the field and the check-digit problem', () => {
    expect(checkField(f('id_number'), withWrongCheck(王秀英), zh)).toBe('“身份证号”校验码错误');
  });

  it('refuses an ID typed as a number (the cell already lost digits)', () => {
    expect(checkField(f('id_number'), 420802197805140000, zh)).toMatch(/^“身份证号”应以文本填写/);
  });

  it('accepts a lower-case x check character', () => {
    let n = 0;
    let id = '';
    while (!id.endsWith('X')) id = makeId('420881', '1985-07-21', ++n, '男');
    expect(checkField(f('id_number'), id.toLowerCase(), zh)).toBeNull();
  });

  it('says it in English when asked', () => {
    expect(checkField(f('id_number'), '12345', en)).toMatch(/^"ID number" /);
  });
});

describe('required fields', () => {
  it.each([[''], ['   '], [null], [undefined]])('blank %p fails a required field', (v) => {
    expect(checkField(f('name'), v, zh)).toBe('“姓名”为必填项');
  });

  it('an empty list fails a required multiselect', () => {
    const def = { ...f('causes'), required: true };
    expect(checkField(def, [], zh)).toBe('“致困原因”为必填项');
  });

  it('blank is fine for an optional field', () => {
    expect(checkField(f('phone'), '', zh)).toBeNull();
  });

  it('computed fields are never missing: the server fills them', () => {
    expect(checkField({ ...f('age'), required: true }, '', zh)).toBeNull();
  });

  it('English', () => {
    expect(checkField(f('name'), '', en)).toBe('"Name" is required');
  });
});

describe('phones', () => {
  it.each(['13972801234', '18607241234', '0724-2360130', '010-65902430', '0371 65902430'])('accepts %s', (v) => {
    expect(checkField(f('phone'), v, zh)).toBeNull();
  });
  it.each(['12972801234', '1397280123', '2360130', '0724-23601', 'abc'])('refuses %s', (v) => {
    expect(checkField(f('phone'), v, zh)).toMatch(/^“联系电话”应为 11 位手机号或带区号的固定电话/);
  });
  it('accepts a mobile number that a cell stored as a number', () => {
    expect(checkField(f('phone'), 13972801234, zh)).toBeNull();
  });
});

describe('card numbers', () => {
  it('accepts 16 to 19 digits, spaces allowed', () => {
    expect(checkField(f('card_number'), '6217 0000 1234 5678', zh)).toBeNull();
    expect(checkField(f('card_number'), '6228480402564890018', zh)).toBeNull();
  });
  it('refuses 15 or 20 digits and letters', () => {
    for (const v of ['622848040256489', '62284804025648900181', '6228A80402564890018']) {
      expect(checkField(f('card_number'), v, zh)).toBe('“会员卡/银行卡号”应为 16–19 位数字');
    }
  });
  it('offers the Luhn check without enforcing it', () => {
    expect(luhnOk('6228480402564890018')).toBe(true);
    expect(luhnOk('6228480402564890019')).toBe(false);
    expect(checkField(f('card_number'), '6228480402564890019', zh)).toBeNull();
  });
});

describe('numbers', () => {
  it('accepts numbers and numeric text with thousands commas', () => {
    expect(checkField(f('household_income'), 36000, zh)).toBeNull();
    expect(checkField(f('household_income'), '36,000.50', zh)).toBeNull();
  });
  it('refuses text that is not a number', () => {
    expect(checkField(f('household_income'), '三万六', zh)).toBe('“家庭年收入”应为数字');
  });
  it('applies min and max', () => {
    expect(checkField(f('household_income'), -1, zh)).toBe('“家庭年收入”不能小于 0');
    expect(checkField(f('household_size'), 0, zh)).toBe('“家庭人口”不能小于 1');
    expect(checkField(f('household_size'), 31, en)).toBe('"Household size" must be at most 30');
  });
  it('applies the pattern to the whole value (a household of 2.5 people)', () => {
    expect(checkField(f('household_size'), 2.5, zh)).toBe('“家庭人口”格式不正确');
    expect(checkField(f('household_size'), '3', zh)).toBeNull();
  });
});

describe('dates', () => {
  it('accepts YYYY-MM-DD, YYYY/M/D, 年月日 and Date cells', () => {
    for (const v of ['2026-03-02', '2026/3/2', '2026年3月2日', new Date(2026, 2, 2)]) {
      expect(checkField(f('unit_opinion_date'), v, zh)).toBeNull();
    }
  });
  it('refuses a date that does not exist', () => {
    expect(checkField(f('unit_opinion_date'), '2025-02-29', zh)).toBe('“意见日期”不是有效日期（格式 YYYY-MM-DD）');
  });
  it('applies min and max as years', () => {
    expect(checkField(f('unit_opinion_date'), '1999-12-31', zh)).toBe('“意见日期”年份不能早于 2000 年');
  });
});

describe('choices', () => {
  it('a select takes one of its options', () => {
    expect(checkField(f('political_status'), '群众', zh)).toBeNull();
    expect(checkField(f('political_status'), '无党派', zh)).toBe('“政治面貌”“无党派”不在可选项中（中共党员、共青团员、群众、民主党派）');
  });
  it('a coded select accepts the code or the shown name', () => {
    expect(checkField(f('scheme'), 'medical', zh)).toBeNull();
    expect(checkField(f('scheme'), '特困职工医疗救助', zh)).toBeNull();
    expect(checkField(f('scheme'), 'dental', zh)).toMatch(/^“救助项目”“dental”不在可选项中/);
  });
  it('a multiselect takes a list or text joined by 、 and checks each item', () => {
    expect(checkField(f('causes'), ['因病', '子女上学'], zh)).toBeNull();
    expect(checkField(f('causes'), '因病、子女上学', zh)).toBeNull();
    expect(checkField(f('causes'), ['因病', '炒股'], zh)).toBe('“致困原因”“炒股”不在可选项中（因病、子女上学、因意外、因未就业、因残、单亲、其它）');
  });
});

describe('text', () => {
  it('limits length by characters, not bytes', () => {
    expect(checkField(f('name'), '欧阳'.repeat(15), zh)).toBeNull();
    expect(checkField(f('name'), '欧阳'.repeat(15) + '娜', zh)).toBe('“姓名”长度不能大于 30 个字');
  });
});

describe('the household-member table', () => {
  const members = f('members');
  it('checks each row against its columns and names the row', () => {
    const rows = [
      { name: '张伟', relation: '配偶', sex: '男', id_number: 李建国 },
      { name: '张小雨', relation: '子女', id_number: withWrongCheck(makeId('420802', '2009-03-15', 3, '女')) },
    ];
    expect(checkField(members, rows, zh)).toBe('“家庭成员”第 2 行“身份证号”校验码错误');
  });
  it('reads the JSON text a 案件 cell holds', () => {
    expect(checkField(members, JSON.stringify([{ name: '张伟', relation: '配偶' }]), zh)).toBeNull();
  });
  it('ignores rows left entirely blank', () => {
    expect(checkField(members, [{ name: '张伟' }, { name: '', relation: '' }], zh)).toBeNull();
  });
  it('refuses a required column left blank in a row', () => {
    expect(checkField(members, [{ relation: '子女' }], zh)).toBe('“家庭成员”第 1 行“姓名”为必填项');
  });
  it('refuses text that is not rows', () => {
    expect(checkField(members, '张伟、张小雨', zh)).toBe('“家庭成员”内容无法读取（应为表格行）');
  });
});

describe('checkValues', () => {
  it('reports one error per field at fault, in form order, with the label', () => {
    const errors = checkValues(fields, { name: '', id_number: '123', household_income: 30000, household_size: 3, employer: '荆门石化' }, zh);
    expect(errors.map((e) => e.field)).toEqual(['name', 'id_number']);
    expect(errors[0]).toEqual({ field: 'name', label: '姓名', message: '“姓名”为必填项' });
  });
  it('passes a complete, correct submission', () => {
    const values = {
      name: '王秀英',
      id_number: 王秀英,
      employer: '荆门市东宝区环卫处',
      household_income: 28800,
      household_size: 3,
      phone: '13972801234',
      causes: ['因病'],
    };
    expect(checkValues(fields, values, zh)).toEqual([]);
  });
});
