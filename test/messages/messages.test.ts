/**
 * No developer words in any text a user can see (issue 12): the message catalogue of the
 * sources, the messages the bundle actually produces for bad input (as the #ERROR! tooltip
 * shows them), the explanations, and every default text setup writes into the workbook.
 */
import { createFakeGas } from '../../harness/gas';
import { loadBundle } from '../../harness/loadBundle';
import { showFormula, type EvalEnv } from '../../harness/formula';
import { BangfuError } from '../../src/domain/errors';
import { SOURCE_DOCUMENTS } from '../../src/domain/sources';
import { DEFAULT_POLICY } from '../../src/defaults/policies';
import { setNow } from '../../src/server/clock';
import { newWorkbook, sheet, makeId } from '../server/fixtures';
import { developerWords, messageCatalogue } from './catalogue';

afterAll(() => setNow(null));

/**
 * Texts that name something a user types as it is, each with its reason. Anything else
 * with an ASCII identifier fails.
 */
const EXEMPT: { file: string; contains: string; why: string }[] = [
  { file: 'cli/index.ts', contains: '用法 / Usage', why: 'command-line syntax: the command, its options and file arguments are typed as shown' },
  { file: 'defaults/holidays.ts', contains: 'chinese-days', why: "the holiday data package named as the source of the 节假日 rows (helper calendar's file)" },
  { file: 'defaults/settings.ts', contains: 'zh-CN 或 en', why: 'the values the 界面语言 cell accepts' },
  { file: 'domain/forms/fieldDefs.ts', contains: '字段键', why: 'field keys in 表单定义 are lower-case English by design; the message shows the form to type' },
  { file: 'domain/forms/fieldDefs.ts', contains: '.name 之类的行', why: 'the same: how a table column key is typed' },
  { file: 'domain/layouts/policies.ts', contains: '项目代码，如 medical', why: 'the 项目代码 column of 救助标准 holds these codes' },
  {
    file: 'platform/writerClient.ts',
    contains: 'https://script.google.com/macros/s/…/exec',
    why: 'the web-app address as the owner copies it from the deployment',
  },
  { file: 'server/connectWriter.ts', contains: 'https://script.google.com/macros/s/…/exec', why: 'the same address, in the prompt that asks for it' },
  { file: 'defaults/forms.ts', contains: 'medical=特困职工医疗救助', why: 'the 选项 cell of 表单定义: code=label, as the administrator types it' },
  { file: 'server/help.ts', contains: '<h2>', why: 'HTML markup; the words are checked with the tags removed (below)' },
];

const exempt = (file: string, text: string) => EXEMPT.some((x) => x.file === file && text.includes(x.contains));

describe('the message catalogue of the sources', () => {
  const catalogue = messageCatalogue();

  it('finds the messages (the scan itself works)', () => {
    expect(catalogue.length).toBeGreaterThan(800);
    const errors = catalogue.filter((e) => e.error);
    expect(errors.length).toBeGreaterThan(60);
    const texts = catalogue.map((e) => e.text);
    expect(texts).toContain('请填写计算基数（第 2 个参数），如医疗救助的年自付金额或生活救助的低保月标准');
    expect(texts.some((t) => t.includes('应为数字，而不是'))).toBe(true);
  });

  it('has no class names, English parameter names or the word seed', () => {
    const bad = catalogue
      .filter((e) => !exempt(e.file, e.text))
      .filter((e) => !/^[a-z_]+(\.[a-z_]+)*\.[^\s.]+$/.test(e.text)) // an internal key such as kind.医疗救助
      .map((e) => ({ at: `${e.file}:${e.line}`, words: developerWords(e.text), text: e.text.slice(0, 80) }))
      .filter((e) => e.words.length > 0);
    expect(bad).toEqual([]);
  });

  it('the help page, with its markup removed, has none either', () => {
    const help = catalogue.filter((e) => e.file === 'server/help.ts' && e.text.includes('<h2>帮扶'));
    expect(help).toHaveLength(1);
    const words = developerWords(help[0].text.replace(/<[^>]+>/g, ' '));
    expect(words).toEqual([]);
  });

  it('every exemption still matches a text (none is left over)', () => {
    for (const x of EXEMPT) expect(catalogue.some((e) => e.file === x.file && e.text.includes(x.contains))).toBe(true);
  });
});

