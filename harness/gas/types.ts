/**
 * Binds a fake class to the @types/google-apps-script interface it stands in for:
 * `class FakeRange implements Shape<GoogleAppsScript.Spreadsheet.Range, 'getValues' | …>`.
 * A method name the real interface does not have, a parameter type it does not accept, or
 * a primitive return type that differs fails `tsc`. Returns of other Apps Script objects
 * (a Range returning its Sheet) are left open: the fakes are not whole Apps Script objects,
 * and the returned fake class is bound to its own interface.
 */
type Open<R> = [R] extends [string] ? R : [R] extends [boolean] ? R : [R] extends [void] ? R : number extends R ? R : unknown;

export type Shape<T, K extends keyof T> = {
  [P in K]: T[P] extends (...a: infer A) => infer R ? (...a: A) => Open<R> : T[P];
};
