/**
 * How a form value looks in each place it lives, and the conversions between them.
 *
 * - In the page and over google.script.run (FormValues): text, numbers, dates as
 *   'YYYY-MM-DD', multiselect as string[], table rows as objects.
 * - In a 案件 cell (CaseRecord): multiselect joined by `、`, a select with shown labels by its
 *   label (救助项目 特困职工医疗救助, not medical), table rows as readable text (below), dates
 *   as Date or 'YYYY-MM-DD', numbers possibly as numeric text typed by hand.
 *
 * Table rows (家庭成员) in a cell: 王秀英（关系：配偶，性别：女，年收入：0）；李明（关系：子女）.
 * The first column leads unlabeled, the others that are filled follow as 标签：值. Why text
 * in the cell rather than a sub-table sheet or a hidden JSON column: a person reading or
 * printing 案件 sees the household on the case's own row, a filter on the column finds a
 * name, and there is one copy of the data, so nothing can fall out of step. The text is
 * exact, not a rendering: it reads back to the same rows (rowsFromText), so it is also
 * the machine-readable form. A value holding one of （）：，；“”、 is put in “…” with ” doubled,
 * as CSV does; labels are those of 表单定义, so a renamed column still reads. Cells written
 * by earlier versions (JSON) are still read.
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
  return textOf(v)
    .split(LIST_SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Table rows from a list of objects, from the readable text of a cell (needs the field's
 * columns) or from JSON text (cells of earlier versions); null when unreadable.
 */
export function rowsOf(v: unknown, def?: Pick<ValueFieldDef, 'columns'>): Record<string, unknown>[] | null {
  if (isBlankValue(v)) return [];
  let value = v;
  if (typeof v === 'string') {
    const json = v.trim().startsWith('[') ? parseJson(v) : undefined;
    if (json !== undefined) value = json;
    else return def?.columns ? rowsFromText(v, def.columns) : null;
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
      const rows = rowsOf(v, def);
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
  if (def.type === 'table') return Array.isArray(v) ? rowsText(def.columns ?? [], v as Record<string, unknown>[]) : textOf(v);
  if (def.type === 'select' && typeof v === 'string') return optionLabel(def, v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return v === null ? '' : JSON.stringify(v);
}

/** The shown label of a stored option (medical → 特困职工医疗救助); other text as it is. */
export function optionLabel(def: ValueFieldDef, v: string): string {
  const i = def.optionLabels ? def.options.indexOf(v) : -1;
  return i >= 0 && def.optionLabels![i] ? def.optionLabels![i] : v;
}

function parseJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

// ── table rows as readable text ──────────────────────────────────────────────────

const OPEN = '（',
  CLOSE = '）',
  NEXT = '，',
  IS = '：',
  ROW = '；',
  QUOTE_L = '“',
  QUOTE_R = '”';
// 、 too: 张伟、张小雨 typed by hand is two people, not one; unquoted, it does not read.
const SPECIAL = /[（）：，；“”、]/;

/** A value as it stands in the text: quoted when it holds a separator or a quote mark. */
function quoteValue(s: string): string {
  return SPECIAL.test(s) ? `${QUOTE_L}${s.replace(/”/g, '””')}${QUOTE_R}` : s;
}

/** A value's text in a row: numbers as typed (0, 12000.5), dates 'YYYY-MM-DD', lists joined by 、. */
function valueText(col: ValueFieldDef, v: unknown): string {
  if (Array.isArray(v)) return v.map(textOf).join(LIST_JOINER);
  const s = textOf(v);
  return col.type === 'select' ? optionLabel(col, s) : s;
}

/** Rows → 王秀英（关系：配偶，性别：女）；李明: the first column unlabeled, blank columns left out. */
export function rowsText(columns: readonly (ValueFieldDef & { zh?: string })[], rows: readonly Record<string, unknown>[]): string {
  if (columns.length === 0) return rows.length === 0 ? '' : JSON.stringify(rows);
  const [lead, ...rest] = columns;
  return rows
    .map((row) => {
      const parts = rest
        .map((c) => [c, valueText(c, row[c.key])] as const)
        .filter(([, t]) => t !== '')
        .map(([c, t]) => `${quoteValue(c.zh ?? c.key)}${IS}${quoteValue(t)}`);
      const head = quoteValue(valueText(lead, row[lead.key]));
      return parts.length === 0 ? head : `${head}${OPEN}${parts.join(NEXT)}${CLOSE}`;
    })
    .join(ROW);
}

/** The text rowsText writes → the rows (values as text, normalized later); null when it does not read. */
export function rowsFromText(text: string, columns: readonly (ValueFieldDef & { zh?: string; en?: string })[]): Record<string, string>[] | null {
  if (columns.length === 0) return null;
  const byLabel = new Map<string, string>();
  for (const c of columns) for (const l of [c.key, c.zh, c.en]) if (l) byLabel.set(l, c.key);
  let pos = 0;
  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  /** One value up to a stop character; null on an unclosed quote. */
  const value = (stops: string): string | null => {
    skipSpace();
    if (text[pos] === QUOTE_L) {
      let out = '';
      pos++;
      for (;;) {
        if (pos >= text.length) return null;
        const ch = text[pos];
        if (ch === QUOTE_R) {
          if (text[pos + 1] === QUOTE_R) {
            out += QUOTE_R;
            pos += 2;
            continue;
          }
          pos++;
          skipSpace();
          return out;
        }
        out += ch;
        pos++;
      }
    }
    const start = pos;
    while (pos < text.length && !stops.includes(text[pos])) pos++;
    const out = text.slice(start, pos).trim();
    return out.includes(LIST_JOINER) || out.includes(QUOTE_R) ? null : out;
  };
  const rows: Record<string, string>[] = [];
  while (true) {
    skipSpace();
    if (pos >= text.length) break;
    const row: Record<string, string> = {};
    const lead = value(OPEN + ROW + CLOSE + IS);
    if (lead === null) return null;
    row[columns[0].key] = lead;
    if (text[pos] === OPEN) {
      pos++;
      for (;;) {
        const label = value(IS + NEXT + CLOSE + ROW);
        if (label === null || text[pos] !== IS) return null;
        pos++;
        const key = byLabel.get(label);
        if (key === undefined) return null;
        const v = value(NEXT + CLOSE + ROW);
        if (v === null) return null;
        row[key] = v;
        if (text[pos] === NEXT) {
          pos++;
          continue;
        }
        if (text[pos] !== CLOSE) return null;
        pos++;
        break;
      }
    }
    skipSpace();
    if (pos < text.length) {
      if (text[pos] !== ROW) return null;
      pos++;
    }
    rows.push(row);
  }
  return rows;
}

/** Half-width digits and letters for text typed with a Chinese input method (１２Ｘ → 12X). */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
