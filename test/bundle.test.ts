/**
 * dist/Code.js as Apps Script loads it: one global scope, no require or module. Every
 * entry point is a top-level function; loading calls no service; the custom functions
 * answer through the stubs with the SPEC §8 numbers; the stubs carry the JSDoc Sheets
 * reads for autocomplete. (npm test builds dist/ before jest runs.)
 */
import { createFakeGas } from '../harness/gas';
import { bundleSource, callEntry, loadBundle } from '../harness/loadBundle';
import { ENTRY_POINTS } from '../src/server/entrypoints';

const source = bundleSource();

test('every entry point is a plain top-level function of Code.js', () => {
  const ctx = loadBundle(createFakeGas());
  for (const e of ENTRY_POINTS) {
    expect(typeof ctx[e.name]).toBe('function');
    expect(source).toMatch(new RegExp(`^function ${e.name}\\(`, 'm'));
  }
  expect(typeof ctx.Bangfu).toBe('object');
});

test('the script loads without require, module or process, and calls no service while loading', () => {
  const fake = createFakeGas();
  const ctx = loadBundle(fake);
  expect(fake.counter.total()).toBe(0);
  expect('require' in ctx || 'module' in ctx || 'process' in ctx).toBe(false);
  // Nothing in the bundle reaches for Node.
  expect(source).not.toMatch(/\brequire\(["']/);
});

test('custom functions answer through the stubs with the SPEC §8 numbers', () => {
  const ctx = loadBundle(createFakeGas());
  const on = new Date(2025, 9, 1);
  expect(callEntry(ctx, 'RELIEF', 'medical', 4999, on)).toBe(0);
  expect(callEntry(ctx, 'RELIEF', 'medical', 19999, on)).toBe(1999.9);
  expect(callEntry(ctx, 'RELIEF', '特困职工医疗救助', 20000, on)).toBe(1600);
  expect(callEntry(ctx, 'RELIEF', 'major', 300000, on)).toBe(30000);
  expect(callEntry(ctx, 'RELIEF', 'medical', [[5000], [''], ['abc']], on)).toEqual([[500], [''], [expect.stringContaining('abc')]]);
  // Sheets shows a thrown error as #ERROR! with its message: the unknown scheme is named.
  expect(() => callEntry(ctx, 'RELIEF', 'dental', 100, on)).toThrow(/dental/);
  expect(String(callEntry(ctx, 'RELIEF_EXPLAIN', 'medical', 20000, on))).toMatch(/8%/);

  const d = callEntry(ctx, 'WORKDAY_CN', new Date(2025, 8, 30), 3) as Date;
  expect([d.getFullYear(), d.getMonth() + 1, d.getDate()]).toEqual([2025, 10, 11]);
  // 2027 runs on the provisional statutory days; only a year before the built-in ones is an error.
  const p = callEntry(ctx, 'WORKDAY_CN', new Date(2026, 11, 31), 1) as Date;
  expect([p.getFullYear(), p.getMonth() + 1, p.getDate()]).toEqual([2027, 1, 4]);
  expect(() => callEntry(ctx, 'WORKDAY_CN', new Date(2020, 0, 2), -2)).toThrow(/2019年的节假日安排尚未录入/);

  expect(callEntry(ctx, 'IDCARD_VALID', '11010519491231002X')).toBe(true);
  expect(callEntry(ctx, 'IDCARD_VALID', '110105194912310021')).toBe(false);
  expect(callEntry(ctx, 'IDCARD_INFO', '11010519491231002X', 'sex')).toBe('女');
  expect(callEntry(ctx, 'WORKER_NO', 'H01', 1)).toBe('H0100001');
  expect(callEntry(ctx, 'WORKER_NO_VALID', 'H0100001')).toBe(true);
  expect(callEntry(ctx, 'HARDSHIP', 500, 550)).toBe('低保户');
});

test('custom-function stubs carry zh and en JSDoc with real parameter names and @customfunction', () => {
  for (const e of ENTRY_POINTS.filter((x) => x.kind === 'custom')) {
    const at = source.indexOf(`\nfunction ${e.name}(`);
    const doc = source.slice(source.lastIndexOf('/**', at), at);
    expect(doc).toContain('@customfunction');
    expect(doc).toContain(e.zh.slice(0, 4));
    expect(doc).toMatch(/@return \{/);
    for (const p of e.params) expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${p.name}`));
    expect(source.slice(at)).toMatch(new RegExp(`^\\nfunction ${e.name}\\(${e.params.map((p) => p.name).join(', ')}\\)`));
  }
});

test('a menu handler and a sidebar endpoint run inside the loaded script against the services', () => {
  const fake = createFakeGas();
  const ctx = loadBundle(fake);
  callEntry(ctx, 'onOpen', { authMode: 'LIMITED' });
  expect(fake.ui.menus[0].title).toBe('帮扶');
  const report = callEntry(ctx, 'setupSpreadsheet') as { created: string[] };
  expect(report.created).toContain('案件');
  const form = callEntry(ctx, 'getIntakeForm') as { fields: unknown[] };
  expect(form.fields.length).toBeGreaterThan(20);
});
