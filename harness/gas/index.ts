/**
 * An in-memory Apps Script: the services Bangfu calls, over spreadsheets held in memory,
 * counting every service call, and refusing what Google refuses. Tests, the benchmark and
 * the local playground all run the server code against it.
 *
 *   const fake = createFakeGas();              // the world + the bound (client) project
 *   installGlobals(globalThis, fake);          // SpreadsheetApp, LockService, … as globals
 *   fake.setUser('zhangmin@jszgh.cn');          // who the current execution runs as
 *   fake.runAs('liuyang@jszgh.cn', () => …);    // a menu click / sidebar call: another execution
 *   fake.runTrigger(() => …, installer);        // an installable trigger, as its installer
 *   fake.runSimple(() => onEdit(e), email);     // a simple trigger: LIMITED, e-mail hidden across domains
 *   fake.runCustomFunction(() => …);            // anonymous and read-only
 *   fake.execution();                           // { kind, activeUser, effectiveUser, authMode, … }
 *   const writer = fake.addProject({ id: 'writer' });  // a standalone project in the same world
 *   const url = writer.deployWebApp({ executeAs: 'USER_DEPLOYING', access: 'ANYONE', deployer, doPost, realm });
 *   fake.UrlFetchApp.fetch(url, { method: 'post', payload });  // runs doPost in the writer, as the deployer
 *   fake.issuer.mint({ email, aud, exp });       // an ID token with chosen claims
 *   fake.counter.snapshot();                    // { 'Range.getValues': 3, … }
 *
 * Executions: code runs in the current execution; runAs & co. start another until they
 * return. A lock held by one execution makes waitLock in another time out at once: that is
 * how a test interleaves two saves. Protections are always enforced (spreadsheet.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataValidationCriteria, FakeConditionalFormatRuleBuilder, FakeDataValidationBuilder, ProtectionType, ChartType } from './builders';
import { CallCounter, countCalls, type Counted } from './counter';
import type { FormulaContext, GasEnv } from './env';
import type { FakeIssuer, IdClaims } from './identity';
import {
  FakeCache,
  FakeLock,
  FakeLogger,
  FakeMailApp,
  FakeProperties,
  FakeScriptApp,
  FakeSession,
  FakeTrigger,
  FakeUtilities,
  type LockState,
  type SentMail,
} from './services';
import { FakeRange, FakeSheet, FakeSpreadsheet } from './spreadsheet';
import type { Shape } from './types';
import { FakeHtmlService, FakeUi } from './ui';
import { FakeContentService, FakeHTTPResponse, FakeTextOutput, FakeUrlFetchApp, type WebAppEvent, type WebAppRunner } from './web';
import {
  SCOPES,
  World,
  domainOf,
  noPermission,
  type AuthModeName,
  type Execution,
  type ExecutionInfo,
  type ExecutionKind,
  type WebAppDeployment,
} from './world';

export { FakeRange, FakeSheet, FakeSpreadsheet, FakeUi, FakeTrigger, CallCounter, FakeTextOutput, FakeHTTPResponse };
export { PROTECTED_MESSAGE } from './world';
export type { SentMail, FormulaContext, ExecutionInfo, ExecutionKind, AuthModeName, IdClaims, FakeIssuer, WebAppEvent };

export interface FakeGasOptions {
  /** Owner of the spreadsheets and of the bound project (default owner@jmszgh.cn). */
  owner?: string;
  /** The first active user (default: the owner). */
  user?: string;
  /** The active spreadsheet's name. */
  name?: string;
  /** Where createHtmlOutputFromFile finds NAME.html (default: dist/ of this repo). */
  htmlDir?: string;
  /** The bound project's id (default 'bangfu'); its token audience is `<id>.apps.googleusercontent.com`. */
  id?: string;
  /**
   * The project's manifest (a path to appsscript.json, or its content): explicit oauthScopes
   * are enforced (a service whose scope is missing throws, as in Apps Script). Default for the
   * bound project: this repository's appsscript.json; null: no scope checks.
   */
  manifest?: Manifest;
}

export type Manifest = string | { oauthScopes?: string[] } | null;

function scopesOf(manifest: Manifest | undefined): Set<string> | null {
  if (!manifest || (typeof manifest === 'string' && !existsSync(manifest))) return null;
  const m = typeof manifest === 'string' ? (JSON.parse(readFileSync(manifest, 'utf8')) as { oauthScopes?: string[] }) : manifest;
  return Array.isArray(m.oauthScopes) ? new Set(m.oauthScopes) : null;
}

