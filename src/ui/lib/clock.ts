/**
 * Today's civil date in Beijing, whatever time zone the browser is in: the field rules
 * (an ID's birth date may not be in the future) must agree with the server, which runs
 * in Asia/Shanghai.
 */
export function beijingToday(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
