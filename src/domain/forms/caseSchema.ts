/**
 * The server's authority over a submitted form: a zod schema built from 表单定义 that
 * checks every field with the same checkField the page runs (so both say the same words),
 * refuses changes to fields the user's role may not edit, and returns normalized values.
 */
import * as z from 'zod/mini';
import type { Role } from '../caseModel';
import type { CivilDate } from '../civilDate';
import type { Locale } from '../errors';
import { roleLabel } from '../roles';
import type { FieldDef } from './fieldDefs';
import { checkField, type FieldError } from './fieldRules';
import { normalizeValue, type Json } from './values';
import { withDerived } from './derive';

export interface CaseSchemaOptions {
  /** The acting user's role; null (unknown user) may change no restricted field. */
  role: Role | null;
  today: CivilDate;
  locale?: Locale;
  /** The case before this edit (form values or the stored row); absent for a new case. */
  previous?: Record<string, unknown>;
}

export type CaseValues = Record<string, Json>;

/** Whether `role` may edit a field: an empty 可编辑角色 cell means everyone who may edit the case. */
export function mayEditField(def: Pick<FieldDef, 'editRoles'>, role: Role | null): boolean {
  return def.editRoles.length === 0 || (role !== null && def.editRoles.includes(role));
}

const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The zod schema for one submission. Parsing gives normalized values (trimmed text,
 * numbers, 'YYYY-MM-DD' dates, string[] for multiselect, row objects for tables) keyed by
 * field; issues carry the zh (or English) message and the field key as `path`.
 * A restricted field left out of the submission keeps its previous value.
 */
export function buildCaseSchema(defs: readonly FieldDef[], opts: CaseSchemaOptions): z.ZodMiniType<CaseValues> {
  const ruleCtx = { today: opts.today, locale: opts.locale };
  const shape: Record<string, z.ZodMiniType<Json>> = {};
  for (const def of defs) {
    const editable = def.computed || mayEditField(def, opts.role);
    const before = normalizeValue(def, opts.previous?.[def.key]);
    // One transform does what the classic chain did (fill, check, normalize): zod/mini keeps the bundle small.
    shape[def.key] = z.pipe(
      z.unknown(),
      z.transform((raw, ctx) => {
        const v = raw === undefined && !editable ? before : raw;
        const message = checkField(def, v, ruleCtx);
        if (message) {
          ctx.issues.push({ code: 'custom', message, input: v });
          return z.NEVER;
        }
        if (!editable && !same(normalizeValue(def, v), before)) {
          ctx.issues.push({ code: 'custom', message: forbiddenChange(def, opts.locale), input: v });
          return z.NEVER;
        }
        return normalizeValue(def, v);
      }),
    ) as unknown as z.ZodMiniType<Json>;
  }
  // Every key present (maybe undefined): zod skips absent keys, and a missing field must still be checked.
  const withAllKeys = (v: unknown) => {
    const input = v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
    return Object.fromEntries(defs.map((d) => [d.key, input[d.key]]));
  };
  return z.pipe(z.pipe(z.unknown(), z.transform(withAllKeys)), z.object(shape)) as unknown as z.ZodMiniType<CaseValues>;
}

function forbiddenChange(def: FieldDef, locale: Locale = 'zh-CN'): string {
  const who = def.editRoles.map((r) => roleLabel(r, locale));
  return locale === 'en' ? `"${def.en}" can only be changed by ${who.join(' or ')}` : `“${def.zh}”只能由${who.join('或')}修改`;
}

/** zod issues → the FieldError list the page shows (one per field, first message wins). */
export function zodIssuesToFieldErrors(issues: readonly z.core.$ZodIssue[], defs: readonly FieldDef[], locale: Locale = 'zh-CN'): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    if (out.some((e) => e.field === key)) continue;
    const def = defs.find((d) => d.key === key);
    out.push({ field: key, label: def ? (locale === 'en' ? def.en : def.zh) : key, message: issue.message });
  }
  return out;
}

/** Parse a submission: normalized values, or the errors to show. */
export function parseCaseValues(
  defs: readonly FieldDef[],
  values: Record<string, unknown>,
  opts: CaseSchemaOptions,
): { ok: true; values: CaseValues } | { ok: false; errors: FieldError[] } {
  const parsed = buildCaseSchema(defs, opts).safeParse(values);
  return parsed.success ? { ok: true, values: parsed.data } : { ok: false, errors: zodIssuesToFieldErrors(parsed.error.issues, defs, opts.locale) };
}

/**
 * What the server does with a submission: fill the computed fields (birth date, sex, age,
 * per-capita income, suggested category) over whatever the page sent, then check and
 * normalize everything. Derive first, so a stale or tampered computed value is replaced,
 * never reported to the user as their mistake.
 */
export function validateSubmission(
  defs: readonly FieldDef[],
  values: Record<string, unknown>,
  opts: CaseSchemaOptions & { dibaoLine?: number | null },
): { ok: true; values: CaseValues } | { ok: false; errors: FieldError[] } {
  return parseCaseValues(defs, withDerived(values, { today: opts.today, dibaoLine: opts.dibaoLine }), opts);
}
