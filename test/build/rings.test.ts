/**
 * The rings are the compiler's, not a convention: each ring's tsconfig (tsconfig/<ring>.json,
 * all built by `npm run typecheck`) sees only the types its ring may use. Small fixtures are
 * compiled with the TypeScript API under the real ring configs, as tsc -b compiles them.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..');
/** Files read from disk, parsed once for all the programs below. */
const parsedFromDisk = new Map<string, ts.SourceFile | undefined>();
const config = (ring: string) => join(ROOT, 'tsconfig', `${ring}.json`);

/**
 * The errors tsc reports in `file` under a ring's config, with `overlay` (absolute path →
 * text) standing in for files on disk or adding new ones. Rings it imports are compiled
 * from source here rather than from their built declarations; the file's own ring decides
 * its globals and types either way.
 */
function errorsIn(ring: string, file: string, overlay: Record<string, string>): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    config(ring),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(String(d.messageText));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${config(ring)}`);
  // A ring with references is compiled here with its dependencies' sources (no built
  // declarations to read), so it cannot stay composite; one without (the domain) stays as
  // tsc -b sees it, including the rule that every file it pulls in must be its own.
  const options: ts.CompilerOptions = parsed.projectReferences?.length
    ? { ...parsed.options, composite: false, declaration: false, emitDeclarationOnly: false, incremental: false, noEmit: true }
    : parsed.options;
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => {
    if (name in overlay) return ts.createSourceFile(name, overlay[name], lang);
    if (!parsedFromDisk.has(name)) parsedFromDisk.set(name, getSourceFile(name, lang, ...rest));
    return parsedFromDisk.get(name);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name in overlay || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => overlay[name] ?? readFile(name);
  const program = ts.createProgram({ rootNames: [...new Set([...parsed.fileNames, ...Object.keys(overlay)])], options, host });
  const sf = program.getSourceFile(file);
  if (!sf) throw new Error(`${file} is not in the program`);
  return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

test('npm run typecheck builds every ring config', () => {
  const rings = readdirSync(join(ROOT, 'tsconfig')).filter((f) => f.endsWith('.json') && f !== 'base.json');
  const solution = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { references: { path: string }[] };
  expect(solution.references.map((r) => r.path.replace('./tsconfig/', '')).sort()).toEqual(rings.sort());
  expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.typecheck).toBe('tsc -b tsconfig.json');
});

const SHEET_CALL = `export function firstSheetName(): string {\n  return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getName();\n}\n`;

test('an Apps Script global in src/domain does not compile; the same code in src/sheets does', () => {
  const inDomain = join(ROOT, 'src/domain/ringFixture.ts');
  expect(errorsIn('domain', inDomain, { [inDomain]: SHEET_CALL })).toEqual([expect.stringContaining("Cannot find name 'SpreadsheetApp'")]);
  const inSheets = join(ROOT, 'src/sheets/ringFixture.ts');
  expect(errorsIn('sheets', inSheets, { [inSheets]: SHEET_CALL })).toEqual([]);
});

test('node and DOM globals do not compile in the domain either', () => {
  const f = join(ROOT, 'src/domain/ringFixture.ts');
  const errors = errorsIn('domain', f, { [f]: 'export const a = process.env.TZ;\nexport const b = document.title;\n' });
  expect(errors).toEqual([expect.stringContaining("Cannot find name 'process'"), expect.stringContaining("Cannot find name 'document'")]);
});

test('the domain cannot import from the outer rings', () => {
  const f = join(ROOT, 'src/domain/ringFixture.ts');
  const errors = errorsIn('domain', f, { [f]: "import { SHEET_NAMES } from '../sheets/workbook';\nexport const cases = SHEET_NAMES.cases;\n" });
  expect(errors.join('\n')).toContain('is not listed within the file list of project');
});

describe('the sidebar endpoints are bound to the Endpoints contract', () => {
  const sidebar = join(ROOT, 'src/server/sidebar.ts');
  const real = readFileSync(sidebar, 'utf8');
  const at = real.indexOf('SIDEBAR_ENDPOINTS');
  /** sidebar.ts with one endpoint of its object replaced. */
  const drifted = (from: string, to: string) => {
    const i = real.indexOf(from, at);
    expect(i).toBeGreaterThan(at);
    return { [sidebar]: real.slice(0, i) + to + real.slice(i + from.length) };
  };

  test('as written, they satisfy it', () => {
    expect(errorsIn('server', sidebar, {})).toEqual([]);
  });

  test('an endpoint that takes another argument than the page sends does not compile', () => {
    const errors = errorsIn('server', sidebar, drifted('searchCases,', 'searchCases: (text: string, limit: number) => searchCases(text).slice(0, limit),'));
    expect(errors).toEqual([expect.stringContaining("is not assignable to type '(text: string) => CaseSummaryDto[]'")]);
  });

  test('an endpoint that returns another shape than the page reads does not compile', () => {
    const errors = errorsIn('server', sidebar, drifted('getReviewQueue,', 'getReviewQueue: () => getReviewQueue().items,'));
    expect(errors).toEqual([expect.stringContaining("is missing the following properties from type 'ReviewQueue'")]);
  });
});

/** The rules `npm run lint` reports for `code` placed at `file` (ESLint in its own process, as npm runs it). */
function lintRules(file: string, code: string): string[] {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', file, '--format', 'json'], {
    cwd: ROOT,
    input: code,
    encoding: 'utf8',
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr);
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

test('a use case may take Apps Script types but not call an Apps Script service; the sheets ring may', () => {
  const code =
    'export function names(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string[] {\n  return [ss.getName(), SpreadsheetApp.getActiveSpreadsheet().getName()];\n}\n';
  expect(lintRules('src/usecases/ringFixture.ts', code)).toEqual([expect.stringMatching(/^no-restricted-globals: Unexpected use of 'SpreadsheetApp'/)]);
  expect(lintRules('src/domain/ringFixture.ts', 'export const lock = () => LockService.getScriptLock();\n')).toEqual([expect.stringMatching(/'LockService'/)]);
  expect(lintRules('src/sheets/ringFixture.ts', code)).toEqual([]);
  // And the usecases ring compiles the types: the rule, not the compiler, keeps the call out.
  const f = join(ROOT, 'src/usecases/ringFixture.ts');
  expect(errorsIn('usecases', f, { [f]: code })).toEqual([]);
});
