/**
 * The one skeleton every workflow write shares: check the request id, answer a retry from
 * the cache, refuse an unknown user, run the write under the Ctx's lock, remember a
 * success, and turn a BangfuError into the use case's own refusal shape. The write itself
 * also checks the request_id column of 案件 under the lock (the cache can evict).
 */
import { BangfuError } from '../domain/errors';
import type { User } from '../domain/workflow/permissions';
import { cachedResult, checkRequestId, rememberResult } from '../platform/requestCache';
import { requireUser, type Ctx } from './ctx';

export function idempotentWrite<R extends { ok: boolean }>(
  ctx: Ctx,
  rawRequestId: unknown,
  refuse: (e: BangfuError) => R,
  write: (user: User, requestId: string) => R,
): R {
  try {
    const requestId = checkRequestId(rawRequestId);
    const first = cachedResult<R>(ctx.email, requestId);
    if (first) return first;
    const user = requireUser(ctx);
    const result = ctx.lock(() => write(user, requestId));
    if (result.ok) rememberResult(ctx.email, requestId, result);
    return result;
  } catch (e) {
    if (e instanceof BangfuError) return refuse(e);
    throw e;
  }
}
