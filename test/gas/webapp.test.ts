/**
 * Two Apps Script projects in one fake world: the bound client and a standalone web app
 * (the writer). UrlFetchApp reaches the web app and the tokeninfo endpoint; nothing else.
 */
import vm from 'node:vm';
import { createFakeGas, installGlobals, type FakeGas, type WebAppEvent } from '../../harness/gas';

const OWNER = 'owner@jmszgh.cn';
const STAFF = 'zhangmin@jszgh.cn';

/** The client's manifest as issue 8 asks for it: what it has today plus openid and external requests. */
const CLIENT_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/userinfo.email',
  'openid',
  'https://www.googleapis.com/auth/script.external_request',
];

function world() {
  const client = createFakeGas({ manifest: { oauthScopes: CLIENT_SCOPES } });
  const writer = client.addProject({ id: 'writer' });
  return { client, writer };
}

const json = (fake: FakeGas, value: unknown) => fake.ContentService.createTextOutput(JSON.stringify(value)).setMimeType(fake.ContentService.MimeType.JSON);

test('another project shares the spreadsheets but has no active spreadsheet and its own properties, triggers and audience', () => {
  const { client, writer } = world();
  const id = client.spreadsheet.getId();
  expect(writer.SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
  expect(writer.PropertiesService.getDocumentProperties()).toBeNull();
  expect(writer.LockService.getDocumentLock()).toBeNull();
  expect(writer.SpreadsheetApp.openById(id).getName()).toBe('荆门市困难职工帮扶');
  writer.PropertiesService.getScriptProperties().setProperty('BANGFU_SPREADSHEETS', id);
  expect(client.PropertiesService.getScriptProperties().getProperty('BANGFU_SPREADSHEETS')).toBeNull();
  writer.ScriptApp.newTrigger('dailyJobs').timeBased().everyDays(1).create();
  expect(client.ScriptApp.getProjectTriggers()).toHaveLength(0);
  expect(writer.audience).toBe('writer.apps.googleusercontent.com');
  expect(client.audience).toBe('bangfu.apps.googleusercontent.com');
  // Script locks are per project: the client holding its own does not block the writer's.
  expect(client.LockService.getScriptLock().tryLock(10)).toBe(true);
  expect(writer.runAs(OWNER, () => writer.LockService.getScriptLock().tryLock(10))).toBe(true);
});

test('a POST to a deployed web app runs doPost in that project, as its deployer, with the request as Apps Script gives it', () => {
  const { client, writer } = world();
  writer.PropertiesService.getScriptProperties().setProperty('BANGFU_VERSION', '2');
  let seen: { e: WebAppEvent; active: string; effective: string; kind: string; version: string | null } | null = null;
  const url = writer.deployWebApp({
    executeAs: 'USER_DEPLOYING',
    access: 'ANYONE',
    deployer: OWNER,
    doPost: (e) => {
      seen = {
        e,
        active: writer.Session.getActiveUser().getEmail(),
        effective: writer.Session.getEffectiveUser().getEmail(),
        kind: writer.execution().kind,
        version: writer.PropertiesService.getScriptProperties().getProperty('BANGFU_VERSION'),
      };
      return json(writer, { ok: true, result: '已保存' });
    },
  });
  expect(url).toMatch(/^https:\/\/script\.google\.com\/macros\/s\/[A-Za-z0-9_-]+\/exec$/);
  const payload = JSON.stringify({ v: 1, op: 'saveCase', req: { name: '王秀英' } });
  const res = client.runAs(STAFF, () =>
    client.UrlFetchApp.fetch(`${url}?lang=zh`, { method: 'post', contentType: 'application/json', payload, muteHttpExceptions: true }),
  );
  expect(res.getResponseCode()).toBe(200);
  expect(res.getHeaders()['Content-Type']).toContain('application/json');
  expect(JSON.parse(res.getContentText())).toEqual({ ok: true, result: '已保存' });
  expect(seen).toMatchObject({ active: '', effective: OWNER, kind: 'webapp', version: '2' });
  expect(seen!.e).toEqual({
    queryString: 'lang=zh',
    parameter: { lang: 'zh' },
    parameters: { lang: ['zh'] },
    contentLength: Buffer.byteLength(payload),
    contextPath: '',
    postData: { contents: payload, type: 'application/json', length: Buffer.byteLength(payload), name: 'postData' },
  });
  expect(client.counter.snapshot()['UrlFetchApp.fetch']).toBe(1);
  // The caller's execution is itself again afterwards.
  expect(client.execution()).toMatchObject({ kind: 'menu', activeUser: OWNER });
});

test("a GET runs doGet; a handler that throws gives Apps Script's HTML error page, not JSON", () => {
  const { client, writer } = world();
  const url = writer.deployWebApp({
    executeAs: 'USER_DEPLOYING',
    access: 'ANYONE',
    deployer: OWNER,
    doGet: (e) => writer.ContentService.createTextOutput(`版本 ${e.parameter.v ?? '?'}`),
    doPost: () => {
      throw new TypeError("Cannot read properties of undefined (reading 'contents')");
    },
  });
  const get = client.UrlFetchApp.fetch(`${url}?v=2`);
  expect([get.getResponseCode(), get.getContentText()]).toEqual([200, '版本 2']);
  expect(get.getHeaders()['Content-Type']).toContain('text/plain');
  const post = client.UrlFetchApp.fetch(url, { method: 'post', payload: '{}', contentType: 'application/json' });
  expect(post.getResponseCode()).toBe(200);
  expect(post.getHeaders()['Content-Type']).toContain('text/html');
  expect(post.getContentText()).toMatch(/^<!DOCTYPE html>/);
  expect(post.getContentText()).toContain('TypeError: Cannot read properties of undefined (reading &#39;contents&#39;)');
  expect(() => JSON.parse(post.getContentText())).toThrow();
  // A handler that returns nothing, and a project with no doGet, are HTML pages too.
  const bare = writer.deployWebApp({ executeAs: 'USER_DEPLOYING', access: 'ANYONE', deployer: OWNER, doPost: () => undefined });
  expect(client.UrlFetchApp.fetch(bare, { method: 'post' }).getContentText()).toContain('The script completed but did not return anything.');
  expect(client.UrlFetchApp.fetch(bare).getContentText()).toContain('Script function not found: doGet');
});

test("a web app that runs as the user accessing it gets no user from UrlFetchApp: Google's sign-in page, the handler never runs", () => {
  const { client, writer } = world();
  let ran = false;
  const url = writer.deployWebApp({
    executeAs: 'USER_ACCESSING',
    access: 'ANYONE',
    deployer: OWNER,
    doPost: () => {
      ran = true;
      return json(writer, { ok: true });
    },
  });
  const res = client.runAs(STAFF, () => client.UrlFetchApp.fetch(url, { method: 'post', payload: '{}', contentType: 'application/json' }));
  expect(res.getContentText()).toContain('Sign in');
  expect(ran).toBe(false);
});

test('an unknown deployment is a 404 that throws unless muteHttpExceptions; other hosts are unreachable', () => {
  const { client } = world();
  const missing = 'https://script.google.com/macros/s/AKfycbNoSuchDeployment/exec';
  expect(() => client.UrlFetchApp.fetch(missing)).toThrow(
    /^Request failed for https:\/\/script\.google\.com returned code 404\. Truncated server response: .*\(use muteHttpExceptions option to examine full response\)$/,
  );
  expect(client.UrlFetchApp.fetch(missing, { muteHttpExceptions: true }).getResponseCode()).toBe(404);
  expect(() => client.UrlFetchApp.fetch('https://example.com/api', { muteHttpExceptions: true })).toThrow('DNS error: https://example.com/api');
});

test('without following redirects a web app answers 302, as Google serves the reply from another host', () => {
  const { client, writer } = world();
  const url = writer.deployWebApp({
    executeAs: 'USER_DEPLOYING',
    access: 'ANYONE',
    deployer: OWNER,
    doGet: () => writer.ContentService.createTextOutput('ok'),
  });
  const res = client.UrlFetchApp.fetch(url, { followRedirects: false });
  expect(res.getResponseCode()).toBe(302);
  expect(res.getHeaders().Location).toMatch(/^https:\/\/script\.googleusercontent\.com\//);
});

test("the identity token is for the effective user and this project's audience; tokeninfo vouches for it", () => {
  const { client, writer } = world();
  const token = client.runAs(STAFF, () => client.ScriptApp.getIdentityToken());
  expect(token.split('.')).toHaveLength(3);
  const res = client.UrlFetchApp.fetch(`https://oauth2.googleapis.com/tokeninfo?id_token=${encodeURIComponent(token)}`);
  expect(res.getResponseCode()).toBe(200);
  const claims = JSON.parse(res.getContentText());
  expect(claims).toMatchObject({
    iss: 'https://accounts.google.com',
    aud: 'bangfu.apps.googleusercontent.com',
    azp: 'bangfu.apps.googleusercontent.com',
    email: STAFF,
    email_verified: 'true',
  });
  for (const k of ['exp', 'iat', 'sub']) expect(typeof claims[k]).toBe('string');
  // Google's ID tokens live one hour from issue (that tokeninfo answered 200 says it has not expired).
  expect(Number(claims.exp)).toBe(Number(claims.iat) + 3600);
  // In a web app running as its deployer, the token is the deployer's, for the writer's audience.
  const url = writer.deployWebApp({
    executeAs: 'USER_DEPLOYING',
    access: 'ANYONE',
    deployer: OWNER,
    doGet: () => writer.ContentService.createTextOutput(writer.ScriptApp.getIdentityToken()),
  });
  const writerToken = client.runAs(STAFF, () => client.UrlFetchApp.fetch(url).getContentText());
  const writerClaims = JSON.parse(client.UrlFetchApp.fetch(`https://oauth2.googleapis.com/tokeninfo?id_token=${writerToken}`).getContentText());
  expect(writerClaims).toMatchObject({ email: OWNER, aud: 'writer.apps.googleusercontent.com' });
});

test('tokeninfo refuses a forged token, an edited one and an expired one; a token minted for another audience says so', () => {
  const { client } = world();
  const info = (t: string) =>
    client.UrlFetchApp.fetch(`https://oauth2.googleapis.com/tokeninfo?id_token=${encodeURIComponent(t)}`, { muteHttpExceptions: true });
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  // Never minted by the issuer; its exp (1 January 2100) is no clock reading.
  const forged = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ iss: 'https://accounts.google.com', aud: 'bangfu.apps.googleusercontent.com', email: 'chenjing@jmszgh.cn', email_verified: true, exp: 4102444800 })}.c2ln`;
  const real = client.runAs(STAFF, () => client.ScriptApp.getIdentityToken());
  const [h, , sig] = real.split('.');
  const edited = `${h}.${b64({ ...JSON.parse(Buffer.from(real.split('.')[1], 'base64url').toString()), email: 'chenjing@jmszgh.cn' })}.${sig}`;
  const expired = client.issuer.mint({
    email: STAFF,
    aud: client.audience,
    // Issued 1 January 2025 00:00 UTC, expired an hour later.
    iat: 1735689600,
    exp: 1735693200,
  });
  for (const t of [forged, edited, expired, '', 'garbage']) {
    const r = info(t);
    expect(r.getResponseCode()).toBe(400);
    expect(JSON.parse(r.getContentText()).error).toBe('invalid_token');
  }
  expect(() => client.UrlFetchApp.fetch(`https://oauth2.googleapis.com/tokeninfo?id_token=${forged}`)).toThrow('returned code 400');
  // A genuine token for another project's audience is valid at tokeninfo: the aud is for the receiver to check.
  const foreign = client.issuer.mint({ email: STAFF, aud: 'someone-else.apps.googleusercontent.com' });
  expect(JSON.parse(info(foreign).getContentText()).aud).toBe('someone-else.apps.googleusercontent.com');
  const unverified = client.issuer.mint({ email: STAFF, aud: client.audience, email_verified: false });
  expect(JSON.parse(info(unverified).getContentText()).email_verified).toBe('false');
});

