/**
 * The fake Google identity issuer: it mints OpenID Connect ID tokens (what
 * ScriptApp.getIdentityToken() returns) and answers the tokeninfo endpoint for them.
 * A token is only "signed" in the sense that the issuer remembers every string it minted:
 * a string it did not mint — a forged or edited token — is refused like a bad signature.
 *
 * ScriptApp.getIdentityToken(): https://developers.google.com/apps-script/reference/script/script-app#getidentitytoken
 * tokeninfo and the checks a backend makes (aud, iss, exp): https://developers.google.com/identity/sign-in/web/backend-auth
 * Token times are real instants (Date.now()), as Google's are; the business "today" is src/server/clock.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { CallCounter } from './counter';

export interface IdClaims {
  iss: string;
  aud: string;
  azp: string;
  email: string;
  email_verified: boolean;
  /** Seconds since the epoch. */
  iat: number;
  exp: number;
  sub: string;
}

export const GOOGLE_ISSUER = 'https://accounts.google.com';
export const TOKENINFO_URL = 'https://oauth2.googleapis.com/tokeninfo';

const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');

/** Google's `sub`: a stable numeric id per account (here derived from the address). */
export function subjectOf(email: string): string {
  const h = createHash('sha256').update(email.toLowerCase()).digest();
  return '1' + [...h.subarray(0, 10)].map((b) => String(b % 10)).join('') + String(h.readUInt32BE(12)).padStart(10, '0');
}

export class FakeIssuer {
  private readonly minted = new Map<string, IdClaims>();
  constructor(readonly _counter: CallCounter) {}

  /** A token with chosen claims (another audience, expired, unverified e-mail…); the rest as Google fills them. */
  mint(claims: Partial<IdClaims> & { email: string; aud: string }): string {
    const now = Math.floor(Date.now() / 1000);
    const full: IdClaims = {
      iss: GOOGLE_ISSUER,
      azp: claims.aud,
      email_verified: true,
      iat: now,
      exp: now + 3600,
      sub: subjectOf(claims.email),
      ...claims,
    };
    const header = { alg: 'RS256', kid: 'fake-issuer-key-1', typ: 'JWT' };
    const token = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(full))}.${b64url(randomBytes(64))}`;
    this.minted.set(token, full);
    return token;
  }

  /**
   * What GET tokeninfo?id_token=T answers: 200 and the claims as strings (as Google returns
   * them) for a token this issuer minted that has not expired; 400 invalid_token otherwise.
   */
  tokeninfo(token: string | null): { code: number; body: string } {
    const claims = token === null ? undefined : this.minted.get(token);
    if (!claims || claims.exp * 1000 <= Date.now()) {
      return { code: 400, body: JSON.stringify({ error: 'invalid_token', error_description: 'Invalid Value' }) };
    }
    // A token minted without the userinfo.email scope carries no e-mail claims.
    const email: Record<string, string> = claims.email ? { email: claims.email, email_verified: String(claims.email_verified) } : {};
    const body: Record<string, string> = {
      iss: claims.iss,
      azp: claims.azp,
      aud: claims.aud,
      sub: claims.sub,
      ...email,
      iat: String(claims.iat),
      exp: String(claims.exp),
      alg: 'RS256',
      kid: 'fake-issuer-key-1',
      typ: 'JWT',
    };
    return { code: 200, body: JSON.stringify(body) };
  }
}
