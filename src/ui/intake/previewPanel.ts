/**
 * What the server works out from the form while the user types (previewCase): birth date,
 * sex and age from the ID number, per-capita income, the suggested hardship category and
 * relief amount with its explanation, and warnings. A warning that needs an override
 * blocks saving until a reviewer ticks the override box and gives a reason.
 */
import type { CasePreview, Warning } from '../../shared/endpoints';
import { announce, describedBy, fill, h, uid } from '../lib/dom';
import { money, t } from '../lib/i18n';

/** No blocking warning, or a reviewer ticked the box and gave this reason; else why not. */
export type OverrideState = { ok: true; reason?: string } | { ok: false; message: string };

export class PreviewPanel {
  readonly root: HTMLElement;
  private readonly body: HTMLElement;
  private readonly state: HTMLElement;
  private readonly warningBox: HTMLElement;
  private readonly overrideBox: HTMLElement;
  private readonly overrideCheck: HTMLInputElement;
  private readonly overrideReason: HTMLTextAreaElement;
  private readonly overrideError: HTMLElement;
  private readonly staffNote: HTMLElement;
  private warnings: Warning[] = [];

  /** `mayOverride`: the user's role may override warnings (the server checks again). */
  constructor(private readonly mayOverride: boolean) {
    const titleId = uid('preview-title');
    this.state = h('p', { class: 'muted' }, t('previewPending'));
    this.body = h('dl', { class: 'pairs', hidden: true });
    this.warningBox = h('div', { class: 'warnings', 'aria-live': 'polite' });
    const checkId = uid('override');
    const reasonId = uid('override-reason');
    const errorId = uid('override-error');
    this.overrideCheck = h('input', { type: 'checkbox', id: checkId });
    this.overrideReason = h('textarea', { id: reasonId, rows: 2, 'aria-required': 'true' });
    this.overrideError = h('p', { class: 'field-error', id: errorId, role: 'alert', hidden: true });
    this.overrideCheck.addEventListener('change', () => this.showOverrideError(null));
    this.overrideReason.addEventListener('input', () => this.showOverrideError(null));
    this.overrideBox = h(
      'div',
      { class: 'override', hidden: true },
      h('div', { class: 'check' }, this.overrideCheck, h('label', { for: checkId }, t('overrideCheck'))),
      h(
        'div',
        { class: 'field' },
        h('label', { for: reasonId }, t('overrideReason'), h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
        this.overrideReason,
      ),
      this.overrideError,
    );
    this.staffNote = h('p', { class: 'notice', tabindex: -1, hidden: true }, t('overrideStaff'));
    this.root = h(
      'section',
      { class: 'preview card', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, t('previewTitle')),
      this.state,
      this.body,
      this.warningBox,
      this.staffNote,
      this.overrideBox,
    );
  }

  busy(): void {
    announce(this.state, t('previewing'), 'busy');
  }

  failed(message: string): void {
    announce(this.state, t('previewFailed', message), 'error');
  }

  show(p: CasePreview): void {
    const d = p.derived;
    const pairs: [string, string][] = [];
    if (d.birth_date || d.sex || d.age !== undefined) {
      pairs.push([
        t('birthSexAge'),
        [d.birth_date, d.sex, d.age !== undefined ? t('ageYears', d.age) : undefined].filter((x) => x !== undefined && x !== '').join(' · '),
      ]);
    }
    if (d.per_capita_income !== undefined) {
      pairs.push([t('perCapita'), t('perCapitaValue', money(d.per_capita_income), money(d.per_capita_monthly ?? d.per_capita_income / 12))]);
    }
    if (d.per_capita_income !== undefined || d.hardship_category) pairs.push([t('category'), d.hardship_category || t('noCategory')]);
    if (d.suggested_amount !== undefined) pairs.push([t('suggested'), t('yuan', money(d.suggested_amount))]);
    fill(
      this.body,
      pairs.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
    );
    if (d.relief_explain) this.body.append(h('dd', { class: 'explain' }, d.relief_explain));
    this.body.hidden = pairs.length === 0 && !d.relief_explain;
    announce(this.state, pairs.length === 0 ? t('previewPending') : '', 'info');
    this.setWarnings(p.warnings);
  }

  /** Warnings from a preview or from a refused save. */
  setWarnings(warnings: Warning[]): void {
    this.warnings = warnings;
    fill(
      this.warningBox,
      warnings.length === 0 ? null : h('h3', {}, t('warnings')),
      warnings.length === 0
        ? null
        : h(
            'ul',
            {},
            warnings.map((w) => h('li', { class: w.needsOverride ? 'blocking' : '' }, w.message)),
          ),
    );
    const blocking = this.blocking();
    this.overrideBox.hidden = !blocking || !this.mayOverride;
    this.staffNote.hidden = !blocking || this.mayOverride;
    if (!blocking) {
      this.overrideCheck.checked = false;
      this.showOverrideError(null);
    }
  }

  private blocking(): boolean {
    return this.warnings.some((w) => w.needsOverride);
  }

  /**
   * Whether saving may go ahead. On "no", shows why under the override box and moves
   * focus there; `override` is what the request carries.
   */
  check(): OverrideState {
    if (!this.blocking()) return { ok: true };
    if (!this.mayOverride) {
      this.staffNote.focus();
      return { ok: false, message: t('overrideStaff') };
    }
    if (!this.overrideCheck.checked) {
      this.showOverrideError(t('overrideNeeded'));
      this.overrideCheck.focus();
      return { ok: false, message: t('overrideNeeded') };
    }
    const reason = this.overrideReason.value.trim();
    if (reason === '') {
      this.showOverrideError(t('overrideReasonNeeded'));
      this.overrideReason.focus();
      return { ok: false, message: t('overrideReasonNeeded') };
    }
    return { ok: true, reason };
  }

  reset(): void {
    this.overrideCheck.checked = false;
    this.overrideReason.value = '';
    this.setWarnings([]);
  }

  private showOverrideError(message: string | null): void {
    this.overrideError.textContent = message ?? '';
    this.overrideError.hidden = message === null;
    for (const el of [this.overrideCheck, this.overrideReason]) describedBy(el, this.overrideError.id, message !== null);
  }
}