test("a handler with a realm sees its own project's globals during the call, and the caller's come back afterwards", () => {
  const { client, writer } = world();
  installGlobals(globalThis, client);
  writer.PropertiesService.getScriptProperties().setProperty('WHO', '写入服务');
  client.PropertiesService.getScriptProperties().setProperty('WHO', '客户端');
  const g = globalThis as unknown as {
    PropertiesService: GoogleAppsScript.Properties.PropertiesService;
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  };
  const url = writer.deployWebApp({
    executeAs: 'USER_DEPLOYING',
    access: 'ANYONE',
    deployer: OWNER,
    realm: globalThis,
    doGet: () =>
      writer.ContentService.createTextOutput(
        `${g.PropertiesService.getScriptProperties().getProperty('WHO')} ${g.SpreadsheetApp.getActiveSpreadsheet() === null}`,
      ),
  });
  expect(client.UrlFetchApp.fetch(url).getContentText()).toBe('写入服务 true');
  expect(g.PropertiesService.getScriptProperties().getProperty('WHO')).toBe('客户端');
  expect(g.SpreadsheetApp.getActiveSpreadsheet()).not.toBeNull();
  // Also when the handler throws; globalThis is the realm when none is given.
  const failing = writer.deployWebApp({
    executeAs: 'USER_DEPLOYING',
    access: 'ANYONE',
    deployer: OWNER,
    doGet: () => {
      expect(g.PropertiesService.getScriptProperties().getProperty('WHO')).toBe('写入服务');
      throw new Error('坏了');
    },
  });
  expect(client.UrlFetchApp.fetch(failing).getContentText()).toContain('Error: 坏了');
  expect(g.PropertiesService.getScriptProperties().getProperty('WHO')).toBe('客户端');
});

