/**
 * 帮扶责任人 are kept once assigned (荆工办〔2016〕2号 二（四）: each 市总 cadre takes one family,
 * "原则上保持不变"): changing one is an override — a reviewer or higher, with a reason, logged.
 */
import { setNow } from '../../src/server/clock';
import { getIntakeForm, saveCase } from '../../src/server/intake';
import { as, newWorkbook, records, rid, wangXiuying } from './fixtures';

afterAll(() => setNow(null));

test("the first assignment is free; changing it needs a reviewer's reason, which 操作日志 keeps", () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'staff');
  const saved = saveCase({ requestId: rid('new'), values: wangXiuying({ cadre_name: '陈静', cadre_phone: '13972611234' }) });
  const no = (saved as { workerNo: string }).workerNo;
  const edit = (override?: string) => {
    const form = getIntakeForm(no);
    return saveCase({
      requestId: rid('edit'),
      workerNo: no,
      version: form.version!,
      values: { ...form.values!, cadre_name: '刘洋' },
      ...(override ? { override: { reason: override } } : {}),
    });
  };
  const refused = edit();
  expect(refused).toMatchObject({ ok: false, message: '需要审核人员填写原因后才能保存：帮扶责任人原则上保持不变：由“陈静”改为“刘洋”须说明原因' });
  expect(edit('陈静调往市总机关工会').ok).toBe(false); // staff may not override
  expect(records(fake, '案件')[0]['帮扶责任人']).toBe('陈静');

  as(fake, 'reviewer');
  expect(edit('陈静调往市总机关工会，改由刘洋负责')).toMatchObject({ ok: true });
  expect(records(fake, '案件')[0]['帮扶责任人']).toBe('刘洋');
  const log = records(fake, '操作日志');
  expect(log[log.length - 1]['原因']).toBe('覆盖提示（更换帮扶责任人）：陈静调往市总机关工会，改由刘洋负责');
  // Other edits of the case stay free.
  const form = getIntakeForm(no);
  expect(saveCase({ requestId: rid('edit'), workerNo: no, version: form.version!, values: { ...form.values!, address: '京山市新市街道城中路12号' } }).ok).toBe(
    true,
  );
});
