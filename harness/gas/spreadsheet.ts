/**
 * An in-memory Spreadsheet / Sheet / Range with the behaviour Bangfu relies on:
 * values, formulas (evaluated by a pluggable hook), notes, number formats, data
 * validation (a reject-input list rule throws, as in Sheets), merges, frozen rows,
 * protections, conditional formats and charts. Ranges outside the sheet throw, as in
 * Sheets: code must insert rows before writing past the last one.
 *
 * Storage is row arrays (a 20,000 × 90 case sheet is 20,000 small arrays), formulas and
 * notes in maps keyed by cell, formats as rectangle rules (a format on a whole column is
 * one rule, not 20,000 cells).
 */
import { a1Of, columnLetters, openEnds, parseA1, splitSheet, type Box } from './a1';
import {
  ChartType,
  FakeChartBuilder,
  FakeConditionalFormatRule,
  FakeDataValidation,
  FakeEmbeddedChart,
  FakeProtection,
  FakeUser,
  ProtectionType,
  type Area,
  type ProtectionHost,
} from './builders';
import { displayOf, readOut, storeInput } from './cells';
import { countCalls, type CallCounter, type Counted } from './counter';
import type { GasEnv } from './env';
import type { Shape } from './types';

const KEY = 20_000; // > the 18,278 columns Sheets allows
const cellKey = (r: number, c: number) => r * KEY + c;
const DEFAULT_FORMAT = '0.###############';

interface Rule<T> extends Box {
  value: T;
}

type Style =
  | 'numberFormat'
  | 'validation'
  | 'background'
  | 'fontColor'
  | 'fontWeight'
  | 'fontSize'
  | 'fontFamily'
  | 'horizontalAlignment'
  | 'verticalAlignment'
  | 'wrap'
  | 'border';

function contains(b: Box, r: number, c: number): boolean {
  return r >= b.row && r < b.row + b.numRows && c >= b.col && c < b.col + b.numCols;
}

function intersects(a: Box, b: Box): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols;
}

/** The parts of `a` not inside `b` (at most four rectangles). */
function subtract(a: Box, b: Box): Box[] {
  if (!intersects(a, b)) return [a];
  const out: Box[] = [];
  const aLastRow = a.row + a.numRows - 1;
  const aLastCol = a.col + a.numCols - 1;
  const top = Math.max(a.row, b.row);
  const bottom = Math.min(aLastRow, b.row + b.numRows - 1);
  if (a.row < b.row) out.push({ row: a.row, col: a.col, numRows: b.row - a.row, numCols: a.numCols });
  if (aLastRow > bottom) out.push({ row: bottom + 1, col: a.col, numRows: aLastRow - bottom, numCols: a.numCols });
  if (a.col < b.col) out.push({ row: top, col: a.col, numRows: bottom - top + 1, numCols: b.col - a.col });
  const bLastCol = b.col + b.numCols - 1;
  if (aLastCol > bLastCol) out.push({ row: top, col: bLastCol + 1, numRows: bottom - top + 1, numCols: aLastCol - bLastCol });
  return out;
}

/** Sheets' own message when a protection refuses a write. */
const PROTECTED_MESSAGE = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function outside(): Error {
  return new Error('The coordinates of the range are outside the dimensions of the sheet.');
}

function checkShape(values: unknown[][], box: Box): void {
  if (!Array.isArray(values) || values.length !== box.numRows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(values) ? values.length : 0} but the range has ${box.numRows}.`,
    );
  }
  for (const row of values) {
    if (!Array.isArray(row) || row.length !== box.numCols) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${box.numCols}.`,
      );
    }
  }
}

/** A span [start, start+n) after inserting (by > 0) or deleting (by < 0) at `at`; null when wholly deleted. */
function shiftSpan(start: number, n: number, at: number, by: number): { start: number; n: number } | null {
  const last = start + n - 1;
  if (by > 0) {
    if (at <= start) return { start: start + by, n };
    if (at <= last) return { start, n: n + by };
    return { start, n };
  }
  const delFirst = at;
  const delLast = at - by - 1;
  if (delLast < start) return { start: start + by, n };
  if (delFirst > last) return { start, n };
  const keepBefore = Math.max(0, delFirst - start);
  const keepAfter = Math.max(0, last - delLast);
  if (keepBefore + keepAfter === 0) return null;
  return { start: start < delFirst ? start : delFirst, n: keepBefore + keepAfter };
}
/** The process's zone: the script's (jest and the CLI set TZ=Asia/Shanghai). */
const processZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

let sheetSeq = 0;
let spreadsheetSeq = 0;

type SpreadsheetMethods =
  | 'getId'
  | 'getName'
  | 'rename'
  | 'getUrl'
  | 'getSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'getNumSheets'
  | 'toast'
  | 'getProtections'
  | 'getActiveRange'
  | 'getRange'
  | 'getSheetByName'
  | 'insertSheet'
  | 'getSheets'
  | 'getSheetById'
  | 'getActiveSheet'
  | 'getOwner';

export class FakeSpreadsheet implements Counted, Shape<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetMethods> {
  readonly _counter: CallCounter;
  readonly _id: string;
  _name: string;
  readonly _sheets: FakeSheet[] = [];
  _active = 0;
  _activeRange: FakeRange | null = null;

