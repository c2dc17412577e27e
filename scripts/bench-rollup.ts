/**
 * Roll-up bench (scripts/bench.ts runs every export starting with "bench"): 8 counties ×
 * 25,000 cases, each county in its own spreadsheet listed in 汇总来源, rolled up through
 * the real server handler against the in-memory Apps Script fake. Reports service calls,
 * Node-side ms (target ≤ 2 s) and memory (target ≤ 500 MB): the process's peak resident
 * size (maxRSS, which includes the 200,000 rows the fake holds and everything before) and
 * the heap right after the run, before any collection.
 */
import { performance } from 'node:perf_hooks';
import { createFakeGas, installGlobals } from '../harness/gas';
import { setNow } from '../src/server/clock';
import { setupSpreadsheet } from '../src/server/setup';
import { runRollup, runReports } from '../src/server/rollup';
// The ops table behind sendWrite: here the owner works alone (no writer), as before one is connected.
import '../src/writer/ops';

export const COUNTIES = ['H01', 'H02', 'H03', 'H04', 'H05', 'H06', 'H07', 'H08'];
const PER_COUNTY = 25_000;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['秀英', '桂兰', '建国', '志强', '丽', '敏', '静', '伟', '芳', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '霞', '平'];
const STATUSES = ['待审核', '已退回', '公示中', '待审批', '已审批', '已备案', '已退出'];
const CATEGORIES = ['低保户', '低保边缘户', '意外致困户'];
const CAUSES = ['因病', '子女上学', '因意外', '因未就业', '因残', '单亲'];
const SCHEMES = ['medical', 'critical', 'major', 'accident', 'living'];
const KINDS = ['生活救助', '医疗救助', '助学', '就业', '法律援助'];
export const HEADER = [
  '职工编号',
  '县区代码',
  '状态',
  '姓名',
  '性别',
  '年龄',
  '身份证号',
  '会员卡/银行卡号',
  '工作单位',
  '联系电话',
  '困难类别',
  '致困原因',
  '家庭人口',
  '家庭年收入',
  '农民工',
  '劳模类型',
  '救助项目',
  '帮扶类别',
  '核定救助金额',
  '已发放金额',
  '逾期',
  '提交日期',
  '建档年度',
  '复审年度',
  '退出日期',
];

export function countyRows(county: string): unknown[][] {
  const rows: unknown[][] = [HEADER];
  for (let i = 1; i <= PER_COUNTY; i++) {
    const status = STATUSES[i % 7];
    const paid = status === '已审批' || status === '已备案' ? 500 + (i % 40) * 100 : 0;
    rows.push([
      `${county}${String(i).padStart(5, '0')}`,
      county,
      status,
      SURNAMES[i % 20] + GIVEN[(i * 7) % 20],
      i % 2 ? '男' : '女',
      30 + (i % 30),
      `4208${String(21 + (i % 60)).padStart(2, '0')}19${60 + (i % 40)}0${1 + (i % 9)}1${i % 9}${String(i % 1000).padStart(3, '0')}X`,
      `62284804${String(i).padStart(11, '0')}`,
      `${county}某厂`,
      `138${String(i).padStart(8, '0')}`,
      CATEGORIES[i % 3],
      `${CAUSES[i % 6]}、${CAUSES[(i + 2) % 6]}`,
      1 + (i % 6),
      12000 + (i % 50) * 900,
      i % 5 === 0 ? '是' : '否',
      i % 97 === 0 ? '地市级劳模' : '无',
      SCHEMES[i % 5],
      KINDS[i % 5],
      paid,
      paid,
      i % 13 === 0,
      new Date(2026, i % 11, 1 + (i % 27)),
      2024 + (i % 3),
      i % 4 === 0 ? 2026 : '',
      status === '已退出' ? new Date(2026, i % 10, 2) : '',
    ]);
  }
  return rows;
}

export async function benchRollup(): Promise<Record<string, unknown>[]> {
  const fake = createFakeGas();
  installGlobals(globalThis, fake);
  setNow('2026-11-23');
  fake.setUser('owner@jmszgh.cn');
  setupSpreadsheet();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sourceRows: unknown[][] = [];
  for (const county of COUNTIES) {
    const book = fake.newSpreadsheet(`${county} 困难职工`);
    const sheet = book.insertSheet('案件');
    const rows = countyRows(county);
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
    sheet.getRange(1, 1, rows.length, HEADER.length).setNumberFormat('@');
    sheet.getRange(1, 1, rows.length, HEADER.length).setValues(rows);
    sourceRows.push([`${county} 县区`, county, '其他表格', book.getUrl(), '案件', '是']);
  }
  ss.getSheetByName('汇总来源')!.getRange(2, 1, sourceRows.length, 6).setValues(sourceRows);
  const out: Record<string, unknown>[] = [];
  for (const [name, run] of [
    ['rollup_8x25k', runRollup],
    ['reports_8x25k', runReports],
  ] as const) {
    fake.counter.reset();
    const t0 = performance.now();
    const r = run();
    const ms = performance.now() - t0;
    const heapAfter = process.memoryUsage().heapUsed;
    const maxRss = process.resourceUsage().maxRSS * 1024;
    if (!r.ok) throw new Error(`${name}: ${r.message}`);
    const calls = fake.counter.snapshot();
    out.push({
      case: name,
      rows: COUNTIES.length * PER_COUNTY,
      ms: +ms.toFixed(1),
      serviceCalls: fake.counter.total(),
      getValues: calls['Range.getValues'] ?? 0,
      setValues: calls['Range.setValues'] ?? 0,
      max_rss_mb: Math.round(maxRss / 2 ** 20),
      heap_after_mb: Math.round(heapAfter / 2 ** 20),
      target_ms: 2000,
      target_mb: 500,
    });
  }
  return out;
}
