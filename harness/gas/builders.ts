/**
 * The builder objects of SpreadsheetApp: data validation, conditional formats, charts,
 * plus Protection and User. Each keeps what it was told so a test can read it back
 * through the same getters Apps Script offers.
 */
import type { Box } from './a1';
import { countCalls, type CallCounter, type Counted } from './counter';
import type { FakeRange } from './spreadsheet';
import type { Shape } from './types';

export class FakeUser implements Shape<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  getUsername(): string {
    return this.email.split('@')[0];
  }
  toString(): string {
    return this.email;
  }
}

// ── data validation ─────────────────────────────────────────────────────────

export const DataValidationCriteria = {
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CHECKBOX: 'CHECKBOX',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
} as const;

interface ValidationSpec {
  type: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export class FakeDataValidation
  implements Counted, Shape<GoogleAppsScript.Spreadsheet.DataValidation, 'getCriteriaValues' | 'getAllowInvalid' | 'getHelpText' | 'copy'>
{
  constructor(
    readonly _counter: CallCounter,
    readonly _spec: ValidationSpec,
  ) {}
  getCriteriaType(): string {
    return this._spec.type;
  }
  getCriteriaValues(): unknown[] {
    return [...this._spec.values];
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  getHelpText(): string {
    return this._spec.helpText;
  }
  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this._counter, { ...this._spec, values: [...this._spec.values] });
  }
  /** Whether a stored value passes (only what a reject-input rule needs to check). */
  _accepts(v: unknown): boolean {
    if (v === '' || v === null || v === undefined) return true;
    const s = this._spec;
    switch (s.type) {
      case 'VALUE_IN_LIST':
        return (s.values[0] as unknown[]).map(String).includes(String(v));
      case 'CHECKBOX':
        return s.values.length === 0 ? typeof v === 'boolean' : s.values.map(String).includes(String(v));
      case 'NUMBER_BETWEEN':
        return typeof v === 'number' && v >= (s.values[0] as number) && v <= (s.values[1] as number);
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return typeof v === 'number' && v >= (s.values[0] as number);
      default:
        return true;
    }
  }
}

