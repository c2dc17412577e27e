/**
 * The server refuses, in Chinese, whatever the page let through, and a refusal changes
 * nothing: no case cell, no log line.
 */
import { setNow } from '../../src/server/clock';
import { getIntakeForm, saveCase, searchCases } from '../../src/server/intake';
import { getReviewQueue, reviewAction } from '../../src/server/review';
import type { ReviewActionKey } from '../../src/shared/endpoints';
import { as, liMing, newWorkbook, records, rid, wangXiuying, type Fake } from './fixtures';

afterAll(() => setNow(null));

function snapshotSheets(fake: Fake) {
  return { cases: JSON.stringify(records(fake, '案件')), log: records(fake, '操作日志').length };
}

function version(fake: Fake, workerNo: string): number {
  return Number(records(fake, '案件').find((r) => r['职工编号'] === workerNo)!['版本']);
}

function refused(fake: Fake, workerNo: string, action: ReviewActionKey, extra: { reason?: string; version?: number } = {}): string {
  const before = snapshotSheets(fake);
  const r = reviewAction({ requestId: rid(action), workerNo, action, version: extra.version ?? version(fake, workerNo), reason: extra.reason });
  expect(r.ok).toBe(false);
  expect(snapshotSheets(fake)).toEqual(before);
  return r.ok ? '' : r.message;
}

/** One case entered by 张敏 (staff) and one entered by 李娜 (the reviewer herself). */
function workbookWithCases(): Fake {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'staff');
  expect(saveCase({ requestId: rid(), values: wangXiuying() }).ok).toBe(true);
  as(fake, 'reviewer');
  expect(saveCase({ requestId: rid(), values: liMing() }).ok).toBe(true);
  return fake;
}

test('an unknown user may not save, act, search or open a case', () => {
  const fake = workbookWithCases();
  fake.setUser('stranger@example.com');
  const before = snapshotSheets(fake);
  const save = saveCase({ requestId: rid(), values: wangXiuying({ id_number: '' }) });
  expect(save.ok).toBe(false);
  expect(save.message).toContain('不在“人员权限”表中');
  expect(() => searchCases('王')).toThrow('不在“人员权限”表中');
  // The sidebars get no case data, only whom to ask (the page shows that instead of the form).
  expect(getReviewQueue()).toMatchObject({ items: [], access: { contacts: expect.arrayContaining([expect.objectContaining({ email: 'admin@jmszgh.cn' })]) } });
  const form = getIntakeForm('H0100001');
  expect(form.access).toBeDefined();
  expect(form.values).toBeUndefined();
  expect(form.workerNo).toBeUndefined();
  const act = reviewAction({ requestId: rid(), workerNo: 'H0100001', action: 'pass', version: 1 });
  expect(act.ok === false && act.message).toContain('不在“人员权限”表中');
  expect(snapshotSheets(fake)).toEqual(before);
  // The empty form itself is no secret.
  expect(getIntakeForm().user.role).toBeNull();
});

test("grassroots staff cannot pass, do the county's 初审 or approve a case", () => {
  const fake = workbookWithCases();
  as(fake, 'staff2');
  expect(refused(fake, 'H0100001', 'pass')).toContain('“审核通过”须由单位工会审核办理');
  // Bring the case to the county's desk, then let staff try to approve it.
  setNow('2025-10-09');
  as(fake, 'reviewer');
  expect(reviewAction({ requestId: rid(), workerNo: 'H0100001', action: 'pass', version: 1 }).ok).toBe(true);
  setNow('2025-10-16');
  expect(reviewAction({ requestId: rid(), workerNo: 'H0100001', action: 'end_notice', version: 2 }).ok).toBe(true);
  as(fake, 'staff2');
  expect(refused(fake, 'H0100001', 'prelim')).toContain('“初审通过”须由县区总工会办理');
  as(fake, 'county');
  expect(reviewAction({ requestId: rid(), workerNo: 'H0100001', action: 'prelim', version: 3 }).ok).toBe(true);
  as(fake, 'staff2');
  expect(refused(fake, 'H0100001', 'approve')).toContain('“审批通过”须由市总工会办理');
});

test('the reviewer who entered a case cannot pass it herself', () => {
  const fake = workbookWithCases();
  as(fake, 'reviewer');
  expect(refused(fake, 'H0100002', 'pass')).toContain('不能对自己录入的案件');
  // Her colleague's case she may pass.
  expect(reviewAction({ requestId: rid(), workerNo: 'H0100001', action: 'pass', version: 1 }).ok).toBe(true);
});

