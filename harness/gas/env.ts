/** What every fake object of one createFakeGas() shares: the counter, the acting user, hooks. */
import type { CallCounter } from './counter';

export interface FormulaContext {
  sheet: string;
  row: number;
  col: number;
}

export interface GasEnv {
  readonly _counter: CallCounter;
  /** The e-mail of the user whose rights apply to the current execution (its effective user). */
  currentUser(): string;
  /** Throws where the current execution may not write at all (a custom function). */
  guardWrite(method: string): void;
  /** Runs fn as a custom function (how Sheets computes a formula cell). */
  asCustomFunction<T>(fn: () => T): T;
  /** The owner of every spreadsheet created by this fake. */
  readonly owner: string;
  /** Computes a formula cell's value (the playground plugs the custom functions in); '' when absent. */
  evaluate: ((formula: string, at: FormulaContext) => unknown) | null;
  /** Toasts shown, newest last. */
  readonly toasts: { message: string; title: string; seconds: number }[];
  /** Spreadsheets openById can reach, by id. */
  readonly spreadsheets: Map<string, unknown>;
}
