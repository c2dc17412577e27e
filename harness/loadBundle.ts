/**
 * Loads dist/Code.js the way Apps Script does: one global scope, the file run as a
 * classic script, no `require`, no `module`, no `process`. The fake services are the
 * only globals besides the language's own. Returns the context, whose top-level
 * functions are the entry points.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { installGlobals, type FakeGas } from './gas';

export const ROOT = typeof __dirname === 'string' ? join(__dirname, '..') : process.cwd();
export const BUNDLE = join(ROOT, 'dist', 'Code.js');
/** The writer project (a web app of its own), built from src/writer/index.ts. */
export const WRITER_BUNDLE = join(ROOT, 'dist', 'writer', 'Code.js');

export type BundleContext = vm.Context & Record<string, unknown>;

/** Each compiled script (the bound one, the writer), parsed once; each load runs it in a fresh context. */
const compiled = new Map<string, vm.Script>();

export function bundleSource(): string {
  return readFileSync(BUNDLE, 'utf8');
}

export function writerBundleSource(): string {
  return readFileSync(WRITER_BUNDLE, 'utf8');
}

export function compileBundle(source = bundleSource()): vm.Script {
  let script = compiled.get(source);
  if (!script) {
    script = new vm.Script(source, { filename: 'Code.gs' });
    compiled.set(source, script);
  }
  return script;
}

/**
 * A fresh global scope with the fake services (when given) and console, then Code.js run
 * in it (or `source`: e.g. writerBundleSource() for the writer project). Apps Script has console (Stackdriver logging) and Logger; it has no timers that
 * matter here, no require and no module.
 */
export function loadBundle(fake?: FakeGas, source?: string): BundleContext {
  const sandbox: Record<string, unknown> = { console };
  const context = vm.createContext(sandbox) as BundleContext;
  if (fake) installGlobals(context, fake);
  compileBundle(source).runInContext(context);
  return context;
}

/** Calls a top-level function of the loaded script by name, as Apps Script calls a handler. */
export function callEntry(context: BundleContext, name: string, ...args: unknown[]): unknown {
  const fn = context[name];
  if (typeof fn !== 'function') throw new Error(`${name} is not a top-level function of Code.js`);
  return (fn as (...a: unknown[]) => unknown)(...args);
}
