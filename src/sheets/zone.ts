/**
 * The spreadsheet's time zone, when it is not the script's (appsscript.json: Asia/Shanghai).
 *
 * Sheets keeps a date cell as a wall-clock value; getValues hands it out as the Date of
 * that wall clock in the SPREADSHEET's zone, and setValues stores a Date's wall clock in
 * that zone. The code reads and makes Dates with local getters, i.e. in the SCRIPT's
 * zone. When the two differ (a workbook created under America/Los_Angeles), 29 December
 * would be read as the 28th or written as the 28th. So every Date crossing the sheets
 * layer is moved to the same wall clock in the other zone: read → script-local, write →
 * spreadsheet-local. Setup offers to set the spreadsheet to the script's zone, after which
 * all of this is the identity.
 *
 * The zone is read once per execution (requestContext, a custom function) and kept here.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The script's zone: the runtime's own (Apps Script runs in the manifest's zone; tests set TZ). */
export function scriptZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai';
  } catch {
    return 'Asia/Shanghai';
  }
}

let sheetZone: string | null = null;

/** Reads the spreadsheet's zone (one call) for the rest of this execution; null = the same as the script's. */
export function useSpreadsheetZone(ss: Spreadsheet | null): string | null {
  let z: string | null;
  try {
    z = ss ? ss.getSpreadsheetTimeZone() : null;
  } catch {
    z = null;
  }
  sheetZone = z && z !== scriptZone() ? z : null;
  return sheetZone;
}

/** The zone in use when it differs from the script's (tests, setup's report). */
export function currentSheetZone(): string | null {
  return sheetZone;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(d: Date, zone: string): number[] {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(d)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return [p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second];
}

/** A Date from the sheet (its wall clock in the sheet's zone) → the Date of that wall clock in the script's zone. */
export function fromSheetDate(d: Date, zone: string | null = sheetZone): Date {
  if (!zone || isNaN(d.getTime())) return d;
  const [y, mo, day, h, mi, s] = wallClock(d, zone);
  return new Date(y, mo, day, h, mi, s, d.getMilliseconds());
}

/** A script-local Date → the Date whose wall clock in the sheet's zone is the same, for writing. */
export function toSheetDate(d: Date, zone: string | null = sheetZone): Date {
  if (!zone || isNaN(d.getTime())) return d;
  const want = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
  // Two steps settle the zone's offset, also next to a daylight-saving change.
  let t = want;
  for (let i = 0; i < 2; i++) {
    const [y, mo, day, h, mi, s] = wallClock(new Date(t), zone);
    t += want - Date.UTC(y, mo, day, h, mi, s, d.getMilliseconds());
  }
  return new Date(t);
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** Values just read from a sheet, their Dates moved to the script's zone (in place). */
export function datesFromSheet<T>(values: T[][]): T[][] {
  if (!sheetZone) return values;
  for (const row of values) for (let j = 0; j < row.length; j++) if (isDate(row[j])) row[j] = fromSheetDate(row[j] as Date) as T;
  return values;
}

/** A value about to be written: a Date moved to the sheet's zone. */
export function dateToSheet<T>(v: T): T {
  return sheetZone && isDate(v) ? (toSheetDate(v) as T) : v;
}
