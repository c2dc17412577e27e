/**
 * The State Council General Office's yearly notice (国务院办公厅关于×年部分节假日安排的通知)
 * → 节假日 rows (日期, 休/班, 名称). Pure: the importer (帮扶 → 管理 → 导入节假日通知) and
 * `bangfu holidays notice.txt` both call parseHolidayNotice.
 *
 * The notice has one paragraph per festival, "二、春节：2月15日（周日）至23日（周一）放假调休，
 * 共9天。2月14日（周六）、2月28日（周六）上班。" Read here, clause by clause (split at ，。；):
 * - a clause with dates and 放假 (放假调休, 放假) → those dates, ranges "至" included, are 休;
 * - a clause with dates and 补休 (older notices: "4月5日放假，4月6日（星期一）补休") → 休;
 * - a clause with dates and 上班 → 班;
 * - "共N天" must equal the paragraph's days off; "与周末连休" adds nothing; a sentence with 鼓励
 *   (encouraging leave on 除夕, 2024) schedules nothing;
 * - a clause with a date and none of these words is an error naming the paragraph, and so
 *   is a weekday in brackets that is not that date's (a typo would move a deadline).
 * A date without a year is in the notice's year (from the title, "关于2027年…"); a month
 * lower than the previous date's in the same paragraph is in the next year, and December
 * in the 元旦 paragraph is the year before ("2026年12月31日至2027年1月2日" may also be spelled
 * out). Finally every statutory day of the law (src/domain/statutoryHolidays.ts) must be
 * 休: a notice that leaves one out was misread or mistyped.
 */
import { addDays, isValidYmd, toDayNumber, weekday, ymd, type CivilDate } from './civilDate';
import { BangfuError } from './errors';
import type { HolidayEntry } from './calendar';
import { statutoryMinimum, type StatutoryRevision } from './statutoryHolidays';

/** The names the 节假日 sheet and the law use, from the notice's words. */
const FESTIVALS: Record<string, string> = {
  元旦: '元旦',
  春节: '春节',
  清明节: '清明',
  清明: '清明',
  劳动节: '劳动节',
  五一劳动节: '劳动节',
  五一: '劳动节',
  端午节: '端午',
  端午: '端午',
  中秋节: '中秋',
  中秋: '中秋',
  国庆节: '国庆节',
  国庆: '国庆节',
};
const WEEKDAYS = '日一二三四五六';

export interface NoticeParagraph {
  /** As the notice labels it, e.g. "二、春节". */
  label: string;
  festivals: string[];
}

export interface ParsedNotice {
  year: number;
  paragraphs: NoticeParagraph[];
  /** Sorted by date; one row per day. */
  rows: HolidayEntry[];
}

function fail(label: string, zh: string, en: string): never {
  throw new BangfuError('notice.unreadable', `无法识别“${label}”段：${zh}`, `Cannot read the paragraph "${label}": ${en}`);
}

/** Full-width digits and spaces as the notice's web page and a pasted PDF may give them. */
function normalize(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0\u3000]+/g, '');
}

function noticeYear(text: string): number | null {
  const m = /关于(\d{4})年/.exec(text) ?? /现将(\d{4})年/.exec(text) ?? /(\d{4})年(?:部分)?节假日/.exec(text);
  return m ? Number(m[1]) : null;
}

const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:[（(]([^）)]*)[）)])?/g;

const RANGE = /^(?:至|到|—|－|-|~|～)$/;

interface Token {
  date: CivilDate;
  index: number;
  end: number;
}

