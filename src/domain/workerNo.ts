/**
 * Worker numbers (职工编号, SPEC §5, seed 004): 8 characters = the province's code letter
 * + 2-digit county code + 5-digit serial, e.g. H0100001 (京山, the first case). Serials
 * start at 00001 in each county; the next number is the largest in use + 1, so a deleted
 * row never makes a number be given out twice.
 */
import { BangfuError } from './errors';

export const WORKER_NO_PATTERN = /^([A-Z])(\d{2})(\d{5})$/;
export const MAX_SERIAL = 99_999;

export interface WorkerNo {
  province: string;
  /** Letter + 2 digits, e.g. H01. */
  county: string;
  serial: number;
}

export function parseWorkerNo(no: unknown): WorkerNo | null {
  const m = WORKER_NO_PATTERN.exec(
    String(no ?? '')
      .trim()
      .toUpperCase(),
  );
  if (!m || m[2] === '00' || m[3] === '00000') return null;
  return { province: m[1], county: `${m[1]}${m[2]}`, serial: Number(m[3]) };
}

export function isValidWorkerNo(no: unknown): boolean {
  return parseWorkerNo(no) !== null;
}

/** A county code as written: 'H01', or '01' / 1 with the province letter. */
export function normalizeCountyCode(code: unknown, provinceLetter = 'H'): string {
  const s = String(code ?? '')
    .trim()
    .toUpperCase();
  const m = /^([A-Z])?(\d{1,2})$/.exec(s);
  if (!m || Number(m[2]) === 0) {
    throw new BangfuError(
      'workerNo.badCounty',
      `县区代码应为省代码字母加2位数字，如 H01，而不是“${String(code ?? '')}”`,
      `A county code is the province letter and 2 digits, e.g. H01, not "${String(code ?? '')}"`,
      'county_code',
    );
  }
  return `${m[1] ?? provinceLetter.toUpperCase()}${m[2].padStart(2, '0')}`;
}

export function makeWorkerNo(countyCode: unknown, serial: number, provinceLetter = 'H'): string {
  const county = normalizeCountyCode(countyCode, provinceLetter);
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_SERIAL) {
    throw new BangfuError(
      'workerNo.badSerial',
      `序号应为1到${MAX_SERIAL}之间的整数，而不是“${serial}”`,
      `The serial must be a whole number from 1 to ${MAX_SERIAL}, not "${serial}"`,
      'serial',
    );
  }
  return `${county}${String(serial).padStart(5, '0')}`;
}

/** The next free number in a county: the largest serial in use there + 1. */
export function nextWorkerNo(existing: readonly string[], countyCode: string, provinceLetter = 'H'): string {
  const county = normalizeCountyCode(countyCode, provinceLetter);
  let max = 0;
  for (const no of existing) {
    const p = parseWorkerNo(no);
    if (p && p.county === county && p.serial > max) max = p.serial;
  }
  if (max >= MAX_SERIAL) {
    throw new BangfuError('workerNo.exhausted', `${county} 的职工编号已用完（${MAX_SERIAL}个）`, `Worker numbers for ${county} are used up (${MAX_SERIAL})`);
  }
  return makeWorkerNo(county, max + 1, provinceLetter);
}
