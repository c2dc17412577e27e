/**
 * Request-id idempotency. A page makes one requestId per click; a retry (the network
 * dropped the answer, a double click) sends the same id and must get the first answer,
 * never a second row. Two places remember: the request_id column of 案件 (the case it
 * created or last changed, found under the lock) and CacheService (the answer itself,
 * for six hours, the cache's limit).
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

export function cachedResult<T>(requestId: string): T | null {
  const text = cache()?.get(PREFIX + requestId);
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export function rememberResult(requestId: string, result: unknown): void {
  try {
    cache()?.put(PREFIX + requestId, JSON.stringify(result), SIX_HOURS);
  } catch {
    // The cache is a shortcut; the request_id column still guards against a second row.
  }
}
