/**
 * Valid resident ID numbers for these tests (GB 11643-1999 check digit), until the shared
 * generator in test/helpers/idNumbers.ts is available to import.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** region '420802' (荆门东宝区), birth 'YYYY-MM-DD', seq 1–499, sex 男/女 → an 18-char ID. */
export function makeId(region: string, birth: string, seq: number, sex: '男' | '女'): string {
  const base = seq * 2 + (sex === '男' ? 1 : 0); // 17th digit odd = 男
  const first17 = `${region}${birth.replace(/-/g, '')}${String(base % 1000).padStart(3, '0')}`;
  return first17 + checkChar(first17);
}
