/**
 * What the server tells the sidebars so they can say why: the reason a step is not offered
 * on a case, and whom a person not in 人员权限 should ask.
 */
import { setNow } from '../../src/server/clock';
import { getIntakeForm, saveCase } from '../../src/server/intake';
import { getReviewQueue, reviewAction } from '../../src/server/review';
import { as, newWorkbook, rid, wangXiuying, liMing } from './fixtures';

afterAll(() => setNow(null));

test('a reviewer sees her own case without 审核通过, and the queue item says why', () => {
  const fake = newWorkbook('2025-10-09');
  as(fake, 'reviewer');
  expect(saveCase({ requestId: rid(), values: wangXiuying() }).ok).toBe(true);
  as(fake, 'staff');
  expect(saveCase({ requestId: rid(), values: liMing() }).ok).toBe(true);

  as(fake, 'reviewer');
  const queue = getReviewQueue();
  const own = queue.items.find((i) => i.name === '王秀英')!;
  expect(own.actions.map((a) => a.key)).not.toContain('pass');
  expect(own.unavailable).toEqual([{ key: 'pass', label: '审核通过', reason: '不能对自己录入的案件“审核通过”，请由其他人员办理' }]);
  // Someone else's case offers the step and explains nothing; payment first is no step for a non-emergency case.
  const other = queue.items.find((i) => i.name === '李明')!;
  expect(other.actions.map((a) => a.key)).toContain('pass');
  expect(other.unavailable).toEqual([]);

  // In notice (posted Thu 9 October: Fri 10, Sat 11 worked, Mon 13 … Wed 15), 公示期满 is not
  // offered before the notice is over, and the item says until when.
  expect(reviewAction({ requestId: rid(), workerNo: other.workerNo, action: 'pass', version: other.version }).ok).toBe(true);
  const inNotice = getReviewQueue().items.find((i) => i.workerNo === other.workerNo)!;
  expect(inNotice.unavailable).toEqual([{ key: 'end_notice', label: '公示期满', reason: '公示期未满：公示至 2025-10-15（含），2025-10-15 之后方可结束公示' }]);
});

test('a visitor not in 人员权限 gets whom to ask instead of a form that refuses at 保存', () => {
  const fake = newWorkbook('2025-10-09');
  fake.setUser('guest@example.cn');
  const model = getIntakeForm();
  expect(model.access).toEqual({ email: 'guest@example.cn', contacts: expect.arrayContaining([{ name: '系统管理员', email: 'admin@jmszgh.cn' }]) });
  expect(getIntakeForm('H0100001').access?.email).toBe('guest@example.cn'); // no "not found", no case data
  const queue = getReviewQueue();
  expect(queue.items).toEqual([]);
  expect(queue.access?.contacts).toEqual(expect.arrayContaining([{ name: '系统管理员', email: 'admin@jmszgh.cn' }]));
  // A listed user gets no such page.
  as(fake, 'staff');
  expect(getIntakeForm().access).toBeUndefined();
  expect(getReviewQueue().access).toBeUndefined();
});
