/**
 * The 职工互助一日捐 campaign (保定市总工会《关于开展第二期“职工互助一日捐”活动的通知》,
 * SPEC §7): the 捐款 sheet (one row per reporting union) and the 捐款名册 (one row per donor)
 * rolled up by county. The rules, as the notice sets them:
 * - per participant at least 36 yuan on average (四(三)3); the total not below the local
 *   first campaign's (四(三)3); donors and total should rise over the previous campaign (一: a
 *   hint, not a failure);
 * - participation has two bases (五.4): county, industry and bureau unions ≥ 27 % of their
 *   **members** (会员总数, last year's 年统); directly affiliated grassroots unions ≥ 80 % of
 *   their **workers** (职工总数); a Hebei 达标县级工会 must also reach ≥ 35 % of its workers.
 *   Exactly at the threshold passes ("达到…以上"). A base that is not filled cannot be
 *   checked: the unit is flagged as such rather than passed;
 * - only 市区内 industry, bureau and directly affiliated unions send their whole collection to
 *   the city, of which 4 % goes on to the province and 96 % stays with the city (四(四)2). A
 *   county's own collection is remitted by the county's 实施细则, for which the notice sets no
 *   split: it is shown as the county's, never split or labelled as kept by the city;
 * - each grassroots union keeps a donor register (四(三)2) and posts its total and number of
 *   donors publicly (四(四)1): a register that disagrees with the reported figures is flagged;
 * - collection and remittance within 20 days of the mobilisation (五.2): a unit that remitted
 *   late, or has not remitted once the deadline passed, is flagged.
 * The numbers are dated rows (src/defaults/donation.ts, the 一日捐标准 sheet).
 */
import * as z from 'zod/mini';
import { coerceCivil, type CivilDate } from './civilDate';
import { BangfuError } from './errors';
import { isYes, numberOf, textOf } from './forms/values';
import { yuanToFen } from './money';
import { DONATION_HEADER, REGISTER_HEADER } from './layouts/donations';

/** 单位类型 labels → rule. 省级模范县区 is the label of older sheets for 达标县级工会. */
export const UNIT_TYPES = { '县区/产业工会': 'county', 直属基层工会: 'grassroots', 达标县级工会: 'model_county', 省级模范县区: 'model_county' } as const;
export type UnitType = (typeof UNIT_TYPES)[keyof typeof UNIT_TYPES];
/** The labels a dropdown offers (the alias of older sheets is still read). */
export const UNIT_TYPE_CHOICES = ['县区/产业工会', '直属基层工会', '达标县级工会'] as const;
export { DONATION_HEADER, DONATION_STANDARD_HEADER, REGISTER_HEADER } from './layouts/donations';
/** Columns a 捐款 sheet must have; the others may be missing in a sheet made before them. */
const REQUIRED = ['单位', '县区代码', '单位类型', '捐款人数', '捐款金额（元）'] as const;

const StandardRow = z.object({ key: z.string().check(z.minLength(1)), value: z.number().check(z.nonnegative()), from: z.string(), to: z.string() });
type StandardRow = z.infer<typeof StandardRow>;

export interface DonationStandard {
  perCapitaMinFen: number;
  /** Share of members a county / industry / bureau union's donors must reach (also a 达标县级工会's). */
  memberRate: number;
  /** Share of workers: a directly affiliated grassroots union's, and a 达标县级工会's. */
  workerRates: { grassroots: number; model_county: number };
  provinceShare: number;
  /** Days from mobilisation to collection and remittance done; null when the sheet has none. */
  collectionDays: number | null;
}

/** What each standard is called when the table has no row for it at all. */
const DONATION_ITEM_LABELS: Record<string, string> = {
  per_capita_min: '人均捐款下限',
  'rate.county': '县区/产业工会参与率下限',
  'rate.grassroots': '直属基层工会参与率下限',
  'rate.model_county': '达标县级工会参与率下限',
  province_share: '市区内单位上解款中转省总的比例',
  collection_days: '动员后完成募集和上解的天数',
};

