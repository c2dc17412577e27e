/**
 * The staging sheet 录入, where staff type or paste rows the way they fill a paper form:
 * one row per worker, one column per 表单定义 field (by its 中文名称), several choices
 * separated by 、, household members typed as “姓名，关系，性别，健康状况，年收入” per person
 * and people separated by ；. This module turns such a row into the form values the
 * sidebar would send, so the same schema (caseSchema.ts validateSubmission) judges both.
 *
 * Pure: the cells come in as getValues gave them (text, numbers, Dates), nothing is read here.
 */
import type { FieldDef } from './fieldDefs';
import { isBlankValue, textOf, toHalfWidth } from './values';

export const STAGING = {
  sheet: '录入',
  status: '提交状态',
  workerNo: '职工编号',
  submitted: '已提交',
} as const;

/** The note on a cell that holds a formula: a formula is never imported. */
export const FORMULA_NOTE = '请直接输入内容，不要使用公式';

/** The household-member columns a typist gives, in the order they type them. */
export const MEMBER_PARTS = ['name', 'relation', 'sex', 'health', 'income'] as const;
/** How the typist is told to write members (header note and error messages). */
export const MEMBER_HELP = '每人按“姓名，关系，性别，健康状况，年收入”填写，多人之间用“；”分隔，如：周建国，配偶，男，患病，0；周小雨，子女，女，良好，0';
export const LIST_HELP = '可填多项，用“、”分隔';

/** Between people: the full-width semicolon, also the ASCII one and a line break. */
const PERSON_SEPARATOR = /[；;\n]/;
/** Between a person's items: the full-width comma, also the ASCII one. */
const PART_SEPARATOR = /[，,]/;

export type MembersParse = { ok: true; rows: Record<string, string>[] } | { ok: false; zh: string; en: string };

/** “周建国，配偶，男，患病，0；周小雨，子女” → member rows (missing trailing items stay blank). */
export function parseMembers(text: unknown): MembersParse {
  const s = textOf(text);
  if (s === '') return { ok: true, rows: [] };
  const rows: Record<string, string>[] = [];
  const people = s
    .split(PERSON_SEPARATOR)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (let i = 0; i < people.length; i++) {
    const parts = people[i].split(PART_SEPARATOR).map((p) => p.trim());
    if (parts.length > MEMBER_PARTS.length) {
      return {
        ok: false,
        zh: `第 ${i + 1} 人写了 ${parts.length} 项，应最多 ${MEMBER_PARTS.length} 项。${MEMBER_HELP}`,
        en: `person ${i + 1} has ${parts.length} items, at most ${MEMBER_PARTS.length} expected: name, relation, sex, health, annual income; people separated by ；`,
      };
    }
    const row: Record<string, string> = {};
    MEMBER_PARTS.forEach((k, j) => (row[k] = toHalfWidth(parts[j] ?? '').trim()));
    rows.push(row);
  }
  return { ok: true, rows };
}

/** Member rows → the text a typist would write (the inverse of parseMembers, for tests and hand-offs). */
export function membersText(rows: readonly Record<string, unknown>[]): string {
  return rows
    .map((r) =>
      MEMBER_PARTS.map((k) => textOf(r[k]))
        .join('，')
        .replace(/[，]+$/, ''),
    )
    .join('；');
}

export type StagingValue = { ok: true; value: unknown } | { ok: false; zh: string; en: string };

/**
 * One staging cell → the value the form would hold for that field. Multi-choice text is
 * left as typed (the form's normalisation splits it on 、 and the other separators); a
 * table field is parsed from the member text. A computed field is ignored (the server
 * derives it, as for the sidebar).
 */
export function stagingValue(def: FieldDef, cell: unknown): StagingValue {
  if (def.computed) return { ok: true, value: undefined };
  if (def.type === 'table') {
    if (isBlankValue(cell)) return { ok: true, value: [] };
    const parsed = parseMembers(cell);
    if (!parsed.ok) return { ok: false, zh: `“${def.zh}”${parsed.zh}`, en: `"${def.en}": ${parsed.en}` };
    return { ok: true, value: parsed.rows };
  }
  return { ok: true, value: cell };
}
