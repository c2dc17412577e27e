/**
 * The approval chain as data (审批流程, SPEC §2.6): the three seed chains, versions that
 * cases keep, the checks a table must pass, and what a stage asks of the person acting.
 */
import fc from 'fast-check';
import type { CaseRecord } from '../../../src/domain/caseModel';
import {
  chainForNewCase,
  chainOf,
  chainRows,
  chainRowsToTable,
  compileChains,
  currentStage,
  paymentAllowed,
  parseChainTable,
  statusAt,
  type StageRow,
} from '../../../src/domain/workflow/chain';
import { applyAction, type ActionContext } from '../../../src/domain/workflow/transitions';
import { availableActions, can } from '../../../src/domain/workflow/permissions';
import { dueDate, type WorkflowRules } from '../../../src/domain/workflow/deadlines';
import { readStageRecords } from '../../../src/domain/workflow/stageRecords';
import { defaultChainRows } from '../../../src/defaults/chains';
import type { ReviewActionKey } from '../../../src/shared/endpoints';
import type { User } from '../../../src/domain/workflow/permissions';
import { aCase, calendar, city, county, medicalSnapshot, province, refusal, reviewer, rules } from './fixtures';

/** Rules with only `name` in use (启用 是), the other default chains kept as ready rows. */
function using(name: string): WorkflowRules {
  const rows = defaultChainRows().map((r) => ({ ...r, enabled: r.chain === name }));
  return { ...rules, chains: compileChains(rows) };
}

function step(r: WorkflowRules, c: CaseRecord, action: ReviewActionKey, user: User, today: string, extra: Partial<ActionContext> = {}): CaseRecord {
  return { ...c, ...(applyAction(c, action, { user, today, calendar, rules: r, ...extra }).next as CaseRecord) };
}

describe('the default chains', () => {
  it('001 is in use; 004 and 003 are ready rows', () => {
    expect(rules.chains.versions.map((v) => [v.id, v.enabled, v.stages.map((s) => s.name)])).toEqual([
      ['河北001@2006-01-01', true, ['单位工会审核', '公示', '县区初审', '市总审批', '省总备案']],
      ['荆门004@2016-01-01', false, ['职工所在单位工会意见', '市总工会意见']],
      ['河南003@2016-12-01', false, ['单位工会意见', '主管厅局工会意见', '省直工会审批']],
    ]);
    expect(chainForNewCase(rules.chains, '2026-12-01').id).toBe('河北001@2006-01-01');
    expect(rules.chains.versions[0].spotChecks.map((s) => s.name)).toEqual(['省总抽查']);
  });

  it('round-trip through the sheet an administrator edits', () => {
    const table = chainRowsToTable(defaultChainRows());
    expect(table[0]).toEqual([
      '流程',
      '生效日期',
      '失效日期',
      '启用',
      '顺序',
      '环节',
      '类型',
      '办理角色',
      '层级',
      '期限（工作日）',
      '紧急期限（工作日）',
      '记录内容',
      '可退回',
      '发放须待本环节',
      '专属字段',
      '依据',
    ]);
    expect(table[1].slice(0, 14)).toEqual([
      '河北001',
      '2006-01-01',
      '',
      '是',
      1,
      '单位工会审核',
      '审核',
      '单位工会审核',
      '单位',
      3,
      0,
      '决定、日期',
      '是',
      '是',
    ]);
    expect(chainRows(parseChainTable(table))).toEqual(chainRows(rules.chains));
  });

  it('every stage names its seed', () => {
    for (const r of defaultChainRows()) expect(r.source).toMatch(/^《/);
  });
});

describe('seed 004: the unit union gives its opinion, the 市总 approves with its own (调查表 四)', () => {
  const r = using('荆门004');
  const c = aCase({ chain: '', stage: '', submitted_at: '2026-06-01' });

  it('a case starts at the unit opinion and needs the opinion text and the seal', () => {
    expect(availableActions(reviewer, c, '2026-06-02', r.chains)).toEqual(['pass', 'return']);
    expect(refusal(() => step(r, c, 'pass', reviewer, '2026-06-02')).zh).toBe('“职工所在单位工会意见”须填写意见');
    expect(refusal(() => step(r, c, 'pass', reviewer, '2026-06-02', { reason: '情况属实，同意上报' })).zh).toBe(
      '“职工所在单位工会意见”须加盖公章：请确认已盖章',
    );
  });

  it('no notice, no county step: the 市总 approves and the case is archived at once', () => {
    const atCity = step(r, c, 'pass', reviewer, '2026-06-02', { reason: '情况属实，同意上报', stamped: true });
    expect(atCity).toMatchObject({ status: 'approval', stage: '市总工会意见', chain: '荆门004@2016-01-01', due_date: '' });
    const done = step(r, atCity, 'approve', city, '2026-06-05', { reason: '同意纳入帮扶', stamped: true, policySnapshot: medicalSnapshot });
    expect(done).toMatchObject({ status: 'filed', stage: '', approved_amount: 1600, entered_year: 2026 });
    expect(readStageRecords(done.stage_records).map((x) => [x.stage, x.opinion, x.stamp])).toEqual([
      ['职工所在单位工会意见', '情况属实，同意上报', '已盖章'],
      ['市总工会意见', '同意纳入帮扶', '已盖章'],
    ]);
  });

  it('the 市总工会意见 field is the 市总 stage alone', () => {
    const v = chainOf(r.chains, c);
    expect(v.stages[1].ownFields).toEqual(['supervisor_opinion', 'supervisor_opinion_date']);
  });
});

