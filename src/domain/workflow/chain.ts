/**
 * The approval chain as data (SPEC §2.6): the 审批流程 sheet lists, per chain and version,
 * its stages in order — kind, acting roles and level, deadline in working days (normal and
 * emergency), what the stage records, whether it may return a case, whether payment waits
 * for it, and the fields only it fills. Seed 001's chain (审核 → 公示 → 县区初审 → 市总审批 →
 * 省总备案, with 抽查) is the default; 004's and 003's are ready rows (src/defaults/chains.ts).
 *
 * A case keeps the chain version it started under: its 审批流程 cell names the version
 * ("河北001@2006-01-01") and its 当前环节 cell the stage it is in. Editing the sheet changes
 * new cases only; the writer refuses an edit that would change or remove a version a case
 * still runs under (usecases/applyConfig.ts), so an administrator adds a new version instead.
 *
 * The case's 状态 stays the coarse phase every report reads (SPEC §6.1 counts by it):
 * before the 审批 stage is done the kind says it (审核 → 待审核, 公示 → 公示中, 意见/初审/审批 →
 * 待审批); after it 已审批 while stages remain (备案); 已备案 when the chain is complete.
 * So a version must have exactly one 审批 stage, only 审核/公示/意见/初审 before it and only
 * 备案 after it; 抽查 (spot-check) is not in the sequence: it is taken on filed cases.
 */
import * as z from 'zod/mini';
import { parseStatus, type CaseRecord, type CaseStatus, type Role } from '../caseModel';
import { coerceCivil, type CivilDate } from '../civilDate';
import { BangfuError } from '../errors';
import { isYes, listOf, textOf } from '../forms/values';
import { parseRoleList, roleLabel } from '../roles';
import { CHAIN_COLUMNS, CHAIN_HEADER, type ChainColumnKey } from '../layouts/chain';

export { CHAIN_COLUMNS, CHAIN_HEADER, CHAIN_SHEET } from '../layouts/chain';

export const STAGE_KINDS = ['review', 'notice', 'opinion', 'prelim', 'approve', 'file', 'spotcheck'] as const;
export const StageKind = z.enum(STAGE_KINDS);
export type StageKind = z.infer<typeof StageKind>;
export const STAGE_KIND_LABELS: Record<StageKind, { zh: string; en: string }> = {
  review: { zh: '审核', en: 'Review' },
  notice: { zh: '公示', en: 'Public notice' },
  opinion: { zh: '意见', en: 'Opinion' },
  prelim: { zh: '初审', en: 'Preliminary review' },
  approve: { zh: '审批', en: 'Approval' },
  file: { zh: '备案', en: 'Filing' },
  spotcheck: { zh: '抽查', en: 'Spot-check' },
};

/** The level of union a stage belongs to (001 §2: unit, county, city, province; 003: the supervising 厅局). */
export const STAGE_LEVELS = ['unit', 'county', 'supervisor', 'city', 'province'] as const;
export const StageLevel = z.enum(STAGE_LEVELS);
export type StageLevel = z.infer<typeof StageLevel>;
export const STAGE_LEVEL_LABELS: Record<StageLevel, { zh: string; en: string }> = {
  unit: { zh: '单位', en: 'Unit' },
  county: { zh: '县区', en: 'County' },
  supervisor: { zh: '主管部门', en: 'Supervising body' },
  city: { zh: '市', en: 'City' },
  province: { zh: '省', en: 'Province' },
};

/** What a stage records when it is done: its decision, an opinion text, the date, that the seal (盖章) was applied, the amount. */
export const RECORD_KINDS = ['decision', 'opinion', 'date', 'stamp', 'amount'] as const;
export const RecordKind = z.enum(RECORD_KINDS);
export type RecordKind = z.infer<typeof RecordKind>;
export const RECORD_KIND_LABELS: Record<RecordKind, { zh: string; en: string }> = {
  decision: { zh: '决定', en: 'Decision' },
  opinion: { zh: '意见', en: 'Opinion' },
  date: { zh: '日期', en: 'Date' },
  stamp: { zh: '盖章', en: 'Seal' },
  amount: { zh: '金额', en: 'Amount' },
};

const Civil = z.string().check(z.refine((s) => coerceCivil(s) === s, { message: '日期应为 YYYY-MM-DD' }));
const Workdays = z.nullable(z.int().check(z.gte(0), z.lte(366)));

