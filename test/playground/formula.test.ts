/**
 * The playground's formula evaluator: formulas as people type them in the sheet, computed
 * by the custom functions of the real dist/Code.js (loaded in a vm, as the playground
 * does), with ranges passed as Sheets passes them and results spilling like Sheets'.
 * (npm test builds dist/ before jest runs.)
 */
import fc from 'fast-check';
import { createFakeGas } from '../../harness/gas';
import { loadBundle } from '../../harness/loadBundle';
import { computeSheet, evaluateFormula, formulaCellValue, showFormula, type EvalEnv } from '../../harness/formula';
import { policyToRows } from '../../src/domain/policy';
import { DEFAULT_POLICY } from '../../src/defaults/policies';
import { makeId } from '../helpers/idNumbers';

const fake = createFakeGas();
const ctx = loadBundle(fake);
const ss = fake.spreadsheet;
const cases = ss.insertSheet('案件');
const ID = makeId('420821', '1972-03-15', 12, '女');
cases.getRange(1, 1, 1, 3).setValues([['姓名', '身份证号', '医疗自付（元）']]);
cases.getRange(2, 2, 5, 1).setNumberFormat('@');
cases.getRange(2, 1, 5, 3).setValues([
  ['王秀英', ID, 4999],
  ['李建国', '', 20000],
  ['张桂兰', '', ''],
  ['刘志强', '', 'abc'],
  ['陈静', '', 150000],
]);
const standards = ss.insertSheet('救助标准');
const policyRows = policyToRows(DEFAULT_POLICY);
standards.getRange(1, 1, policyRows.length, policyRows[0].length).setValues(policyRows);

const env = (sheet = '案件'): EvalEnv => ({
  spreadsheet: ss,
  sheet,
  today: () => new Date(2026, 0, 1),
  spills: new Map(),
  customFunction: (name) => (typeof ctx[name] === 'function' ? (ctx[name] as (...a: unknown[]) => unknown) : undefined),
});
const ymd = (d: unknown) => {
  const date = d as Date;
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
};

test('=RELIEF("medical", C2:C6): the range arrives as a 2-D array and the result keeps its shape', () => {
  // Medical bands (seed 001 §10): under 5,000 nothing; 20,000–50,000 at 8 %; 100,000 and over a fixed 8,000.
  const result = evaluateFormula('=RELIEF("medical", C2:C6)', env());
  expect(result).toEqual([[0], [1600], [''], [expect.stringContaining('abc')], [8000]]);
  // An open range stops at the last row with content; a single cell is a plain value.
  expect(evaluateFormula('=RELIEF("medical", C2:C)', env())).toEqual(result);
  expect(evaluateFormula('=RELIEF("medical", C3)', env())).toBe(1600);
  expect(evaluateFormula('=RELIEF("medical", C3:C3)', env())).toBe(1600);
});

test('=WORKDAY_CN(DATE(2025,9,30), 3) counts the National Day holiday and the make-up Saturday', () => {
  // 2025: 1–8 October off; Saturday 11 October is a working day.
  expect(ymd(evaluateFormula('=WORKDAY_CN(DATE(2025,9,30), 3)', env()))).toBe('2025-10-11');
  expect(ymd(evaluateFormula('=WORKDAY_CN(DATE(2025,9,30), 1)', env()))).toBe('2025-10-9');
});

test('=IDCARD_INFO(B2, "age", DATE(2026,1,1)) reads a cell of another column and a date argument', () => {
  expect(evaluateFormula('=IDCARD_INFO(B2, "age", DATE(2026,1,1))', env())).toBe(53);
  expect(evaluateFormula('=IDCARD_VALID(B2)', env())).toBe(true);
  expect(evaluateFormula(`=IDCARD_VALID("${ID.slice(0, 17)}${ID[17] === '1' ? '2' : '1'}")`, env())).toBe(false);
});

test('a policy range argument: editing the 救助标准 sheet changes the result', () => {
  const formula = '=RELIEF("medical", 30000, DATE(2026,1,15), 救助标准!A:M)';
  expect(evaluateFormula(formula, env())).toBe(2400); // 8 % of 30,000
  const header = policyRows[0];
  const row = policyRows.findIndex((r) => r[header.indexOf('项目代码')] === 'medical' && r[header.indexOf('下限')] === 20_000);
  const rate = standards.getRange(row + 1, header.indexOf('比例') + 1);
  rate.setValue(0.09);
  try {
    expect(evaluateFormula(formula, env())).toBe(2700);
    expect(evaluateFormula('=RELIEF("medical", 30000, DATE(2026,1,15), \'救助标准\'!A1:M40)', env())).toBe(2700);
  } finally {
    rate.setValue(0.08);
  }
});

