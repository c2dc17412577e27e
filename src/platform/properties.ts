/** Script properties of the executing project (the bound script's or the writer's own). */
export function scriptProperty(key: string): string | null {
  const v = PropertiesService.getScriptProperties().getProperty(key);
  return v === null || v === undefined || v.trim() === '' ? null : v.trim();
}

export function setScriptProperty(key: string, value: string): void {
  PropertiesService.getScriptProperties().setProperty(key, value);
}

/** A comma-separated script property as its trimmed, non-empty items. */
export function scriptPropertyList(key: string): string[] {
  return (scriptProperty(key) ?? '')
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
