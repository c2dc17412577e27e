/**
 * 审批流程: one row per stage of an approval chain (SPEC §2.6). Rows with the same 流程 and
 * 生效日期 form one version of a chain; 启用 marks the chain new cases start under. Parsing
 * in src/domain/workflow/chain.ts, default rows in src/defaults/chains.ts.
 */
export const CHAIN_SHEET = '审批流程';

export const CHAIN_COLUMNS = [
  { key: 'chain', zh: '流程', en: 'Chain' },
  { key: 'from', zh: '生效日期', en: 'Effective from' },
  { key: 'to', zh: '失效日期', en: 'Effective to' },
  { key: 'enabled', zh: '启用', en: 'In use' },
  { key: 'order', zh: '顺序', en: 'Order' },
  { key: 'name', zh: '环节', en: 'Stage' },
  { key: 'kind', zh: '类型', en: 'Kind' },
  { key: 'roles', zh: '办理角色', en: 'Acting roles' },
  { key: 'level', zh: '层级', en: 'Level' },
  { key: 'workdays', zh: '期限（工作日）', en: 'Working days' },
  { key: 'emergencyWorkdays', zh: '紧急期限（工作日）', en: 'Working days (emergency)' },
  { key: 'records', zh: '记录内容', en: 'Records' },
  { key: 'mayReturn', zh: '可退回', en: 'May return' },
  { key: 'paymentWaits', zh: '发放须待本环节', en: 'Payment waits for it' },
  { key: 'ownFields', zh: '专属字段', en: 'Fields only it fills' },
  { key: 'source', zh: '依据', en: 'Source' },
] as const;
export type ChainColumnKey = (typeof CHAIN_COLUMNS)[number]['key'];
export const CHAIN_HEADER: string[] = CHAIN_COLUMNS.map((c) => c.zh);
