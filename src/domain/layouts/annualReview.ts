/** 年度复审: the cases marked for the annual re-review, one a row (the daily job writes it). */
export const ANNUAL_REVIEW_HEADER = ['复审年度', '职工编号', '县区代码', '姓名', '困难类别', '建议', '理由', '复审截止日期', '标记日期'];
