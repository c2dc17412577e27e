/**
 * Scheduled work. One time-driven trigger (dailyJobs, every morning Beijing time) runs the
 * three jobs in turn: an add-on may hold only one trigger of each type per user and
 * document, and one daily run serves all three:
 * - dailyDeadlineCheck: recompute due dates and overdue flags, e-mail digests;
 * - annualReviewCheck: from the configured start (1 April) to the re-review deadline
 *   (30 April), mark every active case for re-review with this year's eligibility result;
 * - quarterlyReminder: in the first 7 working days of a quarter, once per quarter, remind
 *   the county and city unions to report their statistics.
 * Each job can also be run by hand (they are entry points). A job's failure is written
 * to 操作日志 (nobody reads trigger failure e-mails) and does not stop the others.
 */
import type { CaseRecord } from '../domain/caseModel';
import { dateFromCivil, yearOf } from '../domain/civilDate';
import { BangfuError } from '../domain/errors';
import { calendarWarning } from '../domain/calendar';
import { textOf } from '../domain/forms/values';
import { annualReview } from '../domain/workflow/annualReview';
import { annualReviewDeadline, inQuarterlyWindow, isOverdue, quarterlyWindow } from '../domain/workflow/deadlines';
import { isWaitingOn, type User } from '../domain/workflow/permissions';
import { AUDIT_COLUMNS, auditCells, type AuditRecord } from '../sheets/audit';
import { appendAuditRows } from '../sheets/auditChain';
import { auditChain, auditCheckJob } from '../usecases/verifyAudit';
import { recomputeDeadlines } from '../usecases/recomputeDeadlines';
import { readCases } from '../sheets/cases';
import { ensureSheet } from '../sheets/structure';
import { readHeader, safeCell, writeColumns, type Cell } from '../sheets/table';
import { toast } from '../sheets/ui';
import { boundSpreadsheet, openSpreadsheet, SHEET_NAMES, requireSheet, type Spreadsheet } from '../sheets/workbook';
import { requestContext, type Ctx } from './context';
import { notConnectedError, sendWrite, writerUrl } from '../platform/writerClient';
import { effectiveEmail } from '../platform/session';
import { scriptProperty, setScriptProperty } from '../platform/properties';
import { spreadsheetOwnerEmail } from '../sheets/workbook';
import { refreshTodayCell } from './timeZoneSetup';
import { deadlinesSoon, parseCampaigns } from '../domain/campaigns';
import { CAMPAIGN_REMINDER_WORKDAYS, CAMPAIGN_ROLES, defaultCampaignRows } from '../defaults/campaigns';
import { donationStandard } from '../domain/donation';
import { defaultDonationStandardRows } from '../defaults/sheetRows';
import { readSheetValues, REPORT_SHEETS } from '../sheets/workbook';
import { ANNUAL_REVIEW_HEADER } from '../domain/layouts/annualReview';
export { ANNUAL_REVIEW_HEADER };

import { SPREADSHEET_ID_KEY, type TriggerReport } from '../usecases/dailyJobs';
export { DAILY_HANDLER, OUR_HANDLERS, SPREADSHEET_ID_KEY, type TriggerReport } from '../usecases/dailyJobs';
const QUARTER_KEY = 'bangfu.quarterlyReminder.lastQuarter';

/** Where "this quarter was reminded" is kept: the document's properties, or per spreadsheet in the writer's (it has no document). */
function quarterStore(ctx: Ctx): { props: GoogleAppsScript.Properties.Properties; key: string } {
  const doc = PropertiesService.getDocumentProperties();
  return doc ? { props: doc, key: QUARTER_KEY } : { props: PropertiesService.getScriptProperties(), key: `${QUARTER_KEY}:${ctx.ss.getId()}` };
}

/**
 * The workbook a job works on: the active one (bound script, menu), else the one
 * installTriggers remembered (a time-driven run has no active document in an add-on).
 */
