/**
 * Installable triggers of the executing project. getProjectTriggers shows only the current
 * user's triggers of this project, so "ours" are the current user's with our handler names.
 */
export function ourTriggers(handlers: readonly string[]): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => handlers.includes(t.getHandlerFunction()));
}

/** Deletes ours, then creates one daily trigger: running it twice leaves exactly one. Returns how many it deleted. */
export function replaceDailyTrigger(handler: string, hour: number, timeZone: string, handlers: readonly string[]): number {
  const old = ourTriggers(handlers);
  for (const t of old) ScriptApp.deleteTrigger(t);
  ScriptApp.newTrigger(handler).timeBased().everyDays(1).atHour(hour).inTimezone(timeZone).create();
  return old.length;
}

export function removeTriggersOf(handlers: readonly string[]): number {
  const old = ourTriggers(handlers);
  for (const t of old) ScriptApp.deleteTrigger(t);
  return old.length;
}
