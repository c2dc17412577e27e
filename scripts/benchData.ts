/** What the workbook benches share: the people who act, and valid ID numbers for generated rows. */
import { checkCharacter } from '../src/domain/idcard';

export const OWNER = 'owner@jmszgh.cn';
export const STAFF = 'zhangmin@jszgh.cn';
export const REVIEWER = 'lina@jszgh.cn';

/** A valid resident ID for generated rows: region, birth 'YYYY-MM-DD', a 3-digit sequence. */
export function makeId(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth.replace(/-/g, '')}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}
