/**
 * The smaller services: PropertiesService, CacheService, LockService, ScriptApp
 * (triggers), Session, MailApp, Utilities, Logger. Each keeps Apps Script's limits where a
 * real script would hit them (cache value 100 KB, property value 9 KB, 20 triggers, mail
 * quota) so the fake fails where production would.
 */
import { createHash, createHmac } from 'node:crypto';
import { countCalls, type CallCounter, type Counted } from './counter';
import { FakeUser } from './builders';
import { isDate } from './cells';
import type { Shape } from './types';
import { subjectOf } from './identity';
import { SCOPES, noPermission, type Execution, type World } from './world';

// ── properties ──────────────────────────────────────────────────────────────

export class FakeProperties
  implements
    Counted,
    Shape<
      GoogleAppsScript.Properties.Properties,
      'getProperty' | 'setProperty' | 'deleteProperty' | 'getProperties' | 'setProperties' | 'getKeys' | 'deleteAllProperties'
    >
{
  readonly _store = new Map<string, string>();
  /** `guard` refuses writes where Apps Script does (custom functions: properties are read-only). */
  constructor(
    readonly _counter: CallCounter,
    private readonly guard: (method: string) => void = () => {},
  ) {}
  getProperty(key: string): string | null {
    return this._store.get(key) ?? null;
  }
  setProperty(key: string, value: string): this {
    this.guard('setProperty');
    const v = String(value);
    if (v.length > 9 * 1024) throw new Error('Argument too large: value');
    this._store.set(key, v);
    return this;
  }
  deleteProperty(key: string): this {
    this.guard('deleteProperty');
    this._store.delete(key);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._store);
  }
  setProperties(props: Record<string, string>, deleteAllOthers = false): this {
    this.guard('setProperties');
    if (deleteAllOthers) this._store.clear();
    for (const [k, v] of Object.entries(props)) this._store.set(k, String(v));
    return this;
  }
  getKeys(): string[] {
    return [...this._store.keys()];
  }
  deleteAllProperties(): this {
    this.guard('deleteAllProperties');
    this._store.clear();
    return this;
  }
}

// ── cache ───────────────────────────────────────────────────────────────────

export class FakeCache implements Counted, Shape<GoogleAppsScript.Cache.Cache, 'get' | 'put' | 'remove' | 'getAll' | 'putAll' | 'removeAll'> {
  readonly _store = new Map<string, { value: string; expires: number }>();
  constructor(readonly _counter: CallCounter) {}
  get(key: string): string | null {
    const e = this._store.get(key);
    if (!e) return null;
    if (e.expires < Date.now()) {
      this._store.delete(key);
      return null;
    }
    return e.value;
  }
  put(key: string, value: string, expirationInSeconds = 600): void {
    if (key.length > 250) throw new Error('Argument too large: key');
    if (String(value).length > 100 * 1024) throw new Error('Argument too large: value');
    const ttl = Math.min(Math.max(1, expirationInSeconds), 21_600);
    this._store.set(key, { value: String(value), expires: Date.now() + ttl * 1000 });
  }
  remove(key: string): void {
    this._store.delete(key);
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  putAll(values: Record<string, string>, expirationInSeconds = 600): void {
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this._store.delete(k);
  }
}

// ── locks ───────────────────────────────────────────────────────────────────

/** One lock scope (document, script or user): which execution holds it. */
export interface LockState {
  holder: number | null;
}

/**
 * Executions are single-threaded here, so "another execution holds the lock" can only
 * happen when a test runs a second execution (runAs) while the first holds it: then
 * waitLock times out at once instead of waiting, with Apps Script's message.
 */
export class FakeLock implements Counted, Shape<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  constructor(
    readonly _counter: CallCounter,
    private readonly state: LockState,
    private readonly exec: () => number,
  ) {}
  tryLock(_timeoutInMillis: number): boolean {
    const me = this.exec();
    if (this.state.holder !== null && this.state.holder !== me) return false;
    this.state.holder = me;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    if (this.state.holder === this.exec()) this.state.holder = null;
  }
  hasLock(): boolean {
    return this.state.holder === this.exec();
  }
}

