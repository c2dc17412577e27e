/**
 * Writing a case change and its 操作日志 row as one unit.
 *
 * Apps Script has no transactions, so "both or neither" is built from three facts:
 * 1. Everything is computed before the first write (validation, worker number, deadlines,
 *    the audit row itself): any refusal or bug throws while nothing is written yet.
 * 2. The two writes happen under the document lock, so no other execution of ours reads
 *    between them, and each is a single setValues (one row, or one block).
 * 3. If the log write throws after the case write succeeded (a quota, a deleted sheet),
 *    the case write is undone before the error goes on: an appended row is cleared, an
 *    updated span is written back as it was read.
 * The one gap left is the runtime being killed between the writes (the 6-minute limit):
 * the lock holder is then the only writer, and the next read sees a case without its log
 * line, never a log line without its case.
 */
import { appendRows, clearRow, readHeader, toRow, updateRow, type Cell, type HeaderMap, type Sheet, type TableRow } from './table';
import { AUDIT_COLUMNS, auditCells, type AuditRecord } from './audit';
import { appendAuditRows, requireChainColumns, type AuditChain } from './auditChain';
import { requireSheet, SHEET_NAMES, type Spreadsheet } from './workbook';
import { appendPayments, type LedgerTarget } from './payments';
import type { Payment } from '../domain/ledger';

export type CaseWrite = { kind: 'append'; record: Record<string, Cell> } | { kind: 'update'; before: TableRow; changes: Record<string, Cell> };

export interface CommitTarget {
  caseSheet: Sheet;
  caseMap: HeaderMap;
  auditSheet: Sheet;
  auditMap: HeaderMap;
  /** How log rows are chained (digest, and the writer's head). Required: an unchained row breaks the log. */
  chain: AuditChain;
}

/** The 案件 sheet already opened, plus 操作日志 (its header read: one getValues). */
export function commitTarget(ss: Spreadsheet, cases: { sheet: Sheet; map: HeaderMap }, chain: AuditChain): CommitTarget {
  const auditSheet = requireSheet(ss, SHEET_NAMES.audit);
  return { caseSheet: cases.sheet, caseMap: cases.map, auditSheet, auditMap: readHeader(auditSheet, AUDIT_COLUMNS), chain };
}

/**
 * Writes the case (append or update), then its payments (发放记录), then its audit rows; if a
 * later write fails, the earlier ones are undone. Returns the case row number.
 */
export function commitCaseWithAudit(
  t: CommitTarget,
  write: CaseWrite,
  audit: readonly AuditRecord[],
  payments?: { ledger: LedgerTarget; rows: readonly Omit<Payment, 'row'>[] },
): number {
  // Build every cell first: a bad value throws here, before anything is written.
  const auditRows = audit.map(auditCells);
  if (auditRows.length > 0) requireChainColumns(t.auditMap);
  if (write.kind === 'append') toRow(t.caseMap, write.record);

  let rowNumber: number;
  if (write.kind === 'append') {
    rowNumber = appendRows(t.caseSheet, t.caseMap, [write.record]);
  } else {
    rowNumber = write.before.rowNumber;
    updateRow(t.caseSheet, t.caseMap, write.before, write.changes);
  }
  let paidRow = 0;
  try {
    if (payments && payments.rows.length > 0) paidRow = appendPayments(payments.ledger, payments.rows);
  } catch (e) {
    undo(t, write, rowNumber);
    throw e;
  }
  try {
    // Chained to the previous row; the head (if any) moves in the same locked operation.
    if (auditRows.length > 0) appendAuditRows(t.auditSheet, t.auditMap, auditRows, t.chain);
  } catch (e) {
    if (paidRow > 0 && payments) for (let i = 0; i < payments.rows.length; i++) clearRow(payments.ledger.sheet, paidRow + i, payments.ledger.map.width);
    undo(t, write, rowNumber);
    throw e;
  }
  return rowNumber;
}

function undo(t: CommitTarget, write: CaseWrite, rowNumber: number): void {
  if (write.kind === 'append') {
    clearRow(t.caseSheet, rowNumber, t.caseMap.width);
    return;
  }
  const restore: Record<string, Cell> = {};
  for (const k of Object.keys(write.changes)) restore[k] = write.before.record[k] ?? '';
  updateRow(t.caseSheet, t.caseMap, write.before, restore);
}
