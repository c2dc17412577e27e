/**
 * Roles as people type them. The 人员权限 sheet and the 表单定义 "可编辑角色" column may
 * hold a code (reviewer) or the zh label an administrator knows (单位工会审核); both mean
 * the same role. Labels and codes come from caseModel.ts so there is one list.
 */
import { ROLES, ROLE_LABELS, type Role } from './caseModel';
import type { Locale } from './errors';

/**
 * Extra spellings seen in union paperwork (SPEC §1; 基层 = grassroots). 省直工会 approves in
 * 003 as a city union does elsewhere, so it is the city role; 省总 files and spot-checks (001 §2).
 */
const ROLE_ALIASES: Record<string, Role> = {
  基层: 'staff',
  基层工会干部: 'staff',
  单位工会: 'reviewer',
  审核: 'reviewer',
  县区: 'county',
  县总工会: 'county',
  区总工会: 'county',
  县区工会: 'county',
  市总: 'city',
  省直工会: 'city',
  省总: 'province',
  系统管理员: 'admin',
};

/** A role code or label → the role; null when nothing matches. */
export function parseRole(text: unknown): Role | null {
  if (typeof text !== 'string') return null;
  const s = text.trim();
  if (s === '') return null;
  const lower = s.toLowerCase();
  for (const r of ROLES) {
    if (r === lower || ROLE_LABELS[r].zh === s || ROLE_LABELS[r].en.toLowerCase() === lower) return r;
  }
  return ROLE_ALIASES[s] ?? null;
}

/** Splits "reviewer, county" / "单位工会审核、县区总工会" into roles; unknown names are returned apart. */
export function parseRoleList(text: unknown): { roles: Role[]; unknown: string[] } {
  const roles: Role[] = [];
  const unknown: string[] = [];
  if (Array.isArray(text)) text = text.join(',');
  if (typeof text !== 'string') return { roles, unknown };
  for (const raw of text.split(/[,，、|;；]/)) {
    const part = raw.trim();
    if (part === '') continue;
    const r = parseRole(part);
    if (r === null) unknown.push(part);
    else if (!roles.includes(r)) roles.push(r);
  }
  return { roles, unknown };
}

export function roleLabel(role: Role | null | undefined, locale: Locale = 'zh-CN'): string {
  if (!role) return locale === 'en' ? 'No role' : '无权限';
  return locale === 'en' ? ROLE_LABELS[role].en : ROLE_LABELS[role].zh;
}

/** City and provincial unions and administrators see every county; everyone else only their own (SPEC §6). */
export function seesAllCounties(role: Role): boolean {
  return role === 'city' || role === 'province' || role === 'admin';
}

/**
 * Roles that may override a blocking warning (duplicate ID, other programme) with a reason:
 * everyone above the grassroots staff who entered the case.
 */
export function mayOverrideWarnings(role: Role): boolean {
  return role !== 'staff';
}

export { ROLES, ROLE_LABELS, type Role };