// ── triggers ────────────────────────────────────────────────────────────────

export const EventType = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_CHANGE: 'ON_CHANGE', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT' } as const;
export const TriggerSource = { CLOCK: 'CLOCK', SPREADSHEETS: 'SPREADSHEETS' } as const;
export const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
export const WeekDay = {
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
  SUNDAY: 'SUNDAY',
} as const;

let triggerSeq = 0;

export interface TriggerSpec {
  id: string;
  handler: string;
  eventType: string;
  source: string;
  sourceId: string | null;
  owner: string;
  schedule: Record<string, unknown>;
}

export class FakeTrigger implements Counted, Shape<GoogleAppsScript.Script.Trigger, 'getHandlerFunction' | 'getUniqueId'> {
  constructor(
    readonly _counter: CallCounter,
    readonly _spec: TriggerSpec,
  ) {}
  getHandlerFunction(): string {
    return this._spec.handler;
  }
  getUniqueId(): string {
    return this._spec.id;
  }
  getEventType(): string {
    return this._spec.eventType;
  }
  getTriggerSource(): string {
    return this._spec.source;
  }
  getTriggerSourceId(): string | null {
    return this._spec.sourceId;
  }
}

export class FakeClockTriggerBuilder implements Counted {
  readonly _schedule: Record<string, unknown> = {};
  constructor(
    readonly _counter: CallCounter,
    private readonly make: (type: string, source: string, sourceId: string | null, schedule: Record<string, unknown>) => FakeTrigger,
  ) {}
  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n)) throw new Error('The value you passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    this._schedule.everyMinutes = n;
    return this;
  }
  everyHours(n: number): this {
    this._schedule.everyHours = n;
    return this;
  }
  everyDays(n: number): this {
    this._schedule.everyDays = n;
    return this;
  }
  everyWeeks(n: number): this {
    this._schedule.everyWeeks = n;
    return this;
  }
  onWeekDay(day: string): this {
    this._schedule.onWeekDay = day;
    return this;
  }
  onMonthDay(day: number): this {
    this._schedule.onMonthDay = day;
    return this;
  }
  atHour(hour: number): this {
    if (!(hour >= 0 && hour <= 23)) throw new Error('The hour must be between 0 and 23.');
    this._schedule.atHour = hour;
    return this;
  }
  nearMinute(minute: number): this {
    this._schedule.nearMinute = minute;
    return this;
  }
  inTimezone(tz: string): this {
    this._schedule.timezone = tz;
    return this;
  }
  after(ms: number): this {
    this._schedule.after = ms;
    return this;
  }
  at(date: Date): this {
    this._schedule.at = date;
    return this;
  }
  create(): FakeTrigger {
    const s = this._schedule;
    if (
      s.everyMinutes === undefined &&
      s.everyHours === undefined &&
      s.everyDays === undefined &&
      s.everyWeeks === undefined &&
      s.after === undefined &&
      s.at === undefined &&
      s.onMonthDay === undefined
    ) {
      throw new Error('The trigger has no schedule.');
    }
    return this.make(EventType.CLOCK, TriggerSource.CLOCK, null, { ...s });
  }
}

export class FakeSpreadsheetTriggerBuilder implements Counted {
  private type: string | null = null;
  constructor(
    readonly _counter: CallCounter,
    private readonly sourceId: string,
    private readonly make: (type: string, source: string, sourceId: string | null, schedule: Record<string, unknown>) => FakeTrigger,
  ) {}
  onOpen(): this {
    this.type = EventType.ON_OPEN;
    return this;
  }
  onEdit(): this {
    this.type = EventType.ON_EDIT;
    return this;
  }
  onChange(): this {
    this.type = EventType.ON_CHANGE;
    return this;
  }
  onFormSubmit(): this {
    this.type = EventType.ON_FORM_SUBMIT;
    return this;
  }
  create(): FakeTrigger {
    if (!this.type) throw new Error('The trigger has no event.');
    return this.make(this.type, TriggerSource.SPREADSHEETS, this.sourceId, {});
  }
}

