/**
 * =IDCARD_VALID(id), =IDCARD_INFO(id, field, [on_date]), =WORKER_NO(county_code, serial),
 * =WORKER_NO_VALID(no).
 *
 * An ID number typed into an automatic-format cell becomes a number and loses its last
 * digits (Sheets keeps 15 significant digits), so a number is never a valid ID: the cell
 * must be formatted as plain text. Setup formats the ID column that way.
 */
import { coerceCivil, dateFromCivil } from '../../domain/civilDate';
import { BangfuError } from '../../domain/errors';
import { idInfo, validateId } from '../../domain/idcard';
import { isValidWorkerNo, makeWorkerNo } from '../../domain/workerNo';
import { today } from '../clock';
import { isBlank, mapCells, quoted, scalar, toNumber, type Grid } from './grid';

const idText = (v: unknown): string | null => (typeof v === 'string' ? v.trim() : null);

export function IDCARD_VALID(id: unknown): boolean | '' | Grid<boolean | string> {
  const on = today();
  return mapCells(id, (v) => {
    const s = idText(v);
    return s !== null && validateId(s, on).ok;
  });
}

type Field = 'birth' | 'sex' | 'age' | 'region';
const FIELD_WORDS: Record<string, Field> = {
  birth: 'birth',
  出生日期: 'birth',
  sex: 'sex',
  性别: 'sex',
  age: 'age',
  年龄: 'age',
  region: 'region',
  地区: 'region',
  地区代码: 'region',
};

export function IDCARD_INFO(id: unknown, field: unknown, on_date?: unknown): Date | string | number | Grid<Date | string | number> {
  const f =
    FIELD_WORDS[
      String(scalar(field, 'field') ?? '')
        .trim()
        .toLowerCase()
    ];
  if (!f) {
    throw new BangfuError(
      'arg.field',
      `所取信息应为“出生日期”“性别”“年龄”或“地区代码”，而不是“${quoted(field ?? '')}”`,
      `field must be "birth", "sex", "age" or "region", not "${String(field ?? '')}"`,
      'field',
    );
  }
  const onArg = scalar(on_date, 'on_date');
  const now = today();
  const on = isBlank(onArg) ? now : coerceCivil(onArg);
  if (on === null) throw new BangfuError('arg.notDate', `“日期”应为日期，而不是“${quoted(onArg)}”`, `on_date is not a date: ${String(onArg)}`, 'on_date');
  return mapCells(id, (v) => {
    const s = idText(v);
    // The number is checked against today, as anywhere else; the date argument only says
    // on which day the age is counted, and a day before the birth is its own mistake.
    const check = s === null ? null : validateId(s, now);
    if (s === null || !check || !check.ok) {
      const why = check && !check.ok ? check : { reasonZh: '身份证号应以文本格式填写', reasonEn: 'An ID number must be entered as text' };
      throw new BangfuError('id.invalid', `身份证号无效：${why.reasonZh}`, `Invalid ID number: ${why.reasonEn}`, 'id');
    }
    const born = idInfo(s, now)!.birth;
    if (f === 'age' && on < born) {
      throw new BangfuError('arg.beforeBirth', `计算年龄的日期 ${on} 早于出生日期 ${born}`, `The date ${on} is before the birth date ${born}`, 'on_date');
    }
    const info = on < born ? idInfo(s, now)! : idInfo(s, on)!;
    if (f === 'birth') return dateFromCivil(info.birth);
    return info[f];
  }) as Date | string | number | Grid<Date | string | number>;
}

export function WORKER_NO(county_code: unknown, serial: unknown): string | '' | Grid<string> {
  const county = scalar(county_code, 'county_code');
  return mapCells(serial, (v) => makeWorkerNo(county, toNumber(v, 'serial')));
}

export function WORKER_NO_VALID(no: unknown): boolean | '' | Grid<boolean | string> {
  return mapCells(no, (v) => isValidWorkerNo(v));
}
