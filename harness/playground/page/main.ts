/**
 * The playground page: the workbook grid with its tabs, the menus onOpen built, the cell
 * editor, the user switcher, toasts and alerts, and the real sidebar in an iframe beside
 * the grid. Everything it shows comes from the server (/api/state); everything it does
 * goes through the server to the real Code.js (/api/run, /api/edit).
 */
import type { CellView, ChartView, EditResponse, MenuItem, RunResponse, Shown, StateResponse } from '../protocol';

let current = '';
let selected: { r: number; c: number } | null = null;
/**
 * Who this tab acts as: from its address (?as=email), so two tabs can be two people, a
 * staff member and a reviewer, at once; the server's default until the switcher is used.
 */
let tabUser = new URLSearchParams(location.search).get('as') ?? '';

function el<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function make<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

/** The acting user, read by the sidebar's google.script.run shim for each call. */
(window as unknown as { bangfuUser: () => string }).bangfuUser = () => tabUser;

async function getJson<T>(path: string): Promise<T> {
  return (await fetch(path)).json() as Promise<T>;
}

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return res.json() as Promise<T>;
}

function columnName(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function toast(title: string, message: string, ms = 6000): void {
  const box = make('div', { className: 'toast' });
  box.append(make('b', { textContent: title || '帮扶' }), make('span', { textContent: message }));
  el('toasts').appendChild(box);
  setTimeout(() => box.remove(), ms);
}

/** What a call of this tab raised: its toasts, and its last alert. */
function show(r: Partial<Shown>): void {
  for (const t of r.toasts ?? []) toast(t.title, t.message);
  const alerts = r.alerts ?? [];
  if (alerts.length > 0) showAlert(alerts[alerts.length - 1].title, alerts[alerts.length - 1].prompt);
}

/** ui.alert: a modal box with 确定, as Sheets shows it. */
function showAlert(title: string, text: string): void {
  el('alerttitle').textContent = title || '帮扶';
  el('alerttext').textContent = text;
  el('alert').hidden = false;
  el('alertok').focus();
}

async function refresh(): Promise<void> {
  const s = await getJson<StateResponse>(`/api/state?sheet=${encodeURIComponent(current)}`);
  if (!current || !s.sheetNames.includes(current)) current = s.sheet.name;
  if (tabUser === '') tabUser = s.user;
  renderUsers(s);
  renderMenus(s);
  renderTabs(s);
  renderGrid(s);
}

function renderUsers(s: StateResponse): void {
  const select = el<HTMLSelectElement>('user');
  if (select.options.length > 0) return;
  for (const u of s.users) select.appendChild(make('option', { value: u.email, textContent: u.name ? `${u.name}（${u.role}）` : u.email }));
  select.value = tabUser;
  select.onchange = () => {
    // This tab only: other tabs keep acting as whoever they are; a reload keeps the choice.
    tabUser = select.value;
    const url = new URL(location.href);
    url.searchParams.set('as', tabUser);
    history.replaceState(null, '', url);
    // A sidebar is per user (its form and queue): reload it as the new user.
    if (el('side').classList.contains('open')) el<HTMLIFrameElement>('sideframe').contentWindow?.location.reload();
  };
}

// ── menus (WAI-ARIA menubar: keyboard as in Sheets' menus) ──────────────────────────────

const ITEM = ':scope > [role="menuitem"], :scope > .subwrap > [role="menuitem"]';

/** The items of one menu, in order (not those of its submenus). */
function itemsOf(menu: HTMLElement): HTMLElement[] {
  return Array.from(menu.querySelectorAll<HTMLElement>(ITEM));
}

/** The menu button or submenu item that opens `menu`. */
function opener(menu: HTMLElement): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[aria-controls="${menu.id}"]`);
}

function openMenu(menu: HTMLElement, focus: 'first' | 'last' | null): void {
  const button = opener(menu);
  if (menu.classList.contains('top')) {
    closeMenus();
    if (button) menu.style.left = `${button.offsetLeft}px`;
  } else {
    // One submenu open at a time within its menu.
    menu.parentElement?.parentElement?.querySelectorAll<HTMLElement>(':scope > .subwrap > .menu.open').forEach((m) => {
      if (m !== menu) closeMenu(m);
    });
  }
  menu.classList.add('open');
  button?.setAttribute('aria-expanded', 'true');
  const items = itemsOf(menu);
  if (focus && items.length > 0) (focus === 'first' ? items[0] : items[items.length - 1]).focus();
}

function closeMenu(menu: HTMLElement): void {
  menu.querySelectorAll<HTMLElement>('.menu.open').forEach((m) => closeMenu(m));
  menu.classList.remove('open');
  opener(menu)?.setAttribute('aria-expanded', 'false');
}

function closeMenus(): void {
  document.querySelectorAll<HTMLElement>('#menubar > .menu.open').forEach((m) => closeMenu(m));
}

function move(items: HTMLElement[], from: HTMLElement, by: number): void {
  if (items.length === 0) return;
  const i = items.indexOf(from);
  items[(i + by + items.length) % items.length].focus();
}

function renderMenus(s: StateResponse): void {
  const bar = el('menubar');
  bar.innerHTML = '';
  bar.setAttribute('role', 'menubar');
  bar.setAttribute('aria-label', '菜单');
  s.menus.forEach((m, n) => {
    const button = make('button', { textContent: m.title, className: 'top', tabIndex: n === 0 ? 0 : -1 });
    const menu = make('div', { className: 'menu top', id: `menu-${n}` });
    button.setAttribute('role', 'menuitem');
    button.setAttribute('aria-haspopup', 'menu');
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', menu.id);
    menu.setAttribute('role', 'menu');
    menu.setAttribute('aria-label', m.title);
    addItems(m.items, menu, `menu-${n}`);
    button.onclick = () => (menu.classList.contains('open') ? closeMenu(menu) : openMenu(menu, null));
    button.onkeydown = (e) => {
      const buttons = Array.from(bar.querySelectorAll<HTMLElement>(':scope > button'));
      if (e.key === 'Enter' || e.key === ' ' || e.key === 'ArrowDown') openMenu(menu, 'first');
      else if (e.key === 'ArrowUp') openMenu(menu, 'last');
      else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') move(buttons, button, e.key === 'ArrowRight' ? 1 : -1);
      else if (e.key === 'Escape') closeMenus();
      else return;
      e.preventDefault();
    };
    bar.append(button, menu);
  });
}

function addItems(items: MenuItem[], menu: HTMLElement, id: string): void {
  items.forEach((it, n) => {
    if (it === 'separator') {
      const hr = make('hr');
      hr.setAttribute('role', 'separator');
      menu.appendChild(hr);
    } else if ('sub' in it) {
      // A submenu: its item opens it to the right, as Sheets' 帮扶 → 汇总与报表 ▸ does.
      const wrap = make('div', { className: 'subwrap' });
      const b = make('button', { className: 'hassub', tabIndex: -1 });
      const arrow = make('span', { className: 'arrow', textContent: '▸' });
      arrow.setAttribute('aria-hidden', 'true');
      b.append(make('span', { textContent: it.sub }), arrow);
      const sub = make('div', { className: 'menu submenu', id: `${id}-${n}` });
      b.setAttribute('role', 'menuitem');
      b.setAttribute('aria-haspopup', 'menu');
      b.setAttribute('aria-expanded', 'false');
      b.setAttribute('aria-controls', sub.id);
      sub.setAttribute('role', 'menu');
      sub.setAttribute('aria-label', it.sub);
      addItems(it.items, sub, sub.id);
      b.onclick = () => openMenu(sub, null);
      wrap.onmouseenter = () => openMenu(sub, null);
      wrap.onmouseleave = () => closeMenu(sub);
      wrap.append(b, sub);
      menu.appendChild(wrap);
    } else {
      const b = make('button', { textContent: it.label, tabIndex: -1 });
      b.setAttribute('role', 'menuitem');
      b.dataset.fn = it.fn;
      b.onclick = () => {
        const top = b.closest<HTMLElement>('.menu.top');
        closeMenus();
        if (top) opener(top)?.focus();
        void runMenu(it.fn, it.label);
      };
      menu.appendChild(b);
    }
  });
  menu.onkeydown = (e) => {
    const item = e.target as HTMLElement;
    // Keys reach the innermost menu first; an outer one leaves them to it.
    if (item.closest('[role="menu"]') !== menu) return;
    const items = itemsOf(menu);
    const sub = item.getAttribute('aria-haspopup') ? document.getElementById(item.getAttribute('aria-controls') ?? '') : null;
    const parent = menu.classList.contains('submenu') ? opener(menu) : null;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') move(items, item, e.key === 'ArrowDown' ? 1 : -1);
    else if (e.key === 'Home' || e.key === 'End') items[e.key === 'Home' ? 0 : items.length - 1]?.focus();
    else if (sub && (e.key === 'ArrowRight' || e.key === 'Enter' || e.key === ' ')) openMenu(sub, 'first');
    else if (e.key === 'ArrowLeft' && parent) {
      closeMenu(menu);
      parent.focus();
    } else if (e.key === 'Enter' || e.key === ' ') item.click();
    else if (e.key === 'Escape') {
      const top = menu.closest<HTMLElement>('.menu.top');
      closeMenus();
      if (top) opener(top)?.focus();
    } else if (e.key === 'Tab') closeMenus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
}

async function runMenu(fn: string, label: string): Promise<void> {
  const r = await postJson<RunResponse>(`/api/run/${fn}`, { args: [], user: tabUser });
  show(r);
  if (!r.ok) toast(label, r.error);
  else {
    if (r.sidebar) openSidebar(r.sidebar.file, r.sidebar.title);
    if (r.dialog) showAlert(r.dialog.title, r.dialog.text);
    // A scheduled job: what it did as a toast; what failed in a box to read and close.
    if (r.job && r.job.failures.length > 0) showAlert(r.job.title, [...r.job.failures, '', ...r.job.lines].join('\n'));
    else if (r.job) toast(r.job.title, r.job.lines.join('\n'), 12_000);
  }
  await refresh();
}

function openSidebar(file: string, title: string): void {
  el('sidetitle').textContent = title;
  el<HTMLIFrameElement>('sideframe').src = `/sidebar/${file}?t=${Date.now()}`;
  el('side').classList.add('open');
}

function closeSidebar(): void {
  el('side').classList.remove('open');
  el<HTMLIFrameElement>('sideframe').src = 'about:blank';
}

function renderTabs(s: StateResponse): void {
  const tabs = el('tabs');
  tabs.innerHTML = '';
  for (const name of s.sheetNames) {
    const b = make('button', { textContent: name, className: name === current ? 'active' : '' });
    b.onclick = () => {
      current = name;
      selected = null;
      // Another sheet opens at its top.
      el('gridwrap').scrollTop = 0;
      void refresh();
    };
    tabs.appendChild(b);
  }
}

function renderGrid(s: StateResponse): void {
  const sheet = s.sheet;
  const grid = el('grid');
  grid.innerHTML = '';
  const hidden = new Set(sheet.hidden);
  // Column widths as the sheet sets them (a fixed layout: text longer than its column is cut, as in Sheets).
  const cols = make('colgroup');
  cols.appendChild(make('col', { className: 'rownum' }));
  for (let c = 1; c <= sheet.cols; c++) {
    if (hidden.has(c)) continue;
    const col = make('col');
    col.style.width = `${sheet.widths[c - 1] ?? 100}px`;
    cols.appendChild(col);
  }
  grid.appendChild(cols);
  grid.style.width = `${46 + sheet.widths.reduce((sum, w, i) => sum + (hidden.has(i + 1) ? 0 : w), 0)}px`;
  const head = make('tr');
  head.appendChild(make('th'));
  for (let c = 1; c <= sheet.cols; c++) if (!hidden.has(c)) head.appendChild(make('th', { textContent: columnName(c) }));
  grid.appendChild(head);
  // A merged box is its top-left cell spanning the box; the cells it covers are not drawn.
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const m of sheet.merges) {
    for (let r = m.row; r < m.row + m.numRows; r++) for (let c = m.col; c < m.col + m.numCols; c++) covered.add(`${r}:${c}`);
    let shown = 0;
    for (let c = m.col; c < m.col + m.numCols; c++) if (!hidden.has(c)) shown++;
    spans.set(`${m.row}:${m.col}`, { rows: m.numRows, cols: shown });
  }
  sheet.cells.forEach((row, i) => {
    const tr = make('tr', { className: i < sheet.frozenRows ? 'frozen' : '' });
    tr.appendChild(make('td', { className: 'rownum', textContent: String(i + 1) }));
    row.forEach((cell, j) => {
      const key = `${i + 1}:${j + 1}`;
      const span = spans.get(key);
      if (hidden.has(j + 1) || (covered.has(key) && !span)) return;
      const td = cellElement(cell, i + 1, j + 1);
      if (span) {
        td.colSpan = Math.max(span.cols, 1);
        td.rowSpan = span.rows;
      }
      tr.appendChild(td);
    });
    grid.appendChild(tr);
  });
  // Several frozen rows stack under the column letters, each below the one before.
  let top = (grid as HTMLTableElement).rows[0]?.offsetHeight ?? 23;
  for (const tr of Array.from(grid.querySelectorAll<HTMLTableRowElement>('tr.frozen'))) {
    for (const td of Array.from(tr.cells)) td.style.top = `${top}px`;
    top += tr.offsetHeight;
  }
  el('truncated').hidden = !sheet.truncated;
  renderCharts(sheet.charts);
}

function cellElement(cell: CellView, r: number, c: number): HTMLTableCellElement {
  const td = make('td', { textContent: cell.d });
  td.dataset.r = String(r);
  td.dataset.c = String(c);
  // The error message is the tooltip of #ERROR!, as Sheets shows it on hover.
  if (cell.e) {
    td.className = 'err';
    td.title = cell.e;
  } else if (cell.n) {
    td.classList.add('note');
    td.title = cell.n;
  } else if (cell.d) td.title = cell.d;
  // The cell's look as the sheet sets it (colours, bold, alignment: sheetView.ts).
  if (cell.bg) td.style.backgroundColor = cell.bg;
  if (cell.fc) td.style.color = cell.fc;
  if (cell.b) td.style.fontWeight = 'bold';
  if (cell.a) td.style.textAlign = cell.a;
  td.onclick = () => select(td, cell, r, c);
  return td;
}

function select(td: HTMLElement, cell: CellView, r: number, c: number): void {
  document.querySelectorAll('td.sel').forEach((x) => x.classList.remove('sel'));
  td.classList.add('sel');
  selected = { r, c };
  el('cellref').textContent = `${columnName(c)}${r}`;
  const input = el<HTMLInputElement>('cellinput');
  input.value = cell.f ?? cell.v;
  input.focus();
}

async function editSelected(): Promise<void> {
  if (!selected) return;
  const value = el<HTMLInputElement>('cellinput').value;
  const r = await postJson<EditResponse>('/api/edit', { sheet: current, row: selected.r, col: selected.c, value, user: tabUser });
  show(r);
  if (!r.ok) toast('编辑', r.error);
  await refresh();
}

// ── charts (drawn from their data range; Sheets draws them itself) ─────────────────────

const COLORS = ['#1a73e8', '#188038', '#e37400', '#d93025', '#9334e6', '#12b5cb', '#f9ab00'];

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderCharts(charts: ChartView[]): void {
  const box = el('charts');
  box.innerHTML = '';
  for (const chart of charts) {
    const [header, ...rows] = chart.data;
    if (!header) continue;
    const wrap = make('div', { className: 'chart' });
    wrap.appendChild(make('h3', { textContent: chart.title }));
    const drawing = svg('svg', { width: 420, height: 220, role: 'img', 'aria-label': chart.title });
    const series = header.slice(1).map((_, j) => rows.map((r) => Number(r[j + 1]) || 0));
    if (chart.type === 'PIE') drawPie(drawing, rows, series[0] ?? []);
    else drawBars(drawing, chart.type, header, rows, series);
    wrap.appendChild(drawing);
    box.appendChild(wrap);
  }
}

function drawPie(into: SVGElement, rows: string[][], values: number[]): void {
  const total = values.reduce((a, b) => a + b, 0) || 1;
  const at = (a: number) => [110 + 90 * Math.cos(a), 110 + 90 * Math.sin(a)];
  let a0 = -Math.PI / 2;
  values.forEach((v, i) => {
    const a1 = a0 + (v / total) * 2 * Math.PI;
    const [x0, y0] = at(a0);
    const [x1, y1] = at(a1);
    const color = COLORS[i % COLORS.length];
    if (v > 0) into.appendChild(svg('path', { d: `M110,110 L${x0},${y0} A90,90 0 ${a1 - a0 > Math.PI ? 1 : 0} 1 ${x1},${y1} Z`, fill: color }));
    into.appendChild(svg('rect', { x: 230, y: 14 + i * 20, width: 12, height: 12, fill: color }));
    into.appendChild(svg('text', { x: 248, y: 24 + i * 20, 'font-size': 11 }, `${rows[i][0]}  ${rows[i][1]}`));
    a0 = a1;
  });
}

function drawBars(into: SVGElement, type: string, header: string[], rows: string[][], series: number[][]): void {
  const W = 420,
    H = 220,
    L = 50,
    B = 40;
  const max = Math.max(1, ...series.flat());
  const bw = (W - L - 10) / (rows.length || 1);
  const y = (v: number) => H - B - (v / max) * (H - B - 20);
  into.appendChild(svg('line', { x1: L, y1: H - B, x2: W - 5, y2: H - B, stroke: '#999' }));
  into.appendChild(svg('text', { x: 4, y: 14, 'font-size': 10 }, String(max)));
  series.forEach((values, j) => {
    const color = COLORS[j % COLORS.length];
    if (type === 'LINE') {
      into.appendChild(
        svg('polyline', { points: values.map((v, i) => `${L + bw * i + bw / 2},${y(v)}`).join(' '), fill: 'none', stroke: color, 'stroke-width': 2 }),
      );
    } else {
      const w = (bw - 8) / series.length;
      values.forEach((v, i) => into.appendChild(svg('rect', { x: L + bw * i + 4 + j * w, y: y(v), width: w, height: H - B - y(v), fill: color })));
    }
  });
  rows.forEach((r, i) => into.appendChild(svg('text', { x: L + bw * i + bw / 2, y: H - B + 14, 'font-size': 10, 'text-anchor': 'middle' }, r[0])));
  header.slice(1).forEach((label, j) => {
    into.appendChild(svg('rect', { x: L + j * 120, y: H - 16, width: 10, height: 10, fill: COLORS[j % COLORS.length] }));
    into.appendChild(svg('text', { x: L + 14 + j * 120, y: H - 7, 'font-size': 10 }, label));
  });
}

// ── wiring ────────────────────────────────────────────────────────────────────────────

el('cellinput').addEventListener('keydown', (e) => {
  if (e.key === 'Enter') void editSelected();
});
el('closeside').onclick = closeSidebar;
el('alertok').onclick = () => {
  el('alert').hidden = true;
};
// The sidebar (same origin) asks for a refresh after each server call, with what the call showed, and closes itself.
window.addEventListener('message', (e: MessageEvent<{ type?: string } & Partial<Shown>>) => {
  if (e.data?.type === 'refresh') {
    show(e.data);
    void refresh();
  }
  if (e.data?.type === 'close') closeSidebar();
});
document.addEventListener('click', (e) => {
  if (!(e.target as HTMLElement).closest('.menubar')) closeMenus();
});
void refresh();
