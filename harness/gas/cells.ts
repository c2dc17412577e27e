/**
 * How Sheets stores what setValues / setValue is given. Apps Script writes values the way the
 * Sheets API's USER_ENTERED option does: "parsed as if the user typed them into the UI …
 * strings may be converted to numbers, dates, etc. following the same rules that are
 * applied when entering text into a cell via the Google Sheets UI"
 * (https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption). So, unless
 * the cell's number format is plain text ('@'):
 * - '=…' is a formula;
 * - '+…' and '-…' that are not a plain number start a formula too: Sheets "parses a cell
 *   value that starts with `+` as the beginning of a formula" and shows "#ERROR! Formula
 *   parse error" when it is not one (OWOX/owox-data-marts PR #1535, "escape leading +
 *   values when exporting to Google Sheets"; nithinmurali/pygsheets PR #373); '-2+3' is
 *   the formula =-2+3, '-5' the number -5;
 * - '@…' is read as a formula here as in Excel (implicit intersection): the trigger
 *   characters of formula injection are =, +, -, @, tab and CR (OWASP ASVS 1.2.10), and a
 *   fake that let '@SUM(A1)' through as text would pass code Sheets may not;
 * - a tab or CR before any of those is a formula as well (same source);
 * - '00123' is the number 123, '1,234.5' 1234.5, '50%' 0.5, '2025-10-01' a date, 'TRUE' a
 *   boolean: a value of another type, so the text the user typed is lost;
 * - a leading apostrophe is Sheets' text marker: the rest is stored as text, unparsed
 *   ("Other values will be preceded by an apostrophe … they won't be parsed automatically in
 *   google sheets (e.g. strings to dates) and will be stored as-is", getodk/docs PR #1095;
 *   "escaping with a single apostrophe like the UI on google sheets",
 *   theoephraim/node-google-spreadsheet #323). The apostrophe is not part of the value
 *   (a quote-prefix style, ISO/IEC 29500-1 §18.8.45 "the quote is not stored"):
 *   getValues and getDisplayValues give the text without it, also in a '@' cell.
 * This is why an 18-digit ID number must go into a '@' column or carry the marker: here,
 * as in Sheets, it would otherwise turn into a rounded number.
 */

export type Stored = { value: unknown; formula: string | null };

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** 1,234 or 1,234,567.89: digit groups of three (the en-US / zh-CN grouping). */
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^[+-]?(\d+\.?\d*|\.\d+)%$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
/** What starts a formula once the number rules have had their go. */
const FORMULA_START = /^[\t\r]*[=+\-@]/;

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
  if (!f)
    zoneFormats.set(
      zone,
      (f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      })),
    );
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
  if (GROUPED.test(t)) return { value: Number(t.replace(/,/g, '')), formula: null };
  if (PERCENT.test(t)) return { value: Number(t.slice(0, -1)) / 100, formula: null };
  // A lone sign or '@' is text; with something after it, a formula (see above).
  const bare = v.replace(/^[\t\r]+/, '');
  if (FORMULA_START.test(v) && bare.length > 1) return { value: '', formula: bare.startsWith('=') ? bare : `=${bare}` };
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
  // Most cells are primitives; a Date stored here was made here (storeInput), so instanceof finds it
  // without the tag test per cell (isDate still answers for one from another realm).
  if (typeof v !== 'object') return v;
  if (v instanceof Date || isDate(v)) return instantOf(v as Date, zone);
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
    // Sheets' number-format tokens (support.google.com/docs/answer/56470, "Customize a number
    // format"): '%' multiplies by 100; ',' between digit placeholders groups thousands; each
    // 0 after '.' is one fixed decimal place.
    const decimals = /\.(0+)/.exec(format)?.[1].length ?? 0;
    if (format.includes('%')) return `${(v * 100).toFixed(decimals)}%`;
    if (/#,##0/.test(format)) return v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    if (/0\.0/.test(format)) return v.toFixed(decimals);
    return String(v);
  }
  return String(v);
}
