/**
 * Counts service calls, method by method ('Range.getValues'), the way Apps Script spends
 * its time: each call to a service object is a round trip, so a request's cost is the
 * number of calls, not the number of rows. Tests compare these counts.
 */
export class CallCounter {
  private counts = new Map<string, number>();

  bump(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  reset(): void {
    this.counts.clear();
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
}

/** Anything whose public methods are counted: it knows the counter of its fake. */
export interface Counted {
  readonly _counter: CallCounter;
}

/**
 * Wraps every public method of a class so each call bumps `Label.method`. Methods whose
 * name starts with `_` are internal (one fake object calling another) and not counted.
 */
export function countCalls(cls: { prototype: object }, label: string): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor' || name.startsWith('_')) continue;
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (!d || typeof d.value !== 'function') continue;
    const original = d.value as (...a: unknown[]) => unknown;
    const key = `${label}.${name}`;
    Object.defineProperty(proto, name, {
      ...d,
      value: function counted(this: Counted, ...args: unknown[]) {
        this._counter.bump(key);
        return original.apply(this, args);
      },
    });
  }
}
