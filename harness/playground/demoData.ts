/**
 * The demo workbook of a first start, made by the real code: setup runs in the bundle,
 * every case is saved through the real saveCase endpoint by a staff member of its county,
 * and some move through review, notice, approval and filing with the real reviewAction,
 * on the real working-day calendar (the bundle's clock is moved, as the tests move it).
 * Deterministic: the same ~200 cases every time (a seeded generator, no Math.random).
 * Used by the playground's first start (harness/playground/session.ts).
 */
import type { FakeGas } from '../gas';
import type { BundleContext } from '../loadBundle';
import { checkCharacter } from '../../src/domain/idcard';

export const DEMO_USERS = [
  { email: 'admin@jmszgh.cn', role: '管理员', county: '', name: '系统管理员' },
  { email: 'zhangmin@jszgh.cn', role: '基层工会', county: 'H01', name: '张敏' },
  { email: 'lina@jszgh.cn', role: '单位工会审核', county: 'H01', name: '李娜' },
  { email: 'wangqiang@jszgh.cn', role: '县区总工会', county: 'H01', name: '王强' },
  { email: 'huangtao@syzgh.cn', role: '基层工会', county: 'H02', name: '黄涛' },
  { email: 'zhaolei@syzgh.cn', role: '单位工会审核', county: 'H02', name: '赵磊' },
  { email: 'sunli@syzgh.cn', role: '县区总工会', county: 'H02', name: '孙丽' },
  { email: 'heyan@zxzgh.cn', role: '基层工会', county: 'H03', name: '何艳' },
  { email: 'guojun@zxzgh.cn', role: '单位工会审核', county: 'H03', name: '郭军' },
  { email: 'luoping@zxzgh.cn', role: '县区总工会', county: 'H03', name: '罗平' },
  { email: 'chenjing@jmszgh.cn', role: '市总工会', county: '', name: '陈静' },
];

