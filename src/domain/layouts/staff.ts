/** 人员权限: who may do what, one person a row. */
/** The 人员权限 columns in sheet order. */
export const STAFF_COLUMNS = [
  { key: 'email', zh: '邮箱', en: 'Email' },
  { key: 'role', zh: '角色', en: 'Role' },
  { key: 'county', zh: '县区代码', en: 'County code' },
  { key: 'name', zh: '姓名', en: 'Name' },
] as const;
export const STAFF_HEADER: string[] = STAFF_COLUMNS.map((c) => c.zh);
