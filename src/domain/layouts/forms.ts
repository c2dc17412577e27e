/** 表单定义: the intake form, one field a row (defaults in src/defaults/forms.ts; parsing in src/domain/forms/fieldDefs.ts). */
/** The 表单定义 columns in sheet order: key = property name, zh = the header cell. */
export const FORM_COLUMNS = [
  { key: 'key', zh: '字段键', en: 'Key' },
  { key: 'zh', zh: '中文名称', en: 'Chinese label' },
  { key: 'en', zh: '英文名称', en: 'English label' },
  { key: 'type', zh: '类型', en: 'Type' },
  { key: 'options', zh: '选项', en: 'Options' },
  { key: 'required', zh: '必填', en: 'Required' },
  { key: 'min', zh: '最小值', en: 'Min' },
  { key: 'max', zh: '最大值', en: 'Max' },
  { key: 'pattern', zh: '格式', en: 'Pattern' },
  { key: 'section', zh: '分组', en: 'Section' },
  { key: 'editRoles', zh: '可编辑角色', en: 'Edit roles' },
  { key: 'order', zh: '顺序', en: 'Order' },
  { key: 'help', zh: '说明', en: 'Help' },
  { key: 'computed', zh: '自动计算', en: 'Computed' },
] as const;
export type FormColumnKey = (typeof FORM_COLUMNS)[number]['key'];
export const FORM_HEADER: string[] = FORM_COLUMNS.map((c) => c.zh);
