/**
 * A small formula evaluator for the playground: the part of Sheets' formula language that
 * people type around our custom functions. Custom functions are called as the globals of
 * the vm context that runs dist/Code.js, exactly as Sheets calls them: a range argument
 * as a 2-D array (blank cells as ''), a single cell as a plain value, trailing omitted
 * arguments left out.
 *
 * Supported: numbers, "strings", TRUE/FALSE, A1 refs, ranges (A1:B10, C2:C to the last
 * row, A:A, 2:3, '救助标准'!A:M, 救助标准!A1), unary minus, + - * / & and comparisons, and
 * the built-ins DATE, TODAY, SUM, IF, ROUND, AND, OR, LEN. A 2-D result spills down and
 * right as in Sheets (computeSheet records where). Errors read as Sheets shows them:
 * #NAME? for an unknown function, #REF! for a bad reference, a circular one or a blocked
 * spill, #DIV/0!, #VALUE!, and #ERROR! with the message otherwise.
 */
import { columnLetters, columnNumber } from './gas/a1';
import type { FakeSheet, FakeSpreadsheet } from './gas/spreadsheet';

export type FormulaErrorCode = '#NAME?' | '#REF!' | '#ERROR!' | '#VALUE!' | '#DIV/0!';

export class FormulaError extends Error {
  constructor(
    readonly code: FormulaErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The fake's cell key (row * 20000 + col, 1-based), as harness/gas/spreadsheet.ts keys formulas and notes. */
const KEY = 20_000;
export const cellKey = (row: number, col: number): number => row * KEY + col;

// ── tokens ────────────────────────────────────────────────────────────────────────────

type Tok =
  { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'ref'; v: string } | { t: 'name'; v: string } | { t: 'named'; v: string } | { t: 'op'; v: string };

/** [1] quoted sheet, [2] bare sheet, [3] the range part (A1, A1:B2, C2:C, A:A, 2:3). */
const REF = /^(?:(?:'((?:[^']|'')+)'|([^\s!'"(),:&+\-*/<>=;]+))!)?(\$?[A-Za-z]{1,3}\$?\d*(?::\$?[A-Za-z]{1,3}\$?\d*)?|\$?\d+:\$?\d+)/;
/** A range part that is really a reference (not a bare word like "ABC"). */
const REF_SHAPE = /^\$?[A-Za-z]{1,3}\$?\d|^\$?[A-Za-z]{1,3}:|^\$?\d+:/;

function readString(src: string, start: number): { value: string; end: number } {
  let s = '';
  let i = start + 1;
  while (i < src.length) {
    if (src[i] === '"' && src[i + 1] === '"') {
      s += '"';
      i += 2;
      continue;
    }
    if (src[i] === '"') return { value: s, end: i + 1 };
    s += src[i++];
  }
  throw new FormulaError('#ERROR!', '引号不成对');
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    if (/^\s/.test(rest)) {
      i++;
      continue;
    }
    if (rest[0] === '"') {
      const s = readString(src, i);
      out.push({ t: 'str', v: s.value });
      i = s.end;
      continue;
    }
    // "2:3" is a row range, not a number.
    const num = /^\d+(\.\d+)?([eE][+-]?\d+)?(?![A-Za-z:])/.exec(rest);
    if (num) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const fn = /^([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(rest);
    if (fn) {
      out.push({ t: 'name', v: fn[1].toUpperCase() });
      i += fn[1].length;
      continue;
    }
    const bool = /^(TRUE|FALSE)(?![A-Za-z0-9_!])/i.exec(rest);
    if (bool) {
      out.push({ t: 'name', v: bool[1].toUpperCase() });
      i += bool[1].length;
      continue;
    }
    const ref = REF.exec(rest);
    if (ref && (ref[1] || ref[2] || REF_SHAPE.test(ref[3]))) {
      out.push({ t: 'ref', v: ref[0] });
      i += ref[0].length;
      continue;
    }
    // A named range (=IDCARD_INFO(B2, "age", 今日)): a bare name that is no reference or function.
    const named = /^([A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*)(?![(!\w])/.exec(rest);
    if (named) {
      out.push({ t: 'named', v: named[1] });
      i += named[1].length;
      continue;
    }
    const op = /^(<=|>=|<>|[-+*/&=<>(),;])/.exec(rest);
    // Locales that use ',' as the decimal mark separate arguments with ';'.
    if (op) {
      out.push({ t: 'op', v: op[1] === ';' ? ',' : op[1] });
      i += op[1].length;
      continue;
    }
    throw new FormulaError('#ERROR!', `无法解析：${rest.slice(0, 20)}`);
  }
  return out;
}

// ── syntax tree ───────────────────────────────────────────────────────────────────────

type Node =
  | { k: 'lit'; v: unknown }
  | { k: 'omitted' }
  | { k: 'ref'; v: string }
  | { k: 'named'; v: string }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'neg'; e: Node }
  | { k: 'bin'; op: string; a: Node; b: Node };

/** Lowest precedence first, as in Sheets. */
const LEVELS = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/']];

function parse(tokens: Tok[]): Node {
  let p = 0;
  const isOp = (v: string) => tokens[p]?.t === 'op' && tokens[p].v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new FormulaError('#ERROR!', `缺少“${v}”`);
    p++;
  };
  const binary = (level: number): Node => {
    if (level === LEVELS.length) return unary();
    let a = binary(level + 1);
    for (let t = tokens[p]; t?.t === 'op' && LEVELS[level].includes(t.v); t = tokens[p]) {
      p++;
      a = { k: 'bin', op: t.v, a, b: binary(level + 1) };
    }
    return a;
  };
  const unary = (): Node => {
    if (isOp('-')) {
      p++;
      return { k: 'neg', e: unary() };
    }
    if (isOp('+')) {
      p++;
      return unary();
    }
    return primary();
  };
  const args = (): Node[] => {
    const list: Node[] = [];
    if (isOp(')')) return list;
    for (;;) {
      list.push(isOp(',') || isOp(')') ? { k: 'omitted' } : binary(0));
      if (!isOp(',')) return list;
      p++;
    }
  };
  const primary = (): Node => {
    const t = tokens[p++];
    if (!t) throw new FormulaError('#ERROR!', '公式不完整');
    switch (t.t) {
      case 'num':
      case 'str':
        return { k: 'lit', v: t.v };
      case 'ref':
        return { k: 'ref', v: t.v };
      case 'named':
        return { k: 'named', v: t.v };
      case 'name': {
        if ((t.v === 'TRUE' || t.v === 'FALSE') && !isOp('(')) return { k: 'lit', v: t.v === 'TRUE' };
        expect('(');
        const list = args();
        expect(')');
        return { k: 'call', name: t.v, args: list };
      }
      case 'op':
        if (t.v === '(') {
          const e = binary(0);
          expect(')');
          return e;
        }
        throw new FormulaError('#ERROR!', `意外的“${t.v}”`);
    }
  };
  const root = binary(0);
  if (p < tokens.length) throw new FormulaError('#ERROR!', `多余的“${String(tokens[p].v)}”`);
  return root;
}

// ── evaluation ────────────────────────────────────────────────────────────────────────

export interface EvalEnv {
  spreadsheet: FakeSpreadsheet;
  /** The sheet a reference without a sheet name belongs to. */
  sheet: string;
  /** A custom function by its upper-case name (the bundle's globals), or undefined. */
  customFunction: (name: string) => ((...args: unknown[]) => unknown) | undefined;
  today: () => Date;
  /** Cells being computed, to refuse circular references. */
  stack?: Set<string>;
  /** Spills found so far, by sheet name; shared by the evaluations of one read. */
  spills?: Map<string, SheetComputation>;
  /**
   * A conditional-format formula applied to another cell of its range: its relative
   * references (no $) move by this much, as Sheets moves them from the range's top-left cell.
   */
  shift?: { rows: number; cols: number };
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const flat = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[][]).flat() : [v]);
/** The top-left value of an array, as a cell that does not spill shows it. */
export const scalar = (v: unknown): unknown => (Array.isArray(v) ? ((v as unknown[][])[0]?.[0] ?? '') : v);

/** Sheets' numeric view of a value: dates are serial days since 1899-12-30. */
function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '' || v === null || v === undefined) return 0;
  if (isDate(v)) return (v.getTime() - v.getTimezoneOffset() * 60_000) / 86_400_000 + 25_569;
  const n = Number(v);
  if (Number.isNaN(n)) throw new FormulaError('#VALUE!', `“${String(v)}”不是数字`);
  return n;
}

