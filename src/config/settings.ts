/**
 * The 设置 sheet → settings (layout and default rows in src/defaults/settings.ts). Pure: takes the values
 * getValues gave. A missing or unreadable setting falls back to its default and is
 * reported, so one typo does not stop the workbook; a broken deadline table is an error
 * when a deadline is needed, naming the row.
 */
import { isDate } from '../domain/civilDate';
import { coerceCivil, type CivilDate } from '../domain/civilDate';
import { BangfuError, type Locale } from '../domain/errors';
import { isYes, numberOf, textOf } from '../domain/forms/values';
import { MOVED_STEP_LABELS, movedDeadlineRows, parseDeadlineTable, type DeadlineRules } from '../domain/workflow/deadlines';
import { defaultDeadlineRules } from '../defaults/deadlines';
import {
  COUNTY_BLOCK_TITLE,
  COUNTY_HEADER,
  DEADLINE_BLOCK_TITLE,
  DEFAULT_SETTINGS,
  SETTINGS_HEADER,
  type SettingKey,
  type SettingSeed,
} from '../defaults/settings';

export interface County {
  code: string;
  name: string;
  /** Local 低保 recipients (设置's 低保人数), null when not given. */ dibaoRecipients?: number | null;
}

export interface Settings {
  provinceLetter: string;
  /** The 低保 line in force on a day, yuan per person per month; null when none is set. */
  dibaoLine(on: CivilDate): number | null;
  notifications: boolean;
  /** 'auto' follows the user's locale. */
  locale: 'auto' | Locale;
  /** 'MM-DD' */
  annualReviewStart: string;
  dailyHour: number;
  quarterlyReminder: boolean;
  counties: County[];
  /** Share of the local 低保 recipients the 1.5× top-up route admits, in principle (河北 001 一、6: 5 %). */
  topUpQuota: number;
  /** 填报单位 / 填报人 / 联系电话 printed on the forms ('' = written by hand). */
  report: { unit: string; person: string; phone: string };
  /** Throws the table's zh error when the 期限 block is broken. */
  deadlines(): DeadlineRules;
  /** Readable problems found while parsing (zh), for setup's report. */
  problems: string[];
}

interface DatedValue {
  from: CivilDate | '';
  value: unknown;
}

type Block = 'settings' | 'counties' | 'deadlines';

/** Splits the sheet into its three blocks (title rows mark the 2nd and 3rd). */
export function splitBlocks(values: readonly unknown[][]): Record<Block, unknown[][]> {
  const out: Record<Block, unknown[][]> = { settings: [], counties: [], deadlines: [] };
  let block: Block = 'settings';
  for (const row of values) {
    const first = textOf(row[0]);
    if (first === COUNTY_BLOCK_TITLE) {
      block = 'counties';
      continue;
    }
    if (first === DEADLINE_BLOCK_TITLE) {
      block = 'deadlines';
      continue;
    }
    if (row.every((c) => textOf(c) === '')) continue;
    out[block].push([...row]);
  }
  return out;
}

function seedFor(label: string): SettingSeed | undefined {
  const s = label.trim();
  return DEFAULT_SETTINGS.find((d) => d.zh === s || d.key === s.toLowerCase() || d.en.toLowerCase() === s.toLowerCase());
}