export const StageRowSchema = z.object({
  chain: z.string().check(z.minLength(1)),
  from: Civil,
  to: z.nullable(Civil),
  enabled: z.boolean(),
  order: z.int().check(z.gte(1)),
  name: z.string().check(z.minLength(1)),
  kind: StageKind,
  roles: z.array(z.string()).check(z.minLength(1)),
  level: StageLevel,
  /** null = no deadline (审批 in 001 names none). For 公示 it is the notice's minimum length. */
  workdays: Workdays,
  /** null = as the normal deadline. */
  emergencyWorkdays: Workdays,
  records: z.array(RecordKind),
  mayReturn: z.boolean(),
  paymentWaits: z.boolean(),
  /** Case field keys only this stage's roles may fill (003: 帮扶金额 by 省直工会). */
  ownFields: z.array(z.string()),
  source: z.string(),
});
export interface StageRow extends Omit<z.infer<typeof StageRowSchema>, 'roles'> {
  roles: Role[];
}
export type Stage = StageRow;

export interface ChainVersion {
  /** 流程@生效日期: what a case's 审批流程 cell holds. */
  id: string;
  chain: string;
  from: CivilDate;
  to: CivilDate | null;
  enabled: boolean;
  /** The sequence, by 顺序 (spot-checks excluded). */
  stages: Stage[];
  /** Index of the 审批 stage in `stages`. */
  approveAt: number;
  spotChecks: Stage[];
}

export interface ChainBook {
  versions: ChainVersion[];
}

export const versionId = (chain: string, from: CivilDate) => `${chain}@${from}`;

const BEFORE_APPROVAL: readonly StageKind[] = ['review', 'notice', 'opinion', 'prelim'];

/** Groups checked rows into versions and checks each; every problem is thrown together, in zh. */
export function compileChains(rows: readonly StageRow[]): ChainBook {
  const problems: string[] = [];
  const problemsEn: string[] = [];
  const fail = (zh: string, en: string) => {
    problems.push(zh);
    problemsEn.push(en);
  };
  const groups = new Map<string, StageRow[]>();
  for (const r of rows) {
    const id = versionId(r.chain, r.from);
    groups.set(id, [...(groups.get(id) ?? []), r]);
  }
  const versions: ChainVersion[] = [];
  for (const [id, list] of groups) {
    const first = list[0];
    const sorted = [...list].sort((a, b) => a.order - b.order);
    const label = `流程“${first.chain}”（${first.from} 起）`;
    if (list.some((r) => r.enabled !== first.enabled || (r.to ?? '') !== (first.to ?? ''))) {
      fail(`${label}各行的“启用”和“失效日期”应一致`, `${id}: 启用 and 失效日期 differ between its rows`);
    }
    if (first.to !== null && first.to < first.from) fail(`${label}失效日期早于生效日期`, `${id}: effective-to is before effective-from`);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i].order === sorted[i - 1].order) fail(`${label}有两个环节的顺序都是 ${sorted[i].order}`, `${id}: two stages have order ${sorted[i].order}`);
    }
    const names = new Set<string>();
    for (const r of sorted) {
      if (names.has(r.name)) fail(`${label}有两个环节都叫“${r.name}”`, `${id}: two stages are named ${r.name}`);
      names.add(r.name);
    }
    const stages = sorted.filter((r) => r.kind !== 'spotcheck');
    const spotChecks = sorted.filter((r) => r.kind === 'spotcheck');
    const approvals = stages.filter((r) => r.kind === 'approve');
    if (approvals.length !== 1) {
      fail(`${label}应有且只有一个“审批”环节（现有 ${approvals.length} 个）`, `${id}: needs exactly one approval stage (has ${approvals.length})`);
      continue;
    }
    const approveAt = stages.indexOf(approvals[0]);
    stages.forEach((s, i) => {
      if (i < approveAt && !BEFORE_APPROVAL.includes(s.kind)) {
        fail(`${label}的“${s.name}”（${STAGE_KIND_LABELS[s.kind].zh}）不能排在审批之前`, `${id}: ${s.name} (${s.kind}) cannot come before the approval`);
      }
      if (i > approveAt && s.kind !== 'file') {
        fail(`${label}审批之后只能是“备案”环节，“${s.name}”是${STAGE_KIND_LABELS[s.kind].zh}`, `${id}: only filing may follow the approval, not ${s.name}`);
      }
      // 先建档、后帮扶 (002 五(四)): nothing is paid before the approval (the emergency path excepted).
      if (i <= approveAt && !s.paymentWaits) {
        fail(`${label}的“${s.name}”在审批之前，“发放须待本环节”应为“是”（先建档、后帮扶）`, `${id}: ${s.name} precedes the approval; payment must wait for it`);
      }
      if (s.kind === 'notice' && (s.workdays === null || s.workdays < 1)) {
        fail(`${label}的公示环节须填写公示期（工作日，至少 1 天）`, `${id}: the notice needs its length in working days`);
      }
    });
    for (const s of spotChecks) {
      if (s.paymentWaits) fail(`${label}的抽查环节不能让发放等待（抽查在备案之后）`, `${id}: payment cannot wait for a spot-check`);
      if (s.mayReturn) fail(`${label}的抽查环节不退回案件：抽查发现的问题记入抽查意见，由县区办理退出`, `${id}: a spot-check does not return cases`);
    }
    versions.push({ id, chain: first.chain, from: first.from, to: first.to, enabled: first.enabled, stages, approveAt, spotChecks });
  }
  if (versions.length > 0 && !versions.some((v) => v.enabled)) fail('审批流程表中没有“启用”的流程', 'No chain is in use');
  const enabled = versions.filter((v) => v.enabled).sort((a, b) => (a.from < b.from ? -1 : 1));
  for (let i = 1; i < enabled.length; i++) {
    const prev = enabled[i - 1];
    if (prev.to === null || prev.to >= enabled[i].from) {
      fail(
        `启用的流程“${prev.chain}”（${prev.from} 起）与“${enabled[i].chain}”（${enabled[i].from} 起）生效期间重叠：同一天只能有一个流程启用`,
        `chains in use overlap: ${prev.id} and ${enabled[i].id}`,
      );
    }
  }
  if (problems.length > 0) throw new BangfuError('chain.invalid', `审批流程表有误：${problems.join('；')}`, `Approval chain errors: ${problemsEn.join('; ')}`);
  return { versions };
}

