/**
 * What the bound script (an untrusted client) and the writer (the web app that alone
 * writes) say to each other: one JSON request per POST, one JSON reply. Version 1.
 *
 *   request  { v: 1, op, spreadsheetId, idToken, requestId, req }
 *   reply    { ok: true, result } | { ok: false, message }   (message in zh-CN)
 *
 * The writer believes nothing in the request about who sends it: the e-mail comes from
 * the verified ID token, the role from 人员权限. Pure: no Apps Script here.
 */
import * as z from 'zod/mini';

export const PROTOCOL_VERSION = 1;
/** What the health check (doGet) names itself, so the client knows it reached a Bangfu writer. */
export const WRITER_SERVICE = 'bangfu-writer';

/** Every operation the writer may be asked for (src/writer/ops.ts holds what each does). */
export const WRITER_OP_NAMES = [
  'saveCase',
  'reviewAction',
  'submitStaging',
  'verifyAuditLog',
  'setup',
  'installTriggers',
  'removeTriggers',
  'report',
  'importHolidays',
  'applyConfig',
] as const;
export type WriterOp = (typeof WRITER_OP_NAMES)[number];

/** A request id as a page or menu makes it: 1–100 letters, digits, - and _. */
const RequestIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/));

export const WriterRequestSchema = z.object({
  v: z.number(),
  op: z.string(),
  spreadsheetId: z.string().check(z.minLength(1), z.maxLength(200)),
  idToken: z.string().check(z.minLength(1), z.maxLength(5000)),
  requestId: RequestIdSchema,
  req: z.optional(z.unknown()),
});
export type WriterRequest = z.infer<typeof WriterRequestSchema>;

export const WriterReplySchema = z.union([z.object({ ok: z.literal(true), result: z.unknown() }), z.object({ ok: z.literal(false), message: z.string() })]);
export type WriterReply = { ok: true; result: unknown } | { ok: false; message: string };

export const HealthSchema = z.object({
  ok: z.literal(true),
  service: z.literal(WRITER_SERVICE),
  version: z.number(),
});
export type Health = z.infer<typeof HealthSchema>;

/** The op's request body, checked for shape only (the use case validates the content). */
export const SaveCaseReqSchema = z.object({
  requestId: z.string(),
  workerNo: z.optional(z.string()),
  version: z.optional(z.number()),
  county: z.optional(z.string()),
  values: z.record(z.string(), z.unknown()),
  override: z.optional(z.object({ reason: z.string() })),
});
export const ReviewActionReqSchema = z.object({
  requestId: z.string(),
  workerNo: z.string(),
  action: z.string(),
  version: z.number(),
  reason: z.optional(z.string()),
  amount: z.optional(z.nullable(z.number())),
});

/** The request as one canonical string: keys sorted, so the same request always reads the same. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

/**
 * A fingerprint of what a request asks (op, spreadsheet, body), to tell an honest retry
 * (same fingerprint) from a reused id (another). Two 53-bit FNV-style lanes; a collision
 * could only make a different request get the first reply back: it never writes.
 */
export function requestFingerprint(op: string, spreadsheetId: string, req: unknown): string {
  const text = canonicalJson({ op, spreadsheetId, req: req ?? null });
  let h1 = 0xdeadbeef ^ text.length,
    h2 = 0x41c6ce57 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36) + '.' + text.length.toString(36);
}
