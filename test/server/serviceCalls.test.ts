/**
 * The cost of saving one case and of one review action does not grow with 案件: the same
 * service calls, method by method, with 10 rows as with 20,000.
 */
import { setNow } from '../../src/server/clock';
import { saveCase } from '../../src/server/intake';
import { reviewAction } from '../../src/server/review';
import { as, liMing, makeId, newWorkbook, rid, sheet, type Fake } from './fixtures';

afterAll(() => setNow(null));

/** Fills 案件 with `n` filed cases of 沙洋 (H02) in one write, as an import would. */
function seedCases(fake: Fake, n: number): void {
  const s = sheet(fake, '案件');
  const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String);
  const col = (zh: string) => header.indexOf(zh);
  const rows: unknown[][] = [];
  for (let i = 1; i <= n; i++) {
    const r: unknown[] = new Array(header.length).fill('');
    r[col('职工编号')] = `H02${String(i).padStart(5, '0')}`;
    r[col('县区代码')] = 'H02';
    r[col('状态')] = '已备案';
    r[col('姓名')] = `职工${i}`;
    r[col('身份证号')] = makeId('420822', `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 9}`, i % 500, i % 2 ? '男' : '女');
    r[col('版本')] = 1;
    r[col('请求编号')] = `seed-${i}`;
    rows.push(r);
  }
  // An import grows the sheet first (Sheets refuses a range past the last row) and leaves spare rows.
  const room = n + 1000;
  if (room > s.getMaxRows()) s.insertRowsAfter(s.getMaxRows(), room - s.getMaxRows());
  s.getRange(2, 1, rows.length, header.length).setValues(rows as never);
}

function costs(rows: number): { save: Record<string, number>; review: Record<string, number> } {
  const fake = newWorkbook('2025-09-30');
  seedCases(fake, rows);
  as(fake, 'staff');
  fake.counter.reset();
  const saved = saveCase({ requestId: rid(), values: liMing() });
  expect(saved).toMatchObject({ ok: true, workerNo: 'H0100001' });
  const save = fake.counter.snapshot();

  setNow('2025-10-09');
  as(fake, 'reviewer');
  fake.counter.reset();
  expect(reviewAction({ requestId: rid(), workerNo: 'H0100001', action: 'pass', version: 1 }).ok).toBe(true);
  const review = fake.counter.snapshot();
  setNow('2025-09-30');
  return { save, review };
}

test('saving a case and passing it cost the same service calls with 10 or 20,000 cases', () => {
  const small = costs(10);
  const large = costs(20_000);
  if (process.env.SHOW_COSTS) console.log(JSON.stringify(small, null, 1));
  expect(large.save).toEqual(small.save);
  expect(large.review).toEqual(small.review);
  // One row written for the case, one for the log and one in the writer's request ledger, nothing per existing row.
  expect(small.save['Range.setValues']).toBe(3);
  expect(small.review['Range.setValues']).toBe(3);
  // Each went through the writer: one call to it, one to Google's tokeninfo.
  expect(small.save['UrlFetchApp.fetch']).toBe(2);
});
