/**
 * The review workbench (审核工作台): the cases waiting on the user's role, in the order the
 * server gives (oldest due first), with deadline badges and the actions the server allows.
 */
import type { ReviewQueue } from '../../shared/endpoints';
import { call, RequestIds } from '../lib/rpc';
import { announce, byId, fill } from '../lib/dom';
import { setLocale, t } from '../lib/i18n';
import { notListedPanel } from '../lib/notListed';
import { itemView, type ActionPayload, type ItemView } from './itemView';

const el = {
  title: byId('title'),
  who: byId('who'),
  refresh: byId<HTMLButtonElement>('refresh'),
  banner: byId('banner'),
  status: byId('status'),
  count: byId('count'),
  queue: byId('queue'),
  empty: byId('empty'),
};

let views: ItemView[] = [];
let working = false;
const actionIds = new RequestIds();

function renderQueue(q: ReviewQueue, open: Set<string>): void {
  setLocale(q.locale);
  if (q.access) {
    // Not in 人员权限: whom to ask, instead of an empty list or a refusal.
    el.title.textContent = t('notListedTitle');
    document.title = el.title.textContent;
    el.who.textContent = t('user', q.access.email);
    el.refresh.hidden = true;
    el.queue.hidden = true;
    el.empty.hidden = true;
    el.count.textContent = '';
    // In the alert banner: read out at once, and the only thing on the page.
    fill(el.banner, notListedPanel(q.access));
    el.banner.hidden = false;
    return;
  }
  el.title.textContent = t('reviewTitle');
  document.title = el.title.textContent;
  el.refresh.textContent = t('refresh');
  const u = q.user;
  el.who.textContent = [t('user', u.email), u.roleLabel, u.county].filter((s) => s).join(' · ');
  views = q.items.map((item) => itemView(item, open.has(item.workerNo), act));
  fill(
    el.queue,
    views.map((v) => v.root),
  );
  el.empty.textContent = t('empty');
  el.empty.hidden = q.items.length > 0;
  el.queue.hidden = q.items.length === 0;
  el.count.textContent = q.items.length > 0 ? t('queueCount', q.items.length) : '';
}

async function load(): Promise<boolean> {
  const open = new Set(views.filter((v) => v.isOpen()).map((v) => v.item.workerNo));
  el.refresh.setAttribute('aria-busy', 'true');
  try {
    const q = await call('getReviewQueue');
    if (!q.access) announce(el.banner, '');
    renderQueue(q, open);
    return true;
  } catch (e) {
    announce(el.banner, t('loadFailed', (e as Error).message), 'error');
    return false;
  } finally {
    el.refresh.removeAttribute('aria-busy');
  }
}

async function act(view: ItemView, payload: ActionPayload): Promise<void> {
  if (working) return;
  working = true;
  view.setBusy(true);
  announce(el.banner, '');
  announce(el.status, t('working'), 'busy');
  const index = views.indexOf(view);
  try {
    const result = await call('reviewAction', { requestId: actionIds.idFor(payload), ...payload });
    if (result.ok) {
      actionIds.done();
      announce(el.status, result.message, 'ok');
      await load();
      // Keep the keyboard user in the list: the case now in the same place, else the title.
      const next = views[Math.min(index, views.length - 1)];
      if (next) next.focus();
      else el.title.focus();
    } else {
      announce(el.status, '');
      view.showMessage(result.message);
    }
  } catch (e) {
    announce(el.status, '');
    announce(el.banner, `${t('actionFailed', (e as Error).message)} ${t('retryHint')}`, 'error');
  } finally {
    working = false;
    view.setBusy(false);
  }
}

function boot(): void {
  el.title.tabIndex = -1;
  el.refresh.addEventListener('click', () => {
    announce(el.status, '');
    void load();
  });
  announce(el.status, t('loading'), 'busy');
  void load().then((ok) => {
    if (ok) announce(el.status, '');
  });
}

boot();
