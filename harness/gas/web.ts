/**
 * ContentService, and UrlFetchApp over the fake world: a deployed web-app URL runs that
 * project's doGet/doPost as a new execution, the tokeninfo URL is answered by the fake
 * issuer, and every other host is unreachable (there is no network here).
 *
 * UrlFetchApp: https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app
 * HTTPResponse: https://developers.google.com/apps-script/reference/url-fetch/http-response
 * ContentService / TextOutput: https://developers.google.com/apps-script/reference/content/text-output
 * Web apps (doGet/doPost, the event object): https://developers.google.com/apps-script/guides/web
 */
import { countCalls, type CallCounter, type Counted } from './counter';
import { TOKENINFO_URL } from './identity';
import type { Shape } from './types';
import { SCOPES, type WebAppDeployment, type World } from './world';

// ── ContentService ──────────────────────────────────────────────────────────

export const MimeType = {
  ATOM: 'ATOM',
  CSV: 'CSV',
  ICAL: 'ICAL',
  JAVASCRIPT: 'JAVASCRIPT',
  JSON: 'JSON',
  RSS: 'RSS',
  TEXT: 'TEXT',
  VCARD: 'VCARD',
  XML: 'XML',
} as const;
type MimeName = keyof typeof MimeType;

const CONTENT_TYPES: Record<MimeName, string> = {
  ATOM: 'application/atom+xml',
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  RSS: 'application/rss+xml',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
  XML: 'text/xml',
};

export class FakeTextOutput
  implements Counted, Shape<GoogleAppsScript.Content.TextOutput, 'append' | 'clear' | 'getContent' | 'setContent' | 'getFileName' | 'downloadAsFile'>
{
  private mime: MimeName = 'TEXT';
  private fileName: string | null = null;
  constructor(
    readonly _counter: CallCounter,
    private content: string,
  ) {}
  append(addedContent: string): this {
    this.content += String(addedContent);
    return this;
  }
  clear(): this {
    this.content = '';
    return this;
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = String(content);
    return this;
  }
  /** "Sets the mime type for content that will be served. The default is plain text." */
  setMimeType(mimeType: unknown): this {
    const m = String(mimeType) as MimeName;
    if (!(m in MimeType)) throw new Error('Invalid argument: mimeType');
    this.mime = m;
    return this;
  }
  getMimeType(): string {
    return this.mime;
  }
  downloadAsFile(filename: string): this {
    this.fileName = filename;
    return this;
  }
  getFileName(): string {
    return this.fileName as string;
  }
  _contentType(): string {
    return `${CONTENT_TYPES[this.mime]}; charset=utf-8`;
  }
}

export class FakeContentService implements Counted, Shape<GoogleAppsScript.Content.ContentService, 'createTextOutput'> {
  readonly MimeType = MimeType;
  constructor(readonly _counter: CallCounter) {}
  createTextOutput(content?: string): FakeTextOutput {
    return new FakeTextOutput(this._counter, content === undefined ? '' : String(content));
  }
}

// ── HTTPResponse ────────────────────────────────────────────────────────────

export class FakeHTTPResponse
  implements Counted, Shape<GoogleAppsScript.URL_Fetch.HTTPResponse, 'getContentText' | 'getResponseCode' | 'getHeaders' | 'getAllHeaders'>
{
  constructor(
    readonly _counter: CallCounter,
    readonly _code: number,
    readonly _text: string,
    readonly _headers: Record<string, string>,
  ) {}
  getContentText(): string {
    return this._text;
  }
  getResponseCode(): number {
    return this._code;
  }
  getHeaders(): Record<string, string> {
    return { ...this._headers };
  }
  getAllHeaders(): Record<string, string> {
    return { ...this._headers };
  }
  getContent(): number[] {
    return [...Buffer.from(this._text, 'utf8')].map((b) => (b > 127 ? b - 256 : b));
  }
}

// ── UrlFetchApp ─────────────────────────────────────────────────────────────

export type FetchParams = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;

/** The event a web app's doGet/doPost receives. */
export interface WebAppEvent {
  queryString: string;
  parameter: Record<string, string>;
  parameters: Record<string, string[]>;
  contentLength: number;
  contextPath: string;
  pathInfo?: string;
  postData?: { contents: string; type: string; length: number; name: 'postData' };
}

