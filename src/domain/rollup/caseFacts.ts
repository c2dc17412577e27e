/**
 * One case row, from whatever sheet it came from, reduced to the facts the roll-up and
 * the reports need. Columns are found by header (the zh label, or the key), so a county's
 * own spreadsheet with reordered or extra columns rolls up the same; a value that cannot
 * be read (household size "三口") is a problem of that row, reported, not a crash.
 */
import { SYSTEM_COLUMNS, parseStatus, type CaseStatus } from '../caseModel';
import { coerceCivil, isDate, type CivilDate } from '../civilDate';
import { listOf, numberOf, textOf } from '../forms/values';
import { yuanToFen } from '../money';

/** The columns read, with the zh labels of the default 表单定义 (seed 004) and SPEC §5. */
export const FACT_COLUMNS: Record<string, string> = {
  ...Object.fromEntries(SYSTEM_COLUMNS.map((c) => [c.key, c.zh])),
  name: '姓名', sex: '性别', age: '年龄', id_number: '身份证号', birth_date: '出生日期', card_number: '会员卡/银行卡号',
  employer: '工作单位', address: '家庭住址', phone: '联系电话', hardship_category: '困难类别', causes: '致困原因',
  household_size: '家庭人口', household_income: '家庭年收入', own_income: '本人年收入', per_capita_monthly: '家庭人均月收入',
  migrant: '农民工', model_worker: '劳模类型', scheme: '救助项目', assistance_kinds: '帮扶类别', emergency: '紧急（先救助后补办）',
  ethnicity: '民族', unit_opinion: '单位工会意见', unit_opinion_date: '意见日期', cause_detail: '致困原因说明',
};

export const SCHEME_LABELS: Record<string, string> = {
  medical: '特困职工医疗救助', critical: '十种重大疾病', major: '其他重大疾病', accident: '重大意外事故',
  'poor-critical': '特困+重大疾病', 'poor-critical-later': '特困+重大疾病（其后每期）', living: '生活救助',
};
const SCHEME_BY_LABEL = new Map(Object.entries(SCHEME_LABELS).map(([k, v]) => [v, k]));

export interface CaseFact {
  source: string;
  row: number;
  workerNo: string;
  county: string;
  status: CaseStatus;
  name: string;
  sex: string;
  age: number | null;
  idNumber: string;
  cardNumber: string;
  employer: string;
  address: string;
  phone: string;
  category: string;
  causes: string[];
  householdSize: number;
  householdIncome: number | null;
  ownIncome: number | null;
  perCapitaMonthly: number | null;
  migrant: boolean;
  modelWorker: boolean;
  scheme: string;
  kinds: string[];
  approvedFen: number;
  paidFen: number;
  assistanceFen: number;
  overdue: boolean;
  emergency: boolean;
  submittedAt: CivilDate | null;
  noticeStart: CivilDate | null;
  noticeEnd: CivilDate | null;
  enteredYear: number | null;
  reviewYear: number | null;
  exitedAt: CivilDate | null;
  /** The row as read and where its columns are (for the printable 情况报表; not copied). */
  raw: readonly unknown[];
  header: HeaderIndex;
}

/**
 * A family the union is helping (SPEC §2): its case is in the archive and assisted
 * (approved, filed: 先建档、后帮扶), or it was paid first in an emergency before the
 * procedure was complete (先救助后补办). Otherwise a case in public notice is not helped
 * yet, and an exited one no longer is (what it was paid still counts in the statistics:
 * aggregate.ts counts paid cases too). The real-name summary lists exactly these families.
 */
export function isHelped(f: Pick<CaseFact, 'status' | 'emergency' | 'paidFen'>): boolean {
  return f.status === 'approved' || f.status === 'filed' || (f.emergency && f.paidFen > 0 && f.status !== 'exited');
}

/** A case in public notice (公示): the public-notice list shows exactly these. */
export function isInNotice(f: Pick<CaseFact, 'status'>): boolean {
  return f.status === 'notice';
}

/** Any known column of a fact's row, as text (dates as YYYY-MM-DD). */
export function factCell(f: CaseFact, key: string): string {
  const i = f.header.col[key];
  if (i === undefined) return '';
  const v = f.raw[i];
  return isDate(v) ? coerceCivil(v) ?? '' : textOf(v);
}

export interface HeaderIndex {
  col: Record<string, number>;
}

