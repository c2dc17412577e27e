/**
 * An in-memory Apps Script: the services Bangfu calls, over spreadsheets held in memory,
 * counting every service call. Tests, the benchmark and the local playground all run the
 * server code against it.
 *
 *   const fake = createFakeGas();
 *   installGlobals(globalThis, fake);        // SpreadsheetApp, LockService, … as globals
 *   fake.setUser('zhangmin@jszgh.cn');        // Session.getActiveUser()
 *   fake.runAs('liuyang@jszgh.cn', () => …);  // a second, concurrent execution
 *   fake.counter.snapshot();                  // { 'Range.getValues': 3, … }
 *
 * Executions: code runs in the current execution; runAs starts another (its own user and
 * its own lock holder) until it returns. A lock held by one execution makes waitLock in
 * another time out at once: that is how a test interleaves two saves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataValidationCriteria, FakeConditionalFormatRuleBuilder, FakeDataValidationBuilder, ProtectionType, ChartType } from './builders';
import { CallCounter, countCalls, type Counted } from './counter';
import type { FormulaContext, GasEnv } from './env';
import {
  FakeCache, FakeLock, FakeLogger, FakeMailApp, FakeProperties, FakeScriptApp, FakeSession, FakeTrigger, FakeUtilities, type LockState, type SentMail,
} from './services';
import { FakeRange, FakeSheet, FakeSpreadsheet } from './spreadsheet';
import { FakeHtmlService, FakeUi } from './ui';

export { FakeRange, FakeSheet, FakeSpreadsheet, FakeUi, FakeTrigger, CallCounter };
export type { SentMail, FormulaContext };

export interface FakeGasOptions {
  /** Owner of the spreadsheets (default owner@jmszgh.cn). */
  owner?: string;
  /** The first active user (default: the owner). */
  user?: string;
  /** The active spreadsheet's name. */
  name?: string;
  /** Where createHtmlOutputFromFile finds NAME.html (default: dist/ of this repo). */
  htmlDir?: string;
}