/** Runs a deployment's handler in its project as a web-app execution (FakeGas does this). */
export interface WebAppRunner {
  _runWebApp(dep: WebAppDeployment, handler: 'doGet' | 'doPost', e: WebAppEvent): unknown;
}

export const WEB_APP_URL = /^https:\/\/script\.google\.com\/(?:a\/[^/]+\/)?macros\/s\/([A-Za-z0-9_-]+)\/(exec|dev)(\/[^?]*)?(?:\?(.*))?$/;

function parseQuery(q: string): { parameter: Record<string, string>; parameters: Record<string, string[]> } {
  const parameters: Record<string, string[]> = {};
  if (q) {
    for (const part of q.split('&')) {
      if (!part) continue;
      const [k, v = ''] = part.split('=');
      const key = decodeURIComponent(k.replace(/\+/g, ' '));
      (parameters[key] ??= []).push(decodeURIComponent(v.replace(/\+/g, ' ')));
    }
  }
  const parameter = Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, v[0]]));
  return { parameter, parameters };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The page Apps Script serves when a web app's handler throws: HTML with code 200, never JSON. */
export function errorPage(message: string): string {
  return (
    '<!DOCTYPE html><html><head><link rel="shortcut icon" href="//ssl.gstatic.com/docs/script/images/favicon.ico"><title>Error</title>' +
    '<style type="text/css">body {background-color: #fff; margin: 0; padding: 0;}.errorMessage {font-family: Arial,sans-serif; font-size: 12pt; font-weight: bold; line-height: 150%; padding-top: 25px;}</style>' +
    '</head><body style="margin:20px"><div><img alt="Google Apps Script" src="//ssl.gstatic.com/docs/script/images/logo.png"></div>' +
    `<div style="text-align:center;font-family:monospace;margin:50px auto 0;max-width:600px">${escapeHtml(message)}</div></body></html>`
  );
}

const HTML = 'text/html; charset=utf-8';

export class FakeUrlFetchApp implements Counted, Shape<GoogleAppsScript.URL_Fetch.UrlFetchApp, 'fetch' | 'fetchAll'> {
  readonly _counter: CallCounter;
  constructor(
    private readonly world: World,
    private readonly runners: Map<string, WebAppRunner>,
  ) {
    this._counter = world._counter;
  }

  fetch(url: string, params: FetchParams = {}): FakeHTTPResponse {
    // https://developers.google.com/apps-script/guides/triggers#restrictions: a simple trigger cannot call a service that needs authorization.
    this.world.guardAuthorized('UrlFetchApp.fetch', SCOPES.external, false);
    return this._fetch(String(url), params ?? {});
  }

  fetchAll(requests: (string | (FetchParams & { url: string }))[]): FakeHTTPResponse[] {
    this.world.guardAuthorized('UrlFetchApp.fetchAll', SCOPES.external, false);
    return requests.map((r) => (typeof r === 'string' ? this._fetch(r, {}) : this._fetch(String(r.url), r)));
  }

