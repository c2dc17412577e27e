/**
 * 初始化/修复表格: creates whatever is missing and repairs what setup owns, never
 * overwriting what an administrator changed. A second run on an intact workbook
 * changes nothing and says so.
 *
 * What "repair" means, precisely:
 * - a missing sheet is created and seeded from src/defaults;
 * - an existing sheet keeps its data; only missing header columns are appended (a new
 *   field row in 表单定义 → a new 案件 column);
 * - a header row that is not frozen is frozen;
 * - a column without a dropdown / text format gets one (an existing one is left alone);
 * - a missing conditional format is added;
 * - the authoritative sheets (PROTECTED_SHEETS and the report sheets) are editable by the
 *   owner alone: a missing protection is added, a loosened one (warning-only, extra
 *   editors, domain edit, unprotected ranges) is restored, and the report says which;
 *   roles are enforced in code by the writer, which runs as the owner;
 * - a 操作日志 written before the hash chain gets its two columns and its rows chained once.
 */
import { STATUS_LABELS, CASE_STATUSES } from '../domain/caseModel';
import { FORM_COLUMN_CHOICES, FORM_COLUMNS, parseFormDefinitions, type FieldDef } from '../domain/forms/fieldDefs';
import { BangfuError } from '../domain/errors';
import { parseStaffTable, STAFF_COLUMNS } from '../domain/workflow/permissions';
import { defaultFormRows } from '../defaults/forms';
import { ROLE_CHOICES, defaultStaffRows } from '../defaults/roles';
import { AUDIT_COLUMNS, AUDIT_HEADER } from '../sheets/audit';
import { chainExistingRows, type AuditChain } from '../sheets/auditChain';
import { sha256Hex } from '../platform/digest';
import { caseColumns } from '../sheets/cases';
import {
  ensureFormulaFormats,
  ensureFrozenHeader,
  ensureHeaderColumns,
  ensureListValidation,
  ensureOwnerOnly,
  ensureSheet,
  OWNER_ONLY_DESCRIPTION,
  ensureTextFormat,
  removeRangeProtections,
} from '../sheets/structure';
import { readHeader, safeCell, type Cell, type Sheet } from '../sheets/table';
import { setUpStagingSheet } from '../sheets/staging';
import { STAGING } from '../domain/forms/stagingText';
import { civilFromDate } from '../domain/civilDate';
import { now } from './clock';
import { toast } from '../sheets/ui';
import { sendWrite } from '../platform/writerClient';
import { readSheetValues, SHEET_NAMES, type Spreadsheet } from '../sheets/workbook';
import { HOLIDAY_KIND_CHOICES } from '../domain/layouts/holidays';
import { DEADLINE_BLOCK_TITLE } from '../domain/layouts/settings';
import { MOVED_STEP_LABELS, movedDeadlineRows } from '../domain/workflow/deadlines';
import { CHAIN_COLUMNS, STAGE_KIND_LABELS, STAGE_LEVEL_LABELS } from '../domain/workflow/chain';
import { defaultChainTable } from '../config/chains';
import type { ChainDeadlineOverrides } from '../defaults/chains';
import { textOf } from '../domain/forms/values';
import {
  defaultCounties,
  defaultDonationStandardRows,
  defaultHolidayRows,
  defaultPolicyRows,
  defaultSettingsRows,
  donationSheetHeader,
  sourceRowForThisWorkbook,
} from '../defaults/sheetRows';
import { SOURCE_COLUMNS } from '../domain/rollup/sources';
import { REPORT_SHEETS } from '../sheets/workbook';
import { CONFIG_SHEETS } from '../config/configDraft';
import { REGISTER_HEADER, UNIT_TYPE_CHOICES } from '../domain/donation';
import { defaultCampaignRows } from '../defaults/campaigns';
import { CAMPAIGN_KINDS } from '../domain/campaigns';
import { LEDGER_COLUMNS } from '../domain/ledger';
import { LEDGER_SHEET, ledgerSeedRows, migrateCaseAmounts } from '../sheets/payments';
import { ensureTimeZone, ensureTodayCell } from './timeZoneSetup';
import { today as clockToday } from './clock';

