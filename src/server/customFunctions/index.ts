// Custom functions users type into cells. Each module owns a few; see entrypoints.ts.
// Those that take or give dates run in the spreadsheet's time zone (./zone.ts).
import { RELIEF as relief, RELIEF_EXPLAIN as reliefExplain } from './relief';
import { WORKDAY_CN as workdayCn } from './calendar';
import { IDCARD_INFO as idcardInfo } from './identity';
import { inSpreadsheetZone } from './zone';

export { HARDSHIP } from './hardship';
export { IDCARD_VALID, WORKER_NO, WORKER_NO_VALID } from './identity';
export const RELIEF = inSpreadsheetZone(relief);
export const RELIEF_EXPLAIN = inSpreadsheetZone(reliefExplain);
export const WORKDAY_CN = inSpreadsheetZone(workdayCn);
export const IDCARD_INFO = inSpreadsheetZone(idcardInfo);