/** Where each known column is (0-based), by zh label first, then by key. */
export function indexHeader(header: readonly unknown[]): HeaderIndex {
  const cells = header.map((h) => textOf(h));
  const col: Record<string, number> = {};
  for (const [key, zh] of Object.entries(FACT_COLUMNS)) {
    let i = cells.indexOf(zh);
    if (i < 0) i = cells.findIndex((c) => c.toLowerCase() === key);
    if (i >= 0) col[key] = i;
  }
  return { col };
}

const yes = (v: unknown) => v === true || /^(是|true|yes|y|1)$/i.test(textOf(v));
const yearOf = (v: unknown): number | null => {
  const n = numberOf(v);
  if (n !== null && n >= 1900 && n <= 2100 && Number.isInteger(n)) return n;
  const d = coerceCivil(v);
  return d ? Number(d.slice(0, 4)) : null;
};
const moneyFen = (v: unknown, what: string, problems: string[]): number => {
  if (v === '' || v === null || v === undefined) return 0;
  const n = numberOf(v);
  if (n === null || n < 0) {
    problems.push(`${what}“${textOf(v)}”不是有效金额`);
    return 0;
  }
  return yuanToFen(n);
};

export type FactResult = { ok: true; fact: CaseFact } | { ok: false; problem: string } | { ok: 'blank' };

/** One row → a fact, or the zh reason it cannot count. */
export function readFact(source: string, rowNumber: number, row: readonly unknown[], h: HeaderIndex, defaultCounty: string): FactResult {
  const get = (key: string): unknown => (h.col[key] === undefined ? '' : row[h.col[key]]);
  if (row.every((v) => v === '' || v === null || v === undefined)) return { ok: 'blank' };
  const where = `${source}第${rowNumber}行`;
  const status = parseStatus(textOf(get('status')));
  if (!status) return { ok: false, problem: `${where}：状态“${textOf(get('status'))}”无法识别，未计入` };
  const problems: string[] = [];
  const sizeCell = get('household_size');
  const size = numberOf(sizeCell);
  if (size === null || size < 1 || !Number.isInteger(size)) return { ok: false, problem: `${where}：家庭人口“${textOf(sizeCell)}”不是正整数，未计入` };
  const schemeText = textOf(get('scheme'));
  const fact: CaseFact = {
    source, row: rowNumber,
    workerNo: textOf(get('worker_no')).toUpperCase(),
    county: (textOf(get('county')) || textOf(get('worker_no')).slice(0, 3) || defaultCounty).toUpperCase(),
    status,
    name: textOf(get('name')),
    sex: textOf(get('sex')),
    age: numberOf(get('age')),
    idNumber: textOf(get('id_number')).toUpperCase(),
    cardNumber: textOf(get('card_number')),
    employer: textOf(get('employer')),
    address: textOf(get('address')),
    phone: textOf(get('phone')),
    category: textOf(get('hardship_category')),
    causes: listOf(get('causes')),
    householdSize: size,
    householdIncome: numberOf(get('household_income')),
    ownIncome: numberOf(get('own_income')),
    perCapitaMonthly: numberOf(get('per_capita_monthly')),
    migrant: yes(get('migrant')),
    modelWorker: !['', '无'].includes(textOf(get('model_worker'))),
    scheme: SCHEME_BY_LABEL.get(schemeText) ?? schemeText,
    kinds: listOf(get('assistance_kinds')),
    approvedFen: moneyFen(get('approved_amount'), '核定救助金额', problems),
    paidFen: moneyFen(get('paid_amount'), '已发放金额', problems),
    assistanceFen: moneyFen(get('assistance_amount'), '救助金额', problems),
    overdue: yes(get('overdue')),
    emergency: yes(get('emergency')),
    submittedAt: coerceCivil(get('submitted_at')) ?? coerceCivil(get('created_at')),
    noticeStart: coerceCivil(get('notice_start')),
    noticeEnd: coerceCivil(get('notice_end')),
    enteredYear: yearOf(get('entered_year')) ?? yearOf(get('created_at')),
    reviewYear: yearOf(get('review_year')),
    exitedAt: coerceCivil(get('exited_at')),
    raw: row,
    header: h,
  };
  // Filing (备案) is the city union paying onto the member's card (seed 003: 帮扶金直接转至会员卡):
  // a filed case without its own 已发放金额 counts the city's 救助金额, else the approved amount, as paid.
  if (fact.status === 'filed' && fact.paidFen === 0) fact.paidFen = fact.assistanceFen || fact.approvedFen;
  if (problems.length > 0) return { ok: false, problem: `${where}：${problems.join('；')}，未计入` };
  return { ok: true, fact };
}
