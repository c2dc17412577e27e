/**
 * Typing into 案件 directly (only the owner may: everyone else writes through the writer):
 * a wrong value gets a zh note (not blocked), the fix clears it, the row is stamped with
 * who and when and its version moves on, and the log says so.
 */
import { setNow } from '../../src/server/clock';
import { saveCase, getIntakeForm } from '../../src/server/intake';
import { onEdit } from '../../src/server/onEdit';
import { OWNER, as, newWorkbook, records, rid, sheet, wangXiuying, type Fake } from './fixtures';

afterAll(() => setNow(null));

function typeInto(fake: Fake, row: number, label: string, value: unknown): GoogleAppsScript.Spreadsheet.Range {
  const s = sheet(fake, '案件');
  const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
  const cell = s.getRange(row, header.indexOf(label) + 1);
  const oldValue = cell.getValue();
  cell.setValue(value as never);
  onEdit({ range: cell, value, oldValue, source: fake.spreadsheet } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
  return cell;
}

test('a wrong ID typed into 案件 gets a note, the correction clears it, and the row is stamped', () => {
  const fake = newWorkbook('2025-09-30');
  as(fake, 'staff');
  expect(saveCase({ requestId: rid(), values: wangXiuying() }).ok).toBe(true);
  const goodId = String(wangXiuying().id_number);

  setNow('2025-10-09');
  fake.setUser(OWNER);
  const cell = typeInto(fake, 2, '身份证号', goodId.slice(0, 17) + (goodId[17] === '0' ? '1' : '0'));
  expect(cell.getNote()).toContain('“身份证号”');
  let row = records(fake, '案件')[0];
  expect(row['最后修改人']).toBe(OWNER);
  expect(row['版本']).toBe(2);
  const log = records(fake, '操作日志');
  expect(log[log.length - 1]).toMatchObject({ 操作: '手工编辑', 职工编号: 'H0100001', 用户: OWNER });
  const bad = goodId.slice(0, 17) + (goodId[17] === '0' ? '1' : '0');
  expect(log[log.length - 1]['变更字段']).toBe(`身份证号：${goodId} → ${bad}`);

  typeInto(fake, 2, '身份证号', goodId);
  expect(cell.getNote()).toBe('');
  row = records(fake, '案件')[0];
  expect(row['版本']).toBe(3);

  // A sidebar that loaded the case before the hand edits must reload: version 1 is stale.
  as(fake, 'staff');
  const stale = saveCase({ requestId: rid(), workerNo: 'H0100001', version: 1, values: wangXiuying({ phone: '13800001111' }) });
  expect(stale.ok).toBe(false);
  expect(getIntakeForm('H0100001').version).toBe(3);
});

test('edits outside 案件, and to the header row, are left alone', () => {
  const fake = newWorkbook('2025-09-30');
  const before = records(fake, '操作日志').length;
  const s = sheet(fake, '设置');
  const cell = s.getRange(2, 2);
  onEdit({ range: cell, value: 'x', source: fake.spreadsheet } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
  const header = sheet(fake, '案件').getRange(1, 1);
  onEdit({ range: header, value: '编号', source: fake.spreadsheet } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
  expect(records(fake, '操作日志').length).toBe(before);
});
