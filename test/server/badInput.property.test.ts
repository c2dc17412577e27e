/**
 * Property: whatever single field of the form a submission gets wrong, saveCase answers
 * with a zh error naming that field, and writes no case row and no log line.
 * The fields come from the default 表单定义 (so a new field type gets covered too).
 */
import fc from 'fast-check';
import { setNow } from '../../src/server/clock';
import { saveCase } from '../../src/server/intake';
import { defaultFields } from '../../src/defaults/forms';
import type { FieldDef } from '../../src/domain/forms/fieldDefs';
import type { Json } from '../../src/shared/endpoints';
import { as, newWorkbook, records, rid, wangXiuying } from './fixtures';

afterAll(() => setNow(null));

/** Values that break a field of this definition (each must be refused by its rule). */
function invalidValue(def: FieldDef): fc.Arbitrary<Json> | null {
  switch (def.type) {
    case 'idcard':
      return fc.oneof(
        fc.constantFrom('42082119720315002', '4208211972031500241', '42082119721315002X', 'ABCDEFGHIJKLMNOPQR'),
        // A valid ID with its check character changed.
        fc.integer({ min: 1, max: 10 }).map((k) => {
          const good = String(wangXiuying().id_number);
          const chars = '0123456789X';
          return good.slice(0, 17) + chars[(chars.indexOf(good[17]) + k) % 11];
        }),
      );
    case 'phone':
      return fc.oneof(fc.stringMatching(/^[2-9]\d{4,9}$/), fc.constant('1234567890123'), fc.constant('电话号码'));
    case 'card':
      return fc.oneof(fc.stringMatching(/^\d{1,15}$/), fc.stringMatching(/^\d{20,24}$/), fc.constant('6228-48xx'));
    case 'number': {
      const options: fc.Arbitrary<Json>[] = [fc.constantFrom('abc', '一万', '12元')];
      if (def.min !== null) options.push(fc.double({ min: -1e9, max: def.min - 1, noNaN: true }));
      if (def.max !== null) options.push(fc.double({ min: def.max + 1, max: def.max + 1e9, noNaN: true }));
      return fc.oneof(...options);
    }
    case 'date':
      return fc.constantFrom('2025-13-01', '2025-02-30', '昨天', '1899-12-31');
    case 'select':
      return fc
        .string({ minLength: 1, maxLength: 6 })
        .filter((s) => s.trim() !== '' && !def.options.includes(s.trim()) && !(def.optionLabels ?? []).includes(s.trim()) && !/[、,，|]/.test(s));
    case 'multiselect':
      return fc.constant(['不存在的原因']);
    case 'table':
      return fc.constant([{ name: '', relation: '配偶', income: -5 }]);
    case 'text':
      if (def.required) return fc.constantFrom('', '   ');
      if (def.max !== null) return fc.constant('长'.repeat(def.max + 1));
      return null;
    default:
      return null;
  }
}

test('any single invalid field is refused with its zh label, and nothing is written', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'staff');
  // Fields a staff member fills in (computed ones are the server's; reviewer-only ones are refused by role).
  const fields = defaultFields().filter((f) => !f.computed && f.editRoles.length === 0);
  const cases = fields.flatMap((def) => {
    const bad = invalidValue(def);
    return bad ? [bad.map((value) => ({ def, value }))] : [];
  });
  expect(cases.length).toBeGreaterThan(15);
  const before = { cases: records(fake, '案件').length, log: records(fake, '操作日志').length };

  fc.assert(
    fc.property(fc.oneof(...cases), ({ def, value }) => {
      const result = saveCase({ requestId: rid('bad'), values: wangXiuying({ [def.key]: value }) });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const error = result.errors.find((e) => e.field === def.key);
      expect(error).toBeDefined();
      expect(error!.message).toContain(`“${def.zh}”`);
      expect(result.message).toContain(def.zh);
      expect(records(fake, '案件').length).toBe(before.cases);
      expect(records(fake, '操作日志').length).toBe(before.log);
    }),
    { numRuns: 150 },
  );

  // The same form without the fault is saved: the property above is about the fault alone.
  expect(saveCase({ requestId: rid(), values: wangXiuying() }).ok).toBe(true);
  expect(records(fake, '案件').length).toBe(before.cases + 1);
});
