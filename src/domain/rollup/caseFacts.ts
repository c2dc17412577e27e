/**
 * One case row, from whatever sheet it came from, reduced to the facts the roll-up and
 * the reports need. Columns are found by header (the zh label, or the key), so a county's
 * own spreadsheet with reordered or extra columns rolls up the same; a value that cannot
 * be read (household size "三口") is a problem of that row, reported, not a crash.
 */
import { SYSTEM_COLUMNS, parseStatus, type CaseStatus } from '../caseModel';
import { coerceCivil, isDate, type CivilDate } from '../civilDate';
import { listOf, numberOf, rowsOf, textOf } from '../forms/values';
import { yuanToFen } from '../money';
import { parseWorkerNo } from '../workerNo';

/** The columns read, with the zh labels of the default 表单定义 (seed 004) and SPEC §5. */
export const FACT_COLUMNS: Record<string, string> = {
  ...Object.fromEntries(SYSTEM_COLUMNS.map((c) => [c.key, c.zh])),
  name: '姓名',
  sex: '性别',
  age: '年龄',
  id_number: '身份证号',
  birth_date: '出生日期',
  card_number: '会员卡/银行卡号',
  employer: '工作单位',
  address: '家庭住址',
  phone: '联系电话',
  hardship_category: '困难类别',
  causes: '致困原因',
  household_size: '家庭人口',
  household_income: '家庭年收入',
  own_income: '本人年收入',
  per_capita_monthly: '家庭人均月收入',
  migrant: '农民工',
  model_worker: '劳模类型',
  scheme: '救助项目',
  assistance_kinds: '帮扶类别',
  emergency: '紧急（先救助后补办）',
  ethnicity: '民族',
  unit_opinion: '单位工会意见',
  unit_opinion_date: '意见日期',
  cause_detail: '致困原因说明',
  members: '家庭成员',
  own_monthly_income: '本人月实际收入',
  illness: '主要疾病名称',
  remarks: '备注',
  supervisor_opinion: '上级工会意见',
  supervisor_opinion_date: '上级工会意见日期',
};

/** Columns holding dates: a cell that is neither blank nor a real date is a row the roll-up refuses. */
type DateKey = 'submitted_at' | 'notice_start' | 'notice_end' | 'paid_at' | 'exited_at' | 'created_at';

/**
 * Exit reasons that mean the family was lifted out of hardship by the union's help (脱困/脱贫,
 * SPEC §6.1, 001 §5: 解困、生活稳定). Any other reason (moved away, died, no longer qualifying,
 * clean-up) is an exit but not a 脱困. 退出原因 is free text, so the reason is read by these words.
 */
const LIFTED_REASON = /脱困|脱贫|解困|生活稳定|生活好转|收入提高|已就业|实现就业/;
export function isLiftedOut(reason: string): boolean {
  return LIFTED_REASON.test(reason) && !/不再符合|调离|去世|死亡|清理|迁出|移居/.test(reason);
}

export const SCHEME_LABELS: Record<string, string> = {
  medical: '特困职工医疗救助',
  critical: '十种重大疾病',
  major: '其他重大疾病',
  accident: '重大意外事故',
  'poor-critical': '特困+重大疾病',
  'poor-critical-later': '特困+重大疾病（其后每期）',
  living: '生活救助',
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
  /** Paid inside the roll-up's period (from the ledger, or the case's own amount); set by the roll-up. */
  periodPaidFen: number;
  paidAt: CivilDate | null;
  overdue: boolean;
  emergency: boolean;
  submittedAt: CivilDate | null;
  noticeStart: CivilDate | null;
  noticeEnd: CivilDate | null;
  enteredYear: number | null;
  reviewYear: number | null;
  exitedAt: CivilDate | null;
  exitReason: string;
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
  return isDate(v) ? (coerceCivil(v) ?? '') : textOf(v);
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

const isBlank = (v: unknown) => v === '' || v === null || v === undefined;

/** textOf with its common cases first (a string is never a Date): the same text, without the Date test on every cell. */
function cellText(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return textOf(v);
}

/** What /\s/ matches (ECMAScript WhiteSpace and LineTerminator), by char code: no regex per character. */
function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * How many people a 家庭成员 cell lists: the JSON of older sheets, or the readable text
 * (王秀英（关系：配偶，…）；周小雨（…）) — entries split on ； outside parentheses and “quotes”.
 * The roll-up only needs the count, not the columns a county's 表单定义 gave them.
 */
export function memberCount(v: unknown): number | null {
  if (isBlank(v)) return 0;
  const text = textOf(v).trim();
  if (text.startsWith('[')) {
    const rows = rowsOf(text);
    return rows === null ? null : rows.length;
  }
  let depth = 0,
    quoted = false,
    count = 0,
    filled = false;
  // By UTF-16 unit: every character tested is in the BMP, and half of a surrogate pair is, like the pair, no space.
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (quoted) {
      if (ch === 0x201d) quoted = false; // ”
      filled = true;
      continue;
    }
    if (ch === 0x201c)
      quoted = true; // “
    else if (ch === 0xff08 || ch === 0x28)
      depth++; // （ (
    else if ((ch === 0xff09 || ch === 0x29) && depth > 0)
      depth--; // ） )
    else if ((ch === 0xff1b || ch === 0x3b) && depth === 0) {
      // ； ;
      if (filled) count++;
      filled = false;
      continue;
    }
    if (!isSpaceCode(ch)) filled = true;
  }
  if (depth !== 0 || quoted) return null;
  return count + (filled ? 1 : 0);
}
// '是' / '否' / blank first: most cells are these, and the answer is the regex's.
const yes = (v: unknown) => v === true || (v === '是' ? true : v === '否' || v === '' ? false : /^(是|true|yes|y|1)$/i.test(textOf(v)));
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
    problems.push(`“${what}”：“${textOf(v)}”不是有效金额`);
    return 0;
  }
  return yuanToFen(n);
};