const COUNTIES = [
  {
    code: 'H01',
    region: '420821',
    staff: 'zhangmin@jszgh.cn',
    reviewer: 'lina@jszgh.cn',
    county: 'wangqiang@jszgh.cn',
    employers: ['京山县轻机厂', '京山县纺织厂', '京山市第二中学', '京山县供销社'],
  },
  {
    code: 'H02',
    region: '420822',
    staff: 'huangtao@syzgh.cn',
    reviewer: 'zhaolei@syzgh.cn',
    county: 'sunli@syzgh.cn',
    employers: ['沙洋县化工厂', '沙洋县棉纺厂', '沙洋县人民医院'],
  },
  {
    code: 'H03',
    region: '420881',
    staff: 'heyan@zxzgh.cn',
    reviewer: 'guojun@zxzgh.cn',
    county: 'luoping@zxzgh.cn',
    employers: ['钟祥市纺织厂', '钟祥市磷矿', '钟祥市公交公司'],
  },
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧';
const GIVEN_F = ['秀英', '桂兰', '丽', '敏', '静', '芳', '艳', '娟', '霞', '玲', '红梅', '春燕'];
const GIVEN_M = ['建国', '志强', '伟', '军', '洋', '勇', '杰', '涛', '明', '超', '国华', '德明'];
const CAUSES = ['因病', '子女上学', '因意外', '因未就业', '因残', '单亲'];
const SCHEMES = ['medical', 'medical', 'major', 'critical', 'accident', 'living'];
const KINDS = ['医疗救助', '生活救助', '助学', '就业', '法律援助', '取暖补贴'];
/**
 * A GB 11643 citizen ID number: region, birth date, sequence (odd for men, even for women),
 * then the check digit the add-on computes (the tests keep their own independent copy in
 * test/helpers/idNumbers.ts, so a wrong check digit in the code cannot pass them).
 */
export function makeId(region: string, birth: string, seq: number, male: boolean): string {
  const first17 = `${region}${birth.replace(/-/g, '')}${String((seq % 500) * 2 + (male ? 1 : 0)).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** A small deterministic generator (mulberry32): the same demo on every machine. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export interface DemoOptions {
  /** Runs right after setup, as the owner (the playground connects its writer there). */
  afterSetup?: () => void;
  /** Other bundles whose clock moves with the demo's (the writer's). */
  clocks?: BundleContext[];
}

export function createDemo(ctx: BundleContext, fake: FakeGas, count = 200, opts: DemoOptions = {}): void {
  const clocks = [ctx, ...(opts.clocks ?? [])].map((c) => c.Bangfu as { setNow(at: string | null): void });
  const B = { setNow: (at: string | null) => clocks.forEach((c) => c.setNow(at)) };
  const call = (as: string, name: string, ...args: unknown[]) => {
    fake.setUser(as);
    return (ctx[name] as (...a: unknown[]) => unknown)(...args);
  };
  B.setNow('2026-09-01');
  call(fake.owner, 'setupSpreadsheet');
  const ss = fake.spreadsheet;
  const staff = ss.getSheetByName('人员权限')!;
  const rows = DEMO_USERS.map((u) => [u.email, u.role, u.county, u.name]);
  staff.getRange(staff.getLastRow() + 1, 1, rows.length, 4).setValues(rows);
  fake.setUser(fake.owner);
  opts.afterSetup?.();

  const rnd = random(20261123);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const made: { workerNo: string; c: (typeof COUNTIES)[number]; version: number }[] = [];
  const start = new Date(2026, 8, 1).getTime();
  for (let i = 0; i < count; i++) {
    const c = COUNTIES[i % 3];
    const male = rnd() < 0.45;
    const name = pick(SURNAMES.split('')) + (male ? pick(GIVEN_M) : pick(GIVEN_F));
    const birth = `${1962 + Math.floor(rnd() * 38)}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
    const size = 1 + Math.floor(rnd() * 5);
    const income = Math.round(((4000 + rnd() * 7000) * size) / 100) * 100;
    const scheme = pick(SCHEMES);
    const base = scheme === 'living' ? '' : Math.round(3000 + rnd() * 60000);
    const causes = [pick(CAUSES), ...(rnd() < 0.3 ? [pick(CAUSES)] : [])].filter((x, j, a) => a.indexOf(x) === j);
    const day = new Date(start + Math.floor(i / 3) * 86_400_000 * 0.9);
    B.setNow(`${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`);
    const values = {
      name,
      id_number: makeId(c.region, birth, i + 1, male),
      ethnicity: rnd() < 0.9 ? '汉族' : '土家族',
      political_status: pick(['群众', '群众', '中共党员']),
      health: causes.includes('因病') ? '患病' : causes.includes('因残') ? '残疾' : '良好',
      phone: `13${pick(['8', '9', '5', '6', '7'])}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`,
      employer: pick(c.employers),
      employer_type: pick(['国有企业', '非公企业', '国家机关/事业单位']),
      work_status: pick(['在岗', '在岗', '下(待)岗', '病休']),
      household_income: income,
      household_size: size,
      medical_self_pay: scheme === 'living' ? 0 : base,
      causes,
      cause_detail: causes.includes('因病') ? pick(['尿毒症长期透析', '乳腺癌术后化疗', '脑梗后遗症', '糖尿病并发症']) : '',
      emergency: i % 17 === 0 ? '是' : '否',
      other_programme: '否',
      scheme,
      relief_base: base,
      migrant: rnd() < 0.2 ? '是' : '否',
      assistance_kinds: [scheme === 'living' || scheme === 'accident' ? '生活救助' : '医疗救助', ...(rnd() < 0.3 ? [pick(KINDS)] : [])].filter(
        (x, j, a) => a.indexOf(x) === j,
      ),
      card_number: `622848${String(Math.floor(rnd() * 1e13)).padStart(13, '0')}`,
      // The schemes' entry conditions as a clerk records them (救助标准 适用条件).
      in_catalogue: '是',
      participant: '是',
      affects_living: scheme === 'accident' ? '是' : '',
      diagnosis_date: scheme === 'critical' ? `2026-${pad(1 + (i % 10))}-${pad(1 + (i % 27))}` : '',
      // The whole household registration besides the worker (seed 004 填表说明 12), so 家庭人口 = members + 1.
      members:
        size > 1
          ? [
              {
                name: pick(SURNAMES.split('')) + pick(male ? GIVEN_F : GIVEN_M),
                relation: '配偶',
                sex: male ? '女' : '男',
                health: '良好',
                income: Math.round(income / size),
              },
              ...Array.from({ length: size - 2 }, (_, k) =>
                k < 2
                  ? { name: name[0] + ['小雨', '小军'][k], relation: '子女', sex: k === 0 ? '女' : '男', health: '良好', income: 0 }
                  : { name: name[0] + ['德明', '桂兰'][k - 2], relation: '父母', sex: k === 2 ? '男' : '女', health: '患病', income: 0 },
              ),
            ]
          : [],
    };
    const r = call(c.staff, 'saveCase', { requestId: `demo-${i + 1}`, values }) as { ok: boolean; workerNo?: string; version?: number };
    if (r.ok && r.workerNo) made.push({ workerNo: r.workerNo, c, version: r.version ?? 1 });
  }

  // The oldest cases move on (seed 001's chain): passed on 2 November, notice over by 10 November,
  // the county's 初审, the city's approval, the filing.
  const act = (as: string, m: (typeof made)[number], action: string, extra: Record<string, unknown> = {}) => {
    const r = call(as, 'reviewAction', { requestId: `demo-${action}-${m.workerNo}`, workerNo: m.workerNo, action, version: m.version, ...extra }) as {
      ok: boolean;
    };
    if (r.ok) m.version++;
    return r.ok;
  };
  B.setNow('2026-11-02');
  const part = (share: number) => Math.round(made.length * share);
  const passed = made
    .slice(0, part(0.45))
    .filter((m, i) => (i % 9 === 4 ? !act(m.c.reviewer, m, 'return', { reason: '缺少医疗费用票据，请补充后重新提交' }) : act(m.c.reviewer, m, 'pass')));
  B.setNow('2026-11-10');
  const approval = passed.slice(0, part(0.35)).filter((m) => act(m.c.reviewer, m, 'end_notice'));
  B.setNow('2026-11-11');
  const prelim = approval.slice(0, part(0.3)).filter((m) => act(m.c.county, m, 'prelim'));
  B.setNow('2026-11-12');
  // The city's approval note: also the reason an approval gives where a case's conditions are not all met.
  const approved = prelim.slice(0, part(0.27)).filter((m) => act('chenjing@jmszgh.cn', m, 'approve', { reason: '经市总工会研究同意' }));
  B.setNow('2026-11-13');
  approved.slice(0, part(0.15)).forEach((m) => act('chenjing@jmszgh.cn', m, 'file'));
  // Newer ones are in public notice now.
  B.setNow('2026-11-18');
  made.slice(part(0.45), part(0.55)).forEach((m) => act(m.c.reviewer, m, 'pass'));
  B.setNow(null);

  addFormulaSheet(fake);
  const blank = ss.getSheetByName('工作表1');
  if (blank && blank.getLastRow() === 0) ss.deleteSheet(blank);
  ss.setActiveSheet(ss.getSheetByName('案件')!);
  fake.setUser(DEMO_USERS[0].email);
}

