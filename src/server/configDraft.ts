/**
 * 帮扶 → 管理 → 编辑配置表… and 应用配置草稿. The configuration sheets are editable by the
 * owner alone; an administrator edits a draft instead (草稿-人员权限 …, an unprotected copy
 * this script writes as the administrator, who is an editor of the file), then applies it:
 * the differences are shown for confirmation, and the writer, as the owner, writes the sheet
 * and logs each changed row (src/usecases/applyConfig.ts).
 */
import { BangfuError } from '../domain/errors';
import { CONFIG_SHEETS, draftName, rowChangeText, sheetOfDraft, type ConfigSheetName } from '../config/configDraft';
import { getUi } from '../sheets/ui';
import { draftIsGuarded, findDraft, writeDraft } from '../sheets/configDraft';
import { spreadsheetOwnerEmail } from '../sheets/workbook';
import { draftEditors, previewConfigDraft, requireAdmin, type ApplyConfigResult } from '../usecases/applyConfig';
import { sendWrite } from '../platform/writerClient';
import { newRequestId } from '../platform/session';
import { requestContext, say } from './context';

const OPEN_TITLE = '编辑配置表';
const APPLY_TITLE = '应用配置草稿';
/** An alert shows some 2,000 characters comfortably; the rest is summarised. */
const SHOW_ROWS = 25;

const menuList = () => CONFIG_SHEETS.map((s, i) => `${i + 1}. ${s}`).join('\n');

/** The sheet named by a typed answer: its number in the list or its name (with or without 草稿-). */
function chosenSheet(answer: string): ConfigSheetName | null {
  const t = answer.trim();
  const n = Number(t);
  if (Number.isInteger(n) && n >= 1 && n <= CONFIG_SHEETS.length) return CONFIG_SHEETS[n - 1];
  return (CONFIG_SHEETS as readonly string[]).includes(t) ? (t as ConfigSheetName) : sheetOfDraft(t);
}

/** Menu: pick a configuration sheet; its draft is created (or refreshed) as a copy and opened. */
export function openConfigDraft(): void {
  const ui = getUi();
  const ctx = requestContext();
  try {
    requireAdmin(ctx);
    const asked = ui.prompt(
      OPEN_TITLE,
      `这些表只有表格所有者能直接修改。请选择要编辑的配置表（输入序号或表名），将打开它的草稿副本：\n\n${menuList()}`,
      ui.ButtonSet.OK_CANCEL,
    );
    if (asked.getSelectedButton() !== ui.Button.OK) return;
    const sheet = chosenSheet(asked.getResponseText());
    if (!sheet) {
      ui.alert(OPEN_TITLE, `没有找到“${asked.getResponseText().trim()}”。请输入 1–${CONFIG_SHEETS.length} 的序号或表名。`, ui.ButtonSet.OK);
      return;
    }
    const admins = draftEditors(ctx);
    const existing = findDraft(ctx.ss, sheet);
    const guarded = existing !== null && draftIsGuarded(existing, new Set([...admins, spreadsheetOwnerEmail(ctx.ss)]));
    if (existing && guarded) {
      const again = ui.alert(
        OPEN_TITLE,
        `“${draftName(sheet)}”已存在。点“是”用“${sheet}”的当前内容重新生成草稿（草稿中未应用的修改将丢失）；点“否”继续编辑现有草稿。`,
        ui.ButtonSet.YES_NO,
      );
      if (again !== ui.Button.YES) {
        existing.activate();
        return;
      }
    }
    let r: ReturnType<typeof writeDraft>;
    try {
      r = writeDraft(ctx.ss, sheet, admins);
    } catch (e) {
      if (e instanceof BangfuError || !/protect/i.test(e instanceof Error ? e.message : String(e))) throw e;
      throw new BangfuError(
        'config.draftLocked',
        `“${draftName(sheet)}”受保护，您不能重新生成它（它由另一位管理员生成，或您是新加入的管理员）。请由那位管理员应用或重新生成草稿，或请表格所有者删除“${draftName(sheet)}”`,
        `${draftName(sheet)} is protected against you`,
      );
    }
    const unguarded = existing !== null && !guarded ? `原有的“${draftName(sheet)}”没有受到保护（可能被他人修改过），已重新生成。\n\n` : '';
    ui.alert(
      OPEN_TITLE,
      `${unguarded}已${r.created ? '创建' : '重新生成'}“${draftName(sheet)}”（${r.rows} 行，复制自“${sheet}”），只有管理员和表格所有者可以编辑。\n\n请在草稿中修改，完成后在此表中点 帮扶 → 管理 → 应用配置草稿：核对修改内容并确认后，写入服务写入“${sheet}”并逐行记入操作日志。直接修改“${sheet}”会被表格保护拒绝。`,
      ui.ButtonSet.OK,
    );
  } catch (e) {
    if (!(e instanceof BangfuError)) throw e;
    ui.alert(OPEN_TITLE, say(ctx, e), ui.ButtonSet.OK);
  }
}

