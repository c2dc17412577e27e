/** The playground's formula evaluator over the fake spreadsheet and the real custom functions. */
import { createFakeGas } from '../../harness/gas';
import { evaluateFormula, showFormula, type EvalEnv } from '../../harness/formula';
import { RELIEF, RELIEF_EXPLAIN } from '../../src/server/customFunctions/relief';
import { WORKDAY_CN } from '../../src/server/customFunctions/calendar';
import { IDCARD_INFO } from '../../src/server/customFunctions/identity';
import { makeId } from '../helpers/idNumbers';

const fake = createFakeGas();
const sheet = fake.spreadsheet.insertSheet('案件');
sheet.getRange(1, 1, 6, 2).setValues([['自付金额', '身份证号'], [4999, ''], [20000, ''], ['', ''], ['abc', ''], [150000, '']]);
sheet.getRange(2, 2).setNumberFormat('@').setValue(makeId('420821', '1972-03-15', 12, '女'));
const env: EvalEnv = {
  spreadsheet: fake.spreadsheet, sheet: '案件', today: () => new Date(2026, 0, 1),
  functions: { RELIEF, RELIEF_EXPLAIN, WORKDAY_CN, IDCARD_INFO } as unknown as EvalEnv['functions'],
};

test('a range argument arrives as a 2-D array and the result keeps its shape; open ranges stop at the last row', () => {
  expect(evaluateFormula('=RELIEF("medical", A2:A6)', env)).toEqual([[0], [1600], [''], [expect.stringContaining('abc')], [8000]]);
  expect((evaluateFormula('=RELIEF("medical", A2:A)', env) as unknown[][]).length).toBe(5);
});

test('dates, nested calls, arithmetic and sheet-qualified references', () => {
  const d = evaluateFormula('=WORKDAY_CN(DATE(2025,9,30), 3)', env) as Date;
  expect([d.getMonth() + 1, d.getDate()]).toEqual([10, 11]);
  expect(evaluateFormula('=IDCARD_INFO(B2, "age", DATE(2026,1,1))', env)).toBe(53);
  expect(evaluateFormula("=RELIEF(\"medical\", '案件'!A3) * 2 & \" 元\"", env)).toBe('3200 元');
  expect(evaluateFormula('=IF(A3>10000, "大额", "小额")', env)).toBe('大额');
});

test('errors read as Sheets shows them', () => {
  expect(showFormula('=NOSUCH(1)', env)).toEqual({ value: '#NAME?', error: '未知函数：NOSUCH' });
  expect(showFormula('=RELIEF("medical", 其他表!A1)', env).value).toBe('#REF!');
  expect(showFormula('=RELIEF("dental", 1)', env)).toMatchObject({ value: '#ERROR!', error: expect.stringContaining('dental') });
  expect(showFormula('=1/0', env).value).toBe('#DIV/0!');
});
