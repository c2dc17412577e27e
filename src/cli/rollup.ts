/**
 * `bangfu rollup county1.xlsx county2.xlsx … -o 汇总.xlsx`: the add-on's roll-up and
 * official forms over Excel files, one sheet per report. The same domain code as the
 * 汇总与报表 menu; only the reading and writing are Excel's.
 */
import { basename } from 'node:path';
import { civilFromDate } from '../domain/civilDate';
import { crossCheck, mergeRollups, rollUp, type RollupResult, type SourceData } from '../domain/rollup/aggregate';
import type { CaseFact } from '../domain/rollup/caseFacts';
import { centreStatsLayout, dashboardLayout, publicNoticeLayout, realNameLayout, summaryLayout, warmthStatsLayout } from '../domain/reports';
import { COUNTIES } from '../defaults/counties';
import { streamCaseValues, writeLayouts } from './excel';

export interface RollupCliOptions {
  inputs: string[];
  output: string;
  /** Fill the real-name amount column (the city union's view). */
  city?: boolean;
  unit?: string;
  /** 填报人 / 联系电话 printed in the form headers. */
  person?: string;
  phone?: string;
  progress: (line: string) => void;
}

export async function runRollupCli(o: RollupCliOptions): Promise<{ problems: string[]; cases: number }> {
  const today = civilFromDate(new Date());
  const year = Number(today.slice(0, 4));
  const keep = (f: CaseFact) => f.status === 'approved' || f.status === 'filed' || f.status === 'notice' || (f.emergency && f.paidFen > 0);
  const parts: RollupResult[] = [];
  const problems: string[] = [];
  // Each file is rolled up as soon as it is read, so only one file's rows are held at a time.
  for (const [i, path] of o.inputs.entries()) {
    o.progress(`读取 ${i + 1}/${o.inputs.length}：${basename(path)}`);
    let source: SourceData;
    try {
      source = { name: basename(path), county: '', values: await streamCaseValues(path) };
    } catch (e) {
      problems.push(`${basename(path)} 无法读取（${e instanceof Error ? e.message : String(e)}），已跳过`);
      continue;
    }
    o.progress(`  ${source.values.length - 1} 行，汇总中…`);
    parts.push(rollUp([source], { year, today, keep }));
  }
  const r = mergeRollups(parts, year);
  r.problems.unshift(...problems);
  crossCheck(r);
  const names = Object.fromEntries(COUNTIES.map((c) => [c.code, c.name]));
  const header = { unit: o.unit ?? '', year: r.year, today, person: o.person, phone: o.phone };
  o.progress('写出报表…');
  await writeLayouts(o.output, [
    summaryLayout(r, names, header), warmthStatsLayout(r.city, header), centreStatsLayout(r.city, header),
    realNameLayout(r.kept, o.city ? 'city' : null, header), publicNoticeLayout(r.kept, today), dashboardLayout(r, names),
  ]);
  o.progress(`已写出 ${o.output}（${r.rowsCounted} 件${r.problems.length ? `，${r.problems.length} 条问题见“汇总”表末尾` : ''}）`);
  return { problems: r.problems, cases: r.rowsCounted };
}