  constructor(
    readonly _env: GasEnv,
    name = '荆门市困难职工帮扶',
    id?: string,
  ) {
    this._counter = _env._counter;
    this._id = id ?? `1BfSs${String(++spreadsheetSeq).padStart(4, '0')}${Math.random().toString(36).slice(2, 12)}`;
    this._name = name;
    _env.spreadsheets.set(this._id, this);
  }

  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._name;
  }
  rename(name: string): void {
    this._env.guardWrite('rename');
    this._name = name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  getOwner(): FakeUser {
    return new FakeUser(this._env.owner);
  }
  /** The spreadsheet's zone (File → Settings); null = the script's (process TZ). Helper calendar. */
  _zone: string | null = null;
  getSpreadsheetTimeZone(): string {
    return this._zone ?? processZone();
  }
  /** Changing the zone keeps every cell's wall clock (serial); the Dates getValues returns move. */
  setSpreadsheetTimeZone(timezone: string): void {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone }); // an unknown zone throws, as Sheets refuses it
    this._zone = timezone === processZone() ? null : timezone;
  }
  _namedRanges = new Map<string, FakeRange>();
  /** https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setnamedrangename,-range */
  setNamedRange(name: string, range: FakeRange): void {
    if (!/^[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^(true|false)$/i.test(name)) {
      throw new Error(`Invalid argument: name`);
    }
    this._namedRanges.set(name, range);
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getrangebynamename: null when there is none. */
  getRangeByName(name: string): FakeRange | null {
    const r = this._namedRanges.get(name);
    return r && this._sheets.includes(r._sheet) ? r : null;
  }
  getSpreadsheetLocale(): string {
    return 'zh_CN';
  }
  getSheets(): FakeSheet[] {
    return [...this._sheets];
  }
  getNumSheets(): number {
    return this._sheets.length;
  }
  getSheetByName(name: string): FakeSheet | null {
    return this._sheetByName(name);
  }
  _sheetByName(name: string): FakeSheet | null {
    return this._sheets.find((s) => s._name === name) ?? null;
  }
  getSheetById(id: number): FakeSheet | null {
    return this._sheets.find((s) => s._sheetId === id) ?? null;
  }
  /** insertSheet(), (index), (name), (name, index), with an optional { template } (not modelled: it throws). */
  insertSheet(a?: string | number | { template?: unknown }, b?: number | { template?: unknown }, c?: { template?: unknown }): FakeSheet {
    this._env.guardWrite('insertSheet');
    const name = typeof a === 'string' ? a : undefined;
    const index = typeof a === 'number' ? a : typeof b === 'number' ? b : undefined;
    const options = [a, b, c].find((x) => typeof x === 'object' && x !== null) as { template?: unknown } | undefined;
    if (options?.template) throw new Error('The fake does not copy a template sheet.');
    const sheetName = name ?? `工作表${this._sheets.length + 1}`;
    if (this._sheetByName(sheetName)) {
      throw new Error(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(this, sheetName);
    const at = index === undefined ? this._sheets.length : Math.max(0, Math.min(index, this._sheets.length));
    this._sheets.splice(at, 0, sheet);
    this._active = at;
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    sheet._guard(null, 'deleteSheet');
    if (this._sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    const i = this._sheets.indexOf(sheet);
    if (i >= 0) this._sheets.splice(i, 1);
    this._active = Math.min(this._active, this._sheets.length - 1);
  }
  getActiveSheet(): FakeSheet {
    if (this._sheets.length === 0) this.insertSheet('工作表1');
    return this._sheets[this._active];
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    const i = this._sheets.indexOf(sheet);
    if (i >= 0) this._active = i;
    return sheet;
  }
  getRange(a1: string): FakeRange {
    const { sheet, ref } = splitSheet(a1);
    const s = sheet === null ? this.getActiveSheet() : this._sheetByName(sheet);
    if (!s) throw new Error(`Range not found: ${a1}`);
    return s._rangeA1(ref);
  }
  getActiveRange(): FakeRange | null {
    return this._activeRange;
  }
  setActiveRange(range: FakeRange): FakeRange {
    this._activeRange = range;
    this.setActiveSheet(range._sheet);
    return range;
  }
  /** "Gets an array of all protected ranges or sheets in the spreadsheet." */
  getProtections(type: unknown): FakeProtection[] {
    return this._sheets.flatMap((s) => s._protections.filter((p) => p._type === String(type)));
  }
  toast(message: string, title = '', seconds: number | null = 5): void {
    this._env.toasts.push({ message: String(message), title: String(title), seconds: seconds ?? 5 });
  }
}

type SheetMethods =
  | 'getName'
  | 'setName'
  | 'getSheetId'
  | 'getIndex'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'insertRowAfter'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'deleteRows'
  | 'deleteRow'
  | 'deleteColumns'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setFrozenColumns'
  | 'getFrozenColumns'
  | 'isSheetHidden'
  | 'getColumnWidth'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'hideColumns'
  | 'showColumns'
  | 'isColumnHiddenByUser'
  | 'clearContents'
  | 'clearNotes'
  | 'clearFormats'
  | 'getProtections'
  | 'getCharts'
  | 'getConditionalFormatRules'
  | 'getDataRange'
  | 'getParent'
  | 'getRange'
  | 'newChart'
  | 'protect'
  | 'clear'
  | 'appendRow'
  | 'activate';

export class FakeSheet implements Counted, Shape<GoogleAppsScript.Spreadsheet.Sheet, SheetMethods> {
  readonly _counter: CallCounter;
  readonly _sheetId = ++sheetSeq;
  _values: unknown[][] = [];
  _formulas = new Map<number, string>();
  _notes = new Map<number, string>();
  _styles: Partial<Record<Style, Rule<unknown>[]>> = {};
  _merges: Box[] = [];
  _maxRows = 1000;
  _maxCols = 26;
  _frozenRows = 0;
  _frozenCols = 0;
  _hidden = false;
  _tabColor: string | null = null;
  _columnWidths = new Map<number, number>();
  _hiddenColumns = new Set<number>();
  _protections: FakeProtection[] = [];
  _conditional: FakeConditionalFormatRule[] = [];
  _charts: FakeEmbeddedChart[] = [];

  constructor(
    readonly _ss: FakeSpreadsheet,
    public _name: string,
  ) {
    this._counter = _ss._counter;
  }

  // ── identity ──
  getName(): string {
    return this._name;
  }
  setName(name: string): this {
    this._guard(null, 'setName', true);
    const other = this._ss._sheetByName(name);
    if (other && other !== this) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this._name = name;
    return this;
  }
  getParent(): FakeSpreadsheet {
    return this._ss;
  }
  getSheetId(): number {
    return this._sheetId;
  }
  getIndex(): number {
    return this._ss._sheets.indexOf(this) + 1;
  }
  activate(): this {
    this._ss.setActiveSheet(this);
    return this;
  }

  // ── ranges ──
  getRange(a: number | string, col?: number, numRows?: number, numCols?: number): FakeRange {
    if (typeof a === 'string') return this._rangeA1(a);
    return this._range({ row: a, col: col ?? 1, numRows: numRows ?? 1, numCols: numCols ?? 1 });
  }
  _rangeA1(ref: string): FakeRange {
    return this._range(parseA1(ref, this._maxRows, this._maxCols), openEnds(ref));
  }
  _range(box: Box, open: { rows: boolean; cols: boolean } = { rows: false, cols: false }): FakeRange {
    const { row, col, numRows, numCols } = box;
    if (![row, col, numRows, numCols].every(Number.isInteger)) throw new Error('Cannot convert the range coordinates to integers.');
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (col < 1) throw new Error('The starting column of the range is too small.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numCols < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this._maxRows || col + numCols - 1 > this._maxCols) throw outside();
    return new FakeRange(this, box, open);
  }
  getDataRange(): FakeRange {
    return this._range({ row: 1, col: 1, numRows: Math.max(1, this._lastRow()), numCols: Math.max(1, this._lastColumn()) });
  }
  getLastRow(): number {
    return this._lastRow();
  }
  getLastColumn(): number {
    return this._lastColumn();
  }
  _lastRow(): number {
    let last = 0;
    for (let r = this._values.length - 1; r >= 0; r--) {
      const row = this._values[r];
      if (row && row.some((v) => v !== '' && v !== undefined && v !== null)) {
        last = r + 1;
        break;
      }
    }
    for (const k of this._formulas.keys()) last = Math.max(last, Math.floor(k / KEY));
    return last;
  }
  _lastColumn(): number {
    let last = 0;
    for (const row of this._values) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--) {
        const v = row[c];
        if (v !== '' && v !== undefined && v !== null) {
          last = c + 1;
          break;
        }
      }
    }
    for (const k of this._formulas.keys()) last = Math.max(last, k % KEY);
    return last;
  }
  getMaxRows(): number {
    return this._maxRows;
  }
  getMaxColumns(): number {
    return this._maxCols;
  }

  // ── structure ──
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this._guardInsert('rows', afterPosition + 1, howMany, 'insertRowsAfter');
    this._insertRows(afterPosition + 1, howMany);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    this._guardInsert('rows', beforePosition, howMany, 'insertRowsBefore');
    this._insertRows(beforePosition, howMany);
    return this;
  }
  insertRowAfter(afterPosition: number): this {
    this._guardInsert('rows', afterPosition + 1, 1, 'insertRowAfter');
    this._insertRows(afterPosition + 1, 1);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this._guardInsert('cols', afterPosition + 1, howMany, 'insertColumnsAfter');
    this._insertCols(afterPosition + 1, howMany);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this._guardInsert('cols', beforePosition, howMany, 'insertColumnsBefore');
    this._insertCols(beforePosition, howMany);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || rowPosition + howMany - 1 > this._maxRows) throw outside();
    if (howMany >= this._maxRows) throw new Error("You can't delete all the rows on the sheet.");
    this._guard({ row: rowPosition, col: 1, numRows: howMany, numCols: this._maxCols }, 'deleteRows');
    this._values.splice(rowPosition - 1, howMany);
    this._shiftRows(rowPosition, -howMany);
    this._maxRows -= howMany;
  }
  deleteRow(rowPosition: number): void {
    this.deleteRows(rowPosition, 1);
  }
  /** Deletes columns; what was right of them moves left. */
  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this._maxCols) throw outside();
    if (howMany >= this._maxCols) throw new Error("You can't delete all the columns on the sheet.");
    this._guard({ row: 1, col: columnPosition, numRows: this._maxRows, numCols: howMany }, 'deleteColumns');
    for (const row of this._values) if (row && columnPosition - 1 < row.length) row.splice(columnPosition - 1, howMany);
    const last = columnPosition + howMany - 1;
    const remap = (m: Map<number, string>) => {
      const out = new Map<number, string>();
      for (const [k, v] of m) {
        const r = Math.floor(k / KEY);
        const c = k % KEY;
        if (c < columnPosition) out.set(k, v);
        else if (c > last) out.set(cellKey(r, c - howMany), v);
      }
      return out;
    };
    this._formulas = remap(this._formulas);
    this._notes = remap(this._notes);
    const shift = (b: Box): Box | null => {
      const t = shiftSpan(b.col, b.numCols, columnPosition, -howMany);
      return t ? { ...b, col: t.start, numCols: t.n } : null;
    };
    for (const key of Object.keys(this._styles) as Style[]) {
      this._styles[key] = this._styles[key]!.flatMap((r) => {
        const b = shift(r);
        return b ? [{ ...r, ...b }] : [];
      });
    }
    this._merges = this._merges.flatMap((m) => {
      const b = shift(m);
      return b ? [b] : [];
    });
    this._shiftProtections(shift);
    this._maxCols -= howMany;
  }
  deleteColumn(columnPosition: number): void {
    this.deleteColumns(columnPosition, 1);
  }
  /** Appends after the last row with content, adding a row when the sheet is full (as Sheets does). */
  appendRow(rowContents: unknown[]): this {
    const r = this._lastRow() + 1;
    this._guard({ row: r, col: 1, numRows: 1, numCols: Math.max(1, rowContents.length) }, 'appendRow');
    if (r > this._maxRows) this._maxRows = r;
    if (rowContents.length > this._maxCols) this._maxCols = rowContents.length;
    new FakeRange(this, { row: r, col: 1, numRows: 1, numCols: rowContents.length })._write([rowContents]);
    return this;
  }
  _insertRows(at: number, n: number): void {
    if (at < 1 || at > this._maxRows + 1 || n < 1) throw outside();
    if (at - 1 < this._values.length) this._values.splice(at - 1, 0, ...Array.from({ length: n }, () => []));
    this._shiftRows(at, n);
    this._maxRows += n;
  }
  _shiftRows(from: number, by: number): void {
    const remap = (m: Map<number, string>) => {
      const out = new Map<number, string>();
      for (const [k, v] of m) {
        const r = Math.floor(k / KEY);
        const c = k % KEY;
        if (r < from) out.set(k, v);
        else if (by > 0 || r >= from - by) out.set(cellKey(r + by, c), v);
      }
      return out;
    };
    this._formulas = remap(this._formulas);
    this._notes = remap(this._notes);
    const shiftBox = (b: Box): Box | null => {
      const t = shiftSpan(b.row, b.numRows, from, by);
      return t ? { ...b, row: t.start, numRows: t.n } : null;
    };
    for (const key of Object.keys(this._styles) as Style[]) {
      this._styles[key] = this._styles[key]!.flatMap((r) => {
        const b = shiftBox(r);
        return b ? [{ ...r, ...b }] : [];
      });
    }
    this._merges = this._merges.flatMap((m) => {
      const b = shiftBox(m);
      return b ? [b] : [];
    });
    this._shiftProtections(shiftBox);
  }
  /** Protected and unprotected areas move with the rows / columns around them; one wholly deleted goes. */
  _shiftProtections(shift: (b: Box) => Box | null): void {
    const move = (a: Area): Area | null => {
      const b = shift(a);
      return b ? { ...a, ...b } : null;
    };
    this._protections = this._protections.filter((p) => {
      p._unprotected = p._unprotected.flatMap((u) => {
        const m = move(u);
        return m ? [m] : [];
      });
      if (!p._area) return true;
      const m = move(p._area);
      if (m) p._area = m;
      return m !== null;
    });
  }
  _insertCols(at: number, n: number): void {
    if (at < 1 || at > this._maxCols + 1 || n < 1) throw outside();
    for (const row of this._values) if (row && at - 1 < row.length) row.splice(at - 1, 0, ...new Array(n).fill(''));
    const remap = (m: Map<number, string>) => {
      const out = new Map<number, string>();
      for (const [k, v] of m) {
        const r = Math.floor(k / KEY);
        const c = k % KEY;
        out.set(c >= at ? cellKey(r, c + n) : k, v);
      }
      return out;
    };
    this._formulas = remap(this._formulas);
    this._notes = remap(this._notes);
    for (const key of Object.keys(this._styles) as Style[]) {
      this._styles[key] = this._styles[key]!.map((r) =>
        r.col >= at ? { ...r, col: r.col + n } : r.col + r.numCols - 1 >= at ? { ...r, numCols: r.numCols + n } : r,
      );
    }
    this._shiftProtections((b) => {
      const t = shiftSpan(b.col, b.numCols, at, n);
      return t ? { ...b, col: t.start, numCols: t.n } : null;
    });
    this._maxCols += n;
  }

  setFrozenRows(rows: number): void {
    this._guard(null, 'setFrozenRows', true);
    this._frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._frozenRows;
  }
  setFrozenColumns(cols: number): void {
    this._guard(null, 'setFrozenColumns', true);
    this._frozenCols = cols;
  }
  getFrozenColumns(): number {
    return this._frozenCols;
  }
  hideSheet(): this {
    this._guard(null, 'hideSheet', true);
    this._hidden = true;
    return this;
  }
  showSheet(): this {
    this._guard(null, 'showSheet', true);
    this._hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._hidden;
  }
  setTabColor(color: string | null): this {
    this._guard(null, 'setTabColor', true);
    this._tabColor = color;
    return this;
  }
  setColumnWidth(col: number, width: number): this {
    this._guard(null, 'setColumnWidth', true);
    this._columnWidths.set(col, width);
    return this;
  }
  setColumnWidths(start: number, n: number, width: number): this {
    this._guard(null, 'setColumnWidths', true);
    for (let c = start; c < start + n; c++) this._columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(col: number): number {
    return this._columnWidths.get(col) ?? 100;
  }
  autoResizeColumns(start: number, n: number): this {
    this._guard(null, 'autoResizeColumns', true);
    for (let c = start; c < start + n; c++) this._columnWidths.delete(c);
    return this;
  }
  autoResizeColumn(col: number): this {
    this._guard(null, 'autoResizeColumn', true);
    this._columnWidths.delete(col);
    return this;
  }
  // Sheet.setRowHeight(rowPosition, height), setRowHeights(startRow, numRows, height) and
  // getRowHeight(rowPosition), pixels; autoResizeRows(startRow, numRows) "sets the height of all
  // rows starting at the given row position to fit their contents" (reference: Class Sheet,
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#autoResizeRows(Integer,Integer)).
  // A height is a change to the sheet: refused where a protection refuses this user, as column widths are.
  _rowHeights = new Map<number, number>();
  /** Rows whose height follows their content (autoResizeRows); the fake cannot measure text, so getRowHeight gives the default. */
  _fittedRows = new Set<number>();
  setRowHeight(row: number, height: number): this {
    this._guard(null, 'setRowHeight', true);
    this._rowHeights.set(row, height);
    this._fittedRows.delete(row);
    return this;
  }
  setRowHeights(start: number, n: number, height: number): this {
    this._guard(null, 'setRowHeights', true);
    for (let r = start; r < start + n; r++) {
      this._rowHeights.set(r, height);
      this._fittedRows.delete(r);
    }
    return this;
  }
  autoResizeRows(start: number, n: number): this {
    this._guard(null, 'autoResizeRows', true);
    for (let r = start; r < start + n; r++) {
      this._rowHeights.delete(r);
      this._fittedRows.add(r);
    }
    return this;
  }
  getRowHeight(row: number): number {
    return this._rowHeights.get(row) ?? 21;
  }
  hideColumns(col: number, n = 1): void {
    this._guard(null, 'hideColumns', true);
    for (let c = col; c < col + n; c++) this._hiddenColumns.add(c);
  }
  showColumns(col: number, n = 1): void {
    this._guard(null, 'showColumns', true);
    for (let c = col; c < col + n; c++) this._hiddenColumns.delete(c);
  }
  isColumnHiddenByUser(col: number): boolean {
    return this._hiddenColumns.has(col);
  }
  setHiddenGridlines(): this {
    return this;
  }
  clear(): this {
    this._guard(null, 'clear');
    this._values = [];
    this._formulas.clear();
    this._notes.clear();
    this._styles = {};
    this._merges = [];
    return this;
  }
  clearContents(): this {
    this._guard(null, 'clearContents');
    this._values = [];
    this._formulas.clear();
    return this;
  }
  clearNotes(): this {
    this._guard(null, 'clearNotes');
    this._notes.clear();
    return this;
  }
  clearFormats(): this {
    this._guard(null, 'clearFormats');
    const validation = this._styles.validation;
    this._styles = validation ? { validation } : {};
    return this;
  }

  // ── protection, conditional formats, charts ──
  protect(): FakeProtection {
    this._guard(null, 'protect', true);
    const p = new FakeProtection(this._host(), ProtectionType.SHEET, null);
    this._protections.push(p);
    return p;
  }
  getProtections(type: unknown): FakeProtection[] {
    return this._protections.filter((p) => p._type === String(type));
  }
  _host(): ProtectionHost {
    const env = this._ss._env;
    return {
      _counter: this._counter,
      owner: env.owner,
      currentUser: () => env.currentUser(),
      guardWrite: (method) => env.guardWrite(method),
      _removeProtection: (p: FakeProtection) => {
        this._protections = this._protections.filter((x) => x !== p);
      },
      _resolve: (a) => this._resolve(a),
      _rangeOf: (a) => (a ? new FakeRange(this, this._resolve(a), { rows: a.openRows, cols: a.openCols }) : new FakeRange(this, this._whole())),
      _areaOf: (r) => {
        if (r._sheet !== this) throw new Error('The range is not on the protected sheet.');
        return { ...r._box, openRows: r._open.rows, openCols: r._open.cols };
      },
    };
  }
  _whole(): Box {
    return { row: 1, col: 1, numRows: this._maxRows, numCols: this._maxCols };
  }
  /** An area as it is now: a whole-column area reaches the sheet's current last row. */
  _resolve(a: Area): Box {
    return {
      row: a.row,
      col: a.col,
      numRows: a.openRows ? Math.max(0, this._maxRows - a.row + 1) : a.numRows,
      numCols: a.openCols ? Math.max(0, this._maxCols - a.col + 1) : a.numCols,
    };
  }
  /**
   * Refuses a write that touches a cell protected against the effective user, with Sheets'
   * message; the owner may always edit, a warning-only protection never refuses, a sheet
   * protection honours its unprotected ranges. `box` null = the whole sheet; `sheetLevel`
   * for changes to the sheet itself (name, frozen rows, widths), which only a sheet
   * protection covers. https://developers.google.com/apps-script/reference/spreadsheet/protection
   */
  _guard(box: Box | null, method: string, sheetLevel = false): void {
    const env = this._ss._env;
    env.guardWrite(method);
    if (this._protections.length === 0) return;
    const who = env.currentUser();
    if (who && who === env.owner.toLowerCase()) return;
    const target = box ?? this._whole();
    for (const p of this._protections) {
      if (p._isWarningOnly() || p._allows(who)) continue;
      if (p._area) {
        if (!sheetLevel && intersects(target, this._resolve(p._area))) throw new Error(PROTECTED_MESSAGE);
        continue;
      }
      if (sheetLevel) throw new Error(PROTECTED_MESSAGE);
      let rest = [target];
      for (const u of p._unprotected) rest = rest.flatMap((r) => subtract(r, this._resolve(u)));
      if (rest.length > 0) throw new Error(PROTECTED_MESSAGE);
    }
  }
  /**
   * Inserting rows (or columns) changes a protected range when it lands inside it, and
   * a protected sheet always. Rows added after the last row of a range are outside it.
   */
  _guardInsert(kind: 'rows' | 'cols', at: number, n: number, method: string): void {
    const env = this._ss._env;
    env.guardWrite(method);
    if (this._protections.length === 0) return;
    const who = env.currentUser();
    if (who && who === env.owner.toLowerCase()) return;
    for (const p of this._protections) {
      if (p._isWarningOnly() || p._allows(who)) continue;
      if (!p._area) {
        const box = kind === 'rows' ? { row: at, col: 1, numRows: n, numCols: this._maxCols } : { row: 1, col: at, numRows: this._maxRows, numCols: n };
        let rest = [box];
        for (const u of p._unprotected) rest = rest.flatMap((r) => subtract(r, this._resolve(u)));
        if (rest.length > 0) throw new Error(PROTECTED_MESSAGE);
        continue;
      }
      const b = this._resolve(p._area);
      const [start, len] = kind === 'rows' ? [b.row, b.numRows] : [b.col, b.numCols];
      if (at > start && at <= start + len - 1) throw new Error(PROTECTED_MESSAGE);
    }
  }
  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return [...this._conditional];
  }
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this._guard(null, 'setConditionalFormatRules', true);
    this._conditional = [...rules];
  }
  clearConditionalFormatRules(): void {
    this._guard(null, 'clearConditionalFormatRules', true);
    this._conditional = [];
  }
  newChart(): FakeChartBuilder {
    return new FakeChartBuilder(this._counter);
  }
  insertChart(chart: FakeEmbeddedChart): void {
    this._guard(null, 'insertChart', true);
    this._charts.push(chart);
  }
  updateChart(chart: FakeEmbeddedChart): void {
    this._guard(null, 'updateChart', true);
    const i = this._charts.findIndex((c) => c._spec.id === chart._spec.id);
    if (i < 0) throw new Error('The chart does not exist on this sheet.');
    this._charts[i] = chart;
  }
  removeChart(chart: FakeEmbeddedChart): void {
    this._guard(null, 'removeChart', true);
    this._charts = this._charts.filter((c) => c._spec.id !== chart._spec.id);
  }
  getCharts(): FakeEmbeddedChart[] {
    return [...this._charts];
  }

  // ── cell storage (internal) ──
  _rule<T>(style: Style, r: number, c: number): T | undefined {
    const rules = this._styles[style];
    if (!rules) return undefined;
    for (let i = rules.length - 1; i >= 0; i--) if (contains(rules[i], r, c)) return rules[i].value as T;
    return undefined;
  }
  _setRule(style: Style, box: Box, value: unknown): void {
    const rules = (this._styles[style] ??= []);
    // A rule that the new one covers entirely is gone (keeps the list short).
    const kept = rules.filter(
      (r) => !(r.row >= box.row && r.col >= box.col && r.row + r.numRows <= box.row + box.numRows && r.col + r.numCols <= box.col + box.numCols),
    );
    kept.push({ ...box, value });
    this._styles[style] = kept;
  }
  /**
   * One value per cell of `box`: stored as runs of equal values down each column (a report's
   * formats are uniform per column), so a grid of 80,000 rows is a handful of rules, not 80,000
   * rules each filtered against the others. Rules the box covers entirely are dropped once.
   */
  _setRules(style: Style, box: Box, values: unknown[][]): void {
    const rules = (this._styles[style] ??= []);
    const kept = rules.filter(
      (r) => !(r.row >= box.row && r.col >= box.col && r.row + r.numRows <= box.row + box.numRows && r.col + r.numCols <= box.col + box.numCols),
    );
    for (let j = 0; j < box.numCols; j++) {
      let start = 0;
      for (let i = 1; i <= box.numRows; i++) {
        if (i < box.numRows && values[i][j] === values[start][j]) continue;
        kept.push({ row: box.row + start, col: box.col + j, numRows: i - start, numCols: 1, value: values[start][j] });
        start = i;
      }
    }
    this._styles[style] = kept;
  }
  /** `wall`: the stored wall clock (what the cell shows), not the Date getValues hands out. */
  _get(r: number, c: number, wall = false): unknown {
    const f = this._formulas.size > 0 ? this._formulas.get(cellKey(r, c)) : undefined;
    if (f !== undefined) {
      const env = this._ss._env;
      const ev = env.evaluate;
      return ev ? env.asCustomFunction(() => ev(f, { sheet: this._name, row: r, col: c })) : '';
    }
    return readOut(this._values[r - 1]?.[c - 1], wall ? null : this._ss._zone);
  }
}

