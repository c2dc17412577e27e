import { freezeDecision, readDecision, type PolicySnapshot } from '../../../src/domain/workflow/snapshot';
import { medicalSnapshot } from './fixtures';

describe('the decision snapshot frozen at approval', () => {
  const decision = { ...medicalSnapshot, decidedOn: '2025-10-20', decidedBy: 'wangqiang@jszgh.cn', amount: 1600 };

  it('reads back exactly what was frozen', () => {
    expect(readDecision(freezeDecision(decision))).toEqual({ version: 1, ...decision });
  });

  it('does not change when the policy row is edited afterwards', () => {
    const policy: PolicySnapshot = JSON.parse(JSON.stringify(medicalSnapshot));
    const frozen = freezeDecision({ ...policy, decidedOn: '2025-10-20', decidedBy: 'wangqiang@jszgh.cn', amount: 1600 });
    policy.policyRow.rate = 0.1; // the administrator raises the rate in 救助标准 later
    policy.explanation.zh = '改动后的说明';
    const read = readDecision(frozen);
    expect(read.policyRow.rate).toBe(0.08);
    expect(read.explanation.zh).toBe(medicalSnapshot.explanation.zh);
  });

  it('refuses to freeze an incomplete snapshot', () => {
    expect(() => freezeDecision({ ...decision, decidedOn: '2025-13-01' })).toThrow('审批快照不完整：decidedOn');
  });

  it('says a damaged cell is damaged instead of guessing', () => {
    expect(() => readDecision('{"scheme":"medical"')).toThrow('审批快照无法读取（不是有效的 JSON）');
    const tampered = JSON.parse(freezeDecision(decision));
    delete tampered.amount;
    expect(() => readDecision(JSON.stringify(tampered))).toThrow('审批快照内容不完整或已被改动');
  });
});
