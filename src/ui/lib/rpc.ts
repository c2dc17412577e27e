/**
 * google.script.run as promises, typed by the endpoint contract (src/shared/endpoints.ts).
 *
 * The real runner is callback-based and returns nothing useful; each call needs a fresh
 * chain of withSuccessHandler/withFailureHandler. Only JSON-safe values cross, so the
 * contract already speaks in strings for dates.
 */
import type { Endpoints } from '../../shared/endpoints';

/** The part of the client-side google.script.run API we use (its @types package is not installed). */
export interface ScriptRunner {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRunner;
  withFailureHandler(fn: (error: unknown) => void): ScriptRunner;
  [endpoint: string]: unknown;
}

declare global {
  interface Window {
    google?: { script?: { run?: ScriptRunner } };
  }
}

/** An endpoint failed on the server (an exception) or on the way there (network, auth). */
export class RpcError extends Error {
  override readonly name = 'RpcError';
  constructor(
    message: string,
    readonly endpoint: string,
  ) {
    super(message);
  }
}

function runner(): ScriptRunner {
  const run = typeof window === 'undefined' ? undefined : window.google?.script?.run;
  if (!run) throw new RpcError('google.script.run is not available (page opened outside Sheets)', '');
  return run;
}

/** The message of whatever the failure handler received: an Error, a string, or something else. */
export function failureMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

/** Calls one server endpoint; resolves with its result, rejects with an RpcError. */
export function call<K extends keyof Endpoints>(name: K, ...args: Parameters<Endpoints[K]>): Promise<ReturnType<Endpoints[K]>> {
  return new Promise((resolve, reject) => {
    const fail = (e: unknown) => reject(new RpcError(failureMessage(e), name));
    try {
      const chained = runner()
        .withSuccessHandler((value) => resolve(value as ReturnType<Endpoints[K]>))
        .withFailureHandler(fail);
      const endpoint = chained[name];
      if (typeof endpoint !== 'function') throw new RpcError(`unknown endpoint ${name}`, name);
      (endpoint as (...a: unknown[]) => void).apply(chained, args);
    } catch (e) {
      fail(e);
    }
  });
}

/** A random id for one save attempt: crypto.randomUUID where the browser has it. */
export function newRequestId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One request id per intended change: kept while the same payload is retried after a failure
 * (so the server's request cache answers a retry instead of making a second row), renewed when
 * the payload differs or after a success. Dropping the id on an edited payload matters: a
 * replayed first answer would silently discard the edit.
 */
export class RequestIds {
  private current: { id: string; payload: string } | null = null;

  idFor(payload: unknown): string {
    const key = JSON.stringify(payload);
    if (!this.current || this.current.payload !== key) this.current = { id: newRequestId(), payload: key };
    return this.current.id;
  }

  /** The attempt succeeded: the next change is a new request. */
  done(): void {
    this.current = null;
  }
}