/** The version new cases start under on `on`: the enabled one in force that day. */
export function chainForNewCase(book: ChainBook, on: CivilDate): ChainVersion {
  const v = book.versions.find((x) => x.enabled && x.from <= on && (x.to === null || on <= x.to));
  if (!v) {
    throw new BangfuError('chain.none', `没有在 ${on} 生效并启用的审批流程，请检查“审批流程”表`, `No approval chain in use on ${on}; check the 审批流程 sheet`);
  }
  return v;
}

/**
 * The version a case runs under: the one its 审批流程 cell names; a case from before the
 * chain was data (blank cell) runs under the version in use on the day it was submitted.
 */
export function chainOf(book: ChainBook, c: CaseRecord): ChainVersion {
  const id = textOf(c.chain);
  if (id !== '') {
    const v = book.versions.find((x) => x.id === id);
    if (!v) {
      throw new BangfuError(
        'chain.gone',
        `案件 ${textOf(c.worker_no)} 的审批流程“${id}”已不在“审批流程”表中，请管理员恢复该流程的各行`,
        `The chain ${id} of case ${textOf(c.worker_no)} is no longer in 审批流程; restore its rows`,
      );
    }
    return v;
  }
  const on = coerceCivil(c.submitted_at) ?? coerceCivil(c.created_at) ?? book.versions.find((v) => v.enabled)?.from ?? '2006-01-01';
  return chainForNewCase(book, on);
}

/**
 * The stage the case is in, or null when none is (returned, filed, exited). The 当前环节
 * cell names it; a case from before that column existed is placed by its status: the first
 * stage of the matching kind, or for 已审批 the first stage after the approval.
 */
export function currentStage(v: ChainVersion, c: CaseRecord): Stage | null {
  const status = parseStatus(c.status);
  if (status === null || status === 'returned' || status === 'filed' || status === 'exited') return null;
  const name = textOf(c.stage);
  if (name !== '') {
    const s = v.stages.find((x) => x.name === name);
    if (s) return s;
  }
  const before = v.stages.slice(0, v.approveAt + 1);
  if (status === 'submitted') return before.find((s) => s.kind === 'review') ?? v.stages[0];
  if (status === 'notice') return before.find((s) => s.kind === 'notice') ?? null;
  if (status === 'approval') {
    const n = before.findIndex((s) => s.kind === 'notice');
    return before.slice(n + 1).find((s) => s.kind !== 'review' && s.kind !== 'notice') ?? v.stages[v.approveAt];
  }
  return v.stages[v.approveAt + 1] ?? null;
}

/** The status a case has while it is in `stage` (see the header): the phase the reports count. */
export function statusAt(v: ChainVersion, stage: Stage | null): CaseStatus {
  if (stage === null) return 'filed';
  const i = v.stages.indexOf(stage);
  if (i > v.approveAt) return 'approved';
  return stage.kind === 'review' ? 'submitted' : stage.kind === 'notice' ? 'notice' : 'approval';
}

