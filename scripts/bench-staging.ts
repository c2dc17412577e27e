/**
 * Staging bench case (scripts/bench.ts runs every export starting with "bench"): 1,000
 * rows typed into 录入, submitted into a 案件 that already holds 20,000 cases. Reports
 * the service calls, and the reads and writes per sheet, which must stay one read of 录入
 * and one write each of 案件, 操作日志 and 录入 whatever the number of rows. The staff
 * member's request goes through the writer web app (UrlFetchApp, token check, ledger).
 */
import { makeId, OWNER, STAFF } from './benchData';
import { performance } from 'node:perf_hooks';
import { createFakeGas, installGlobals } from '../harness/gas';
import { setNow } from '../src/server/clock';
import { setupSpreadsheet } from '../src/server/setup';
import { submitStagingRows } from '../src/server/staging';
import { countPerSheet } from '../harness/gas/perSheet';
import { deployWriter } from '../harness/writerDeploy';

const ROWS = 1_000;
const EXISTING = 20_000;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function fill(sheet: Sheet, rows: (string | number)[][]): void {
  if (rows.length + 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 1 - sheet.getMaxRows());
  sheet.getRange(2, 1, rows.length, rows[0].length).setValues(rows);
}

export function benchStagingImport(): Record<string, unknown> {
  const fake = createFakeGas();
  installGlobals(globalThis, fake);
  setNow('2025-09-30');
  fake.setUser(OWNER);
  setupSpreadsheet();
  // As in production: the staff member's submission goes through the writer (protections enforced).
  deployWriter(fake, OWNER);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.getSheetByName('人员权限')!
    .getRange(3, 1, 1, 4)
    .setValues([[STAFF, '基层工会', 'H01', '张敏']]);

  const cases = ss.getSheetByName('案件')!;
  const caseHeader = cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0].map(String);
  const existing = Array.from({ length: EXISTING }, (_, i) =>
    caseHeader.map(
      (h) =>
        (
          ({
            职工编号: `H02${String(i + 1).padStart(5, '0')}`,
            县区代码: 'H02',
            状态: '已备案',
            姓名: `职工${i}`,
            身份证号: makeId('420822', `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 9}`, i),
            版本: 1,
            请求编号: `seed-${i}`,
          }) as Record<string, string | number>
        )[h] ?? '',
    ),
  );
  fill(cases, existing);

  const staging = ss.getSheetByName('录入')!;
  const header = staging.getRange(1, 1, 1, staging.getLastColumn()).getValues()[0].map(String);
  const typed = Array.from({ length: ROWS }, (_, i) =>
    header.map(
      (h) =>
        (
          ({
            姓名: `王秀英${i}`,
            身份证号: makeId('420821', `19${65 + (i % 30)}-0${1 + (i % 9)}-2${i % 8}`, i),
            政治面貌: '群众',
            健康状况: '患病',
            联系电话: `139072${String(10000 + i).padStart(5, '0')}`,
            工作单位: '京山县轻机厂',
            单位性质: '国有企业',
            家庭年收入: 18000,
            家庭人口: 3,
            年医疗自付费用: 9000,
            家庭成员: '周建国，配偶，男，患病，0；周小雨，子女，女，良好，0',
            致困原因: '因病、子女上学',
            '紧急（先救助后补办）': '否',
            已享受其他帮扶: '否',
            救助项目: '特困职工医疗救助',
            救助计算基数: 9000,
            '会员卡/银行卡号': '6228480402564890018',
          }) as Record<string, string | number>
        )[h] ?? '',
    ),
  );
  fill(staging, typed);
  // Rows Sheets adds for a long paste take the format of the row above: plain text for the digit columns.
  for (const label of ['身份证号', '联系电话', '会员卡/银行卡号']) {
    const col = header.indexOf(label) + 1;
    staging
      .getRange(2, col, ROWS, 1)
      .setNumberFormat('@')
      .setValues(typed.map((r) => [r[col - 1]]));
  }

  fake.setUser(STAFF);
  fake.counter.reset();
  const t0 = performance.now();
  const { result, perSheet } = countPerSheet(staging.getRange(1, 1), () => submitStagingRows());
  const ms = performance.now() - t0;
  if (!result.ok || result.submitted !== ROWS) {
    const notes = staging
      .getRange(2, 1, ROWS, header.length)
      .getNotes()
      .flat()
      .filter((n) => n !== '');
    throw new Error(`staging bench: ${result.message} ${notes.join(' | ')}`);
  }
  const counts = fake.counter.snapshot();
  const serviceCalls = Object.values(counts).reduce((a, b) => a + b, 0);
  const top = Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
  return { case: 'staging_import_1000_into_20k', rows: ROWS, ms: +ms.toFixed(1), serviceCalls, perSheet, topCalls: Object.fromEntries(top), target_ms: 5000 };
}
