/**
 * Resident ID numbers (居民身份证号码, GB 11643-1999): 6-digit region code, 8-digit birth
 * date, 3-digit sequence (odd for men, even for women), and a check character.
 *
 * Decisions: only 18-character numbers are valid here — the 15-digit numbers issued before
 * 1999 have no check digit and have long been replaced, and the union's forms (seed 003,
 * 004) ask for the 18-digit number. A lower-case x is accepted as X. A birth date must be
 * a real day, not before 1900 and not after `today`.
 */
import { completedYears, isValidYmd, type CivilDate } from './civilDate';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The GB 11643 check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export type IdCheck = { ok: true } | { ok: false; reasonZh: string; reasonEn: string };

const fail = (reasonZh: string, reasonEn: string): IdCheck => ({ ok: false, reasonZh, reasonEn });

export function validateId(id: string, today: CivilDate): IdCheck {
  const s = String(id ?? '')
    .trim()
    .toUpperCase();
  if (s.length === 15 && /^\d{15}$/.test(s))
    return fail('15位旧号码不再使用，请填写18位号码', 'Old 15-digit ID numbers are not accepted; enter the 18-character number');
  if (s.length !== 18) return fail(`应为18位，现为${s.length}位`, `An ID number has 18 characters, not ${s.length}`);
  if (!/^\d{17}[\dX]$/.test(s)) return fail('前17位应为数字，最后一位为数字或X', 'The first 17 characters must be digits and the last a digit or X');
  const y = +s.slice(6, 10);
  const m = +s.slice(10, 12);
  const d = +s.slice(12, 14);
  if (!isValidYmd(y, m, d)) return fail(`出生日期${s.slice(6, 14)}不存在`, `The birth date ${s.slice(6, 14)} in the ID number does not exist`);
  const birth = birthOf(s);
  if (y < 1900) return fail('出生日期早于1900年', 'Birth date before 1900');
  if (birth > today) return fail('出生日期晚于今天', 'Birth date is in the future');
  if (checkCharacter(s) !== s[17]) return fail('校验码错误', 'The check character is wrong; check the number');
  return { ok: true };
}

export function isValidId(id: string, today: CivilDate): boolean {
  return validateId(id, today).ok;
}

function birthOf(s: string): CivilDate {
  return `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
}

export interface IdInfo {
  birth: CivilDate;
  sex: '男' | '女';
  /** Completed years on the given date. */
  age: number;
  /** 6-digit administrative division code (行政区划代码) where the number was issued. */
  region: string;
}

/** What an ID number says, or null when it is not valid on `onDate`. */
export function idInfo(id: string, onDate: CivilDate): IdInfo | null {
  const s = String(id ?? '')
    .trim()
    .toUpperCase();
  if (!validateId(s, onDate).ok) return null;
  const birth = birthOf(s);
  return { birth, sex: (s.charCodeAt(16) - 48) % 2 === 1 ? '男' : '女', age: completedYears(birth, onDate), region: s.slice(0, 6) };
}
