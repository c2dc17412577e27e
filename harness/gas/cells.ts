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

// ── time zone (helper calendar) ────────────────────────────────────────────────
// Sheets keeps a date cell as a wall clock (a serial number). getValues hands it out as
// the Date of that wall clock in the SPREADSHEET's zone; setValues stores a Date's wall
// clock in that zone (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getspreadsheettimezone,
// and the behaviour shown in https://gist.github.com/tanaikech/fd525434b51b8b0df3293c0067f071ca).
// Here a stored Date's LOCAL (process TZ = the script's zone) fields are the wall clock;
// `zone` is the spreadsheet's when it differs from the process's, else null (identity).

const zoneFormats = new Map<string, Intl.DateTimeFormat>();
function wallIn(d: Date, zone: string): number[] {
  let f = zoneFormats.get(zone);
  if (!f) zoneFormats.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })));
  const p: Record<string, number> = {};
  for (const x of f.formatToParts(d)) if (x.type !== 'literal') p[x.type] = Number(x.value);
  return [p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second];
}

/** A Date given to setValues → the stored wall clock (the Date's fields in the spreadsheet's zone). */
export function wallClockOf(d: Date, zone: string | null): Date {
  if (!zone || isNaN(d.getTime())) return new Date(d.getTime());
  const [y, mo, day, h, mi, s] = wallIn(d, zone);
  return new Date(y, mo, day, h, mi, s, d.getMilliseconds());
}

/** A stored wall clock → the Date getValues returns: that wall clock in the spreadsheet's zone. */
export function instantOf(wall: Date, zone: string | null): Date {
  if (!zone) return new Date(wall.getTime());
  const want = Date.UTC(wall.getFullYear(), wall.getMonth(), wall.getDate(), wall.getHours(), wall.getMinutes(), wall.getSeconds(), wall.getMilliseconds());
  let t = want;
  for (let i = 0; i < 2; i++) {
    const [y, mo, day, h, mi, s] = wallIn(new Date(t), zone);
    t += want - Date.UTC(y, mo, day, h, mi, s, wall.getMilliseconds());
  }
  return new Date(t);
}

export function storeInput(v: unknown, plainText: boolean, zone: string | null = null): Stored {
  if (v === null || v === undefined) return { value: '', formula: null };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`Invalid number value: ${v}`);
    return { value: v, formula: null };
  }
  if (typeof v === 'boolean') return { value: v, formula: null };
  if (isDate(v)) return { value: wallClockOf(v as Date, zone), formula: null };
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
export function readOut(v: unknown, zone: string | null = null): unknown {
  if (v === undefined || v === null) return '';
  if (isDate(v)) return instantOf(v as Date, zone);
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
