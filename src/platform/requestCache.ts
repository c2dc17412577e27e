/**
 * Request-id idempotency in the executing script's cache. A page makes one requestId per
 * click; a retry (the network dropped the answer, a double click) sends the same id and
 * must get the first answer, never a second row. Two places remember: the request_id
 * column of 案件 (the case it created or last changed, found under the lock) and
 * CacheService (the answer itself, six hours, the cache's limit). The cache is keyed by
 * the person too: another person's id never returns this person's answer. The writer
 * keeps its own ledger of used ids on top of this (src/writer/ledger.ts): a cache evicts.
 */
import { BangfuError } from '../domain/errors';

const PREFIX = 'bangfu:req:';
const SIX_HOURS = 21_600;

function cache(): GoogleAppsScript.Cache.Cache | null {
  try {
    return CacheService.getDocumentCache() ?? CacheService.getScriptCache();
  } catch {
    return null;
  }
}

/** A request id as the page made it: 1–100 characters of letters, digits, - and _. */
export function checkRequestId(id: unknown): string {
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(id)) {
    throw new BangfuError('request.badId', '请求编号无效，请刷新页面后重试', 'Invalid request id; reload the page and try again');
  }
  return id;
}

const keyOf = (email: string, requestId: string) => `${PREFIX}${email}:${requestId}`.slice(0, 250);

export function cachedResult<T>(email: string, requestId: string): T | null {
  let text: string | null | undefined;
  try {
    text = cache()?.get(keyOf(email, requestId));
  } catch {
    return null;
  }
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export function rememberResult(email: string, requestId: string, result: unknown): void {
  try {
    cache()?.put(keyOf(email, requestId), JSON.stringify(result), SIX_HOURS);
  } catch {
    // The cache is a shortcut; the request_id column still guards against a second row.
  }
}
