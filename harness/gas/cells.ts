/**
 * How Sheets stores what setValues / setValue is given. Like typing into a cell, text is
 * parsed unless the cell's number format is plain text ('@'): '=…' becomes a formula,
 * "'…" is text without the apostrophe, '00123' becomes the number 123, '2025-10-01' a
 * date, 'TRUE' a boolean. This is why an 18-digit ID number must go into a '@' column:
 * here, as in Sheets, it would otherwise turn into a rounded number.
 */

export type Stored = { value: unknown; formula: string | null };

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function storeInput(v: unknown, plainText: boolean): Stored {
  if (v === null || v === undefined) return { value: '', formula: null };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`Invalid number value: ${v}`);
    return { value: v, formula: null };
  }
  if (typeof v === 'boolean') return { value: v, formula: null };
  if (isDate(v)) return { value: new Date((v as Date).getTime()), formula: null };
  if (typeof v !== 'string') return { value: String(v), formula: null };
  if (v === '') return { value: '', formula: null };
  const first = v[0];
  if (first === "'") return { value: v.slice(1), formula: null };
  if (plainText) return { value: v, formula: null };
  if (first === '=' && v.length > 1) return { value: '', formula: v };
  const t = v.trim();
  if (NUMERIC.test(t)) return { value: Number(t), formula: null };
  const d = ISO_DATE.exec(t);
  if (d) {
    const date = new Date(+d[1], +d[2] - 1, +d[3]);
    if (date.getMonth() === +d[2] - 1 && date.getDate() === +d[3]) return { value: date, formula: null };
  }
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true', formula: null };
  return { value: v, formula: null };
}

/** A copy safe to hand out (a Date read twice is two objects, as in Apps Script). */
export function readOut(v: unknown): unknown {
  if (v === undefined || v === null) return '';
  if (isDate(v)) return new Date((v as Date).getTime());
  return v;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** What getDisplayValues shows for a value with a number format. */
export function displayOf(v: unknown, format: string): string {
  if (v === '' || v === undefined || v === null) return '';
  if (isDate(v)) {
    const d = v as Date;
    const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    return /h/i.test(format) ? `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` : date;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    const fixed = /0\.(0+)/.exec(format);
    if (fixed) {
      const s = v.toFixed(fixed[1].length);
      return format.includes('#,##') ? Number(s).toLocaleString('en-US', { minimumFractionDigits: fixed[1].length }) : s;
    }
    if (format.includes('%')) return `${Math.round(v * 100)}%`;
    return String(v);
  }
  return String(v);
}