export function parseSettings(values: readonly unknown[][], defaultCounties: readonly County[]): Settings {
  const blocks = splitBlocks(values);
  const problems: string[] = [];
  const dated = new Map<SettingKey, DatedValue[]>();

  const rows = blocks.settings;
  const header = (rows[0] ?? []).map(textOf);
  const hasHeader = header[0] === SETTINGS_HEADER[0];
  for (const row of hasHeader ? rows.slice(1) : rows) {
    const seed = seedFor(textOf(row[0]));
    if (!seed) {
      problems.push(`设置项“${textOf(row[0])}”无法识别，已忽略`);
      continue;
    }
    const fromText = textOf(row[2]);
    const from = fromText === '' ? '' : coerceCivil(row[2]);
    if (from === null) {
      problems.push(`设置项“${seed.zh}”的生效日期“${fromText}”无效，已忽略该行`);
      continue;
    }
    const list = dated.get(seed.key) ?? [];
    list.push({ from, value: row[1] });
    dated.set(seed.key, list);
  }
  for (const list of dated.values()) list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));

  const seed = (k: SettingKey) => DEFAULT_SETTINGS.find((d) => d.key === k)!;
  /** The value in force on `on` (latest 生效日期 ≤ on); the default when none. */
  const valueOn = (k: SettingKey, on: CivilDate | null): unknown => {
    const list = dated.get(k);
    if (!list || list.length === 0) return seed(k).value;
    let found: unknown = undefined;
    for (const d of list) if (on === null || d.from === '' || d.from <= on) found = d.value;
    return found === undefined ? null : found;
  };
  const current = (k: SettingKey) => {
    const list = dated.get(k);
    return list && list.length > 0 ? list[list.length - 1].value : seed(k).value;
  };

  const letter = textOf(current('province_letter')).toUpperCase();
  if (!/^[A-Z]$/.test(letter)) problems.push(`省代码字母“${letter}”应为一个英文字母，已使用 ${seed('province_letter').value}`);
  const hourN = numberOf(current('daily_hour'));
  const hour = hourN !== null && Number.isInteger(hourN) && hourN >= 0 && hourN <= 23 ? hourN : (seed('daily_hour').value as number);
  const localeText = textOf(current('locale')).toLowerCase();
  const locale: 'auto' | Locale = localeText.startsWith('en') ? 'en' : localeText.startsWith('zh') ? 'zh-CN' : 'auto';
  const start = textOf(current('annual_review_start'));
  const startMd = monthDay(current('annual_review_start'));
  if (!startMd) problems.push(`年度复审开始日“${start}”无效（应如 04-01），已使用 04-01`);

  const counties = parseCounties(blocks.counties, problems);

  let rules: DeadlineRules | null = null;
  let rulesError: unknown = null;
  if (blocks.deadlines.length === 0) {
    rules = defaultDeadlineRules();
  } else {
    try {
      rules = parseDeadlineTable(blocks.deadlines);
    } catch (e) {
      rulesError = e;
      problems.push(e instanceof BangfuError ? e.zh : String(e));
    }
  }

  // The stage deadlines live in 审批流程 now: a leftover row is named, never silently used or lost.
  for (const m of movedDeadlineRows(blocks.deadlines)) {
    problems.push(`期限表中“${MOVED_STEP_LABELS[m.step]}”一行已不再使用：各环节的期限在“审批流程”表中设置，请在该表修改后删除本行`);
  }

  return {
    provinceLetter: /^[A-Z]$/.test(letter) ? letter : String(seed('province_letter').value),
    dibaoLine(on) {
      const n = numberOf(valueOn('dibao_line', on));
      return n !== null && n > 0 ? n : null;
    },
    notifications: isYes(current('notifications')),
    locale,
    annualReviewStart: startMd ?? '04-01',
    dailyHour: hour,
    quarterlyReminder: isYes(current('quarterly_reminder')),
    topUpQuota: shareOf(current('top_up_quota')) ?? 0.05,
    counties: counties.length > 0 ? counties : [...defaultCounties],
    report: { unit: textOf(current('report_unit')), person: textOf(current('report_person')), phone: textOf(current('report_phone')) },
    deadlines() {
      if (rules) return rules;
      throw rulesError;
    },
    problems,
  };
}

function monthDay(v: unknown): string | null {
  if (isDate(v)) return coerceCivil(v)?.slice(5) ?? null;
  const m = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(textOf(v));
  if (!m) return null;
  const mm = +m[1],
    dd = +m[2];
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  return `${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

function parseCounties(rows: unknown[][], problems: string[]): County[] {
  const out: County[] = [];
  const body = rows.length > 0 && textOf(rows[0][0]) === COUNTY_HEADER[0] ? rows.slice(1) : rows;
  for (const r of body) {
    const code = textOf(r[0]).toUpperCase();
    if (!/^[A-Z]?\d{2}$/.test(code)) {
      problems.push(`县区代码“${textOf(r[0])}”无效（应如 H01），已忽略`);
      continue;
    }
    const recipients = numberOf(r[2]);
    out.push({ code, name: textOf(r[1]), dibaoRecipients: recipients !== null && recipients > 0 ? recipients : null });
  }
  return out;
}

/** 5%, 0.05 or 5 → 0.05; null when it is not a share. */
function shareOf(v: unknown): number | null {
  const t = textOf(v).trim();
  if (t === '') return null;
  const n = numberOf(t.replace(/[%％]$/, ''));
  if (n === null || n < 0) return null;
  return /[%％]$/.test(t) || n > 1 ? n / 100 : n;
}
