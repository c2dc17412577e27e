/**
 * What the playground server and its page say to each other (JSON over HTTP). Types only:
 * the page's main.ts imports them too, and esbuild drops them from its bundle.
 */
import type { MenuItem, RecordedMenu } from '../gas/ui';

export type { MenuItem };

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

export interface StateResponse {
  sheetNames: string[];
  sheet: SheetView;
  menus: RecordedMenu[];
  toasts: { message: string; title: string; seconds: number }[];
  alerts: { title: string; prompt: string }[];
  users: UserView[];
  user: string;
}

export type RunResponse =
  | {
      ok: true;
      value: unknown;
      /** A sidebar the call opened (dist/<file>.html). */
      sidebar?: { file: string; title: string };
      dialog?: { title: string; text: string };
    }
  | { ok: false; error: string };

export interface EditRequest {
  sheet: string;
  row: number;
  col: number;
  value: string;
}
