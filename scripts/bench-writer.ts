/**
 * Writer bench cases (scripts/bench.ts runs every export whose name starts with "bench"):
 * one save and one review action by non-owners through the writer, with 案件 holding 10
 * and 20,000 rows. Each result counts every service call of both projects (the client's
 * and the writer's, tokeninfo included) and the Node-side ms. The calls must be equal at
 * both sizes: nothing is read or written per existing row.
 */
import { makeId, OWNER, STAFF, REVIEWER } from './benchData';
import { performance } from 'node:perf_hooks';
import { createFakeGas, installGlobals } from '../harness/gas';
import { setNow } from '../src/server/clock';
import { connectWriterUrl } from '../src/server/connectWriter';
import { saveCase } from '../src/server/intake';
import { reviewAction } from '../src/server/review';
import { setupSpreadsheet } from '../src/server/setup';
import { ALLOWED_AUDIENCES_PROPERTY, SPREADSHEETS_PROPERTY, doGet, doPost } from '../src/writer/index';
import '../src/writer/ops';

export interface WriterBenchResult {
  case: string;
  rows: number;
  ms: number;
  serviceCalls: number;
  urlFetches: number;
  sheetReads: number;
  sheetWrites: number;
}

type Fake = ReturnType<typeof createFakeGas>;

/** Set up by the owner, `rows` filed cases of 沙洋 (H02) in 案件, the writer deployed and connected. */
function world(rows: number): Fake {
  const fake = createFakeGas({ owner: OWNER });
  installGlobals(globalThis, fake);
  setNow('2025-09-30');
  fake.setUser(OWNER);
  setupSpreadsheet();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.getSheetByName('人员权限')!
    .getRange(3, 1, 2, 4)
    .setValues([
      [STAFF, '基层工会', 'H01', '张敏'],
      [REVIEWER, '单位工会审核', 'H01', '李娜'],
    ]);
  const cases = ss.getSheetByName('案件')!;
  const header = cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0].map(String);
  const col = (zh: string) => header.indexOf(zh);
  const data: (string | number)[][] = [];
  for (let i = 1; i <= rows; i++) {
    const r: (string | number)[] = new Array(header.length).fill('');
    r[col('职工编号')] = `H02${String(i).padStart(5, '0')}`;
    r[col('县区代码')] = 'H02';
    r[col('状态')] = '已备案';
    r[col('姓名')] = `职工${i}`;
    r[col('身份证号')] = makeId('420822', `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 9}`, i);
    r[col('版本')] = 1;
    r[col('请求编号')] = `seed-${i}`;
    data.push(r);
  }
  if (data.length + 1000 > cases.getMaxRows()) cases.insertRowsAfter(cases.getMaxRows(), data.length + 1000 - cases.getMaxRows());
  cases.getRange(2, 1, data.length, header.length).setValues(data);

  const writer = fake.addProject({ id: 'writer', owner: OWNER });
  const url = writer.deployWebApp({ executeAs: 'USER_DEPLOYING', access: 'ANYONE', deployer: OWNER, doGet, doPost, realm: globalThis });
  writer.PropertiesService.getScriptProperties().setProperties({ [ALLOWED_AUDIENCES_PROPERTY]: fake.audience, [SPREADSHEETS_PROPERTY]: ss.getId() });
  const connected = connectWriterUrl(url);
  if (!connected.ok) throw new Error(connected.message);
  return fake;
}

const VALUES = {
  name: '王秀英',
  id_number: makeId('420821', '1972-03-15', 24),
  employer: '京山县轻机厂',
  household_income: 24000,
  household_size: 3,
  medical_self_pay: 20000,
  causes: ['因病'],
  emergency: '否',
  other_programme: '否',
  scheme: 'medical',
  relief_base: 20000,
};

function measure(name: string, rows: number, fake: Fake, fn: () => void): WriterBenchResult & { calls: Record<string, number> } {
  fake.counter.reset();
  const t0 = performance.now();
  fn();
  const ms = performance.now() - t0;
  const calls = fake.counter.snapshot();
  const sum = (keys: string[]) => keys.reduce((a, k) => a + (calls[k] ?? 0), 0);
  return {
    case: name,
    rows,
    ms: +ms.toFixed(1),
    serviceCalls: Object.values(calls).reduce((a, b) => a + b, 0),
    urlFetches: calls['UrlFetchApp.fetch'] ?? 0,
    sheetReads: sum(['Range.getValues', 'Range.getValue']),
    sheetWrites: sum(['Range.setValues', 'Range.setValue']),
    calls,
  };
}

function saveAndPass(rows: number) {
  const fake = world(rows);
  fake.setUser(STAFF);
  let workerNo = '';
  const save = measure('writer_save_case', rows, fake, () => {
    const r = saveCase({ requestId: `bench-save-${rows}`, values: VALUES });
    if (!r.ok) throw new Error(r.message);
    workerNo = r.workerNo;
  });
  setNow('2025-10-09');
  fake.setUser(REVIEWER);
  const review = measure('writer_review_action', rows + 1, fake, () => {
    const r = reviewAction({ requestId: `bench-pass-${rows}`, workerNo, action: 'pass', version: 1 });
    if (!r.ok) throw new Error(r.message);
  });
  setNow(null);
  return { save, review };
}

/** One save and one review action by non-owners through the writer, at 10 and 20,000 rows; the calls must match. */
export function benchWriter(): (WriterBenchResult | { case: string; equal_calls: boolean })[] {
  const small = saveAndPass(10);
  const large = saveAndPass(20_000);
  const same =
    JSON.stringify(small.save.calls) === JSON.stringify(large.save.calls) && JSON.stringify(small.review.calls) === JSON.stringify(large.review.calls);
  const strip = ({ calls: _c, ...r }: WriterBenchResult & { calls: unknown }) => r;
  return [strip(small.save), strip(large.save), strip(small.review), strip(large.review), { case: 'writer_calls_equal_10_vs_20k', equal_calls: same }];
}