export class FakeDataValidationBuilder
  implements
    Counted,
    Shape<
      GoogleAppsScript.Spreadsheet.DataValidationBuilder,
      | 'requireValueInList'
      | 'requireNumberBetween'
      | 'requireNumberGreaterThanOrEqualTo'
      | 'requireDate'
      | 'requireTextIsEmail'
      | 'requireFormulaSatisfied'
      | 'setAllowInvalid'
      | 'setHelpText'
      | 'getCriteriaValues'
      | 'build'
    >
{
  constructor(
    readonly _counter: CallCounter,
    private spec: ValidationSpec = { type: '', values: [], allowInvalid: true, helpText: '' },
  ) {}
  requireValueInList(values: string[], showDropdown = true): this {
    this.spec = { ...this.spec, type: 'VALUE_IN_LIST', values: [[...values], showDropdown] };
    return this;
  }
  requireValueInRange(range: FakeRange, showDropdown = true): this {
    this.spec = { ...this.spec, type: 'VALUE_IN_RANGE', values: [range, showDropdown] };
    return this;
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    this.spec = { ...this.spec, type: 'CHECKBOX', values: checked === undefined ? [] : [checked, unchecked] };
    return this;
  }
  requireNumberBetween(start: number, end: number): this {
    this.spec = { ...this.spec, type: 'NUMBER_BETWEEN', values: [start, end] };
    return this;
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    this.spec = { ...this.spec, type: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', values: [n] };
    return this;
  }
  requireDate(): this {
    this.spec = { ...this.spec, type: 'DATE_IS_VALID_DATE', values: [] };
    return this;
  }
  requireTextIsEmail(): this {
    this.spec = { ...this.spec, type: 'TEXT_IS_VALID_EMAIL', values: [] };
    return this;
  }
  requireFormulaSatisfied(formula: string): this {
    this.spec = { ...this.spec, type: 'CUSTOM_FORMULA', values: [formula] };
    return this;
  }
  setAllowInvalid(allow: boolean): this {
    this.spec = { ...this.spec, allowInvalid: allow };
    return this;
  }
  setHelpText(text: string): this {
    this.spec = { ...this.spec, helpText: text };
    return this;
  }
  getCriteriaType(): string {
    return this.spec.type;
  }
  getCriteriaValues(): unknown[] {
    return [...this.spec.values];
  }
  build(): FakeDataValidation {
    if (this.spec.type === '') throw new Error('Data validation rule has no criteria');
    return new FakeDataValidation(this._counter, { ...this.spec, values: [...this.spec.values] });
  }
}

// ── conditional formats ─────────────────────────────────────────────────────

interface ConditionSpec {
  type: string;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

export class FakeBooleanCondition {
  constructor(private readonly spec: ConditionSpec) {}
  getCriteriaType(): string {
    return this.spec.type;
  }
  getCriteriaValues(): unknown[] {
    return [...this.spec.values];
  }
  getBackground(): string | null {
    return this.spec.background;
  }
  getFontColor(): string | null {
    return this.spec.fontColor;
  }
  getBold(): boolean | null {
    return this.spec.bold;
  }
}

export class FakeConditionalFormatRule
  implements Counted, Shape<GoogleAppsScript.Spreadsheet.ConditionalFormatRule, 'getRanges' | 'getBooleanCondition' | 'copy'>
{
  constructor(
    readonly _counter: CallCounter,
    readonly _spec: ConditionSpec,
    readonly _ranges: FakeRange[],
  ) {}
  getRanges(): FakeRange[] {
    return [...this._ranges];
  }
  getBooleanCondition(): FakeBooleanCondition {
    return new FakeBooleanCondition(this._spec);
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this._counter, { ...this._spec }, [...this._ranges]);
  }
}

export class FakeConditionalFormatRuleBuilder
  implements
    Counted,
    Shape<
      GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
      'whenFormulaSatisfied' | 'whenTextEqualTo' | 'whenNumberGreaterThan' | 'whenCellNotEmpty' | 'setBackground' | 'setFontColor' | 'setBold' | 'build'
    >
{
  constructor(
    readonly _counter: CallCounter,
    private spec: ConditionSpec = { type: '', values: [], background: null, fontColor: null, bold: null },
    private ranges: FakeRange[] = [],
  ) {}
  whenFormulaSatisfied(formula: string): this {
    this.spec = { ...this.spec, type: 'CUSTOM_FORMULA', values: [formula] };
    return this;
  }
  whenTextEqualTo(text: string): this {
    this.spec = { ...this.spec, type: 'TEXT_EQ', values: [text] };
    return this;
  }
  whenNumberGreaterThan(n: number): this {
    this.spec = { ...this.spec, type: 'NUMBER_GREATER_THAN', values: [n] };
    return this;
  }
  whenCellNotEmpty(): this {
    this.spec = { ...this.spec, type: 'CELL_NOT_EMPTY', values: [] };
    return this;
  }
  setBackground(color: string | null): this {
    this.spec = { ...this.spec, background: color };
    return this;
  }
  setFontColor(color: string | null): this {
    this.spec = { ...this.spec, fontColor: color };
    return this;
  }
  setBold(bold: boolean | null): this {
    this.spec = { ...this.spec, bold };
    return this;
  }
  setRanges(ranges: FakeRange[]): this {
    this.ranges = [...ranges];
    return this;
  }
  build(): FakeConditionalFormatRule {
    if (this.spec.type === '') throw new Error('Conditional format rule has no condition');
    if (this.ranges.length === 0) throw new Error('Conditional format rule has no ranges');
    return new FakeConditionalFormatRule(this._counter, { ...this.spec }, [...this.ranges]);
  }
}

// ── charts ──────────────────────────────────────────────────────────────────

export const ChartType = {
  AREA: 'AREA',
  BAR: 'BAR',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  LINE: 'LINE',
  PIE: 'PIE',
  SCATTER: 'SCATTER',
  TABLE: 'TABLE',
} as const;

export interface ChartSpec {
  id: string;
  type: string;
  ranges: FakeRange[];
  options: Record<string, unknown>;
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  numHeaders: number;
}

export class FakeChartOptions {
  constructor(private readonly options: Record<string, unknown>) {}
  get(key: string): unknown {
    return this.options[key] ?? null;
  }
}

export class FakeEmbeddedChart implements Counted {
  constructor(
    readonly _counter: CallCounter,
    readonly _spec: ChartSpec,
  ) {}
  getChartId(): string {
    return this._spec.id;
  }
  getId(): string {
    return this._spec.id;
  }
  getRanges(): FakeRange[] {
    return [...this._spec.ranges];
  }
  getOptions(): FakeChartOptions {
    return new FakeChartOptions({ ...this._spec.options });
  }
  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number } {
    const s = this._spec;
    return { getAnchorRow: () => s.anchorRow, getAnchorColumn: () => s.anchorColumn };
  }
  modify(): FakeChartBuilder {
    return new FakeChartBuilder(this._counter, { ...this._spec, ranges: [...this._spec.ranges], options: { ...this._spec.options } });
  }
}

let chartSeq = 0;