/** What a row is checked against: the counties configured in 设置 (null: any well-formed code). */
export interface FactChecks {
  counties: ReadonlySet<string> | null;
}

export type FactResult = { ok: true; fact: CaseFact } | { ok: false; problem: string } | { ok: 'blank' };

/**
 * coerceCivil with a Date's answer remembered by its instant: a roll-up reads the same few hundred
 * days over and over (6 date columns per case, one per payment), and each answer costs four strings.
 */
const civilByTime = new Map<number, CivilDate | null>();
export function civilOf(v: unknown): CivilDate | null {
  if (typeof v === 'object' && v !== null && (v instanceof Date || isDate(v))) {
    const t = v.getTime();
    let c = civilByTime.get(t);
    if (c === undefined) {
      c = coerceCivil(v);
      // Bounded: dates with times of day would each be new; the first 20,000 instants are kept.
      if (civilByTime.size < 20_000) civilByTime.set(t, c);
    }
    return c;
  }
  return coerceCivil(v);
}

/**
 * What readFact may share between the rows of one roll-up: a list cell's parsed items by its text
 * (致困原因 and 帮扶类别 take few distinct values). A fact read with a memo holds shared arrays: for
 * the roll-up's own reading only, which never changes them.
 */
export interface FactMemo {
  lists: Map<string, string[]>;
}

function listAt(v: unknown, memo: FactMemo | undefined): string[] {
  if (memo === undefined || typeof v !== 'string') return listOf(v);
  let l = memo.lists.get(v);
  if (l === undefined) {
    l = listOf(v);
    if (memo.lists.size < 10_000) memo.lists.set(v, l);
  }
  return l;
}

/** The cell of a known column ('' when the sheet has no such column). */
function at(row: readonly unknown[], h: HeaderIndex, key: string): unknown {
  const i = h.col[key];
  return i === undefined ? '' : row[i];
}

/** A date column's civil date (null when blank or unreadable, the latter a problem of the row). */
function dateAt(row: readonly unknown[], h: HeaderIndex, key: DateKey, problems: string[]): CivilDate | null {
  const v = at(row, h, key);
  if (v === '' || v === null || v === undefined) return null;
  const d = civilOf(v);
  if (d === null) problems.push(`“${FACT_COLUMNS[key] ?? key}”：“${textOf(v)}”不是有效日期`);
  return d;
}

/** A row with no value in any cell. A plain loop, no closures: it runs once per row of every county file. */
export function isBlankRow(row: readonly unknown[]): boolean {
  for (const v of row) if (v !== '' && v !== null && v !== undefined) return false;
  return true;
}

