/**
 * A small formula evaluator for the playground: the part of Sheets' formula language that
 * people type around our custom functions. Custom functions are called as the globals of
 * the vm context that runs dist/Code.js, exactly as Sheets calls them (a range argument
 * as a 2-D array, a single cell as a plain value).
 *
 * Supported: numbers, "strings", TRUE/FALSE, A1 refs, ranges (A1:B10, C2:C to the last
 * row, A:A, '救助标准'!A:M), unary minus, + - * / & and comparisons, and the built-ins
 * DATE, TODAY, SUM, IF, ROUND, AND, OR, LEN. Errors read as Sheets shows them: #NAME? for
 * an unknown function, #REF! for a bad reference, #ERROR! with the message otherwise.
 */
import { columnNumber } from './gas/a1';
import type { FakeSheet, FakeSpreadsheet } from './gas/spreadsheet';

export class FormulaError extends Error {
  constructor(readonly code: '#NAME?' | '#REF!' | '#ERROR!' | '#VALUE!' | '#DIV/0!', message: string) {
    super(message);
  }
}

type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'ref'; v: string } | { t: 'name'; v: string } | { t: 'op'; v: string };

const REF = /^(?:(?:'((?:[^']|'')+)'|([^\s!'"(),:]+))!)?(\$?[A-Za-z]{1,3}\$?\d*(?::\$?[A-Za-z]{1,3}\$?\d*)?|\$?\d+:\$?\d+)/;

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === '"') {
      let s = '';
      i++;
      while (i < src.length) {
        if (src[i] === '"' && src[i + 1] === '"') { s += '"'; i += 2; continue; }
        if (src[i] === '"') break;
        s += src[i++];
      }
      if (src[i] !== '"') throw new FormulaError('#ERROR!', '引号不成对');
      i++;
      out.push({ t: 'str', v: s });
      continue;
    }
    const num = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num && !/^[A-Za-z]/.test(src.slice(i + num[0].length))) {
      // "2:3" is a row range, not a number.
      if (src[i + num[0].length] !== ':') {
        out.push({ t: 'num', v: Number(num[0]) });
        i += num[0].length;
        continue;
      }
    }
    const rest = src.slice(i);
    const fn = /^([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(rest);
    if (fn) {
      out.push({ t: 'name', v: fn[1].toUpperCase() });
      i += fn[1].length;
      continue;
    }
    const ref = REF.exec(rest);
    if (ref && (ref[1] || ref[2] || /^\$?[A-Za-z]{1,3}\$?\d|^\$?[A-Za-z]{1,3}:|^\$?\d+:/.test(ref[3]))) {
      out.push({ t: 'ref', v: ref[0] });
      i += ref[0].length;
      continue;
    }
    const bool = /^(TRUE|FALSE)\b/i.exec(rest);
    if (bool) { out.push({ t: 'num', v: bool[1].toUpperCase() === 'TRUE' ? 1 : 0 }); out[out.length - 1] = { t: 'name', v: bool[1].toUpperCase() }; i += bool[1].length; continue; }
    const op = /^(<=|>=|<>|[-+*/&=<>(),;])/.exec(rest);
    if (op) { out.push({ t: 'op', v: op[1] === ';' ? ',' : op[1] }); i += op[1].length; continue; }
    throw new FormulaError('#ERROR!', `无法解析：${rest.slice(0, 20)}`);
  }
  return out;
}

type Node =
  | { k: 'lit'; v: unknown }
  | { k: 'ref'; v: string }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'neg'; e: Node }
  | { k: 'bin'; op: string; a: Node; b: Node };