function jobSpreadsheet(): Spreadsheet {
  const active = boundSpreadsheet();
  if (active) return active;
  const id = PropertiesService.getScriptProperties().getProperty(SPREADSHEET_ID_KEY);
  if (!id)
    throw new BangfuError(
      'trigger.noWorkbook',
      '找不到要处理的表格，请在表格中重新运行“触发器设置”',
      'No workbook to work on; run Triggers → Install again from the spreadsheet',
    );
  return openSpreadsheet(id);
}

/**
 * Installs the daily job. Connected to a writer: in the writer, as its owner (one trigger
 * whoever asks, however often). Not connected: here, by the owner alone (src/usecases/dailyJobs.ts).
 */
export function installTriggers(): TriggerReport {
  const report = sendWrite<TriggerReport>('installTriggers', {});
  toast(report.message, '触发器设置');
  return report;
}

/** Removes only our triggers (other scripts' and people's triggers stay). */
export function removeTriggers(): TriggerReport {
  const report = sendWrite<TriggerReport>('removeTriggers', {});
  toast(report.message, '触发器设置');
  return report;
}

/** The daily jobs in turn on one workbook; one failing is logged and does not stop the next. */
export function runDailyJobs(ctx: Ctx): void {
  // Labels are explicit: minification renames functions.
  const jobs: [string, (ctx: Ctx) => unknown][] = [
    ['每日期限检查', runDeadlineCheck],
    ['年度复审标记', runAnnualReview],
    ['季度统计提醒', runQuarterlyReminder],
    ['操作日志校验', auditCheckJob],
    ['节假日安排提醒', runCalendarReminder],
    ['活动截止提醒', runCampaignReminder],
    ['更新今日日期', (ctx) => refreshTodayCell(ctx.ss, ctx.today)],
  ];
  for (const [label, job] of jobs) {
    try {
      job(ctx);
    } catch (e) {
      logFailure(ctx, label, e);
    }
  }
}

/**
 * The bound script's daily trigger. Once a writer is connected the jobs run there (its
 * own trigger, as the owner), so an old trigger left here writes nothing; without a
 * writer it runs for the owner alone, like every other write.
 */
export function dailyJobs(): void {
  if (!localJobsAllowed()) return;
  runDailyJobs(requestContext(jobSpreadsheet()));
}

/** Jobs may write from the bound script only with no writer connected and the owner running them. */
function localJobsAllowed(): boolean {
  if (writerUrl() !== null) {
    console.log('帮扶：定时任务已由写入服务执行，本表格脚本的定时任务不再写入');
    return false;
  }
  const ss = jobSpreadsheet();
  if (effectiveEmail() !== spreadsheetOwnerEmail(ss)) {
    console.log('帮扶：未连接写入服务时，只有表格所有者安装的定时任务可以写入');
    return false;
  }
  return true;
}

function requireLocalJobs(): void {
  if (writerUrl() !== null) {
    throw new BangfuError('trigger.inWriter', '定时任务由写入服务每天自动执行，无需在表格中手动运行', 'The scheduled jobs run in the writer');
  }
  if (!localJobsAllowed()) throw notConnectedError();
}

export function logFailure(ctx: Ctx, label: string, e: unknown): void {
  const text = e instanceof BangfuError ? e.zh : e instanceof Error ? e.message : String(e);
  try {
    appendAuditLocked(ctx, [
      { time: ctx.now, user: ctx.email || '（定时任务）', workerNo: '', action: `${label}失败`, from: '', to: '', reason: text, changes: [], requestId: '' },
    ]);
  } catch {
    // The log itself is unavailable; Apps Script's execution log still has the error.
    console.error(`${label}: ${text}`);
  }
}

/** appendAudit taking the lock itself, for lines written outside a locked section (the chain must not fork). */
function appendAuditLocked(ctx: Ctx, records: readonly AuditRecord[]): void {
  ctx.lock(() => appendAudit(ctx, records));
}

/** Chained log lines; call under ctx.lock (appendAuditLocked otherwise). */
export function appendAudit(ctx: Ctx, records: readonly AuditRecord[]): void {
  if (records.length === 0) return;
  const sheet = requireSheet(ctx.ss, SHEET_NAMES.audit);
  appendAuditRows(sheet, readHeader(sheet, AUDIT_COLUMNS), records.map(auditCells), auditChain(ctx));
}

