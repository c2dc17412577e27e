/**
 * The rules of one form field, shared by the intake page (instant feedback) and the server
 * (the authority, through caseSchema.ts) so both say the same thing in the same words.
 *
 * Plain TypeScript, no zod: the sidebar bundles this file and must stay small.
 * Messages name the field: `“身份证号”校验码错误` / `"ID number": wrong check digit`.
 */
import type { Locale } from '../errors';
import type { FieldDefDto } from './fieldDefs';
import { parseCivil, type CivilDate } from '../civilDate';
import { validateId } from '../idcard';
import { isBlankValue, listOf, normalizeValue, numberOf, optionValue, rowsOf, textOf, type ValueFieldDef } from './values';

/** What a rule needs from a definition: FieldDef and FieldDefDto both fit. */
export type RuleFieldDef = ValueFieldDef &
  Pick<FieldDefDto, 'zh' | 'en' | 'required' | 'min' | 'max' | 'pattern'> & {
    computed?: boolean;
    columns?: RuleFieldDef[];
  };

/** One field at fault, as the page shows it beside the field. */
export interface FieldError {
  field: string;
  label: string;
  message: string;
}

export interface RuleContext {
  /** Beijing civil date: an ID number's birth date may not be after it. */
  today: CivilDate;
  locale?: Locale;
}

type Problem = readonly [zh: string, en: string];

/** Mainland mobile: 11 digits starting 13–19. */
export const MOBILE = /^1[3-9]\d{9}$/;
/** Landline with area code: 0 + 2–3 digits, optional hyphen, 7–8 digits (010-12345678, 0724-2360130). */
export const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;
/** Union member card or bank card: 16–19 digits (Luhn is not enforced, see luhnOk). */
export const CARD = /^\d{16,19}$/;

/**
 * The Luhn check most Chinese bank cards pass. Not enforced: some union member cards and
 * older passbook numbers do not follow it, and a false refusal blocks a payment while the
 * bank itself rejects a wrong number at transfer. Exported for a soft warning.
 */