describe('seed 003: unit opinion → 主管厅局工会 opinion → 省直工会, which sets the amount', () => {
  const r = using('河南003');
  const c = aCase({ submitted_at: '2016-12-20', chain: '', stage: '' });
  const unitDone = step(r, c, 'pass', reviewer, '2016-12-21', { reason: '同意', stamped: true });
  const supervisorDone = step(r, unitDone, 'opinion', county, '2016-12-23', { reason: '经核实，同意申请', stamped: true });

  it('the supervising union gives its opinion with its seal', () => {
    expect(unitDone).toMatchObject({ status: 'approval', stage: '主管厅局工会意见' });
    expect(availableActions(county, unitDone, '2016-12-22', r.chains)).toEqual(['return', 'opinion']);
    expect(supervisorDone).toMatchObject({ status: 'approval', stage: '省直工会审批' });
  });

  it('the 省直工会 approves; no 备案 stage follows, so the case is archived', () => {
    const done = step(r, supervisorDone, 'approve', city, '2017-01-09', { amount: 2000, policySnapshot: medicalSnapshot });
    expect(done).toMatchObject({ status: 'filed', approved_amount: 2000 });
  });
});

describe('cases keep the chain version they started under', () => {
  // The administrator shortens review to 2 working days from 2026-01-01: a new version, the old one ends.
  const rows: StageRow[] = defaultChainRows().flatMap((row) => {
    if (row.chain !== '河北001') return [row];
    const old = { ...row, to: '2025-12-31' };
    const next = { ...row, from: '2026-01-01', workdays: row.kind === 'review' ? 2 : row.workdays };
    return [old, next];
  });
  const r: WorkflowRules = { ...rules, chains: compileChains(rows) };

  it('a case submitted in 2025 keeps 3 working days; one submitted in 2026 gets 2', () => {
    const old = aCase({ submitted_at: '2025-12-30', chain: '河北001@2006-01-01', stage: '单位工会审核' });
    expect(dueDate(old, calendar, r)).toBe('2026-01-05'); // 31, Jan 4 (worked), Jan 5
    expect(chainForNewCase(r.chains, '2026-01-05').id).toBe('河北001@2026-01-01');
    const fresh = aCase({ submitted_at: '2026-01-05', chain: '河北001@2026-01-01', stage: '单位工会审核' });
    expect(dueDate(fresh, calendar, r)).toBe('2026-01-07');
  });

  it('a case from before the chain was data runs under the version in use when it was submitted, and keeps it once it moves', () => {
    const legacy = aCase({ submitted_at: '2025-09-30' });
    delete legacy.chain;
    expect(chainOf(r.chains, legacy).id).toBe('河北001@2006-01-01');
    expect(step(r, legacy, 'pass', reviewer, '2026-01-06').chain).toBe('河北001@2006-01-01');
  });

  it('a case whose version was deleted says which, instead of guessing', () => {
    const lost = aCase({ chain: '河北001@2019-01-01' });
    expect(refusal(() => chainOf(rules.chains, lost)).zh).toBe('案件 H0100001 的审批流程“河北001@2019-01-01”已不在“审批流程”表中，请管理员恢复该流程的各行');
  });

  it('a legacy case waiting on the county is at its 初审; an approved one at 省总备案', () => {
    const v = chainOf(rules.chains, aCase());
    expect(currentStage(v, aCase({ status: 'approval' }))?.name).toBe('县区初审');
    expect(currentStage(v, aCase({ status: 'approved' }))?.name).toBe('省总备案');
    expect(currentStage(v, aCase({ status: 'returned' }))).toBeNull();
  });
});