// ── daily deadline check ─────────────────────────────────────────────────────────

export interface DeadlineCheckResult {
  open: number;
  changed: number;
  overdue: number;
  failures: string[];
  mailed: number;
}

export function dailyDeadlineCheck(): DeadlineCheckResult {
  requireLocalJobs();
  const ss = jobSpreadsheet();
  try {
    return runDeadlineCheck(requestContext(ss));
  } catch (e) {
    logFailure(requestContext(ss), '每日期限检查', e);
    throw e;
  }
}

/**
 * Due dates and overdue flags of open cases recomputed on the working-day calendar
 * (src/usecases/recomputeDeadlines.ts: one read, writes only when something changed). A
 * 暂定 due date that moved is logged (the schedule was entered); per-case failures (a year
 * missing from 节假日) are logged once per message, the other cases still update.
 */
export function runDeadlineCheck(ctx: Ctx): DeadlineCheckResult {
  const calendar = ctx.calendar();
  const failures: string[] = [];
  const result = ctx.lock(() => {
    const run = recomputeDeadlines(ctx, calendar);
    const seen = new Set<string>();
    for (const f of run.failures) {
      if (!seen.has(f.text)) failures.push(`${f.workerNo}：${f.text}`);
      seen.add(f.text);
    }
    const moved: AuditRecord[] = run.moves
      .filter((m) => m.wasProvisional)
      .map((m) => ({
        time: ctx.now,
        user: ctx.email || '（定时任务）',
        workerNo: m.workerNo,
        action: '期限重新计算',
        from: '',
        to: '',
        reason: `节假日安排已录入：截止日期 ${m.from || '无'} → ${m.to || '无'}`,
        changes: [{ field: 'due_date', before: m.from, after: m.to }],
        requestId: '',
      }));
    appendAudit(ctx, moved);
    return run;
  });
  if (failures.length > 0) {
    appendAuditLocked(ctx, [
      {
        time: ctx.now,
        user: ctx.email || '（定时任务）',
        workerNo: '',
        action: '每日期限检查失败',
        from: '',
        to: '',
        reason: failures.join('；'),
        changes: [],
        requestId: '',
      },
    ]);
  }
  const mailed = ctx.settings().notifications
    ? mailOverdueDigests(
        ctx,
        result.rows.map((r) => r.record as CaseRecord),
      )
    : 0;
  return { open: result.open, changed: result.changed, overdue: result.overdue, failures, mailed };
}

