/**
 * The bound script's way to write: it is an untrusted client (any editor can change it),
 * so it never writes the authoritative sheets itself once a writer is connected. Each
 * write goes to the writer web app with the user's ID token; the writer decides.
 *
 *   writer connected (script property BANGFU_WRITER_URL) → UrlFetchApp POST, JSON reply
 *   no writer, the spreadsheet's owner                   → the use case runs here (the owner may edit everything anyway)
 *   no writer, anyone else                               → a zh message: the administrator must connect the writer
 */
import { BangfuError } from '../domain/errors';
import { HealthSchema, PROTOCOL_VERSION, WriterReplySchema, type Health, type WriterOp, type WriterReply } from '../shared/writerProtocol';
import { getUrl, postJson, type HttpReply } from './http';
import { frontDoorHeaders, identityToken } from './identity';
import { scriptProperty } from './properties';
import { newRequestId } from './session';

export const WRITER_URL_PROPERTY = 'BANGFU_WRITER_URL';

/** Runs an op in this script (owner alone, no writer): set by src/writer/ops.ts, which holds the table. */
export type LocalRunner = (op: WriterOp, req: unknown) => unknown;
let localRunner: LocalRunner | null = null;
/** The bound spreadsheet's ID (the sheets ring knows it; this ring does not touch SpreadsheetApp). */
let spreadsheetIdOf: (() => string) | null = null;
export function configureWriterClient(opts: { runLocally: LocalRunner; spreadsheetId: () => string }): void {
  localRunner = opts.runLocally;
  spreadsheetIdOf = opts.spreadsheetId;
}

export function writerUrl(): string | null {
  return scriptProperty(WRITER_URL_PROPERTY);
}

export function notConnectedError(): BangfuError {
  return new BangfuError(
    'writer.notConnected',
    '本表格尚未连接写入服务，只有表格所有者可以直接保存。请管理员（表格所有者）部署写入服务，并在“帮扶 → 管理 → 连接写入服务”中连接后再试',
    'This spreadsheet is not connected to its writer; only the owner can save directly. The administrator (the owner) must deploy the writer and connect it from 帮扶 → 管理 → 连接写入服务',
  );
}

/** Sends one write and returns the op's result; a refusal is thrown as a BangfuError with the writer's zh reason. */
export function sendWrite<R>(op: WriterOp, req: unknown): R {
  const url = writerUrl();
  if (url === null) {
    if (!localRunner) throw new Error(`no local runner for ${op}: src/writer/ops.ts was not loaded`);
    return localRunner(op, req) as R;
  }
  return callWriter(url, op, req) as R;
}

function requestIdOf(req: unknown): string {
  const id = req !== null && typeof req === 'object' ? (req as { requestId?: unknown }).requestId : undefined;
  return typeof id === 'string' && id !== '' ? id : newRequestId();
}

function callWriter(url: string, op: WriterOp, req: unknown): unknown {
  if (!spreadsheetIdOf) throw new Error('writer client not configured: src/writer/ops.ts was not loaded');
  const body = { v: PROTOCOL_VERSION, op, spreadsheetId: spreadsheetIdOf(), idToken: identityToken(), requestId: requestIdOf(req), req: req ?? {} };
  const headers = frontDoorHeaders();
  let reply: HttpReply;
  try {
    reply = postJson(url, body, headers);
  } catch {
    // A dropped connection or a timeout: send the same request (same id) once more; the writer answers a retry from its ledger.
    try {
      reply = postJson(url, body, headers);
    } catch {
      throw new BangfuError(
        'writer.unreachable',
        '无法连接写入服务，请稍后重试；如一直失败，请管理员检查“连接写入服务”中的网址',
        'The writer cannot be reached; try again later, or ask the administrator to check its URL',
      );
    }
  }
  const parsed = parseReply(reply);
  if (!parsed.ok) throw new BangfuError('writer.refused', parsed.message, parsed.message);
  return parsed.result;
}

function badReply(what: string): BangfuError {
  return new BangfuError(
    'writer.badReply',
    `写入服务没有正确答复（${what}），请管理员检查写入服务的部署和“连接写入服务”中的网址`,
    `The writer did not answer properly (${what}); the administrator should check its deployment and URL`,
  );
}

export function parseReply(reply: HttpReply): WriterReply {
  if (reply.code !== 200) throw badReply(`状态码 ${reply.code}`);
  let json: unknown;
  try {
    json = JSON.parse(reply.text);
  } catch {
    throw badReply('不是 JSON');
  }
  const r = WriterReplySchema.safeParse(json);
  if (!r.success) throw badReply('格式不符');
  return r.data as WriterReply;
}

/** The health check (doGet) of a writer URL: its version, or a zh reason it is not a Bangfu writer. */
export function checkWriter(url: string): Health {
  if (!/^https:\/\/script\.google\.com\/(a\/[^/]+\/)?macros\/s\/[A-Za-z0-9_-]+\/exec$/.test(url)) {
    throw new BangfuError(
      'writer.badUrl',
      '网址格式不对：应为写入服务“部署为网络应用”后得到的 https://script.google.com/macros/s/…/exec',
      'Not a web-app URL (https://script.google.com/macros/s/…/exec)',
    );
  }
  let reply: HttpReply;
  try {
    reply = getUrl(url, frontDoorHeaders());
  } catch {
    throw new BangfuError(
      'writer.unreachable',
      '无法打开该网址，请检查是否复制完整、写入服务是否已部署',
      'The URL cannot be reached; check it and the deployment',
    );
  }
  let json: unknown = null;
  try {
    json = JSON.parse(reply.text);
  } catch {
    // fall through: not JSON
  }
  const h = HealthSchema.safeParse(json);
  if (reply.code !== 200 || !h.success) {
    throw new BangfuError(
      'writer.notWriter',
      '该网址不是帮扶写入服务（健康检查没有答复），请检查部署时“执行身份”和“访问权限”的设置',
      'That URL is not a Bangfu writer (no health reply)',
    );
  }
  if (h.data.version !== PROTOCOL_VERSION) {
    throw new BangfuError(
      'writer.version',
      `写入服务的协议版本为 ${h.data.version}，本表格脚本需要版本 ${PROTOCOL_VERSION}，请用同一版本重新部署`,
      `Writer protocol ${h.data.version}, this script needs ${PROTOCOL_VERSION}`,
    );
  }
  return h.data;
}
