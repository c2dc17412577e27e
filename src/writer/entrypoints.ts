/**
 * The writer project's top-level functions (build.mjs generates a stub for each, as for
 * the bound script's src/server/entrypoints.ts). Pure data.
 */
import type { EntryPoint } from '../server/entrypoints';

export const WRITER_ENTRY_POINTS: EntryPoint[] = [
  {
    name: 'doGet',
    kind: 'endpoint',
    params: [{ name: 'e', type: 'Object', zh: '请求事件', en: 'request event', optional: true }],
    zh: '健康检查：返回写入服务的名称和协议版本（JSON）。',
    en: "Health check: the writer's name and protocol version (JSON).",
  },
  {
    name: 'doPost',
    kind: 'endpoint',
    params: [{ name: 'e', type: 'Object', zh: '请求事件', en: 'request event' }],
    zh: '接收一个 JSON 写入请求，验证身份后写入，返回一个 JSON 答复。',
    en: 'Takes one JSON write request, verifies the caller, writes, returns one JSON reply.',
  },
  {
    name: 'dailyJobs',
    kind: 'trigger',
    params: [],
    zh: '每日定时任务：对每个登记的表格检查期限、年度复审标记、季度统计提醒。',
    en: 'Daily job over every listed spreadsheet: deadlines, annual re-review, quarterly reminder.',
  },
];
