/**
 * A 发放记录 row as the roll-up counts it: readPayment's rules (src/domain/ledger.ts), read for the
 * fields the counting uses only. A roll-up reads 600,000 of these; a row that breaks any rule goes
 * to readPayment itself, so every problem is reported in its words.
 */
import type { CivilDate } from '../civilDate';
import { civilOf, isBlankRow } from './caseFacts';
import { isYes, numberOf, textOf } from '../forms/values';
import { PAYMENT_FORMS, readPayment, schemeCode, type LedgerIndex } from '../ledger';
import { yuanToFen } from '../money';

export interface CountedPayment {
  workerNo: string;
  paidOn: CivilDate;
  scheme: string;
  kind: string;
  amountFen: number;
  period: string;
  emergency: boolean;
}

export type LedgerRowResult = { ok: true; payment: CountedPayment } | { ok: false; problem: string } | { ok: 'blank' };

const FORMS: readonly string[] = PAYMENT_FORMS;

/** textOf with its common cases first (a string is never a Date). */
function text(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return textOf(v);
}

/** isYes with '是' / '否' / blank first (the ledger's usual cells; the same answers). */
function yes(v: unknown): boolean {
  if (v === '是') return true;
  if (v === '否' || v === '') return false;
  return isYes(v);
}

function at(row: readonly unknown[], i: number | undefined): unknown {
  return i === undefined ? '' : row[i];
}

export function readLedgerRow(source: string, rowNumber: number, row: readonly unknown[], h: LedgerIndex): LedgerRowResult {
  if (isBlankRow(row)) return { ok: 'blank' };
  const c = h.col;
  const workerNo = text(at(row, c.worker_no)).toUpperCase();
  const paidOn = civilOf(at(row, c.paid_on));
  const scheme = schemeCode(text(at(row, c.scheme)));
  const amount = numberOf(at(row, c.amount));
  const form = text(at(row, c.form));
  const kind = text(at(row, c.kind));
  if (
    workerNo === '' ||
    !paidOn ||
    scheme === null ||
    amount === null ||
    amount <= 0 ||
    (form !== '' && !FORMS.includes(form)) ||
    (scheme === '' && kind === '')
  ) {
    const r = readPayment(source, rowNumber, row, h);
    if (r.ok !== true) return r;
    // Unreachable (the same rules); kept total so that a drift shows as readPayment's answer.
    const p = r.payment;
    return {
      ok: true,
      payment: { workerNo: p.workerNo, paidOn: p.paidOn, scheme: p.scheme, kind: p.kind, amountFen: p.amountFen, period: p.period, emergency: p.emergency },
    };
  }
  return {
    ok: true,
    payment: { workerNo, paidOn, scheme, kind, amountFen: yuanToFen(amount), period: text(at(row, c.period)), emergency: yes(at(row, c.emergency)) },
  };
}
