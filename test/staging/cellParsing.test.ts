/**
 * The fake reads written text the way Sheets does (harness/gas/cells.ts, sources cited
 * there), and asCellText is the one answer to it: any string written through it reads back
 * as itself, never as a formula, a number, a date or a boolean.
 */
import fc from 'fast-check';
import { storeInput } from '../../harness/gas/cells';
import { asCellText } from '../../src/domain/forms/formulaSafety';

describe('what Sheets makes of a written string', () => {
  it.each([
    ['=1+1', { value: '', formula: '=1+1' }],
    ['+1+1', { value: '', formula: '=+1+1' }],
    ['-2+3', { value: '', formula: '=-2+3' }],
    ['@SUM(A1)', { value: '', formula: '=@SUM(A1)' }],
    ['+86 139 7280 1234', { value: '', formula: '=+86 139 7280 1234' }],
    ['\t=1+1', { value: '', formula: '=1+1' }],
    ['-5', { value: -5, formula: null }],
    ['+5', { value: 5, formula: null }],
    ['00123', { value: 123, formula: null }],
    ['1,234.5', { value: 1234.5, formula: null }],
    ['50%', { value: 0.5, formula: null }],
    ['TRUE', { value: true, formula: null }],
    ["'=CMD", { value: '=CMD', formula: null }],
    ["''x", { value: "'x", formula: null }],
    ['-', { value: '-', formula: null }],
    ['王秀英', { value: '王秀英', formula: null }],
  ])('%j is stored as %j', (input, stored) => {
    expect(storeInput(input, false)).toEqual(stored);
  });

  it('a date-looking string becomes a date', () => {
    const s = storeInput('2025-10-01', false);
    expect(s.value).toEqual(new Date(2025, 9, 1));
  });

  it('a plain-text (@) cell keeps digits and formula text as typed, but still drops the marker', () => {
    expect(storeInput('420821197203150244', true)).toEqual({ value: '420821197203150244', formula: null });
    expect(storeInput('=1+1', true)).toEqual({ value: '=1+1', formula: null });
    expect(storeInput("'420821197203150244", true)).toEqual({ value: '420821197203150244', formula: null });
  });
});

test('property: any string written through asCellText reads back as itself, as text, in any cell', () => {
  const lead = fc.constantFrom('=', '+', '-', '@', "'", '\t', '\r', ' ', '0', '9', '.', '$', '¥', '(', 'T', '');
  const text = fc.tuple(lead, fc.string({ maxLength: 12 })).map(([a, b]) => a + b);
  fc.assert(
    fc.property(text, fc.boolean(), (s, plain) => {
      const stored = storeInput(asCellText(s), plain);
      return stored.formula === null && stored.value === s;
    }),
    { numRuns: 3000 },
  );
});