class FakeSpreadsheetApp implements Counted {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BorderStyle = { SOLID: 'SOLID', SOLID_MEDIUM: 'SOLID_MEDIUM', SOLID_THICK: 'SOLID_THICK', DASHED: 'DASHED', DOTTED: 'DOTTED', DOUBLE: 'DOUBLE' };
  readonly WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' };
  readonly _counter: CallCounter;
  constructor(private readonly gas: FakeGas) {
    this._counter = gas._counter;
  }
  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.gas.spreadsheet;
  }
  getActive(): FakeSpreadsheet {
    return this.gas.spreadsheet;
  }
  getActiveSheet(): FakeSheet {
    return this.gas.spreadsheet.getActiveSheet();
  }
  openById(id: string): FakeSpreadsheet {
    const ss = this.gas.spreadsheets.get(String(id).trim());
    if (!ss) throw new Error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    this.gas._checkAccess(ss as FakeSpreadsheet);
    return ss as FakeSpreadsheet;
  }
  openByUrl(url: string): FakeSpreadsheet {
    const m = /\/spreadsheets\/d\/([a-zA-Z0-9-_]+)/.exec(String(url));
    if (!m) throw new Error('Invalid argument: url');
    const ss = this.gas.spreadsheets.get(m[1]);
    if (!ss) throw new Error('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
    this.gas._checkAccess(ss as FakeSpreadsheet);
    return ss as FakeSpreadsheet;
  }
  create(name: string): FakeSpreadsheet {
    const ss = new FakeSpreadsheet(this.gas, name);
    ss.insertSheet('工作表1');
    return ss;
  }
  getUi(): FakeUi {
    if (!this.gas.uiAvailable) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
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
  getDocumentProperties(): FakeProperties {
    return this.gas._docProps(this.gas.spreadsheet._id);
  }
  getScriptProperties(): FakeProperties {
    return this.gas._scriptProps;
  }
  getUserProperties(): FakeProperties {
    return this.gas._userProps(this.gas.currentUser());
  }
}
countCalls(FakePropertiesService, 'PropertiesService');

class FakeCacheService implements Counted {
  readonly _counter: CallCounter;
  constructor(private readonly gas: FakeGas) {
    this._counter = gas._counter;
  }
  getDocumentCache(): FakeCache {
    return this.gas._keyed(this.gas._docCaches, this.gas.spreadsheet._id, () => new FakeCache(this._counter));
  }
  getScriptCache(): FakeCache {
    return this.gas._scriptCache;
  }
  getUserCache(): FakeCache {
    return this.gas._keyed(this.gas._userCaches, this.gas.currentUser(), () => new FakeCache(this._counter));
  }
}
countCalls(FakeCacheService, 'CacheService');

class FakeLockService implements Counted {
  readonly _counter: CallCounter;
  constructor(private readonly gas: FakeGas) {
    this._counter = gas._counter;
  }
  getDocumentLock(): FakeLock {
    return this.gas._lock(`doc:${this.gas.spreadsheet._id}`);
  }
  getScriptLock(): FakeLock {
    return this.gas._lock('script');
  }
  getUserLock(): FakeLock {
    return this.gas._lock(`user:${this.gas.currentUser()}`);
  }
}
countCalls(FakeLockService, 'LockService');

export class FakeGas implements GasEnv {
  readonly _counter = new CallCounter();
  /** Service calls so far, by 'Class.method'. */
  readonly counter = this._counter;
  readonly owner: string;
  readonly toasts: { message: string; title: string; seconds: number }[] = [];
  readonly spreadsheets = new Map<string, unknown>();
  evaluate: ((formula: string, at: FormulaContext) => unknown) | null = null;
  readonly ui: FakeUi;
  readonly mails: SentMail[] = [];
  readonly triggers: FakeTrigger[] = [];
  readonly logs: string[] = [];
  /** Session.getActiveUserLocale(): 'zh_CN' unless a test sets 'en_US'. */
  locale = 'zh_CN';
  /** False in a time-driven trigger: getUi() throws, as it does there. */
  uiAvailable = true;
  /** Spreadsheets (by id) the current user may not open: openById throws, as for a file not shared. */
  readonly forbidden = new Set<string>();
  spreadsheet: FakeSpreadsheet;

  readonly _scriptProps: FakeProperties;
  readonly _scriptCache: FakeCache;
  readonly _docCaches = new Map<string, FakeCache>();
  readonly _userCaches = new Map<string, FakeCache>();
  private readonly docProps = new Map<string, FakeProperties>();
  private readonly userProps = new Map<string, FakeProperties>();
  private readonly locks = new Map<string, LockState>();
  private execSeq = 0;
  private exec: { id: number; user: string };
  private readonly htmlDir: string;

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
  readonly Charts = { ChartType };

  constructor(opts: FakeGasOptions = {}) {
    this.owner = (opts.owner ?? 'owner@jmszgh.cn').toLowerCase();
    this.exec = { id: ++this.execSeq, user: (opts.user ?? this.owner).toLowerCase() };
    this.htmlDir = opts.htmlDir ?? join(__dirnameOf(), '..', '..', 'dist');
    this.ui = new FakeUi(this._counter);
    this._scriptProps = new FakeProperties(this._counter);
    this._scriptCache = new FakeCache(this._counter);
    this.spreadsheet = new FakeSpreadsheet(this, opts.name ?? '荆门市困难职工帮扶');
    this.spreadsheet.insertSheet('工作表1');
    this.SpreadsheetApp = new FakeSpreadsheetApp(this);
    this.PropertiesService = new FakePropertiesService(this);
    this.CacheService = new FakeCacheService(this);
    this.LockService = new FakeLockService(this);
    this.ScriptApp = new FakeScriptApp(this._counter, this.triggers, () => this.exec.user);
    this.Session = new FakeSession(this._counter, () => this.exec.user, () => this.locale);
    this.MailApp = new FakeMailApp(this._counter, this.mails, () => this.exec.user);
    this.HtmlService = new FakeHtmlService(this._counter, (name) => this.readHtml(name));
    this.Utilities = new FakeUtilities(this._counter);
    this.Logger = new FakeLogger(this._counter, this.logs);
    this._counter.reset(); // making the first sheet is setup, not the code under test
  }

  /** The e-mail the current execution runs as. */
  currentUser(): string {
    return this.exec.user;
  }

  /** Makes `email` the active user of the current execution. */
  setUser(email: string): void {
    this.exec = { ...this.exec, user: email.toLowerCase() };
  }

  /** Runs `fn` as another execution (another person's request arriving meanwhile). */
  runAs<T>(email: string, fn: () => T): T {
    const outer = this.exec;
    this.exec = { id: ++this.execSeq, user: email.toLowerCase() };
    try {
      return fn();
    } finally {
      this.releaseLocksOf(this.exec.id);
      this.exec = outer;
    }
  }

  /** Runs `fn` as a time-driven trigger owned by `owner` would: no UI, its own execution. */
  runTrigger<T>(fn: () => T, owner = this.owner): T {
    const ui = this.uiAvailable;
    this.uiAvailable = false;
    try {
      return this.runAs(owner, fn);
    } finally {
      this.uiAvailable = ui;
    }
  }

  /** Another spreadsheet (a county's own file) that openById / openByUrl can reach. */
  newSpreadsheet(name: string): FakeSpreadsheet {
    const ss = new FakeSpreadsheet(this, name);
    ss.insertSheet('工作表1');
    return ss;
  }

  _checkAccess(ss: FakeSpreadsheet): void {
    if (this.forbidden.has(ss._id)) throw new Error('You do not have permission to access the requested document.');
  }

  _docProps(id: string): FakeProperties {
    return this._keyed(this.docProps, id, () => new FakeProperties(this._counter));
  }
  _userProps(user: string): FakeProperties {
    return this._keyed(this.userProps, user, () => new FakeProperties(this._counter));
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
    const state = this._keyed(this.locks, scope, () => ({ holder: null }) as LockState);
    return new FakeLock(this._counter, state, () => this.exec.id);
  }
  private releaseLocksOf(execId: number): void {
    // An execution that ends releases what it held, as Apps Script does.
    for (const s of this.locks.values()) if (s.holder === execId) s.holder = null;
  }
  private readHtml(name: string): string | null {
    const file = join(this.htmlDir, name.endsWith('.html') ? name : `${name}.html`);
    return existsSync(file) ? readFileSync(file, 'utf8') : null;
  }
}

function __dirnameOf(): string {
  // Under jest (CommonJS) __dirname exists; under tsx (ESM) fall back to the working directory's harness/gas.
  return typeof __dirname === 'string' ? __dirname : join(process.cwd(), 'harness', 'gas');
}

export function createFakeGas(opts: FakeGasOptions = {}): FakeGas {
  return new FakeGas(opts);
}

export const GLOBAL_NAMES = [
  'SpreadsheetApp', 'PropertiesService', 'CacheService', 'LockService', 'ScriptApp', 'Session', 'MailApp', 'HtmlService', 'Utilities', 'Logger', 'Charts',
] as const;

/** Puts the services on `target` (globalThis, or a vm context) under their Apps Script names. */
export function installGlobals(target: object, fake: FakeGas): void {
  for (const name of GLOBAL_NAMES) {
    Object.defineProperty(target, name, { value: fake[name], configurable: true, writable: true, enumerable: false });
  }
}