/** Which draft to apply: the active sheet when it is one, else the only draft, else ask. */
function draftToApply(ctx: ReturnType<typeof requestContext>): ConfigSheetName | null {
  const active = sheetOfDraft(ctx.ss.getActiveSheet().getName());
  if (active) return active;
  const drafts = CONFIG_SHEETS.filter((s) => findDraft(ctx.ss, s) !== null);
  if (drafts.length === 1) return drafts[0];
  const ui = getUi();
  if (drafts.length === 0) {
    ui.alert(APPLY_TITLE, '没有配置草稿。请先用 帮扶 → 管理 → 编辑配置表… 打开一份草稿并修改。', ui.ButtonSet.OK);
    return null;
  }
  const asked = ui.prompt(
    APPLY_TITLE,
    `请输入要应用的草稿（序号或表名）：\n\n${drafts.map((s, i) => `${i + 1}. ${draftName(s)}`).join('\n')}`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (asked.getSelectedButton() !== ui.Button.OK) return null;
  const t = asked.getResponseText().trim();
  const n = Number(t);
  return Number.isInteger(n) && n >= 1 && n <= drafts.length ? drafts[n - 1] : chosenSheet(t);
}

/** Menu: show what the draft changes, and on confirmation send it to the writer. */
export function applyConfigDraft(): ApplyConfigResult | null {
  const ui = getUi();
  const ctx = requestContext();
  try {
    requireAdmin(ctx);
    const sheet = draftToApply(ctx);
    if (!sheet) return null;
    const preview = previewConfigDraft(ctx, { sheet });
    if (preview.diff.rows.length === 0) {
      ui.alert(APPLY_TITLE, `${preview.summary}：“${draftName(sheet)}”与“${sheet}”相同，无需应用。`, ui.ButtonSet.OK);
      return null;
    }
    const lines = preview.diff.rows.slice(0, SHOW_ROWS).map(rowChangeText).join('\n');
    const more = preview.diff.rows.length > SHOW_ROWS ? `\n……共 ${preview.diff.rows.length} 行有变化` : '';
    const answer = ui.alert(
      APPLY_TITLE,
      `${preview.summary}：\n\n${lines}${more}\n\n核对无误后点“是”：写入“${sheet}”，每一行修改记入操作日志。`,
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) {
      ui.alert(APPLY_TITLE, '未写入，草稿保留。', ui.ButtonSet.OK);
      return null;
    }
    const result = sendWrite<ApplyConfigResult>('applyConfig', { requestId: newRequestId(), sheet, fingerprint: preview.fingerprint });
    const back = ctx.ss.getSheetByName(sheet);
    if (back) back.activate();
    ui.alert(APPLY_TITLE, result.message, ui.ButtonSet.OK);
    return result;
  } catch (e) {
    if (!(e instanceof BangfuError)) throw e;
    ui.alert(APPLY_TITLE, say(ctx, e), ui.ButtonSet.OK);
    return null;
  }
}