test("a bundle loaded in its own vm realm answers through its top-level doPost with its own project's services", () => {
  const { client, writer } = world();
  writer.PropertiesService.getScriptProperties().setProperty('BANGFU_SPREADSHEETS', client.spreadsheet.getId());
  const realm = vm.createContext({});
  vm.runInContext(
    `function doPost(e) {
       var req = JSON.parse(e.postData.contents);
       var ss = SpreadsheetApp.openById(PropertiesService.getScriptProperties().getProperty('BANGFU_SPREADSHEETS'));
       ss.getSheets()[0].getRange('A1').setValue(req.name);
       return ContentService.createTextOutput(JSON.stringify({ ok: true, by: Session.getEffectiveUser().getEmail() })).setMimeType(ContentService.MimeType.JSON);
     }`,
    realm,
  );
  const url = writer.deployWebApp({
    executeAs: 'USER_DEPLOYING',
    access: 'ANYONE',
    deployer: OWNER,
    realm,
    doPost: (e) => (realm as { doPost(e: unknown): unknown }).doPost(e),
  });
  const res = client.runAs(STAFF, () =>
    client.UrlFetchApp.fetch(url, { method: 'post', contentType: 'application/json', payload: JSON.stringify({ name: '王秀英' }) }),
  );
  expect(JSON.parse(res.getContentText())).toEqual({ ok: true, by: OWNER });
  expect(client.spreadsheet.getSheets()[0].getRange('A1').getValue()).toBe('王秀英');
  // Between calls the realm holds no services.
  expect('SpreadsheetApp' in realm).toBe(false);
});

