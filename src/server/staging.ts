/**
 * 帮扶 → 提交录入行 (entry point submitStagingRows): sends the rows typed into 录入 to be
 * judged and moved into 案件 (src/usecases/staging.ts), then tells the user in a toast
 * what happened. The outcome of each row is in 录入 itself: 已提交 with the worker number,
 * or a note on each cell to fix.
 */
import { toast } from '../sheets/ui';
import { sendWrite } from '../platform/writerClient';
import type { SubmitStagingResult } from '../usecases/staging';
import { requestContext, say } from './context';
import { BangfuError } from '../domain/errors';

export function submitStagingRows(): SubmitStagingResult {
  const ctx = requestContext();
  let result: SubmitStagingResult;
  try {
    // Through the writer (src/usecases/staging.ts runs there), or here for the owner alone.
    result = sendWrite<SubmitStagingResult>('submitStaging', {});
  } catch (e) {
    // Never a raw Sheets message: whatever went wrong is said in the user's words.
    const message = e instanceof BangfuError ? say(ctx, e) : `提交失败：${say(ctx, e)}`;
    result = { ok: false, message, submitted: 0, refused: 0 };
  }
  toast(result.message, '提交录入行', 10);
  return result;
}
