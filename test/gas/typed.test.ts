/**
 * The fake classes are bound to @types/google-apps-script with Shape<…>: a method whose
 * name, parameters or primitive return type drift from real Apps Script fails the compiler.
 * Shown here by compiling small classes with tsc's API (one program, one file per case).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const SHAPE = join(ROOT, 'harness', 'gas', 'types').replace(/\\/g, '/');

/** The compiler's messages for each snippet, by name. */
function compile(snippets: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'bangfu-shape-'));
  try {
    const files = Object.entries(snippets).map(([name, body]) => {
      const file = join(dir, `${name}.ts`);
      writeFileSync(file, `import type { Shape } from '${SHAPE}';\n${body}\nexport {};\n`);
      return [name, file] as const;
    });
    const program = ts.createProgram(
      files.map(([, f]) => f),
      {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        target: ts.ScriptTarget.ES2020,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        module: ts.ModuleKind.ESNext,
        types: ['google-apps-script'],
        typeRoots: [join(ROOT, 'node_modules', '@types')],
      },
    );
    return Object.fromEntries(
      files.map(([name, f]) => [
        name,
        ts
          .getPreEmitDiagnostics(program, program.getSourceFile(f))
          .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
          .join('\n'),
      ]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a fake range with Apps Script's signatures compiles; one that drifts does not", () => {
  const out = compile({
    faithful: `class FakeRange implements Shape<GoogleAppsScript.Spreadsheet.Range, 'setValues' | 'getNumRows' | 'getA1Notation'> {
      setValues(values: unknown[][]): this { return this; }
      getNumRows(): number { return 1; }
      getA1Notation(): string { return 'A1'; }
    }`,
    // A parameter of the wrong type (a string where Apps Script passes a grid).
    wrongParameter: `class FakeRange implements Shape<GoogleAppsScript.Spreadsheet.Range, 'setValues'> {
      setValues(values: string): this { return this; }
    }`,
    // A primitive return type that differs.
    wrongReturn: `class FakeRange implements Shape<GoogleAppsScript.Spreadsheet.Range, 'getNumRows'> {
      getNumRows(): string { return '1'; }
    }`,
    // A method Apps Script does not have.
    unknownMethod: `class FakeRange implements Shape<GoogleAppsScript.Spreadsheet.Range, 'setValuez'> {
      setValuez(values: unknown[][]): this { return this; }
    }`,
  });
  expect(out.faithful).toBe('');
  expect(out.wrongParameter).toMatch(/'setValues'.*not assignable/s);
  expect(out.wrongReturn).toMatch(/'getNumRows'.*not assignable/s);
  expect(out.unknownMethod).toMatch(/setValuez/);
});
