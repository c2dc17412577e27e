/**
 * Rows as a staff member types them into 录入: the text of each cell, by column label,
 * for 200 different workers of 京山 (real ID numbers with valid check digits).
 */
import { makeId, sheet, type Fake } from '../server/fixtures';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '罗', '高', '林'];
const GIVEN = ['秀英', '建国', '桂兰', '志强', '海燕', '德明', '玉梅', '国华', '春生', '丽娟'];
const EMPLOYERS = ['京山县轻机厂', '京山县纺织厂', '京山县粮食局', '京山县第二中学', '京山县环卫所'];

/** The cells of one typed row by column label (提交状态 and 职工编号 left blank). */
export function typedWorker(i: number): Record<string, string | number> {
  const sex = i % 2 === 0 ? '女' : '男';
  const year = 1965 + (i % 30);
  const birth = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
  const size = 2 + (i % 3);
  return {
    姓名: SURNAMES[i % SURNAMES.length] + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length],
    身份证号: makeId('420821', birth, 200 + i, sex),
    民族: '汉族',
    政治面貌: '群众',
    健康状况: '患病',
    联系电话: `139072${String(10000 + i).padStart(5, '0')}`,
    工作单位: EMPLOYERS[i % EMPLOYERS.length],
    单位性质: '国有企业',
    工作状态: '在岗',
    家庭年收入: 12000 + (i % 10) * 1500,
    家庭人口: size,
    年医疗自付费用: 8000 + i * 10,
    家庭成员: i % 3 === 0 ? '' : '周建国，配偶，男，患病，0；周小雨，子女，女，良好，0',
    致困原因: i % 4 === 0 ? '因病、子女上学' : '因病',
    致困原因说明: '长期患病，需定期治疗',
    '紧急（先救助后补办）': '否',
    已享受其他帮扶: '否',
    救助项目: '特困职工医疗救助',
    救助计算基数: 8000 + i * 10,
    '会员卡/银行卡号': '6228480402564890018',
  };
}

export function header(fake: Fake): string[] {
  const s = sheet(fake, '录入');
  return s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String);
}

/** Pastes rows (by label) into 录入 from row 2, as one paste of plain values. */
export function paste(fake: Fake, rows: Record<string, unknown>[], firstRow = 2): void {
  const h = header(fake);
  for (const r of rows) for (const k of Object.keys(r)) if (!h.includes(k)) throw new Error(`录入 has no column ${k}`);
  const grid = rows.map((r) => h.map((label) => (r[label] ?? '') as string | number));
  sheet(fake, '录入').getRange(firstRow, 1, grid.length, h.length).setValues(grid);
}

/** A typed cell of 录入 by row and label. */
export function cell(fake: Fake, row: number, label: string): GoogleAppsScript.Spreadsheet.Range {
  const i = header(fake).indexOf(label);
  if (i < 0) throw new Error(`录入 has no column ${label}`);
  return sheet(fake, '录入').getRange(row, i + 1);
}
