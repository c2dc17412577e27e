/**
 * SpreadsheetApp.getUi() and HtmlService. Menus, sidebars, dialogs and alerts are
 * recorded as data so a test (or the playground page) can show and check them.
 */
import { countCalls, type CallCounter, type Counted } from './counter';
import type { Shape } from './types';

export type MenuItem = { label: string; fn: string } | 'separator' | { sub: string; items: MenuItem[] };
export interface RecordedMenu {
  title: string;
  addon?: boolean;
  items: MenuItem[];
}

export class FakeHtmlOutput
  implements
    Counted,
    Shape<
      GoogleAppsScript.HTML.HtmlOutput,
      'setTitle' | 'getTitle' | 'setWidth' | 'getWidth' | 'setHeight' | 'getHeight' | 'getContent' | 'setContent' | 'append'
    >
{
  _title = '';
  _width = 300;
  _height = 500;
  constructor(
    readonly _counter: CallCounter,
    public _content: string,
    readonly _file: string | null = null,
  ) {}
  setTitle(title: string): this {
    this._title = title;
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setWidth(w: number): this {
    this._width = w;
    return this;
  }
  getWidth(): number {
    return this._width;
  }
  setHeight(h: number): this {
    this._height = h;
    return this;
  }
  getHeight(): number {
    return this._height;
  }
  getContent(): string {
    return this._content;
  }
  setContent(content: string): this {
    this._content = content;
    return this;
  }
  append(addition: string): this {
    this._content += addition;
    return this;
  }
  setSandboxMode(): this {
    return this;
  }
  setXFrameOptionsMode(): this {
    return this;
  }
  addMetaTag(): this {
    return this;
  }
  setFaviconUrl(): this {
    return this;
  }
}

export class FakeHtmlService implements Counted, Shape<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutput' | 'createHtmlOutputFromFile'> {
  readonly SandboxMode = { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' };
  readonly XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' };
  constructor(
    readonly _counter: CallCounter,
    private readonly readFile: (name: string) => string | null,
  ) {}
  createHtmlOutput(html = ''): FakeHtmlOutput {
    return new FakeHtmlOutput(this._counter, String(html));
  }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    const content = this.readFile(filename);
    if (content === null) throw new Error(`No HTML file named ${filename} was found.`);
    return new FakeHtmlOutput(this._counter, content, filename);
  }
}

export class FakeMenu implements Counted, Shape<GoogleAppsScript.Base.Menu, 'addItem' | 'addSeparator' | 'addToUi'> {
  readonly _items: MenuItem[] = [];
  constructor(
    readonly _counter: CallCounter,
    readonly _ui: FakeUi,
    readonly _title: string,
    readonly _addon: boolean,
  ) {}
  addItem(caption: string, functionName: string): this {
    this._items.push({ label: caption, fn: functionName });
    return this;
  }
  addSeparator(): this {
    this._items.push('separator');
    return this;
  }
  addSubMenu(menu: FakeMenu): this {
    this._items.push({ sub: menu._title, items: menu._items });
    return this;
  }
  addToUi(): void {
    const title = this._addon ? this._ui._addonTitle : this._title;
    // Adding a menu of the same title again replaces it, as reopening the document would.
    const i = this._ui.menus.findIndex((m) => m.title === title && !!m.addon === this._addon);
    const menu: RecordedMenu = { title, items: this._items, ...(this._addon ? { addon: true } : {}) };
    if (i >= 0) this._ui.menus[i] = menu;
    else this._ui.menus.push(menu);
  }
}

export const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
export const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;

export class FakeUi implements Counted, Shape<GoogleAppsScript.Base.Ui, 'createMenu' | 'createAddonMenu'> {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  readonly menus: RecordedMenu[] = [];
  readonly sidebars: { title: string; html: string; file: string | null }[] = [];
  readonly dialogs: { title: string; html: string; modal: boolean }[] = [];
  readonly alerts: { title: string; prompt: string }[] = [];
  /** What the next alert / prompt answers (a test sets it; default OK with empty text). */
  nextResponse: { button: string; text: string } = { button: Button.OK, text: '' };
  _addonTitle = 'Bangfu';
  constructor(readonly _counter: CallCounter) {}
  createMenu(caption: string): FakeMenu {
    return new FakeMenu(this._counter, this, caption, false);
  }
  createAddonMenu(): FakeMenu {
    return new FakeMenu(this._counter, this, this._addonTitle, true);
  }
  showSidebar(output: FakeHtmlOutput): void {
    this.sidebars.push({ title: output._title, html: output._content, file: output._file });
  }
  showModalDialog(output: FakeHtmlOutput, title: string): void {
    this.dialogs.push({ title, html: output._content, modal: true });
  }
  showModelessDialog(output: FakeHtmlOutput, title: string): void {
    this.dialogs.push({ title, html: output._content, modal: false });
  }
  alert(a: string, b?: string, _buttons?: string): string {
    this.alerts.push(b === undefined || typeof b !== 'string' ? { title: '', prompt: a } : { title: a, prompt: b });
    return this.nextResponse.button;
  }
  prompt(a: string, b?: string): { getResponseText(): string; getSelectedButton(): string } {
    this.alerts.push(b === undefined || typeof b !== 'string' ? { title: '', prompt: a } : { title: a, prompt: b });
    const r = this.nextResponse;
    return { getResponseText: () => r.text, getSelectedButton: () => r.button };
  }
}

countCalls(FakeHtmlOutput, 'HtmlOutput');
countCalls(FakeHtmlService, 'HtmlService');
countCalls(FakeMenu, 'Menu');
countCalls(FakeUi, 'Ui');
