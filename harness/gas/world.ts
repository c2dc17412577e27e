/**
 * The world every fake Apps Script project lives in: the spreadsheets (any project may
 * open one by id), the ID-token issuer, the deployed web apps, the call counter, and the
 * stack of executions. An execution is one run of script code — a menu click, a sidebar
 * call, a trigger, a custom function, a web-app request — and says who it runs as:
 *
 *   activeUser     what Session.getActiveUser().getEmail() reports ('' when Google hides it)
 *   effectiveUser  what Session.getEffectiveUser().getEmail() reports
 *   authority      whose rights every write is checked against (the effective user, even when
 *                  Session hides the address, e.g. a simple trigger across domains)
 *   authMode       ScriptApp.AuthMode of the execution
 *
 * https://developers.google.com/apps-script/reference/base/session (getActiveUser / getEffectiveUser)
 */
import { CallCounter } from './counter';
import type { FormulaContext, GasEnv } from './env';
import { FakeIssuer } from './identity';

export type ExecutionKind = 'menu' | 'trigger' | 'simple' | 'custom' | 'webapp';
export type AuthModeName = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

export interface Execution {
  readonly id: number;
  readonly kind: ExecutionKind;
  /** The project whose code runs (its script properties, triggers, audience). */
  readonly projectId: string;
  activeUser: string;
  effectiveUser: string;
  authority: string;
  readonly authMode: AuthModeName;
  /** SpreadsheetApp.getUi() works (false in time-driven triggers, web apps, custom functions). */
  readonly ui: boolean;
}

/** What fake.execution() returns. */
export interface ExecutionInfo {
  kind: ExecutionKind;
  activeUser: string;
  effectiveUser: string;
  authMode: AuthModeName;
  /** Whose rights writes are checked against (see the file comment). */
  authority: string;
  projectId: string;
}

/** Sheets' own message for a write that a protection refuses. */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** Scopes named in Apps Script's "You do not have permission to call X" message. */
export const SCOPES = {
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  external: 'https://www.googleapis.com/auth/script.external_request',
  mail: 'https://www.googleapis.com/auth/script.send_mail',
  scriptapp: 'https://www.googleapis.com/auth/script.scriptapp',
  openid: 'openid',
  email: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

export function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).toLowerCase();
}

export function noPermission(call: string, scope?: string): Error {
  return new Error(`You do not have permission to call ${call}${scope ? `. Required permissions: ${scope}` : ''}`);
}

export interface WebAppDeployment {
  readonly id: string;
  readonly url: string;
  readonly projectId: string;
  readonly executeAs: 'USER_DEPLOYING' | 'USER_ACCESSING';
  readonly access: 'ANYONE' | 'ANYONE_ANONYMOUS' | 'DOMAIN' | 'MYSELF';
  readonly deployer: string;
  readonly doGet?: (e: unknown) => unknown;
  readonly doPost?: (e: unknown) => unknown;
  readonly realm?: object;
}

export class World implements GasEnv {
  readonly _counter = new CallCounter();
  readonly owner: string;
  readonly toasts: { message: string; title: string; seconds: number }[] = [];
  readonly spreadsheets = new Map<string, unknown>();
  evaluate: ((formula: string, at: FormulaContext) => unknown) | null = null;
  readonly issuer: FakeIssuer;
  readonly webApps = new Map<string, WebAppDeployment>();
  /** Session.getActiveUserLocale(): 'zh_CN' unless a test sets 'en_US'. */
  locale = 'zh_CN';
  /** Every lock scope of every project, by scope: which execution holds it. */
  readonly locks = new Map<string, { holder: number | null }>();
  private readonly stack: Execution[] = [];
  private seq = 0;

  constructor(owner: string, firstUser: string, projectId: string) {
    this.owner = owner;
    this.issuer = new FakeIssuer(this._counter);
    this.stack.push(this.newExecution('menu', projectId, { activeUser: firstUser, effectiveUser: firstUser, authority: firstUser }, 'FULL', true));
  }

  exec(): Execution {
    return this.stack[this.stack.length - 1];
  }

  /** The user whose rights apply to what the current execution does. */
  currentUser(): string {
    return this.exec().authority;
  }

  newExecution(
    kind: ExecutionKind,
    projectId: string,
    who: { activeUser: string; effectiveUser: string; authority: string },
    authMode: AuthModeName,
    ui: boolean,
  ): Execution {
    return {
      id: ++this.seq,
      kind,
      projectId,
      authMode,
      ui,
      activeUser: who.activeUser.toLowerCase(),
      effectiveUser: who.effectiveUser.toLowerCase(),
      authority: who.authority.toLowerCase(),
    };
  }

  /** Runs fn as `e`; when it ends, the locks it held are released, as when an Apps Script execution ends. */
  run<T>(e: Execution, fn: () => T): T {
    this.stack.push(e);
    try {
      return fn();
    } finally {
      this.stack.pop();
      for (const l of this.locks.values()) if (l.holder === e.id) l.holder = null;
    }
  }

  /**
   * Sheets computes a formula's custom function on its own, not as the person reading the
   * cell: anonymously and read-only. https://developers.google.com/apps-script/guides/sheets/functions
   */
  asCustomFunction<T>(fn: () => T): T {
    const cur = this.exec();
    if (cur.kind === 'custom') return fn();
    return this.run(this.newExecution('custom', cur.projectId, { activeUser: '', effectiveUser: '', authority: '' }, 'CUSTOM_FUNCTION', false), fn);
  }

  /** Refuses a write in a custom function, which may only read. */
  guardWrite(method: string): void {
    // https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services
    // "Spreadsheet: Read only (can use most get*() methods, but not set*())."
    if (this.exec().kind === 'custom') throw noPermission(method);
  }

  /**
   * Refuses a service that needs the user's authorization in a simple trigger or a custom
   * function, and one whose scope the running project's manifest does not list.
   */
  guardAuthorized(call: string, scope: string, alsoInCustomFunctions = true): void {
    const k = this.exec().kind;
    // https://developers.google.com/apps-script/guides/triggers#restrictions — simple triggers
    // "cannot access services that require authorization" and "cannot access other files".
    if (k === 'simple' || (alsoInCustomFunctions && k === 'custom')) throw noPermission(call, scope);
    if (!this.hasScope(scope)) throw noPermission(call, scope);
  }

  /**
   * Whether the running project may use `scope`. A manifest that sets oauthScopes explicitly
   * gets only those: "if you are setting your scopes explicitly you must manually add this
   * scope" (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app,
   * https://developers.google.com/apps-script/concepts/scopes#setting_explicit_scopes).
   */
  hasScope(scope: string): boolean {
    const listed = this.manifests.get(this.exec().projectId);
    return !listed || listed.has(scope);
  }

  /** Each project's explicit oauthScopes (absent: Apps Script detects them, nothing is refused). */
  readonly manifests = new Map<string, Set<string>>();
}