test('a manifest that sets its scopes gets only those: no external_request, no UrlFetchApp; no openid, no token; no userinfo.email, no e-mail in it', () => {
  const { client } = world();
  const bare = createFakeGas({ manifest: { oauthScopes: ['https://www.googleapis.com/auth/spreadsheets'] } });
  expect(() => bare.UrlFetchApp.fetch('https://oauth2.googleapis.com/tokeninfo?id_token=x')).toThrow(
    'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
  );
  expect(bare.ScriptApp.getIdentityToken()).toBeNull();
  expect(() => bare.MailApp.sendEmail('lina@jszgh.cn', '提醒', '有逾期案件')).toThrow('Required permissions: https://www.googleapis.com/auth/script.send_mail');
  const noEmail = createFakeGas({ manifest: { oauthScopes: ['openid', 'https://www.googleapis.com/auth/script.external_request'] } });
  const token = noEmail.runAs(STAFF, () => noEmail.ScriptApp.getIdentityToken());
  // Each world has its own issuer: a token from another world is unknown here.
  expect(client.UrlFetchApp.fetch(`https://oauth2.googleapis.com/tokeninfo?id_token=${token}`, { muteHttpExceptions: true }).getResponseCode()).toBe(400);
  const own = JSON.parse(noEmail.UrlFetchApp.fetch(`https://oauth2.googleapis.com/tokeninfo?id_token=${token}`).getContentText());
  expect(own.email).toBeUndefined();
  expect(own.sub).toMatch(/^\d+$/);
  // A manifest without oauthScopes lets Apps Script detect them: nothing is refused.
  expect(createFakeGas({ manifest: {} }).ScriptApp.getIdentityToken()).not.toBeNull();
});
