/**
 * The hash of a log row does not change when Sheets stores it and getValues reads it back,
 * whatever the text: numbers, dates, booleans, formulas, apostrophes, line breaks, any
 * Unicode. (Property test: fast-check draws the records.)
 */
import fc from 'fast-check';
import { createFakeGas, installGlobals } from '../../harness/gas';
import { sha256Hex } from '../../src/platform/digest';
import { AUDIT_COLUMNS, AUDIT_HEADER, auditCells, type AuditRecord } from '../../src/sheets/audit';
import { appendAuditRows, canonicalCell, checkAuditValues, rowText } from '../../src/sheets/auditChain';
import { readHeader } from '../../src/sheets/table';
import { memoryHead } from './helpers';

const tricky = fc.constantFrom(
  '00123',
  '2025-10-01',
  '2025/1/2',
  'TRUE',
  'false',
  '=SUM(A1)',
  '=HYPERLINK("http://evil","x")',
  '+1+1',
  '-2+3',
  '@SUM(A1)',
  "'=CMD",
  "'",
  '1e5',
  ' 12 ',
  '第一行\r\n第二行',
  '回车\r',
  '\t制表',
  '待审核',
  '身份证 420821197203150244',
  '',
);
const text = fc.oneof(
  tricky,
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }).map((s) => s.replace(/[\uD800-\uDFFF]/g, '')),
);

const record: fc.Arbitrary<AuditRecord> = fc.record({
  time: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true }),
  user: text,
  workerNo: text,
  action: text,
  from: text,
  to: text,
  reason: text,
  changes: fc.array(
    fc.record({
      field: text,
      before: fc.oneof(text, fc.integer(), fc.constant(null)),
      after: fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean()),
    }),
    { maxLength: 3 },
  ),
  requestId: text,
});

function freshLog() {
  const fake = createFakeGas();
  installGlobals(globalThis, fake);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.insertSheet('操作日志');
  sheet.getRange(1, 1, 1, AUDIT_HEADER.length).setValues([AUDIT_HEADER]);
  return sheet;
}

test('every record hashes the same before it is written and after getValues reads it back', () => {
  fc.assert(
    fc.property(fc.array(fc.array(record, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), (batches) => {
      const sheet = freshLog();
      const head = memoryHead();
      const map = readHeader(sheet, AUDIT_COLUMNS);
      const written: Record<string, unknown>[] = [];
      for (const batch of batches) {
        const cells = batch.map(auditCells);
        appendAuditRows(sheet, map, cells, { digest: sha256Hex, head });
        written.push(...cells);
      }
      const values = sheet.getDataRange().getValues();
      expect(values.length - 1).toBe(written.length);
      // The canonical text of each row read back is the text that was hashed when it was written.
      for (let i = 0; i < written.length; i++) {
        const row = values[i + 1];
        const read = (k: string) => row[map.col[k] - 1];
        expect(rowText('', read)).toBe(rowText('', (k) => written[i][k]));
      }
      expect(checkAuditValues(values, sha256Hex, head.read())).toMatchObject({ ok: true, row: null });
      // A second read gives the same (the chain does not depend on the objects getValues hands out).
      expect(checkAuditValues(sheet.getDataRange().getValues(), sha256Hex, head.read()).ok).toBe(true);
      expect(head.read()!.rows).toBe(written.length);
    }),
    { numRuns: 60 },
  );
});

test('changing any one hashed cell of any row is found at that row', () => {
  fc.assert(
    fc.property(
      fc.array(record, { minLength: 2, maxLength: 6 }),
      fc.nat(),
      fc.constantFrom(...AUDIT_COLUMNS.filter((c) => !c.key.endsWith('hash')).map((c) => c.key)),
      text,
      (records, pick, key, replacement) => {
        const sheet = freshLog();
        const head = memoryHead();
        const map = readHeader(sheet, AUDIT_COLUMNS);
        appendAuditRows(sheet, map, records.map(auditCells), { digest: sha256Hex, head });
        const row = 2 + (pick % records.length);
        const cell = sheet.getRange(row, map.col[key]);
        const before = canonicalCell(cell.getValue());
        const after = key === 'time' ? new Date(2019, 0, 1) : `'${replacement}`;
        fc.pre(canonicalCell(key === 'time' ? after : replacement) !== before);
        cell.setValue(after);
        expect(checkAuditValues(sheet.getDataRange().getValues(), sha256Hex, head.read())).toMatchObject({ ok: false, row });
      },
    ),
    { numRuns: 60 },
  );
});
