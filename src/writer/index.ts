/**
 * The writer: a second Apps Script project (dist/writer/), deployed as a web app that
 * executes as its owner, the spreadsheet's owner. It alone writes the authoritative
 * sheets; it trusts nothing the client says about who it is.
 *
 * doPost(e), one JSON request → one JSON reply, never an HTML error page:
 *   1. the body parses and has the protocol's shape, version 1, a known op;
 *   2. the spreadsheet is one of the script property BANGFU_SPREADSHEETS;
 *   3. the ID token is verified with Google (tokeninfo): issuer, verified e-mail, expiry,
 *      audience one of BANGFU_ALLOWED_AUDIENCES; the e-mail is the actor, the role is
 *      read from 人员权限 by the use case;
 *   4. under the script lock: the request id is looked up in the ledger (写入记录):
 *      an honest retry gets the stored reply, a reused id is refused;
 *   5. the op runs (案件 + 操作日志 together or not at all), flush, ledger, reply.
 *
 * Top-level code here calls no Apps Script service.
 */
import { BangfuError } from '../domain/errors';
import { jsonOutput } from '../platform/content';
import { verifyIdToken } from '../platform/identity';
import { scriptProperty, scriptPropertyList, setScriptProperty } from '../platform/properties';
import { PROTOCOL_VERSION, WRITER_SERVICE, WriterRequestSchema, requestFingerprint, type WriterReply } from '../shared/writerProtocol';
import { withScriptLock } from '../sheets/lock';
import type { Spreadsheet } from '../sheets/workbook';
import { requestContext } from '../server/context';
import type { AuditHeadStore, LockRunner } from '../usecases/ctx';
import { runDailyJobs } from '../server/triggers';
import { findRequest, openLedger, recordRequest, reusedIdError } from './ledger';
import { unsupportedOp, WRITER_OPS } from './ops';

export { setNow } from '../server/clock';

export const ALLOWED_AUDIENCES_PROPERTY = 'BANGFU_ALLOWED_AUDIENCES';
export const SPREADSHEETS_PROPERTY = 'BANGFU_SPREADSHEETS';
/** A writer request may wait this long for another to finish (setup of a big workbook takes a while). */
const WRITER_LOCK_WAIT_MS = 30_000;

export function doGet(): GoogleAppsScript.Content.TextOutput {
  return jsonOutput({ ok: true, service: WRITER_SERVICE, version: PROTOCOL_VERSION });
}

export function doPost(e?: Partial<GoogleAppsScript.Events.DoPost>): GoogleAppsScript.Content.TextOutput {
  let reply: WriterReply;
  try {
    reply = handle(e);
  } catch (err) {
    reply = { ok: false, message: refusalText(err) };
  }
  return jsonOutput(reply);
}

const refuse = (zh: string, en: string) => new BangfuError('writer.refused', zh, en);

function refusalText(err: unknown): string {
  if (err instanceof BangfuError) return err.zh;
  // Never a raw Apps Script message to the user: the detail goes to the writer's execution log.
  const detail = err instanceof Error ? err.message : String(err);
  console.error(`帮扶写入服务：${detail}`);
  if (/protected cell|protect/i.test(detail)) {
    return '写入被表格保护拒绝，未写入任何内容：写入服务必须由表格所有者部署（执行身份为“我”）。请管理员检查写入服务的部署';
  }
  return '写入服务处理失败，未完成本次操作。请稍后重试；如一直失败，请管理员查看写入服务的执行记录';
}

