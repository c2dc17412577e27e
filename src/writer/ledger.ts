/**
 * The writer's record of used request ids, in a hidden sheet 写入记录 of each spreadsheet
 * it serves, protected so only the owner (the writer's identity) can change it. CacheService
 * alone would not do: it evicts, and an evicted id could be replayed.
 *
 * One read per request (ids, e-mails and fingerprints in one getValues); one write per
 * successful request. A retry by the same person with the same request (same fingerprint)
 * gets the stored reply; the same id from someone else, or for another request, is refused.
 */
import { BangfuError } from '../domain/errors';
import { ensureOwnerOnly } from '../sheets/structure';
import type { Sheet } from '../sheets/table';
import type { Spreadsheet } from '../sheets/workbook';

export const LEDGER_SHEET = '写入记录';
const HEADER = ['请求编号', '邮箱', '请求指纹', '操作', '时间', '答复'];
const WIDTH = HEADER.length;

export interface LedgerHit {
  email: string;
  fingerprint: string;
  reply(): string;
}

export function openLedger(ss: Spreadsheet): Sheet {
  const existing = ss.getSheetByName(LEDGER_SHEET);
  if (existing) return existing;
  const sheet = ss.insertSheet(LEDGER_SHEET);
  sheet.getRange(1, 1, 1, WIDTH).setValues([HEADER]);
  // Ids and e-mails stay text (an id of digits must not become a number).
  sheet.getRange('A:C').setNumberFormat('@');
  ensureOwnerOnly(sheet, '帮扶：写入记录（只允许写入服务）', '');
  sheet.hideSheet();
  return sheet;
}

export function findRequest(sheet: Sheet, requestId: string): LedgerHit | null {
  const last = sheet.getLastRow();
  if (last < 2) return null;
  const rows = sheet.getRange(2, 1, last - 1, 3).getValues();
  for (let i = rows.length - 1; i >= 0; i--) {
    if (String(rows[i][0]) === requestId) {
      const row = i + 2;
      return { email: String(rows[i][1]), fingerprint: String(rows[i][2]), reply: () => String(sheet.getRange(row, WIDTH).getValue()) };
    }
  }
  return null;
}

export function recordRequest(sheet: Sheet, e: { requestId: string; email: string; fingerprint: string; op: string; at: Date; reply: string }): void {
  if (e.reply.length > 49_000) return; // a cell holds 50,000 characters; the 案件 request_id column still guards a retry
  sheet.getRange(sheet.getLastRow() + 1, 1, 1, WIDTH).setValues([[e.requestId, e.email, e.fingerprint, e.op, e.at, e.reply]]);
}

export function reusedIdError(): BangfuError {
  return new BangfuError(
    'writer.replay',
    '请求编号已被另一次操作使用，本次请求未执行。请刷新页面后重新操作',
    'This request id was already used for another request; nothing was done',
  );
}
