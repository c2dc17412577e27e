/**
 * 发放记录 (the payment ledger, SPEC §5.1): the 档案 records every assistance given — each
 * payment its own row under the case (001 §4, §9): the yearly one-month 生活救助, each Spring
 * Festival grant, each later period's amount. A case receives many payments over the years;
 * the statistics count the rows inside their reporting period (periods.ts).
 *
 * Rules kept here:
 * - a payment needs an archived real-name case (先建档、后帮扶、实名制, 002 五(四)): the case is
 *   approved or filed — or the payment is an emergency one (先救助后补办, 001 §2), flagged
 *   until the steps are done;
 * - amounts are yuan to the fen, above 0; the date is a real date; the form is one of
 *   现金 / 卡 / 实物 / 券 (001 §9: 生活救助 mainly in kind or vouchers; 003: straight to the card).
 */
import { coerceCivil, type CivilDate } from './civilDate';
import { isYes, numberOf, textOf } from './forms/values';
import { yuanToFen } from './money';
import { SCHEME_LABELS } from './rollup/caseFacts';

export const PAYMENT_FORMS = ['现金', '卡', '实物', '券'] as const;
export type PaymentForm = (typeof PAYMENT_FORMS)[number];

/** The 发放记录 sheet's columns (setup writes this header; a county file may carry the same sheet). */
export const LEDGER_COLUMNS = [
  { key: 'worker_no', zh: '职工编号', en: 'Worker no.' },
  { key: 'paid_on', zh: '发放日期', en: 'Paid on' },
  { key: 'scheme', zh: '救助项目', en: 'Relief scheme' },
  { key: 'kind', zh: '帮扶类别', en: 'Kind of assistance' },
  { key: 'amount', zh: '发放金额（元）', en: 'Amount (yuan)' },
  { key: 'form', zh: '发放形式', en: 'Form' },
  { key: 'period', zh: '所属期间', en: 'Period or campaign' },
  { key: 'handler', zh: '经办人', en: 'Handled by' },
  { key: 'approval', zh: '审批依据', en: 'Approval' },
  { key: 'emergency', zh: '先行救助', en: 'Paid first (emergency)' },
  { key: 'note', zh: '备注', en: 'Note' },
] as const;
export const LEDGER_HEADER: string[] = LEDGER_COLUMNS.map((c) => c.zh);

export interface Payment {
  row: number;
  workerNo: string;
  paidOn: CivilDate;
  /** Scheme code (medical …), or '' when the row names a kind only. */
  scheme: string;
  kind: string;
  amountFen: number;
  form: PaymentForm | '';
  period: string;
  handler: string;
  approval: string;
  emergency: boolean;
}

const SCHEME_BY_LABEL = new Map(Object.entries(SCHEME_LABELS).map(([k, v]) => [v, k]));

/** A scheme written as its code or its Chinese name → the code; '' when blank; null when unknown. */
export function schemeCode(text: string): string | null {
  const t = text.trim();
  if (t === '') return '';
  if (SCHEME_LABELS[t] !== undefined) return t;
  return SCHEME_BY_LABEL.get(t) ?? null;
}

export interface LedgerIndex {
  col: Partial<Record<(typeof LEDGER_COLUMNS)[number]['key'], number>>;
}

/** Where each ledger column is (0-based), by zh label or key. */
export function indexLedgerHeader(header: readonly unknown[]): LedgerIndex {
  const cells = header.map((h) => textOf(h).replace(/\(/g, '（').replace(/\)/g, '）'));
  const col: LedgerIndex['col'] = {};
  for (const c of LEDGER_COLUMNS) {
    let i = cells.indexOf(c.zh);
    if (i < 0 && c.key === 'amount') i = cells.indexOf('发放金额');
    if (i < 0) i = cells.findIndex((x) => x.toLowerCase() === c.key);
    if (i >= 0) col[c.key] = i;
  }
  return { col };
}

export type PaymentResult = { ok: true; payment: Payment } | { ok: false; problem: string } | { ok: 'blank' };

/** One ledger row → a payment, or the zh reason (naming the column) it cannot count. */
export function readPayment(source: string, rowNumber: number, row: readonly unknown[], h: LedgerIndex): PaymentResult {
  if (row.every((v) => v === '' || v === null || v === undefined)) return { ok: 'blank' };
  const get = (k: keyof LedgerIndex['col']): unknown => (h.col[k] === undefined ? '' : row[h.col[k]!]);
  const where = `${source}发放记录第${rowNumber}行`;
  const problems: string[] = [];
  const workerNo = textOf(get('worker_no')).toUpperCase();
  if (workerNo === '') problems.push('“职工编号”：未填写');
  const paidOn = coerceCivil(get('paid_on'));
  if (!paidOn) problems.push(`“发放日期”：“${textOf(get('paid_on'))}”不是有效日期`);
  const scheme = schemeCode(textOf(get('scheme')));
  if (scheme === null) problems.push(`“救助项目”：“${textOf(get('scheme'))}”不是救助标准中的项目`);
  const amount = numberOf(get('amount'));
  if (amount === null || amount <= 0) problems.push(`“发放金额（元）”：“${textOf(get('amount'))}”应为大于 0 的金额`);
  const formText = textOf(get('form'));
  if (formText !== '' && !(PAYMENT_FORMS as readonly string[]).includes(formText))
    problems.push(`“发放形式”：“${formText}”应为${PAYMENT_FORMS.join('、')}之一`);
  const kind = textOf(get('kind'));
  if (scheme === '' && kind === '') problems.push('“救助项目”“帮扶类别”：至少填写一项');
  if (problems.length > 0) return { ok: false, problem: `${where}${problems.join('；')}，未计入` };
  return {
    ok: true,
    payment: {
      row: rowNumber,
      workerNo,
      paidOn: paidOn!,
      scheme: scheme!,
      kind,
      amountFen: yuanToFen(amount!),
      form: formText as PaymentForm | '',
      period: textOf(get('period')),
      handler: textOf(get('handler')),
      approval: textOf(get('approval')),
      emergency: isYes(get('emergency')),
    },
  };
}

