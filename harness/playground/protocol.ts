/**
 * What the playground server and its page say to each other (JSON over HTTP). Types only:
 * the page's main.ts imports them too, and esbuild drops them from its bundle.
 */
import type { MenuItem, RecordedMenu } from '../gas/ui';

export type { MenuItem };

export type Align = 'left' | 'center' | 'right';

/** One cell as the page draws it. */
export interface CellView {
  /** What the cell shows (a formula's value, a spilled value, a date as YYYY-MM-DD). */
  d: string;
  /** What the editor shows: the formula, or the stored value. */
  v: string;
  f?: string;
  /** Error message (the tooltip of #ERROR!, #REF!, …). */
  e?: string;
  /** The cell's note. */
  n?: string;
  /** Filled by the array result of a formula above or left of it. */
  s?: true;
  /** Background colour (a conditional format that holds, else the cell's fill); absent: white. */
  bg?: string;
  /** Font colour; absent: black. */
  fc?: string;
  /** Bold. */
  b?: true;
  /** Horizontal alignment (set, or Sheets' default for the value); absent: left. */
  a?: Align;
}

export interface ChartView {
  title: string;
  type: string;
  /** The first data range: header row, then one row per category. */
  data: string[][];
}

export interface SheetView {
  name: string;
  /** The sheet's last row with content (cells holds some blank rows after it). */
  rows: number;
  cols: number;
  frozenRows: number;
  cells: CellView[][];
  /** Each column's width in pixels (setColumnWidth, else Sheets' 100). */
  widths: number[];
  /** Merged ranges (Range.merge / mergeAcross): one cell drawn over the whole box. */
  merges: { row: number; col: number; numRows: number; numCols: number }[];
  hidden: number[];
  charts: ChartView[];
  /** True when the sheet has more rows than the page is sent. */
  truncated: boolean;
}

export interface UserView {
  email: string;
  role: string;
  name: string;
}

export interface ToastView {
  message: string;
  title: string;
  seconds: number;
}
export interface AlertView {
  title: string;
  prompt: string;
}

/**
 * What one call showed its caller: toasts and alerts go to the tab that made the call, as
 * Sheets shows a toast only to the person whose script raised it — never to other tabs,
 * and never again on a reload.
 */
export interface Shown {
  toasts: ToastView[];
  alerts: AlertView[];
}

export interface StateResponse {
  sheetNames: string[];
  sheet: SheetView;
  menus: RecordedMenu[];
  users: UserView[];
  /** Who a tab acts as when its address names nobody (?as=…): the --user of npm start. */
  user: string;
}

export type RunResponse =
  | ({
      ok: true;
      value: unknown;
      /** A sidebar the call opened (dist/<file>.html). */
      sidebar?: { file: string; title: string };
      dialog?: { title: string; text: string };
      /** A scheduled job run from the page: what it did, in words (Sheets would run it unseen). */
      job?: JobReport;
    } & Shown)
  | ({ ok: false; error: string } & Shown);

export interface JobReport {
  title: string;
  /** One line per job. */
  lines: string[];
  /** What failed, in words; empty when every job ran. */
  failures: string[];
}

export type EditResponse = ({ ok: true; triggerError?: string } & Shown) | ({ ok: false; error: string } & Shown);

export interface EditRequest {
  sheet: string;
  row: number;
  col: number;
  value: string;
}
