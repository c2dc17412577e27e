/**
 * 表单定义: the administrator's sheet that defines the intake form, one row per field.
 *
 * Low-code: adding a row adds a field (and, through setup, a 案件 column). Table fields
 * (household members) take their columns from rows keyed `parent.child`: adding a row
 * `members.phone` adds a phone column to the household-member table, nothing else needed.
 * Cells may hold codes or the zh words an administrator knows (类型 单选 = select,
 * 可编辑角色 单位工会审核 = reviewer, 分组 基本情况 = identity).
 */
import * as z from 'zod/mini';
import { BangfuError, type Locale } from '../errors';
import { Role, SYSTEM_COLUMNS } from '../caseModel';
import { parseRoleList, roleLabel } from '../roles';
import { isYes, LIST_JOINER, LIST_SEPARATORS, numberOf, textOf } from './values';
import { FORM_COLUMNS, FORM_HEADER, type FormColumnKey } from '../layouts/forms';
export { FORM_COLUMNS, FORM_HEADER, type FormColumnKey } from '../layouts/forms';

export const FIELD_TYPES = ['text', 'number', 'date', 'select', 'multiselect', 'idcard', 'phone', 'card', 'table'] as const;
export const FieldType = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof FieldType>;

export const FIELD_TYPE_LABELS: Record<FieldType, { zh: string; en: string }> = {
  text: { zh: '文本', en: 'Text' },
  number: { zh: '数字', en: 'Number' },
  date: { zh: '日期', en: 'Date' },
  select: { zh: '单选', en: 'Single choice' },
  multiselect: { zh: '多选', en: 'Multiple choice' },
  idcard: { zh: '身份证号', en: 'ID number' },
  phone: { zh: '电话', en: 'Phone' },
  card: { zh: '卡号', en: 'Card number' },
  table: { zh: '表格', en: 'Table' },
};

export const SectionSchema = z.object({ key: z.string().check(z.minLength(1)), zh: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) });
export type Section = z.infer<typeof SectionSchema>;

/**
 * Sections of the survey form, in its order. Source: seed 004 附件《2016年全市工会“三万”活动
 * 困难职工调查表》 (一、基本情况 incl. 家庭成员; 二、致困原因; 三、帮扶需求及帮扶措施; 四、工会审核意见),
 * with 帮扶责任人 from 004 二(四) "帮扶责任具体到人".
 */
export const FORM_SECTIONS: readonly Section[] = [
  { key: 'identity', zh: '基本情况', en: 'Identity' },
  { key: 'work', zh: '工作情况', en: 'Work' },
  { key: 'income', zh: '收入与家庭', en: 'Income and household' },
  { key: 'members', zh: '家庭成员', en: 'Household members' },
  { key: 'hardship', zh: '致困原因', en: 'Causes of hardship' },
  { key: 'needs', zh: '帮扶需求与措施', en: 'Needs and measures' },
  { key: 'cadre', zh: '帮扶责任人', en: 'Responsible cadre' },
];

/** Dropdown choices for the 表单定义 columns that take a fixed vocabulary (setup adds data validation). */
export const FORM_COLUMN_CHOICES: Partial<Record<FormColumnKey, string[]>> = {
  type: FIELD_TYPES.map((t) => FIELD_TYPE_LABELS[t].zh),
  required: ['是', '否'],
  computed: ['是', '否'],
  section: FORM_SECTIONS.map((s) => s.zh),
};

const KEY_PART = '[a-z][a-z0-9_]*';
const TOP_KEY = new RegExp(`^${KEY_PART}$`);
const SUB_KEY = new RegExp(`^(${KEY_PART})\\.(${KEY_PART})$`);
const SYSTEM_KEYS = new Set<string>(SYSTEM_COLUMNS.map((c) => c.key));

