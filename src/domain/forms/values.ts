/**
 * How a form value looks in each place it lives, and the conversions between them.
 *
 * - In the page and over google.script.run (FormValues): text, numbers, dates as
 *   'YYYY-MM-DD', multiselect as string[], table rows as objects.
 * - In a 案件 cell (CaseRecord): multiselect joined by `、`, table rows as JSON text, dates
 *   as Date or 'YYYY-MM-DD', numbers possibly as numeric text typed by hand.
 *
 * Plain TypeScript without zod: the intake page bundles this through fieldRules.ts.
 */
import { isDate } from '../civilDate';
import { coerceCivil } from '../civilDate';
import type { FieldType } from './fieldDefs';

/** A value that crosses google.script.run and sits in a form: JSON-safe, dates as 'YYYY-MM-DD'. */
export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** The fields of a definition these helpers need (FieldDef and FieldDefDto both fit). */
export interface ValueFieldDef {
  key: string;
  type: FieldType;
  options: string[];
  /** Shown text for each option, same order (e.g. scheme code `medical` → 特困职工医疗救助). */
  optionLabels?: string[];
  columns?: ValueFieldDef[];
}

/** Separators an administrator or a typist may use between several choices. */
export const LIST_SEPARATORS = /[、,，|]/;
/** How a multiselect is joined in a cell (the enumeration comma of Chinese forms). */
export const LIST_JOINER = '、';

/** Blank = '', null, undefined, whitespace, an empty list. */
export function isBlankValue(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  return false;
}

/** A number from a number or numeric text (thousands commas and full-width digits accepted). */
export function numberOf(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const s = toHalfWidth(v).trim().replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  return Number(s);
}

/** Text of a scalar cell value; Dates become 'YYYY-MM-DD'. */
export function textOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (isDate(v)) return coerceCivil(v) ?? '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

/** Several choices from a list or from text joined by any separator. */
export function listOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(textOf).filter((s) => s !== '');
  return textOf(v).split(LIST_SEPARATORS).map((s) => s.trim()).filter((s) => s !== '');
}

/** Table rows from a list of objects or from the JSON text stored in a cell; null when unreadable. */
export function rowsOf(v: unknown): Record<string, unknown>[] | null {
  if (isBlankValue(v)) return [];
  let value = v;
  if (typeof v === 'string') {
    try {
      value = JSON.parse(v);
    } catch {
      return null;
    }
  }
  if (!Array.isArray(value)) return null;
  if (!value.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))) return null;
  return value as Record<string, unknown>[];
}

/** The stored option for a value typed either as the option or as its shown label. */
export function optionValue(def: ValueFieldDef, text: string): string | null {
  if (def.options.includes(text)) return text;
  const i = def.optionLabels ? def.optionLabels.indexOf(text) : -1;
  return i >= 0 ? def.options[i] : null;
}

/** 是/否 fields and checkbox-like cells: true for 是 / TRUE / yes / 1. */
export function isYes(v: unknown): boolean {
  if (v === true) return true;
  if (typeof v === 'number') return v === 1;
  return /^(是|true|yes|y|1|√)$/i.test(textOf(v));
}

/**
 * One value normalized for its field type: trimmed text, numbers as numbers, dates as
 * 'YYYY-MM-DD', options as their stored value, lists as string[], table rows as objects.
 * Anything that cannot be normalized is returned as it came, for the rules to reject.
 */
export function normalizeValue(def: ValueFieldDef, v: unknown): Json {
  switch (def.type) {
    case 'multiselect':
      return listOf(v).map((s) => optionValue(def, s) ?? s);
    case 'table': {
      const rows = rowsOf(v);
      if (rows === null) return textOf(v);
      const columns = def.columns ?? [];
      return rows
        .map((row) => {
          const out: Record<string, Json> = {};
          for (const col of columns) out[col.key] = normalizeValue(col, row[col.key]);
          return out;
        })
        .filter((row) => !Object.values(row).every(isBlankValue));
    }
  }
  if (isBlankValue(v)) return '';
  switch (def.type) {
    case 'number': {
      const n = numberOf(v);
      return n === null ? textOf(v) : n;
    }
    case 'date':
      return coerceCivil(v) ?? textOf(v);
    case 'select': {
      const s = textOf(v);
      return optionValue(def, s) ?? s;
    }
    case 'idcard':
      // A number here lost digits in the cell: keep it as text so the rules refuse it.
      return typeof v === 'number' ? String(v) : toHalfWidth(textOf(v)).toUpperCase();
    case 'phone':
      return toHalfWidth(textOf(v)).replace(/\s+/g, '');
    case 'card':
      return toHalfWidth(textOf(v)).replace(/[\s-]+/g, '');
    default:
      return textOf(v);
  }
}

/** All form fields of a record normalized; keys without a definition are dropped. */
export function normalizeValues(defs: readonly ValueFieldDef[], values: Record<string, unknown>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const def of defs) out[def.key] = normalizeValue(def, values[def.key]);
  return out;
}

/** A normalized value as written to a 案件 cell: lists joined by `、`, table rows as JSON. */
export function toCellValue(def: ValueFieldDef, v: Json): string | number | boolean {
  if (def.type === 'multiselect') return Array.isArray(v) ? v.map(textOf).join(LIST_JOINER) : textOf(v);
  if (def.type === 'table') return Array.isArray(v) ? (v.length === 0 ? '' : JSON.stringify(v)) : textOf(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return v === null ? '' : JSON.stringify(v);
}

/** Half-width digits and letters for text typed with a Chinese input method (１２Ｘ → 12X). */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