export interface AddProjectOptions {
  id: string;
  /** Who owns the project (default: the world's owner). */
  owner?: string;
  /** Its manifest (e.g. 'dist/writer/appsscript.json'): explicit oauthScopes are enforced. Default: none, no scope checks. */
  manifest?: Manifest;
}

export interface DeployWebAppOptions {
  /** https://developers.google.com/apps-script/manifest/web-app-api-executable — the identity the web app runs as. */
  executeAs: 'USER_DEPLOYING' | 'USER_ACCESSING';
  /**
   * Who may call it. Recorded, not enforced: the fake does not model Google's sign-in front
   * door (in Apps Script, ANYONE / DOMAIN / MYSELF make a caller without Google credentials
   * land on the sign-in page; only ANYONE_ANONYMOUS lets any request through).
   */
  access: 'ANYONE' | 'ANYONE_ANONYMOUS' | 'DOMAIN' | 'MYSELF';
  deployer: string;
  doGet?: (e: WebAppEvent) => unknown;
  doPost?: (e: WebAppEvent) => unknown;
  /**
   * The global object where the handlers find the Apps Script globals: a loaded bundle's vm
   * context, or (the default) globalThis, where TS-source handlers look them up.
   */
  realm?: object;
}

export interface RunAsOptions {
  /** The user under whose authority the code runs, when not the active user. */
  effectiveUser?: string;
  authMode?: AuthModeName;
}

class FakeSpreadsheetApp implements Counted, Shape<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'openById' | 'openByUrl' | 'flush'> {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BorderStyle = { SOLID: 'SOLID', SOLID_MEDIUM: 'SOLID_MEDIUM', SOLID_THICK: 'SOLID_THICK', DASHED: 'DASHED', DOTTED: 'DOTTED', DOUBLE: 'DOUBLE' };
  readonly WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' };
  readonly _counter: CallCounter;
  constructor(private readonly gas: FakeGas) {
    this._counter = gas._counter;
  }
  /** A standalone project (a web app) has no active spreadsheet: null, as in Apps Script. */
  getActiveSpreadsheet(): FakeSpreadsheet | null {
    return this.gas._bound;
  }
  getActive(): FakeSpreadsheet | null {
    return this.gas._bound;
  }
  getActiveSheet(): FakeSheet | null {
    return this.gas._bound ? this.gas._bound.getActiveSheet() : null;
  }
  openById(id: string): FakeSpreadsheet {
    // Simple triggers "cannot access other files"; custom functions "cannot open other spreadsheets".
    // https://developers.google.com/apps-script/guides/triggers#restrictions, https://developers.google.com/apps-script/guides/sheets/functions
    this.gas.world.guardAuthorized('SpreadsheetApp.openById', SCOPES.spreadsheets);
    const ss = this.gas.world.spreadsheets.get(String(id).trim());
    if (!ss) throw new Error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    this.gas._checkAccess(ss as FakeSpreadsheet);
    return ss as FakeSpreadsheet;
  }
  openByUrl(url: string): FakeSpreadsheet {
    this.gas.world.guardAuthorized('SpreadsheetApp.openByUrl', SCOPES.spreadsheets);
    const m = /\/spreadsheets\/d\/([a-zA-Z0-9-_]+)/.exec(String(url));
    if (!m) throw new Error('Invalid argument: url');
    const ss = this.gas.world.spreadsheets.get(m[1]);
    if (!ss) throw new Error('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
    this.gas._checkAccess(ss as FakeSpreadsheet);
    return ss as FakeSpreadsheet;
  }
  create(name: string): FakeSpreadsheet {
    this.gas.world.guardAuthorized('SpreadsheetApp.create', SCOPES.spreadsheets);
    const ss = new FakeSpreadsheet(this.gas.world, name);
    ss.insertSheet('工作表1');
    return ss;
  }
  getUi(): FakeUi {
    if (!this.gas.uiAvailable || !this.gas.world.exec().ui || !this.gas._bound) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    return this.gas.ui;
  }
  flush(): void {
    // Writes are immediate in memory; a test may hook here to run something "meanwhile".
  }
  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this._counter);
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this._counter);
  }
}
countCalls(FakeSpreadsheetApp, 'SpreadsheetApp');