type RangeMethods =
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getA1Notation'
  | 'getValues'
  | 'getValue'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'setValues'
  | 'setValue'
  | 'clearContent'
  | 'clear'
  | 'clearFormat'
  | 'isBlank'
  | 'getFormulas'
  | 'getFormula'
  | 'setFormula'
  | 'setFormulas'
  | 'getNotes'
  | 'getNote'
  | 'setNotes'
  | 'setNote'
  | 'clearNote'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'clearDataValidations'
  | 'insertCheckboxes'
  | 'setBackground'
  | 'setBackgrounds'
  | 'getBackground'
  | 'getBackgrounds'
  | 'setFontColor'
  | 'getFontColor'
  | 'setFontWeight'
  | 'getFontWeight'
  | 'setFontWeights'
  | 'setFontSize'
  | 'setHorizontalAlignment'
  | 'setVerticalAlignment'
  | 'setWrap'
  | 'merge'
  | 'mergeAcross'
  | 'breakApart'
  | 'isPartOfMerge'
  | 'getCell'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getSheet'
  | 'protect'
  | 'sort'
  | 'offset'
  | 'activate'
  | 'getMergedRanges';

export class FakeRange implements Counted, Shape<GoogleAppsScript.Spreadsheet.Range, RangeMethods> {
  readonly _counter: CallCounter;
  constructor(
    readonly _sheet: FakeSheet,
    readonly _box: Box,
    readonly _open: { rows: boolean; cols: boolean } = { rows: false, cols: false },
  ) {
    this._counter = _sheet._counter;
  }
  /** Refuses the write where Sheets would (custom functions, protections). */
  _guard(method: string): void {
    this._sheet._guard(this._box, method);
  }

