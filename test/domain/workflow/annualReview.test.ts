import { annualReview } from '../../../src/domain/workflow/annualReview';
import { aCase, rules } from './fixtures';

const opts = { year: 2026, dibaoLine: 550, today: '2026-04-01', rules };

describe('annual re-review (动态管理, by 30 April)', () => {
  const stillPoor = aCase({ worker_no: 'H0100001', status: 'filed', household_income: 18000, household_size: 3, causes: '因病' });
  const recovered = aCase({ worker_no: 'H0100002', status: 'filed', household_income: 96000, household_size: 3, causes: '' });
  const partyAssisted = aCase({
    worker_no: 'H0100003',
    status: 'approved',
    household_income: 18000,
    household_size: 3,
    political_status: '中共党员',
    other_programme: '党组织帮扶',
  });
  const noData = aCase({ worker_no: 'H0100004', status: 'filed', household_income: '', household_size: '' });
  const notActive = [aCase({ worker_no: 'H0100005', status: 'submitted' }), aCase({ worker_no: 'H0100006', status: 'exited' })];

  const result = annualReview([stillPoor, recovered, partyAssisted, noData, ...notActive], opts);
  const byNo = (no: string) => result.items.find((i) => i.workerNo === no)!;

  it('reviews only active (approved or filed) cases and gives the deadline', () => {
    expect(result.items.map((i) => i.workerNo)).toEqual(['H0100001', 'H0100002', 'H0100003', 'H0100004']);
    expect(result.deadline).toBe('2026-04-30');
  });

  it('keeps a household still below the 低保 line', () => {
    expect(byNo('H0100001')).toMatchObject({
      category: '低保户',
      proposal: '保留',
      patch: { review_year: 2026, review_result: '低保户', review_proposal: '保留' },
    });
    expect(byNo('H0100001').reasonZh).toBe('仍符合困难职工条件：低保户（家庭人均月收入 500.00 元，低保线 550 元）');
  });

  it('proposes exit for a household now well above it', () => {
    expect(byNo('H0100002')).toMatchObject({ category: '', proposal: '退出', patch: { review_result: '不符合' } });
    expect(byNo('H0100002').reasonZh).toContain('家庭人均月收入 2666.67 元');
  });

  it('proposes exit for a party member assisted by the party organisation (seed 003)', () => {
    expect(byNo('H0100003').proposal).toBe('退出');
    expect(byNo('H0100003').reasonZh).toContain('一人一项');
  });

  it('keeps a case with missing income data and asks for it', () => {
    expect(byNo('H0100004')).toMatchObject({ proposal: '保留' });
    expect(byNo('H0100004').reasonZh).toContain('资料不全');
  });
});
