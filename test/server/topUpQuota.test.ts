/**
 * The 1.5× 低保 top-up route (河北 001 一、6) is admitted in principle for at most 5 % of the local
 * 低保 recipients: the intake preview warns past it, and never refuses.
 */
import { setNow } from '../../src/server/clock';
import { previewCase, saveCase } from '../../src/server/intake';
import { as, makeId, newWorkbook, OWNER, rid, sheet, wangXiuying } from './fixtures';

afterAll(() => setNow(null));

const TOP_UP = '低保补差达当地平均1.5倍以上';
const family = (seq: number) => wangXiuying({ name: `吴桂兰${seq}`, id_number: makeId('420821', '1975-05-06', 100 + seq, '女'), hardship_routes: [TOP_UP] });

test("past 5 % of the county's 低保 recipients the preview warns; a county without the figure is not checked", () => {
  const fake = newWorkbook('2026-12-01');
  fake.runAs(OWNER, () => {
    const s = sheet(fake, '设置');
    const row =
      s
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'H01') + 1;
    s.getRange(row, 3).setValue(40); // 京山: 40 低保 recipients → 2 households at 5 %
  });
  as(fake, 'staff');
  const quota = (v: ReturnType<typeof family>) => previewCase(v).warnings.find((w) => w.code === 'top_up_quota');
  expect(quota(family(1))).toBeUndefined();
  expect(saveCase({ requestId: rid(), values: family(1) }).ok).toBe(true);
  expect(saveCase({ requestId: rid(), values: family(2) }).ok).toBe(true);
  const w = quota(family(3))!;
  expect(w).toEqual({
    code: 'top_up_quota',
    needsOverride: false,
    message: `本县区按“${TOP_UP}”认定的困难职工将达 3 户，超过低保人数 40 的 5%（2 户）：请核实（原则上不超过）`,
  });
  // A warning only: the third case still saves.
  expect(saveCase({ requestId: rid(), values: family(3) }).ok).toBe(true);
  // 沙洋's reviewer previews a case there: no 低保人数 for H02, nothing to check.
  as(fake, 'shayangReviewer');
  expect(previewCase(family(4)).warnings.find((x) => x.code === 'top_up_quota')).toBeUndefined();
});