  getSheet(): FakeSheet {
    return this._sheet;
  }
  getRow(): number {
    return this._box.row;
  }
  getColumn(): number {
    return this._box.col;
  }
  getNumRows(): number {
    return this._box.numRows;
  }
  getNumColumns(): number {
    return this._box.numCols;
  }
  getLastRow(): number {
    return this._box.row + this._box.numRows - 1;
  }
  getLastColumn(): number {
    return this._box.col + this._box.numCols - 1;
  }
  /** Whole columns read back as Sheets writes them: 'E:E', 'C2:C'; whole rows '2:2'. */
  getA1Notation(): string {
    const { row, col, numRows, numCols } = this._box;
    if (this._open.rows) return `${columnLetters(col)}${row === 1 ? '' : row}:${columnLetters(col + numCols - 1)}`;
    if (this._open.cols) return `${col === 1 ? '' : columnLetters(col)}${row}:${row + numRows - 1}`;
    return a1Of(this._box);
  }
  getCell(row: number, col: number): FakeRange {
    if (row > this._box.numRows || col > this._box.numCols) throw outside();
    return this._sheet._range({ row: this._box.row + row - 1, col: this._box.col + col - 1, numRows: 1, numCols: 1 });
  }
  offset(rowOffset: number, colOffset: number, numRows?: number, numCols?: number): FakeRange {
    return this._sheet._range({
      row: this._box.row + rowOffset,
      col: this._box.col + colOffset,
      numRows: numRows ?? this._box.numRows,
      numCols: numCols ?? this._box.numCols,
    });
  }
  activate(): this {
    this._sheet._ss._activeRange = this;
    return this;
  }

