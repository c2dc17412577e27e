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

function toast(title: string, message: string): void {
  const box = make('div', { className: 'toast' });
  box.append(make('b', { textContent: title || '帮扶' }), make('span', { textContent: message }));
  el('toasts').appendChild(box);
  setTimeout(() => box.remove(), 6000);
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

function renderMenus(s: StateResponse): void {
  const bar = el('menubar');
  bar.innerHTML = '';
  for (const m of s.menus) {
    const button = make('button', { textContent: m.title });
    button.setAttribute('aria-haspopup', 'true');
    const menu = make('div', { className: 'menu' });
    menu.setAttribute('role', 'menu');
    addItems(m.items, menu, menu);
    button.onclick = () => {
      document.querySelectorAll('.menu.open').forEach((x) => { if (x !== menu) x.classList.remove('open'); });
      menu.style.left = `${button.offsetLeft}px`;
      menu.classList.toggle('open');
    };
    bar.append(button, menu);
  }
}

function addItems(items: MenuItem[], into: HTMLElement, menu: HTMLElement): void {
  for (const it of items) {
    if (it === 'separator') {
      into.appendChild(make('hr'));
    } else if ('sub' in it) {
      const box = make('div');
      addItems(it.items, box, menu);
      into.append(make('div', { className: 'sub', textContent: it.sub }), box);
    } else {
      const b = make('button', { textContent: it.label });
      b.setAttribute('role', 'menuitem');
      b.dataset.fn = it.fn;
      b.onclick = () => {
        menu.classList.remove('open');
        void runMenu(it.fn, it.label);
      };
      into.appendChild(b);
    }
  }
}

async function runMenu(fn: string, label: string): Promise<void> {
  const r = await postJson<RunResponse>(`/api/run/${fn}`, { args: [], user: tabUser });
  show(r);
  if (!r.ok) toast(label, r.error);
  else {
    if (r.sidebar) openSidebar(r.sidebar.file, r.sidebar.title);
    if (r.dialog) showAlert(r.dialog.title, r.dialog.text);
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
  const head = make('tr');
  head.appendChild(make('th'));
  for (let c = 1; c <= sheet.cols; c++) if (!hidden.has(c)) head.appendChild(make('th', { textContent: columnName(c) }));
  grid.appendChild(head);
  sheet.cells.forEach((row, i) => {
    const tr = make('tr', { className: i < sheet.frozenRows ? 'frozen' : '' });
    tr.appendChild(make('td', { className: 'rownum', textContent: String(i + 1) }));
    row.forEach((cell, j) => {
      if (hidden.has(j + 1)) return;
      tr.appendChild(cellElement(cell, i + 1, j + 1));
    });
    grid.appendChild(tr);
  });
  el('truncated').hidden = !sheet.truncated;
  renderCharts(sheet.charts);
}

function cellElement(cell: CellView, r: number, c: number): HTMLTableCellElement {
  const td = make('td', { textContent: cell.d });
  td.dataset.r = String(r);
  td.dataset.c = String(c);
  // The error message is the tooltip of #ERROR!, as Sheets shows it on hover.
  if (cell.e) { td.className = 'err'; td.title = cell.e; }
  else if (cell.n) { td.classList.add('note'); td.title = cell.n; }
  else if (cell.d) td.title = cell.d;
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
  const W = 420, H = 220, L = 50, B = 40;
  const max = Math.max(1, ...series.flat());
  const bw = (W - L - 10) / (rows.length || 1);
  const y = (v: number) => H - B - (v / max) * (H - B - 20);
  into.appendChild(svg('line', { x1: L, y1: H - B, x2: W - 5, y2: H - B, stroke: '#999' }));
  into.appendChild(svg('text', { x: 4, y: 14, 'font-size': 10 }, String(max)));
  series.forEach((values, j) => {
    const color = COLORS[j % COLORS.length];
    if (type === 'LINE') {
      into.appendChild(svg('polyline', { points: values.map((v, i) => `${L + bw * i + bw / 2},${y(v)}`).join(' '), fill: 'none', stroke: color, 'stroke-width': 2 }));
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

el('cellinput').addEventListener('keydown', (e) => { if (e.key === 'Enter') void editSelected(); });
el('closeside').onclick = closeSidebar;
el('alertok').onclick = () => { el('alert').hidden = true; };
// The sidebar (same origin) asks for a refresh after each server call, with what the call showed, and closes itself.
window.addEventListener('message', (e: MessageEvent<{ type?: string } & Partial<Shown>>) => {
  if (e.data?.type === 'refresh') {
    show(e.data);
    void refresh();
  }
  if (e.data?.type === 'close') closeSidebar();
});
document.addEventListener('click', (e) => {
  if (!(e.target as HTMLElement).closest('.menubar')) document.querySelectorAll('.menu.open').forEach((m) => m.classList.remove('open'));
});
void refresh();
