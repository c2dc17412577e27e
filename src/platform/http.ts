/** UrlFetchApp, reduced to what the writer and its client need: JSON in, status and text out. */
export interface HttpReply {
  code: number;
  text: string;
  contentType: string;
}

function toReply(r: GoogleAppsScript.URL_Fetch.HTTPResponse): HttpReply {
  const headers = (r.getHeaders() ?? {}) as Record<string, string>;
  const type = Object.keys(headers).find((k) => k.toLowerCase() === 'content-type');
  return { code: r.getResponseCode(), text: r.getContentText(), contentType: type ? String(headers[type]) : '' };
}

/** POSTs a JSON body; a 4xx/5xx is a reply, not an exception (muteHttpExceptions). Throws when the host cannot be reached. */
export function postJson(url: string, body: unknown, headers?: Record<string, string>): HttpReply {
  return toReply(
    UrlFetchApp.fetch(url, {
      method: 'post',
      contentType: 'application/json',
      payload: JSON.stringify(body),
      muteHttpExceptions: true,
      followRedirects: true,
      ...(headers ? { headers } : {}),
    }),
  );
}

export function getUrl(url: string, headers?: Record<string, string>): HttpReply {
  return toReply(UrlFetchApp.fetch(url, { method: 'get', muteHttpExceptions: true, followRedirects: true, ...(headers ? { headers } : {}) }));
}
