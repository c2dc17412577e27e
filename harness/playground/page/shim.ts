/**
 * Injected first into each sidebar page the playground serves: `google.script.run` and
 * `google.script.host` as Apps Script provides them inside a sidebar, over HTTP to the
 * playground server (POST /api/run/<name>), which runs the real Code.js.
 *
 * Same semantics as Apps Script: calls are asynchronous and return nothing; the success
 * handler gets (value, userObject), the failure handler (Error, userObject); each
 * with… call returns a new runner, so handlers set for one call do not leak into the next.
 * Arguments are copied by google.script.run's rules (../scriptRun.ts): a Date or a
 * function fails the call before anything is sent.
 */
import type { RunResponse } from '../protocol';
import { encodeArguments } from '../scriptRun';

type Handler = ((value: unknown, userObject: unknown) => void) | null;

interface Runner {
  withSuccessHandler(f: Handler): Runner;
  withFailureHandler(f: Handler): Runner;
  withUserObject(o: unknown): Runner;
  [name: string]: unknown;
}

const parentWindow = window.parent !== window ? (window.parent as Window & { bangfuUser?: () => string }) : null;

function call(name: string, args: unknown[], ok: Handler, fail: Handler, userObject: unknown): void {
  const sent = encodeArguments(args);
  const user = parentWindow?.bangfuUser?.() ?? '';
  fetch(`/api/run/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ args: sent, user }),
  })
    .then((r) => r.json() as Promise<RunResponse>)
    .then((r) => {
      if (r.ok) ok?.(r.value, userObject);
      else if (fail) fail(new Error(r.error), userObject);
      // Without a failure handler Apps Script only logs the error in the browser console.
      else console.error(`ScriptError: ${r.error}`);
      // The grid shows what the call changed; this tab shows the toasts and alerts the call raised.
      parentWindow?.postMessage({ type: 'refresh', toasts: r.toasts ?? [], alerts: r.alerts ?? [] }, '*');
    })
    .catch((e: unknown) => {
      const error = e instanceof Error ? e : new Error(String(e));
      if (fail) fail(error, userObject);
      else console.error(`NetworkError: ${error.message}`);
    });
}

function runner(ok: Handler, fail: Handler, userObject: unknown): Runner {
  return new Proxy({} as Runner, {
    get(_target, name) {
      if (name === 'withSuccessHandler') return (f: Handler) => runner(f, fail, userObject);
      if (name === 'withFailureHandler') return (f: Handler) => runner(ok, f, userObject);
      if (name === 'withUserObject') return (o: unknown) => runner(ok, fail, o);
      // Not a thenable: `await google.script.run` must not hang on a fake `then`.
      if (typeof name !== 'string' || name === 'then') return undefined;
      return (...args: unknown[]) => {
        // Handlers run later, never inside the call, as in Apps Script.
        call(name, args, ok, fail, userObject);
      };
    },
  });
}

(window as unknown as { google: unknown }).google = {
  script: {
    run: runner(null, null, undefined),
    host: {
      close: () => parentWindow?.postMessage({ type: 'close' }, '*'),
      setHeight: () => undefined,
      setWidth: () => undefined,
      editor: { focus: () => undefined },
      origin: location.origin,
    },
  },
};
