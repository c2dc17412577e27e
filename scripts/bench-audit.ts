/**
 * Audit-chain bench cases (scripts/bench.ts runs every export whose name starts with
 * "bench"): 校验操作日志 over a 20,000-row 操作日志 (ONE getValues whatever the length), and
 * the cost the chain adds to one append (with the writer's head: a property read and write).
 */
import { performance } from 'node:perf_hooks';
import { createFakeGas, installGlobals } from '../harness/gas';
import { sha256Hex } from '../src/platform/digest';
import { AUDIT_COLUMNS, AUDIT_HEADER, auditCells } from '../src/sheets/audit';
import { appendAuditRows, checkAuditValues, type AuditHeadValue } from '../src/sheets/auditChain';
import { readHeader } from '../src/sheets/table';

const ROWS = 20_000;

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

export function benchAuditChain(): Record<string, unknown>[] {
  const fake = createFakeGas();
  installGlobals(globalThis, fake);
  const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('操作日志');
  sheet.getRange(1, 1, 1, AUDIT_HEADER.length).setValues([AUDIT_HEADER]);
  const map = readHeader(sheet, AUDIT_COLUMNS);
  let value: AuditHeadValue | null = null;
  const head = {
    read: () => value,
    write: (h: AuditHeadValue) => {
      value = h;
    },
  };
  const changes = [
    { field: 'phone', before: '13872345678', after: '13872345679' },
    { field: 'household_income', before: 24000, after: 26000 },
  ];
  const records = Array.from({ length: ROWS }, (_, i) =>
    auditCells({
      time: new Date(Date.UTC(2025, 8, 30, 1, 0, i % 60)),
      user: 'zhangmin@jszgh.cn',
      workerNo: `H01${String(i).padStart(5, '0')}`,
      action: '修改案件',
      from: '待审核',
      to: '待审核',
      reason: '',
      changes,
      requestId: `req-${i}`,
    }),
  );
  for (let i = 0; i < ROWS; i += 1000) appendAuditRows(sheet, map, records.slice(i, i + 1000), { digest: sha256Hex, head });

  fake.counter.reset();
  let t0 = performance.now();
  appendAuditRows(sheet, map, [records[0]], { digest: sha256Hex, head });
  const appendMs = performance.now() - t0;
  const appendCalls = total(fake.counter.snapshot());

  fake.counter.reset();
  t0 = performance.now();
  const r = checkAuditValues(sheet.getDataRange().getValues(), sha256Hex, head.read());
  const verifyMs = performance.now() - t0;
  if (!r.ok) throw new Error(r.message);
  const counts = fake.counter.snapshot();
  // One Utilities.computeDigest per row (no Sheets call): the chain is sequential.
  const digests = Object.entries(counts)
    .filter(([k]) => k.startsWith('Utilities.'))
    .reduce((a, [, v]) => a + v, 0);
  return [
    { case: 'audit_append_one_row_with_head_20k', ms: +appendMs.toFixed(1), serviceCalls: appendCalls, rows: ROWS },
    {
      case: 'audit_verify_20k',
      ms: +verifyMs.toFixed(1),
      serviceCalls: total(counts),
      sheetCalls: total(counts) - digests,
      digestCalls: digests,
      rows: ROWS + 1,
      target_ms: 5000,
    },
  ];
}
