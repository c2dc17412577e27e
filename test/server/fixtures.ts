/**
 * A Bangfu workbook in the in-memory Apps Script fake, with the people of 京山 (H01) and
 * 沙洋 (H02) unions, and helpers to read sheets back as records.
 *
 * As in production: the owner sets the workbook up (alone, directly), deploys the writer
 * project as a web app executing as the owner, registers this script's token audience and
 * the spreadsheet in the writer's script properties, and connects the client. From then on
 * every write by anyone goes through the writer, with the protections enforced.
 */
import { createFakeGas, installGlobals } from '../../harness/gas';
import { setNow } from '../../src/server/clock';
import { requestContext } from '../../src/server/context';
import { setupSpreadsheet } from '../../src/server/setup';
import { withScriptLock } from '../../src/sheets/lock';
import type { Ctx } from '../../src/usecases/ctx';
import { auditHeadStore } from '../../src/writer/index';
import { deployWriter as deployWriterAs, WRITER_ID } from '../../harness/writerDeploy';
import '../../src/writer/ops';
import type { FormValues } from '../../src/shared/endpoints';

export type Fake = ReturnType<typeof createFakeGas>;

export const OWNER = 'owner@jmszgh.cn';
export const people = {
  admin: { email: 'admin@jmszgh.cn', role: '管理员', county: '', name: '系统管理员' },
  staff: { email: 'zhangmin@jszgh.cn', role: '基层工会', county: 'H01', name: '张敏' },
  staff2: { email: 'liuyang@jszgh.cn', role: '基层工会', county: 'H01', name: '刘洋' },
  reviewer: { email: 'lina@jszgh.cn', role: '单位工会审核', county: 'H01', name: '李娜' },
  county: { email: 'wangqiang@jszgh.cn', role: '县区总工会', county: 'H01', name: '王强' },
  city: { email: 'chenjing@jmszgh.cn', role: '市总工会', county: '', name: '陈静' },
  province: { email: 'zhoujie@hbszgh.org.cn', role: '省总工会', county: '', name: '周杰' },
  shayangReviewer: { email: 'zhaolei@syzgh.cn', role: '单位工会审核', county: 'H02', name: '赵磊' },
  shayangCounty: { email: 'sunli@syzgh.cn', role: '县区总工会', county: 'H02', name: '孙丽' },
} as const;
export type Person = keyof typeof people;

import { makeId } from '../helpers/idNumbers';
export { makeId };

/** 王秀英, 京山 (420821), a medical case: self-pay 20,000 yuan after insurance. */
export function wangXiuying(overrides: FormValues = {}): FormValues {
  return {
    name: '王秀英',
    id_number: makeId('420821', '1972-03-15', 12, '女'),
    ethnicity: '汉族',
    political_status: '群众',
    health: '患病',
    phone: '13872345678',
    employer: '京山县轻机厂',
    employer_type: '国有企业',
    work_status: '在岗',
    // 18,000 a year for three: her self-pay of 20,000 exceeds it, as 特困职工医疗救助 requires (河北 001 §10).
    household_income: 18000,
    household_size: 3,
    medical_self_pay: 20000,
    in_catalogue: '是',
    causes: ['因病'],
    cause_detail: '丈夫患尿毒症，长期透析',
    emergency: '否',
    other_programme: '否',
    scheme: 'medical',
    relief_base: 20000,
    card_number: '6228480402564890018',
    // 家庭人口 3 = 王秀英 + the two members of her household registration.
    members: [
      { name: '周建国', relation: '配偶', sex: '男', health: '患病', income: 0 },
      { name: '周小雨', relation: '子女', sex: '女', health: '良好', income: 0 },
    ],
    ...overrides,
  };
}

export function liMing(overrides: FormValues = {}): FormValues {
  return wangXiuying({
    name: '李明',
    id_number: makeId('420821', '1980-11-02', 33, '男'),
    phone: '13907241234',
    employer: '京山县纺织厂',
    household_income: 18000,
    household_size: 4,
    medical_self_pay: 8000,
    relief_base: 8000,
    members: [],
    ...overrides,
  });
}

let requestSeq = 0;
export function rid(prefix = 'req'): string {
  return `${prefix}-${++requestSeq}-${Date.now().toString(36)}`;
}

export { WRITER_ID };

export interface WorkbookOptions {
  /** Deploy and connect the writer (default true); false: the owner works alone, as before a writer exists. */
  writer?: boolean;
}

/** A fresh workbook after setup, with 人员权限 filled as an administrator would type it, and its writer connected. */
export function newWorkbook(today = '2025-09-30', opts: WorkbookOptions = {}): Fake {
  const fake = createFakeGas({ owner: OWNER });
  installGlobals(globalThis, fake);
  setNow(today);
  fake.setUser(OWNER);
  setupSpreadsheet();
  const staff = sheet(fake, '人员权限');
  const rows = Object.values(people).map((p) => [p.email, p.role, p.county, p.name]);
  staff.getRange(staff.getLastRow() + 1, 1, rows.length, 4).setValues(rows);
  if (opts.writer !== false) deployWriter(fake);
  fake.counter.reset();
  return fake;
}

/** The owner deploys the writer (USER_DEPLOYING), registers this client and spreadsheet, and connects it. Returns the URL. */
export function deployWriter(fake: Fake): string {
  return deployWriterAs(fake, OWNER);
}

export function writerOf(fake: Fake): Fake {
  return fake.project(WRITER_ID);
}

/**
 * Runs fn in the writer project as its time-driven trigger would (as the owner who
 * installed it, the writer's services as the globals), then gives the globals back.
 */
export function inWriterTrigger<T>(fake: Fake, fn: () => T): T {
  const writer = writerOf(fake);
  installGlobals(globalThis, writer);
  try {
    return writer.runTrigger(fn, OWNER);
  } finally {
    installGlobals(globalThis, fake);
  }
}

/** A daily job on this workbook in the writer, with the Ctx the writer's daily trigger builds. */
export function writerJob<T>(fake: Fake, job: (ctx: Ctx) => T): T {
  const id = fake.spreadsheet.getId();
  return inWriterTrigger(fake, () => job(requestContext(SpreadsheetApp.openById(id), { email: '', lock: withScriptLock, auditHead: auditHeadStore(id) })));
}

export function as(fake: Fake, who: Person): void {
  fake.setUser(people[who].email);
}

export function sheet(fake: Fake, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const s = fake.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s as unknown as GoogleAppsScript.Spreadsheet.Sheet;
}

/** A sheet's rows as records keyed by its header (zh labels). */
export function records(fake: Fake, name: string): Record<string, unknown>[] {
  const values = sheet(fake, name).getDataRange().getValues();
  const [header, ...rows] = values;
  return rows.filter((r) => r.some((v) => v !== '')).map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

/** Civil date of a date cell. */
export function day(v: unknown): string {
  if (!(v instanceof Date)) return String(v);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${v.getFullYear()}-${p(v.getMonth() + 1)}-${p(v.getDate())}`;
}