export class FakeChartBuilder implements Counted {
  constructor(
    readonly _counter: CallCounter,
    readonly _spec: ChartSpec = {
      id: `chart-${++chartSeq}`,
      type: ChartType.COLUMN,
      ranges: [],
      options: {},
      anchorRow: 1,
      anchorColumn: 1,
      offsetX: 0,
      offsetY: 0,
      numHeaders: -1,
    },
  ) {}
  setChartType(type: string): this {
    this._spec.type = type;
    return this;
  }
  getChartType(): string {
    return this._spec.type;
  }
  asColumnChart(): this {
    return this.setChartType(ChartType.COLUMN);
  }
  asBarChart(): this {
    return this.setChartType(ChartType.BAR);
  }
  asPieChart(): this {
    return this.setChartType(ChartType.PIE);
  }
  asLineChart(): this {
    return this.setChartType(ChartType.LINE);
  }
  addRange(range: FakeRange): this {
    this._spec.ranges.push(range);
    return this;
  }
  clearRanges(): this {
    this._spec.ranges = [];
    return this;
  }
  getRanges(): FakeRange[] {
    return [...this._spec.ranges];
  }
  setPosition(anchorRow: number, anchorColumn: number, offsetX: number, offsetY: number): this {
    Object.assign(this._spec, { anchorRow, anchorColumn, offsetX, offsetY });
    return this;
  }
  setOption(key: string, value: unknown): this {
    this._spec.options[key] = value;
    return this;
  }
  setTitle(title: string): this {
    return this.setOption('title', title);
  }
  setNumHeaders(n: number): this {
    this._spec.numHeaders = n;
    return this;
  }
  setStacked(): this {
    return this.setOption('isStacked', true);
  }
  setLegendPosition(position: unknown): this {
    return this.setOption('legend.position', position);
  }
  setXAxisTitle(title: string): this {
    return this.setOption('hAxis.title', title);
  }
  setYAxisTitle(title: string): this {
    return this.setOption('vAxis.title', title);
  }
  build(): FakeEmbeddedChart {
    if (this._spec.ranges.length === 0) throw new Error('The chart has no data ranges');
    return new FakeEmbeddedChart(this._counter, { ...this._spec, ranges: [...this._spec.ranges], options: { ...this._spec.options } });
  }
}

// ── protection ──────────────────────────────────────────────────────────────

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

/** A protected or unprotected area; `openRows` when given as whole columns ('A:A', 'C2:C'): it grows with the sheet. */
export interface Area extends Box {
  openRows: boolean;
  openCols: boolean;
}

/** What a protection needs of its sheet and of the world. */
export interface ProtectionHost {
  readonly _counter: CallCounter;
  /** The spreadsheet's owner, who may always edit. */
  readonly owner: string;
  /** The current execution's effective user (whose rights apply). */
  currentUser(): string;
  /** Refuses any change in a custom function. */
  guardWrite(method: string): void;
  _removeProtection(p: FakeProtection): void;
  /** The area as it is now (open areas reach the sheet's current last row / column). */
  _resolve(a: Area): Box;
  _rangeOf(a: Area | null): FakeRange;
  _areaOf(r: FakeRange): Area;
}

type UserLike = string | { getEmail(): string };
const emailOf = (u: UserLike) => (typeof u === 'string' ? u : u.getEmail()).trim().toLowerCase();

const sameDomain = (a: string, b: string) => {
  const d = (e: string) => e.slice(e.lastIndexOf('@') + 1).toLowerCase();
  return a.includes('@') && d(a) === d(b);
};

/**
 * A protected range or sheet, enforced: a write by a user who cannot edit it throws
 * (FakeSheet._guard), and so does a change to the protection itself by such a user.
 *
 * https://developers.google.com/apps-script/reference/spreadsheet/protection
 * - "Neither the owner of the spreadsheet nor the current user can be removed" (removeEditor);
 * - getEditors "throws an exception if the user does not have permission to edit";
 * - a protected sheet "may include unprotected regions" (setUnprotectedRanges, SHEET only);
 * - warning-based protection: "every user can edit data in the area" after a warning.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#protect — until the
 * script changes the editors (add/removeEditor(s), setDomainEdit) "the permissions mirror those
 * of the spreadsheet itself, which effectively means that the range remains unprotected."
 */