export class FakeTriggerBuilder implements Counted {
  constructor(
    readonly _counter: CallCounter,
    private readonly handler: string,
    private readonly host: TriggerHost,
  ) {}
  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this._counter, (t, s, id, sch) => this.host._addTrigger(this.handler, t, s, id, sch));
  }
  forSpreadsheet(ss: { getId(): string } | string): FakeSpreadsheetTriggerBuilder {
    const id = typeof ss === 'string' ? ss : ((ss as { _id?: string })._id ?? ss.getId());
    return new FakeSpreadsheetTriggerBuilder(this._counter, id, (t, s, sid, sch) => this.host._addTrigger(this.handler, t, s, sid, sch));
  }
}

export interface TriggerHost {
  _addTrigger(handler: string, type: string, source: string, sourceId: string | null, schedule: Record<string, unknown>): FakeTrigger;
}

export const MAX_TRIGGERS = 20;

/** What ScriptApp needs of its project: the world (executions, issuer), its triggers and token audience. */
export interface ScriptHost {
  readonly world: World;
  readonly triggers: FakeTrigger[];
  readonly audience: string;
  readonly scriptId: string;
}

export class FakeScriptApp
  implements
    Counted,
    TriggerHost,
    Shape<GoogleAppsScript.Script.ScriptApp, 'getProjectTriggers' | 'newTrigger' | 'getScriptId' | 'getOAuthToken' | 'getIdentityToken'>
{
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;
  readonly AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' };
  readonly _counter: CallCounter;
  readonly _triggers: FakeTrigger[];
  constructor(private readonly host: ScriptHost) {
    this._counter = host.world._counter;
    this._triggers = host.triggers;
  }
  /**
   * "Gets all installable triggers associated with the current project and current user."
   * https://developers.google.com/apps-script/reference/script/script-app#getprojecttriggers
   */
  getProjectTriggers(): FakeTrigger[] {
    this.host.world.guardAuthorized('ScriptApp.getProjectTriggers', SCOPES.scriptapp);
    const me = this.host.world.exec().authority;
    return this._triggers.filter((t) => t._spec.owner === me);
  }
  newTrigger(functionName: string): FakeTriggerBuilder {
    this.host.world.guardAuthorized('ScriptApp.newTrigger', SCOPES.scriptapp);
    return new FakeTriggerBuilder(this._counter, functionName, this);
  }
  /** Only the user who installed a trigger can delete it (the others never see it in getProjectTriggers). */
  deleteTrigger(trigger: FakeTrigger): void {
    this.host.world.guardAuthorized('ScriptApp.deleteTrigger', SCOPES.scriptapp);
    const i = this._triggers.findIndex((t) => t._spec.id === trigger._spec.id);
    if (i < 0) return;
    if (this._triggers[i]._spec.owner !== this.host.world.exec().authority) throw new Error('Trigger not found.');
    this._triggers.splice(i, 1);
  }
  getScriptId(): string {
    return this.host.scriptId;
  }
  getOAuthToken(): string {
    if (this.host.world.exec().kind === 'simple' || this.host.world.exec().kind === 'custom') throw noPermission('ScriptApp.getOAuthToken');
    return `ya29.offline-${this.host.world.exec().authority}`;
  }
  /**
   * "Gets an OpenID Connect identity token for the effective user, if the openid scope has
   * been granted." aud is this project's OAuth client; exp one hour from now.
   * https://developers.google.com/apps-script/reference/script/script-app#getidentitytoken
   */
  getIdentityToken(): string {
    const w = this.host.world;
    const k = w.exec().kind;
    if (k === 'simple' || k === 'custom' || !w.exec().authority) throw noPermission('ScriptApp.getIdentityToken', SCOPES.openid);
    // Without the openid scope there is no token; without userinfo.email it names no e-mail.
    // https://developers.google.com/apps-script/guides/services/cloud-run
    if (!w.hasScope(SCOPES.openid)) return null as unknown as string;
    const who = w.exec().authority;
    if (!w.hasScope(SCOPES.email)) return w.issuer.mint({ email: '', aud: this.host.audience, sub: subjectOf(who) });
    return w.issuer.mint({ email: who, aud: this.host.audience });
  }
  _addTrigger(handler: string, eventType: string, source: string, sourceId: string | null, schedule: Record<string, unknown>): FakeTrigger {
    // "Installable triggers always run under the account of the person who created them."
    // https://developers.google.com/apps-script/guides/triggers/installable#restrictions
    const owner = this.host.world.exec().authority;
    if (this._triggers.filter((t) => t._spec.owner === owner).length >= MAX_TRIGGERS) {
      throw new Error('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    }
    const t = new FakeTrigger(this._counter, { id: `trigger-${++triggerSeq}`, handler, eventType, source, sourceId, owner, schedule });
    this._triggers.push(t);
    return t;
  }
}

// ── session, mail, utilities, logger ───────────────────────────────────────

/**
 * getActiveUser / getEffectiveUser as the execution reports them: the effective user is the
 * web app's deployer or the trigger's installer; both are '' where Google hides the address.
 * https://developers.google.com/apps-script/reference/base/session
 */
export class FakeSession
  implements
    Counted,
    Shape<GoogleAppsScript.Base.Session, 'getActiveUser' | 'getEffectiveUser' | 'getActiveUserLocale' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey'>
{
  constructor(
    readonly _counter: CallCounter,
    private readonly exec: () => Execution,
    private readonly locale: () => string,
  ) {}
  getActiveUser(): FakeUser {
    return new FakeUser(this.exec().activeUser);
  }
  getEffectiveUser(): FakeUser {
    return new FakeUser(this.exec().effectiveUser);
  }
  getActiveUserLocale(): string {
    return this.locale();
  }
  getScriptTimeZone(): string {
    return 'Asia/Shanghai';
  }
  getTemporaryActiveUserKey(): string {
    return `key-${this.exec().authority}`;
  }
}

export interface SentMail {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  from: string;
}

export const MAIL_QUOTA = 100;

export class FakeMailApp implements Counted, Shape<GoogleAppsScript.Mail.MailApp, 'getRemainingDailyQuota'> {
  constructor(
    readonly _counter: CallCounter,
    readonly _sent: SentMail[],
    private readonly world: World,
  ) {}
  sendEmail(a: string | Record<string, unknown>, subject?: string, body?: string, options?: Record<string, unknown>): void {
    // Simple triggers cannot send mail ("the Gmail service requires authorization"); custom functions cannot either.
    // https://developers.google.com/apps-script/guides/triggers#restrictions
    this.world.guardAuthorized('MailApp.sendEmail', SCOPES.mail);
    if (this._sent.length >= MAIL_QUOTA) throw new Error('Service invoked too many times for one day: email.');
    const m = typeof a === 'string' ? { ...(options ?? {}), to: a, subject: subject ?? '', body: body ?? '' } : a;
    const to = String(m.to ?? m.recipient ?? '').trim();
    if (!to) throw new Error('Failed to send email: no recipient');
    this._sent.push({
      to,
      subject: String(m.subject ?? ''),
      body: String(m.body ?? ''),
      from: this.world.exec().authority,
      ...(m.htmlBody ? { htmlBody: String(m.htmlBody) } : {}),
      ...(m.name ? { name: String(m.name) } : {}),
      ...(m.cc ? { cc: String(m.cc) } : {}),
      ...(m.bcc ? { bcc: String(m.bcc) } : {}),
      ...(m.replyTo ? { replyTo: String(m.replyTo) } : {}),
    });
  }
  getRemainingDailyQuota(): number {
    this.world.guardAuthorized('MailApp.getRemainingDailyQuota', SCOPES.mail);
    return MAIL_QUOTA - this._sent.length;
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export const DigestAlgorithm = { MD2: 'MD2', MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256', SHA_384: 'SHA_384', SHA_512: 'SHA_512' } as const;
export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;
const NODE_DIGEST: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };

/** Apps Script bytes are Java's: signed, -128..127. */
const signed = (b: Buffer) => [...b].map((x) => (x > 127 ? x - 256 : x));
const bytesOf = (value: string | number[], charset?: unknown) =>
  typeof value === 'string' ? Buffer.from(value, String(charset ?? 'UTF_8') === 'US_ASCII' ? 'ascii' : 'utf8') : Buffer.from(value.map((x) => x & 0xff));

export class FakeUtilities
  implements
    Counted,
    Shape<
      GoogleAppsScript.Utilities.Utilities,
      | 'computeDigest'
      | 'computeHmacSha256Signature'
      | 'formatDate'
      | 'getUuid'
      | 'sleep'
      | 'base64Encode'
      | 'base64Decode'
      | 'base64EncodeWebSafe'
      | 'base64DecodeWebSafe'
    >
{
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly Charset = Charset;
  constructor(readonly _counter: CallCounter) {}
  /**
   * The digest of a string (UTF-8 unless a charset is given) or of bytes, as signed bytes.
   * https://developers.google.com/apps-script/reference/utilities/utilities#computedigestalgorithm,-value
   */
  computeDigest(algorithm: unknown, value: string | number[], charset?: unknown): number[] {
    const alg = NODE_DIGEST[String(algorithm)];
    if (!alg) throw new Error('Invalid argument: algorithm');
    return signed(createHash(alg).update(bytesOf(value, charset)).digest());
  }
  computeHmacSha256Signature(value: string | number[], key: string | number[], charset?: unknown): number[] {
    return signed(createHmac('sha256', bytesOf(key, charset)).update(bytesOf(value, charset)).digest());
  }
  base64EncodeWebSafe(data: string | number[], charset?: unknown): string {
    // Apps Script's web-safe base64 keeps the '=' padding.
    return bytesOf(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64DecodeWebSafe(encoded: string): number[] {
    return signed(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }
  newBlob(data: string | number[]): { getDataAsString(): string; getBytes(): number[] } {
    const b = bytesOf(data);
    return { getDataAsString: () => b.toString('utf8'), getBytes: () => signed(b) };
  }
  /** The patterns Bangfu uses (yyyy MM dd HH mm ss); the harness runs in Asia/Shanghai. */
  formatDate(d: Date | GoogleAppsScript.Base.Date, _timeZone: string, format: string): string {
    if (!isDate(d)) throw new Error('Invalid argument: date');
    const date = d as Date;
    return format
      .replace(/yyyy/g, String(date.getFullYear()))
      .replace(/MM/g, pad(date.getMonth() + 1))
      .replace(/dd/g, pad(date.getDate()))
      .replace(/HH/g, pad(date.getHours()))
      .replace(/mm/g, pad(date.getMinutes()))
      .replace(/ss/g, pad(date.getSeconds()));
  }
  getUuid(): string {
    const h = () =>
      Math.floor(Math.random() * 0x10000)
        .toString(16)
        .padStart(4, '0');
    return `${h()}${h()}-${h()}-4${h().slice(1)}-a${h().slice(1)}-${h()}${h()}${h()}`;
  }
  sleep(_ms: number): void {
    // No one else runs here: waiting would only slow the tests.
  }
  base64Encode(data: string | number[], charset?: unknown): string {
    return bytesOf(data, charset).toString('base64');
  }
  base64Decode(data: string): number[] {
    return signed(Buffer.from(data, 'base64'));
  }
}

export class FakeLogger implements Counted {
  constructor(
    readonly _counter: CallCounter,
    readonly _lines: string[],
  ) {}
  log(...args: unknown[]): this {
    this._lines.push(args.map(String).join(' '));
    return this;
  }
}

countCalls(FakeProperties, 'Properties');
countCalls(FakeCache, 'Cache');
countCalls(FakeLock, 'Lock');
countCalls(FakeTrigger, 'Trigger');
countCalls(FakeClockTriggerBuilder, 'ClockTriggerBuilder');
countCalls(FakeSpreadsheetTriggerBuilder, 'SpreadsheetTriggerBuilder');
countCalls(FakeTriggerBuilder, 'TriggerBuilder');
countCalls(FakeScriptApp, 'ScriptApp');
countCalls(FakeSession, 'Session');
countCalls(FakeMailApp, 'MailApp');
countCalls(FakeUtilities, 'Utilities');
countCalls(FakeLogger, 'Logger');
