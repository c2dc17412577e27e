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

/** Lines where code computes a duration: a clock reading (or a variable holding one) in a subtraction. Code in strings run elsewhere counts too. */
export function durationsIn(name: string, code: string): number[] {
  const sf = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const readings = new Set<string>();
  const found: number[] = [];
  const collect = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && n.initializer && isClockRead(n.initializer) && ts.isIdentifier(n.name)) readings.add(n.name.text);
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

test('the detector finds a timed assertion and lets other uses of the clock be', () => {
  expect(durationsIn('a.ts', 'const t0 = performance.now();\nrun();\nexpect(performance.now() - t0).toBeLessThan(100);\n')).toEqual([3]);
  expect(durationsIn('b.ts', 'const started = Date.now();\nrun();\nconst end = Date.now();\nconst ms = end - started;\n')).toEqual([4]);
  expect(durationsIn('c.ts', 'const code = `\nconst s = performance.now();\nconsole.log(performance.now() - s);\n`;\n')).toEqual([3]);
  expect(durationsIn('d.ts', 'const id = `req-${Date.now().toString(36)}`;\nconst left = total - used;\n')).toEqual([]);
});

test('no test file computes a wall-clock duration', () => {
  // This file's own fixtures above are timed on purpose.
  const timed = testFiles(join(ROOT, 'test'))
    .filter((p) => p !== __filename)
    .flatMap((p) => durationsIn(p, readFileSync(p, 'utf8')).map((line) => `${relative(ROOT, p)}:${line}`));
  expect(timed).toEqual([]);
});