const BaseFieldDef = z.object({
  key: z.string().check(z.regex(TOP_KEY)),
  zh: z.string().check(z.minLength(1)),
  en: z.string().check(z.minLength(1)),
  type: FieldType,
  options: z.array(z.string()),
  /** Shown text per option when the stored value is a code (`medical=特困职工医疗救助`). */
  optionLabels: z.optional(z.array(z.string())),
  required: z.boolean(),
  /** number: value bounds; text: length; date: years; table/multiselect: count of rows/choices. */
  min: z.nullable(z.number()),
  max: z.nullable(z.number()),
  /** A regular expression the whole value must match (anchored for the author). */
  pattern: z.nullable(z.string()),
  section: z.string(),
  editRoles: z.array(Role),
  order: z.number(),
  help: z.string(),
  computed: z.boolean(),
});
/** One form field, as the server and the page use it (structurally a FieldDefDto). */
export const FieldDefSchema = z.extend(BaseFieldDef, { columns: z.optional(z.array(BaseFieldDef)) });
export type FieldDef = z.infer<typeof FieldDefSchema>;
export type SubFieldDef = z.infer<typeof BaseFieldDef>;
/**
 * One row of 表单定义 as the page sees it over google.script.run: the definition itself,
 * read with looser eyes (roles as plain strings; help and computed may be absent in a model
 * a page builds for itself). Every FieldDef is a FieldDefDto, so the server sends its
 * definitions as they are.
 */
export type FieldDefDto = Omit<SubFieldDef, 'editRoles' | 'help' | 'computed'> & {
  /** Roles allowed to edit this field; empty = everyone who may edit the case. */
  editRoles: string[];
  help?: string;
  /** Filled by the server from other fields (birth date from the ID, per-capita income…). */
  computed?: boolean;
  /** Sub-fields when type = 'table' (household members). */
  columns?: FieldDefDto[];
};

export interface FormDefinitions {
  /** Top-level fields in display order; table fields carry their sub-fields in `columns`. */
  fields: FieldDef[];
  /** Sections that hold at least one field, survey order first, then ones the administrator added. */
  sections: Section[];
}

// ── one row of the sheet ─────────────────────────────────────────────────────────

type Problem = { zh: string; en: string };
type CellResult<T> = { ok: true; value: T } | { ok: false; problem: Problem };
const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const bad = (zh: string, en: string): CellResult<never> => ({ ok: false, problem: { zh, en } });

/** A zod field that reads one cell with `read` and reports its problem with zh + en. */
function cell<T>(read: (v: unknown) => CellResult<T>) {
  return z.pipe(
    z.unknown(),
    z.transform((v, ctx) => {
      const r = read(v);
      if (r.ok) return r.value;
      ctx.issues.push({ code: 'custom', message: r.problem.zh, params: { en: r.problem.en }, input: v });
      return z.NEVER;
    }),
  );
}

function readKey(v: unknown): CellResult<string> {
  const s = textOf(v);
  if (s === '') return bad('字段键不能为空', 'the key is empty');
  if (!TOP_KEY.test(s) && !SUB_KEY.test(s)) {
    return bad(
      `字段键“${s}”应为小写英文加下划线（如 household_income，表格子字段如 members.name）`,
      `key "${s}" must be snake_case (e.g. household_income; table columns like members.name)`,
    );
  }
  if (SYSTEM_KEYS.has(s)) return bad(`字段键“${s}”与系统列重名`, `key "${s}" is a system column`);
  return ok(s);
}

function readType(v: unknown): CellResult<FieldType> {
  const s = textOf(v);
  const lower = s.toLowerCase();
  for (const t of FIELD_TYPES) {
    if (t === lower || FIELD_TYPE_LABELS[t].zh === s || FIELD_TYPE_LABELS[t].en.toLowerCase() === lower) return ok(t);
  }
  const known = FIELD_TYPES.map((t) => FIELD_TYPE_LABELS[t].zh).join('、');
  return bad(`未知类型“${s}”（可用：${known}）`, `unknown type "${s}" (known: ${FIELD_TYPES.join(', ')})`);
}

function readYesNo(v: unknown): CellResult<boolean> {
  if (typeof v === 'boolean') return ok(v);
  const s = textOf(v);
  if (s === '' || /^(否|false|no|n|0)$/i.test(s)) return ok(false);
  if (isYes(s)) return ok(true);
  return bad(`“${s}”应填“是”或“否”`, `"${s}" should be 是 or 否 (yes/no)`);
}

function readOptionalNumber(v: unknown): CellResult<number | null> {
  if (textOf(v) === '') return ok(null);
  const n = numberOf(v);
  return n === null ? bad(`“${textOf(v)}”不是数字`, `"${textOf(v)}" is not a number`) : ok(n);
}

