/**
 * 帮扶 → 管理 → 导入节假日通知: paste the notice into a prompt, see the days read from it,
 * confirm, and they are written to 节假日 and every open deadline is recomputed (use case
 * src/usecases/importHolidays.ts). Reading the notice happens here; the write goes to the
 * writer (sendWrite('importHolidays')), which checks the administrator's role again.
 */
import { BangfuError } from '../domain/errors';
import { getUi } from '../sheets/ui';
import { previewHolidayNotice, type HolidayImportResult } from '../usecases/importHolidays';
import { sendWrite } from '../platform/writerClient';
import { requestContext, say } from './context';

const TITLE = '导入节假日通知';
/** A prompt or alert shows some 2,000 characters comfortably; the rest is summarised. */
const SHOW_LINES = 60;

export function importHolidayNoticeMenu(): void {
  const ui = getUi();
  const ctx = requestContext();
  const asked = ui.prompt(TITLE, '请粘贴国务院办公厅《关于××××年部分节假日安排的通知》的全文（包括标题），然后点“确定”：', ui.ButtonSet.OK_CANCEL);
  if (asked.getSelectedButton() !== ui.Button.OK) return;
  try {
    const preview = previewHolidayNotice(ctx, { text: asked.getResponseText() });
    const shown = preview.lines.slice(0, SHOW_LINES).join('\n') + (preview.lines.length > SHOW_LINES ? `\n……共 ${preview.lines.length} 行` : '');
    const answer = ui.alert(
      TITLE,
      `从通知读出 ${preview.year} 年的 ${preview.lines.length} 天（日期,休/班,名称）：\n\n${shown}\n\n核对无误后点“是”：写入“节假日”表，并重新计算所有在办案件的截止日期。`,
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) {
      ui.alert(TITLE, '未写入。', ui.ButtonSet.OK);
      return;
    }
    const result = sendWrite('importHolidays', { text: asked.getResponseText() }) as HolidayImportResult;
    const moves = result.moved
      .slice(0, 20)
      .map((m) => `${m.workerNo}：${m.from || '无'} → ${m.to || '无'}`)
      .join('\n');
    ui.alert(TITLE, result.message + (moves ? `\n\n${moves}${result.moved.length > 20 ? '\n……' : ''}` : ''), ui.ButtonSet.OK);
  } catch (e) {
    if (!(e instanceof BangfuError)) throw e;
    ui.alert(TITLE, say(ctx, e), ui.ButtonSet.OK);
  }
}
