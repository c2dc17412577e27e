/**
 * One case in the review queue: a collapsible card with its badges, the summary a reviewer
 * reads, the suggested amount with the RELIEF explanation, and the action buttons the server
 * allowed. The page checks a missing reason or amount before calling; the server decides
 * again and its refusal is shown in the card.
 */
import type { ReviewActionRequest, ReviewItem } from '../../shared/endpoints';
import { numberOf } from '../../domain/forms/values';
import { announce, describedBy, h, uid } from '../lib/dom';
import { money, orList, t } from '../lib/i18n';
import { historyTable } from '../lib/history';

export type ActionPayload = Omit<ReviewActionRequest, 'requestId'>;

export interface ItemView {
  root: HTMLLIElement;
  item: ReviewItem;
  /** Shows a refusal or a failure in the card (announced). */
  showMessage(text: string): void;
  setBusy(on: boolean): void;
  focus(): void;
  isOpen(): boolean;
}

function badges(item: ReviewItem): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (item.overdue) out.push(h('span', { class: 'badge overdue' }, t('overdue')));
  else if (item.dueSoon) out.push(h('span', { class: 'badge soon' }, t('dueSoon')));
  if (item.emergency) out.push(h('span', { class: 'badge emergency' }, t('emergency')));
  if (item.emergencyPending) out.push(h('span', { class: 'badge pending' }, t('emergencyPending')));
  return out;
}

/** A bounded field error under an input, tied to it for screen readers. */
function errorLine(target: HTMLElement) {
  const line = h('p', { class: 'field-error', id: uid('action-error'), role: 'alert', hidden: true });
  return {
    line,
    show(message: string | null) {
      line.textContent = message ?? '';
      line.hidden = message === null;
      describedBy(target, line.id, message !== null);
      if (message === null) target.removeAttribute('aria-invalid');
      else target.setAttribute('aria-invalid', 'true');
    },
  };
}

export function itemView(item: ReviewItem, open: boolean, onAction: (view: ItemView, payload: ActionPayload) => void): ItemView {
  const needReason = item.actions.filter((a) => a.needsReason);
  const needAmount = item.actions.some((a) => a.needsAmount);

  const reasonId = uid('reason');
  const reasonHintId = uid('reason-hint');
  const reason = h('textarea', { id: reasonId, rows: 2 });
  const reasonError = errorLine(reason);
  const reasonField = h(
    'div',
    { class: 'field' },
    h('label', { for: reasonId }, t('reason')),
    reason,
    needReason.length > 0 ? h('p', { class: 'help', id: reasonHintId }, t('reasonHint', orList(needReason.map((a) => a.label)))) : null,
    reasonError.line,
  );
  if (needReason.length > 0) describedBy(reason, reasonHintId, true);
  reason.addEventListener('input', () => reasonError.show(null));

  const amountId = uid('amount');
  const amount = h('input', {
    id: amountId,
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    value: item.suggestedAmount !== null ? String(item.suggestedAmount) : '',
  });
  const amountError = errorLine(amount);
  amount.addEventListener('input', () => amountError.show(null));
  const amountField = needAmount ? h('div', { class: 'field' }, h('label', { for: amountId }, t('amount')), amount, amountError.line) : null;

  // A stage that records 盖章 (004, 003's 工会意见（盖章）): the actor confirms it, the server checks.
  const needStamp = item.actions.some((a) => a.needsStamp);
  const stampId = uid('stamp');
  const stamp = h('input', { id: stampId, type: 'checkbox' });
  const stampError = errorLine(stamp);
  stamp.addEventListener('change', () => stampError.show(null));
  const stampField = needStamp ? h('div', { class: 'field check' }, stamp, h('label', { for: stampId }, t('stamped')), stampError.line) : null;

  const message = h('p', { class: 'item-message', role: 'alert', hidden: true });
  let busy = false;
  const buttons = item.actions.map((a, i) => {
    const b = h('button', { type: 'button', class: i === 0 ? 'primary' : 'secondary', 'data-action': a.key }, a.label);
    b.addEventListener('click', () => {
      if (busy) return;
      announce(message, '');
      const text = reason.value.trim();
      if (a.needsReason && text === '') {
        reasonError.show(t('reasonNeeded', a.label));
        reason.focus();
        return;
      }
      if (a.needsStamp && !stamp.checked) {
        stampError.show(t('stampNeeded', a.label));
        stamp.focus();
        return;
      }
      let value: number | undefined;
      if (a.needsAmount) {
        const n = numberOf(amount.value);
        if (n === null || n < 0) {
          amountError.show(t('amountNeeded'));
          amount.focus();
          return;
        }
        value = n;
      }
      onAction(view, {
        workerNo: item.workerNo,
        action: a.key,
        version: item.version,
        ...(text !== '' ? { reason: text } : {}),
        ...(value !== undefined ? { amount: value } : {}),
        ...(a.needsStamp ? { stamped: true } : {}),
      });
    });
    return b;
  });

  const details = h(
    'details',
    { open },
    h(
      'summary',
      {},
      h('span', { class: 'item-head' }, h('strong', { class: 'name' }, item.name), h('span', { class: 'worker-no' }, item.workerNo)),
      h(
        'span',
        { class: 'item-sub' },
        h('span', { class: 'status-label' }, item.statusLabel),
        item.stage ? h('span', { class: 'stage-label' }, t('stage', item.stage)) : null,
        h('span', { class: 'due', title: item.dueNote ?? '' }, item.dueDate ? t('due', item.dueDate) + (item.dueNote ? '（暂定）' : '') : t('noDue')),
      ),
      h('span', { class: 'badges' }, badges(item)),
    ),
    h(
      'div',
      { class: 'item-body' },
      item.summary.length > 0
        ? h(
            'dl',
            { class: 'pairs' },
            item.summary.flatMap((p) => [h('dt', {}, p.label), h('dd', {}, p.value)]),
          )
        : null,
      h(
        'div',
        { class: 'suggestion' },
        h('p', { class: 'amount' }, item.suggestedAmount !== null ? t('suggestedAmount', money(item.suggestedAmount)) : t('noSuggestion')),
        item.reliefExplain ? h('p', { class: 'explain' }, item.reliefExplain) : null,
      ),
      historyTable(item.history),
      stageList(item),
      recordList(item),
      unavailableList(item),
      item.actions.length > 0 ? reasonField : null,
      amountField,
      stampField,
      message,
      h('div', { class: 'buttons' }, buttons),
    ),
  );
  const classes = ['item', item.overdue ? 'is-overdue' : '', item.dueSoon && !item.overdue ? 'is-soon' : '', item.emergency ? 'is-emergency' : ''].filter(
    (c) => c,
  );
  const root = h('li', { class: classes.join(' '), 'data-worker-no': item.workerNo }, details);
  const summary = details.querySelector('summary')!;

  const view: ItemView = {
    root,
    item,
    showMessage: (text) => announce(message, text, 'error'),
    setBusy(on) {
      busy = on;
      // aria-disabled keeps focus on the pressed button while the server works.
      for (const b of buttons) b.setAttribute('aria-disabled', String(on));
      root.setAttribute('aria-busy', String(on));
    },
    focus: () => summary.focus(),
    isOpen: () => details.open,
  };
  return view;
}

