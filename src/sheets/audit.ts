/**
 * 操作日志 (audit log): append-only, one row per change, written in the same locked
 * operation as the change it describes. Nobody edits it by hand (setup protects it).
 */
import { isDate } from '../domain/civilDate';
import { SYSTEM_COLUMNS } from '../domain/caseModel';
import type { Column, Cell } from './table';

const SYSTEM_LABELS: ReadonlyMap<string, string> = new Map(SYSTEM_COLUMNS.map((c) => [c.key, c.zh]));

export const AUDIT_COLUMNS = [
  { key: 'time', zh: '时间', en: 'Time' },
  { key: 'user', zh: '用户', en: 'User' },
  { key: 'worker_no', zh: '职工编号', en: 'Worker no.' },
  { key: 'action', zh: '操作', en: 'Action' },
  { key: 'from', zh: '原状态', en: 'From status' },
  { key: 'to', zh: '新状态', en: 'To status' },
  { key: 'reason', zh: '原因', en: 'Reason' },
  { key: 'changes', zh: '变更字段', en: 'Changed fields' },
  { key: 'request_id', zh: '请求编号', en: 'Request id' },
  // The hash chain (src/sheets/auditChain.ts): the previous row's hash and this row's.
  { key: 'prev_hash', zh: '前一哈希', en: 'Previous hash' },
  { key: 'row_hash', zh: '本行哈希', en: 'Row hash' },
] as const satisfies readonly Column[];
export const AUDIT_HEADER: string[] = AUDIT_COLUMNS.map((c) => c.zh);
export const AUDIT_KEYS = AUDIT_COLUMNS.map((c) => c.key);

export type JsonCell = string | number | boolean | null;
/** One changed column: its key, its zh label when the writer knows it (form fields), the cells before and after. */
export interface FieldChange {
  field: string;
  before: JsonCell;
  after: JsonCell;
  label?: string;
  /** A pasted range: Sheets gives no old values, so the log says only what the cell became. */
  beforeUnknown?: boolean;
}

export interface AuditRecord {
  time: Date;
  user: string;
  workerNo: string;
  /** What happened, in zh (新增案件, 修改案件, 审核通过, 每日期限检查失败 …). */
  action: string;
  from: string;
  to: string;
  reason: string;
  changes: FieldChange[];
  requestId: string;
}

/** A Sheets cell holds at most 50,000 characters; a huge member table must not break the log. */
const MAX_CELL = 45_000;

/** A value as the log shows it: dates as 'YYYY-MM-DD' (or full time), everything else as is. */
export function jsonCell(v: unknown): JsonCell {
  if (v === undefined || v === null) return null;
  if (isDate(v)) {
    const pad = (n: number) => String(n).padStart(2, '0');
    const day = `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}`;
    const hasTime = v.getHours() !== 0 || v.getMinutes() !== 0 || v.getSeconds() !== 0;
    return hasTime ? `${day} ${pad(v.getHours())}:${pad(v.getMinutes())}:${pad(v.getSeconds())}` : day;
  }
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/**
 * 变更字段 as a person reads it: 家庭住址：解放路 1 号 → 解放路 3 号；婚姻状况：（空）→ 已婚.
 * Labels: the change's own label (the form field's zh label from 表单定义), else `labelOf`,
 * else the system column's label, else the key. Values are the cells as written (status
 * and options already by their zh labels, dates as 'YYYY-MM-DD'); TRUE/FALSE read 是/否, a
 * blank （空）. The approval snapshot is JSON kept in 案件.审批快照: the log says it was
 * recorded, not its text. The log is for people; nothing reads this column back.
 */
export function changesText(changes: readonly FieldChange[], labelOf?: (key: string) => string | undefined): string {
  if (changes.length === 0) return '';
  const shown = (v: JsonCell): string => {
    if (v === null || v === '') return '（空）';
    if (typeof v === 'boolean') return v ? '是' : '否';
    return String(v);
  };
  const text = changes
    .map((c) => {
      const label = c.label ?? labelOf?.(c.field) ?? SYSTEM_LABELS.get(c.field) ?? c.field;
      if (c.field === 'decision_snapshot') return `${label}：${c.after === null || c.after === '' ? '已清除' : '已记录'}`;
      return c.beforeUnknown ? `${label}：改为 ${shown(c.after)}` : `${label}：${shown(c.before)} → ${shown(c.after)}`;
    })
    .join('；');
  return text.length <= MAX_CELL ? text : `${text.slice(0, MAX_CELL)}…（已截断）`;
}

/** One audit record → the cells of its row, keyed by column. */
export function auditCells(r: AuditRecord): Record<string, Cell> {
  return {
    // Whole seconds: the hash chain must see the same instant after Sheets stores it.
    time: new Date(Math.round(r.time.getTime() / 1000) * 1000),
    user: r.user,
    worker_no: r.workerNo,
    action: r.action,
    from: r.from,
    to: r.to,
    reason: r.reason,
    changes: changesText(r.changes),
    request_id: r.requestId,
  };
}
