/**
 * No test asserts a wall-clock duration: on a busy machine a correct change fails by
 * chance, and a CI that fails by chance keeps good work from landing. Speed is measured
 * in `npm run bench` (scripts/bench*.ts). A test may read the clock for other reasons
 * (a unique id); what it may not do is subtract two readings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..');

function isClockRead(n: ts.Node): boolean {
  if (!ts.isCallExpression(n)) return false;
  const text = n.expression.getText();
  return /^(performance\.now|Date\.now|process\.hrtime(\.bigint)?|hrtime(\.bigint)?)$/.test(text);
}

function containsClockRead(n: ts.Node): boolean {
  return isClockRead(n) || (ts.forEachChild(n, (c) => (containsClockRead(c) ? true : undefined)) ?? false);
}

/** Lines where code computes a duration: a clock reading (or a variable holding one) in a subtraction. Code in strings run elsewhere counts too. */
export function durationsIn(name: string, code: string): number[] {
  const sf = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const readings = new Set<string>();
  const found: number[] = [];
  const collect = (n: ts.Node): void => {
    // `const now = Date.now() / 1000` holds a reading too.
    if (ts.isVariableDeclaration(n) && n.initializer && containsClockRead(n.initializer) && ts.isIdentifier(n.name)) readings.add(n.name.text);
    ts.forEachChild(n, collect);
  };
  const reading = (n: ts.Expression) => isClockRead(n) || (ts.isIdentifier(n) && readings.has(n.text));
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.MinusToken && (reading(n.left) || reading(n.right))) {
      found.push(sf.getLineAndCharacterOfPosition(n.getStart()).line + 1);
    }
    if ((ts.isNoSubstitutionTemplateLiteral(n) || ts.isStringLiteral(n)) && /now\(|hrtime/.test(n.text)) {
      const line = sf.getLineAndCharacterOfPosition(n.getStart()).line;
      found.push(...durationsIn(name, n.text).map((l) => l + line));
    }
    ts.forEachChild(n, visit);
  };
  collect(sf);
  visit(sf);
  return found;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? testFiles(p) : /\.(ts|js|cjs|mjs)$/.test(f) ? [p] : [];
  });
}

/** Sample sources (kept as .txt beside this file, so the scan below does not read them). */
const sample = (name: string) => readFileSync(join(__dirname, 'timed', `${name}.ts.txt`), 'utf8');

test('the detector finds a timed assertion and lets other uses of the clock be', () => {
  expect(durationsIn('assertion.ts', sample('assertion'))).toEqual([3]);
  expect(durationsIn('variables.ts', sample('variables'))).toEqual([4]);
  expect(durationsIn('inString.ts', sample('inString'))).toEqual([3]);
  expect(durationsIn('scaled.ts', sample('scaled'))).toEqual([3]);
  expect(durationsIn('untimed.ts', sample('untimed'))).toEqual([]);
});

test('no test file computes a wall-clock duration', () => {
  const timed = testFiles(join(ROOT, 'test')).flatMap((p) => durationsIn(p, readFileSync(p, 'utf8')).map((line) => `${relative(ROOT, p)}:${line}`));
  expect(timed).toEqual([]);
});
