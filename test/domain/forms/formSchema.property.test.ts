/**
 * Properties of the form engine over the default 表单定义: generated valid submissions
 * pass on the server and in the page; breaking any one field yields exactly one error that
 * names that field (key and zh label), the same on both sides; and whatever text a user
 * types reaches the cell as text, never as a formula.
 */
import fc from 'fast-check';
import { defaultFields } from '../../../src/defaults/forms';
import { parseCaseValues } from '../../../src/domain/forms/caseSchema';
import { checkValues } from '../../../src/domain/forms/fieldRules';
import { asCellText } from '../../../src/domain/forms/formulaSafety';
import { toCellValue } from '../../../src/domain/forms/values';
import type { FieldDef, SubFieldDef } from '../../../src/domain/forms/fieldDefs';
import { addDays } from '../../../src/domain/civilDate';
import { makeId } from '../../helpers/idNumbers';

const today = '2026-03-02';
const fields = defaultFields();
// The properties submit as a unit reviewer: fields only another role may fill (the city's 上级工会意见) stay out.
const inputFields = fields.filter((f) => !f.computed && (f.editRoles.length === 0 || f.editRoles.includes('reviewer')));

const REGIONS = ['420802', '420821', '420822', '420881', '410105', '130602', '510104'];
const HAN = fc.constantFrom(...'王李张刘陈杨黄赵周吴徐孙马胡朱郭何罗高林秀英建国桂兰明华强伟芳娜敏静丽军');

const civil = (minYear: number, maxYear: number) => fc.integer({ min: 0, max: (maxYear - minYear) * 365 }).map((n) => addDays(`${minYear}-01-01`, n));

const validId = fc
  .record({
    region: fc.constantFrom(...REGIONS),
    birth: civil(1940, 2007),
    seq: fc.integer({ min: 1, max: 499 }),
    sex: fc.constantFrom('男' as const, '女' as const),
  })
  .map(({ region, birth, seq, sex }) => makeId(region, birth, seq, sex));

function validValue(def: SubFieldDef | FieldDef): fc.Arbitrary<unknown> {
  const min = def.min ?? 0;
  switch (def.type) {
    case 'number': {
      const hi = def.max ?? 1_000_000;
      return def.pattern ? fc.integer({ min: Math.max(min, 1), max: hi }) : fc.integer({ min: min * 100, max: hi * 100 }).map((n) => n / 100);
    }
    case 'date':
      return civil(def.min ?? 2000, Math.min(def.max ?? 2030, 2030));
    case 'select':
      return fc.constantFrom(...(def.optionLabels ?? def.options));
    case 'multiselect':
      return fc.subarray(def.options, { minLength: def.required ? 1 : 0 });
    case 'idcard':
      return validId;
    case 'phone':
      return fc.oneof(
        fc.tuple(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 999_999_999 })).map(([a, b]) => `1${a}${String(b).padStart(9, '0')}`),
        fc.integer({ min: 0, max: 9_999_999 }).map((n) => `0724-${String(n).padStart(7, '0').replace(/^0/, '2')}`),
      );
    case 'card':
      return fc
        .integer({ min: 16, max: 19 })
        .chain((len) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: len, maxLength: len }).map((d) => `6${d.join('').slice(1)}`));
    case 'table': {
      const cols = (def as FieldDef).columns ?? [];
      const row = fc.record(Object.fromEntries(cols.map((c) => [c.key, c.required ? validValue(c) : fc.option(validValue(c), { nil: '' })])));
      return fc.array(row, { minLength: def.required ? 1 : 0, maxLength: 4 });
    }
    default:
      return fc.array(HAN, { minLength: 1, maxLength: Math.min(def.max ?? 20, 20) }).map((cs) => cs.join(''));
  }
}

/** A value of the right shape that this field must refuse; null when none exists. */
function invalidValue(def: FieldDef): fc.Arbitrary<unknown> | null {
  switch (def.type) {
    case 'number':
      return fc.constantFrom('不详', '12元', def.min !== null ? def.min - 1 : 'x');
    case 'date':
      return fc.constantFrom('2025-02-29', '2026-13-01', '去年');
    case 'select':
      return fc.constantFrom('不存在的选项', '其他情况');
    case 'multiselect':
      return fc.constant(['不存在的选项']);
    case 'idcard':
      return validId.map((id) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0'));
    case 'phone':
      return fc.constantFrom('2360130', '1234567890123', '电话没有');
    case 'card':
      return fc.constantFrom('1234', '62170000123456781234', '卡号待补');
    case 'table':
      return validId.map((id) => [{ name: '张小雨', id_number: id.slice(0, 17) + (id[17] === '0' ? '1' : '0') }]);
    default:
      if (def.max !== null) return fc.constant('长'.repeat(def.max + 1));
      return def.required ? fc.constant('') : null;
  }
}

const validSubmission = fc.record(Object.fromEntries(inputFields.map((f) => [f.key, f.required ? validValue(f) : fc.option(validValue(f), { nil: '' })])));
const breakable = inputFields.filter((f) => invalidValue(f) !== null);

describe('form schema properties (default 表单定义)', () => {
  it('every field of the default form can be broken, so the next property covers them all', () => {
    expect(breakable.map((f) => f.key)).toEqual(inputFields.map((f) => f.key));
  });

  it('valid generated submissions pass, on the server and in the page', () => {
    fc.assert(
      fc.property(validSubmission, (values) => {
        const server = parseCaseValues(fields, values, { role: 'reviewer', today });
        const page = checkValues(fields, values, { today });
        if (!server.ok) throw new Error(JSON.stringify(server.errors));
        return page.length === 0;
      }),
      { numRuns: 150 },
    );
  });

  it('a submission with one invalid field gets exactly one error, naming that field by key and zh label', () => {
    const oneBroken = fc.constantFrom(...breakable).chain((def) => fc.tuple(fc.constant(def), validSubmission, invalidValue(def)!));
    fc.assert(
      fc.property(oneBroken, ([def, values, bad]) => {
        const submitted = { ...values, [def.key]: bad };
        const server = parseCaseValues(fields, submitted, { role: 'reviewer', today });
        if (server.ok) throw new Error(`${def.key}=${JSON.stringify(bad)} was accepted`);
        expect(server.errors).toHaveLength(1);
        const [err] = server.errors;
        expect(err.field).toBe(def.key);
        expect(err.label).toBe(def.zh);
        expect(err.message.startsWith(`“${def.zh}”`)).toBe(true);
        // The page shows the very same words.
        expect(checkValues(fields, submitted, { today })).toEqual(server.errors);
      }),
      { numRuns: 250 },
    );
  });

  it('formula-like text typed into any text field is stored as text', () => {
    const textFields = inputFields.filter((f) => f.type === 'text');
    const formula = fc.tuple(fc.constantFrom('=', '+', '-', '@'), fc.array(HAN, { maxLength: 8 })).map(([a, b]) => `${a}${b.join('')}`);
    fc.assert(
      fc.property(validSubmission, fc.constantFrom(...textFields), formula, (values, def, text) => {
        const r = parseCaseValues(fields, { ...values, [def.key]: text }, { role: 'reviewer', today });
        if (!r.ok) return true; // too long for this field: refused, so nothing is stored
        const cell = asCellText(toCellValue(def, r.values[def.key]));
        return typeof cell === 'string' && cell.startsWith("'") && cell.slice(1) === text;
      }),
      { numRuns: 150 },
    );
  });
});
