/**
 * A modified client: anyone can edit the bound script, so the writer believes nothing in
 * a request about who sends it. Each forgery below is refused with a zh-CN reason, as
 * JSON (never an HTML error page), and writes nothing anywhere: not 案件, not 操作日志,
 * not 人员权限, not the writer's ledger. An honest retry is the one repeat it answers.
 */
import { setNow } from '../../src/server/clock';
import { saveCase } from '../../src/server/intake';
import { PROTOCOL_VERSION } from '../../src/shared/writerProtocol';
import { WRITER_URL_PROPERTY } from '../../src/platform/writerClient';
import { LEDGER_SHEET } from '../../src/writer/ledger';
import { as, liMing, newWorkbook, people, rid, sheet, wangXiuying, type Fake, type Person } from '../server/fixtures';

afterAll(() => setNow(null));

interface Reply {
  code: number;
  type: string;
  body: { ok: boolean; message?: string; result?: { ok: boolean; message?: string; workerNo?: string } };
}

/** What a modified client can send: any body, to the writer's URL, as `who` (their own Apps Script execution). */
function post(fake: Fake, who: Person, body: unknown): Reply {
  as(fake, who);
  const url = PropertiesService.getScriptProperties().getProperty(WRITER_URL_PROPERTY)!;
  const r = UrlFetchApp.fetch(url, {
    method: 'post',
    contentType: 'application/json',
    payload: typeof body === 'string' ? body : JSON.stringify(body),
    muteHttpExceptions: true,
  });
  const headers = r.getHeaders() as Record<string, string>;
  const type = String(headers['Content-Type'] ?? headers['content-type'] ?? '');
  return { code: r.getResponseCode(), type, body: JSON.parse(r.getContentText()) };
}

/** The protocol's request as the honest client builds it, with `change` applied. */
function request(fake: Fake, who: Person, change: Record<string, unknown> = {}): Record<string, unknown> {
  as(fake, who);
  return {
    v: PROTOCOL_VERSION,
    op: 'saveCase',
    spreadsheetId: fake.spreadsheet.getId(),
    idToken: ScriptApp.getIdentityToken(),
    requestId: rid('forged'),
    req: { requestId: rid('forged'), values: liMing() },
    ...change,
  };
}

/** Everything the writer could write: the three authoritative sheets and its ledger. */
function everything(fake: Fake): string {
  return JSON.stringify(['案件', '操作日志', '人员权限', LEDGER_SHEET].map((n) => sheet(fake, n).getDataRange().getValues()));
}

const ZH = /[\u4e00-\u9fff]/;

/** The refusal's zh reason: the writer's (envelope) or the use case's (result). */
function refusal(r: Reply): string {
  expect(r.code).toBe(200);
  expect(r.type).toMatch(/application\/json/);
  if (!r.body.ok) return String(r.body.message);
  expect(r.body.result?.ok).toBe(false);
  return String(r.body.result?.message);
}

function refusedWithNothingWritten(fake: Fake, who: Person, body: unknown, reason: RegExp): void {
  const before = everything(fake);
  const message = refusal(post(fake, who, body));
  expect(message).toMatch(ZH);
  expect(message).toMatch(reason);
  expect(everything(fake)).toEqual(before);
}

/** A token's payload with one claim changed, re-encoded: the shape of a real token, not one Google issued. */
function editedToken(token: string, claims: Record<string, unknown>): string {
  const [h, p, s] = token.split('.');
  const payload = { ...JSON.parse(Buffer.from(p, 'base64url').toString('utf8')), ...claims };
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
}

test('a role claimed in the request counts for nothing: the role is read from 人员权限', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'staff');
  expect(saveCase({ requestId: rid(), values: wangXiuying() }).ok).toBe(true);
  setNow('2025-10-09');
  // 张敏 (基层工会) claims to be the county union, by every field a client could add.
  refusedWithNothingWritten(
    fake,
    'staff',
    request(fake, 'staff', {
      op: 'reviewAction',
      role: 'county',
      email: people.county.email,
      user: { email: people.county.email, role: 'county' },
      req: { requestId: rid(), workerNo: 'H0100001', action: 'pass', version: 1, role: 'county', email: people.county.email },
    }),
    /基层工会/,
  );
});

