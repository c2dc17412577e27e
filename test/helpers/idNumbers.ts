/**
 * Valid 18-digit resident ID numbers for tests: real region codes, a birth date, a
 * sequence whose parity gives the sex, and the GB 11643 check character.
 */
import fc from 'fast-check';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export const REGIONS = {
  '420802': '荆门市东宝区',
  '420821': '京山市',
  '420822': '沙洋县',
  '420881': '钟祥市',
  '410105': '郑州市金水区',
  '130602': '保定市竞秀区',
  '510104': '成都市锦江区',
} as const;

export function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += +first17[i] * WEIGHTS[i];
  return '10X98765432'[sum % 11];
}

/** makeId('420821', '1972-03-15', 12, '女') → a valid ID; seq is 0–499 (the 3-digit sequence is seq·2 + sex). */
export function makeId(region: string, birth: string, seq: number, sex: '男' | '女'): string {
  const code = (seq % 500) * 2 + (sex === '男' ? 1 : 0);
  const first17 = `${region}${birth.replace(/-/g, '')}${String(code).padStart(3, '0')}`;
  return first17 + checkChar(first17);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Any valid ID born 1930–2020. */
export const arbId = (): fc.Arbitrary<string> =>
  fc
    .record({
      region: fc.constantFrom(...Object.keys(REGIONS)),
      y: fc.integer({ min: 1930, max: 2020 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
      seq: fc.integer({ min: 0, max: 499 }),
      male: fc.boolean(),
    })
    .map(({ region, y, m, d, seq, male }) => makeId(region, `${y}-${pad(m)}-${pad(d)}`, seq, male ? '男' : '女'));
