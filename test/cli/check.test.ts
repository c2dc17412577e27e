/**
 * `bangfu check` on a real .xlsx (written with exceljs, read back by runCheck): a formula
 * in 姓名 is reported as a formula, not as a missing value.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCheck } from '../../src/cli/check';
import { makeId } from '../helpers/idNumbers';

test('a formula in 姓名 is named as a formula, whatever result the file cached', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('案件');
  ws.addRow(['姓名', '身份证号', '工作单位', '家庭年收入', '家庭人口', '致困原因', '联系电话']);
  ws.addRow([
    { formula: 'HYPERLINK("http://example.cn","王秀英")' },
    makeId('420821', '1972-03-15', 12, '女'),
    '京山县轻机厂',
    24000,
    3,
    '因病',
    '13872345678',
  ]);
  ws.addRow([{ formula: 'A2', result: '王秀英' }, makeId('420822', '1980-11-02', 33, '男'), '沙洋县化工厂', 18000, 4, '因病', '13907241234']);
  ws.addRow(['', makeId('420881', '1990-04-18', 2, '女'), '钟祥市纺织厂', 9000, 2, '因病', '13907241235']);
  const path = join(mkdtempSync(join(tmpdir(), 'bangfu-check-')), '公式.xlsx');
  await wb.xlsx.writeFile(path);

  const lines: string[] = [];
  expect(await runCheck(path, (l) => lines.push(l))).toBe(1);
  expect(lines).toEqual([
    '第 2 行 “姓名”是公式（=HYPERLINK("http://example.cn","王秀英")），应填写内容本身而不是公式',
    '第 3 行 “姓名”是公式（=A2），应填写内容本身而不是公式',
    '第 4 行 “姓名”为必填项',
    '共检查 3 行，3 行有 3 处错误',
  ]);
});
