/** =IDCARD_VALID, =IDCARD_INFO, =WORKER_NO and =WORKER_NO_VALID as cells see them. */
import { setNow } from '../../src/server/clock';
import { IDCARD_INFO, IDCARD_VALID, WORKER_NO, WORKER_NO_VALID } from '../../src/server/customFunctions/identity';
import { makeId } from '../helpers/idNumbers';

beforeAll(() => setNow('2025-10-09'));
afterAll(() => setNow(null));

const wang = makeId('420821', '1972-03-15', 12, '女');
const li = makeId('420822', '1980-11-02', 33, '男');

test('IDCARD_VALID takes a range and answers TRUE/FALSE per cell, blanks blank', () => {
  const wrong = wang.slice(0, 17) + (wang[17] === '0' ? '1' : '0');
  expect(IDCARD_VALID([[wang], [wrong], [''], [li.toLowerCase()]])).toEqual([[true], [false], [''], [true]]);
  expect(IDCARD_VALID(wang)).toBe(true);
});

test('an ID stored as a number has already lost digits, so it is not valid', () => {
  // eslint-disable-next-line no-loss-of-precision -- the point of the test: a number cannot hold 18 digits
  expect(IDCARD_VALID(420821197203150243)).toBe(false);
});

test('IDCARD_INFO gives birth as a date, sex, age on a date and region', () => {
  const birth = IDCARD_INFO(wang, 'birth') as Date;
  expect([birth.getFullYear(), birth.getMonth() + 1, birth.getDate()]).toEqual([1972, 3, 15]);
  expect(IDCARD_INFO(wang, 'sex')).toBe('女');
  expect(IDCARD_INFO(wang, 'age')).toBe(53);
  expect(IDCARD_INFO(wang, 'age', new Date(2026, 2, 15))).toBe(54);
  expect(IDCARD_INFO([[wang], [li]], '性别')).toEqual([['女'], ['男']]);
  expect(IDCARD_INFO(li, 'region')).toBe('420822');
  expect(() => IDCARD_INFO(wang, 'name')).toThrow('所取信息应为“出生日期”“性别”“年龄”或“地区代码”');
  expect(() => IDCARD_INFO('123', 'sex')).toThrow('身份证号无效：应为18位');
});

test('IDCARD_INFO with an age date before the birth says so, and the other fields do not depend on it', () => {
  expect(() => IDCARD_INFO(wang, 'age', new Date(1970, 0, 1))).toThrow('计算年龄的日期 1970-01-01 早于出生日期 1972-03-15');
  expect(() => IDCARD_INFO(wang, 'age', new Date(1970, 0, 1))).not.toThrow(/晚于今天/);
  expect(IDCARD_INFO(wang, 'sex', new Date(1970, 0, 1))).toBe('女');
  expect(IDCARD_INFO(wang, 'age', new Date(1972, 2, 15))).toBe(0);
  // In a column, the cell shows the same words.
  expect(IDCARD_INFO([[wang]], 'age', new Date(1970, 0, 1))).toEqual([['错误：计算年龄的日期 1970-01-01 早于出生日期 1972-03-15']]);
});

test('WORKER_NO builds numbers for a column of serials; WORKER_NO_VALID checks them', () => {
  expect(WORKER_NO('H01', 1)).toBe('H0100001');
  expect(WORKER_NO('02', [[1], [2], ['']])).toEqual([['H0200001'], ['H0200002'], ['']]);
  expect(() => WORKER_NO('H01', 0)).toThrow('序号应为1到99999之间的整数');
  expect(WORKER_NO_VALID([['H0100001'], ['H01-0001']])).toEqual([[true], [false]]);
});