class FakePropertiesService implements Counted {
  readonly _counter: CallCounter;
  constructor(private readonly gas: FakeGas) {
    this._counter = gas._counter;
  }
  /** null in a project not bound to a document (a standalone web app). */
  getDocumentProperties(): FakeProperties | null {
    return this.gas._bound ? this.gas._docProps(this.gas._bound._id) : null;
  }
  getScriptProperties(): FakeProperties {
    return this.gas._scriptProps;
  }
  getUserProperties(): FakeProperties {
    return this.gas._userProps(this.gas.world.exec().authority);
  }
}
countCalls(FakePropertiesService, 'PropertiesService');

class FakeCacheService implements Counted {
  readonly _counter: CallCounter;
  constructor(private readonly gas: FakeGas) {
    this._counter = gas._counter;
  }
  getDocumentCache(): FakeCache | null {
    const ss = this.gas._bound;
    return ss ? this.gas._keyed(this.gas._docCaches, ss._id, () => new FakeCache(this._counter)) : null;
  }
  getScriptCache(): FakeCache {
    return this.gas._scriptCache;
  }
  getUserCache(): FakeCache {
    return this.gas._keyed(this.gas._userCaches, this.gas.world.exec().authority, () => new FakeCache(this._counter));
  }
}
countCalls(FakeCacheService, 'CacheService');

class FakeLockService implements Counted {
  readonly _counter: CallCounter;
  constructor(private readonly gas: FakeGas) {
    this._counter = gas._counter;
  }
  /**
   * "If this method is called outside of the context of a containing document (such as from a
   * standalone script or webapp), null is returned."
   * https://developers.google.com/apps-script/reference/lock/lock-service#getdocumentlock
   */
  getDocumentLock(): FakeLock | null {
    const ss = this.gas._bound;
    if (!ss || this.gas.world.exec().kind === 'webapp') return null;
    return this.gas._lock(`doc:${this.gas.id}:${ss._id}`);
  }
  getScriptLock(): FakeLock {
    return this.gas._lock(`script:${this.gas.id}`);
  }
  getUserLock(): FakeLock {
    return this.gas._lock(`user:${this.gas.id}:${this.gas.world.exec().authority}`);
  }
}
countCalls(FakeLockService, 'LockService');

/**
 * One Apps Script project in a fake world. `createFakeGas()` makes the world and its bound
 * (client) project; `addProject()` adds a standalone one (the writer) to the same world.
 */
export class FakeGas implements GasEnv, WebAppRunner {
  readonly world: World;
  readonly id: string;
  /** Who owns this project (its web apps are deployed by someone; its triggers belong to their installers). */
  readonly projectOwner: string;
  /** The OAuth client ID of this project: the `aud` of the identity tokens it gets. */
  readonly audience: string;
  readonly ui: FakeUi;
  readonly triggers: FakeTrigger[] = [];
  readonly logs: string[] = [];
  /** False in a time-driven trigger: getUi() throws, as it does there. */
  uiAvailable = true;
  /** Spreadsheets (by id) the current user may not open: openById throws, as for a file not shared. */
  readonly forbidden = new Set<string>();
  _bound: FakeSpreadsheet | null;

  readonly _scriptProps: FakeProperties;
  readonly _scriptCache: FakeCache;
  readonly _docCaches = new Map<string, FakeCache>();
  readonly _userCaches = new Map<string, FakeCache>();
  private readonly docProps = new Map<string, FakeProperties>();
  private readonly userProps = new Map<string, FakeProperties>();
  private readonly htmlDir: string;
  private readonly runners: Map<string, WebAppRunner>;

  readonly SpreadsheetApp: FakeSpreadsheetApp;
  readonly PropertiesService: FakePropertiesService;
  readonly CacheService: FakeCacheService;
  readonly LockService: FakeLockService;
  readonly ScriptApp: FakeScriptApp;
  readonly Session: FakeSession;
  readonly MailApp: FakeMailApp;
  readonly HtmlService: FakeHtmlService;
  readonly Utilities: FakeUtilities;
  readonly Logger: FakeLogger;
  readonly UrlFetchApp: FakeUrlFetchApp;
  readonly ContentService: FakeContentService;
  readonly Charts = { ChartType };

