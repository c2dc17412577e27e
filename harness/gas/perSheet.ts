/**
 * Range calls counted per sheet (the fake's own counter counts per method only): how many
 * reads and writes a run makes of 录入, 案件 and 操作日志, whatever else the writer touches.
 */
export type PerSheet = Record<string, Record<string, number>>;

const METHODS = ['getValues', 'getFormulas', 'setValues', 'setNotes'] as const;

export function countPerSheet<T>(anyRange: GoogleAppsScript.Spreadsheet.Range, fn: () => T): { result: T; perSheet: PerSheet } {
  const perSheet: PerSheet = {};
  const proto = Object.getPrototypeOf(anyRange) as Record<string, (...a: unknown[]) => unknown>;
  const originals = METHODS.map((m) => proto[m]);
  METHODS.forEach((m, k) => {
    proto[m] = function (this: GoogleAppsScript.Spreadsheet.Range, ...a: unknown[]) {
      // The fake's own field, not getSheet().getName(): counting must not add counted calls.
      const name = (this as unknown as { _sheet?: { _name?: string } })._sheet?._name ?? '?';
      (perSheet[name] ??= {})[m] = (perSheet[name][m] ?? 0) + 1;
      return originals[k].apply(this, a);
    };
  });
  try {
    return { result: fn(), perSheet };
  } finally {
    METHODS.forEach((m, k) => (proto[m] = originals[k]));
  }
}
