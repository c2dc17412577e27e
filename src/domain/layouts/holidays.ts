/**
 * 节假日: days off (休) and weekend working days (班) that extend or override the built-in
 * State Council schedule. The header is defined beside its parser in src/domain/calendar.ts.
 */
export { HOLIDAY_HEADER } from '../calendar';

/** The 类型 column's dropdown (setup adds the data validation). */
export const HOLIDAY_KIND_CHOICES = ['休', '班'];
