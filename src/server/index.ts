/**
 * The bundle's root: everything exported here becomes `Bangfu.<name>` in dist/Code.js,
 * and each name listed in entrypoints.ts gets a top-level stub. Top-level code here must
 * call no Apps Script service (loading the script must not need authorisation).
 */
export * from './customFunctions';
export * from './menu';
export * from './setup';
export * from './verifyAudit';
export * from './intake';
export * from './review';
export * from './triggers';
export * from './onEdit';
export * from './help';
export * from './rollup';
export * from './staging';
export * from './connectWriter';
export * from './holidayImport';
export * from './configDraft';
export { setNow } from './clock';
// The ops table: registers the owner-alone path of sendWrite (no writer connected).
import '../writer/ops';
