/**
 * Every write runs under the document lock: two people saving at once must not both take
 * the same worker number or overwrite each other's row. Inside the lock we read what the
 * write depends on, write, and flush, so the next holder reads what we wrote.
 */
import { BangfuError } from '../domain/errors';

/** How long a caller waits for the lock (Apps Script allows up to 5 minutes; a person waits less). */
export const LOCK_WAIT_MS = 10_000;

export class LockTimeoutError extends BangfuError {
  constructor() {
    super('lock.timeout', '有其他人正在保存，请稍后重试', 'Someone else is saving right now; please try again shortly');
  }
}

function documentLock(): GoogleAppsScript.Lock.Lock {
  // getDocumentLock is null outside a container-bound context (e.g. a script run from the editor without a document).
  return LockService.getDocumentLock() ?? LockService.getScriptLock();
}

/** Runs `fn` holding `lock`: a wait past `waitMs` is LockTimeoutError; flushes pending writes and releases in `finally`. */
function holding<T>(lock: GoogleAppsScript.Lock.Lock, fn: () => T, waitMs: number): T {
  try {
    lock.waitLock(waitMs);
  } catch {
    throw new LockTimeoutError();
  }
  try {
    const result = fn();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}

/** Runs `fn` holding the document lock. */
export function withDocumentLock<T>(fn: () => T, waitMs: number = LOCK_WAIT_MS): T {
  return holding(documentLock(), fn, waitMs);
}

/**
 * Runs `fn` holding the script lock (the writer: a web app has no document, so no document
 * lock; every request to the writer, whichever spreadsheet, queues here).
 */
export function withScriptLock<T>(fn: () => T, waitMs: number = LOCK_WAIT_MS): T {
  return holding(LockService.getScriptLock(), fn, waitMs);
}