/**
 * 演示公式: the custom functions computing in cells. Column B shows each formula as text,
 * column C computes it; E1:F6 is a column of amounts whose relief spills down from F2.
 */
function addFormulaSheet(fake: FakeGas): void {
  const id = makeId('420821', '1972-03-15', 12, false);
  const examples = [
    ['医疗救助：自付 20,000 元', '=RELIEF("medical", 20000)'],
    ['其他重大疾病：自付 24,000 元（起付 4,000、20%）', '=RELIEF("major", 24000)'],
    ['救助计算说明', '=RELIEF_EXPLAIN("medical", 19999)'],
    ['2025-09-30 之后 3 个工作日（含国庆调休）', '=WORKDAY_CN(DATE(2025,9,30), 3)'],
    ['身份证号校验', `=IDCARD_VALID("${id}")`],
    ['身份证号取年龄（按“今日”单元格，每天更新）', `=IDCARD_INFO("${id}", "age", 今日)`],
    ['今日起 5 个工作日（跨年用暂定节假日）', '=WORKDAY_CN(今日, 5)'],
    ['职工编号', '=WORKER_NO("H01", 1)'],
    ['职工编号校验', '=WORKER_NO_VALID("H0100001")'],
    ['困难类别：人均 500 元，低保 550 元', '=HARDSHIP(500, 550)'],
    ['按救助标准表计算（改标准即重算）', '=RELIEF("medical", 50000, DATE(2026,1,15), 救助标准!A:M)'],
  ];
  const sheet = fake.spreadsheet.insertSheet('演示公式');
  sheet.getRange(1, 1, 1, 3).setValues([['说明', '公式', '结果']]);
  sheet.getRange(2, 1, examples.length, 2).setValues(examples.map(([what, f]) => [what, `'${f}`]));
  sheet.getRange(2, 3, examples.length, 1).setFormulas(examples.map(([, f]) => [f]));
  // A range argument: one result per amount, spilling like a Sheets array result.
  sheet.getRange(1, 5, 6, 1).setValues([['自付金额（元）'], [3000], [12000], [''], [48000], [150000]]);
  sheet.getRange(1, 6).setValue('医疗救助（元）');
  sheet.getRange(2, 6).setFormula('=RELIEF("medical", E2:E6)');
  sheet.setFrozenRows(1);
}