test('a token edited to name someone else, an expired token, one for another audience, an unverified e-mail: refused', () => {
  const fake = newWorkbook('2025-09-30');
  const own = request(fake, 'staff');
  refusedWithNothingWritten(fake, 'staff', { ...own, idToken: editedToken(String(own.idToken), { email: people.city.email }) }, /身份验证未通过/);
  refusedWithNothingWritten(fake, 'staff', { ...own, idToken: 'eyJhbGciOiJSUzI1NiJ9.eyJlbWFpbCI6ImNoZW5qaW5nQGptc3pnaC5jbiJ9.c2ln' }, /身份验证未通过/);
  // Issued 1 January 2025 00:00 UTC, expired an hour later.
  refusedWithNothingWritten(
    fake,
    'staff',
    { ...own, idToken: fake.issuer.mint({ email: people.staff.email, aud: fake.audience, iat: 1735689600, exp: 1735693200 }) },
    /身份验证未通过/,
  );
  refusedWithNothingWritten(
    fake,
    'staff',
    { ...own, idToken: fake.issuer.mint({ email: people.staff.email, aud: 'someone-elses-script.apps.googleusercontent.com' }) },
    /受众/,
  );
  refusedWithNothingWritten(
    fake,
    'staff',
    { ...own, idToken: fake.issuer.mint({ email: people.staff.email, aud: fake.audience, email_verified: false }) },
    /邮箱未经谷歌验证/,
  );
  refusedWithNothingWritten(
    fake,
    'staff',
    { ...own, idToken: fake.issuer.mint({ email: people.staff.email, aud: fake.audience, iss: 'https://evil.example.com' }) },
    /不是谷歌签发/,
  );
  // Someone not in 人员权限 with a perfectly good token: refused by the use case.
  const visitor = 'visitor@example.com';
  refusedWithNothingWritten(fake, 'staff', { ...own, idToken: fake.issuer.mint({ email: visitor, aud: fake.audience }) }, /不在“人员权限”表中/);
});

test('another spreadsheet, a protocol version it does not speak, an unknown op: refused', () => {
  const fake = newWorkbook('2025-09-30');
  const other = fake.newSpreadsheet('别人的表格');
  refusedWithNothingWritten(fake, 'staff', request(fake, 'staff', { spreadsheetId: other.getId() }), /BANGFU_SPREADSHEETS/);
  refusedWithNothingWritten(fake, 'staff', request(fake, 'staff', { v: 0 }), /协议版本 0/);
  refusedWithNothingWritten(fake, 'staff', request(fake, 'staff', { v: 2 }), /协议版本 2/);
  refusedWithNothingWritten(fake, 'staff', request(fake, 'staff', { op: 'deleteEverything' }), /不支持此操作/);
  refusedWithNothingWritten(fake, 'staff', request(fake, 'staff', { op: '__proto__' }), /不支持此操作/);
});

test('garbage in: the same JSON refusal, never an HTML error page', () => {
  const fake = newWorkbook('2025-09-30');
  for (const body of [
    '',
    'not json at all',
    '[1,2,3]',
    'null',
    '{"v":1}',
    '{"v":"1","op":"saveCase"}',
    '<html>',
    JSON.stringify({ ...request(fake, 'staff'), requestId: 'has spaces and 中文' }),
  ]) {
    refusedWithNothingWritten(fake, 'staff', body, /请求/);
  }
});

test('a replayed request id: another request or another person is refused; the honest retry gets the first reply and writes nothing', () => {
  const fake = newWorkbook('2025-09-30');
  const first = request(fake, 'staff');
  const firstReply = post(fake, 'staff', first);
  expect(firstReply.body).toMatchObject({ ok: true, result: { ok: true, workerNo: 'H0100001' } });

  // The same id with another request (someone else's case under 张敏's id).
  refusedWithNothingWritten(
    fake,
    'staff',
    { ...first, idToken: request(fake, 'staff').idToken, req: { ...(first.req as object), values: wangXiuying() } },
    /请求编号已被另一次操作使用/,
  );
  // The same id and request sent by another person (刘洋 copies it).
  refusedWithNothingWritten(fake, 'staff2', { ...first, idToken: request(fake, 'staff2').idToken }, /请求编号已被另一次操作使用/);

  // 张敏's client retries after a timeout (a fresh token, same id, same request): the stored reply, nothing written.
  const before = everything(fake);
  const retry = post(fake, 'staff', { ...first, idToken: request(fake, 'staff').idToken });
  expect(retry.body).toEqual(firstReply.body);
  expect(everything(fake)).toEqual(before);
});

test('the health check answers JSON with the protocol version', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'staff');
  const url = PropertiesService.getScriptProperties().getProperty(WRITER_URL_PROPERTY)!;
  const r = UrlFetchApp.fetch(url, { muteHttpExceptions: true });
  expect(JSON.parse(r.getContentText())).toEqual({ ok: true, service: 'bangfu-writer', version: PROTOCOL_VERSION });
});
