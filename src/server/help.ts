/** 帮助: a short guide to the workbook, in the user's language. */
import { showDialog } from '../sheets/ui';

const ZH = `
<h2>帮扶 使用说明</h2>
<ol>
<li><b>初始化</b>：管理员运行“帮扶 → 初始化/修复表格”，再在“人员权限”表填写每位工作人员的邮箱、角色和县区代码；运行“触发器设置 → 安装定时任务”。</li>
<li><b>录入</b>（基层工会）：“新增/编辑困难职工”侧边栏填写调查表，保存后自动生成职工编号，进入待审核。</li>
<li><b>批量录入</b>：也可在“录入”表中逐行填写或粘贴（多选用“、”分隔；家庭成员每人按“姓名，关系，性别，健康状况，年收入”填写，多人用“；”分隔），再运行“帮扶 → 提交录入行”：正确的行生成案件并标为“已提交”，有误的单元格会加批注说明。</li>
<li><b>审核</b>（单位工会，3个工作日内，紧急案件当日）：“审核工作台”中审核通过或退回（须填写原因）。</li>
<li><b>公示</b>：审核通过后公示不少于5个工作日；有异议的退回重审。</li>
<li><b>初审</b>（县区总工会，公示期满移交后7个工作日内）：初审通过后报市总工会。</li>
<li><b>审批</b>（市总工会）：审批时冻结救助标准快照，此后可发放救助。</li>
<li><b>备案</b>（报省总工会）：登记备案；省总工会可抽查核实已备案的案件。</li>
</ol>
<p>以上是默认流程（河北001）。各环节、办理角色、期限、是否可退回等都在“审批流程”表中，管理员可通过配置草稿改为荆门004或河南003流程，或新增一个生效日期更晚的版本；已在办的案件按其开始时的流程办完。</p>
<p>期限按国务院节假日安排（含调休上班日）计算。尚未录入安排的年份按《全国年节及纪念日放假办法》的法定节假日<b>暂定</b>（截止日期单元格的批注会注明）；国务院办公厅发布通知后，管理员在“帮扶 → 管理 → 导入节假日通知”粘贴全文，核对后写入“节假日”表，所有在办案件的期限随即重算并记入操作日志。每年11月起如下一年仍是暂定，会提醒管理员。</p>
<p>“设置”表的“今日”单元格每天由定时任务更新。公式中的日期请传入它（如 <code>=IDCARD_INFO(B2, "年龄", 今日)</code>），否则表格会一直显示首次计算那天的结果。</p>
<p>每一步都写入“操作日志”（受保护，只能由程序追加）。</p>
<p>可由管理员修改的表：表单定义（字段）、救助标准（比例、封顶等，带生效日期）、节假日、人员权限、设置（低保标准、县区代码、季度统计与年度复审期限）、审批流程（各环节及其期限）。</p>
<p>单元格公式：<code>=RELIEF("特困职工医疗救助", C2:C)</code>、<code>=RELIEF_EXPLAIN(…)</code>、<code>=WORKDAY_CN(日期, 3)</code>、<code>=IDCARD_VALID(…)</code>、<code>=IDCARD_INFO(B2, "年龄", 今日)</code>、<code>=WORKER_NO("H01", 1)</code>、<code>=HARDSHIP(500, 550)</code>。</p>`;

const EN = `
<h2>Bangfu guide</h2>
<ol>
<li><b>Set up</b>: an administrator runs 帮扶 → Set up / repair, lists every person (e-mail, role, county) in 人员权限, then Triggers → Install.</li>
<li><b>Intake</b> (grassroots staff): the New / edit case sidebar; saving assigns the worker number and the case awaits review.</li>
<li><b>Typed rows</b>: or type/paste rows into the 录入 sheet and run 帮扶 → Submit typed rows: valid rows become cases marked 已提交; bad cells get a note.</li>
<li><b>Review</b> (unit union, 3 working days; same day if emergency): pass or return with a reason in the Review workbench.</li>
<li><b>Public notice</b>: at least 5 working days; an objection returns the case.</li>
<li><b>Preliminary review</b> (county union, 7 working days after the hand-over): passes the case to the city union.</li>
<li><b>Approval</b> (city union): the relief computation is frozen in a snapshot; payments may follow.</li>
<li><b>Filing</b> (with the provincial union): recorded; the province may spot-check filed cases.</li>
</ol>
<p>That is the default chain (河北001). Its stages, acting roles, deadlines and returns are rows of the 审批流程 sheet: an administrator switches to 荆门004 or 河南003, or adds a later version, through a configuration draft; cases in flight finish under the chain they started with.</p>
<p>Deadlines count Chinese working days (State Council schedule, including adjusted working days). Every step is written to 操作日志 (protected, append-only).</p>`;

export function showHelp(): void {
  let en = false;
  try {
    en = (Session.getActiveUserLocale() || '').toLowerCase().startsWith('en');
  } catch {
    // default zh
  }
  const style =
    '<style>body{font-family:system-ui,"Microsoft YaHei",sans-serif;font-size:14px;line-height:1.6;padding:0 8px}code{background:#f1f3f4;padding:0 3px}</style>';
  showDialog(style + (en ? EN : ZH), en ? 'Bangfu help' : '帮扶 帮助');
}
