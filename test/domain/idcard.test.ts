/** GB 11643 ID numbers: check digit, real birth date, sex, age, region, and zh reasons. */
import { checkCharacter, idInfo, validateId } from '../../src/domain/idcard';
import { makeId } from '../helpers/idNumbers';

const TODAY = '2025-10-09';

test('the standard sample number with an X check digit is valid, in either case', () => {
  expect(validateId('11010519491231002X', TODAY)).toEqual({ ok: true });
  expect(validateId('11010519491231002x', TODAY)).toEqual({ ok: true });
  expect(checkCharacter('11010519491231002')).toBe('X');
});

test('a wrong check digit, a bad length, letters and impossible dates each get their own reason', () => {
  const wang = makeId('420821', '1972-03-15', 12, '女');
  const wrong = wang.slice(0, 17) + (wang[17] === '0' ? '1' : '0');
  expect(validateId(wrong, TODAY)).toMatchObject({ ok: false, reasonZh: '校验码错误' });
  expect(validateId(wang.slice(0, 17), TODAY)).toMatchObject({ ok: false, reasonZh: '应为18位，现为17位' });
  expect(validateId('42082119720315A123', TODAY)).toMatchObject({ ok: false, reasonZh: expect.stringContaining('前17位应为数字') });
  const feb30 = '420821' + '19720230' + '024';
  expect(validateId(feb30 + checkCharacter(feb30), TODAY)).toMatchObject({ ok: false, reasonZh: '出生日期19720230不存在' });
  expect(validateId(makeId('420821', '2026-01-02', 1, '男'), TODAY)).toMatchObject({ ok: false, reasonZh: '出生日期晚于今天' });
  expect(validateId('420821720315024', TODAY)).toMatchObject({ ok: false, reasonZh: expect.stringContaining('15位') });
});

test('birth date, sex, age on a date and region come out of the number', () => {
  const wang = makeId('420821', '1972-03-15', 12, '女');
  expect(idInfo(wang, '2025-10-09')).toEqual({ birth: '1972-03-15', sex: '女', age: 53, region: '420821' });
  expect(idInfo(wang, '2026-03-14')!.age).toBe(53);
  expect(idInfo(wang, '2026-03-15')!.age).toBe(54);
  expect(idInfo(makeId('420822', '1980-11-02', 33, '男'), TODAY)!.sex).toBe('男');
  expect(idInfo('not an id', TODAY)).toBeNull();
});

test('someone born on 29 February turns a year older on 1 March in a common year', () => {
  const leap = makeId('420881', '2000-02-29', 7, '男');
  expect(idInfo(leap, '2025-02-28')!.age).toBe(24);
  expect(idInfo(leap, '2025-03-01')!.age).toBe(25);
});