function equal(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return num(a) === num(b);
}

const BUILTINS: Record<string, (args: unknown[], env: EvalEnv) => unknown> = {
  DATE: ([y, m, d]) => new Date(num(scalar(y)), num(scalar(m)) - 1, num(scalar(d))),
  TODAY: (_a, env) => {
    const t = env.today();
    return new Date(t.getFullYear(), t.getMonth(), t.getDate());
  },
  SUM: (args) => args.flatMap(flat).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0),
  IF: ([c, a, b]) => (num(scalar(c)) !== 0 ? (a ?? true) : (b ?? false)),
  ROUND: ([v, d]) => {
    const f = 10 ** num(scalar(d ?? 0));
    return Math.round(num(scalar(v)) * f) / f;
  },
  AND: (args) => args.flatMap(flat).every((v) => num(v) !== 0),
  OR: (args) => args.flatMap(flat).some((v) => num(v) !== 0),
  LEN: ([v]) => String(scalar(v) ?? '').length,
  // A date is a number to Sheets (a serial day), so ISNUMBER of a date cell is TRUE.
  ISNUMBER: ([v]) => typeof scalar(v) === 'number' || isDate(scalar(v)),
  // HYPERLINK(url, [link_label]): the cell shows the label (the report's 导出 PDF link).
  HYPERLINK: ([url, label]) => scalar(label ?? url),
};

