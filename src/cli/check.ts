/**
 * `bangfu check 案件.xlsx [--forms 表单定义.xlsx]`: every row of a case workbook checked with
 * the add-on's own rules (the same validateSubmission the server runs on a save). The form
 * definitions: --forms when given, else the workbook's own 表单定义 sheet, else the
 * defaults. Prints a zh-CN report by row and field, then a summary line.
 */
import { civilFromDate, type CivilDate } from '../domain/civilDate';
import { parseFormDefinitions, type FieldDef } from '../domain/forms/fieldDefs';
import { validateSubmission } from '../domain/forms/caseSchema';
import { textOf } from '../domain/forms/values';
import { BangfuError } from '../domain/errors';
import { defaultFields } from '../defaults/forms';
import { caseSheet, readBook, sheetValues } from './excel';
import type ExcelJS from 'exceljs';

export interface RowError {
  /** The row as Excel numbers it (the header is row 1). */
  row: number;
  field: string;
  message: string;
}

export interface CheckReport {
  rows: number;
  errors: RowError[];
  lines: string[];
}

/** Formula text by 0-based [row, column] of the values, for the cells that hold a formula. */
export type FormulaCells = ReadonlyMap<string, string>;
export const formulaKey = (row: number, col: number) => `${row}:${col}`;

/** A formula quoted in a message: its start, so a long one does not fill the line. */
function formulaShown(f: string): string {
  const text = f.startsWith('=') ? f : `=${f}`;
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Columns are matched to fields by their zh label (as the add-on writes them), key or en label.
 * A form field holding a formula is reported as a formula (its cached result, often empty in
 * a file that was never opened in a spreadsheet program, would otherwise read as “必填项”).
 */
export function checkRows(
  values: readonly (readonly unknown[])[],
  defs: readonly FieldDef[],
  today: CivilDate = civilFromDate(new Date()),
  formulas: FormulaCells = new Map(),
): CheckReport {
  const [header = [], ...rows] = values;
  const cols = new Map<number, FieldDef>();
  header.forEach((h, i) => {
    const label = textOf(h);
    const d = defs.find((f) => f.zh === label || f.key === label || f.en === label);
    if (d) cols.set(i, d);
  });
  const errors: RowError[] = [];
  let counted = 0;
  rows.forEach((row, i) => {
    if (row.every((v) => v === '' || v === null || v === undefined)) return;
    counted++;
    const submission: Record<string, unknown> = {};
    const formulaFields = new Set<string>();
    for (const [c, d] of cols) {
      if (d.computed) continue;
      const f = formulas.get(formulaKey(i + 1, c));
      if (f !== undefined) {
        formulaFields.add(d.key);
        errors.push({ row: i + 2, field: d.zh, message: `“${d.zh}”是公式（${formulaShown(f)}），应填写内容本身而不是公式` });
        continue;
      }
      submission[d.key] = row[c] ?? '';
    }
    // A data check, not an edit: every field counts, whoever may edit it in the add-on.
    const r = validateSubmission(defs, submission, { role: 'admin', today });
    if (!r.ok) for (const e of r.errors) if (!formulaFields.has(e.field)) errors.push({ row: i + 2, field: e.label, message: e.message });
  });
  // The domain's messages already name the field (“身份证号”校验码错误).
  const lines = errors.map((e) => `第 ${e.row} 行 ${e.message}`);
  const bad = new Set(errors.map((e) => e.row)).size;
  lines.push(errors.length === 0 ? `共检查 ${counted} 行，全部通过` : `共检查 ${counted} 行，${bad} 行有 ${errors.length} 处错误`);
  return { rows: counted, errors, lines };
}

/** Every formula cell of a worksheet (exceljs: a formula, or a shared formula copied from another cell). */
function formulaCells(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const f = cell.formula;
      if (typeof f === 'string' && f !== '') out.set(formulaKey(r - 1, c - 1), f);
    });
  });
  return out;
}

function formsOf(wb: ExcelJS.Workbook): FieldDef[] | null {
  const sheet = wb.getWorksheet('表单定义');
  return sheet ? parseFormDefinitions(sheetValues(sheet)).fields : null;
}

export async function runCheck(path: string, out: (line: string) => void, opts: { forms?: string; today?: CivilDate } = {}): Promise<number> {
  const wb = await readBook(path);
  let defs: FieldDef[] | null = null;
  if (opts.forms) {
    const formsBook = await readBook(opts.forms);
    // A file of its own may hold the definitions on its first sheet.
    defs = formsOf(formsBook) ?? (formsBook.worksheets[0] ? parseFormDefinitions(sheetValues(formsBook.worksheets[0])).fields : null);
    if (!defs) throw new BangfuError('cli.noForms', `文件“${opts.forms}”中没有表单定义`, `${opts.forms} holds no form definitions`);
  }
  const ws = caseSheet(wb);
  const report = checkRows(sheetValues(ws), defs ?? formsOf(wb) ?? defaultFields(), opts.today, formulaCells(ws));
  for (const l of report.lines) out(l);
  return report.errors.length > 0 ? 1 : 0;
}