export interface SetupReport {
  created: string[];
  repaired: string[];
  problems: string[];
  message: string;
}

function effectiveEmail(): string {
  try {
    return (Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail() || '').toLowerCase();
  } catch {
    return '';
  }
}

/** Sheets only the owner edits by hand (the writer, running as the owner, writes them for everyone). */
export const PROTECTED_SHEETS: readonly string[] = [
  SHEET_NAMES.cases,
  SHEET_NAMES.audit,
  ...CONFIG_SHEETS,
  SHEET_NAMES.annualReview,
  REPORT_SHEETS.donationStandards,
  // The writer's record of used request ids (src/writer/ledger.ts LEDGER_SHEET).
  '写入记录',
];
/** Report sheets (written by 汇总与报表); 情况报表-… per case. 捐款 and 录入 are typed by users and stay open. */
export const REPORT_SHEET_NAMES: readonly string[] = [
  '汇总',
  '送温暖工程统计表',
  '困难职工帮扶中心统计表',
  '实名制汇总表',
  '公示名单',
  '统计图表',
  '一日捐汇总',
];
const isReportSheet = (name: string) => REPORT_SHEET_NAMES.includes(name) || name.startsWith('情况报表-');
/** Descriptions of the column protections of earlier versions, replaced by the sheet protection. */
const isLegacyColumnProtection = (d: string) => d.startsWith('帮扶：决定列 ') || d === '帮扶：救助金额（市总填写）';

/** Menu handler and entry point: builds or repairs the workbook; toasts and returns what it did. */
export function setupSpreadsheet(): SetupReport {
  // The owner alone before a writer is connected; through the writer (as the owner) after.
  const report = sendWrite<SetupReport>('setup', {});
  toast(report.message, '初始化/修复表格', 15);
  return report;
}