/** The standard in force on `on` from dated rows (later 生效日期 wins for the same item). */
export function donationStandard(rows: readonly (readonly unknown[])[], on: CivilDate): DonationStandard {
  const parsed: StandardRow[] = [];
  const labels = new Map<string, string>();
  rows.forEach((r, i) => {
    if (r.every((v) => v === '' || v === null || v === undefined)) return;
    if (textOf(r[1]) !== '') labels.set(textOf(r[0]), textOf(r[1]));
    const from = coerceCivil(r[3]);
    const value = numberOf(r[2]);
    const res = StandardRow.safeParse({ key: textOf(r[0]), value, from: from ?? '', to: coerceCivil(r[4]) ?? '' });
    if (!res.success || !from) {
      if (i === 0) return; // header
      throw new BangfuError('donation.badRow', `一日捐标准第${i + 1}行无法识别：项目、数值、生效日期必填`, `Donation standards row ${i + 1} is not valid`);
    }
    parsed.push(res.data);
  });
  const find = (key: string): number | null => {
    const inForce = parsed.filter((p) => p.key === key && p.from <= on && (p.to === '' || on <= p.to)).sort((a, b) => (a.from < b.from ? 1 : -1));
    return inForce.length === 0 ? null : inForce[0].value;
  };
  const pick = (key: string): number => {
    const v = find(key);
    // Named by its row's label (人均捐款下限（元）…) where the table has one, not by its key.
    const label = labels.get(key) ?? DONATION_ITEM_LABELS[key] ?? key;
    if (v === null) throw new BangfuError('donation.noStandard', `${on} 没有生效的一日捐标准“${label}”`, `No donation standard "${key}" in force on ${on}`);
    return v;
  };
  return {
    perCapitaMinFen: yuanToFen(pick('per_capita_min')),
    memberRate: pick('rate.county'),
    workerRates: { grassroots: pick('rate.grassroots'), model_county: pick('rate.model_county') },
    provinceShare: pick('province_share'),
    collectionDays: find('collection_days'),
  };
}

export interface UnitResult {
  row: number;
  unit: string;
  county: string;
  type: UnitType;
  cityDistrict: boolean;
  members: number | null;
  workers: number | null;
  donors: number;
  amountFen: number;
  perCapitaFen: number;
  /** donors ÷ the base its rule uses (members, or workers for a grassroots union). */
  participation: number | null;
  /** Below a threshold, late, or a register that disagrees: listed as 未达标. */
  flags: string[];
  /** Worth a look, not a failure (no rise over the previous campaign, not yet posted). */
  hints: string[];
  /** The donor register's lines for this unit. */
  register: DonorLine[];
}

export interface DonorLine {
  row: number;
  name: string;
  amountFen: number;
  date: CivilDate | null;
}

export interface CountyDonation {
  county: string;
  members: number;
  workers: number;
  donors: number;
  amountFen: number;
  perCapitaFen: number;
  /** Money of 市区内 units, all sent to the city. */
  cityDistrictFen: number;
  /** Of that, the province's 4 % and the city's 96 %. */
  provinceFen: number;
  cityFen: number;
  /** The rest: remitted by the county under its own 实施细则 (no split set by the notice). */
  countyFen: number;
  flagged: number;
}

export interface DonationResult {
  units: UnitResult[];
  counties: CountyDonation[];
  total: CountyDonation;
  problems: string[];
  /** The collection-and-remittance deadline applied, when one is known. */
  deadline: CivilDate | null;
}

export interface DonationOptions {
  today: CivilDate;
  /** Campaign deadline for collection and remittance (活动 sheet; null: not checked). */
  deadline?: CivilDate | null;
  /** The 捐款名册 sheet's values (header first), when there is one. */
  register?: readonly (readonly unknown[])[];
  /** County codes of 设置, in order: each gets a row, zeros included. */
  counties?: readonly string[];
}

/** A threshold as the notice writes it (27%), and a unit's share cut, never rounded, to 0.01 % (26.99%, not 27%). */
const pct = (x: number) => `${Math.round(x * 10000) / 100}%`;
const share = (x: number) => `${Math.floor(x * 10000 + 1e-9) / 100}%`;
const yuanText = (fen: number) => (fen / 100).toFixed(2).replace(/\.00$/, '');

/** Half-up share of a fen amount (integer arithmetic on the share's decimal digits). */
export function shareFen(totalFen: number, share: number): number {
  const scaled = Math.round(share * 1e6);
  return Math.floor((totalFen * scaled + 500_000) / 1_000_000);
}

/** donors ≥ rate × base, in integers: 27 of 100 is exactly 27 %. */
const reaches = (donors: number, base: number, rate: number) => donors * 1_000_000 >= Math.round(rate * 1_000_000) * base;

function headerIndex(header: readonly unknown[], labels: readonly string[]): Record<string, number> {
  const h = header.map((c) => textOf(c).replace(/\(/g, '（').replace(/\)/g, '）'));
  const out: Record<string, number> = {};
  for (const l of labels) out[l] = h.indexOf(l);
  // Older sheets: 捐款金额 without its unit.
  if (out['捐款金额（元）'] < 0) out['捐款金额（元）'] = h.indexOf('捐款金额');
  return out;
}

const unitKey = (county: string, unit: string) => `${county}\u0001${unit}`;