test('a reviewer of another county cannot act on or see a case', () => {
  const fake = workbookWithCases();
  as(fake, 'shayangReviewer');
  expect(refused(fake, 'H0100001', 'pass')).toContain('不在您的管辖范围');
  expect(getReviewQueue().items).toEqual([]);
  expect(searchCases('王秀英')).toEqual([]);
  expect(() => getIntakeForm('H0100001')).toThrow('不在您的管辖范围');
});

test('a return needs a reason', () => {
  const fake = workbookWithCases();
  as(fake, 'reviewer');
  expect(refused(fake, 'H0100001', 'return')).toContain('须填写原因');
  expect(refused(fake, 'H0100001', 'return', { reason: '   ' })).toContain('须填写原因');
  const ok = reviewAction({ requestId: rid(), workerNo: 'H0100001', action: 'return', version: 1, reason: '缺少医疗费用票据' });
  expect(ok).toMatchObject({ ok: true, status: 'returned' });
  const log = records(fake, '操作日志');
  expect(log[log.length - 1]).toMatchObject({ 操作: '退回', 原因: '缺少医疗费用票据' });
});

test('a stale version is refused for actions and for edits', () => {
  const fake = workbookWithCases();
  as(fake, 'staff');
  const edit = saveCase({ requestId: rid(), workerNo: 'H0100001', version: 1, values: wangXiuying({ phone: '13800001111' }) });
  expect(edit).toMatchObject({ ok: true, version: 2 });
  // Someone who loaded version 1 tries to save over it.
  const stale = saveCase({ requestId: rid(), workerNo: 'H0100001', version: 1, values: wangXiuying({ phone: '13900002222' }) });
  expect(stale.ok).toBe(false);
  expect(stale.message).toContain('已被他人修改');
  as(fake, 'reviewer');
  expect(refused(fake, 'H0100001', 'pass', { version: 1 })).toContain('已被他人办理或修改');
});

test('staff cannot write the reviewer-only opinion field', () => {
  const fake = workbookWithCases();
  as(fake, 'staff');
  const before = snapshotSheets(fake);
  const r = saveCase({ requestId: rid(), workerNo: 'H0100001', version: 1, values: wangXiuying({ unit_opinion: '同意救助' }) });
  expect(r.ok).toBe(false);
  expect(r.ok === false && r.errors.map((e) => e.field)).toContain('unit_opinion');
  expect(r.message).toContain('单位工会意见');
  expect(snapshotSheets(fake)).toEqual(before);
});

test('a duplicate ID number blocks saving until a reviewer overrides it with a reason', () => {
  const fake = workbookWithCases();
  as(fake, 'staff');
  const dup = wangXiuying({ name: '王秀英', phone: '13811112222' });
  const blocked = saveCase({ requestId: rid(), values: dup });
  expect(blocked.ok).toBe(false);
  expect(blocked.ok === false && blocked.warnings.map((w) => w.code)).toEqual(['duplicate_id']);
  expect(blocked.message).toContain('H0100001');
  // Staff may not override, even with a reason.
  const staffOverride = saveCase({ requestId: rid(), values: dup, override: { reason: '重新建档' } });
  expect(staffOverride.ok).toBe(false);
  expect(staffOverride.message).toContain('不能覆盖提示');
  as(fake, 'county');
  const ok = saveCase({ requestId: rid(), values: dup, override: { reason: '原案件将退出，重新建档' } });
  expect(ok).toMatchObject({ ok: true, workerNo: 'H0100003' });
  const log = records(fake, '操作日志');
  expect(String(log[log.length - 1]['原因'])).toBe('覆盖提示（身份证号重复）：原案件将退出，重新建档');
});

test('an English-speaking user reads refusals and field errors in English', () => {
  const fake = workbookWithCases();
  as(fake, 'staff2');
  (fake as unknown as { locale: string }).locale = 'en_GB';
  const r = saveCase({ requestId: rid(), values: wangXiuying({ household_size: 0 }) });
  expect(r.ok === false && r.errors[0]).toMatchObject({ field: 'household_size', label: 'Household size' });
  expect(r.message).toContain('"Household size"');
  const act = reviewAction({ requestId: rid(), workerNo: 'H0100001', action: 'pass', version: 1 });
  expect(act.ok === false && act.message).toContain('"Pass review" is for');
});