function readPattern(v: unknown): CellResult<string | null> {
  const s = textOf(v);
  if (s === '') return ok(null);
  try {
    new RegExp(`^(?:${s})$`); // compiled the way fieldRules uses it
  } catch {
    return bad(`格式“${s}”不是有效的正则表达式`, `pattern "${s}" is not a valid regular expression`);
  }
  return ok(s);
}

function readRoles(v: unknown): CellResult<Role[]> {
  const { roles, unknown } = parseRoleList(textOf(v));
  if (unknown.length > 0) {
    return bad(
      `未知角色“${unknown.join('、')}”（可用：基层工会、单位工会审核、县区总工会、市总工会、管理员）`,
      `unknown role "${unknown.join(', ')}" (known: staff, reviewer, county, city, admin)`,
    );
  }
  return ok(roles);
}

/** `a、b` or `code=label、…`; the label is what the page shows, the code what is stored. */
function readOptions(v: unknown): CellResult<{ options: string[]; labels: string[] | undefined }> {
  const parts = textOf(v)
    .split(LIST_SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const options: string[] = [];
  const labels: string[] = [];
  let labelled = false;
  for (const part of parts) {
    const eq = part.indexOf('=');
    const code = eq >= 0 ? part.slice(0, eq).trim() : part;
    const label = eq >= 0 ? part.slice(eq + 1).trim() : part;
    if (eq >= 0) labelled = true;
    if (code === '' || label === '') return bad(`选项“${part}”不完整`, `option "${part}" is incomplete`);
    if (options.includes(code)) return bad(`选项“${code}”重复`, `option "${code}" is listed twice`);
    options.push(code);
    labels.push(label);
  }
  return ok({ options, labels: labelled ? labels : undefined });
}

/** The zod schema of one 表单定义 row (cells as getValues gives them). */
export const FormRowSchema = z.object({
  key: cell(readKey),
  zh: cell((v) => (textOf(v) === '' ? bad('中文名称不能为空', 'the Chinese label is empty') : ok(textOf(v)))),
  en: cell((v) => ok(textOf(v))),
  type: cell(readType),
  options: cell(readOptions),
  required: cell(readYesNo),
  min: cell(readOptionalNumber),
  max: cell(readOptionalNumber),
  pattern: cell(readPattern),
  section: cell((v) => ok(textOf(v))),
  editRoles: cell(readRoles),
  order: cell(readOptionalNumber),
  help: cell((v) => ok(textOf(v))),
  computed: cell(readYesNo),
});
export type FormRow = z.infer<typeof FormRowSchema>;

// ── the whole sheet ──────────────────────────────────────────────────────────────

export interface FormProblem {
  /** 1-based sheet row (the header is row 1). */
  row: number;
  /** The zh header of the column at fault, when one column is. */
  column?: string;
  zh: string;
  en: string;
}

/** The 表单定义 sheet has mistakes; `problems` lists every one with its row and column. */
export class FormDefinitionError extends BangfuError {
  readonly problems: FormProblem[];
  constructor(problems: FormProblem[]) {
    const shown = problems.slice(0, 10);
    const more = problems.length > shown.length ? `；另有 ${problems.length - shown.length} 处` : '';
    const moreEn = problems.length > shown.length ? `; ${problems.length - shown.length} more` : '';
    super(
      'forms.invalid',
      `“表单定义”表有误：${shown.map((p) => problemText(p)).join('；')}${more}`,
      `The 表单定义 (form definition) sheet has errors: ${shown.map((p) => problemText(p, 'en')).join('; ')}${moreEn}`,
    );
    this.problems = problems;
  }
}

export function problemText(p: FormProblem, locale: Locale = 'zh-CN'): string {
  if (locale === 'en') return `row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.en}`;
  return `第 ${p.row} 行${p.column ? `“${p.column}”列` : ''}：${p.zh}`;
}

/** Maps header cells (zh label, English name or property key) to column indexes. */
function headerIndex(header: unknown[]): { index: Partial<Record<FormColumnKey, number>>; missing: string[] } {
  const index: Partial<Record<FormColumnKey, number>> = {};
  header.forEach((h, i) => {
    const s = textOf(h).toLowerCase();
    const col = FORM_COLUMNS.find((c) => c.zh === textOf(h) || c.key.toLowerCase() === s || c.en.toLowerCase() === s);
    if (col && index[col.key] === undefined) index[col.key] = i;
  });
  const required: FormColumnKey[] = ['key', 'zh', 'type'];
  const missing = required.filter((k) => index[k] === undefined).map((k) => FORM_COLUMNS.find((c) => c.key === k)!.zh);
  return { index, missing };
}

function findSection(text: string, extra: Section[]): Section {
  const lower = text.toLowerCase();
  const known = [...FORM_SECTIONS, ...extra].find((s) => s.key.toLowerCase() === lower || s.zh === text || s.en.toLowerCase() === lower);
  if (known) return known;
  // An administrator may add a section by naming it: it gets that name in both languages.
  const added = { key: text, zh: text, en: text };
  extra.push(added);
  return added;
}

interface ParsedRow {
  row: number;
  def: FormRow;
  parent: string | null;
  child: string;
}

/**
 * The 表单定义 range (header row first, as getValues returns it) → the form.
 * Blank rows are skipped. Every mistake is collected and thrown together as a
 * FormDefinitionError naming the row and column, so an administrator fixes all at once.
 */
export function parseFormDefinitions(values: unknown[][]): FormDefinitions {
  if (values.length === 0) throw new FormDefinitionError([{ row: 1, zh: '缺少表头行', en: 'the header row is missing' }]);
  const { index, missing } = headerIndex(values[0]);
  if (missing.length > 0) {
    throw new FormDefinitionError([{ row: 1, zh: `表头缺少列：${missing.join('、')}`, en: `header is missing columns: ${missing.join(', ')}` }]);
  }
  const problems: FormProblem[] = [];
  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();

  values.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => textOf(c) === '')) return;
    const raw: Record<string, unknown> = {};
    for (const col of FORM_COLUMNS) raw[col.key] = index[col.key] === undefined ? '' : cells[index[col.key]!];
    const parsed = FormRowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const col = FORM_COLUMNS.find((c) => c.key === issue.path[0]);
        const en = (issue as { params?: { en?: string } }).params?.en ?? issue.message;
        problems.push({ row, column: col?.zh, zh: issue.message, en });
      }
      return;
    }
    const def = parsed.data;
    const colName = (k: FormColumnKey) => FORM_COLUMNS.find((c) => c.key === k)!.zh;
    const fail = (column: FormColumnKey | undefined, zh: string, en: string) => problems.push({ row, column: column && colName(column), zh, en });

    const earlier = seen.get(def.key);
    if (earlier !== undefined) return fail('key', `字段键“${def.key}”与第 ${earlier} 行重复`, `key "${def.key}" repeats row ${earlier}`);
    seen.set(def.key, row);
    if (def.min !== null && def.max !== null && def.min > def.max) {
      fail('min', `最小值 ${def.min} 大于最大值 ${def.max}`, `min ${def.min} is greater than max ${def.max}`);
    }
    if ((def.type === 'select' || def.type === 'multiselect') && def.options.options.length === 0) {
      fail('options', `${FIELD_TYPE_LABELS[def.type].zh}字段需要填写选项（用“、”分隔）`, `a ${def.type} field needs options (separated by 、)`);
    }
    const sub = SUB_KEY.exec(def.key);
    rows.push({ row, def, parent: sub ? sub[1] : null, child: sub ? sub[2] : def.key });
  });

  const byKey = new Map(rows.filter((r) => r.parent === null).map((r) => [r.def.key, r]));
  const extraSections: Section[] = [];
  const fields: (FieldDef & { _row: number })[] = [];
  for (const r of rows) {
    if (r.parent !== null) {
      const parent = byKey.get(r.parent);
      if (!parent || parent.def.type !== 'table') {
        problems.push({
          row: r.row,
          column: '字段键',
          zh: `“${r.def.key}”所属的表格字段“${r.parent}”不存在`,
          en: `table field "${r.parent}" of "${r.def.key}" does not exist`,
        });
      } else if (r.def.type === 'table') {
        problems.push({ row: r.row, column: '类型', zh: '表格中不能再嵌套表格', en: 'a table cannot contain a table' });
      }
      continue;
    }
    if (r.def.section === '') {
      problems.push({ row: r.row, column: '分组', zh: '分组不能为空', en: 'the section is empty' });
      continue;
    }
    const section = findSection(r.def.section, extraSections);
    fields.push({ ...toFieldDef(r, section.key), _row: r.row });
  }

  for (const f of fields) {
    if (f.type !== 'table') continue;
    f.columns = rows
      .filter((r) => r.parent === f.key)
      .map((r) => toFieldDef(r, f.section))
      .sort(byOrder);
    const tableRow = byKey.get(f.key)!;
    if (f.columns.length === 0) {
      problems.push({
        row: f._row,
        column: '字段键',
        zh: `表格字段“${f.key}”没有子字段（添加键为 ${f.key}.name 之类的行）`,
        en: `table "${f.key}" has no columns (add rows keyed ${f.key}.name etc.)`,
      });
    }
    // The options cell of a table row, when filled, lists its columns: catch a typo or a deleted row.
    for (const listed of tableRow.def.options.options) {
      const short = listed.startsWith(`${f.key}.`) ? listed.slice(f.key.length + 1) : listed;
      if (!f.columns.some((c) => c.key === short)) {
        problems.push({
          row: f._row,
          column: '选项',
          zh: `列出的子字段“${listed}”没有定义行（${f.key}.${short}）`,
          en: `listed column "${listed}" has no row ${f.key}.${short}`,
        });
      }
    }
    f.options = f.columns.map((c) => c.key);
  }

  if (problems.length > 0) throw new FormDefinitionError(problems.sort((a, b) => a.row - b.row));
  fields.sort(byOrder);
  const used = new Set(fields.map((f) => f.section));
  const sections = [...FORM_SECTIONS, ...extraSections].filter((s) => used.has(s.key));
  return { fields: fields.map(({ _row, ...f }) => f), sections };
}

