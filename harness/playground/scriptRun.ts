/**
 * What google.script.run does to the values that cross it, for the playground's shim and
 * the sidebar tests' stub (test/ui/pageHarness.ts). No JSON round trip: JSON would quietly
 * turn a Date into a string, and code that works here would then fail in Apps Script.
 *
 * Arguments (page → server), from the google.script.run reference
 * (https://developers.google.com/apps-script/guides/html/reference/run, myFunction(...)):
 * "Legal parameters are JavaScript primitives like a Number, Boolean, String, or null, as
 * well as JavaScript objects and arrays that are composed of primitives, objects, and
 * arrays … Requests fail if you attempt to pass a Date, Function, DOM element besides a
 * form, or other prohibited type, including prohibited types inside objects or arrays.
 * Objects that create circular references will also fail, and undefined fields within
 * arrays become null. Note that an object passed to the server becomes a copy of the
 * original." The call fails before anything is sent, so here it throws.
 *
 * Return values (server → page), as measured in "Report: Values to transfer between
 * Javascript and Google Apps Script with google.script.run" (tanaikech, 2023-08-28): the
 * same legal types come back as copies; a Date anywhere in the returned value makes the
 * success handler receive null for the whole value; undefined in an array becomes null
 * and an undefined property is dropped. A function returning nothing hands the page null.
 *
 * Pure: no DOM, no Node; bundled into the browser stubs with esbuild.
 */

const tag = (v: unknown) => Object.prototype.toString.call(v);
const isDate = (v: unknown) => tag(v) === '[object Date]';
/** Only plain data crosses: an object literal or an array (any realm: the bundle runs in its own vm). */
const isPlain = (v: object) => {
  const t = tag(v);
  return t === '[object Object]' || t === '[object Array]';
};

export class IllegalValue extends Error {}

function illegal(path: string): never {
  throw new IllegalValue(`Failed due to illegal value in property: ${path}`);
}

/** A copy as the server receives it; throws IllegalValue for what google.script.run refuses. */
function copyArgument(v: unknown, path: string, seen: Set<object>): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v === undefined) return undefined;
  if (typeof v !== 'object' || isDate(v) || !isPlain(v)) return illegal(path);
  if (seen.has(v)) return illegal(path);
  seen.add(v);
  try {
    if (Array.isArray(v)) return v.map((x, i) => copyArgument(x, `${path}.${i}`, seen) ?? null);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const c = copyArgument(x, `${path}.${k}`, seen);
      if (c !== undefined) out[k] = c;
    }
    return out;
  } finally {
    seen.delete(v);
  }
}

/** The arguments of one call as the server function gets them; throws before anything is sent. */
export function encodeArguments(args: readonly unknown[]): unknown[] {
  return args.map((a, i) => copyArgument(a, String(i), new Set()) ?? null);
}

const NOT_DELIVERABLE = Symbol('not deliverable');

function copyReturn(v: unknown, seen: Set<object>): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v === undefined) return undefined;
  if (typeof v !== 'object' || isDate(v) || !isPlain(v) || seen.has(v)) throw NOT_DELIVERABLE;
  seen.add(v);
  try {
    if (Array.isArray(v)) return v.map((x) => copyReturn(x, seen) ?? null);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const c = copyReturn(x, seen);
      if (c !== undefined) out[k] = c;
    }
    return out;
  } finally {
    seen.delete(v);
  }
}

/** A server function's return value as the success handler receives it (null when it cannot cross). */
export function clientValue(v: unknown): unknown {
  try {
    return copyReturn(v, new Set()) ?? null;
  } catch (e) {
    if (e === NOT_DELIVERABLE) return null;
    throw e;
  }
}