function sheetNamed(env: EvalEnv, name: string): FakeSheet {
  const sheet = env.spreadsheet._sheets.find((s) => s._name === name);
  if (!sheet) throw new FormulaError('#REF!', `找不到工作表“${name}”`);
  return sheet;
}

/** One end of a range part (A1, $A$1, C, 2), its relative parts moved by `shift`. */
function refEnd(part: string, shift: EvalEnv['shift']): { col: number | null; row: number | null } {
  const m = /^(\$?)([A-Za-z]*)(\$?)(\d*)$/.exec(part)!;
  const col = m[2] ? columnNumber(m[2]) + (m[1] || !shift ? 0 : shift.cols) : null;
  // '$2' (a row range's end) anchors the row: its '$' comes first.
  const row = m[4] ? Number(m[4]) + (m[3] || (m[1] && !m[2]) || !shift ? 0 : shift.rows) : null;
  return { col, row };
}

function readRef(ref: string, env: EvalEnv, moves = true): unknown {
  const m = REF.exec(ref);
  if (!m) throw new FormulaError('#REF!', `引用无效：${ref}`);
  const sheet = sheetNamed(env, m[1] ? m[1].replace(/''/g, "'") : (m[2] ?? env.sheet));
  const [a, b = a] = m[3].split(':');
  const shift = moves ? env.shift : undefined;
  const start = refEnd(a, shift);
  const end = refEnd(b, shift);
  const c1 = start.col ?? 1;
  const c2 = end.col ?? sheet._lastColumn();
  const r1 = start.row ?? 1;
  // An open end (C2:C, A:A) stops at the last row with content: what Sheets passes is as long
  // as the sheet, but a custom function sees the trailing blanks only as work.
  const r2 = end.row ?? Math.max(sheet._lastRow(), r1);
  if (r1 < 1 || c1 < 1 || c2 > sheet._maxCols || r2 > sheet._maxRows || c2 < c1 || r2 < r1) throw new FormulaError('#REF!', `引用超出工作表范围：${ref}`);
  const grid: unknown[][] = [];
  for (let r = r1; r <= r2; r++) {
    const line: unknown[] = [];
    for (let c = c1; c <= c2; c++) line.push(cellValue(sheet, r, c, env));
    grid.push(line);
  }
  // One cell is a plain value, even written as A1:A1.
  return grid.length === 1 && grid[0].length === 1 ? grid[0][0] : grid;
}

function cellValue(sheet: FakeSheet, r: number, c: number, env: EvalEnv): unknown {
  const f = sheet._formulas.get(cellKey(r, c));
  if (f === undefined) {
    const v = sheet._values[r - 1]?.[c - 1];
    if (v !== undefined && v !== null && v !== '') return v;
    return spilledInto(sheet, r, c, env) ?? '';
  }
  const key = `${sheet._name}!${r}:${c}`;
  const stack = env.stack ?? new Set<string>();
  if (stack.has(key)) throw new FormulaError('#REF!', '循环引用');
  stack.add(key);
  try {
    // The cell's own formula: a conditional format's shift is not its business.
    return scalar(evaluateFormula(f, { ...env, sheet: sheet._name, stack, shift: undefined }));
  } finally {
    stack.delete(key);
  }
}