/** By the 顺序 column; a blank order counts as the row number. Array sort is stable. */
function byOrder(a: { order: number }, b: { order: number }): number {
  return a.order - b.order;
}

function toFieldDef(r: ParsedRow, section: string): FieldDef {
  const d = r.def;
  return {
    key: r.child,
    zh: d.zh,
    en: d.en === '' ? r.child : d.en,
    type: d.type,
    options: d.options.options,
    ...(d.options.labels ? { optionLabels: d.options.labels } : {}),
    required: d.required,
    min: d.min,
    max: d.max,
    pattern: d.pattern,
    section,
    editRoles: d.editRoles,
    order: d.order ?? r.row,
    help: d.help,
    computed: d.computed,
  };
}

/** The form → rows for the 表单定义 sheet (header first), in the words an administrator reads. */
export function formDefinitionsToRows(form: FormDefinitions | FieldDef[]): (string | number)[][] {
  const fields = Array.isArray(form) ? form : form.fields;
  const sections = Array.isArray(form) ? FORM_SECTIONS : [...FORM_SECTIONS, ...form.sections];
  const out: (string | number)[][] = [FORM_HEADER.slice()];
  const row = (key: string, f: SubFieldDef, section: string, options: string) => [
    key,
    f.zh,
    f.en,
    FIELD_TYPE_LABELS[f.type].zh,
    options,
    f.required ? '是' : '否',
    f.min ?? '',
    f.max ?? '',
    f.pattern ?? '',
    section,
    f.editRoles.map((r) => roleLabel(r)).join(LIST_JOINER),
    f.order,
    f.help,
    f.computed ? '是' : '否',
  ];
  const optionsText = (f: SubFieldDef) =>
    f.options.map((o, i) => (f.optionLabels && f.optionLabels[i] !== o ? `${o}=${f.optionLabels[i]}` : o)).join(LIST_JOINER);
  for (const f of fields) {
    const section = sections.find((s) => s.key === f.section)?.zh ?? f.section;
    out.push(row(f.key, f, section, f.type === 'table' ? (f.columns ?? []).map((c) => c.key).join(LIST_JOINER) : optionsText(f)));
    for (const c of f.columns ?? []) out.push(row(`${f.key}.${c.key}`, c, '', optionsText(c)));
  }
  return out;
}

/** The label of a field in the user's language. */
export function fieldLabel(def: { zh: string; en: string }, locale: Locale = 'zh-CN'): string {
  return locale === 'en' ? def.en : def.zh;
}