  // ── values ──
  getValues(): unknown[][] {
    return this._read();
  }
  getValue(): unknown {
    return this._sheet._get(this._box.row, this._box.col);
  }
  _read(wall = false): unknown[][] {
    const { row, col, numRows, numCols } = this._box;
    const s = this._sheet;
    const out: unknown[][] = new Array(numRows);
    const noFormulas = s._formulas.size === 0;
    const zone = wall ? null : s._ss._zone;
    for (let i = 0; i < numRows; i++) {
      const src = s._values[row - 1 + i];
      if (noFormulas && src) {
        // The stored row copied at once, then only its blanks and Dates replaced (fresh Dates, '' for holes).
        const copy = src.slice(col - 1, col - 1 + numCols);
        for (let j = 0; j < numCols; j++) {
          const v = copy[j];
          if (v === undefined || v === null || typeof v === 'object') copy[j] = readOut(v, zone);
        }
        out[i] = copy;
        continue;
      }
      const line = new Array(numCols);
      if (noFormulas) {
        for (let j = 0; j < numCols; j++) line[j] = readOut(undefined, zone);
      } else {
        for (let j = 0; j < numCols; j++) line[j] = s._get(row + i, col + j, wall);
      }
      out[i] = line;
    }
    return out;
  }
  getDisplayValues(): string[][] {
    const values = this._read(true);
    return values.map((line, i) =>
      line.map((v, j) => displayOf(v, this._sheet._rule<string>('numberFormat', this._box.row + i, this._box.col + j) ?? DEFAULT_FORMAT)),
    );
  }
  getDisplayValue(): string {
    return displayOf(
      this._sheet._get(this._box.row, this._box.col, true),
      this._sheet._rule<string>('numberFormat', this._box.row, this._box.col) ?? DEFAULT_FORMAT,
    );
  }
  setValues(values: unknown[][]): this {
    this._guard('setValues');
    checkShape(values, this._box);
    this._write(values);
    return this;
  }
  setValue(value: unknown): this {
    this._guard('setValue');
    const { numRows, numCols } = this._box;
    this._write(Array.from({ length: numRows }, () => new Array(numCols).fill(value)));
    return this;
  }
  _write(values: unknown[][]): void {
    const { row, col, numRows, numCols } = this._box;
    const s = this._sheet;
    const textRules = (s._styles.numberFormat ?? []).filter((r) => r.value === '@' && intersects(r, this._box));
    const strict = (s._styles.validation ?? []).filter((r) => intersects(r, this._box) && !(r.value as FakeDataValidation)._spec.allowInvalid);
    const stored: unknown[][] = new Array(numRows);
    const formulas: [number, string][] = [];
    for (let i = 0; i < numRows; i++) {
      const line = new Array(numCols);
      for (let j = 0; j < numCols; j++) {
        const r = row + i;
        const c = col + j;
        const plain = textRules.length > 0 && s._rule<string>('numberFormat', r, c) === '@';
        const st = storeInput(values[i][j], plain, s._ss._zone);
        if (st.formula !== null) formulas.push([cellKey(r, c), st.formula]);
        if (strict.length > 0 && st.formula === null) {
          const rule = s._rule<FakeDataValidation>('validation', r, c);
          if (rule && !rule._spec.allowInvalid && !rule._accepts(st.value)) {
            throw new Error(
              `The data you entered in cell ${a1Of({ row: r, col: c, numRows: 1, numCols: 1 })} violates the data validation rules set on this cell.`,
            );
          }
        }
        line[j] = st.value;
      }
      stored[i] = line;
    }
    // Validated first, then written: a rejected write changes nothing.
    this._clearFormulas();
    for (let i = 0; i < numRows; i++) {
      const r = row - 1 + i;
      let target = s._values[r];
      if (!target) {
        while (s._values.length < r) s._values.push([]);
        target = s._values[r] = [];
      }
      while (target.length < col - 1) target.push('');
      for (let j = 0; j < numCols; j++) target[col - 1 + j] = stored[i][j];
    }
    for (const [k, f] of formulas) s._formulas.set(k, f);
  }
  _clearFormulas(): void {
    const s = this._sheet;
    if (s._formulas.size === 0) return;
    for (const k of [...s._formulas.keys()]) {
      if (contains(this._box, Math.floor(k / KEY), k % KEY)) s._formulas.delete(k);
    }
  }
  clearContent(): this {
    this._guard('clearContent');
    this._write(Array.from({ length: this._box.numRows }, () => new Array(this._box.numCols).fill('')));
    return this;
  }
  clear(): this {
    this._guard('clear');
    this._write(Array.from({ length: this._box.numRows }, () => new Array(this._box.numCols).fill('')));
    for (const key of Object.keys(this._sheet._styles) as Style[]) this._sheet._setRule(key, this._box, undefined);
    this._clearNotes();
    return this;
  }
  clearFormat(): this {
    this._guard('clearFormat');
    for (const key of Object.keys(this._sheet._styles) as Style[]) if (key !== 'validation') this._sheet._setRule(key, this._box, undefined);
    return this;
  }
  isBlank(): boolean {
    return this._read().every((r) => r.every((v) => v === ''));
  }