/** The value another formula's array result puts into an empty cell, if any. */
function spilledInto(sheet: FakeSheet, r: number, c: number, env: EvalEnv): unknown {
  if (sheet._formulas.size === 0 || !env.spills) return undefined;
  // While a sheet is being computed, its spills so far are known (formulas run in reading
  // order, so a formula sees the arrays of formulas above and left of it).
  const known = env.spills.get(sheet._name) ?? computeSheet(sheet, env);
  return known.spilled.get(cellKey(r, c));
}

function evalNode(n: Node, env: EvalEnv): unknown {
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'omitted':
      return '';
    case 'ref':
      return readRef(n.v, env);
    case 'named': {
      const r = env.spreadsheet.getRangeByName(n.v);
      if (!r) throw new FormulaError('#NAME?', `未知名称：${n.v}`);
      // A named range is absolute: a conditional format's shift does not move it.
      return readRef(`'${r._sheet._name.replace(/'/g, "''")}'!${r.getA1Notation()}`, env, false);
    }
    case 'neg':
      return -num(scalar(evalNode(n.e, env)));
    case 'bin': {
      const a = scalar(evalNode(n.a, env));
      const b = scalar(evalNode(n.b, env));
      switch (n.op) {
        case '+':
          return num(a) + num(b);
        case '-':
          return num(a) - num(b);
        case '*':
          return num(a) * num(b);
        case '/':
          if (num(b) === 0) throw new FormulaError('#DIV/0!', '除数为零');
          return num(a) / num(b);
        case '&':
          return `${isDate(a) ? num(a) : a}${isDate(b) ? num(b) : b}`;
        case '=':
          return equal(a, b);
        case '<>':
          return !equal(a, b);
        case '<':
          return num(a) < num(b);
        case '>':
          return num(a) > num(b);
        case '<=':
          return num(a) <= num(b);
        default:
          return num(a) >= num(b);
      }
    }
    case 'call': {
      // Own entries only: `=CONSTRUCTOR(1)` must not find Object.prototype.constructor.
      const builtin = Object.prototype.hasOwnProperty.call(BUILTINS, n.name) ? BUILTINS[n.name] : undefined;
      const fn = builtin ? undefined : env.customFunction(n.name);
      if (!builtin && typeof fn !== 'function') throw new FormulaError('#NAME?', `未知函数：${n.name}`);
      const args = n.args.map((a) => evalNode(a, env));
      if (builtin) return builtin(args, env);
      // Sheets leaves trailing omitted arguments out: the function sees them as undefined.
      let count = args.length;
      while (count > 0 && n.args[count - 1].k === 'omitted') count--;
      return fn!(...args.slice(0, count));
    }
  }
}

/** The value of `=…` in the context of a sheet: a scalar, or a 2-D array that spills. */
export function evaluateFormula(formula: string, env: EvalEnv): unknown {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  try {
    return evalNode(parse(tokenize(body)), env);
  } catch (e) {
    if (e instanceof FormulaError) throw e;
    // A custom function that throws shows #ERROR! with its message, as in Sheets.
    throw new FormulaError('#ERROR!', e instanceof Error ? e.message : String(e));
  }
}

/**
 * A conditional-format rule's custom formula (whenFormulaSatisfied), parsed once and tested
 * at many cells. Sheets writes it for the top-left cell of the rule's range and moves its
 * relative references for each other cell; the cell is formatted when the formula is TRUE
 * (an error or a non-boolean text is not). `varies` says whether the result can change
 * along a row or down a column at all, so a `=$X2=TRUE` rule is tested once per row.
 * https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#whenFormulaSatisfied(String)
 */
export interface ConditionFormula {
  varies: { rows: boolean; cols: boolean };
  test(env: EvalEnv, shift: { rows: number; cols: number }): boolean;
}

