/**
 * Formula injection: text a user typed must land in a cell as text, never run as a formula.
 *
 * Sheets (like Excel) reads a value written with setValues that starts with `=` as a
 * formula, and `+`, `-`, `@` can start one too; a leading tab or carriage return is the
 * CSV-injection variant (OWASP "CSV Injection"). A leading apostrophe is Sheets' text
 * marker: the cell shows and getValues returns the text without it. So we prefix one
 * apostrophe. Text that itself begins with `'` gets one too, or Sheets would eat the
 * user's apostrophe as a marker.
 *
 * Only strings change: numbers, booleans and Dates are values, not formulas, and a
 * negative number must stay a number.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

export function needsTextMarker(s: string): boolean {
  return FORMULA_START.test(s);
}

/** A value ready for setValues: risky text gets the apostrophe text marker, the rest is unchanged. */
export function asCellText<T>(v: T): T | string {
  return typeof v === 'string' && needsTextMarker(v) ? `'${v}` : v;
}

/** What a cell shows after Sheets reads a written value (drops one leading text marker). */
export function shownText(written: string): string {
  return written.startsWith("'") ? written.slice(1) : written;
}

/** Every value of a row made safe for setValues. */
export function asCellRow<T>(row: readonly T[]): (T | string)[] {
  return row.map(asCellText);
}
