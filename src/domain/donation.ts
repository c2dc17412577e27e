/**
 * The 职工互助一日捐 campaign (seed 000, SPEC §7): the 捐款 sheet rolled up by county.
 * - per-capita = amount ÷ donors, at least 36 yuan;
 * - participation = donors ÷ members, at least 27 % (county / industry unions), 80 %
 *   (directly affiliated grassroots unions), 35 % (provincial model counties) — exactly
 *   at the threshold passes ("达到…以上");
 * - the province's 4 % is rounded half up to the fen and the city keeps the rest, so the
 *   two parts always add up to the total.
 * The numbers are dated rows (src/defaults/donation.ts, the 一日捐标准 sheet).
 */
import * as z from 'zod/mini';
import { coerceCivil, type CivilDate } from './civilDate';
import { BangfuError } from './errors';
import { numberOf, textOf } from './forms/values';
import { yuanToFen } from './money';
import { DONATION_HEADER } from './layouts/donations';

export const UNIT_TYPES = { '县区/产业工会': 'county', 直属基层工会: 'grassroots', 省级模范县区: 'model_county' } as const;
export type UnitType = (typeof UNIT_TYPES)[keyof typeof UNIT_TYPES];
export { DONATION_HEADER, DONATION_STANDARD_HEADER } from './layouts/donations';

const StandardRow = z.object({ key: z.string().check(z.minLength(1)), value: z.number().check(z.nonnegative()), from: z.string(), to: z.string() });
type StandardRow = z.infer<typeof StandardRow>;

export interface DonationStandard {
  perCapitaMinFen: number;
  rates: Record<UnitType, number>;
  provinceShare: number;
}

/** What each standard is called when the table has no row for it at all. */
const DONATION_ITEM_LABELS: Record<string, string> = {
  per_capita_min: '人均捐款下限', 'rate.county': '县区/产业工会参与率下限', 'rate.grassroots': '直属基层工会参与率下限',
  'rate.model_county': '省级模范县区参与率下限', province_share: '上解省总比例',
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
  const pick = (key: string): number => {
    const inForce = parsed.filter((p) => p.key === key && p.from <= on && (p.to === '' || on <= p.to)).sort((a, b) => (a.from < b.from ? 1 : -1));
    // Named by its row's label (人均捐款下限（元）…) where the table has one, not by its key.
    const label = labels.get(key) ?? DONATION_ITEM_LABELS[key] ?? key;
    if (inForce.length === 0) throw new BangfuError('donation.noStandard', `${on} 没有生效的一日捐标准“${label}”`, `No donation standard "${key}" in force on ${on}`);
    return inForce[0].value;
  };
  return {
    perCapitaMinFen: yuanToFen(pick('per_capita_min')),
    rates: { county: pick('rate.county'), grassroots: pick('rate.grassroots'), model_county: pick('rate.model_county') },
    provinceShare: pick('province_share'),
  };
}

export interface UnitResult {
  row: number;
  unit: string;
  county: string;
  type: UnitType;
  members: number;
  donors: number;
  amountFen: number;
  perCapitaFen: number;
  participation: number;
  flags: string[];
}

export interface CountyDonation {
  county: string;
  members: number;
  donors: number;
  amountFen: number;
  perCapitaFen: number;
  participation: number;
  provinceFen: number;
  cityFen: number;
  flagged: number;
}

export interface DonationResult {
  units: UnitResult[];
  counties: CountyDonation[];
  total: CountyDonation;
  problems: string[];
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Half-up share of a fen amount (integer arithmetic on the share's decimal digits). */
export function shareFen(totalFen: number, share: number): number {
  const scaled = Math.round(share * 1e6);
  return Math.floor((totalFen * scaled + 500_000) / 1_000_000);
}

export function rollUpDonations(values: readonly (readonly unknown[])[], std: DonationStandard): DonationResult {
  const [header = [], ...rows] = values;
  const h = header.map((c) => textOf(c));
  const col = (label: string, ...alts: string[]) => [label, ...alts].map((l) => h.indexOf(l)).find((i) => i >= 0) ?? -1;
  const c = {
    unit: col('单位'), county: col('县区代码'), type: col('单位类型'), members: col('会员数', '职工数'), donors: col('捐款人数'), amount: col('捐款金额（元）', '捐款金额(元)', '捐款金额'),
  };
  const problems: string[] = [];
  if (Object.values(c).some((i) => i < 0)) {
    return { units: [], counties: [], total: emptyCounty('合计'), problems: [`捐款表缺少列：${DONATION_HEADER.filter((_, i) => Object.values(c)[i] < 0).join('、')}`] };
  }
  const units: UnitResult[] = [];
  rows.forEach((r, i) => {
    if (r.every((v) => v === '' || v === null || v === undefined)) return;
    const rowNo = i + 2;
    const unit = textOf(r[c.unit]) || `第${rowNo}行`;
    const type = UNIT_TYPES[textOf(r[c.type]) as keyof typeof UNIT_TYPES];
    const members = numberOf(r[c.members]);
    const donors = numberOf(r[c.donors]);
    const amount = numberOf(r[c.amount]);
    if (!type || members === null || donors === null || amount === null || members <= 0 || donors < 0 || amount < 0 || donors > members) {
      problems.push(`捐款表第${rowNo}行（${unit}）：单位类型应为“县区/产业工会”“直属基层工会”或“省级模范县区”，会员数、捐款人数、金额应为非负数且捐款人数不超过会员数，未计入`);
      return;
    }
    const amountFen = yuanToFen(amount);
    const perCapitaFen = donors > 0 ? Math.floor((2 * amountFen + donors) / (2 * donors)) : 0;
    const participation = donors / members;
    const flags: string[] = [];
    const need = std.rates[type];
    // Compare donors × 1000 with members × rate × 1000 in integers: 27 of 100 is exactly 27 %.
    if (donors * 1_000_000 < Math.round(need * 1_000_000) * members) flags.push(`参与率 ${pct(participation)} 低于 ${pct(need)}`);
    if (donors > 0 && perCapitaFen < std.perCapitaMinFen) flags.push(`人均 ${(perCapitaFen / 100).toFixed(2)} 元低于 ${(std.perCapitaMinFen / 100).toFixed(0)} 元`);
    units.push({ row: rowNo, unit, county: textOf(r[c.county]).toUpperCase(), type, members, donors, amountFen, perCapitaFen, participation, flags });
  });
  const by = new Map<string, CountyDonation>();
  const total = emptyCounty('合计');
  for (const u of units) {
    let k = by.get(u.county);
    if (!k) by.set(u.county, (k = emptyCounty(u.county)));
    for (const t of [k, total]) {
      t.members += u.members;
      t.donors += u.donors;
      t.amountFen += u.amountFen;
      if (u.flags.length) t.flagged++;
    }
  }
  const finish = (t: CountyDonation) => {
    t.perCapitaFen = t.donors > 0 ? Math.floor((2 * t.amountFen + t.donors) / (2 * t.donors)) : 0;
    t.participation = t.members > 0 ? t.donors / t.members : 0;
    t.provinceFen = shareFen(t.amountFen, std.provinceShare);
    t.cityFen = t.amountFen - t.provinceFen;
  };
  const counties = [...by.values()].sort((a, b) => a.county.localeCompare(b.county));
  counties.forEach(finish);
  finish(total);
  return { units, counties, total, problems };
}

function emptyCounty(county: string): CountyDonation {
  return { county, members: 0, donors: 0, amountFen: 0, perCapitaFen: 0, participation: 0, provinceFen: 0, cityFen: 0, flagged: 0 };
}