  // ── formulas ──
  getFormulas(): string[][] {
    const { row, col, numRows, numCols } = this._box;
    const f = this._sheet._formulas;
    return Array.from({ length: numRows }, (_, i) => Array.from({ length: numCols }, (_, j) => f.get(cellKey(row + i, col + j)) ?? ''));
  }
  getFormula(): string {
    return this._sheet._formulas.get(cellKey(this._box.row, this._box.col)) ?? '';
  }
  setFormula(formula: string): this {
    this._guard('setFormula');
    const { numRows, numCols } = this._box;
    return this._setFormulaGrid(Array.from({ length: numRows }, () => new Array(numCols).fill(formula)));
  }
  setFormulas(formulas: string[][]): this {
    this._guard('setFormulas');
    checkShape(formulas, this._box);
    return this._setFormulaGrid(formulas);
  }
  _setFormulaGrid(formulas: string[][]): this {
    this._write(formulas.map((r) => r.map((f) => (f === '' ? '' : f.startsWith('=') ? f : `=${f}`))));
    return this;
  }

  // ── notes ──
  getNotes(): string[][] {
    const { row, col, numRows, numCols } = this._box;
    const n = this._sheet._notes;
    return Array.from({ length: numRows }, (_, i) => Array.from({ length: numCols }, (_, j) => n.get(cellKey(row + i, col + j)) ?? ''));
  }
  getNote(): string {
    return this._sheet._notes.get(cellKey(this._box.row, this._box.col)) ?? '';
  }
  setNotes(notes: (string | null)[][]): this {
    this._guard('setNotes');
    checkShape(notes, this._box);
    const { row, col } = this._box;
    notes.forEach((line, i) => line.forEach((note, j) => this._setNote(row + i, col + j, note)));
    return this;
  }
  setNote(note: string | null): this {
    this._guard('setNote');
    const { row, col, numRows, numCols } = this._box;
    for (let i = 0; i < numRows; i++) for (let j = 0; j < numCols; j++) this._setNote(row + i, col + j, note);
    return this;
  }
  clearNote(): this {
    this._guard('clearNote');
    this._clearNotes();
    return this;
  }
  _clearNotes(): void {
    const { row, col, numRows, numCols } = this._box;
    for (let i = 0; i < numRows; i++) for (let j = 0; j < numCols; j++) this._setNote(row + i, col + j, '');
  }
  _setNote(r: number, c: number, note: string | null): void {
    if (note === null || note === '') this._sheet._notes.delete(cellKey(r, c));
    else this._sheet._notes.set(cellKey(r, c), String(note));
  }

