/** The one page a person not in 人员权限 sees in either sidebar: who they are, whom to ask. */
import type { NotListedDto } from '../../shared/endpoints';
import { h } from './dom';
import { t } from './i18n';

export function notListedPanel(a: NotListedDto): HTMLElement {
  const who = a.email || t('noEmail');
  return h(
    'section',
    { class: 'not-listed', 'aria-labelledby': 'title' },
    h('p', {}, t('notListedWho', who)),
    a.contacts.length > 0
      ? [
          h('p', {}, t('notListedAsk')),
          h(
            'ul',
            { class: 'contacts' },
            a.contacts.map((c) => h('li', {}, c.name ? `${c.name}（${c.email}）` : c.email)),
          ),
        ]
      : h('p', {}, t('notListedOwner')),
    h('p', { class: 'muted' }, t('notListedAfter')),
  );
}