function readRegister(values: readonly (readonly unknown[])[] | undefined, problems: string[]): Map<string, DonorLine[]> {
  const by = new Map<string, DonorLine[]>();
  if (!values || values.length < 2) return by;
  const c = headerIndex(values[0], REGISTER_HEADER);
  if (c['单位'] < 0 || c['姓名'] < 0 || c['捐款金额（元）'] < 0) {
    problems.push('捐款名册缺少列：单位、姓名、捐款金额（元）');
    return by;
  }
  values.slice(1).forEach((r, i) => {
    if (r.every((v) => v === '' || v === null || v === undefined)) return;
    const rowNo = i + 2;
    const amount = numberOf(r[c['捐款金额（元）']]);
    const name = textOf(r[c['姓名']]);
    if (name === '' || amount === null || amount < 0) {
      problems.push(`捐款名册第${rowNo}行：姓名必填，捐款金额应为非负数，未计入`);
      return;
    }
    const key = unitKey(c['县区代码'] < 0 ? '' : textOf(r[c['县区代码']]).toUpperCase(), textOf(r[c['单位']]));
    const list = by.get(key) ?? [];
    list.push({ row: rowNo, name, amountFen: yuanToFen(amount), date: c['捐款日期'] < 0 ? null : coerceCivil(r[c['捐款日期']]) });
    by.set(key, list);
  });
  return by;
}