  constructor(opts: FakeGasOptions = {}, world?: World, runners?: Map<string, WebAppRunner>, mails?: SentMail[]) {
    const owner = (opts.owner ?? world?.owner ?? 'owner@jmszgh.cn').toLowerCase();
    this.id = opts.id ?? 'bangfu';
    this.world = world ?? new World(owner, (opts.user ?? owner).toLowerCase(), this.id);
    this.projectOwner = owner;
    this.audience = `${this.id}.apps.googleusercontent.com`;
    this.runners = runners ?? new Map();
    this.runners.set(this.id, this);
    const scopes = scopesOf(opts.manifest === undefined && !world ? join(__dirnameOf(), '..', '..', 'appsscript.json') : opts.manifest);
    if (scopes) this.world.manifests.set(this.id, scopes);
    this._mails = mails ?? [];
    this.htmlDir = opts.htmlDir ?? join(__dirnameOf(), '..', '..', 'dist');
    this.ui = new FakeUi(this._counter);
    // https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services — Properties are read-only in custom functions.
    const readOnlyInCustom = (m: string) => this.world.guardWrite(`Properties.${m}`);
    this._scriptProps = new FakeProperties(this._counter, readOnlyInCustom);
    this._scriptCache = new FakeCache(this._counter);
    if (world) {
      this._bound = null;
    } else {
      this._bound = new FakeSpreadsheet(this.world, opts.name ?? '荆门市困难职工帮扶');
      this._bound.insertSheet('工作表1');
    }
    this.SpreadsheetApp = new FakeSpreadsheetApp(this);
    this.PropertiesService = new FakePropertiesService(this);
    this.CacheService = new FakeCacheService(this);
    this.LockService = new FakeLockService(this);
    this.ScriptApp = new FakeScriptApp({ world: this.world, triggers: this.triggers, audience: this.audience, scriptId: `1BfScript${this.id}` });
    this.Session = new FakeSession(
      this._counter,
      () => this.world.exec(),
      () => this.world.locale,
    );
    this.MailApp = new FakeMailApp(this._counter, this._mails, this.world);
    this.HtmlService = new FakeHtmlService(this._counter, (name) => this.readHtml(name));
    this.Utilities = new FakeUtilities(this._counter);
    this.Logger = new FakeLogger(this._counter, this.logs);
    this.UrlFetchApp = new FakeUrlFetchApp(this.world, this.runners);
    this.ContentService = new FakeContentService(this._counter);
    if (!world) this._counter.reset(); // making the first sheet is setup, not the code under test
  }

  private readonly _mails: SentMail[];

  // ── the world, as the existing API exposed it ──
  get _counter(): CallCounter {
    return this.world._counter;
  }
  /** Service calls so far (of every project in the world), by 'Class.method'. */
  get counter(): CallCounter {
    return this.world._counter;
  }
  get owner(): string {
    return this.world.owner;
  }
  get toasts(): { message: string; title: string; seconds: number }[] {
    return this.world.toasts;
  }
  get spreadsheets(): Map<string, unknown> {
    return this.world.spreadsheets;
  }
  get evaluate(): ((formula: string, at: FormulaContext) => unknown) | null {
    return this.world.evaluate;
  }
  set evaluate(f: ((formula: string, at: FormulaContext) => unknown) | null) {
    this.world.evaluate = f;
  }
  get mails(): SentMail[] {
    return this._mails;
  }
  /** Session.getActiveUserLocale(): 'zh_CN' unless a test sets 'en_US'. */
  get locale(): string {
    return this.world.locale;
  }
  set locale(l: string) {
    this.world.locale = l;
  }
  /** The ID-token issuer: `fake.issuer.mint({ email, aud, exp… })` makes a token with chosen claims. */
  get issuer(): FakeIssuer {
    return this.world.issuer;
  }
  /** The bound spreadsheet (a standalone project has none). */
  get spreadsheet(): FakeSpreadsheet {
    if (!this._bound) throw new Error(`Project ${this.id} is standalone: it has no bound spreadsheet.`);
    return this._bound;
  }

  /** The e-mail whose rights the current execution has (its effective user). */
  currentUser(): string {
    return this.world.currentUser();
  }
  guardWrite(method: string): void {
    this.world.guardWrite(method);
  }
  asCustomFunction<T>(fn: () => T): T {
    return this.world.asCustomFunction(fn);
  }
  /** Who the current execution runs as. */
  execution(): ExecutionInfo {
    const e = this.world.exec();
    return { kind: e.kind, activeUser: e.activeUser, effectiveUser: e.effectiveUser, authMode: e.authMode, authority: e.authority, projectId: e.projectId };
  }