/** The stage after `stage`, or null when it is the last. */
export function nextStage(v: ChainVersion, stage: Stage): Stage | null {
  return v.stages[v.stages.indexOf(stage) + 1] ?? null;
}

/** May money go out now (发放救助)? Every stage payment waits for is done. */
export function paymentAllowed(v: ChainVersion, c: CaseRecord): boolean {
  const status = parseStatus(c.status);
  if (status === 'filed') return true;
  if (status !== 'approved') return false;
  const at = currentStage(v, c);
  const i = at === null ? v.stages.length : v.stages.indexOf(at);
  return v.stages.slice(i).every((s) => !s.paymentWaits);
}

/** The roles that fill `field` by the chain (its 专属字段), or null when no stage claims it. */
export function fieldOwners(v: ChainVersion, field: string): Role[] | null {
  const owners = [...v.stages, ...v.spotChecks].filter((s) => s.ownFields.includes(field)).flatMap((s) => s.roles);
  return owners.length === 0 ? null : [...new Set(owners)];
}

/**
 * Form fields as the case's chain sees them: a field one of its stages claims (专属字段) is
 * filled by that stage's roles alone, whatever 表单定义's 可编辑角色 says (003's 主管厅局 opinion
 * is the county-level union's there, the 市总's in 004).
 */
export function withChainOwners<T extends { key: string; editRoles: readonly Role[] }>(defs: readonly T[], v: ChainVersion): T[] {
  return defs.map((d) => {
    const owners = fieldOwners(v, d.key);
    return owners === null ? d : { ...d, editRoles: owners };
  });
}

// ── the sheet ────────────────────────────────────────────────────────────────────

function byLabel<K extends string>(labels: Record<K, { zh: string; en: string }>, text: string): K | null {
  const s = text.trim();
  for (const k of Object.keys(labels) as K[]) {
    if (k === s.toLowerCase() || labels[k].zh === s || labels[k].en.toLowerCase() === s.toLowerCase()) return k;
  }
  return null;
}

/** Resolves 专属字段 labels (救助金额（市总填写）) to keys; given by the config ring, which knows the form. */
export type FieldResolver = (text: string) => string | null;

/**
 * The 审批流程 range (header first) → checked chains. Each bad cell is named by row and
 * column; all problems are thrown together.
 */
