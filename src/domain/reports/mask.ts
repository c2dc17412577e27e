/**
 * Masking for what co-workers may see (公示名单): the ends of a number stay so the person
 * can recognise their own line, the middle is starred, the length is kept.
 */
function keepEnds(s: string, head: number, tail: number): string {
  const t = s.trim();
  if (t.length <= head + tail) return '*'.repeat(t.length);
  return t.slice(0, head) + '*'.repeat(t.length - head - tail) + t.slice(t.length - tail);
}

/** 420821197203150243 → 4208**********0243 */
export const maskId = (id: string): string => keepEnds(id, 4, 4);
/** 6228480402564890018 → 6228***********0018 */
export const maskCard = (card: string): string => keepEnds(card.replace(/\s/g, ''), 4, 4);
/** 13872345678 → 138****5678 */
export const maskPhone = (phone: string): string => keepEnds(phone.replace(/[\s-]/g, ''), 3, 4);
/** 王秀英 → 王*英, 李明 → 李*, 欧阳建国 → 欧**国: the surname and, for 3+ characters, the last one stay. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
