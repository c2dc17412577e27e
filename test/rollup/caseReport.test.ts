/** 困难职工情况报表 (豫直工〔2016〕37号 附件1) holds what the paper form asks for. */
import { indexHeader, readFact, type CaseFact } from '../../src/domain/rollup/caseFacts';
import { caseReportLayout } from '../../src/domain/reports/lists';
import { makeId } from '../helpers/idNumbers';

function fact(cells: Record<string, unknown>): CaseFact {
  const header = Object.keys(cells);
  const r = readFact('案件', 2, Object.values(cells), indexHeader(header), 'H01');
  if (r.ok !== true) throw new Error(JSON.stringify(r));
  return r.fact;
}

const base = {
  职工编号: 'H0100007',
  县区代码: 'H01',
  状态: '已备案',
  姓名: '吴桂兰',
  性别: '女',
  身份证号: makeId('420821', '1983-05-06', 40, '女'),
  家庭人口: 2,
  致困原因: '单亲、因病',
  致困原因说明: '独自抚养女儿',
  主要疾病名称: '乳腺癌',
  本人年收入: 18_000,
  核定救助金额: 3000,
};
const line = (rows: unknown[][], label: string) => rows.find((r) => r[0] === label)!;

test('a single mother is noted in 备注; the illness name and the monthly actual income are on the form', () => {
  const rows = caseReportLayout(fact({ ...base, 本人月实际收入: 1320, 备注: '' })).values;
  expect(line(rows, '备注')[1]).toBe('单亲女职工');
  expect(line(rows, '家庭贫困原因')[1]).toBe('单亲、因病：独自抚养女儿：主要疾病：乳腺癌');
  expect(line(rows, '本人月实际收入（元）')[1]).toBe(1320);
});

test('a case from before 本人月实际收入 existed shows the annual income ÷ 12, marked as such; a written remark is kept', () => {
  const rows = caseReportLayout(fact({ ...base, 备注: '单亲，女儿读初二' })).values;
  expect(line(rows, '本人月实际收入（元）')[1]).toBe('1500（按年收入折算）');
  expect(line(rows, '备注')[1]).toBe('单亲，女儿读初二');
});

test("the supervising union's opinion and date fill 主管工会意见; a man raising children alone is not noted as a single mother", () => {
  const rows = caseReportLayout(
    fact({ ...base, 性别: '男', 姓名: '郑海波', 身份证号: makeId('420821', '1980-01-02', 41, '男'), 上级工会意见: '同意救助', 上级工会意见日期: '2026-11-20' }),
  ).values;
  expect(line(rows, '主管工会意见')[1]).toBe('同意救助\n（盖章）\n2026-11-20');
  expect(line(rows, '备注')[1]).toBe('');
});
