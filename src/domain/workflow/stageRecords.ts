/**
 * 环节记录: what each stage of the chain recorded when it was done (SPEC §2.6 "what it
 * records": decision, opinion, date, seal), one entry per stage, in the table-row text of
 * forms/values.ts so a person reads it and it reads back exactly:
 * 2026-12-03（环节：县区初审，办理人：wangqiang@jszgh.cn，决定：通过）；…
 */
import { rowsOf, rowsText, textOf, type ValueFieldDef } from '../forms/values';

export interface StageRecord {
  on: string;
  stage: string;
  by: string;
  decision: string;
  opinion: string;
  stamp: string;
}

export const STAGE_RECORD_COLUMNS = [
  { key: 'on', zh: '日期', type: 'date', options: [] },
  { key: 'stage', zh: '环节', type: 'text', options: [] },
  { key: 'by', zh: '办理人', type: 'text', options: [] },
  { key: 'decision', zh: '决定', type: 'text', options: [] },
  { key: 'opinion', zh: '意见', type: 'text', options: [] },
  { key: 'stamp', zh: '盖章', type: 'text', options: [] },
] as const satisfies readonly (ValueFieldDef & { zh: string })[];

export function readStageRecords(cell: unknown): StageRecord[] {
  const rows = rowsOf(textOf(cell), { columns: [...STAGE_RECORD_COLUMNS] }) ?? [];
  return rows.map((r) => ({
    on: textOf(r.on),
    stage: textOf(r.stage),
    by: textOf(r.by),
    decision: textOf(r.decision),
    opinion: textOf(r.opinion),
    stamp: textOf(r.stamp),
  }));
}

export function appendStageRecord(cell: unknown, r: StageRecord): string {
  return rowsText(STAGE_RECORD_COLUMNS, [...readStageRecords(cell), r] as unknown as Record<string, unknown>[]);
}
