/**
 * OpenID Connect ID tokens. The client sends its user's token (ScriptApp.getIdentityToken,
 * scopes openid + userinfo.email); the writer asks Google's tokeninfo endpoint what it
 * vouches for, and checks every claim itself: the token says who, never the request.
 */
import { BangfuError } from '../domain/errors';
import { getUrl } from './http';

/** The executing user's ID token (audience: this project's OAuth client). */
export function identityToken(): string {
  const token = ScriptApp.getIdentityToken();
  if (!token)
    throw new BangfuError(
      'writer.noToken',
      '无法取得您的身份凭证，请重新打开表格后再试',
      'Could not get your identity token; reopen the spreadsheet and try again',
    );
  return token;
}

/**
 * The caller's sign-in for Google's front door of a web app deployed for ANYONE or DOMAIN
 * (a request from a script must carry its user's OAuth access token). The writer never
 * trusts it: it identifies the caller by the ID token alone. Empty when unavailable.
 */
export function frontDoorHeaders(): Record<string, string> {
  try {
    const t = ScriptApp.getOAuthToken();
    return t ? { Authorization: `Bearer ${t}` } : {};
  } catch {
    return {};
  }
}

/** What Google's tokeninfo says about a token: its claims (strings, as Google sends them), or null when refused. */
function tokenInfo(idToken: string): Record<string, unknown> | null {
  let reply;
  try {
    reply = getUrl('https://oauth2.googleapis.com/tokeninfo?id_token=' + encodeURIComponent(idToken));
  } catch {
    throw new BangfuError(
      'writer.tokeninfo',
      '暂时无法验证身份（连接谷歌验证服务失败），请稍后重试',
      'Could not reach Google to verify the identity; try again later',
    );
  }
  if (reply.code !== 200) return null;
  try {
    const claims = JSON.parse(reply.text) as unknown;
    return claims !== null && typeof claims === 'object' ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The audience of this project's own ID tokens (what the owner adds to the writer's BANGFU_ALLOWED_AUDIENCES). */
export function ownTokenAudience(): string {
  return String(tokenInfo(identityToken())?.aud ?? '');
}

export interface VerifiedIdentity {
  email: string;
  aud: string;
}

const refuse = (why: string, en: string) => new BangfuError('writer.token', `身份验证未通过：${why}`, `Identity check failed: ${en}`);

/**
 * Verified by Google: issuer accounts.google.com, e-mail verified, not expired (token
 * times are real instants: compared with Date.now(), never the business clock), audience
 * one of `audiences`. Anything else is refused with the reason.
 */
export function verifyIdToken(idToken: string, audiences: readonly string[], nowMs: number = Date.now()): VerifiedIdentity {
  const claims = tokenInfo(idToken);
  if (!claims) throw refuse('凭证无效或已过期，请重新打开表格后再试', 'the token is invalid or expired');
  const iss = String(claims.iss ?? '');
  if (iss !== 'accounts.google.com' && iss !== 'https://accounts.google.com') throw refuse('凭证不是谷歌签发的', 'wrong issuer');
  if (String(claims.email_verified) !== 'true') throw refuse('邮箱未经谷歌验证', 'e-mail not verified');
  const exp = Number(claims.exp);
  if (!Number.isFinite(exp) || exp * 1000 <= nowMs) throw refuse('凭证已过期，请重新打开表格后再试', 'the token has expired');
  const aud = String(claims.aud ?? '');
  if (!audiences.includes(aud)) throw refuse('凭证来自未登记的表格脚本（受众不在写入服务的 BANGFU_ALLOWED_AUDIENCES 中）', 'audience not allowed');
  const email = String(claims.email ?? '')
    .trim()
    .toLowerCase();
  if (email === '') throw refuse('凭证中没有邮箱', 'no e-mail in the token');
  return { email, aud };
}