export function setupWorkbook(ss: Spreadsheet, chain: AuditChain = { digest: sha256Hex }): SetupReport {
  const created: string[] = [];
  const repaired: string[] = [];
  const problems: string[] = [];
  const ensure = (name: string, seed: () => readonly (readonly Cell[])[]): Sheet => {
    const r = ensureSheet(ss, name, seed);
    if (r.created) created.push(name);
    else if (ensureFrozenHeader(r.sheet)) repaired.push(`${name}：冻结表头`);
    return r.sheet;
  };
  const addColumns = (sheet: Sheet, columns: readonly { key: string; zh: string; en?: string }[]) => {
    const added = ensureHeaderColumns(sheet, columns);
    if (added.length > 0) repaired.push(`${sheet.getName()}：补充列 ${added.join('、')}`);
  };
  const dropdown = (sheet: Sheet, col: number | undefined, values: readonly string[], allowInvalid: boolean, what: string) => {
    if (col !== undefined && ensureListValidation(sheet, col, values, allowInvalid, `请从下拉列表选择${what}`))
      repaired.push(`${sheet.getName()}：“${what}”下拉选项`);
  };
  // Time zone first: every date below is written in the spreadsheet's zone.
  ensureTimeZone(ss, repaired, problems);

  // 表单定义 first: 案件's columns follow it.
  const formsSheet = ensure(SHEET_NAMES.forms, defaultFormRows);
  addColumns(formsSheet, FORM_COLUMNS);
  const formsMap = readHeader(formsSheet, FORM_COLUMNS);
  for (const [key, choices] of Object.entries(FORM_COLUMN_CHOICES)) {
    const label = FORM_COLUMNS.find((c) => c.key === key)!.zh;
    dropdown(formsSheet, formsMap.col[key], choices ?? [], true, label);
  }

  ensure(SHEET_NAMES.policies, defaultPolicyRows);
  const holidays = ensure(SHEET_NAMES.holidays, defaultHolidayRows);
  dropdown(holidays, 2, HOLIDAY_KIND_CHOICES, false, '类型');

  const staffSheet = ensure(SHEET_NAMES.staff, () => defaultStaffRows(effectiveEmail()));
  addColumns(staffSheet, STAFF_COLUMNS);
  dropdown(staffSheet, readHeader(staffSheet, STAFF_COLUMNS).col.role, ROLE_CHOICES, true, '角色');

  ensure(SHEET_NAMES.settings, () => defaultSettingsRows(defaultCounties()));
  // 今日 lives in 设置, which only the owner (or the writer, as the owner) may write.
  if (setupRunner(ss).isOwner) ensureTodayCell(ss, clockToday(), repaired);

  let fields: FieldDef[] = [];
  try {
    fields = parseFormDefinitions(readSheetValues(ss, SHEET_NAMES.forms)).fields;
  } catch (e) {
    problems.push(e instanceof BangfuError ? e.zh : String(e));
  }
  const columns = caseColumns(fields);
  const cases = ensure(SHEET_NAMES.cases, () => [columns.map((c) => safeCell(c.zh))]);
  addColumns(cases, columns);
  setUpCaseColumns(cases, columns, fields, repaired, dropdown);
  // 录入: staff type or paste rows here (unprotected); its columns follow 表单定义.
  const staging = setUpStagingSheet(ss, fields);
  if (staging.created) created.push(STAGING.sheet);
  repaired.push(...staging.repaired);

  // 审批流程 (SPEC §2.6): the chains; a workbook from before it has its 期限 rows of the stages moved in.
  const legacy = ss.getSheetByName(SHEET_NAMES.chain) ? null : legacyStageDeadlines(ss);
  const chainSheet = ensure(SHEET_NAMES.chain, () => defaultChainTable(fields, legacy?.overrides ?? {}));
  if (legacy && legacy.sheetRows.length > 0) {
    for (const r of [...legacy.sheetRows].reverse()) ss.getSheetByName(SHEET_NAMES.settings)!.deleteRow(r);
    repaired.push(`设置：期限表中${legacy.names}的期限已移至“${SHEET_NAMES.chain}”表（河北001流程）`);
  }
  const chainCol = (key: string) => CHAIN_COLUMNS.findIndex((c) => c.key === key) + 1;
  dropdown(
    chainSheet,
    chainCol('kind'),
    Object.values(STAGE_KIND_LABELS).map((l) => l.zh),
    false,
    '类型',
  );
  dropdown(
    chainSheet,
    chainCol('level'),
    Object.values(STAGE_LEVEL_LABELS).map((l) => l.zh),
    false,
    '层级',
  );
  for (const key of ['enabled', 'mayReturn', 'paymentWaits']) dropdown(chainSheet, chainCol(key), ['是', '否'], false, CHAIN_COLUMNS[chainCol(key) - 1].zh);

  const staff = parseStaffTable(readSheetValues(ss, SHEET_NAMES.staff));
  for (const p of staff.problems) problems.push(`人员权限：${p.zh}`);

  const audit = ensure(SHEET_NAMES.audit, () => [AUDIT_HEADER]);
  addColumns(audit, AUDIT_COLUMNS);
  // A log from before the hash chain: its rows are chained once, as they stand now.
  const chained = chainExistingRows(audit, chain.digest);
  if (chained) {
    chain.head?.write(chained);
    repaired.push(`操作日志：为已有的 ${chained.rows} 行记录建立哈希链`);
  }

  const sources = ensure(SHEET_NAMES.sources, () => [SOURCE_COLUMNS.map((c) => c.zh), sourceRowForThisWorkbook(ss.getName())]);
  addColumns(sources, SOURCE_COLUMNS);

  // The one-day donation campaign: the units' figures, and its dated standards.
  const donations = ensure(REPORT_SHEETS.donations, () => [donationSheetHeader()]);
  // A 捐款 sheet made before 职工数, 市区内 … existed gets them at its end; dropdowns follow the labels.
  const donationColumns = donationSheetHeader().map((zh) => ({ key: zh, zh }));
  addColumns(donations, donationColumns);
  const donationMap = readHeader(donations, donationColumns);
  dropdown(donations, donationMap.col['单位类型'], [...UNIT_TYPE_CHOICES], false, '单位类型');
  dropdown(donations, donationMap.col['市区内'], ['是', '否'], false, '市区内');
  ensure(REPORT_SHEETS.donationStandards, defaultDonationStandardRows);
  ensure(REPORT_SHEETS.donors, () => [[...REGISTER_HEADER]]);
  // 发放记录: one row per payment. A workbook from before it has its 案件 amounts moved in, once.
  const ledgerSheet = ensure(LEDGER_SHEET, ledgerSeedRows);
  addColumns(ledgerSheet, LEDGER_COLUMNS);
  const moved = migrateCaseAmounts(ss, { sheet: ledgerSheet, map: readHeader(ledgerSheet, LEDGER_COLUMNS) }, civilFromDate(now()));
  if (moved > 0) repaired.push(`从“案件”迁入 ${moved} 笔发放到“${LEDGER_SHEET}”`);
  // Campaigns and their deadlines (SPEC §2.7), dated rows the administrator keeps.
  const campaigns = ensure(REPORT_SHEETS.campaigns, defaultCampaignRows);
  dropdown(campaigns, 2, [...CAMPAIGN_KINDS], false, '类型');

  protectAuthoritativeSheets(ss, repaired, problems);

  // A sheet created in this run is not also "repaired".
  const fresh = new Set(created);
  const repairs = repaired.filter((r) => !fresh.has(r.split('：')[0]));
  const message =
    created.length === 0 && repairs.length === 0
      ? `表格完好，无需修复${problems.length ? `；请检查：${problems.join('；')}` : ''}`
      : [
          created.length ? `已创建：${created.join('、')}` : '',
          repairs.length ? `已修复：${repairs.join('；')}` : '',
          problems.length ? `请检查：${problems.join('；')}` : '',
        ]
          .filter(Boolean)
          .join('。');
  return { created, repaired: repairs, problems, message };
}