  _fetch(url: string, params: FetchParams): FakeHTTPResponse {
    const res = this._route(url, params);
    // "muteHttpExceptions: if true the fetch doesn't throw an exception if the response code indicates failure".
    if (res._code >= 400 && params.muteHttpExceptions !== true) {
      const origin = /^(https?:\/\/[^/?#]+)/.exec(url)?.[1] ?? url;
      const truncated = res._text.length > 100 ? `${res._text.slice(0, 100)}...` : res._text;
      throw new Error(
        `Request failed for ${origin} returned code ${res._code}. Truncated server response: ${truncated} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return res;
  }

  private _route(url: string, params: FetchParams): FakeHTTPResponse {
    const method = String(params.method ?? 'get').toLowerCase();
    if (url.startsWith(`${TOKENINFO_URL}?`) || url === TOKENINFO_URL) {
      const q = parseQuery(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
      let token: string | null = q.parameter.id_token ?? null;
      if (token === null && method === 'post' && typeof params.payload === 'object' && params.payload !== null) {
        const p = params.payload as Record<string, unknown>;
        token = typeof p.id_token === 'string' ? p.id_token : null;
      }
      const r = this.world.issuer.tokeninfo(token);
      return new FakeHTTPResponse(this._counter, r.code, r.body, { 'Content-Type': 'application/json; charset=UTF-8' });
    }
    const m = WEB_APP_URL.exec(url);
    if (m) return this._webApp(m[1], m[3] ?? '', m[4] ?? '', method, params);
    // No network in the fake: any other host is unreachable, as a host that does not resolve.
    throw new Error(`DNS error: ${url}`);
  }

  private _webApp(id: string, pathInfo: string, query: string, method: string, params: FetchParams): FakeHTTPResponse {
    const dep = this.world.webApps.get(id);
    if (!dep) {
      return new FakeHTTPResponse(this._counter, 404, errorPage('Sorry, unable to open the file at this time. Please check the address and try again.'), {
        'Content-Type': HTML,
      });
    }
    // A web app answers through a 302 to script.googleusercontent.com; UrlFetchApp follows it unless told not to.
    if (params.followRedirects === false) {
      return new FakeHTTPResponse(this._counter, 302, '<HTML><HEAD><TITLE>Moved Temporarily</TITLE></HEAD></HTML>', {
        'Content-Type': HTML,
        Location: `https://script.googleusercontent.com/macros/echo?user_content_key=${id}`,
      });
    }
    // A request from UrlFetchApp carries no Google sign-in: an app that runs as the user
    // accessing it has nobody to run as, and Google answers with its sign-in page.
    // https://developers.google.com/apps-script/guides/web#permissions
    if (dep.executeAs === 'USER_ACCESSING') {
      return new FakeHTTPResponse(
        this._counter,
        200,
        '<!DOCTYPE html><html><head><title>Sign in - Google Accounts</title></head><body>Sign in to continue to Google Drive</body></html>',
        { 'Content-Type': HTML },
      );
    }
    const { parameter, parameters } = parseQuery(query);
    const e: WebAppEvent = {
      queryString: query,
      parameter,
      parameters,
      contentLength: -1,
      contextPath: '',
      ...(pathInfo ? { pathInfo: pathInfo.slice(1) } : {}),
    };
    const handler = method === 'get' ? 'doGet' : 'doPost';
    if (handler === 'doPost') {
      const type = params.contentType ?? 'application/x-www-form-urlencoded';
      const contents = payloadText(params.payload);
      e.postData = { contents, type, length: Buffer.byteLength(contents, 'utf8'), name: 'postData' };
      e.contentLength = e.postData.length;
      if (type.startsWith('application/x-www-form-urlencoded')) {
        const form = parseQuery(contents);
        for (const [k, v] of Object.entries(form.parameters)) {
          e.parameters[k] = [...(e.parameters[k] ?? []), ...v];
          e.parameter[k] ??= v[0];
        }
      }
    }
    const runner = this.runners.get(dep.projectId);
    if (!runner) throw new Error(`The fake has no project ${dep.projectId}`);
    let out: unknown;
    try {
      out = runner._runWebApp(dep, handler, e);
    } catch (err) {
      const msg = err instanceof Error ? `${err.name === 'Error' ? 'Error' : err.name}: ${err.message}` : String(err);
      return new FakeHTTPResponse(this._counter, 200, errorPage(msg), { 'Content-Type': HTML });
    }
    if (out instanceof FakeTextOutput) return new FakeHTTPResponse(this._counter, 200, out.getContent(), { 'Content-Type': out._contentType() });
    const html = out as { _content?: unknown } | null;
    if (html && typeof html === 'object' && typeof html._content === 'string')
      return new FakeHTTPResponse(this._counter, 200, html._content, { 'Content-Type': HTML });
    return new FakeHTTPResponse(this._counter, 200, errorPage('The script completed but did not return anything.'), { 'Content-Type': HTML });
  }
}

function payloadText(payload: unknown): string {
  if (payload === undefined || payload === null) return '';
  if (typeof payload === 'string') return payload;
  if (Array.isArray(payload)) return Buffer.from(payload as number[]).toString('utf8');
  // "A JavaScript object will be interpreted as a map of form field names to values".
  return Object.entries(payload as Record<string, unknown>)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

countCalls(FakeTextOutput, 'TextOutput');
countCalls(FakeContentService, 'ContentService');
countCalls(FakeHTTPResponse, 'HTTPResponse');
countCalls(FakeUrlFetchApp, 'UrlFetchApp');
