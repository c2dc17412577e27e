/**
 * The spreadsheet's user interface: sidebars, dialogs, toasts. Here because they hang
 * off SpreadsheetApp. Time-driven triggers have no UI: every call here tolerates that.
 */
export type Ui = GoogleAppsScript.Base.Ui;

/** Shows dist/<page>.html (built by build.mjs) as a sidebar. */
export function showSidebar(page: string, title: string): void {
  const html = HtmlService.createHtmlOutputFromFile(page).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function showDialog(html: string, title: string, width = 560, height = 520): void {
  const out = HtmlService.createHtmlOutput(html).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(out, title);
}

/** A toast in the spreadsheet; silently nothing when no one is looking (a trigger). */
export function toast(message: string, title = '帮扶', seconds = 8): void {
  try {
    SpreadsheetApp.getActiveSpreadsheet()?.toast(message, title, seconds);
  } catch {
    // No UI in this execution.
  }
}

export function getUi(): Ui {
  return SpreadsheetApp.getUi();
}