  // ── formats and validation ──
  getNumberFormat(): string {
    return this._sheet._rule<string>('numberFormat', this._box.row, this._box.col) ?? DEFAULT_FORMAT;
  }
  getNumberFormats(): string[][] {
    return this._grid((r, c) => this._sheet._rule<string>('numberFormat', r, c) ?? DEFAULT_FORMAT);
  }
  setNumberFormat(format: string): this {
    this._guard('setNumberFormat');
    this._sheet._setRule('numberFormat', this._box, format);
    return this;
  }
  setNumberFormats(formats: string[][]): this {
    this._guard('setNumberFormats');
    checkShape(formats, this._box);
    this._sheet._setRules('numberFormat', this._box, formats);
    return this;
  }
  getDataValidation(): FakeDataValidation | null {
    return this._sheet._rule<FakeDataValidation>('validation', this._box.row, this._box.col) ?? null;
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this._grid((r, c) => this._sheet._rule<FakeDataValidation>('validation', r, c) ?? null);
  }
  setDataValidation(rule: FakeDataValidation | null): this {
    this._guard('setDataValidation');
    this._sheet._setRule('validation', this._box, rule ?? undefined);
    return this;
  }
  clearDataValidations(): this {
    this._guard('clearDataValidations');
    this._sheet._setRule('validation', this._box, undefined);
    return this;
  }
  insertCheckboxes(): this {
    this._guard('insertCheckboxes');
    this._sheet._setRule('validation', this._box, new FakeDataValidation(this._counter, { type: 'CHECKBOX', values: [], allowInvalid: false, helpText: '' }));
    this._write(Array.from({ length: this._box.numRows }, () => new Array(this._box.numCols).fill(false)));
    return this;
  }
  setBackground(color: string | null): this {
    this._guard('setBackground');
    this._sheet._setRule('background', this._box, color ?? undefined);
    return this;
  }
  setBackgrounds(colors: (string | null)[][]): this {
    this._guard('setBackgrounds');
    checkShape(colors, this._box);
    this._sheet._setRules('background', this._box, colors);
    return this;
  }
  getBackground(): string {
    return this._sheet._rule<string>('background', this._box.row, this._box.col) ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this._grid((r, c) => this._sheet._rule<string>('background', r, c) ?? '#ffffff');
  }
  setFontColor(color: string | null): this {
    this._guard('setFontColor');
    this._sheet._setRule('fontColor', this._box, color ?? undefined);
    return this;
  }
  getFontColor(): string {
    return this._sheet._rule<string>('fontColor', this._box.row, this._box.col) ?? '#000000';
  }
  setFontWeight(weight: string | null): this {
    this._guard('setFontWeight');
    this._sheet._setRule('fontWeight', this._box, weight ?? undefined);
    return this;
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this._sheet._rule<GoogleAppsScript.Spreadsheet.FontWeight>('fontWeight', this._box.row, this._box.col) ?? 'normal';
  }
  setFontWeights(weights: (string | null)[][]): this {
    this._guard('setFontWeights');
    checkShape(weights, this._box);
    this._sheet._setRules('fontWeight', this._box, weights);
    return this;
  }
  // Range.setFontFamily(fontFamily: string | null) (reference: Class Range); null resets it.
  setFontFamily(family: string | null): this {
    this._sheet._setRule('fontFamily', this._box, family ?? undefined);
    return this;
  }
  getFontFamily(): string {
    return this._sheet._rule<string>('fontFamily', this._box.row, this._box.col) ?? 'Arial';
  }
  setFontSize(size: number): this {
    this._guard('setFontSize');
    this._sheet._setRule('fontSize', this._box, size);
    return this;
  }
  setHorizontalAlignment(a: string | null): this {
    this._guard('setHorizontalAlignment');
    this._sheet._setRule('horizontalAlignment', this._box, a ?? undefined);
    return this;
  }
  setVerticalAlignment(a: string | null): this {
    this._guard('setVerticalAlignment');
    this._sheet._setRule('verticalAlignment', this._box, a ?? undefined);
    return this;
  }
  setWrap(wrap: boolean): this {
    this._guard('setWrap');
    this._sheet._setRule('wrap', this._box, wrap);
    return this;
  }
  setBorder(...args: unknown[]): this {
    this._guard('setBorder');
    this._sheet._setRule('border', this._box, args);
    return this;
  }
  _grid<T>(f: (r: number, c: number) => T): T[][] {
    const { row, col, numRows, numCols } = this._box;
    return Array.from({ length: numRows }, (_, i) => Array.from({ length: numCols }, (_, j) => f(row + i, col + j)));
  }