export function parseHolidayNotice(text: string, revisions: readonly StatutoryRevision[], opts: { year?: number } = {}): ParsedNotice {
  const t = normalize(text);
  const year = opts.year ?? noticeYear(t);
  if (year === null) {
    throw new BangfuError(
      'notice.noYear',
      '找不到通知的年份：请粘贴包括标题（“国务院办公厅关于××××年部分节假日安排的通知”）在内的全文',
      'The notice year was not found: paste the whole notice including its title',
    );
  }
  const heads = [...t.matchAll(/(?:^|\n|。)([一二三四五六七八九十]+)、([^：:\n。]{1,24})[：:]/g)];
  if (heads.length === 0) {
    throw new BangfuError('notice.noParagraphs', '没有找到节日段落（如“一、元旦：1月1日放假，共1天。”）', 'No festival paragraphs found (such as 一、元旦：…)');
  }
  const byDate = new Map<CivilDate, HolidayEntry>();
  const paragraphs: NoticeParagraph[] = [];
  const where = new Map<string, string>(); // festival → paragraph label
  heads.forEach((h, k) => {
    const label = `${h[1]}、${h[2]}`;
    const names = h[2].split(/[、和与及]/).map((w) => FESTIVALS[w.trim()]);
    if (names.some((n) => n === undefined)) fail(label, `“${h[2]}”不是法定节日名称`, `"${h[2]}" is not a public holiday`);
    paragraphs.push({ label, festivals: names });
    for (const n of names) where.set(n, label);
    const start = h.index! + h[0].length;
    let body = t.slice(start, k + 1 < heads.length ? heads[k + 1].index! : t.length);
    const nl = body.indexOf('\n');
    if (nl >= 0) body = body.slice(0, nl);
    readParagraph(year, label, names, body, byDate, revisions);
  });

  const min = statutoryMinimum(year, revisions);
  if (min) {
    for (const f of min) {
      const label = where.get(f.name);
      if (!label) {
        throw new BangfuError(
          'notice.festivalMissing',
          `通知中没有“${f.name}”的段落；${year}年的通知应包括全部法定节日`,
          `The notice has no paragraph for ${f.name}; a ${year} notice covers every public holiday`,
        );
      }
      for (const d of f.dates) {
        if (byDate.get(d)?.kind !== '休') {
          fail(
            label,
            `法定假日 ${md(d)}（${f.name}）没有放假，少于《全国年节及纪念日放假办法》规定的天数`,
            `the statutory day ${d} (${f.name}) is not a day off, fewer days than the law gives`,
          );
        }
      }
    }
  }
  const rows = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { year, paragraphs, rows };
}

function md(d: CivilDate): string {
  return `${+d.slice(5, 7)}月${+d.slice(8, 10)}日`;
}

function readParagraph(
  year: number,
  label: string,
  names: string[],
  body: string,
  out: Map<CivilDate, HolidayEntry>,
  revisions: readonly StatutoryRevision[],
): void {
  // A date without a month takes the month of the date before it ("2月15日至23日"); one
  // without a year is in the notice's year, December in the 元旦 paragraph the year before,
  // and the end of a range running past December in the year after its start.
  let prevM: number | null = null;
  const isNewYear = names.includes('元旦');
  const resolve = (m: RegExpMatchArray, rangeStart: CivilDate | null): CivilDate => {
    const explicitY = m[1] ? Number(m[1]) : null;
    const mo = m[2] ? Number(m[2]) : prevM;
    const d = Number(m[3]);
    if (mo === null) fail(label, `“${m[0]}”缺少月份`, `"${m[0]}" has no month`);
    let y = explicitY ?? (isNewYear && mo === 12 ? year - 1 : year);
    if (explicitY === null && rangeStart !== null) {
      const [sy, sm] = [+rangeStart.slice(0, 4), +rangeStart.slice(5, 7)];
      y = mo < sm ? sy + 1 : sy;
    }
    if (!isValidYmd(y, mo, d)) fail(label, `“${m[0]}”不是有效日期`, `"${m[0]}" is not a valid date`);
    const date = ymd(y, mo, d);
    const bracket = m[4] ?? '';
    const w = /(?:周|星期|礼拜)([日天一二三四五六])/.exec(bracket);
    if (w) {
      const want = w[1] === '天' ? 0 : WEEKDAYS.indexOf(w[1]);
      if (weekday(date) !== want) fail(label, `${md(date)}是周${WEEKDAYS[weekday(date)]}，不是“${bracket}”`, `${date} is not a ${bracket}`);
    }
    prevM = mo;
    return date;
  };

  // The festival a day is named for: its own statutory day, else the paragraph's main festival.
  const main = names.length === 1 ? names[0] : mainFestival(year, names, revisions);
  const statutoryOf = new Map<CivilDate, string[]>();
  for (const f of statutoryMinimum(year, revisions) ?? []) {
    if (names.includes(f.name)) for (const d of f.dates) statutoryOf.set(d, [...(statutoryOf.get(d) ?? []), f.name]);
  }
  const nameOf = (d: CivilDate) => {
    const own = statutoryOf.get(d);
    return own && own.length === 1 ? own[0] : main;
  };
  let offDays = 0;
  let stated: number | null = null;
  // A sentence that only encourages (2024: "鼓励各单位…安排职工在除夕（2月9日）休息") schedules nothing.
  // Each sentence of the schedule begins with a date; the first that does not ("节假日期间，
  // 各地区…", the signature and its date when the text was pasted without line breaks)
  // ends the paragraph.
  const sentences: string[] = [];
  for (const s of body.split('。')) {
    if (s === '' || s.includes('鼓励')) continue;
    if (!/^(?:\d{4}年)?\d{1,2}月\d{1,2}日/.test(s)) break;
    sentences.push(s);
  }
  const clauses = sentences.flatMap((s) => s.split(/[，,；;]/));
  for (const clause of clauses) {
    if (clause === '') continue;
    const tokens: Token[] = [];
    for (const m of clause.matchAll(DATE)) {
      const prev = tokens[tokens.length - 1];
      const inRange = prev !== undefined && RANGE.test(clause.slice(prev.end, m.index));
      tokens.push({ date: resolve(m, inRange ? prev.date : null), index: m.index!, end: m.index! + m[0].length });
    }
    const total = /^共(\d+)天$/.exec(clause);
    if (total) {
      stated = Number(total[1]);
      continue;
    }
    if (tokens.length === 0) continue; // 与周末连休, or a sentence about arrangements
    const kind = /上班/.test(clause) ? '班' : /放假|补休|休息/.test(clause) ? '休' : null;
    if (kind === null) fail(label, `“${clause}”中的日期既不是放假也不是上班`, `"${clause}" says neither day off nor working day`);
    for (const day of expand(tokens, clause, label)) {
      if (kind === '休') offDays++;
      const had = out.get(day);
      if (had && had.kind !== kind) fail(label, `${md(day)}同时被列为放假和上班`, `${day} is listed both as a day off and as a working day`);
      out.set(day, { date: day, kind, name: had?.name ?? nameOf(day) });
    }
  }
  if (stated !== null && stated !== offDays)
    fail(label, `写明“共${stated}天”，但列出的放假日期共${offDays}天`, `it says ${stated} days but lists ${offDays} days off`);
}