describe('what the bundle says for bad input, as the #ERROR! tooltip shows it', () => {
  const fake = createFakeGas();
  const ctx = loadBundle(fake);
  const ss = fake.spreadsheet;
  const s = ss.insertSheet('案件');
  const id = makeId('420821', '1972-03-15', 12, '女');
  s.getRange(1, 1, 1, 2).setNumberFormat('@');
  s.getRange(1, 1, 1, 2).setValues([[id, '待补']]);
  const env: EvalEnv = {
    spreadsheet: ss,
    sheet: '案件',
    today: () => new Date(2026, 0, 1),
    spills: new Map(),
    customFunction: (name) => (typeof ctx[name] === 'function' ? (ctx[name] as (...a: unknown[]) => unknown) : undefined),
  };

  const cases: [string, RegExp][] = [
    ['=RELIEF("medical")', /计算基数/],
    ['=RELIEF("medical", "abc")', /“计算基数”应为数字，而不是“abc”/],
    ['=RELIEF("dental", 100)', /未知的救助项目“dental”/],
    ['=RELIEF("", 100)', /请填写救助项目/],
    ['=RELIEF("medical", 100, "下周")', /“日期”应为日期/],
    ['=RELIEF("medical", 100, DATE(2026,1,1), "标准")', /第 4 个参数应为“救助标准”表的区域/],
    ['=RELIEF("medical", 100, DATE(2000,1,1))', /没有生效的救助标准/],
    ['=RELIEF_EXPLAIN("medical")', /计算基数/],
    ['=IDCARD_INFO("123", "性别")', /身份证号无效：应为18位/],
    ['=IDCARD_INFO(A1, "姓名")', /所取信息应为/],
    ['=IDCARD_INFO(A1, "年龄", DATE(1970,1,1))', /计算年龄的日期 1970-01-01 早于出生日期 1972-03-15/],
    ['=IDCARD_INFO(A1, "年龄", "明天")', /“日期”应为日期/],
    ['=WORKER_NO("H01", 0)', /序号/],
    ['=WORKER_NO("H01", "abc")', /“序号”应为数字/],
    ['=WORKER_NO("XYZ", 1)', /县区代码/],
    ['=WORKDAY_CN("下周一", 3)', /“开始日期”应为日期/],
    ['=WORKDAY_CN(DATE(2025,9,30))', /工作日天数/],
    ['=WORKDAY_CN(DATE(2025,9,30), "三")', /“工作日天数”应为数字/],
    ['=WORKDAY_CN(DATE(2019,9,30), 3)', /2019/],
    ['=HARDSHIP(500)', /低保标准/],
    ['=HARDSHIP(500, 0)', /低保标准应大于 0/],
    ['=HARDSHIP(B1, 550)', /“家庭人均月收入”应为数字/],
    ['=HARDSHIP(500, 550, "", "大部分")', /“支出占收入比例”应为比例/],
  ];

  it.each(cases)('%s is an error in plain Chinese', (formula, expected) => {
    const shown = showFormula(formula, env);
    expect(shown.value).toBe('#ERROR!');
    expect(shown.error).toMatch(expected);
    // What the user typed comes back quoted (“abc”): it is theirs, not a developer word.
    const typed = [...formula.matchAll(/"([^"]*)"/g)].map((m) => m[1]).filter((t) => t !== '');
    const rest = typed.reduce((msg, t) => msg.split(`“${t}”`).join('“”'), shown.error!);
    expect(developerWords(rest)).toEqual([]);
    expect(shown.error).not.toMatch(/Error|seed|undefined|null|NaN|\[object/);
  });

  it('a cell of a range shows the same words as the single value', () => {
    const shown = showFormula('=RELIEF("medical", A1:B1)', env);
    expect(shown.value).toEqual([[8000, '错误：“计算基数”应为数字，而不是“待补”']]);
  });

  it('an explanation cites its document by title and number, never by an internal name', () => {
    const titles = Object.values(SOURCE_DOCUMENTS).map((d) => `《${d.title}》`);
    for (const [code, entry] of DEFAULT_POLICY.schemes) {
      const shown = showFormula(`=RELIEF_EXPLAIN("${entry.name}", 60000, DATE(2026,1,1))`, env);
      const text = String(shown.value);
      expect(text).toContain(entry.name);
      expect(titles.some((t) => text.includes(t))).toBe(true);
      expect(text).not.toMatch(/seed|§/i);
      expect(developerWords(text)).toEqual([]);
      expect(text).not.toContain(code === entry.name ? '\u0000' : `${code} `);
    }
  });

  it("a thrown error prints as its message alone, in this realm and in the bundle's", () => {
    const e = new BangfuError('x.y', '金额应大于 0', 'The amount must be above 0');
    expect(String(e)).toBe('金额应大于 0');
    let inBundle: unknown;
    try {
      (ctx.RELIEF as (...a: unknown[]) => unknown)('medical');
    } catch (err) {
      inBundle = err;
    }
    expect(String(inBundle)).toMatch(/^请填写计算基数/);
  });
});

test('the default texts setup writes into the workbook name documents by title, never "seed"', () => {
  const fake = newWorkbook('2026-01-05');
  const seen: string[] = [];
  for (const sh of fake.spreadsheet.getSheets()) {
    const values = sheet(fake, sh.getName()).getDataRange().getValues();
    for (const row of values) for (const v of row) if (typeof v === 'string' && /seed|§/i.test(v)) seen.push(`${sh.getName()}：${v}`);
  }
  expect(seen).toEqual([]);
  const standards = sheet(fake, '救助标准').getDataRange().getValues().flat().map(String);
  expect(standards.some((v) => v.startsWith('《关于进一步做好困难职工帮扶工作的意见》（河北省）五、10 帮扶标准'))).toBe(true);
});
