/**
 * The message catalogue: every text in src that a user can read, found by parsing the
 * sources (TypeScript's own parser, so comments never count). A text is a string or
 * template literal with Chinese characters in it, minus the English half of each message:
 * the third argument of `new BangfuError(code, zh, en)`, properties named en / reasonEn /
 * …En, the second element of an i18n pair, and texts mostly in Latin letters. Template
 * placeholders become `${…}`; what fills them is checked by running the code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export interface CatalogueEntry {
  file: string;
  line: number;
  text: string;
  /** True for the zh argument of `new BangfuError(…)`. */
  error: boolean;
}

const ROOT = path.resolve(__dirname, '../../src');
const CJK = /[\u3400-\u9fff]/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [p] : [];
  });
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  // A placeholder stands as ${…}: what fills it is checked by running the code (messages.test.ts).
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => '${…}' + s.literal.text).join('');
  return null;
}

function isEnglishSide(node: ts.Node): boolean {
  const p = node.parent;
  if (!p) return false;
  if (ts.isNewExpression(p) && p.expression.getText() === 'BangfuError' && p.arguments?.[2] === node) return true;
  if (ts.isPropertyAssignment(p) && p.initializer === node) {
    const name = p.name.getText();
    if (name === 'en' || /En$/.test(name)) return true;
  }
  // i18n tables: key: ['中文 {0}', 'English {0}']
  if (ts.isArrayLiteralExpression(p) && p.elements.length === 2 && p.elements[1] === node && ts.isPropertyAssignment(p.parent)) return true;
  return false;
}

function isZhErrorArg(node: ts.Node): boolean {
  const p = node.parent;
  return !!p && ts.isNewExpression(p) && p.expression.getText() === 'BangfuError' && p.arguments?.[1] === node;
}

/** Latin letters outnumber Chinese characters: an English text that mentions a sheet name. */
function mostlyLatin(s: string): boolean {
  const latin = (s.replace(/\$\{[^}]*\}/g, '').match(/[A-Za-z]/g) ?? []).length;
  const cjk = (s.match(/[\u3400-\u9fff]/g) ?? []).length;
  return latin > cjk * 2;
}

let memo: CatalogueEntry[] | null = null;
export function messageCatalogue(): CatalogueEntry[] {
  if (memo) return memo;
  const out: CatalogueEntry[] = [];
  for (const file of sourceFiles(ROOT)) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
    const visit = (node: ts.Node): void => {
      const text = literalText(node);
      if (text !== null) {
        const error = isZhErrorArg(node);
        if ((error || CJK.test(text)) && !isEnglishSide(node) && !(mostlyLatin(text) && !error)) {
          out.push({ file: path.relative(ROOT, file), line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text, error });
        }
        if (!ts.isTemplateExpression(node)) return;
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return (memo = out);
}

/**
 * Developer words in a text a user reads: class names (…Error), the word seed, and ASCII
 * identifiers in lower or camel case (English parameter names, keys, codes such as
 * `medical`). Upper-case words (RELIEF, ID, PDF, YYYY-MM-DD), numbers and cell references
 * are how Sheets itself talks and pass. Placeholders are checked apart (see the test).
 */
const ALLOWED = new Set([
  // the command a county types, and its file types
  'bangfu',
  'xlsx',
  'csv',
  'pdf',
  // units and formats Sheets shows
  'px',
  'am',
  'pm',
  // e-mail and web addresses a person types are data, not words
  'gmail',
  'com',
  'example',
  'org',
  'cn',
  'http',
  'https',
  'www',
  'mailto',
]);
export function developerWords(text: string): string[] {
  const plain = text
    .replace(/\$\{…\}/g, ' ')
    .replace(/\d+x+/g, ' ')
    .replace(/\{\d+\}/g, ' ')
    .replace(/--[a-z][a-z-]*/g, ' ');
  const words = plain.match(/[A-Za-z_][A-Za-z0-9_.]*/g) ?? [];
  return words.filter((w) => {
    if (/seed/i.test(w)) return true;
    if (/Error$/.test(w)) return true;
    const bare = w.replace(/\.+$/, '');
    if (/^[A-Z0-9_]+$/.test(bare)) return false; // RELIEF, IDCARD_INFO, ID, A1, M50
    if (/^[A-Z][0-9]+$/.test(bare)) return false;
    return !bare.split('.').every((p) => ALLOWED.has(p.toLowerCase()));
  });
}
