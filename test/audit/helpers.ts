/**
 * A 操作日志 filled by real saves and review actions (by staff and reviewers, through the
 * writer), the writer's head for it, and the check as the menu runs it.
 */
import { requestContext } from '../../src/server/context';
import { saveCase } from '../../src/server/intake';
import { reviewAction } from '../../src/server/review';
import { setNow } from '../../src/server/clock';
import type { AuditCheck, AuditHead, AuditHeadValue } from '../../src/sheets/auditChain';
import { verifyAuditLog as verifyAuditLogMenu } from '../../src/server/verifyAudit';
import { verifyAuditLog } from '../../src/usecases/verifyAudit';
import { as, liMing, makeId, OWNER, records, rid, sheet, wangXiuying, writerOf, type Fake, type Person } from '../server/fixtures';

/** The head as the writer keeps it (here in memory; in the writer, its script properties). */
export function memoryHead(start: AuditHeadValue | null = null): AuditHead & { value: AuditHeadValue | null } {
  const h = {
    value: start,
    read: () => (h.value ? { ...h.value } : null),
    write: (v: AuditHeadValue) => {
      h.value = { ...v };
    },
  };
  return h;
}

export function log(fake: Fake): GoogleAppsScript.Spreadsheet.Sheet {
  return sheet(fake, '操作日志');
}

/** The data rows of 操作日志 (sheet rows 2..). */
export function logRows(fake: Fake): number {
  return log(fake).getLastRow() - 1;
}

export function column(fake: Fake, zh: string): number {
  const header = log(fake).getRange(1, 1, 1, log(fake).getLastColumn()).getValues()[0];
  const i = header.indexOf(zh);
  if (i < 0) throw new Error(`no column ${zh}`);
  return i + 1;
}

/** The head the writer keeps for this spreadsheet in its own script properties (null before its first append). */
export function writerHead(fake: Fake): AuditHeadValue | null {
  const raw = writerOf(fake).PropertiesService.getScriptProperties().getProperty(`BANGFU_AUDIT_HEAD:${fake.spreadsheet.getId()}`);
  return raw === null ? null : (JSON.parse(raw) as AuditHeadValue);
}

/** 帮扶 → 管理 → 校验操作日志 clicked by `who`: sent to the writer, checked against its head. */
export function verifyThroughWriter(fake: Fake, who: Person = 'admin'): AuditCheck {
  as(fake, who);
  try {
    return verifyAuditLogMenu();
  } finally {
    fake.setUser(OWNER);
  }
}

const KEY_OF: Record<string, string> = {
  时间: 'time',
  用户: 'user',
  职工编号: 'worker_no',
  操作: 'action',
  原状态: 'from',
  新状态: 'to',
  原因: 'reason',
  变更字段: 'changes',
  请求编号: 'request_id',
};

/** A log row's cell by column key, as rowHash reads it. */
export function cellOf(header: readonly unknown[], row: readonly unknown[]): (key: string) => unknown {
  return (k) => row[header.findIndex((h) => KEY_OF[String(h)] === k)];
}

/** Rows written back as the owner would paste them: text stays text (the apostrophe marker). */
export function asText(rows: readonly (readonly unknown[])[]): unknown[][] {
  return rows.map((r) => r.map((v) => (typeof v === 'string' && v !== '' ? `'${v}` : v)));
}

/** The use case on the bound script's Ctx (no writer head) or with the given head. */
export function verify(fake: Fake, head?: AuditHead) {
  const ctx = requestContext();
  if (head) ctx.auditHead = head;
  return verifyAuditLog(ctx);
}

const NAMES = [
  '王秀英',
  '李明',
  '张桂兰',
  '刘建华',
  '陈淑芬',
  '杨志强',
  '赵丽娟',
  '黄国平',
  '周玉梅',
  '吴海涛',
  '徐春燕',
  '孙德胜',
  '胡秀珍',
  '朱永红',
  '高建军',
  '林凤英',
  '何志刚',
  '郭淑华',
  '马金花',
  '罗卫东',
];

/**
 * `n` log lines from the real workflow: staff register cases, edit them, the unit
 * reviewer passes them. Returns the worker numbers created.
 */
export function realActivity(fake: Fake, n: number): string[] {
  const made: string[] = [];
  let lines = 0;
  // New people each call: the cases already there are not registered twice.
  let i = records(fake, '案件').length;
  const staff: Person[] = ['staff', 'staff2'];
  while (lines < n) {
    setNow('2025-09-30');
    as(fake, staff[i % 2]);
    const name = NAMES[i % NAMES.length] + (i >= NAMES.length ? String(i) : '');
    const sex = i % 2 === 0 ? '女' : '男';
    const base = i % 2 === 0 ? wangXiuying : liMing;
    const saved = saveCase({
      requestId: rid('new'),
      values: base({ name, id_number: makeId('420821', `19${60 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`, 100 + i, sex) }),
    });
    if (!saved.ok) throw new Error(`save ${name}: ${saved.message}`);
    made.push(saved.workerNo);
    lines++;
    if (lines < n && i % 3 === 0) {
      // An edit of one field: the phone number.
      const edited = saveCase({
        requestId: rid('edit'),
        workerNo: saved.workerNo,
        version: saved.version,
        values: base({ name, id_number: makeId('420821', `19${60 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`, 100 + i, sex), phone: '1387234' + String(5000 + i) }),
      });
      if (!edited.ok) throw new Error(`edit ${name}: ${edited.message}`);
      lines++;
    }
    if (lines < n) {
      setNow('2025-10-09');
      as(fake, 'reviewer');
      const version = Number(records(fake, '案件').find((r) => r['职工编号'] === saved.workerNo)!['版本']);
      const passed = reviewAction({ requestId: rid('pass'), workerNo: saved.workerNo, action: 'pass', version });
      if (!passed.ok) throw new Error(`pass ${name}: ${passed.message}`);
      lines++;
    }
    i++;
  }
  fake.setUser(OWNER);
  return made;
}
