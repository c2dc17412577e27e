/**
 * The promise wrapper around google.script.run and the request-id rule, without a browser.
 */
import fc from 'fast-check';
import { call, failureMessage, newRequestId, RequestIds, RpcError } from '../../src/ui/lib/rpc';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A runner shaped like google.script.run: each chain keeps its own handlers; answers come later. */
function fakeRun(answer: (name: string, args: unknown[]) => { ok: true; value: unknown } | { ok: false; error: unknown }) {
  const sent: { name: string; args: unknown[] }[] = [];
  const runner = (success?: (v: unknown) => void, failure?: (e: unknown) => void): unknown =>
    new Proxy(
      {},
      {
        get(_t, prop: string) {
          if (prop === 'withSuccessHandler') return (fn: (v: unknown) => void) => runner(fn, failure);
          if (prop === 'withFailureHandler') return (fn: (e: unknown) => void) => runner(success, fn);
          if (prop === 'getReviewQueue' || prop === 'searchCases') {
            return (...args: unknown[]) => {
              sent.push({ name: prop, args });
              const r = answer(prop, args);
              setTimeout(() => (r.ok ? success?.(r.value) : failure?.(r.error)), 0);
            };
          }
          return undefined;
        },
      },
    );
  (globalThis as unknown as { window: unknown }).window = { google: { script: { run: runner() } } };
  return sent;
}

afterEach(() => {
  delete (globalThis as unknown as { window?: unknown }).window;
});

describe('call', () => {
  test('resolves with what the server returned, each call with its own answer', async () => {
    const sent = fakeRun((_name, args) => ({ ok: true, value: [{ workerNo: `H01000${String(args[0]).length}`, name: String(args[0]) }] }));
    const [a, b] = await Promise.all([call('searchCases', '刘桂兰'), call('searchCases', '张秀英同志')]);
    expect(a[0]).toMatchObject({ name: '刘桂兰', workerNo: 'H010003' });
    expect(b[0]).toMatchObject({ name: '张秀英同志', workerNo: 'H010005' });
    expect(sent.map((s) => s.args)).toEqual([['刘桂兰'], ['张秀英同志']]);
  });

  test("rejects with an RpcError carrying the server's message", async () => {
    fakeRun(() => ({ ok: false, error: new Error('您没有“人员权限”表中的角色') }));
    const err = await call('getReviewQueue').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RpcError);
    expect(err).toMatchObject({ message: '您没有“人员权限”表中的角色', endpoint: 'getReviewQueue' });
  });

  test('rejects when the page is opened outside Sheets or the endpoint does not exist', async () => {
    await expect(call('getReviewQueue')).rejects.toThrow('google.script.run is not available');
    fakeRun(() => ({ ok: true, value: null }));
    await expect(call('saveCase', { requestId: 'x', values: {} })).rejects.toThrow('unknown endpoint saveCase');
  });

  test('reads a failure whatever shape it comes in', () => {
    expect(failureMessage(new Error('超时'))).toBe('超时');
    expect(failureMessage('ScriptError: 超时')).toBe('ScriptError: 超时');
    expect(failureMessage({ message: 'Authorization is required' })).toBe('Authorization is required');
  });
});

describe('request ids', () => {
  test('a fresh id is a version-4 UUID, also in a browser without crypto.randomUUID or without crypto', () => {
    expect(newRequestId()).toMatch(UUID_V4);
    const real = globalThis.crypto;
    const older = { getRandomValues: <T extends ArrayBufferView>(a: T) => real.getRandomValues(a) };
    try {
      for (const crypto of [older, undefined]) {
        Object.defineProperty(globalThis, 'crypto', { value: crypto, configurable: true });
        const ids = new Set(Array.from({ length: 50 }, () => newRequestId()));
        expect(ids.size).toBe(50);
        for (const id of ids) expect(id).toMatch(UUID_V4);
      }
    } finally {
      Object.defineProperty(globalThis, 'crypto', { value: real, configurable: true });
    }
  });

  test('the same payload keeps its id until it succeeds; a different payload gets a new one', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const ids = new RequestIds();
        const first = ids.idFor(a);
        expect(ids.idFor(a)).toBe(first); // a retry
        const other = ids.idFor(b);
        if (JSON.stringify(a) === JSON.stringify(b)) expect(other).toBe(first);
        else expect(other).not.toBe(first);
        ids.done();
        expect(ids.idFor(b)).not.toBe(other); // after a success, the next save is a new request
      }),
      { numRuns: 200 },
    );
  });
});