/**
 * The stage deadlines the 设置 sheet's 期限 table held before 审批流程 existed (审核, 紧急审核,
 * 公示, 审批): the numbers in force today, which 001's chain is seeded with, and the sheet rows
 * they stand in, which leave 期限 — nothing the administrator set is lost or kept twice.
 */
function legacyStageDeadlines(ss: Spreadsheet): { overrides: ChainDeadlineOverrides; sheetRows: number[]; names: string } {
  const values = readSheetValues(ss, SHEET_NAMES.settings);
  const start = values.findIndex((r) => textOf(r[0]) === DEADLINE_BLOCK_TITLE);
  // The block's non-blank rows (header first), each with its sheet row.
  const block =
    start < 0
      ? []
      : values
          .map((cells, i) => ({ cells, sheetRow: i + 1 }))
          .slice(start + 1)
          .filter((r) => r.cells.some((c) => textOf(c) !== ''));
  const moved = movedDeadlineRows(block.map((r) => r.cells));
  const today = civilFromDate(now());
  const overrides: ChainDeadlineOverrides = {};
  for (const m of [...moved].sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : 1))) {
    if (m.workdays !== null && (m.from === null || m.from <= today)) overrides[m.step] = m.workdays;
  }
  return {
    overrides,
    sheetRows: moved.map((m) => block[m.row - 1].sheetRow),
    names: [...new Set(moved.map((m) => MOVED_STEP_LABELS[m.step]))].join('、'),
  };
}

/**
 * Owner-only protection on every authoritative and report sheet there is. Only the owner
 * (directly, or the writer deployed by the owner) may set it: run by anyone else it would
 * make that person an editor, so it is left alone and reported.
 */
/** Who runs setup, and whether that is the owner (a shared drive has no owner: then yes). */
function setupRunner(ss: Spreadsheet): { me: string; owner: string; isOwner: boolean } {
  const me = effectiveEmail();
  let owner = '';
  try {
    owner = (ss.getOwner()?.getEmail() ?? '').toLowerCase();
  } catch {
    // No owner to compare with (a shared drive): the effective user keeps access.
  }
  return { me, owner, isOwner: owner === '' || me === owner };
}

