import { defaultFields } from '../../../src/defaults/forms';
import { availableActions, can, canEditField, isWaitingOn, parseStaffTable, resolveUser, sameCounty } from '../../../src/domain/workflow/permissions';
import { aCase, admin, city, county, province, reviewer, rules, shayangCounty, staff } from './fixtures';

const chains = rules.chains;

describe('the 人员权限 sheet', () => {
  const sheet = [
    ['邮箱', '角色', '县区代码', '姓名'],
    ['ZhangMin@jszgh.cn ', '基层工会', 'h01', '张敏'],
    ['lina@jszgh.cn', '单位工会审核', 'H01', '李娜'],
    ['wangqiang@jszgh.cn', 'county', 'H01', '王强'],
    ['chenjing@jmszgh.cn', '市总工会', '', '陈静'],
    ['', '', '', ''],
    ['zhaolei@syzgh', '单位工会审核', 'H02', '赵磊'],
    ['sunli@syzgh.cn', '县区总工会', '', '孙丽'],
    ['lina@jszgh.cn', '管理员', '', '李娜'],
    ['guest@jszgh.cn', '访客', 'H01', '访客'],
  ];
  const { users, problems } = parseStaffTable(sheet);

  it('reads roles written as zh labels or codes, e-mails in any case', () => {
    expect(users).toEqual([
      { email: 'zhangmin@jszgh.cn', role: 'staff', county: 'H01', name: '张敏' },
      { email: 'lina@jszgh.cn', role: 'reviewer', county: 'H01', name: '李娜' },
      { email: 'wangqiang@jszgh.cn', role: 'county', county: 'H01', name: '王强' },
      { email: 'chenjing@jmszgh.cn', role: 'city', county: null, name: '陈静' },
    ]);
  });

  it('reports each bad row with its number, and keeps everyone else working', () => {
    expect(problems.map((p) => p.zh)).toEqual([
      '第 7 行：邮箱“zhaolei@syzgh”无效',
      '第 8 行：县区总工会需填写县区代码',
      '第 9 行：邮箱 lina@jszgh.cn 与第 3 行重复，以第 3 行为准',
      '第 10 行：未知角色“访客”',
    ]);
  });

  it('finds a user by e-mail whatever the case; an unknown e-mail is nobody', () => {
    expect(resolveUser('LiNa@JSZGH.cn', users)?.role).toBe('reviewer');
    expect(resolveUser('stranger@example.com', users)).toBeNull();
    expect(resolveUser('', users)).toBeNull();
  });

  it('accepts an English header', () => {
    expect(
      parseStaffTable([
        ['Email', 'Role', 'County code', 'Name'],
        ['a@b.cn', 'admin', '', '管理员'],
      ]).users,
    ).toHaveLength(1);
  });

  it('says so when the header lacks the e-mail column', () => {
    expect(parseStaffTable([['姓名', '角色']]).problems[0].zh).toContain('缺少“邮箱”或“角色”列');
  });
});

describe('county scope', () => {
  it('matches county codes with or without the province letter', () => {
    expect(sameCounty('H01', 'h01')).toBe(true);
    expect(sameCounty('01', 'H01')).toBe(true);
    expect(sameCounty('H01', 'H02')).toBe(false);
    expect(sameCounty('', '')).toBe(false);
  });

  it('the city union and administrators see every county; others only their own', () => {
    const shayangCase = aCase({ county: 'H02', status: 'approved' });
    expect(can(city, 'file', shayangCase, { chains }).ok).toBe(true);
    expect(can(county, 'return', aCase({ county: 'H02', status: 'approval' }), { chains }).ok).toBe(false);
    expect(can(shayangCounty, 'return', aCase({ county: 'H02', status: 'approval' }), { chains }).ok).toBe(true);
  });
});

