/**
 * The 审批流程 sheet → the chains (parser in src/domain/workflow/chain.ts, defaults in
 * src/defaults/chains.ts), with 专属字段 resolved against 表单定义 and 案件's system columns.
 * A workbook without the sheet (before setup ran) runs under the default chains.
 */
import { SYSTEM_COLUMNS, type CaseRecord } from '../domain/caseModel';
import type { FieldDef } from '../domain/forms/fieldDefs';
import { chainRowsToTable, parseChainTable, type ChainBook, type ChainVersion, type FieldResolver, type StageRow } from '../domain/workflow/chain';
import { chainOf } from '../domain/workflow/chain';
import { defaultChainRows, defaultChains, type ChainDeadlineOverrides } from '../defaults/chains';

/** 专属字段 as typed: a field key, its zh label (表单定义 or a system column). */
export function chainFieldResolver(defs: readonly Pick<FieldDef, 'key' | 'zh' | 'en'>[]): FieldResolver {
  const all = [...defs, ...SYSTEM_COLUMNS];
  return (text) => {
    const s = text.trim();
    return all.find((d) => d.key === s || d.zh === s || d.en === s)?.key ?? null;
  };
}

export function readChains(values: readonly unknown[][], defs: readonly Pick<FieldDef, 'key' | 'zh' | 'en'>[]): ChainBook {
  if (values.length === 0) return defaultChains();
  return parseChainTable(values, chainFieldResolver(defs));
}

/** The sheet setup writes (header first): the defaults, with 001's deadlines as the old 期限 table had them. */
export function defaultChainTable(defs: readonly Pick<FieldDef, 'key' | 'zh' | 'en'>[], overrides: ChainDeadlineOverrides = {}): (string | number)[][] {
  const label = (key: string) => [...defs, ...SYSTEM_COLUMNS].find((d) => d.key === key)?.zh ?? key;
  return chainRowsToTable(defaultChainRows(overrides), label);
}

/** What a version decides for a case, without the columns that may change under it (启用, 失效日期, 依据). */
function stagesKey(v: ChainVersion): string {
  const strip = ({ enabled: _e, to: _t, source: _s, ...rest }: StageRow) => rest;
  return JSON.stringify([...v.stages, ...v.spotChecks].map(strip));
}

/**
 * The versions cases run under whose stages `next` changes or removes, with how many cases
 * each: an edit must leave them as they are (add a version with a later 生效日期 instead).
 * Switching a version off (启用) or ending it (失效日期) keeps its cases running.
 */
export function versionsBrokenFor(cases: readonly CaseRecord[], before: ChainBook, next: ChainBook): { id: string; cases: number }[] {
  const used = new Map<string, number>();
  for (const c of cases) {
    let id: string;
    try {
      id = chainOf(before, c).id;
    } catch {
      continue; // a case whose chain is already gone is reported where it is acted on
    }
    used.set(id, (used.get(id) ?? 0) + 1);
  }
  const out: { id: string; cases: number }[] = [];
  for (const [id, n] of used) {
    const was = before.versions.find((v) => v.id === id)!;
    const now = next.versions.find((v) => v.id === id);
    if (!now || stagesKey(now) !== stagesKey(was)) out.push({ id, cases: n });
  }
  return out;
}
