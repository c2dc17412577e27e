/**
 * Formula injection: text a user typed must land in a cell as text, never run as a formula.
 *
 * Sheets parses what setValues writes as if it were typed (the Sheets API calls it
 * USER_ENTERED): text starting with `=` is a formula, and `+`, `-`, `@` start one too; a
 * leading tab or carriage return is the CSV-injection variant (OWASP ASVS 1.2.10). Text
 * that looks like a number, a percentage, a date or TRUE/FALSE becomes that value, so
 * '00123' or '1e5' typed as a name would not read back as typed either.
 * A leading apostrophe is Sheets' text marker: the rest is stored as text, unparsed, and the
 * cell shows and getValues returns it without the apostrophe. So we prefix one whenever the
 * text could be read as anything but itself. Text that itself begins with `'` gets one too,
 * or Sheets would eat the user's apostrophe as a marker.
 *
 * The test is deliberately wider than Sheets' exact rules (any text starting with a digit,
 * a sign, a point, a currency sign, an opening bracket or white space, and TRUE/FALSE): an
 * unneeded marker costs nothing, since Sheets drops it, while a missed one changes data.
 *
 * Only strings change: numbers, booleans and Dates are values, not formulas, and a
 * negative number must stay a number.
 */
const FORMULA_START = /^[=+\-@\t\r\n'\s]/;
/** Starts of text Sheets may read as a number, a date, a time or a currency amount. */
const VALUE_START = /^[0-9.$¥￥(（]/;
const BOOLEAN = /^\s*(true|false)\s*$/i;

export function needsTextMarker(s: string): boolean {
  return FORMULA_START.test(s) || VALUE_START.test(s) || BOOLEAN.test(s);
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