function parse(tokens: Tok[]): Node {
  let p = 0;
  const peek = () => tokens[p];
  const isOp = (v: string) => peek()?.t === 'op' && peek().v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new FormulaError('#ERROR!', `缺少“${v}”`);
    p++;
  };
  const levels = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/']];
  const binary = (level: number): Node => {
    if (level === levels.length) return unary();
    let a = binary(level + 1);
    while (peek()?.t === 'op' && levels[level].includes(String(peek().v))) {
      const op = (tokens[p++] as { v: string }).v;
      a = { k: 'bin', op, a, b: binary(level + 1) };
    }
    return a;
  };
  const unary = (): Node => {
    if (isOp('-')) { p++; return { k: 'neg', e: unary() }; }
    if (isOp('+')) { p++; return unary(); }
    return primary();
  };
  const primary = (): Node => {
    const t = tokens[p++];
    if (!t) throw new FormulaError('#ERROR!', '公式不完整');
    if (t.t === 'num') return { k: 'lit', v: t.v };
    if (t.t === 'str') return { k: 'lit', v: t.v };
    if (t.t === 'ref') return { k: 'ref', v: t.v };
    if (t.t === 'name') {
      if ((t.v === 'TRUE' || t.v === 'FALSE') && !isOp('(')) return { k: 'lit', v: t.v === 'TRUE' };
      expect('(');
      const args: Node[] = [];
      if (!isOp(')')) {
        for (;;) {
          if (isOp(',') || isOp(')')) args.push({ k: 'lit', v: '' });
          else args.push(binary(0));
          if (isOp(',')) { p++; continue; }
          break;
        }
      }
      expect(')');
      return { k: 'call', name: t.v, args };
    }
    if (t.v === '(') {
      const e = binary(0);
      expect(')');
      return e;
    }
    throw new FormulaError('#ERROR!', `意外的“${t.v}”`);
  };
  const root = binary(0);
  if (p < tokens.length) throw new FormulaError('#ERROR!', `多余的“${(tokens[p] as { v: unknown }).v}”`);
  return root;
}

export interface EvalEnv {
  spreadsheet: FakeSpreadsheet;
  /** The sheet a relative reference belongs to. */
  sheet: string;
  /** Custom functions by upper-case name (the bundle's globals). */
  functions: Record<string, ((...a: unknown[]) => unknown) | undefined>;
  today: () => Date;
  /** Cells being computed, to refuse circular references. */
  stack?: Set<string>;
}

const flat = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[][]).flat() : [v]);
const num = (v: unknown): number => {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '' || v === null || v === undefined) return 0;
  if (Object.prototype.toString.call(v) === '[object Date]') return (v as Date).getTime() / 86_400_000 + 25_569;
  const n = Number(v);
  if (Number.isNaN(n)) throw new FormulaError('#VALUE!', `“${String(v)}”不是数字`);
  return n;
};
const scalar = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[][])[0]?.[0] ?? '' : v);

const BUILTINS: Record<string, (args: unknown[], env: EvalEnv) => unknown> = {
  DATE: ([y, m, d]) => new Date(num(scalar(y)), num(scalar(m)) - 1, num(scalar(d))),
  TODAY: (_a, env) => { const t = env.today(); return new Date(t.getFullYear(), t.getMonth(), t.getDate()); },
  SUM: (args) => args.flatMap(flat).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0),
  IF: ([c, a, b]) => (num(scalar(c)) !== 0 ? a : b ?? false),
  ROUND: ([v, d]) => { const f = 10 ** num(scalar(d ?? 0)); return Math.round(num(scalar(v)) * f) / f; },
  AND: (args) => args.flatMap(flat).every((v) => num(v) !== 0),
  OR: (args) => args.flatMap(flat).some((v) => num(v) !== 0),
  LEN: ([v]) => String(scalar(v) ?? '').length,
};