export class FakeProtection
  implements
    Counted,
    Shape<
      GoogleAppsScript.Spreadsheet.Protection,
      | 'getDescription'
      | 'setDescription'
      | 'isWarningOnly'
      | 'setWarningOnly'
      | 'canDomainEdit'
      | 'setDomainEdit'
      | 'canEdit'
      | 'remove'
      | 'addEditor'
      | 'addEditors'
      | 'removeEditor'
      | 'removeEditors'
      | 'getEditors'
    >
{
  readonly _counter: CallCounter;
  private description = '';
  private warningOnly = false;
  private domainEdit = false;
  /** True until the editor list is first changed: then everyone who may edit the file may edit here. */
  private mirror = true;
  private readonly editors = new Set<string>();
  _unprotected: Area[] = [];

  constructor(
    private readonly host: ProtectionHost,
    readonly _type: string,
    public _area: Area | null,
  ) {
    this._counter = host._counter;
    // The owner, and the effective user who protects, are editors of a new protection.
    this.editors.add(host.owner.toLowerCase());
    if (host.currentUser()) this.editors.add(host.currentUser().toLowerCase());
  }
  getProtectionType(): string {
    return this._type;
  }
  /** For a sheet protection: a range spanning the entire sheet (as the reference says). */
  getRange(): FakeRange {
    return this.host._rangeOf(this._area);
  }
  getDescription(): string {
    return this.description;
  }
  setDescription(d: string): this {
    this._guardChange('setDescription');
    this.description = d;
    return this;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  setWarningOnly(w: boolean): this {
    this._guardChange('setWarningOnly');
    this.warningOnly = w;
    return this;
  }
  canDomainEdit(): boolean {
    return this.domainEdit;
  }
  setDomainEdit(d: boolean): this {
    this._guardChange('setDomainEdit');
    this.domainEdit = d;
    this.mirror = false;
    return this;
  }
  getEditors(): FakeUser[] {
    if (!this._allows(this.host.currentUser())) throw new Error(PROTECTED);
    return [...this.editors].map((e) => new FakeUser(e));
  }
  addEditor(user: UserLike): this {
    this._guardChange('addEditor');
    this.editors.add(emailOf(user));
    this.mirror = false;
    return this;
  }
  addEditors(users: UserLike[]): this {
    this._guardChange('addEditors');
    for (const u of users) this.editors.add(emailOf(u));
    this.mirror = false;
    return this;
  }
  removeEditor(user: UserLike): this {
    this._guardChange('removeEditor');
    this._remove(emailOf(user));
    this.mirror = false;
    return this;
  }
  removeEditors(users: UserLike[]): this {
    this._guardChange('removeEditors');
    for (const u of users) this._remove(emailOf(u));
    this.mirror = false;
    return this;
  }
  canEdit(): boolean {
    return this._allows(this.host.currentUser());
  }
  remove(): void {
    this._guardChange('remove');
    this.host._removeProtection(this);
  }
  getUnprotectedRanges(): FakeRange[] {
    return this._unprotected.map((a) => this.host._rangeOf(a));
  }
  /** "Unprotects the given array of ranges within a protected sheet"; a range protection has none. */
  setUnprotectedRanges(ranges: FakeRange[]): this {
    this._guardChange('setUnprotectedRanges');
    if (this._type !== ProtectionType.SHEET) throw new Error('Unprotected ranges can only be set on a protected sheet.');
    this._unprotected = ranges.map((r) => this.host._areaOf(r));
    return this;
  }
  setRange(range: FakeRange): this {
    this._guardChange('setRange');
    if (this._type !== ProtectionType.RANGE) throw new Error('A sheet protection has no range to set.');
    this._area = this.host._areaOf(range);
    return this;
  }
  _remove(email: string): void {
    if (email === this.host.owner.toLowerCase() || email === this.host.currentUser().toLowerCase()) return;
    this.editors.delete(email);
  }
  /** Whether `email` may edit the protected cells (warning-only protections are checked by the sheet). */
  _allows(email: string): boolean {
    const e = email.toLowerCase();
    if (e === this.host.owner.toLowerCase()) return true;
    if (!e) return false;
    return this.mirror || this.editors.has(e) || (this.domainEdit && sameDomain(e, this.host.owner));
  }
  _isWarningOnly(): boolean {
    return this.warningOnly;
  }
  _guardChange(method: string): void {
    this.host.guardWrite(`Protection.${method}`);
    if (!this._allows(this.host.currentUser())) throw new Error(PROTECTED);
  }
}

const PROTECTED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

countCalls(FakeDataValidation, 'DataValidation');
countCalls(FakeDataValidationBuilder, 'DataValidationBuilder');
countCalls(FakeConditionalFormatRule, 'ConditionalFormatRule');
countCalls(FakeConditionalFormatRuleBuilder, 'ConditionalFormatRuleBuilder');
countCalls(FakeEmbeddedChart, 'EmbeddedChart');
countCalls(FakeChartBuilder, 'EmbeddedChartBuilder');
countCalls(FakeProtection, 'Protection');
