import { mayOverrideWarnings, parseRole, parseRoleList, roleLabel, seesAllCounties } from '../../../src/domain/roles';

describe('roles as people write them', () => {
  it.each([
    ['基层工会', 'staff'],
    ['单位工会审核', 'reviewer'],
    ['县区总工会', 'county'],
    ['市总工会', 'city'],
    ['管理员', 'admin'],
    ['reviewer', 'reviewer'],
    [' County ', 'county'],
    ['市总', 'city'],
    ['Unit reviewer', 'reviewer'],
  ])('%s → %s', (text, role) => {
    expect(parseRole(text)).toBe(role);
  });

  it('nothing for unknown words or non-text', () => {
    expect(parseRole('街道办')).toBeNull();
    expect(parseRole('')).toBeNull();
    expect(parseRole(3)).toBeNull();
  });

  it('splits lists on any separator and reports unknown names', () => {
    expect(parseRoleList('单位工会审核、county, city；市总工会')).toEqual({ roles: ['reviewer', 'county', 'city'], unknown: [] });
    expect(parseRoleList('staff|社区')).toEqual({ roles: ['staff'], unknown: ['社区'] });
  });

  it('labels, scope and overrides', () => {
    expect(roleLabel('county')).toBe('县区总工会');
    expect(roleLabel('county', 'en')).toBe('County union');
    expect(roleLabel(null)).toBe('无权限');
    expect(seesAllCounties('city') && seesAllCounties('admin') && !seesAllCounties('county')).toBe(true);
    expect(mayOverrideWarnings('staff')).toBe(false);
    expect(mayOverrideWarnings('reviewer')).toBe(true);
  });
});
