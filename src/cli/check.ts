/**
 * `bangfu check cases.xlsx`: every row of a case workbook checked with the add-on's own
 * rules (表单定义 from the workbook when it has that sheet, else the defaults; the same
 * validateSubmission the server runs on a save). Prints a zh-CN report by row and field.
 */
import { civilFromDate } from '../domain/civilDate';
import { parseFormDefinitions, type FieldDef } from '../domain/forms/fieldDefs';
import { validateSubmission } from '../domain/forms/caseSchema';
import { textOf } from '../domain/forms/values';
import { defaultFields } from '../defaults/forms';
import { caseSheet, readBook, sheetValues } from './excel';

export interface CheckReport {
  rows: number;
  errors: { row: number; field: string; message: string }[];
  lines: string[];
}

export function checkRows(values: readonly (readonly unknown[])[], defs: readonly FieldDef[], today = civilFromDate(new Date())): CheckReport {
  const [header = [], ...rows] = values;
  const labels = header.map((h) => textOf(h));
  const cols = new Map<number, FieldDef>();
  labels.forEach((l, i) => {
    const d = defs.find((f) => f.zh === l || f.key === l || f.en === l);
    if (d) cols.set(i, d);
  });
  const errors: CheckReport['errors'] = [];
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
  const lines = errors.map((e) => `第 ${e.row} 行 ${e.message}`);
  const bad = new Set(errors.map((e) => e.row)).size;
  lines.push(errors.length === 0 ? `共检查 ${counted} 行，全部通过` : `共检查 ${counted} 行，${bad} 行有 ${errors.length} 处错误`);
  return { rows: counted, errors, lines };
}

export async function runCheck(path: string, out: (line: string) => void): Promise<number> {
  const wb = await readBook(path);
  const formSheet = wb.getWorksheet('表单定义');
  const defs = formSheet ? parseFormDefinitions(sheetValues(formSheet)).fields : defaultFields();
  const report = checkRows(sheetValues(caseSheet(wb)), defs);
  for (const l of report.lines) out(l);
  return report.errors.length > 0 ? 1 : 0;
}
