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

/** Columns are matched to fields by their zh label (as the add-on writes them), key or en label. */
export function checkRows(values: readonly (readonly unknown[])[], defs: readonly FieldDef[], today: CivilDate = civilFromDate(new Date())): CheckReport {
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
    for (const [c, d] of cols) if (!d.computed) submission[d.key] = row[c] ?? '';
    // A data check, not an edit: every field counts, whoever may edit it in the add-on.
    const r = validateSubmission(defs, submission, { role: 'admin', today });
    if (!r.ok) for (const e of r.errors) errors.push({ row: i + 2, field: e.label, message: e.message });
  });
  // The domain's messages already name the field (“身份证号”校验码错误).
  const lines = errors.map((e) => `第 ${e.row} 行 ${e.message}`);
  const bad = new Set(errors.map((e) => e.row)).size;
  lines.push(errors.length === 0 ? `共检查 ${counted} 行，全部通过` : `共检查 ${counted} 行，${bad} 行有 ${errors.length} 处错误`);
  return { rows: counted, errors, lines };
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
    if (!defs) throw new Error(`${opts.forms} 中没有表单定义`);
  }
  const report = checkRows(sheetValues(caseSheet(wb)), defs ?? formsOf(wb) ?? defaultFields(), opts.today);
  for (const l of report.lines) out(l);
  return report.errors.length > 0 ? 1 : 0;
}