/** A payment's scheme as people read it: the zh name of its code ('' for a row that names a kind only). */
function schemeText(code: string): string {
  return code ? (SCHEME_LABELS[code] ?? code) : '';
}

/** One payment → its ledger cells keyed by column (for the writer and setup's migration). */
export function paymentCells(p: Omit<Payment, 'row'>): Record<(typeof LEDGER_COLUMNS)[number]['key'], string | number> {
  return {
    worker_no: p.workerNo,
    paid_on: p.paidOn,
    scheme: schemeText(p.scheme),
    kind: p.kind,
    amount: p.amountFen / 100,
    form: p.form,
    period: p.period,
    handler: p.handler,
    approval: p.approval,
    emergency: p.emergency ? '是' : '否',
    note: '',
  };
}

/**
 * The payment a workflow step makes, if any (the writer appends it with the case change):
 * - 先行救助发放 (mark_paid): the emergency payment before approval, flagged 先行救助;
 * - 备案 (file): the city pays the 帮扶金额 onto the member's card (豫直工〔2016〕37号: 帮扶金直接转至
 *   会员卡) — unless the family was already paid first, when filing completes the steps only;
 * - 发放救助 (pay): a later payment to an archived family.
 */
export function paymentForAction(
  action: string,
  before: Record<string, unknown>,
  patch: Record<string, unknown>,
  ctx: { today: CivilDate; by: string; period?: string; form?: string; approval: string; opensPayment: boolean },
): Omit<Payment, 'row'> | null {
  const workerNo = textOf(before.worker_no).toUpperCase();
  const scheme = schemeCode(textOf(before.scheme)) ?? '';
  const kind = listFirstKind(before) || (scheme ? schemeKind(scheme) : '其他');
  const form = (PAYMENT_FORMS as readonly string[]).includes(ctx.form ?? '') ? (ctx.form as PaymentForm) : '卡';
  const base = { workerNo, paidOn: ctx.today, scheme, kind, form, period: (ctx.period ?? '').trim(), handler: ctx.by, approval: ctx.approval };
  if (action === 'mark_paid' || action === 'pay') {
    const amount = numberOf(patch.paid_amount);
    return amount !== null && amount > 0 ? { ...base, amountFen: yuanToFen(amount), emergency: action === 'mark_paid' } : null;
  }
  // The step after which money may go out (the chain's last stage payment waits for: 001's
  // 市总审批) pays the decided amount, unless the family was paid first.
  if (ctx.opensPayment) {
    const paidFirst = (numberOf(before.paid_amount) ?? 0) > 0;
    const amount =
      numberOf(patch.assistance_amount) ?? numberOf(before.assistance_amount) ?? numberOf(patch.approved_amount) ?? numberOf(before.approved_amount);
    return !paidFirst && amount !== null && amount > 0 ? { ...base, amountFen: yuanToFen(amount), emergency: false } : null;
  }
  return null;
}

const MEDICAL_SCHEMES = new Set(['medical', 'critical', 'major', 'poor-critical', 'poor-critical-later']);
/** A scheme's kind of assistance (帮扶中心统计表 8(B–J)): medical schemes 医疗救助, living and accident 生活救助. */
export function schemeKind(scheme: string): string {
  if (MEDICAL_SCHEMES.has(scheme)) return '医疗救助';
  if (scheme === 'living' || scheme === 'accident') return '生活救助';
  return '其他';
}

/** The first 帮扶类别 ticked on the case, '' when none. */
function listFirstKind(c: Record<string, unknown>): string {
  const v = c.assistance_kinds;
  const list = Array.isArray(v) ? v.map(textOf) : textOf(v).split(/[、,，;；|/\s]+/);
  return list.map((s) => s.trim()).find((s) => s !== '') ?? '';
}

/** A payment as the sidebars show it (PaymentDto of src/shared/endpoints.ts). */
export function paymentDto(p: Payment): { paidOn: string; scheme: string; kind: string; amount: number; form: string; period: string; emergency: boolean } {
  return {
    paidOn: p.paidOn,
    scheme: schemeText(p.scheme),
    kind: p.kind,
    amount: p.amountFen / 100,
    form: p.form,
    period: p.period,
    emergency: p.emergency,
  };
}
