/**
 * The bundle's root: everything exported here becomes `Bangfu.<name>` in dist/Code.js,
 * and each name listed in entrypoints.ts gets a top-level stub. Top-level code here must
 * call no Apps Script service (loading the script must not need authorisation).
 */
export * from './customFunctions';
export * from './menu';
export * from './setup';
export * from './intake';
export * from './review';
export * from './triggers';
export * from './onEdit';
export * from './help';
export * from './rollup';
export * from './holidayImport';
export { setNow } from './clock';