test('operators, built-ins and sheet-qualified references', () => {
  expect(evaluateFormula('=RELIEF("medical", \'案件\'!C3) * 2 & " 元"', env('救助标准'))).toBe('3200 元');
  expect(evaluateFormula('=IF(C3>10000, "大额", "小额")', env())).toBe('大额');
  expect(evaluateFormula('=SUM(C2:C6) - -1', env())).toBe(4999 + 20000 + 150000 + 1);
  expect(evaluateFormula('=A2="王秀英"', env())).toBe(true);
  expect(evaluateFormula('=A2<>"王秀英"', env())).toBe(false);
  expect(evaluateFormula('=ROUND(2/3, 2)', env())).toBe(0.67);
  expect(evaluateFormula('=AND(TRUE, C3>=20000, LEN(A2)=3)', env())).toBe(true);
});

test('+ - * / follow the usual precedence, as in Sheets', () => {
  const term = fc.integer({ min: 1, max: 99 });
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom('+', '-', '*', '/'), term), { maxLength: 6 }), term, (rest, first) => {
      const text = `${first}${rest.map(([op, n]) => `${op}${n}`).join('')}`;
      const expected = Function(`return (${text});`)() as number;
      expect(evaluateFormula(`=${text}`, env())).toBeCloseTo(expected, 9);
    }),
  );
});

test('errors read as Sheets shows them, with the message for the tooltip', () => {
  expect(showFormula('=NOSUCH(1)', env())).toEqual({ value: '#NAME?', error: '未知函数：NOSUCH' });
  expect(showFormula('=CONSTRUCTOR(1)', env()).value).toBe('#NAME?');
  expect(showFormula('=SAVECASE(1)', { ...env(), customFunction: () => undefined }).value).toBe('#NAME?');
  expect(showFormula('=RELIEF("medical", 其他表!A1)', env())).toMatchObject({ value: '#REF!', error: expect.stringContaining('其他表') });
  expect(showFormula('=RELIEF("dental", 1)', env())).toMatchObject({ value: '#ERROR!', error: expect.stringContaining('dental') });
  expect(showFormula('=1/0', env()).value).toBe('#DIV/0!');
  expect(showFormula('="a"*2', env()).value).toBe('#VALUE!');
  expect(showFormula('=RELIEF("medical", 1', env())).toMatchObject({ value: '#ERROR!', error: '缺少“)”' });
});

test('array results spill down and right; a spill onto data is refused with #REF!', () => {
  const sheet = ss.insertSheet('演算');
  sheet.getRange(1, 1, 3, 1).setValues([[20000], [60000], [3000]]);
  sheet.getRange(1, 2).setFormula('=RELIEF("medical", A1:A3)');
  sheet.getRange(1, 4).setFormula('=B2+1'); // reads a spilled cell
  let computed = computeSheet(sheet, env('演算'));
  expect(computed.formulas.get(1 * 20_000 + 2)).toEqual({ value: 1600 });
  expect([...computed.spilled.values()]).toEqual([3600, 0]);
  expect(computed.formulas.get(1 * 20_000 + 4)).toEqual({ value: 3601 });
  expect(formulaCellValue(sheet, 1, 2, env('演算'))).toBe(1600);

  sheet.getRange(3, 2).setValue('手填');
  computed = computeSheet(sheet, env('演算'));
  expect(computed.formulas.get(1 * 20_000 + 2)).toMatchObject({ value: '#REF!', error: expect.stringContaining('B3') });
  expect(computed.spilled.size).toBe(0);
  expect(formulaCellValue(sheet, 1, 2, env('演算'))).toBe('#REF!');
});

test('a circular reference is #REF!, not a stack overflow', () => {
  const sheet = ss.insertSheet('循环');
  sheet.getRange(1, 1).setFormula('=B1+1');
  sheet.getRange(1, 2).setFormula('=A1+1');
  expect(showFormula('=A1', env('循环'))).toMatchObject({ value: '#REF!', error: '循环引用' });
});

test('the fake reads formula cells through the hook: getValues shows the computed values', () => {
  fake.evaluate = (_f, at) => formulaCellValue(ss._sheetByName(at.sheet)!, at.row, at.col, env(at.sheet));
  try {
    const sheet = ss.insertSheet('公式');
    sheet.getRange(1, 1, 1, 3).setFormulas([['=WORKER_NO("H01", 1)', '=HARDSHIP(500, 550)', '=IDCARD_INFO(案件!B2, "sex")']]);
    expect(sheet.getRange(1, 1, 1, 3).getValues()).toEqual([['H0100001', '低保户', '女']]);
    expect(sheet.getRange(1, 1).getFormula()).toBe('=WORKER_NO("H01", 1)');
  } finally {
    fake.evaluate = null;
  }
});
