/**
 * The family's assistance history (发放记录, SPEC §5.1: every payment over the years), as a
 * table both sidebars show: the intake form of an open case and each review card.
 */
import type { PaymentDto } from '../../shared/endpoints';
import { h, uid } from './dom';
import { money, t } from './i18n';

export function historyTable(list: readonly PaymentDto[] | undefined): HTMLElement | null {
  if (list === undefined) return null;
  const id = uid('history');
  const total = list.reduce((s, p) => s + Math.round(p.amount * 100), 0) / 100;
  const title = list.length === 0 ? t('historyEmpty') : t('historyTitle', String(list.length), money(total));
  return h(
    'section',
    { class: 'history', 'aria-labelledby': id },
    h('p', { class: 'history-title', id }, title),
    list.length === 0
      ? null
      : h(
          'table',
          { 'aria-labelledby': id },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              (['historyDate', 'historyWhat', 'historyAmount'] as const).map((k) => h('th', { scope: 'col' }, t(k))),
            ),
          ),
          h(
            'tbody',
            {},
            list.map((p) =>
              h(
                'tr',
                { class: p.emergency ? 'is-emergency' : '' },
                h('td', {}, p.emergency ? `${p.paidOn}（${t('historyEmergency')}）` : p.paidOn),
                // What was given, as one line a narrow sidebar can hold: 项目 or 类别, then 形式 and 期间.
                h('td', {}, [p.scheme || p.kind, p.scheme && p.kind && p.kind !== p.scheme ? p.kind : '', p.form, p.period].filter((x) => x !== '').join('，')),
                h('td', { class: 'num' }, money(p.amount)),
              ),
            ),
          ),
        ),
  );
}