describe('which actions each person sees on a case', () => {
  it('the reviewer of a submitted case: pass or return', () => {
    expect(availableActions(reviewer, aCase(), '2025-10-09', chains)).toEqual(['pass', 'return']);
  });

  it('during the notice: object, return; end it only once the period has run', () => {
    const c = aCase({ status: 'notice', notice_end: '2025-10-14' });
    expect(availableActions(reviewer, c, '2025-10-14', chains)).toEqual(['return', 'objection']);
    expect(availableActions(reviewer, c, '2025-10-15', chains)).toEqual(['return', 'objection', 'end_notice']);
  });

  it('the county on an emergency case awaiting review may only pay first', () => {
    expect(availableActions(county, aCase({ emergency: '是' }), '2025-10-03', chains)).toEqual(['mark_paid']);
  });

  it('staff on their returned case may resubmit; nobody acts on an exited case', () => {
    expect(availableActions(staff, aCase({ status: 'returned' }), '2025-10-09', chains)).toEqual(['resubmit']);
    for (const u of [staff, reviewer, county, city, admin]) expect(availableActions(u, aCase({ status: 'exited' }), '2025-10-09', chains)).toEqual([]);
  });

  it('administrators configure the workbook but take no decisions on cases', () => {
    expect(availableActions(admin, aCase(), '2025-10-09', chains)).toEqual([]);
  });

  it("the county's 初审 passes the case to the city, which approves (seed 001 §2)", () => {
    const c = aCase({ status: 'approval' });
    expect(availableActions(county, c, '2025-10-20', chains)).toEqual(['return', 'prelim']);
    expect(can(county, 'approve', c, { chains })).toMatchObject({ ok: false, reasonZh: '案件当前环节为“县区初审”，不能“审批通过”' });
    const atCity = aCase({ status: 'approval', stage: '市总审批' });
    expect(availableActions(city, atCity, '2025-10-20', chains)).toEqual(['return', 'approve']);
    expect(can(county, 'approve', atCity, { chains })).toMatchObject({ ok: false, reasonZh: '“审批通过”须由市总工会办理，您的角色是县区总工会' });
  });

  it('the filing goes up to the province, which may not return it; the province spot-checks filed cases', () => {
    const approved = aCase({ status: 'approved', stage: '省总备案' });
    expect(availableActions(province, approved, '2025-11-03', chains)).toEqual(['file']);
    expect(can(province, 'return', approved, { chains })).toMatchObject({ ok: false, reasonZh: '“省总备案”环节不能退回案件' });
    const filed = aCase({ status: 'filed', stage: '' });
    expect(availableActions(province, filed, '2025-11-03', chains)).toEqual(['spot_check']);
    expect(isWaitingOn(province, filed, chains)).toBe(true);
    const checked = aCase({ status: 'filed', stage_records: '2025-11-04（环节：省总抽查，办理人：liuyang@hbszgh.org.cn，决定：已抽查，意见：入户核实无误）' });
    expect(isWaitingOn(province, checked, chains)).toBe(false);
  });

  it('a case waits on the role that owns its step, in its county', () => {
    expect(isWaitingOn(reviewer, aCase(), chains)).toBe(true);
    expect(isWaitingOn(county, aCase(), chains)).toBe(false);
    expect(isWaitingOn(county, aCase({ status: 'approval' }), chains)).toBe(true);
    expect(isWaitingOn(shayangCounty, aCase({ status: 'approval' }), chains)).toBe(false);
    expect(isWaitingOn(city, aCase({ status: 'approved', county: 'H07' }), chains)).toBe(true);
  });

  it('gives the reason in English too', () => {
    const r = can(staff, 'pass', aCase(), { chains });
    expect(r).toEqual({
      ok: false,
      reasonZh: '“审核通过”须由单位工会审核办理，您的角色是基层工会',
      reasonEn: '"Pass review" is for Unit reviewer; your role is Grassroots staff',
    });
  });
});

describe('field-level permissions', () => {
  const fields = defaultFields();

  it('only the city union fills the assistance amount (seed 003 附件2)', () => {
    expect(canEditField(city, 'assistance_amount').ok).toBe(true);
    for (const u of [staff, reviewer, county, admin])
      expect(canEditField(u, 'assistance_amount')).toMatchObject({ ok: false, reasonZh: '该字段只能由市总工会填写' });
  });

  it('other system columns belong to the workflow', () => {
    expect(canEditField(city, 'status')).toMatchObject({ ok: false, reasonZh: '“状态”由系统维护，不能手工修改' });
  });

  it('form fields follow 可编辑角色: blank means anyone, unit_opinion only the reviewer', () => {
    expect(canEditField(staff, 'household_income', fields).ok).toBe(true);
    expect(canEditField(staff, 'unit_opinion', fields).ok).toBe(false);
    expect(canEditField(reviewer, 'unit_opinion', fields).ok).toBe(true);
    expect(canEditField(null, 'name', fields).ok).toBe(false);
  });
});
