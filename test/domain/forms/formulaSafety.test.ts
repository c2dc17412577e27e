import fc from 'fast-check';
import { asCellRow, asCellText, needsTextMarker, shownText } from '../../../src/domain/forms/formulaSafety';

describe('text that looks like a formula is stored as text', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","点我")', `'=HYPERLINK("http://evil.example","点我")`],
    ['+86 139 7280 1234', `'+86 139 7280 1234`],
    ['-5', `'-5`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ["'引号开头", `''引号开头`],
  ])('%j → %j', (input, stored) => {
    expect(asCellText(input)).toBe(stored);
    expect(shownText(stored)).toBe(input);
  });

  it('leaves ordinary text alone', () => {
    expect(asCellText('王秀英')).toBe('王秀英');
    expect(asCellText('因病、子女上学')).toBe('因病、子女上学');
    expect(asCellText('')).toBe('');
  });

  it('leaves numbers, booleans and dates alone (a negative number stays a number)', () => {
    const d = new Date(2026, 2, 2);
    expect(asCellRow([-5, true, d, 0])).toEqual([-5, true, d, 0]);
  });

  it('property: whatever a user types, the stored text never starts a formula and reads back unchanged', () => {
    const risky = fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'");
    const text = fc.oneof(
      fc.string(),
      fc.tuple(risky, fc.string()).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(text, (s) => {
        const stored = asCellText(s) as string;
        const formulaLike = /^[=+\-@\t\r]/.test(stored);
        return !formulaLike && shownText(stored) === s && (needsTextMarker(s) || stored === s);
      }),
      { numRuns: 2000 },
    );
  });
});