/** The chain's stages in order, the current one marked: where the case is and what comes next. */
function stageList(item: ReviewItem): HTMLElement | null {
  const stages = item.stages ?? [];
  if (stages.length === 0) return null;
  const id = uid('chain');
  return h(
    'div',
    { class: 'chain' },
    h('p', { class: 'chain-title', id }, t('chainTitle', item.chain ?? '')),
    h(
      'ol',
      { 'aria-labelledby': id },
      stages.map((s) =>
        h(
          'li',
          { class: `stage is-${s.state}`, ...(s.state === 'current' ? { 'aria-current': 'step' } : {}) },
          s.name,
          s.state === 'done' ? `（${t('stageDone')}）` : s.state === 'current' ? `（${t('stageCurrent')}）` : '',
        ),
      ),
    ),
  );
}

/** What earlier stages recorded (date, stage, who, decision, opinion, seal). */
function recordList(item: ReviewItem): HTMLElement | null {
  const list = item.records ?? [];
  if (list.length === 0) return null;
  const id = uid('records');
  return h(
    'div',
    { class: 'records' },
    h('p', { class: 'records-title', id }, t('recordsTitle')),
    h(
      'ul',
      { 'aria-labelledby': id },
      list.map((r) => h('li', {}, [r.on, r.stage, r.decision, r.opinion, r.stamp, r.by].filter((x) => x !== '').join(' · '))),
    ),
  );
}

/**
 * The steps the user's role would take here but may not on this case, with the server's
 * reason (her own case, a notice not yet over): a missing button says why it is missing.
 */
function unavailableList(item: ReviewItem): HTMLElement | null {
  const list = item.unavailable ?? [];
  if (list.length === 0) return null;
  const id = uid('unavailable');
  return h(
    'div',
    { class: 'unavailable' },
    h('p', { class: 'unavailable-title', id }, t('unavailableTitle')),
    h(
      'ul',
      { 'aria-labelledby': id },
      list.map((u) => h('li', { 'data-action': u.key }, h('strong', {}, u.label), `：${u.reason}`)),
    ),
  );
}
