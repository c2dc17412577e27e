/**
 * Case rules the intake and review use cases share (pure): county codes as the workbook writes them,
 * duplicate warnings, the case summary, and which statuses a role may still edit.
 */
import type { CaseRecord, CaseStatus, Role } from '../domain/caseModel';
import { parseStatus, STATUS_LABELS } from '../domain/caseModel';
import { BangfuError, type Locale } from '../domain/errors';
import { listOf, textOf } from '../domain/forms/values';
import { HARDSHIP_ROUTES, routesIn } from '../domain/eligibility';
import { sameCounty } from '../domain/workflow/permissions';
import { seesAllCounties } from '../domain/roles';
import type { Warning } from '../shared/endpoints';
import type { County } from './settings';

/** A county as 案件 stores it: the code from 设置 (with its province letter, e.g. H01). */
export function resolveCounty(input: string, counties: readonly County[], provinceLetter: string): County {
  const s = input.trim().toUpperCase();
  const found = counties.find((c) => sameCounty(c.code, s) || c.name === input.trim());
  if (!found) {
    const known = counties.map((c) => `${c.code} ${c.name}`).join('、');
    throw new BangfuError(
      'case.unknownCounty',
      `县区代码“${input}”不在“设置”表的县区代码中（${known}）`,
      `County "${input}" is not in the settings' county list (${known})`,
      'county',
    );
  }
  return /^\d{2}$/.test(found.code) ? { ...found, code: provinceLetter + found.code } : found;
}

/** The county of a new case: the user's own, unless the city union or an administrator picks one. */
export function countyForNewCase(role: Role, userCounty: string | null, requested: string | undefined): string {
  const want = (requested ?? '').trim();
  if (seesAllCounties(role)) {
    if (want === '') throw new BangfuError('case.countyRequired', '请选择县区', 'Choose a county', 'county');
    return want;
  }
  if (want !== '' && !sameCounty(want, userCounty)) {
    throw new BangfuError(
      'case.countyScope',
      `您只能为本县区（${userCounty ?? ''}）录入案件`,
      `You may only enter cases for your own county (${userCounty ?? ''})`,
      'county',
    );
  }
  return userCounty ?? '';
}

/**
 * Who may still edit a case's form fields in each status. A decided case (approved,
 * filed) is corrected only by the county or city union; an exited case is closed.
 * The decision snapshot keeps what the approval was based on either way.
 */
export const EDIT_ROLES_BY_STATUS: Record<CaseStatus, readonly Role[]> = {
  submitted: ['staff', 'reviewer', 'county', 'city', 'admin'],
  returned: ['staff', 'reviewer', 'county', 'city', 'admin'],
  notice: ['reviewer', 'county', 'city', 'admin'],
  approval: ['county', 'city', 'admin'],
  approved: ['county', 'city', 'admin'],
  filed: ['county', 'city', 'admin'],
  exited: [],
};

export function statusText(v: unknown, locale: Locale = 'zh-CN'): string {
  const s = parseStatus(v);
  if (!s) return textOf(v);
  return locale === 'en' ? STATUS_LABELS[s].en : STATUS_LABELS[s].zh;
}

export interface IdIndexEntry {
  workerNo: string;
  status: CaseStatus | null;
  rowNumber: number;
}

/**
 * Blocking warnings for a submission (seed 003 "一人一项"; SPEC §5 real name):
 * the same ID number in another case that has not exited, or another programme already
 * assisting the worker. `others` are the cases holding the same ID (without this one).
 */
export function duplicateWarnings(idNumber: string, others: readonly IdIndexEntry[], otherProgramme: string, locale: Locale): Warning[] {
  const out: Warning[] = [];
  const active = others.filter((o) => o.status !== 'exited');
  if (idNumber !== '' && active.length > 0) {
    const list = active.map((o) => `${o.workerNo}（${statusText(o.status ?? '', locale)}）`).join('、');
    out.push({
      code: 'duplicate_id',
      message: locale === 'en' ? `This ID number is already in active case(s) ${list}` : `该身份证号已在案件 ${list} 中，同一职工不能重复建档`,
      needsOverride: true,
    });
  }
  const prog = otherProgramme.trim();
  if (prog !== '' && prog !== '否') {
    out.push({
      code: 'other_programme',
      message:
        locale === 'en'
          ? `The worker already receives other assistance (${prog}); one person, one programme`
          : `该职工已享受其他帮扶（${prog}）：列入党组织等其他救助的，原则上不再作为工会救助对象（一人一项）`,
      needsOverride: true,
    });
  }
  return out;
}

/** Cases (other than `self`) whose ID cell equals `id`, from the three columns read under the lock. */
export function casesWithId(id: string, ids: readonly unknown[], workerNos: readonly unknown[], statuses: readonly unknown[], self?: string): IdIndexEntry[] {
  const want = id.trim().toUpperCase();
  const out: IdIndexEntry[] = [];
  if (want === '') return out;
  for (let i = 0; i < ids.length; i++) {
    if (textOf(ids[i]).toUpperCase() !== want) continue;
    const no = textOf(workerNos[i]);
    if (self && no.toUpperCase() === self.toUpperCase()) continue;
    out.push({ workerNo: no, status: parseStatus(statuses[i]), rowNumber: i + 2 });
  }
  return out;
}

/** The name of a case for lists. */
export function caseName(c: CaseRecord): string {
  return textOf(c.name);
}

/**
 * The 1.5× 低保 top-up route (河北 001 一、6) is admitted "in principle for no more than 5 % of the
 * local 低保 recipients": a warning, never a refusal, when this case would take the county's
 * count of open cases on that route (itself included) above the quota. Columns as read from 案件.
 */
export function topUpQuotaWarning(
  cols: { routes: readonly unknown[]; county: readonly unknown[]; status: readonly unknown[]; workerNo: readonly unknown[] },
  o: { county: string; self: string; recipients: number | null | undefined; quota: number },
): Warning | null {
  if (!o.recipients) return null;
  const route = HARDSHIP_ROUTES[2];
  let n = 1;
  cols.routes.forEach((v, i) => {
    const status = parseStatus(cols.status[i]);
    if (textOf(cols.county[i]).toUpperCase() !== o.county.toUpperCase() || status === null || status === 'exited') return;
    if (textOf(cols.workerNo[i]) === o.self && o.self !== '') return;
    if (routesIn(listOf(v)).has(route)) n++;
  });
  const limit = Math.floor(o.recipients * o.quota);
  if (n <= limit) return null;
  return {
    code: 'top_up_quota',
    message: `本县区按“${route}”认定的困难职工将达 ${n} 户，超过低保人数 ${o.recipients} 的 ${Math.round(o.quota * 1000) / 10}%（${limit} 户）：请核实（原则上不超过）`,
    needsOverride: false,
  };
}
