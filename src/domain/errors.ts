/**
 * Errors users read. Every error carries a zh-CN message (the default the union reads)
 * and an English one; `message` is the zh-CN text so anything that prints an Error shows
 * Chinese first.
 *
 * `name` is empty on purpose: Apps Script and Sheets print a thrown error as `name: message`
 * (the #ERROR! tooltip, a sidebar's failure handler, a loaded bundle's error seen from
 * another realm), and a user must read only the message, never "BangfuError:". With an
 * empty name, Error.prototype.toString gives the message alone. `code` identifies the kind.
 */
export type Locale = 'zh-CN' | 'en';

export class BangfuError extends Error {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** The form field or column the error is about, when there is one. */
  readonly field?: string;

  constructor(code: string, zh: string, en: string, field?: string) {
    super(zh);
    this.name = '';
    this.code = code;
    this.zh = zh;
    this.en = en;
    this.field = field;
  }

  text(locale: Locale = 'zh-CN'): string {
    return locale === 'en' ? this.en : this.zh;
  }
}

export function isBangfuError(e: unknown): e is BangfuError {
  return e instanceof BangfuError;
}

/** Message for any thrown value, in the requested locale. */
export function errorText(e: unknown, locale: Locale = 'zh-CN'): string {
  if (isBangfuError(e)) return e.text(locale);
  if (e instanceof Error) return e.message;
  return String(e);
}
