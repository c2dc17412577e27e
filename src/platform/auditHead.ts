/**
 * The writer's record of the 操作日志 chain head, in the writer project's script
 * properties: spreadsheet editors cannot reach them (unlike the sheet, or the bound
 * script's own properties), so a cut-off tail or a row appended by hand shows. One
 * writer serves several spreadsheets: one property per spreadsheet ID.
 */
/** The same shape as AuditHeadValue in src/sheets/auditChain.ts (platform does not import sheets). */
interface AuditHeadValue { hash: string; rows: number }

export const AUDIT_HEAD_PREFIX = 'BANGFU_AUDIT_HEAD_';

export function scriptPropertiesAuditHead(spreadsheetId: string): { read(): AuditHeadValue | null; write(h: AuditHeadValue): void } {
  const key = AUDIT_HEAD_PREFIX + spreadsheetId;
  return {
    read(): AuditHeadValue | null {
      const raw = PropertiesService.getScriptProperties().getProperty(key);
      if (!raw) return null;
      const v = JSON.parse(raw) as Partial<AuditHeadValue>;
      return typeof v.hash === 'string' && typeof v.rows === 'number' ? { hash: v.hash, rows: v.rows } : null;
    },
    write(h: AuditHeadValue): void {
      PropertiesService.getScriptProperties().setProperty(key, JSON.stringify({ hash: h.hash, rows: h.rows }));
    },
  };
}