  /** Makes `email` the active and effective user of the current execution. */
  setUser(email: string): void {
    const e = this.world.exec();
    const u = email.toLowerCase();
    e.activeUser = u;
    e.effectiveUser = u;
    e.authority = u;
  }

  /**
   * Runs `fn` as a menu click or a sidebar call by `email` (another execution: its own lock
   * holder; active = effective = email, AuthMode.FULL), or with an effective user of its own.
   */
  runAs<T>(email: string, fn: () => T, opts: RunAsOptions = {}): T {
    const active = email.toLowerCase();
    const effective = (opts.effectiveUser ?? email).toLowerCase();
    return this._run(
      this.world.newExecution('menu', this.id, { activeUser: active, effectiveUser: effective, authority: effective }, opts.authMode ?? 'FULL', true),
      fn,
    );
  }

  /**
   * Runs `fn` as an installable trigger installed by `installer`: it runs as the installer,
   * without UI. https://developers.google.com/apps-script/guides/triggers/installable#restrictions
   */
  runTrigger<T>(fn: () => T, installer = this.projectOwner): T {
    const u = installer.toLowerCase();
    const ui = this.uiAvailable;
    this.uiAvailable = false;
    try {
      return this._run(this.world.newExecution('trigger', this.id, { activeUser: u, effectiveUser: u, authority: u }, 'FULL', false), fn);
    } finally {
      this.uiAvailable = ui;
    }
  }

  /**
   * Runs `fn` as a simple trigger (onOpen / onEdit) for `email`: AuthMode.LIMITED, no service
   * that needs authorization, the e-mail hidden when the user is of another domain than the
   * owner; the user's own protections still apply to what it writes.
   * https://developers.google.com/apps-script/guides/triggers#restrictions
   * https://developers.google.com/apps-script/reference/base/user#getemail
   */
  runSimple<T>(fn: () => T, email: string): T {
    const u = email.toLowerCase();
    const shown = domainOf(u) === domainOf(this.projectOwner) ? u : '';
    return this._run(this.world.newExecution('simple', this.id, { activeUser: shown, effectiveUser: shown, authority: u }, 'LIMITED', true), fn);
  }

  /**
   * Runs `fn` as a custom function: anonymous, read-only (every write throws), no service
   * that needs authorization. https://developers.google.com/apps-script/guides/sheets/functions
   */
  runCustomFunction<T>(fn: () => T): T {
    return this._run(this.world.newExecution('custom', this.id, { activeUser: '', effectiveUser: '', authority: '' }, 'CUSTOM_FUNCTION', false), fn);
  }

  /** Another Apps Script project in the same world: same spreadsheets, issuer and clock; its own properties, caches, locks, triggers. */
  addProject(opts: AddProjectOptions): FakeGas {
    if (this.runners.has(opts.id)) throw new Error(`A project ${opts.id} already exists.`);
    return new FakeGas(
      { id: opts.id, owner: opts.owner ?? this.world.owner, htmlDir: this.htmlDir, manifest: opts.manifest ?? null },
      this.world,
      this.runners,
      this._mails,
    );
  }

  /** The project with this id in the same world. */
  project(id: string): FakeGas {
    const p = this.runners.get(id);
    if (!p) throw new Error(`No project ${id}`);
    return p as FakeGas;
  }

  /**
   * Deploys this project as a web app; returns its /exec URL. UrlFetchApp.fetch of that URL runs
   * doGet/doPost here as a web-app execution. https://developers.google.com/apps-script/guides/web
   */
  deployWebApp(opts: DeployWebAppOptions): string {
    const id = `AKfycb${this.id.replace(/[^A-Za-z0-9]/g, '')}${randomId(40)}`;
    const url = `https://script.google.com/macros/s/${id}/exec`;
    this.world.webApps.set(id, {
      id,
      url,
      projectId: this.id,
      executeAs: opts.executeAs,
      access: opts.access,
      deployer: opts.deployer.toLowerCase(),
      doGet: opts.doGet as WebAppDeployment['doGet'],
      doPost: opts.doPost as WebAppDeployment['doPost'],
      realm: opts.realm ?? globalThis,
    });
    return url;
  }