function readRef(ref: string, env: EvalEnv): unknown {
  const m = REF.exec(ref)!;
  const sheetName = m[1] ? m[1].replace(/''/g, "'") : m[2] ?? env.sheet;
  const sheet = env.spreadsheet._sheets.find((s) => s._name === sheetName);
  if (!sheet) throw new FormulaError('#REF!', `找不到工作表“${sheetName}”`);
  const part = m[3].replace(/\$/g, '');
  const [a, b] = part.split(':');
  const cell = (s: string) => /^([A-Za-z]*)(\d*)$/.exec(s)!;
  const ca = cell(a);
  const cb = cell(b ?? a);
  const last = Math.max(sheet._lastRow(), 1);
  const c1 = ca[1] ? columnNumber(ca[1]) : 1;
  const c2 = cb[1] ? columnNumber(cb[1]) : sheet._maxCols;
  const r1 = ca[2] ? Number(ca[2]) : 1;
  // An open end (C2:C, A:A) runs to the last row with content, as Sheets passes it.
  const r2 = cb[2] ? Number(cb[2]) : last;
  if (c1 > sheet._maxCols || c2 > sheet._maxCols || r1 > sheet._maxRows) throw new FormulaError('#REF!', `引用超出范围：${ref}`);
  const rows = Math.max(0, Math.min(r2, sheet._maxRows) - r1 + 1);
  const grid: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: unknown[] = [];
    for (let c = c1; c <= c2; c++) line.push(cellValue(sheet, r1 + r, c, env));
    grid.push(line);
  }
  if (b === undefined) return grid[0]?.[0] ?? '';
  return grid.length === 0 ? [['']] : grid;
}

function cellValue(sheet: FakeSheet, r: number, c: number, env: EvalEnv): unknown {
  const f = sheet._formulas.get(r * 20_000 + c);
  if (f === undefined) {
    const v = sheet._values[r - 1]?.[c - 1];
    return v === undefined || v === null ? '' : v;
  }
  const key = `${sheet._name}!${r}:${c}`;
  const stack = env.stack ?? new Set<string>();
  if (stack.has(key)) throw new FormulaError('#REF!', '循环引用');
  stack.add(key);
  try {
    return scalar(evaluateFormula(f, { ...env, sheet: sheet._name, stack }));
  } finally {
    stack.delete(key);
  }
}

function evalNode(n: Node, env: EvalEnv): unknown {
  switch (n.k) {
    case 'lit': return n.v;
    case 'ref': return readRef(n.v, env);
    case 'neg': return -num(scalar(evalNode(n.e, env)));
    case 'bin': {
      const a = scalar(evalNode(n.a, env));
      const b = scalar(evalNode(n.b, env));
      switch (n.op) {
        case '+': return num(a) + num(b);
        case '-': return num(a) - num(b);
        case '*': return num(a) * num(b);
        case '/': if (num(b) === 0) throw new FormulaError('#DIV/0!', '除数为零'); return num(a) / num(b);
        case '&': return `${a ?? ''}${b ?? ''}`;
        case '=': return a === b || (typeof a !== 'string' && typeof b !== 'string' && num(a) === num(b));
        case '<>': return !(a === b);
        case '<': return num(a) < num(b);
        case '>': return num(a) > num(b);
        case '<=': return num(a) <= num(b);
        default: return num(a) >= num(b);
      }
    }
    case 'call': {
      const args = n.args.map((a) => evalNode(a, env));
      const builtin = BUILTINS[n.name];
      if (builtin) return builtin(args, env);
      const fn = env.functions[n.name];
      if (typeof fn !== 'function') throw new FormulaError('#NAME?', `未知函数：${n.name}`);
      // Sheets passes trailing omitted arguments as undefined.
      while (args.length > 0 && args[args.length - 1] === '' && n.args[args.length - 1].k === 'lit') args.pop();
      return fn(...args);
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
    throw new FormulaError('#ERROR!', e instanceof Error ? e.message : String(e));
  }
}

/** What a cell shows for a formula: its value, or Sheets' error code with the message. */
export function showFormula(formula: string, env: EvalEnv): { value: unknown; error?: string } {
  try {
    return { value: evaluateFormula(formula, env) };
  } catch (e) {
    const err = e instanceof FormulaError ? e : new FormulaError('#ERROR!', String(e));
    return { value: err.code, error: err.message };
  }
}