/** Ranges "A至B" become every day from A to B; single dates stay. */
function expand(tokens: Token[], clause: string, label: string): CivilDate[] {
  const days: CivilDate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const sep = i + 1 < tokens.length ? clause.slice(tokens[i].end, tokens[i + 1].index) : '';
    if (RANGE.test(sep)) {
      const [a, b] = [tokens[i].date, tokens[i + 1].date];
      const n = toDayNumber(b) - toDayNumber(a);
      if (n < 0 || n > 31) fail(label, `${a} 至 ${b} 不是有效的日期区间`, `${a} to ${b} is not a valid range`);
      for (let k = 0; k <= n; k++) days.push(addDays(a, k));
      i++;
    } else {
      days.push(tokens[i].date);
    }
  }
  return days;
}

function mainFestival(year: number, names: string[], revisions: readonly StatutoryRevision[]): string {
  const min = statutoryMinimum(year, revisions) ?? [];
  let best = names[0],
    most = -1;
  for (const n of names) {
    const days = min.find((f) => f.name === n)?.dates.length ?? 0;
    if (days > most) {
      best = n;
      most = days;
    }
  }
  return best;
}

const NOTICE_NAMES: Record<string, string> = { 元旦: '元旦', 春节: '春节', 清明: '清明节', 劳动节: '劳动节', 端午: '端午节', 中秋: '中秋节', 国庆节: '国庆节' };
const ORDER = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * Rows → a notice in the current form (one paragraph per festival name, in date order):
 * the inverse of parseHolidayNotice, used to show the administrator what was read and in
 * the round-trip tests.
 */
export function formatHolidayNotice(year: number, rows: readonly HolidayEntry[]): string {
  const groups = new Map<string, HolidayEntry[]>();
  for (const r of [...rows].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    const list = groups.get(r.name) ?? [];
    list.push(r);
    groups.set(r.name, list);
  }
  const day = (d: CivilDate, prev: CivilDate | null) => {
    const y = prev === null || prev.slice(0, 4) !== d.slice(0, 4) ? (d.slice(0, 4) !== String(year) ? `${d.slice(0, 4)}年` : '') : '';
    const m = prev === null || y !== '' || prev.slice(5, 7) !== d.slice(5, 7) ? `${+d.slice(5, 7)}月` : '';
    return `${y}${m}${+d.slice(8, 10)}日（周${WEEKDAYS[weekday(d)]}）`;
  };
  const paras: string[] = [];
  for (const [name, list] of groups) {
    const off = list.filter((r) => r.kind === '休').map((r) => r.date);
    const work = list.filter((r) => r.kind === '班').map((r) => r.date);
    const runs: [CivilDate, CivilDate][] = [];
    for (const d of off) {
      const last = runs[runs.length - 1];
      if (last && addDays(last[1], 1) === d) last[1] = d;
      else runs.push([d, d]);
    }
    let text = '';
    let prev: CivilDate | null = null;
    const parts = runs.map(([a, b]) => {
      const s = a === b ? day(a, prev) : `${day(a, prev)}至${day(b, a)}`;
      prev = b;
      return s;
    });
    if (parts.length) text += `${parts.join('、')}放假${work.length ? '调休' : ''}，共${off.length}天。`;
    if (work.length) text += `${work.map((d) => day(d, null)).join('、')}上班。`;
    paras.push(`${ORDER[paras.length] ?? paras.length + 1}、${NOTICE_NAMES[name] ?? name}：${text}`);
  }
  return `国务院办公厅关于${year}年部分节假日安排的通知\n\n${paras.join('\n')}\n`;
}
