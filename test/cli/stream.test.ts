/**
 * `bangfu rollup` streams a county file into the roll-up row by row (src/cli/excel.ts
 * streamCountyBook → RollupBuilder). For a generated workbook — long Chinese texts that cross
 * the reader's 16 KB chunks, a 发放记录 stored before 案件 — it reads every cell as the whole-file
 * reader does, and gives the same roll-up (every measure, every problem, every listed family)
 * as rolling up the values read whole.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readBook, sheetValues, streamCountyBook } from '../../src/cli/excel';
import { RollupBuilder, rollUp, type RollupOptions } from '../../src/domain/rollup/aggregate';
import { LEDGER_HEADER } from '../../src/domain/ledger';
import { makeId } from '../helpers/idNumbers';

const HEADER = [
  '职工编号',
  '县区代码',
  '状态',
  '姓名',
  '性别',
  '身份证号',
  '工作单位',
  '家庭住址',
  '家庭人口',
  '家庭成员',
  '核定救助金额',
  '救助项目',
  '提交日期',
];
const NAMES = ['王秀英', '李建国', '张桂兰', '刘志强', '陈静', '杨伟'];

function cases(n: number): unknown[][] {
  const rows: unknown[][] = [HEADER];
  for (let i = 1; i <= n; i++) {
    const size = 1 + (i % 4);
    const members = Array.from(
      { length: size - 1 },
      (_, k) => `${NAMES[(i + k) % 6]}（关系：子女，就业/就学状况：在读，工作单位或学校：京山市第${k + 1}中学）`,
    ).join('；');
    rows.push([
      `H01${String(i).padStart(5, '0')}`,
      'H01',
      i % 5 === 0 ? '公示中' : '已审批',
      NAMES[i % 6],
      i % 2 ? '男' : '女',
      makeId('420821', '1975-04-0' + (1 + (i % 9)), i % 1000, i % 2 ? '男' : '女'),
      `京山县第${i % 7}纺织厂`,
      `京山市新市街道城中路${i}号阳光花园小区`,
      i % 97 === 0 ? '三口' : size,
      members,
      i % 5 === 0 ? null : 800,
      '生活救助',
      new Date(Date.UTC(2026, i % 11, 1 + (i % 27))),
    ]);
  }
  return rows;
}

function payments(n: number): unknown[][] {
  const rows: unknown[][] = [LEDGER_HEADER];
  for (let i = 1; i <= n; i++) {
    const day = i % 61 === 0 ? '2026-02-30' : new Date(Date.UTC(2026, i % 12, 1 + (i % 27)));
    rows.push([
      `H01${String(i).padStart(5, '0')}`,
      day,
      '生活救助',
      '生活救助',
      500,
      '卡',
      i % 3 ? '' : '2026年元旦春节送温暖',
      '陈静',
      `荆工帮审〔2026〕${i}号`,
      '否',
      null,
    ]);
  }
  return rows;
}

test('a county file streamed gives every cell the whole-file reader gives, and the same roll-up', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'bangfu-stream-')), '京山.xlsx');
  const wb = new ExcelJS.Workbook();
  // The ledger first: the stream keeps it until the cases have been read.
  const ledgerSheet = wb.addWorksheet('发放记录');
  for (const r of payments(3000)) ledgerSheet.addRow(r);
  const caseSheet = wb.addWorksheet('案件');
  for (const r of cases(3000)) caseSheet.addRow(r);
  await wb.xlsx.writeFile(path);

  const whole = await readBook(path);
  const values = sheetValues(whole.getWorksheet('案件')!);
  const ledger = sheetValues(whole.getWorksheet('发放记录')!);

  const streamed: unknown[][] = [];
  const streamedLedger: unknown[][] = [];
  const opts: RollupOptions = { year: 2026, today: '2026-12-01', counties: ['H01'], keep: (f) => f.periodPaidFen > 0 || f.status === 'notice' };
  const b = new RollupBuilder([opts, { ...opts, period: { kind: 'campaign', name: '2026年元旦春节送温暖', start: '2025-12-22', end: '2026-02-17' } }]);
  b.beginSource('京山', '');
  const sink = {
    caseHeader: (h: readonly unknown[]) => (streamed.push([...h]), b.caseHeader(h)),
    caseRow: (n: number, r: readonly unknown[]) => ((streamed[n - 1] = [...r]), b.caseRow(n, r)),
    ledger: () => b.ledger(),
    ledgerRow: (n: number, r: readonly unknown[]) => ((streamedLedger[n - 1] = [...r]), b.ledgerRow(n, r)),
  };
  expect(await streamCountyBook(path, sink)).toEqual({ cases: 3000, payments: 3000 });
  b.endSource();

  const pad = (rows: unknown[][], w: number) => rows.map((r) => Array.from({ length: w }, (_, i) => r[i] ?? ''));
  // No character broken at a chunk boundary (exceljs's reader alone gives “��” there).
  expect(JSON.stringify(streamed)).not.toContain('\uFFFD');
  expect(pad(streamed, HEADER.length)).toEqual(values);
  expect(pad(streamedLedger, LEDGER_HEADER.length)).toEqual(ledger);

  const [year, campaign] = b.results();
  const plain = (r: ReturnType<typeof rollUp>) => ({
    ...r,
    counties: r.counties.map((c) => ({ county: c.county, measures: [...c.measures].sort() })),
    city: [...r.city].sort(),
  });
  const src = [{ name: '京山', county: '', values, payments: ledger }];
  expect(plain(year)).toEqual(plain(rollUp(src, opts)));
  expect(plain(campaign)).toEqual(
    plain(rollUp(src, { ...opts, period: { kind: 'campaign', name: '2026年元旦春节送温暖', start: '2025-12-22', end: '2026-02-17' } })),
  );
  // Not an empty agreement: problems of both sheets, and families listed.
  expect(year.problems.some((p) => p.includes('“家庭人口”：“三口”'))).toBe(true);
  expect(year.problems.some((p) => p.includes('发放记录第62行“发放日期”'))).toBe(true);
  expect(year.kept.length).toBeGreaterThan(2000);
  expect(campaign.city.get('paid_fen.total')).toBeLessThan(year.city.get('paid_fen.total')!);
});