export function parseChainTable(values: readonly unknown[][], resolveField: FieldResolver = (s) => s): ChainBook {
  const header = (values[0] ?? []).map((h) => textOf(h));
  const at = Object.fromEntries(
    CHAIN_COLUMNS.map((c) => [c.key, header.findIndex((h) => h === c.zh || h.toLowerCase() === c.key.toLowerCase() || h.toLowerCase() === c.en.toLowerCase())]),
  ) as Record<ChainColumnKey, number>;
  const optional: ChainColumnKey[] = ['to', 'emergencyWorkdays', 'ownFields', 'source', 'records'];
  const missing = CHAIN_COLUMNS.filter((c) => !optional.includes(c.key) && at[c.key] < 0).map((c) => c.zh);
  if (missing.length > 0) throw new BangfuError('chain.header', `审批流程表表头缺少列：${missing.join('、')}`, `审批流程 header lacks: ${missing.join(', ')}`);

  const rows: StageRow[] = [];
  const problems: string[] = [];
  const problemsEn: string[] = [];
  values.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => textOf(c) === '')) return;
    const cell = (k: ChainColumnKey) => (at[k] >= 0 ? cells[at[k]] : '');
    const fail = (k: ChainColumnKey, zh: string, en: string) => {
      const col = CHAIN_COLUMNS.find((c) => c.key === k)!;
      problems.push(`第 ${row} 行“${col.zh}”列：${zh}`);
      problemsEn.push(`row ${row}, column ${col.en}: ${en}`);
    };
    const from = coerceCivil(cell('from'));
    if (!from) return fail('from', '日期无效', 'invalid date');
    const toText = textOf(cell('to'));
    const to = toText === '' ? null : coerceCivil(cell('to'));
    if (toText !== '' && !to) return fail('to', '日期无效', 'invalid date');
    const order = Number(textOf(cell('order')));
    if (!Number.isInteger(order) || order < 1) return fail('order', '应为 1 起的整数', 'must be a whole number from 1');
    const kind = byLabel(STAGE_KIND_LABELS, textOf(cell('kind')));
    if (!kind)
      return fail('kind', `未知类型“${textOf(cell('kind'))}”（可填：审核、公示、意见、初审、审批、备案、抽查）`, `unknown kind "${textOf(cell('kind'))}"`);
    const level = byLabel(STAGE_LEVEL_LABELS, textOf(cell('level')));
    if (!level) return fail('level', `未知层级“${textOf(cell('level'))}”（可填：单位、县区、主管部门、市、省）`, `unknown level "${textOf(cell('level'))}"`);
    const roles = parseRoleList(cell('roles'));
    if (roles.unknown.length > 0) return fail('roles', `未知角色“${roles.unknown.join('、')}”`, `unknown role ${roles.unknown.join(', ')}`);
    if (roles.roles.length === 0) return fail('roles', '须填写办理角色', 'needs an acting role');
    const days = (k: 'workdays' | 'emergencyWorkdays'): number | null | undefined => {
      const s = textOf(cell(k));
      if (s === '' || s === '无') return null;
      const n = Number(s);
      return Number.isInteger(n) && n >= 0 && n <= 366 ? n : undefined;
    };
    const workdays = days('workdays');
    if (workdays === undefined) return fail('workdays', '应为不小于 0 的整数，或留空表示不设期限', 'must be a whole number of at least 0, or blank');
    const emergencyWorkdays = days('emergencyWorkdays');
    if (emergencyWorkdays === undefined)
      return fail('emergencyWorkdays', '应为不小于 0 的整数，或留空表示同正常期限', 'must be a whole number of at least 0, or blank');
    const records: RecordKind[] = [];
    for (const part of listOf(cell('records'))) {
      const r = byLabel(RECORD_KIND_LABELS, part);
      if (!r) return fail('records', `未知记录内容“${part}”（可填：决定、意见、日期、盖章、金额）`, `unknown record "${part}"`);
      if (!records.includes(r)) records.push(r);
    }
    const ownFields: string[] = [];
    for (const part of listOf(cell('ownFields'))) {
      const key = resolveField(part);
      if (!key) return fail('ownFields', `找不到字段“${part}”`, `no field "${part}"`);
      ownFields.push(key);
    }
    const parsed = StageRowSchema.safeParse({
      chain: textOf(cell('chain')),
      from,
      to,
      enabled: isYes(cell('enabled')),
      order,
      name: textOf(cell('name')),
      kind,
      roles: roles.roles,
      level,
      workdays,
      emergencyWorkdays,
      records,
      mayReturn: isYes(cell('mayReturn')),
      paymentWaits: isYes(cell('paymentWaits')),
      ownFields,
      source: textOf(cell('source')),
    });
    if (!parsed.success) {
      const k = (parsed.error.issues[0]?.path[0] as ChainColumnKey | undefined) ?? 'chain';
      return fail(k, '不能为空', 'may not be blank');
    }
    rows.push(parsed.data as StageRow);
  });
  if (problems.length > 0) throw new BangfuError('chain.invalid', `审批流程表有误：${problems.join('；')}`, `Approval chain errors: ${problemsEn.join('; ')}`);
  if (rows.length === 0) throw new BangfuError('chain.empty', '审批流程表没有任何环节', 'The approval chain sheet has no stages');
  return compileChains(rows);
}

const yesNo = (b: boolean) => (b ? '是' : '否');

/** Rows → the sheet (header first), in the words an administrator reads. */
export function chainRowsToTable(rows: readonly StageRow[], fieldLabel: (key: string) => string = (k) => k): (string | number)[][] {
  return [
    CHAIN_HEADER.slice(),
    ...rows.map((r) => [
      r.chain,
      r.from,
      r.to ?? '',
      yesNo(r.enabled),
      r.order,
      r.name,
      STAGE_KIND_LABELS[r.kind].zh,
      r.roles.map((x) => roleLabel(x)).join('、'),
      STAGE_LEVEL_LABELS[r.level].zh,
      r.workdays ?? '',
      r.emergencyWorkdays ?? '',
      r.records.map((x) => RECORD_KIND_LABELS[x].zh).join('、'),
      yesNo(r.mayReturn),
      yesNo(r.paymentWaits),
      r.ownFields.map(fieldLabel).join('、'),
      r.source,
    ]),
  ];
}

/** Every row of a book, back in sheet order (version by version, stages by 顺序). */
export function chainRows(book: ChainBook): StageRow[] {
  return book.versions.flatMap((v) => [...v.stages, ...v.spotChecks].sort((a, b) => a.order - b.order));
}