  // ── merges ──
  merge(): this {
    this._guard('merge');
    const overlapping = this._sheet._merges.filter((m) => intersects(m, this._box));
    if (
      overlapping.some(
        (m) =>
          !(
            m.row >= this._box.row &&
            m.col >= this._box.col &&
            m.row + m.numRows <= this._box.row + this._box.numRows &&
            m.col + m.numCols <= this._box.col + this._box.numCols
          ),
      )
    ) {
      throw new Error('You must select all cells in a merged range to merge or unmerge them.');
    }
    this._sheet._merges = this._sheet._merges.filter((m) => !intersects(m, this._box));
    if (this._box.numRows * this._box.numCols > 1) this._sheet._merges.push({ ...this._box });
    return this;
  }
  mergeAcross(): this {
    this._guard('mergeAcross');
    for (let i = 0; i < this._box.numRows; i++) {
      new FakeRange(this._sheet, { ...this._box, row: this._box.row + i, numRows: 1 })._mergeQuiet();
    }
    return this;
  }
  _mergeQuiet(): void {
    this._sheet._merges = this._sheet._merges.filter((m) => !intersects(m, this._box));
    if (this._box.numCols > 1) this._sheet._merges.push({ ...this._box });
  }
  breakApart(): this {
    this._guard('breakApart');
    this._sheet._merges = this._sheet._merges.filter((m) => !intersects(m, this._box));
    return this;
  }
  getMergedRanges(): FakeRange[] {
    return this._sheet._merges.filter((m) => intersects(m, this._box)).map((m) => new FakeRange(this._sheet, m));
  }
  isPartOfMerge(): boolean {
    return this._sheet._merges.some((m) => intersects(m, this._box));
  }

  // ── protection ──
  protect(): FakeProtection {
    this._guard('protect');
    const p = new FakeProtection(this._sheet._host(), ProtectionType.RANGE, { ...this._box, openRows: this._open.rows, openCols: this._open.cols });
    this._sheet._protections.push(p);
    return p;
  }

  // ── sort ──
  /**
   * Sorts the rows of the range by the given columns (a column number, {column, ascending},
   * or a list of them), values and formulas moving with their rows.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#sortsortspecobj
   */
  sort(spec: number | { column: number; ascending?: boolean } | (number | { column: number; ascending?: boolean })[]): this {
    this._guard('sort');
    const keys = (Array.isArray(spec) ? spec : [spec]).map((k) =>
      typeof k === 'number' ? { column: k, ascending: true } : { column: k.column, ascending: k.ascending !== false },
    );
    const { row, col, numRows, numCols } = this._box;
    for (const k of keys) if (k.column < col || k.column >= col + numCols) throw new Error('The column to sort by is outside the range.');
    const s = this._sheet;
    const rows = Array.from({ length: numRows }, (_, i) => ({
      values: Array.from({ length: numCols }, (_, j) => s._values[row - 1 + i]?.[col - 1 + j] ?? ''),
      formulas: Array.from({ length: numCols }, (_, j) => s._formulas.get(cellKey(row + i, col + j))),
      shown: Array.from({ length: numCols }, (_, j) => s._get(row + i, col + j)),
    }));
    const rank = (v: unknown) => (v === '' ? 3 : typeof v === 'number' ? 0 : typeof v === 'boolean' ? 2 : v instanceof Date ? 0 : 1);
    const cmp = (a: unknown, b: unknown) => {
      const ra = rank(a);
      const rb = rank(b);
      if (ra !== rb) return ra - rb;
      const x = a instanceof Date ? a.getTime() : a;
      const y = b instanceof Date ? b.getTime() : b;
      return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    };
    rows.sort((a, b) => {
      for (const k of keys) {
        const va = a.shown[k.column - col];
        const vb = b.shown[k.column - col];
        // Blank cells go last whichever the direction, as in Sheets.
        if (va === '' || vb === '') {
          if (va !== vb) return va === '' ? 1 : -1;
          continue;
        }
        const c = cmp(va, vb);
        if (c !== 0) return k.ascending ? c : -c;
      }
      return 0;
    });
    this._clearFormulas();
    rows.forEach((r, i) => {
      const target = (s._values[row - 1 + i] ??= []);
      while (target.length < col - 1) target.push('');
      r.values.forEach((v, j) => {
        target[col - 1 + j] = v;
        const f = r.formulas[j];
        if (f !== undefined) s._formulas.set(cellKey(row + i, col + j), f);
      });
    });
    return this;
  }
}

export { ChartType };

countCalls(FakeSpreadsheet, 'Spreadsheet');
countCalls(FakeSheet, 'Sheet');
countCalls(FakeRange, 'Range');
