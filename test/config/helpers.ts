/**
 * Driving 帮扶 → 管理 → 编辑配置表… and 应用配置草稿 as an administrator would: the prompt
 * answers, the confirmation, and typing into the draft (an unprotected sheet).
 */
import { applyConfigDraft, openConfigDraft } from '../../src/server/configDraft';
import type { ApplyConfigResult } from '../../src/usecases/applyConfig';
import { sheet, type Fake } from '../server/fixtures';

/** The next prompt answers `text` with OK. */
export function answerPrompt(fake: Fake, text: string): void {
  const ui = fake.ui;
  jest.spyOn(ui, 'prompt').mockImplementationOnce((a: string, b?: string) => {
    ui.alerts.push({ title: a, prompt: String(b) });
    return { getResponseText: () => text, getSelectedButton: () => 'OK' };
  });
}

/** The next alert answers `button`, after running `meanwhile` (someone else acting while the dialog is open). */
export function answerAlert(fake: Fake, button: string, meanwhile?: () => void): void {
  const ui = fake.ui;
  jest.spyOn(ui, 'alert').mockImplementationOnce((a: string, b?: string) => {
    ui.alerts.push({ title: a, prompt: String(b) });
    meanwhile?.();
    return button;
  });
}

/** 帮扶 → 管理 → 编辑配置表…, choosing `which` (a number or a name). */
export function openDraft(fake: Fake, which: string): GoogleAppsScript.Spreadsheet.Sheet {
  answerPrompt(fake, which);
  openConfigDraft();
  return fake.spreadsheet.getActiveSheet() as unknown as GoogleAppsScript.Spreadsheet.Sheet;
}

/** 帮扶 → 管理 → 应用配置草稿 on the active draft, confirming with 是. */
export function applyDraft(fake: Fake, meanwhile?: () => void): ApplyConfigResult | null {
  answerAlert(fake, 'YES', meanwhile);
  return applyConfigDraft();
}

/** The text of the last alert the user saw. */
export function lastAlert(fake: Fake): string {
  return fake.ui.alerts[fake.ui.alerts.length - 1]?.prompt ?? '';
}

/** The sheets' values as JSON, to prove a refusal wrote nothing. */
export function snapshot(fake: Fake, ...names: string[]): string[] {
  return names.map((n) => JSON.stringify(sheet(fake, n).getDataRange().getValues()));
}

/** The row of a sheet whose first cell is `first` (1-based), or throws. */
export function rowOf(s: GoogleAppsScript.Spreadsheet.Sheet, test: (row: unknown[]) => boolean): number {
  const i = s.getDataRange().getValues().findIndex(test);
  if (i < 0) throw new Error(`no such row in ${s.getName()}`);
  return i + 1;
}