function handle(e: Partial<GoogleAppsScript.Events.DoPost> | undefined): WriterReply {
  const text = e?.postData?.contents;
  if (typeof text !== 'string' || text === '') throw refuse('请求为空，未执行任何操作', 'Empty request');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw refuse('请求格式无效（不是 JSON），未执行任何操作', 'The request is not JSON');
  }
  const parsed = WriterRequestSchema.safeParse(json);
  if (!parsed.success) throw refuse('请求格式无效（缺少或错误的字段），未执行任何操作', "The request does not have the protocol's shape");
  const r = parsed.data;
  if (r.v !== PROTOCOL_VERSION) {
    throw refuse(
      `不支持协议版本 ${r.v}（写入服务使用版本 ${PROTOCOL_VERSION}），请用同一版本的程序重新部署表格脚本`,
      `Protocol version ${r.v} is not supported`,
    );
  }
  const op = Object.prototype.hasOwnProperty.call(WRITER_OPS, r.op) ? WRITER_OPS[r.op as keyof typeof WRITER_OPS] : undefined;
  if (!op) throw unsupportedOp(r.op);

  const sheets = scriptPropertyList(SPREADSHEETS_PROPERTY);
  if (!sheets.includes(r.spreadsheetId)) {
    throw refuse(
      `该表格（ID ${r.spreadsheetId}）不在写入服务的 BANGFU_SPREADSHEETS 中，未执行任何操作。请表格所有者在写入服务的脚本属性中添加该表格 ID`,
      "This spreadsheet is not in the writer's BANGFU_SPREADSHEETS",
    );
  }
  const audiences = scriptPropertyList(ALLOWED_AUDIENCES_PROPERTY);
  if (audiences.length === 0)
    throw refuse(
      '写入服务尚未设置 BANGFU_ALLOWED_AUDIENCES，未执行任何操作。请表格所有者按“连接写入服务”显示的受众设置',
      'BANGFU_ALLOWED_AUDIENCES is not set',
    );
  const who = verifyIdToken(r.idToken, audiences);
  const fingerprint = requestFingerprint(r.op, r.spreadsheetId, r.req ?? null);

  return withScriptLock(() => {
    const ss = openSpreadsheet(r.spreadsheetId);
    const ledger = openLedger(ss);
    const earlier = findRequest(ledger, r.requestId);
    if (earlier) {
      if (earlier.email !== who.email || earlier.fingerprint !== fingerprint) throw reusedIdError();
      return JSON.parse(earlier.reply()) as WriterReply;
    }
    const ctx = requestContext(ss, { email: who.email, lock: held, auditHead: auditHeadStore(r.spreadsheetId) });
    const result = op(ctx, r.req ?? {});
    const reply: WriterReply = { ok: true, result: result ?? null };
    if (!isRefusal(result)) {
      try {
        recordRequest(ledger, { requestId: r.requestId, email: who.email, fingerprint, op: r.op, at: new Date(), reply: JSON.stringify(reply) });
      } catch (err) {
        // The write is done; a retry is still caught by the request_id column of 案件.
        console.error(`帮扶写入服务：写入记录失败 ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return reply;
  }, WRITER_LOCK_WAIT_MS);
}

/** A use case's own refusal ({ ok: false, … }): nothing was written, so a corrected retry may reuse the id. */
function isRefusal(result: unknown): boolean {
  return result !== null && typeof result === 'object' && (result as { ok?: unknown }).ok === false;
}

/** The script lock is already held for the whole request: the use case's lock only flushes. */
const held: LockRunner = <T>(fn: () => T): T => {
  const out = fn();
  SpreadsheetApp.flush();
  return out;
};

function openSpreadsheet(id: string): Spreadsheet {
  try {
    return SpreadsheetApp.openById(id);
  } catch {
    throw refuse(`写入服务打不开表格（ID ${id}），未执行任何操作。请确认写入服务由表格所有者部署`, 'The writer cannot open the spreadsheet');
  }
}

/** The audit log's head per spreadsheet, in the writer's script properties (users cannot reach them). */
export function auditHeadStore(spreadsheetId: string): AuditHeadStore {
  const key = `BANGFU_AUDIT_HEAD:${spreadsheetId}`;
  return {
    read() {
      const v = scriptProperty(key);
      if (v === null) return null;
      try {
        const h = JSON.parse(v) as { hash?: unknown; rows?: unknown };
        return typeof h.hash === 'string' && typeof h.rows === 'number' ? { hash: h.hash, rows: h.rows } : null;
      } catch {
        return null;
      }
    },
    write(h) {
      setScriptProperty(key, JSON.stringify({ hash: h.hash, rows: h.rows }));
    },
  };
}

/** The writer's daily trigger (installed by the installTriggers op): the jobs on every listed spreadsheet. */
export function dailyJobs(): void {
  for (const id of scriptPropertyList(SPREADSHEETS_PROPERTY)) {
    try {
      const ss = SpreadsheetApp.openById(id);
      runDailyJobs(requestContext(ss, { email: '', lock: withScriptLock, auditHead: auditHeadStore(id) }));
    } catch (err) {
      console.error(`帮扶写入服务：表格 ${id} 的定时任务失败：${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