function protectAuthoritativeSheets(ss: Spreadsheet, repaired: string[], problems: string[]): void {
  const { me, owner, isOwner } = setupRunner(ss);
  if (!isOwner) {
    problems.push(`保护未检查：只有表格所有者（${owner}）或写入服务才能设置保护，请由所有者运行“初始化/修复表格”`);
    return;
  }
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (!PROTECTED_SHEETS.includes(name) && !isReportSheet(name)) continue;
    const legacy = removeRangeProtections(sheet, isLegacyColumnProtection);
    if (legacy > 0) repaired.push(`${name}：旧的列保护（${legacy} 处）改为整表仅所有者可编辑`);
    const r = ensureOwnerOnly(sheet, OWNER_ONLY_DESCRIPTION, me);
    if (r.created) repaired.push(`${name}：保护（仅表格所有者可编辑）`);
    else if (r.repairs.length > 0) repaired.push(`${name}：保护被放宽，已恢复（${r.repairs.join('；')}）`);
  }
}

type Dropdown = (sheet: Sheet, col: number | undefined, values: readonly string[], allowInvalid: boolean, what: string) => void;

/** Dropdowns, text formats and the overdue / due-soon colours of 案件. */
function setUpCaseColumns(cases: Sheet, columns: ReturnType<typeof caseColumns>, fields: readonly FieldDef[], repaired: string[], dropdown: Dropdown): void {
  const map = readHeader(cases, columns);
  dropdown(
    cases,
    map.col.status,
    CASE_STATUSES.map((s) => STATUS_LABELS[s].zh),
    false,
    '状态',
  );
  for (const f of fields) {
    // A select with shown labels (救助项目) is written by its label (forms/values.ts toCellValue).
    if (f.type === 'select') dropdown(cases, map.col[f.key], f.optionLabels ?? f.options, true, f.zh);
  }
  // The yes/no flags the code keeps (TRUE/FALSE cells) show as checkboxes, not as the words TRUE and FALSE.
  for (const key of ['overdue', 'emergency_pending']) {
    const col = map.col[key];
    if (col !== undefined && cases.getRange(2, col).getDataValidation() === null) {
      const rule = SpreadsheetApp.newDataValidation().requireCheckbox().setAllowInvalid(false).build();
      cases.getRange(2, col, Math.max(cases.getMaxRows() - 1, 1), 1).setDataValidation(rule);
      repaired.push(`案件：“${columns.find((c) => c.key === key)!.zh}”列显示为复选框`);
    }
  }
  const textKeys = ['worker_no', 'county', ...fields.filter((f) => f.type === 'idcard' || f.type === 'phone' || f.type === 'card').map((f) => f.key)];
  for (const key of textKeys) {
    const col = map.col[key];
    if (col !== undefined && ensureTextFormat(cases, col)) repaired.push(`案件：“${columns.find((c) => c.key === key)!.zh}”列设为文本格式`);
  }
  const due = map.col.due_date;
  const overdue = map.col.overdue;
  if (due !== undefined && overdue !== undefined) {
    const letter = (n: number) => columnLetter(n);
    const rows = cases.getRange(2, 1, Math.max(cases.getMaxRows() - 1, 1), Math.max(map.width, 1));
    // Sheets formulas count calendar days; the exact working-day flags come from the daily check (逾期 column).
    const added = ensureFormulaFormats(cases, [
      { formula: `=$${letter(overdue)}2=TRUE`, background: '#f4c7c3', fontColor: '#a50e0e', range: rows },
      {
        formula: `=AND($${letter(overdue)}2<>TRUE,ISNUMBER($${letter(due)}2),$${letter(due)}2>=TODAY(),$${letter(due)}2-TODAY()<=1)`,
        background: '#fce8b2',
        range: rows,
      },
    ]);
    if (added > 0) repaired.push('案件：逾期（红）和即将到期（黄）标色');
  }
}

export function columnLetter(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