export function luhnOk(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const patternCache = new Map<string, RegExp>();
/** The administrator's pattern must match the whole value (anchored here, not by the author). */
function fullMatch(pattern: string, s: string): boolean {
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`);
    patternCache.set(pattern, re);
  }
  return re.test(s);
}

/** min/max of a count or value; `what` names what is measured ('' for the value itself). */
function bounds(def: RuleFieldDef, n: number, what: { zh: string; en: string; unitZh: string; unitEn: string }): Problem | null {
  const en = what.en === '' ? '' : `${what.en} `;
  if (def.min !== null && n < def.min) return [`${what.zh}不能小于 ${def.min}${what.unitZh}`, `${en}must be at least ${def.min}${what.unitEn}`];
  if (def.max !== null && n > def.max) return [`${what.zh}不能大于 ${def.max}${what.unitZh}`, `${en}must be at most ${def.max}${what.unitEn}`];
  return null;
}

const VALUE = { zh: '', en: '', unitZh: '', unitEn: '' };
const LENGTH = { zh: '长度', en: 'length', unitZh: ' 个字', unitEn: ' characters' };
const CHOICES = { zh: '选择项数', en: 'the number of choices', unitZh: ' 项', unitEn: '' };
const ROWS = { zh: '行数', en: 'the number of rows', unitZh: ' 行', unitEn: '' };

function choiceText(def: RuleFieldDef): string {
  return (def.optionLabels ?? def.options).join('、');
}

/** The problem with a non-blank value, or null. */
function problemOf(def: RuleFieldDef, value: unknown, ctx: RuleContext): Problem | null {
  switch (def.type) {
    case 'number': {
      const n = numberOf(value);
      return n === null ? ['应为数字', 'must be a number'] : bounds(def, n, VALUE);
    }
    case 'date': {
      const d = normalizeValue(def, value);
      if (typeof d !== 'string' || !parseCivil(d)) return ['不是有效日期（格式 YYYY-MM-DD）', 'is not a valid date (YYYY-MM-DD)'];
      const year = +d.slice(0, 4);
      if (def.min !== null && year < def.min) return [`年份不能早于 ${def.min} 年`, `must not be before ${def.min}`];
      if (def.max !== null && year > def.max) return [`年份不能晚于 ${def.max} 年`, `must not be after ${def.max}`];
      return null;
    }
    case 'select': {
      if (Array.isArray(value)) return ['只能选一项', 'takes one choice'];
      const s = textOf(value);
      if (optionValue(def, s) === null) return [`“${s}”不在可选项中（${choiceText(def)}）`, `"${s}" is not one of the choices (${choiceText(def)})`];
      return null;
    }
    case 'multiselect': {
      const items = listOf(value);
      const wrong = items.filter((s) => optionValue(def, s) === null);
      if (wrong.length > 0) {
        return [`“${wrong.join('、')}”不在可选项中（${choiceText(def)}）`, `"${wrong.join(', ')}" not among the choices (${choiceText(def)})`];
      }
      return bounds(def, items.length, CHOICES);
    }
    case 'idcard': {
      // A long number in a cell has lost its last digits; only text keeps an ID intact.
      if (typeof value === 'number') return ['应以文本填写（数字格式会丢失末几位）', 'must be entered as text (a number loses digits)'];
      const r = validateId(textOf(value).toUpperCase(), ctx.today);
      return r.ok ? null : [r.reasonZh, r.reasonEn];
    }
    case 'phone': {
      const s = String(normalizeValue(def, value));
      if (MOBILE.test(s) || LANDLINE.test(s)) return null;
      return ['应为 11 位手机号或带区号的固定电话（如 0724-2360130）', 'must be an 11-digit mobile or a landline with area code (e.g. 0724-2360130)'];
    }
    case 'card': {
      const s = String(normalizeValue(def, value));
      return CARD.test(s) ? null : ['应为 16–19 位数字', 'must be 16–19 digits'];
    }
    case 'table':
      return tableProblem(def, value, ctx);
    default:
      return bounds(def, [...textOf(value)].length, LENGTH);
  }
}

function tableProblem(def: RuleFieldDef, value: unknown, ctx: RuleContext): Problem | null {
  const rows = rowsOf(value, def);
  if (rows === null) return ['内容无法读取（应为表格行）', 'cannot be read (expected table rows)'];
  const filled = rows.filter((r) => !Object.values(r).every(isBlankValue));
  const count = bounds(def, filled.length, ROWS);
  if (count) return count;
  for (let i = 0; i < filled.length; i++) {
    for (const col of def.columns ?? []) {
      const msg = checkField(col, filled[i][col.key], ctx);
      if (msg) {
        return [`第 ${i + 1} 行${msg}`, `row ${i + 1}: ${checkField(col, filled[i][col.key], { ...ctx, locale: 'en' })}`];
      }
    }
  }
  return null;
}

/**
 * One field's value → the message to show under it, or null when it is fine.
 * Blank (‘’, null, [], whitespace) fails only a required field; computed fields are
 * filled by the server, so they are never "missing", but a value present is still checked.
 */
export function checkField(def: RuleFieldDef, value: unknown, ctx: RuleContext): string | null {
  const en = ctx.locale === 'en';
  const label = en ? `"${def.en}"` : `“${def.zh}”`;
  const say = (p: Problem) => (en ? `${label} ${p[1]}` : `${label}${p[0]}`);
  if (isBlankValue(value) || (def.type === 'table' && rowsOf(value, def)?.length === 0)) {
    return def.required && !def.computed ? say(['为必填项', 'is required']) : null;
  }
  const problem = problemOf(def, value, ctx);
  if (problem) return say(problem);
  if (def.pattern && def.type !== 'table' && def.type !== 'multiselect') {
    const s = String(normalizeValue(def, value));
    if (!fullMatch(def.pattern, s)) return say(['格式不正确', 'has the wrong format']);
  }
  return null;
}

/** Every field of the form checked; one FieldError per field at fault, in form order. */
export function checkValues(defs: readonly RuleFieldDef[], values: Record<string, unknown>, ctx: RuleContext): FieldError[] {
  const errors: FieldError[] = [];
  for (const def of defs) {
    const message = checkField(def, values[def.key], ctx);
    if (message) errors.push({ field: def.key, label: ctx.locale === 'en' ? def.en : def.zh, message });
  }
  return errors;
}
