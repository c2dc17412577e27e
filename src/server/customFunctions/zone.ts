/**
 * Custom functions in the spreadsheet's time zone. Sheets passes a date cell as the Date of
 * its wall clock in the SPREADSHEET's zone and shows a returned Date in that zone; the
 * functions compute with local getters (the script's zone). When the two differ, every
 * Date argument (ranges included) is moved to the script's zone and every Date in the
 * result back (src/sheets/zone.ts). One getSpreadsheetTimeZone per call (custom functions
 * may read the spreadsheet); nothing at all when the zones agree or outside Sheets.
 */
import { fromSheetDate, toSheetDate, useSpreadsheetZone } from '../../sheets/zone';

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

function spreadsheetZone(): string | null {
  try {
    return typeof SpreadsheetApp === 'undefined' ? null : useSpreadsheetZone(SpreadsheetApp.getActiveSpreadsheet());
  } catch {
    return null;
  }
}

function mapDates(v: unknown, f: (d: Date) => Date): unknown {
  if (isDate(v)) return f(v);
  if (Array.isArray(v)) return v.map((row) => (Array.isArray(row) ? row.map((x) => (isDate(x) ? f(x) : x)) : isDate(row) ? f(row) : row));
  return v;
}

export function inSpreadsheetZone<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    const zone = spreadsheetZone();
    if (!zone) return fn(...args);
    const local = args.map((a) => mapDates(a, (d) => fromSheetDate(d, zone))) as A;
    return mapDates(fn(...local), (d) => toSheetDate(d, zone)) as R;
  };
}