export function conditionFormula(formula: string): ConditionFormula {
  const tokens = tokenize(formula.startsWith('=') ? formula.slice(1) : formula);
  const tree = parse(tokens);
  const varies = { rows: false, cols: false };
  for (const t of tokens) {
    if (t.t !== 'ref') continue;
    for (const part of REF.exec(t.v)![3].split(':')) {
      const m = /^(\$?)([A-Za-z]*)(\$?)(\d*)$/.exec(part)!;
      if (m[2] && !m[1]) varies.cols = true;
      if (m[4] && !m[3] && !(m[1] && !m[2])) varies.rows = true;
    }
  }
  return {
    varies,
    test(env, shift) {
      try {
        const v = scalar(evalNode(tree, { ...env, shift }));
        return typeof v === 'boolean' ? v : typeof v === 'number' && v !== 0;
      } catch {
        return false;
      }
    },
  };
}

/** What a formula gives: its value (a scalar or an array), or Sheets' error code and message. */
export function showFormula(formula: string, env: EvalEnv): { value: unknown; error?: string } {
  try {
    return { value: evaluateFormula(formula, env) };
  } catch (e) {
    const err = e instanceof FormulaError ? e : new FormulaError('#ERROR!', String(e));
    return { value: err.code, error: err.message };
  }
}

// ── a whole sheet, with spills ────────────────────────────────────────────────────────

export interface SheetComputation {
  /** Each formula cell: what it shows (an array result's top-left value) and its error. */
  formulas: Map<number, { value: unknown; error?: string }>;
  /** Cells filled by an array result of a formula above or left of them. */
  spilled: Map<number, unknown>;
}

/**
 * Every formula of a sheet computed, in reading order, with array results spilled down and
 * right. Like Sheets, a spill that would overwrite a non-empty cell is refused: the formula
 * shows #REF! and nothing spills. Simpler than Sheets: there is no dependency graph, so a
 * formula sees the spills of formulas above or left of it, not of those after it.
 */
export function computeSheet(sheet: FakeSheet, env: EvalEnv): SheetComputation {
  const spills = env.spills ?? new Map<string, SheetComputation>();
  const inner: EvalEnv = { ...env, sheet: sheet._name, spills };
  const result: SheetComputation = { formulas: new Map(), spilled: new Map() };
  spills.set(sheet._name, result);
  const keys = [...sheet._formulas.keys()].sort((a, b) => a - b);
  for (const key of keys) {
    const r = Math.floor(key / KEY);
    const c = key % KEY;
    const shown = showFormula(sheet._formulas.get(key)!, inner);
    if (!Array.isArray(shown.value)) {
      result.formulas.set(key, shown);
      continue;
    }
    const grid = shown.value as unknown[][];
    const blocked = findBlocker(sheet, grid, r, c, result.spilled);
    if (blocked) {
      result.formulas.set(key, { value: '#REF!', error: `数组结果未展开，因为会覆盖 ${blocked} 中的数据` });
      continue;
    }
    result.formulas.set(key, { value: scalar(grid) });
    grid.forEach((row, i) =>
      row.forEach((v, j) => {
        if (i || j) result.spilled.set(cellKey(r + i, c + j), v);
      }),
    );
  }
  return result;
}

/**
 * What one formula cell reads as (Range.getValue): the top-left value of an array result,
 * or #REF! when the array could not spill over data below or right of it. Only this
 * formula is computed (a sheet of 10,000 formulas read cell by cell stays linear).
 */
export function formulaCellValue(sheet: FakeSheet, row: number, col: number, env: EvalEnv): unknown {
  const formula = sheet._formulas.get(cellKey(row, col));
  if (formula === undefined) return sheet._values[row - 1]?.[col - 1] ?? '';
  const shown = showFormula(formula, { ...env, sheet: sheet._name });
  if (!Array.isArray(shown.value)) return shown.value;
  return findBlocker(sheet, shown.value as unknown[][], row, col, new Map()) ? '#REF!' : scalar(shown.value);
}

function findBlocker(sheet: FakeSheet, grid: unknown[][], r: number, c: number, spilled: Map<number, unknown>): string | null {
  for (let i = 0; i < grid.length; i++) {
    for (let j = 0; j < (grid[i]?.length ?? 0); j++) {
      if (!i && !j) continue;
      const key = cellKey(r + i, c + j);
      const v = sheet._values[r + i - 1]?.[c + j - 1];
      if (sheet._formulas.has(key) || spilled.has(key) || (v !== undefined && v !== null && v !== '')) {
        return `${columnLetters(c + j)}${r + i}`;
      }
    }
  }
  return null;
}