/** One zh e-mail per person with overdue cases waiting on them; returns how many were sent. */
function mailOverdueDigests(ctx: Ctx, cases: readonly CaseRecord[]): number {
  // Whoever acts at a late case's stage, by the chain it runs under (审批流程).
  const users = ctx.staff().users;
  const chains = ctx.rules().chains;
  const late = cases.filter((c) => isOverdue(c, ctx.today));
  let sent = 0;
  const failures: string[] = [];
  for (const u of users) {
    const mine = late.filter((c) => isWaitingOn(u, c, chains));
    if (mine.length === 0) continue;
    try {
      MailApp.sendEmail(u.email, `【帮扶】您有 ${mine.length} 件逾期案件（${ctx.today}）`, digestBody(u, mine, ctx));
      sent++;
    } catch (e) {
      failures.push(`${u.email}：${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (failures.length > 0) {
    appendAuditLocked(ctx, [
      {
        time: ctx.now,
        user: ctx.email || '（定时任务）',
        workerNo: '',
        action: '逾期提醒邮件发送失败',
        from: '',
        to: '',
        reason: failures.join('；'),
        changes: [],
        requestId: '',
      },
    ]);
  }
  return sent;
}

function digestBody(u: User, cases: readonly CaseRecord[], ctx: Ctx): string {
  const lines = cases.map((c) => `· ${textOf(c.worker_no)} ${textOf(c.name)}（${textOf(c.status)}，截止 ${textOf(c.due_date)}）`);
  return [
    `${u.name || u.email}，您好：`,
    '',
    `截至 ${ctx.today}，以下案件已超过办理期限（按国务院节假日安排的工作日计算），请尽快在“帮扶 → 审核工作台”中办理：`,
    '',
    ...lines,
    '',
    `表格：${ctx.ss.getUrl()}`,
    '（本邮件由帮扶插件每日自动发送；管理员可在“设置”表把“邮件提醒”改为“否”关闭。）',
  ].join('\n');
}

// ── holiday calendar reminder ────────────────────────────────────────────────────

const CALENDAR_REMINDER_KEY = 'bangfu.calendarReminder.lastDay';

/**
 * While the calendar runs on provisional days (from 1 November for next year), remind the
 * administrators to import the State Council notice: a toast for whoever has the sheet
 * open, and — when 邮件提醒 is on — one mail a day to each administrator.
 */
export function runCalendarReminder(ctx: Ctx): { warned: boolean; mailed: number } {
  const cal = ctx.calendar();
  const w = cal.yearStatus ? calendarWarning({ yearStatus: (y) => cal.yearStatus!(y) }, ctx.today) : null;
  if (!w) return { warned: false, mailed: 0 };
  toast(w.zh, '节假日安排', 20);
  if (!ctx.settings().notifications) return { warned: true, mailed: 0 };
  // One writer may serve several spreadsheets: the day of the last mail is kept per spreadsheet.
  const key = `${CALENDAR_REMINDER_KEY}.${ctx.ss.getId()}`;
  if (scriptProperty(key) === ctx.today) return { warned: true, mailed: 0 };
  const admins = [
    ...new Set(
      ctx
        .staff()
        .users.filter((u) => u.role === 'admin')
        .map((u) => u.email),
    ),
  ];
  let mailed = 0;
  for (const to of admins) {
    MailApp.sendEmail(
      to,
      `【帮扶】请导入${w.years.join('、')}年节假日安排（${ctx.today}）`,
      ['管理员您好：', '', w.zh, '', `表格：${ctx.ss.getUrl()}`, '（本邮件由帮扶插件每日自动发送，导入后停止；可在“设置”表把“邮件提醒”改为“否”关闭。）'].join(
        '\n',
      ),
    );
    mailed++;
  }
  setScriptProperty(key, ctx.today);
  return { warned: true, mailed };
}

/**
 * onOpen's part (a simple trigger: no mail, no other document, no authorisation): the
 * toast for an administrator who opens the sheet. Reads 人员权限 and 节假日 only when the
 * opener's e-mail is known; never throws (the menu must still appear).
 */
export function calendarReminderOnOpen(): void {
  try {
    const ctx = requestContext();
    if (!ctx.email || ctx.user()?.role !== 'admin') return;
    const cal = ctx.calendar();
    const w = cal.yearStatus ? calendarWarning({ yearStatus: (y) => cal.yearStatus!(y) }, ctx.today) : null;
    if (w) toast(w.zh, '节假日安排', 20);
  } catch {
    // A sheet missing or unreadable: setup will say so; opening the spreadsheet must not fail.
  }
}

// ── annual re-review ─────────────────────────────────────────────────────────────

export function annualReviewCheck(): { marked: number; skipped?: string } {
  requireLocalJobs();
  return runAnnualReview(requestContext(jobSpreadsheet()));
}

/**
 * Acts only between the configured start (设置 年度复审开始日, 04-01) and the deadline
 * (期限 年度复审, 04-30): a case approved in June was just assessed and waits for next
 * year. Marks only cases not yet reviewed this year, so the daily run is idempotent.
 */
export function runAnnualReview(ctx: Ctx): { marked: number; skipped?: string } {
  const year = yearOf(ctx.today);
  const start = `${year}-${ctx.settings().annualReviewStart}`;
  const deadline = annualReviewDeadline(year, ctx.rules());
  if (ctx.today < start || ctx.today > deadline) return { marked: 0, skipped: `不在年度复审期间（${start} 至 ${deadline}）` };
  const dibao = ctx.dibaoLine();
  if (dibao === null) throw new BangfuError('settings.noDibao', '“设置”表没有当前有效的低保标准，无法进行年度复审', 'No dibao line in force in the settings');
  const defs = ctx.forms().fields;
  return ctx.lock(() => {
    const table = readCases(ctx.ss, defs, { skipBlank: false, required: ['worker_no', 'status', 'review_year', 'review_result', 'review_proposal'] });
    const pending = table.rows.filter((r) => textOf(r.record.review_year) !== String(year));
    const { items } = annualReview(
      pending.map((r) => r.record as CaseRecord),
      { year, dibaoLine: dibao, today: ctx.today, rules: ctx.rules() },
    );
    if (items.length === 0) return { marked: 0 };
    const byNo = new Map(items.map((i) => [i.workerNo, i]));
    const cols: Record<string, Cell[]> = { review_year: [], review_result: [], review_proposal: [] };
    for (const r of table.rows) {
      const item = byNo.get(textOf(r.record.worker_no));
      for (const k of ['review_year', 'review_result', 'review_proposal'] as const) cols[k].push(item ? item.patch[k] : (r.record[k] ?? ''));
    }
    writeColumns(table.sheet, table.map, cols);
    const list = ensureSheet(ctx.ss, SHEET_NAMES.annualReview, () => [ANNUAL_REVIEW_HEADER]).sheet;
    const names = new Map(table.rows.map((r) => [textOf(r.record.worker_no), textOf(r.record.name)]));
    const rows = items.map((i) => [
      year,
      i.workerNo,
      i.county,
      names.get(i.workerNo) ?? '',
      i.category || '不符合',
      i.proposal,
      i.reasonZh,
      dateFromCivil(deadline),
      dateFromCivil(ctx.today),
    ]);
    list.getRange(list.getLastRow() + 1, 1, rows.length, ANNUAL_REVIEW_HEADER.length).setValues(rows.map((r) => r.map(safeCell)));
    appendAudit(
      ctx,
      items.map((i) => ({
        time: ctx.now,
        user: ctx.email || '（定时任务）',
        workerNo: i.workerNo,
        action: '年度复审标记',
        from: '',
        to: '',
        reason: i.reasonZh,
        changes: (['review_year', 'review_result', 'review_proposal'] as const).map((k) => ({ field: k, before: null, after: i.patch[k] })),
        requestId: '',
      })),
    );
    return { marked: items.length };
  });
}

// ── quarterly reminder ───────────────────────────────────────────────────────────

export function quarterlyReminder(): { sent: number; skipped?: string } {
  requireLocalJobs();
  return runQuarterlyReminder(requestContext(jobSpreadsheet()));
}

const QUARTER_ZH = ['第一季度', '第二季度', '第三季度', '第四季度'];

/** Once per quarter, inside its first 7 working days (seed 001 三、4), remembered in document properties. */
export function runQuarterlyReminder(ctx: Ctx): { sent: number; skipped?: string } {
  const settings = ctx.settings();
  if (!settings.quarterlyReminder) return { sent: 0, skipped: '季度统计提醒已关闭' };
  const calendar = ctx.calendar();
  const rules = ctx.rules();
  if (!inQuarterlyWindow(ctx.today, calendar, rules)) return { sent: 0, skipped: '不在季度初上报期内' };
  const w = quarterlyWindow(ctx.today, calendar, rules);
  const { props, key: quarterKey } = quarterStore(ctx);
  if (props.getProperty(quarterKey) === w.quarter) return { sent: 0, skipped: `${w.quarter} 已提醒` };

  const [y, q] = w.quarter.split('-Q').map(Number);
  const prev = q === 1 ? { y: y - 1, q: 4 } : { y, q: q - 1 };
  const subject = `【帮扶】请于 ${w.end} 前上报${prev.y}年${QUARTER_ZH[prev.q - 1]}困难职工帮扶统计`;
  const body = [
    '您好：',
    '',
    `按规定，每季度初 7 个工作日内逐级上报上季度统计。本季度上报截止日为 ${w.end}（按国务院节假日安排的工作日计算）。`,
    `请在表格中运行“帮扶 → 汇总与报表 → 汇总”和“生成报表”，核对后上报${prev.y}年${QUARTER_ZH[prev.q - 1]}数据。`,
    '',
    `表格：${ctx.ss.getUrl()}`,
  ].join('\n');
  const recipients = [
    ...new Set(
      ctx
        .staff()
        .users.filter((u) => u.role === 'county' || u.role === 'city')
        .map((u) => u.email),
    ),
  ];
  let sent = 0;
  const failures: string[] = [];
  for (const to of recipients) {
    try {
      MailApp.sendEmail(to, subject, body);
      sent++;
    } catch (e) {
      failures.push(`${to}：${e instanceof Error ? e.message : String(e)}`);
    }
  }
  toast(subject, '季度统计提醒', 15);
  appendAuditLocked(ctx, [
    {
      time: ctx.now,
      user: ctx.email || '（定时任务）',
      workerNo: '',
      action: '季度统计提醒',
      from: '',
      to: '',
      reason: `${subject}；已发送 ${sent} 人${failures.length ? `；失败：${failures.join('；')}` : ''}`,
      changes: [],
      requestId: '',
    },
  ]);
  props.setProperty(quarterKey, w.quarter);
  return { sent };
}

// ── campaign deadlines (SPEC §2.7) ─────────────────────────────────────────────────

const CAMPAIGN_REMINDER_KEY = 'bangfu.campaignReminder';

/**
 * In the last working days before a campaign deadline of 活动 (the 一日捐 collection and
 * remittance, the 送温暖 report and forms, the 三万 survey data), remind the roles concerned:
 * a toast, a mail to each (when 邮件提醒 is on), one 操作日志 line — once a day per campaign.
 */
export function runCampaignReminder(ctx: Ctx): { reminded: string[] } {
  const values = ctx.ss.getSheetByName(REPORT_SHEETS.campaigns) ? readSheetValues(ctx.ss, REPORT_SHEETS.campaigns) : defaultCampaignRows();
  const { campaigns } = parseCampaigns(values);
  const standards = ctx.ss.getSheetByName(REPORT_SHEETS.donationStandards)
    ? readSheetValues(ctx.ss, REPORT_SHEETS.donationStandards)
    : defaultDonationStandardRows();
  let collectionDays: number | null = null;
  try {
    collectionDays = donationStandard(standards, ctx.today).collectionDays;
  } catch {
    // A broken 一日捐标准 is the donation roll-up's to report; the other deadlines still count.
  }
  const soon = deadlinesSoon(campaigns, ctx.today, ctx.calendar(), CAMPAIGN_REMINDER_WORKDAYS, collectionDays);
  const reminded: string[] = [];
  const records: AuditRecord[] = [];
  for (const s of soon) {
    const key = `${CAMPAIGN_REMINDER_KEY}.${ctx.ss.getId()}.${s.campaign.name}`;
    if (scriptProperty(key) === ctx.today) continue;
    const what = s.campaign.deadlineWhat || (s.campaign.kind === '一日捐' ? '募集并上解' : '报送');
    const when = s.workdaysLeft === 0 ? '今天截止' : `还有 ${s.workdaysLeft} 个工作日`;
    const subject = `【帮扶】${s.campaign.name}：${s.deadline} 前${what}（${when}）`;
    toast(subject, '活动截止提醒', 15);
    const roles = CAMPAIGN_ROLES[s.campaign.kind];
    const to = [
      ...new Set(
        ctx
          .staff()
          .users.filter((u) => roles.includes(u.role))
          .map((u) => u.email),
      ),
    ];
    let sent = 0;
    if (ctx.settings().notifications) {
      for (const address of to) {
        MailApp.sendEmail(
          address,
          subject,
          ['您好：', '', `${s.campaign.name}的截止日期是 ${s.deadline}（${when}），请按时${what}。`, '', `表格：${ctx.ss.getUrl()}`].join('\n'),
        );
        sent++;
      }
    }
    records.push({
      time: ctx.now,
      user: ctx.email || '（定时任务）',
      workerNo: '',
      action: '活动截止提醒',
      from: '',
      to: '',
      reason: `${subject}；已发送 ${sent} 人`,
      changes: [],
      requestId: '',
    });
    setScriptProperty(key, ctx.today);
    reminded.push(s.campaign.name);
  }
  if (records.length > 0) appendAuditLocked(ctx, records);
  return { reminded };
}