export function rollUpDonations(
  values: readonly (readonly unknown[])[],
  std: DonationStandard,
  opts: DonationOptions = { today: '1970-01-01' },
): DonationResult {
  const [header = [], ...rows] = values;
  const c = headerIndex(header, DONATION_HEADER);
  const problems: string[] = [];
  const deadline = opts.deadline ?? null;
  const missing = REQUIRED.filter((l) => c[l] < 0);
  if (c['会员数'] < 0 && c['职工数'] < 0) missing.push('会员数' as never);
  if (missing.length > 0) {
    return { units: [], counties: [], total: emptyCounty('合计'), problems: [`捐款表缺少列：${missing.join('、')}`], deadline };
  }
  const register = readRegister(opts.register, problems);
  const hasRegister = opts.register !== undefined && opts.register.length > 1;
  const cell = (r: readonly unknown[], label: string) => (c[label] < 0 ? '' : r[c[label]]);
  const optionalCount = (r: readonly unknown[], label: string): number | null | false => {
    const v = cell(r, label);
    if (textOf(v) === '') return null;
    const n = numberOf(v);
    return n === null || n < 0 || !Number.isInteger(n) ? false : n;
  };
  const units: UnitResult[] = [];
  rows.forEach((r, i) => {
    if (r.every((v) => v === '' || v === null || v === undefined)) return;
    const rowNo = i + 2;
    const unit = textOf(cell(r, '单位')) || `第${rowNo}行`;
    const type = UNIT_TYPES[textOf(cell(r, '单位类型')) as keyof typeof UNIT_TYPES];
    const members = optionalCount(r, '会员数');
    const workers = optionalCount(r, '职工数');
    const donors = numberOf(cell(r, '捐款人数'));
    const amount = numberOf(cell(r, '捐款金额（元）'));
    const firstTotal = numberOf(cell(r, '首期募集金额（元）'));
    const prevDonors = numberOf(cell(r, '上期捐款人数'));
    const prevAmount = numberOf(cell(r, '上期捐款金额（元）'));
    const where = `捐款表第${rowNo}行（${unit}）`;
    if (!type) {
      problems.push(`${where}：单位类型应为${UNIT_TYPE_CHOICES.map((t) => `“${t}”`).join('')}之一，未计入`);
      return;
    }
    if (members === false || workers === false || donors === null || amount === null || donors < 0 || !Number.isInteger(donors) || amount < 0) {
      problems.push(`${where}：会员数、职工数、捐款人数应为非负整数，捐款金额应为非负数，未计入`);
      return;
    }
    const ceiling = workers ?? members;
    if (ceiling !== null && donors > ceiling) {
      problems.push(`${where}：捐款人数 ${donors} 多于${workers !== null ? '职工数' : '会员数'} ${ceiling}，未计入`);
      return;
    }
    const amountFen = yuanToFen(amount);
    const perCapitaFen = donors > 0 ? Math.floor((2 * amountFen + donors) / (2 * donors)) : 0;
    const flags: string[] = [];
    const hints: string[] = [];
    const needMembers = (): number | null => {
      if (members === null || members === 0) {
        flags.push('未填会员数，无法核对参与率');
        return null;
      }
      if (!reaches(donors, members, std.memberRate)) flags.push(`捐款人数占会员总数 ${share(donors / members)}，低于 ${pct(std.memberRate)}`);
      return donors / members;
    };
    const needWorkers = (rate: number): number | null => {
      if (workers === null || workers === 0) {
        flags.push(`未填职工数，无法核对捐款人数是否达到职工总数的 ${pct(rate)}`);
        return null;
      }
      if (!reaches(donors, workers, rate)) flags.push(`捐款人数占职工总数 ${share(donors / workers)}，低于 ${pct(rate)}`);
      return donors / workers;
    };
    let participation: number | null;
    if (type === 'county') participation = needMembers();
    else if (type === 'grassroots') participation = needWorkers(std.workerRates.grassroots);
    else {
      participation = needMembers();
      needWorkers(std.workerRates.model_county);
    }
    if (donors > 0 && perCapitaFen < std.perCapitaMinFen) flags.push(`人均 ${(perCapitaFen / 100).toFixed(2)} 元低于 ${yuanText(std.perCapitaMinFen)} 元`);
    if (firstTotal !== null && amountFen < yuanToFen(firstTotal))
      flags.push(`募集总额 ${yuanText(amountFen)} 元低于首期 ${yuanText(yuanToFen(firstTotal))} 元`);
    if (prevDonors !== null && donors <= prevDonors) hints.push(`捐款人数未比上期（${prevDonors} 人）增加`);
    if (prevAmount !== null && amountFen <= yuanToFen(prevAmount)) hints.push(`捐款金额未比上期（${yuanText(yuanToFen(prevAmount))} 元）增加`);
    if (textOf(cell(r, '公示日期')) === '' && c['公示日期'] >= 0) hints.push('尚未在本单位或社区公示捐款人数和金额');
    const remitted = textOf(cell(r, '上解日期')) === '' ? null : coerceCivil(cell(r, '上解日期'));
    if (textOf(cell(r, '上解日期')) !== '' && remitted === null) flags.push(`上解日期“${textOf(cell(r, '上解日期'))}”不是有效日期`);
    if (deadline) {
      if (remitted && remitted > deadline) flags.push(`${remitted} 上解，晚于期限 ${deadline}`);
      if (textOf(cell(r, '上解日期')) === '' && opts.today > deadline) flags.push(`期限 ${deadline} 已过，尚未上解`);
    }
    const county = textOf(cell(r, '县区代码')).toUpperCase();
    const lines = register.get(unitKey(county, unit)) ?? register.get(unitKey('', unit)) ?? [];
    if (hasRegister || type === 'grassroots') {
      if (lines.length === 0 && donors > 0) (hasRegister ? flags : hints).push('未建立捐款职工名册');
      else if (lines.length > 0) {
        const sum = lines.reduce((s, l) => s + l.amountFen, 0);
        if (lines.length !== donors || sum !== amountFen)
          flags.push(`捐款职工名册 ${lines.length} 人 ${yuanText(sum)} 元，与填报的 ${donors} 人 ${yuanText(amountFen)} 元不一致`);
      }
    }
    const cityDistrict = isYes(cell(r, '市区内'));
    units.push({
      row: rowNo,
      unit,
      county,
      type,
      cityDistrict,
      members,
      workers,
      donors,
      amountFen,
      perCapitaFen,
      participation,
      flags,
      hints,
      register: lines,
    });
  });
  const by = new Map<string, CountyDonation>();
  for (const code of opts.counties ?? []) by.set(code.toUpperCase(), emptyCounty(code.toUpperCase()));
  const total = emptyCounty('合计');
  for (const u of units) {
    let k = by.get(u.county);
    if (!k) {
      if (opts.counties) {
        problems.push(`捐款表第${u.row}行（${u.unit}）：县区代码“${u.county}”不是“设置”中的县区，未计入`);
        continue;
      }
      by.set(u.county, (k = emptyCounty(u.county)));
    }
    for (const t of [k, total]) {
      t.members += u.members ?? 0;
      t.workers += u.workers ?? 0;
      t.donors += u.donors;
      t.amountFen += u.amountFen;
      if (u.cityDistrict) t.cityDistrictFen += u.amountFen;
      if (u.flags.length) t.flagged++;
    }
  }
  const finish = (t: CountyDonation) => {
    t.perCapitaFen = t.donors > 0 ? Math.floor((2 * t.amountFen + t.donors) / (2 * t.donors)) : 0;
    t.provinceFen = shareFen(t.cityDistrictFen, std.provinceShare);
    t.cityFen = t.cityDistrictFen - t.provinceFen;
    t.countyFen = t.amountFen - t.cityDistrictFen;
  };
  const counties = opts.counties ? [...by.values()] : [...by.values()].sort((a, b) => a.county.localeCompare(b.county));
  counties.forEach(finish);
  // The city's split is of the 市区内 money as a whole, so the parts add up to the total, not per county rounding.
  finish(total);
  return { units: units.filter((u) => by.has(u.county)), counties, total, problems, deadline };
}

function emptyCounty(county: string): CountyDonation {
  return { county, members: 0, workers: 0, donors: 0, amountFen: 0, perCapitaFen: 0, cityDistrictFen: 0, provinceFen: 0, cityFen: 0, countyFen: 0, flagged: 0 };
}
