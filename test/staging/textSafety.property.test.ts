/**
 * Formula injection, end to end: whatever a user types into a text field survives a save,
 * an edit of another field and a review step, and reads back exactly as typed (trimmed, as
 * the form trims it); no cell of 案件 or 操作日志 ever holds a formula. The fake parses
 * setValues the way Sheets does (harness/gas/cells.ts): '=…', '+…', '-2+3', '@…' become
 * formulas, '00123' a number, and a leading apostrophe is a marker Sheets drops.
 * Protections are enforced: every write goes through the writer, as in production.
 */
import fc from 'fast-check';
import { sendWrite } from '../../src/platform/writerClient';
import type { ReviewActionRequest, ReviewActionResult, SaveCaseRequest, SaveCaseResult } from '../../src/shared/endpoints';
import { as, liMing, makeId, newWorkbook, rid, sheet, type Fake } from '../server/fixtures';

// As the sidebar sends them: through the writer, as a staff member and a reviewer who do not own the spreadsheet.
const saveCase = (req: SaveCaseRequest) => sendWrite<SaveCaseResult>('saveCase', req);
const reviewAction = (req: ReviewActionRequest) => sendWrite<ReviewActionResult>('reviewAction', req);

const NAMED = [
  '=HYPERLINK("http://e.cn","点我")',
  '=IMPORTXML("e.cn","//a")',
  '+1+1',
  '@SUM(A1)',
  '-2+3',
  "'=CMD",
  "''双引号",
  '00123',
  '1e5',
  'TRUE',
  '2025-10-01',
  '50%',
  '1,234',
  '\t=1+1',
];

let fake: Fake;
let seq = 0;

beforeAll(() => {
  fake = newWorkbook('2025-09-30');
});

function column(name: string): number {
  const header = sheet(fake, '案件').getRange(1, 1, 1, sheet(fake, '案件').getLastColumn()).getValues()[0];
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i + 1;
}

function rowOf(workerNo: string): number {
  const s = sheet(fake, '案件');
  const nos = s
    .getRange(1, column('职工编号'), s.getLastRow(), 1)
    .getValues()
    .map((r) => r[0]);
  return nos.indexOf(workerNo) + 1;
}

function noFormulas(name: string): void {
  const s = sheet(fake, name);
  const formulas = s
    .getDataRange()
    .getFormulas()
    .flat()
    .filter((f) => f !== '');
  expect(formulas).toEqual([]);
}

/** Save as staff, edit the phone as staff, pass as the reviewer; then read the typed texts back. */
function roundTrip(texts: { name: string; employer: string; detail: string }): Record<string, unknown> {
  seq++;
  as(fake, 'staff');
  const saved = saveCase({
    requestId: rid('new'),
    values: liMing({ name: texts.name, employer: texts.employer, cause_detail: texts.detail, id_number: makeId('420821', '1980-11-02', 100 + seq, '男') }),
  });
  if (!saved.ok) throw new Error(`save refused: ${saved.message}`);
  const edited = saveCase({
    requestId: rid('edit'),
    workerNo: saved.workerNo,
    version: saved.version,
    values: liMing({
      name: texts.name,
      employer: texts.employer,
      cause_detail: texts.detail,
      id_number: makeId('420821', '1980-11-02', 100 + seq, '男'),
      phone: '13907249999',
    }),
  });
  if (!edited.ok) throw new Error(`edit refused: ${edited.message}`);
  as(fake, 'reviewer');
  const passed = reviewAction({ requestId: rid('pass'), workerNo: saved.workerNo, action: 'pass', version: edited.version });
  if (!passed.ok) throw new Error(`pass refused: ${passed.message}`);
  const s = sheet(fake, '案件');
  const r = rowOf(saved.workerNo);
  const at = (label: string) => s.getRange(r, column(label)).getValue();
  return { name: at('姓名'), employer: at('工作单位'), detail: at('致困原因说明'), phone: at('联系电话') };
}

test.each(NAMED)('a name typed as %j reads back as typed after an edit and a review step', (text) => {
  const back = roundTrip({ name: text, employer: text, detail: text });
  expect(back).toEqual({ name: text.trim(), employer: text.trim(), detail: text.trim(), phone: '13907249999' });
  noFormulas('案件');
  noFormulas('操作日志');
});

test('property: any text a user types survives save → edit of another field → review → read back, and no cell becomes a formula', () => {
  const lead = fc.constantFrom('=', '+', '-', '@', "'", "''", '\t', '0', '1', '.', '¥', '(', '');
  const body = fc.string({ minLength: 0, maxLength: 20 });
  const text = fc
    .tuple(lead, body)
    .map(([a, b]) => (a + b).slice(0, 30))
    .filter((s) => s.trim() !== '');
  fc.assert(
    fc.property(text, text, text, (name, employer, detail) => {
      const back = roundTrip({ name, employer, detail });
      return back.name === name.trim() && back.employer === employer.trim() && back.detail === detail.trim();
    }),
    { numRuns: 60 },
  );
  noFormulas('案件');
  noFormulas('操作日志');
});