/** One row → a fact, or the zh reasons it cannot count (each naming its column). */
export function readFact(
  source: string,
  rowNumber: number,
  row: readonly unknown[],
  h: HeaderIndex,
  defaultCounty: string,
  checks: FactChecks = { counties: null },
  memo?: FactMemo,
): FactResult {
  if (isBlankRow(row)) return { ok: 'blank' };
  const where = `${source}第${rowNumber}行`;
  const statusText = cellText(at(row, h, 'status'));
  const status = parseStatus(statusText);
  if (!status) return { ok: false, problem: `${where}“状态”：“${statusText}”无法识别，未计入` };
  const problems: string[] = [];
  const sizeCell = at(row, h, 'household_size');
  const size = numberOf(sizeCell);
  if (size === null || size < 1 || !Number.isInteger(size)) return { ok: false, problem: `${where}“家庭人口”：“${textOf(sizeCell)}”不是正整数，未计入` };
  // The date columns in this order (their problems' order), each a local: no object per row.
  const submittedAt = dateAt(row, h, 'submitted_at', problems);
  const noticeStart = dateAt(row, h, 'notice_start', problems);
  const noticeEnd = dateAt(row, h, 'notice_end', problems);
  const paidAt = dateAt(row, h, 'paid_at', problems);
  const exitedAt = dateAt(row, h, 'exited_at', problems);
  const createdAt = dateAt(row, h, 'created_at', problems);
  const workerNo = cellText(at(row, h, 'worker_no')).toUpperCase();
  const countyText = cellText(at(row, h, 'county')).toUpperCase();
  const noCounty = workerNo.slice(0, 3);
  const county = countyText || noCounty || defaultCounty.toUpperCase();
  if (!/^[A-Z]\d{2}$/.test(county)) problems.push(`“县区代码”：“${countyText || county}”格式不对，应如 H01`);
  else if (checks.counties && !checks.counties.has(county)) problems.push(`“县区代码”：“${county}”不是“设置”中的县区（${[...checks.counties].join('、')}）`);
  if (workerNo !== '') {
    const no = parseWorkerNo(workerNo);
    if (!no) problems.push(`“职工编号”：“${workerNo}”格式不对，应如 H0100001`);
    else if (noCounty !== county) problems.push(`“职工编号”：${workerNo} 属于县区 ${noCounty}，与县区代码 ${county} 不一致`);
  }
  if ((status === 'approved' || status === 'filed') && isBlank(at(row, h, 'approved_amount'))) {
    problems.push(`“核定救助金额”：状态为“${statusText}”却未填写`);
  }
  const members = h.col.members === undefined ? 0 : memberCount(at(row, h, 'members'));
  if (members === null) problems.push(`“家庭成员”：无法读取`);
  else if (members > 0 && members + 1 !== size) {
    problems.push(`“家庭人口”：填写 ${size} 人，家庭成员表列出 ${members} 人（连同本人 ${members + 1} 人），两者不一致`);
  }
  const schemeText = cellText(at(row, h, 'scheme'));
  const modelWorker = cellText(at(row, h, 'model_worker'));
  const fact: CaseFact = {
    source,
    row: rowNumber,
    workerNo,
    county,
    status,
    name: cellText(at(row, h, 'name')),
    sex: cellText(at(row, h, 'sex')),
    age: numberOf(at(row, h, 'age')),
    idNumber: cellText(at(row, h, 'id_number')).toUpperCase(),
    cardNumber: cellText(at(row, h, 'card_number')),
    employer: cellText(at(row, h, 'employer')),
    address: cellText(at(row, h, 'address')),
    phone: cellText(at(row, h, 'phone')),
    category: cellText(at(row, h, 'hardship_category')),
    causes: listAt(at(row, h, 'causes'), memo),
    householdSize: size,
    householdIncome: numberOf(at(row, h, 'household_income')),
    ownIncome: numberOf(at(row, h, 'own_income')),
    perCapitaMonthly: numberOf(at(row, h, 'per_capita_monthly')),
    migrant: yes(at(row, h, 'migrant')),
    modelWorker: modelWorker !== '' && modelWorker !== '无',
    scheme: SCHEME_BY_LABEL.get(schemeText) ?? schemeText,
    kinds: listAt(at(row, h, 'assistance_kinds'), memo),
    approvedFen: moneyFen(at(row, h, 'approved_amount'), '核定救助金额', problems),
    paidFen: moneyFen(at(row, h, 'paid_amount'), '已发放金额', problems),
    assistanceFen: moneyFen(at(row, h, 'assistance_amount'), '救助金额', problems),
    periodPaidFen: 0,
    paidAt,
    overdue: yes(at(row, h, 'overdue')),
    emergency: yes(at(row, h, 'emergency')),
    submittedAt: submittedAt ?? createdAt,
    noticeStart,
    noticeEnd,
    enteredYear: yearOf(at(row, h, 'entered_year')) ?? yearOf(at(row, h, 'created_at')),
    reviewYear: yearOf(at(row, h, 'review_year')),
    exitedAt,
    exitReason: cellText(at(row, h, 'exit_reason')),
    raw: row,
    header: h,
  };
  // Filing (备案) is the city union paying onto the member's card (seed 003: 帮扶金直接转至会员卡):
  // a filed case without its own 已发放金额 counts the city's 救助金额, else the approved amount, as paid.
  if (fact.status === 'filed' && fact.paidFen === 0) fact.paidFen = fact.assistanceFen || fact.approvedFen;
  if (problems.length > 0) return { ok: false, problem: `${where}${problems.join('；')}，未计入` };
  return { ok: true, fact };
}
