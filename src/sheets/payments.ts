/**
 * The 发放记录 sheet (src/domain/ledger.ts): one row per payment, appended in the same locked
 * operation as the case change and its 操作日志 line (sheets/commit.ts), never edited by hand.
 *
 * Setup's migration: a workbook from before the ledger kept one paid amount per case (已发放金额,
 * or for a filed case the city's 救助金额 / the 核定 amount, paid onto the card). Setup moves each
 * such amount into one ledger row, once — a case that already has ledger rows is left alone —
 * so that from then on money is counted from the ledger only and nothing is counted twice.
 */
import { parseStatus } from '../domain/caseModel';
import { coerceCivil, type CivilDate } from '../domain/civilDate';
import { numberOf, textOf } from '../domain/forms/values';
import { LEDGER_COLUMNS, LEDGER_HEADER, paymentCells, readPayment, indexLedgerHeader, schemeCode, schemeKind, type Payment } from '../domain/ledger';
import { yuanToFen } from '../domain/money';
import { appendRows, readColumn, readHeader, type Cell, type HeaderMap, type Sheet } from './table';
import { SHEET_NAMES, type Spreadsheet } from './workbook';

export const LEDGER_SHEET = '发放记录';

export function ledgerSeedRows(): Cell[][] {
  return [[...LEDGER_HEADER]];
}

export interface LedgerTarget {
  sheet: Sheet;
  map: HeaderMap;
}

/** The ledger sheet and its header (ONE getValues), or null when the workbook has none yet. */
export function openLedger(ss: Spreadsheet): LedgerTarget | null {
  const sheet = ss.getSheetByName(LEDGER_SHEET);
  return sheet ? { sheet, map: readHeader(sheet, LEDGER_COLUMNS) } : null;
}

/** Appends payments with ONE setValues; returns the first row written. */
export function appendPayments(t: LedgerTarget, payments: readonly Omit<Payment, 'row'>[]): number {
  return appendRows(t.sheet, t.map, payments.map(paymentCells));
}

/** One family's payments, oldest first (ONE getValues of the whole ledger). */
export function paymentsOf(ss: Spreadsheet, workerNo: string): Payment[] {
  return paymentsByWorker(ss, new Set([workerNo.trim().toUpperCase()])).get(workerNo.trim().toUpperCase()) ?? [];
}

/**
 * The payments of these families (worker numbers in upper case), each oldest first: one
 * read of the ledger however many families (the review queue shows every card's history).
 */
export function paymentsByWorker(ss: Spreadsheet, workerNos: ReadonlySet<string>): Map<string, Payment[]> {
  const out = new Map<string, Payment[]>();
  const sheet = ss.getSheetByName(LEDGER_SHEET);
  if (!sheet || sheet.getLastRow() < 2 || workerNos.size === 0) return out;
  const [header, ...rows] = sheet.getDataRange().getValues();
  const h = indexLedgerHeader(header);
  if (h.col.worker_no === undefined) return out;
  rows.forEach((row, i) => {
    const no = textOf(row[h.col.worker_no!]).toUpperCase();
    if (!workerNos.has(no)) return;
    const r = readPayment(LEDGER_SHEET, i + 2, row, h);
    if (r.ok === true) out.set(no, [...(out.get(no) ?? []), r.payment]);
  });
  for (const list of out.values()) list.sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : a.row - b.row));
  return out;
}

/**
 * Setup's one-time move of 案件's paid amounts into the ledger (see the module comment).
 * Two reads (案件, the ledger's worker numbers) and one write, whatever the size.
 */
export function migrateCaseAmounts(ss: Spreadsheet, ledger: LedgerTarget, today: CivilDate): number {
  const cases = ss.getSheetByName(SHEET_NAMES.cases);
  if (!cases || cases.getLastRow() < 2) return 0;
  const already = new Set(readColumn(ledger.sheet, ledger.map, 'worker_no').map((v) => textOf(v).toUpperCase()));
  const [header, ...rows] = cases.getDataRange().getValues();
  const at = (label: string) => header.findIndex((h) => textOf(h) === label);
  const c = {
    no: at('职工编号'),
    status: at('状态'),
    paid: at('已发放金额'),
    paidAt: at('发放日期'),
    approved: at('核定救助金额'),
    assistance: at('救助金额（市总填写）'),
    scheme: at('救助项目'),
    emergency: at('先行救助待补办'),
    updated: at('最后修改时间'),
    by: at('最后修改人'),
  };
  if (c.no < 0 || c.status < 0) return 0;
  const moved: Omit<Payment, 'row'>[] = [];
  for (const r of rows) {
    const no = textOf(r[c.no]).toUpperCase();
    if (no === '' || already.has(no)) continue;
    const status = parseStatus(r[c.status]);
    const paid = c.paid < 0 ? null : numberOf(r[c.paid]);
    const filedAmount = status === 'filed' ? (numberOf(c.assistance < 0 ? '' : r[c.assistance]) ?? numberOf(c.approved < 0 ? '' : r[c.approved])) : null;
    const amount = paid !== null && paid > 0 ? paid : filedAmount;
    if (amount === null || amount <= 0) continue;
    const scheme = schemeCode(c.scheme < 0 ? '' : textOf(r[c.scheme])) ?? '';
    const on = (c.paidAt >= 0 ? coerceCivil(r[c.paidAt]) : null) ?? (c.updated >= 0 ? coerceCivil(r[c.updated]) : null) ?? today;
    moved.push({
      workerNo: no,
      paidOn: on,
      scheme,
      kind: scheme ? schemeKind(scheme) : '其他',
      amountFen: yuanToFen(amount),
      form: paid !== null && paid > 0 ? '' : '卡',
      // No 所属期间: a migrated payment belongs to whatever period its date falls in.
      period: '',
      handler: c.by >= 0 ? textOf(r[c.by]) : '',
      approval: '初始化时从案件表迁移',
      emergency: status !== 'approved' && status !== 'filed' && status !== 'exited',
    });
  }
  if (moved.length > 0) appendPayments(ledger, moved);
  return moved.length;
}
