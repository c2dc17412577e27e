/**
 * Jingmen's counties and their codes for worker numbers (SPEC §5, from seed 004 荆门市
 * 困难职工档案). The province's code letter is H. Editable in the 设置 sheet.
 */
import { cite } from '../domain/sources';

export const PROVINCE_LETTER = 'H';
export const COUNTIES_SOURCE = `${cite('jingmenPlan', '附件 调查表 填表说明')}`;

export const COUNTIES: readonly { code: string; name: string }[] = [
  { code: 'H01', name: '京山' },
  { code: 'H02', name: '沙洋' },
  { code: 'H03', name: '钟祥' },
  { code: 'H04', name: '东宝' },
  { code: 'H05', name: '高新区·掇刀区' },
  { code: 'H06', name: '漳河新区' },
  { code: 'H07', name: '屈家岭管理区' },
  { code: 'H08', name: '市直' },
];
