/** The playground page: the workbook grid with tabs, the 帮扶 menu, the sidebar beside it. */
export const PAGE_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>帮扶 Bangfu · 本地演示</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 13px/1.4 "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #202124; display: flex; flex-direction: column; height: 100vh; }
  header { display: flex; align-items: center; gap: 12px; padding: 6px 12px; border-bottom: 1px solid #dadce0; background: #f8f9fa; }
  header h1 { font-size: 16px; margin: 0 12px 0 0; color: #188038; }
  .menubar { position: relative; }
  .menubar > button, .menu button { font: inherit; background: none; border: 0; padding: 4px 10px; cursor: pointer; text-align: left; }
  .menubar > button:hover, .menu button:hover, .menu button:focus { background: #e8eaed; }
  .menu { display: none; position: absolute; top: 100%; left: 0; background: #fff; border: 1px solid #dadce0; box-shadow: 0 2px 6px rgba(0,0,0,.2); min-width: 220px; z-index: 10; padding: 4px 0; }
  .menu.open { display: block; }
  .menu button { display: block; width: 100%; }
  .menu hr { border: 0; border-top: 1px solid #e0e0e0; margin: 4px 0; }
  .menu .sub { padding: 4px 10px; color: #5f6368; font-size: 12px; }
  .menu .sub + div button { padding-left: 22px; }
  main { flex: 1; display: flex; min-height: 0; }
  #gridwrap { flex: 1; overflow: auto; }
  table { border-collapse: collapse; }
  td, th { border: 1px solid #e2e3e3; padding: 2px 6px; white-space: nowrap; max-width: 220px; overflow: hidden; text-overflow: ellipsis; height: 22px; }
  th { background: #f1f3f4; font-weight: normal; color: #5f6368; position: sticky; top: 0; z-index: 1; }
  tr.frozen td { background: #f8f9fa; font-weight: bold; position: sticky; top: 23px; }
  td.err { color: #c5221f; }
  td.note { box-shadow: inset -6px 0 0 -3px #e37400; }
  td.sel { outline: 2px solid #1a73e8; outline-offset: -2px; }
  td.rownum { background: #f1f3f4; color: #5f6368; text-align: right; }
  #tabs { display: flex; gap: 2px; padding: 4px 8px; border-top: 1px solid #dadce0; background: #f1f3f4; overflow-x: auto; }
  #tabs button { font: inherit; border: 0; background: none; padding: 4px 12px; cursor: pointer; white-space: nowrap; }
  #tabs button.active { background: #fff; color: #188038; font-weight: bold; }
  #side { width: 300px; border-left: 1px solid #dadce0; display: none; flex-direction: column; }
  #side.open { display: flex; }
  #side .bar { display: flex; justify-content: space-between; align-items: center; padding: 6px 10px; border-bottom: 1px solid #dadce0; font-weight: bold; }
  #side iframe { border: 0; flex: 1; width: 300px; }
  #toasts { position: fixed; right: 16px; bottom: 48px; display: flex; flex-direction: column; gap: 8px; max-width: 420px; z-index: 20; }
  .toast { background: #323232; color: #fff; padding: 10px 14px; border-radius: 4px; white-space: pre-wrap; }
  .toast b { display: block; margin-bottom: 2px; }
  #charts { display: flex; flex-wrap: wrap; gap: 16px; padding: 12px; }
  .chart { border: 1px solid #dadce0; padding: 8px; background: #fff; }
  .chart h3 { margin: 0 0 6px; font-size: 13px; }
  #editor { display: flex; gap: 6px; align-items: center; flex: 1; }
  #editor input { flex: 1; font: inherit; padding: 3px 6px; }
  #cellref { width: 70px; color: #5f6368; }
</style></head>
<body>
<header>
  <h1>帮扶 Bangfu</h1>
  <div class="menubar" id="menubar"></div>
  <div id="editor"><span id="cellref"></span><input id="cellinput" aria-label="单元格内容" placeholder="选中单元格后在此输入，回车保存"></div>
  <label>当前用户 <select id="user" aria-label="当前用户"></select></label>
</header>
<main>
  <div id="gridwrap"><table id="grid" aria-label="工作表"></table><div id="charts"></div></div>
  <aside id="side" aria-label="侧边栏"><div class="bar"><span id="sidetitle"></span><button id="closeside" aria-label="关闭侧边栏">✕</button></div><iframe id="sideframe" title="侧边栏"></iframe></aside>
</main>
<nav id="tabs" aria-label="工作表标签"></nav>
<div id="toasts" role="status"></div>
<script>
let state = null, current = null, selected = null, seenToasts = 0;
const $ = (id) => document.getElementById(id);
window.bangfuUser = () => $('user').value;
async function api(path, body) {
  const res = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return res.json();
}
function colName(n) { let s = ''; for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + (n - 1) % 26) + s; return s; }
function toast(title, message) {
  const el = document.createElement('div'); el.className = 'toast';
  el.innerHTML = '<b></b><span></span>'; el.querySelector('b').textContent = title || '帮扶'; el.querySelector('span').textContent = message;
  $('toasts').appendChild(el); setTimeout(() => el.remove(), 6000);
}
async function refresh() {
  state = await api('/api/state?sheet=' + encodeURIComponent(current || ''));
  if (!current || !state.sheetNames.includes(current)) current = state.sheet.name;
  for (const t of state.toasts.slice(seenToasts)) toast(t.title, t.message);
  seenToasts = state.toasts.length;
  renderUsers(); renderMenu(); renderTabs(); renderGrid();
}
function renderUsers() {
  const sel = $('user'); if (sel.options.length) return;
  for (const u of state.users) { const o = document.createElement('option'); o.value = u.email; o.textContent = u.name ? u.name + '（' + u.role + '）' : u.email; sel.appendChild(o); }
  sel.value = state.user;
  sel.onchange = () => { api('/api/user', { user: sel.value }); if ($('side').classList.contains('open')) $('sideframe').contentWindow.location.reload(); };
}
function renderMenu() {
  const bar = $('menubar'); bar.innerHTML = '';
  for (const m of state.menus) {
    const btn = document.createElement('button'); btn.textContent = m.title; btn.setAttribute('aria-haspopup', 'true');
    const menu = document.createElement('div'); menu.className = 'menu'; menu.setAttribute('role', 'menu');
    const addItems = (items, into) => { for (const it of items) {
      if (it === 'separator') { into.appendChild(document.createElement('hr')); continue; }
      if (it.sub) { const h = document.createElement('div'); h.className = 'sub'; h.textContent = it.sub; into.appendChild(h); const box = document.createElement('div'); addItems(it.items, box); into.appendChild(box); continue; }
      const b = document.createElement('button'); b.textContent = it.label; b.setAttribute('role', 'menuitem'); b.dataset.fn = it.fn;
      b.onclick = () => { menu.classList.remove('open'); runMenu(it.fn, it.label); }; into.appendChild(b);
    } };
    addItems(m.items, menu);
    btn.onclick = () => menu.classList.toggle('open');
    bar.appendChild(btn); bar.appendChild(menu);
  }
}
async function runMenu(fn, label) {
  const r = await api('/api/run/' + fn, { args: [] });
  if (!r.ok) toast(label, r.error);
  if (r.sidebar) { $('sidetitle').textContent = r.sidebar.title; $('sideframe').src = '/sidebar/' + r.sidebar.file + '?t=' + Date.now(); $('side').classList.add('open'); }
  if (r.dialog) toast(r.dialog.title, r.dialog.text);
  await refresh();
}
function renderTabs() {
  const tabs = $('tabs'); tabs.innerHTML = '';
  for (const n of state.sheetNames) { const b = document.createElement('button'); b.textContent = n; if (n === current) b.className = 'active'; b.onclick = () => { current = n; selected = null; refresh(); }; tabs.appendChild(b); }
}
const COLORS = ['#1a73e8', '#188038', '#e37400', '#d93025', '#9334e6', '#12b5cb', '#f9ab00'];
function svg(tag, attrs, text) { const el = document.createElementNS('http://www.w3.org/2000/svg', tag); for (const k in attrs) el.setAttribute(k, attrs[k]); if (text !== undefined) el.textContent = text; return el; }
function renderCharts() {
  const box = $('charts'); box.innerHTML = '';
  for (const ch of state.sheet.charts || []) {
    const [header, ...rows] = ch.data; if (!header) continue;
    const wrap = document.createElement('div'); wrap.className = 'chart';
    const h = document.createElement('h3'); h.textContent = ch.title; wrap.appendChild(h);
    const W = 420, H = 220, L = 50, B = 40;
    const s = svg('svg', { width: W, height: H, role: 'img', 'aria-label': ch.title });
    const series = header.slice(1).map((_, j) => rows.map((r) => Number(r[j + 1]) || 0));
    if (ch.type === 'PIE') {
      const vals = series[0] || [], total = vals.reduce((a, b) => a + b, 0) || 1; let a0 = -Math.PI / 2;
      vals.forEach((v, i) => { const a1 = a0 + (v / total) * 2 * Math.PI; const large = a1 - a0 > Math.PI ? 1 : 0;
        const p = (a) => [110 + 90 * Math.cos(a), 110 + 90 * Math.sin(a)];
        const [x0, y0] = p(a0), [x1, y1] = p(a1);
        if (v > 0) s.appendChild(svg('path', { d: 'M110,110 L' + x0 + ',' + y0 + ' A90,90 0 ' + large + ' 1 ' + x1 + ',' + y1 + ' Z', fill: COLORS[i % COLORS.length] }));
        s.appendChild(svg('rect', { x: 230, y: 14 + i * 20, width: 12, height: 12, fill: COLORS[i % COLORS.length] }));
        s.appendChild(svg('text', { x: 248, y: 24 + i * 20, 'font-size': 11 }, rows[i][0] + '  ' + rows[i][1]));
        a0 = a1; });
    } else {
      const max = Math.max(1, ...series.flat()); const n = rows.length || 1; const bw = (W - L - 10) / n;
      s.appendChild(svg('line', { x1: L, y1: H - B, x2: W - 5, y2: H - B, stroke: '#999' }));
      s.appendChild(svg('text', { x: 4, y: 14, 'font-size': 10 }, String(max)));
      series.forEach((vals, j) => {
        if (ch.type === 'LINE') {
          const pts = vals.map((v, i) => (L + bw * i + bw / 2) + ',' + (H - B - (v / max) * (H - B - 20))).join(' ');
          s.appendChild(svg('polyline', { points: pts, fill: 'none', stroke: COLORS[j], 'stroke-width': 2 }));
        } else {
          const w = (bw - 8) / series.length;
          vals.forEach((v, i) => { const hgt = (v / max) * (H - B - 20); s.appendChild(svg('rect', { x: L + bw * i + 4 + j * w, y: H - B - hgt, width: w, height: hgt, fill: COLORS[j % COLORS.length] })); });
        }
      });
      rows.forEach((r, i) => s.appendChild(svg('text', { x: L + bw * i + bw / 2, y: H - B + 14, 'font-size': 10, 'text-anchor': 'middle' }, r[0])));
      header.slice(1).forEach((label, j) => { s.appendChild(svg('rect', { x: L + j * 120, y: H - 16, width: 10, height: 10, fill: COLORS[j % COLORS.length] })); s.appendChild(svg('text', { x: L + 14 + j * 120, y: H - 7, 'font-size': 10 }, label)); });
    }
    wrap.appendChild(s); box.appendChild(wrap);
  }
}
function renderGrid() {
  const s = state.sheet, g = $('grid'); g.innerHTML = '';
  const hidden = new Set(s.hidden || []);
  renderCharts();
  const head = document.createElement('tr'); head.appendChild(document.createElement('th'));
  for (let c = 1; c <= s.cols; c++) { if (hidden.has(c)) continue; const th = document.createElement('th'); th.textContent = colName(c); head.appendChild(th); }
  g.appendChild(head);
  s.cells.forEach((row, i) => {
    const tr = document.createElement('tr'); if (i < s.frozenRows) tr.className = 'frozen';
    const rn = document.createElement('td'); rn.className = 'rownum'; rn.textContent = i + 1; tr.appendChild(rn);
    row.forEach((cell, j) => {
      if (hidden.has(j + 1)) return;
      const td = document.createElement('td'); td.textContent = cell.d; td.dataset.r = i + 1; td.dataset.c = j + 1;
      if (cell.e) { td.className = 'err'; td.title = cell.e; } else if (cell.n) { td.classList.add('note'); td.title = cell.n; } else if (cell.d) td.title = cell.d;
      td.onclick = () => select(td, cell);
      tr.appendChild(td);
    });
    g.appendChild(tr);
  });
}
function select(td, cell) {
  document.querySelectorAll('td.sel').forEach((x) => x.classList.remove('sel'));
  td.classList.add('sel'); selected = { r: +td.dataset.r, c: +td.dataset.c };
  $('cellref').textContent = colName(selected.c) + selected.r; $('cellinput').value = cell.f || cell.v; $('cellinput').focus();
}
$('cellinput').addEventListener('keydown', async (e) => {
  if (e.key !== 'Enter' || !selected) return;
  const r = await api('/api/edit', { sheet: current, row: selected.r, col: selected.c, value: $('cellinput').value });
  if (!r.ok) toast('编辑', r.error);
  await refresh();
});
$('closeside').onclick = () => { $('side').classList.remove('open'); $('sideframe').src = 'about:blank'; };
window.addEventListener('message', (e) => { if (e.data && e.data.type === 'refresh') refresh(); if (e.data && e.data.type === 'close') $('closeside').click(); });
document.addEventListener('click', (e) => { if (!e.target.closest('.menubar')) document.querySelectorAll('.menu.open').forEach((m) => m.classList.remove('open')); });
refresh();
</script></body></html>`;

/** Injected first into a sidebar page: google.script.run and google.script.host, over HTTP. */
export const SHIM = `<script>
(function () {
  function runner(ok, fail, obj) {
    return new Proxy({}, { get: function (_, name) {
      if (name === 'withSuccessHandler') return function (f) { return runner(f, fail, obj); };
      if (name === 'withFailureHandler') return function (f) { return runner(ok, f, obj); };
      if (name === 'withUserObject') return function (o) { return runner(ok, fail, o); };
      if (typeof name !== 'string' || name === 'then') return undefined;
      return function () {
        var args = Array.prototype.slice.call(arguments);
        var user = window.parent && window.parent.bangfuUser ? window.parent.bangfuUser() : '';
        fetch('/api/run/' + encodeURIComponent(name), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ args: args, user: user }) })
          .then(function (r) { return r.json(); })
          .then(function (j) {
            setTimeout(function () { if (j.ok) { if (ok) ok(j.value, obj); } else if (fail) fail(new Error(j.error), obj); }, 0);
            if (window.parent && window.parent !== window) window.parent.postMessage({ type: 'refresh' }, '*');
          })
          .catch(function (e) { if (fail) fail(e, obj); });
      };
    } });
  }
  window.google = { script: { run: runner(null, null, undefined), host: { close: function () { window.parent.postMessage({ type: 'close' }, '*'); }, setHeight: function () {}, setWidth: function () {} } } };
})();
</script>`;
