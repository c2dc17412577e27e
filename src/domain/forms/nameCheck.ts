/**
 * Warnings for a person's name (the case's 姓名 and each household member's): digits,
 * formula characters and emoji are stored as inert text, but in a name they are almost
 * always a slip (a pasted cell, a phone number in the wrong box, a chat sticker). A warning,
 * not an error: a name may rightly hold a rare character, and the reviewer decides.
 * Plain TypeScript without zod: the intake page bundles it.
 */

/** The characters a spreadsheet reads as the start of a formula, or a function call. */
const FORMULA = /^[=+\-@]|=|[A-Za-z]+\s*\(/;
const DIGITS = /[0-9\uFF10-\uFF19]/;
const EMOJI = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\uFE0F/u;

/** [zh, en] for what looks wrong in a name, or null. `label` is the field's zh and en label. */
export function nameWarning(value: unknown, label: { zh: string; en: string }): [string, string] | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const zh: string[] = [];
  const en: string[] = [];
  if (FORMULA.test(value)) {
    zh.push('像是公式（含 =、+、- 或 @ 开头）');
    en.push('looks like a formula (=, +, - or @)');
  }
  if (DIGITS.test(value)) {
    zh.push('含有数字');
    en.push('contains digits');
  }
  if (EMOJI.test(value)) {
    zh.push('含有表情符号');
    en.push('contains emoji');
  }
  if (zh.length === 0) return null;
  return [`“${label.zh}”${zh.join('、')}，请核对是否填错`, `"${label.en}" ${en.join(', ')}: please check it`];
}

/** Fields that hold a person's name: the key `name`, at the top level or in a table. */
export function isNameField(def: { key: string; type: string }): boolean {
  return def.type === 'text' && def.key === 'name';
}