  _runWebApp(dep: WebAppDeployment, handler: 'doGet' | 'doPost', e: WebAppEvent): unknown {
    const fn = dep[handler];
    if (!fn) throw new Error(`Script function not found: ${handler}`);
    // "USER_DEPLOYING indicates the web app runs as the user who deployed it"; the caller's address is
    // not available to a web app that executes as its developer (USER_ACCESSING never gets here: see web.ts).
    // https://developers.google.com/apps-script/manifest/web-app-api-executable, https://developers.google.com/apps-script/reference/base/user#getemail
    const exec = this.world.newExecution('webapp', this.id, { activeUser: '', effectiveUser: dep.deployer, authority: dep.deployer }, 'FULL', false);
    return this._run(exec, () => withRealm(dep.realm, this, () => fn(e)));
  }

  newSpreadsheet(name: string): FakeSpreadsheet {
    const ss = new FakeSpreadsheet(this.world, name);
    ss.insertSheet('工作表1');
    return ss;
  }

  _run<T>(e: Execution, fn: () => T): T {
    return this.world.run(e, fn);
  }

  _checkAccess(ss: FakeSpreadsheet): void {
    if (this.forbidden.has(ss._id)) throw new Error('You do not have permission to access the requested document.');
  }

  _docProps(id: string): FakeProperties {
    return this._keyed(this.docProps, id, () => new FakeProperties(this._counter, (m) => this.world.guardWrite(`Properties.${m}`)));
  }
  _userProps(user: string): FakeProperties {
    return this._keyed(this.userProps, user, () => new FakeProperties(this._counter, (m) => this.world.guardWrite(`Properties.${m}`)));
  }
  _keyed<K, V>(m: Map<K, V>, k: K, make: () => V): V {
    let v = m.get(k);
    if (v === undefined) {
      v = make();
      m.set(k, v);
    }
    return v;
  }
  _lock(scope: string): FakeLock {
    const state = this._keyed(this.world.locks, scope, () => ({ holder: null }) as LockState);
    return new FakeLock(this._counter, state, () => this.world.exec().id);
  }
  private readHtml(name: string): string | null {
    const file = join(this.htmlDir, name.endsWith('.html') ? name : `${name}.html`);
    return existsSync(file) ? readFileSync(file, 'utf8') : null;
  }
}

function randomId(n: number): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  let s = '';
  for (let i = 0; i < n; i++) s += abc[Math.floor(Math.random() * abc.length)];
  return s;
}

function __dirnameOf(): string {
  // Under jest (CommonJS) __dirname exists; under tsx (ESM) fall back to the working directory's harness/gas.
  return typeof __dirname === 'string' ? __dirname : join(process.cwd(), 'harness', 'gas');
}

export function createFakeGas(opts: FakeGasOptions = {}): FakeGas {
  return new FakeGas(opts);
}

export const GLOBAL_NAMES = [
  'SpreadsheetApp',
  'PropertiesService',
  'CacheService',
  'LockService',
  'ScriptApp',
  'Session',
  'MailApp',
  'HtmlService',
  'Utilities',
  'Logger',
  'Charts',
  'UrlFetchApp',
  'ContentService',
] as const;

/** Puts the services on `target` (globalThis, or a vm context) under their Apps Script names. */
export function installGlobals(target: object, fake: FakeGas): void {
  for (const name of GLOBAL_NAMES) {
    Object.defineProperty(target, name, { value: fake[name], configurable: true, writable: true, enumerable: false });
  }
}

/**
 * Runs fn with `project`'s services as the globals of `realm`, then puts back what was there:
 * a web app's code finds its own project's services, and the caller's are intact afterwards.
 */
export function withRealm<T>(realm: object | undefined, project: FakeGas, fn: () => T): T {
  if (!realm) return fn();
  const saved = GLOBAL_NAMES.map((n) => [n, Object.getOwnPropertyDescriptor(realm, n)] as const);
  installGlobals(realm, project);
  try {
    return fn();
  } finally {
    for (const [n, d] of saved) {
      if (d) Object.defineProperty(realm, n, d);
      else delete (realm as Record<string, unknown>)[n];
    }
  }
}

/** Apps Script's "You do not have permission to call X[. Required permissions: scope]" error, for tests that expect it. */
export { noPermission };