describe('payment waits for the stages marked so (002 五(四) 先建档、后帮扶)', () => {
  it('by default a family is paid once the city has approved, before the filing', () => {
    const v = chainOf(rules.chains, aCase());
    expect(paymentAllowed(v, aCase({ status: 'approval', stage: '市总审批' }))).toBe(false);
    expect(paymentAllowed(v, aCase({ status: 'approved', stage: '省总备案' }))).toBe(true);
    expect(can(county, 'pay', aCase({ status: 'approved', stage: '省总备案' }), { chains: rules.chains }).ok).toBe(true);
  });

  it('when the filing is marked 发放须待本环节, payment waits for it', () => {
    const rows = defaultChainRows().map((row) => (row.kind === 'file' ? { ...row, paymentWaits: true } : row));
    const chains = compileChains(rows);
    const approved = aCase({ status: 'approved', stage: '省总备案' });
    expect(can(county, 'pay', approved, { chains })).toMatchObject({ ok: false, reasonZh: '须待“省总备案”办结后方可发放（先建档、后帮扶）' });
    expect(can(county, 'pay', aCase({ status: 'filed' }), { chains }).ok).toBe(true);
  });
});

describe('the table is checked before anything runs under it', () => {
  const table = () => chainRowsToTable(defaultChainRows()) as unknown[][];

  it('names each bad cell by row and column', () => {
    const t = table();
    t[2][6] = '复核';
    t[3][7] = '访客';
    t[4][9] = '七';
    expect(() => parseChainTable(t)).toThrow(
      '审批流程表有误：第 3 行“类型”列：未知类型“复核”（可填：审核、公示、意见、初审、审批、备案、抽查）；第 4 行“办理角色”列：未知角色“访客”；第 5 行“期限（工作日）”列：应为不小于 0 的整数，或留空表示不设期限',
    );
  });

  it('a version needs exactly one approval, and only a filing after it', () => {
    const rows = defaultChainRows().filter((r) => !(r.chain === '河北001' && r.kind === 'approve'));
    expect(() => compileChains(rows)).toThrow('流程“河北001”（2006-01-01 起）应有且只有一个“审批”环节（现有 0 个）');
    const late = defaultChainRows().map((r) => (r.chain === '河北001' && r.kind === 'file' ? { ...r, kind: 'prelim' as const } : r));
    expect(() => compileChains(late)).toThrow('审批之后只能是“备案”环节，“省总备案”是初审');
  });

  it('two chains in use on the same day are refused, and so is none', () => {
    const both = defaultChainRows().map((r) => (r.chain === '荆门004' ? { ...r, enabled: true } : r));
    expect(() => compileChains(both)).toThrow('生效期间重叠：同一天只能有一个流程启用');
    const none = defaultChainRows().map((r) => ({ ...r, enabled: false }));
    expect(() => compileChains(none)).toThrow('审批流程表中没有“启用”的流程');
  });

  it('nothing is paid before the approval, and a spot-check neither holds payment nor returns', () => {
    const early = defaultChainRows().map((r) => (r.chain === '河北001' && r.kind === 'prelim' ? { ...r, paymentWaits: false } : r));
    expect(() => compileChains(early)).toThrow('“县区初审”在审批之前，“发放须待本环节”应为“是”（先建档、后帮扶）');
    const spot = defaultChainRows().map((r) => (r.kind === 'spotcheck' ? { ...r, mayReturn: true } : r));
    expect(() => compileChains(spot)).toThrow('抽查环节不退回案件');
  });

  it('a 专属字段 that names no field is refused', () => {
    const t = table();
    t[4][14] = '补助金额';
    expect(() => parseChainTable(t, (s) => (s === '救助金额（市总填写）' ? 'assistance_amount' : null))).toThrow('第 5 行“专属字段”列：找不到字段“补助金额”');
  });
});

describe('the status a stage gives is the phase every report counts (property)', () => {
  it('before the approval by kind, after it 已审批, past the end 已备案, for any valid chain', () => {
    const kinds = fc.array(fc.constantFrom('review' as const, 'notice' as const, 'opinion' as const, 'prelim' as const), { maxLength: 4 });
    fc.assert(
      fc.property(kinds, fc.integer({ min: 0, max: 2 }), (before, files) => {
        const base = defaultChainRows()[0];
        const seq = [...before, 'approve' as const, ...Array.from({ length: files }, () => 'file' as const)];
        const rows = seq.map((kind, i) => ({
          ...base,
          order: i + 1,
          name: `第${i + 1}环节`,
          kind,
          workdays: kind === 'notice' ? 5 : base.workdays,
          paymentWaits: i <= before.length,
        }));
        const v = compileChains(rows).versions[0];
        v.stages.forEach((s, i) => {
          const expected = i > v.approveAt ? 'approved' : s.kind === 'review' ? 'submitted' : s.kind === 'notice' ? 'notice' : 'approval';
          expect(statusAt(v, s)).toBe(expected);
        });
        expect(statusAt(v, null)).toBe('filed');
      }),
    );
  });
});

describe('the province is a role of its own', () => {
  it('sees every county and files', () => {
    const approved = aCase({ status: 'approved', county: 'H05' });
    expect(can(province, 'file', approved, { chains: rules.chains }).ok).toBe(true);
  });
});
