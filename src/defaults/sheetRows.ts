/**
 * What setup writes into each configuration sheet the first time (never again): the
 * default rows of 设置, 救助标准, 节假日, 汇总来源, 一日捐标准 and the header of 捐款, built
 * from the dated seed data beside this file. Each value names its source there.
 */
import { holidayEntriesToRows } from '../domain/calendar';
import { DONATION_HEADER, DONATION_STANDARD_HEADER } from '../domain/donation';
import { policyToRows } from '../domain/policy';
import { SOURCE_KINDS } from '../domain/rollup/sources';
import { COUNTIES } from './counties';
import { defaultDeadlineTable } from './deadlines';
import { DEFAULT_DONATION_ROWS, DONATION_SOURCE } from './donation';
import { DEFAULT_HOLIDAYS } from './holidays';
import { DEFAULT_POLICY } from './policies';
import { COUNTY_BLOCK_TITLE, COUNTY_HEADER, DEADLINE_BLOCK_TITLE, DEFAULT_SETTINGS, SETTINGS_HEADER } from './settings';

export interface CountySeed {
  code: string;
  name: string;
}

export function defaultCounties(): CountySeed[] {
  return COUNTIES.map((c) => ({ code: c.code, name: c.name }));
}

/** The default 设置 sheet (all three blocks) as setup writes it; setup pads rows to one width. */
export function defaultSettingsRows(counties: readonly CountySeed[]): (string | number)[][] {
  return [
    SETTINGS_HEADER,
    ...DEFAULT_SETTINGS.map((s) => [s.zh, s.value, s.from, s.note]),
    [],
    [COUNTY_BLOCK_TITLE],
    COUNTY_HEADER,
    ...counties.map((c) => [c.code, c.name]),
    [],
    [DEADLINE_BLOCK_TITLE],
    ...defaultDeadlineTable(),
  ];
}

export function defaultHolidayRows(): (string | Date)[][] {
  return holidayEntriesToRows(DEFAULT_HOLIDAYS);
}

export function defaultPolicyRows(): (string | number)[][] {
  return policyToRows(DEFAULT_POLICY);
}

/** This workbook's own 案件 tab: the first source of every roll-up. */
export function sourceRowForThisWorkbook(name: string): string[] {
  return [name || '本表', '', SOURCE_KINDS.tab, '案件', '', '是', '发放记录'];
}

export function defaultDonationStandardRows(): (string | number)[][] {
  return [[...DONATION_STANDARD_HEADER], ...DEFAULT_DONATION_ROWS.map(([k, zh, v, from, to]) => [k, zh, v, from, to, DONATION_SOURCE])];
}

export function donationSheetHeader(): string[] {
  return [...DONATION_HEADER];
}
