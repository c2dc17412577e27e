/**
 * The intake sidebar (新增/编辑困难职工): the form from 表单定义, checked in the page with the
 * same rules the server applies, a live preview of what the server derives, and a save
 * that can be retried without making a second case.
 */
import type { CaseSummaryDto, FieldError, IntakeFormModel, Json, SaveCaseRequest } from '../../shared/endpoints';
import { checkField } from '../../domain/forms/fieldRules';
import { call, RequestIds } from '../lib/rpc';
import { beijingToday } from '../lib/clock';
import { announce, byId, debounce, fill, h, uid } from '../lib/dom';
import { label, locale, setLocale, t } from '../lib/i18n';
import { notListedPanel } from '../lib/notListed';
import { createControl, type ControlEvents, type ControlOptions, type FieldControl, type PageFieldDef } from './fieldControls';
import { isTableControl, tableControl } from './tableControl';
import { PreviewPanel } from './previewPanel';
import { historyTable } from '../lib/history';

/** Fields whose change can move a derived value, the suggestion or a warning. */
const PREVIEW_KEYS = new Set([
  'id_number',
  'own_income',
  'household_income',
  'household_size',
  'causes',
  'scheme',
  'relief_base',
  'medical_self_pay',
  'tuition',
  'disaster_loss',
  'receives_dibao',
  'other_programme',
  'emergency',
]);
/** Quiet time before asking the server: one call per pause in typing, not per key. */
const PREVIEW_DELAY_MS = 400;
/** Roles that may override a blocking warning; mirrors mayOverrideWarnings (src/domain/roles.ts), the server decides again. */
const OVERRIDING_ROLES = new Set(['reviewer', 'county', 'city', 'admin']);
/** Roles that pick the county of a new case; mirrors seesAllCounties (src/domain/roles.ts). */
const ALL_COUNTY_ROLES = new Set(['city', 'admin']);

const el = {
  title: byId('title'),
  who: byId('who'),
  search: byId<HTMLDetailsElement>('search'),
  searchSummary: byId('search-summary'),
  searchLabel: byId('search-label'),
  searchText: byId<HTMLInputElement>('search-text'),
  searchGo: byId<HTMLButtonElement>('search-go'),
  searchStatus: byId('search-status'),
  searchResults: byId('search-results'),
  newCase: byId<HTMLButtonElement>('new-case'),
  banner: byId('banner'),
  form: byId<HTMLFormElement>('form'),
  preview: byId('preview'),
  save: byId<HTMLButtonElement>('save'),
  status: byId('status'),
};

interface Page {
  model: IntakeFormModel;
  /** Top-level controls in form order (the county chooser first, when there is one). */
  controls: FieldControl[];
  county: FieldControl | null;
  preview: PreviewPanel;
  workerNo?: string;
  version?: number;
  /** Controls the user has typed into: only these complain on blur about being blank. */
  touched: WeakSet<FieldControl>;
}

let page: Page | null = null;
let saving = false;
let previewSeq = 0;
const saveIds = new RequestIds();

const ruleCtx = () => ({ today: beijingToday(), locale: locale() });

// ── validation ───────────────────────────────────────────────────────────────

/** Checks one control with the shared rules; a table also marks its cells. Returns the message. */
function validate(c: FieldControl): string | null {
  if (!c.editable) return null;
  const message = checkField(c.def, c.read(), ruleCtx());
  c.showError(message);
  if (isTableControl(c)) {
    for (const row of c.filledRows()) for (const cell of row) cell.showError(checkField(cell.def, cell.read(), ruleCtx()));
  }
  return message;
}

/** A typed field longer than its 表单定义 maximum (counted in characters, as the server counts). */
function overLimit(c: FieldControl): boolean {
  const d = c.def;
  if (d.max === null || d.type === 'number' || d.type === 'date' || d.type === 'table' || d.type === 'multiselect') return false;
  const v = c.read();
  return typeof v === 'string' && [...v].length > d.max;
}

function reveal(c: FieldControl): void {
  const section = c.root.closest('details');
  if (section) section.open = true;
  c.focus();
}

const events: ControlEvents = {
  onInput(c) {
    page?.touched.add(c);
    // Too long says so at once (a 200-character paste), in the server's words.
    if (c.hasError() || overLimit(c)) validate(c);
    if (PREVIEW_KEYS.has(c.def.key)) schedulePreview();
  },
  onCommit(c) {
    // Tabbing through an empty field is not a mistake yet; saving will say what is missing.
    if (c.hasError() || page?.touched.has(c)) validate(c);
  },
};

// ── rendering ────────────────────────────────────────────────────────────────

function controlOptions(role: string | null): ControlOptions {
  return { role, events, tableFactory: tableControl };
}

/** The county of a new case, as a select field, for users who choose it (city union, admin). */
function countyDef(model: IntakeFormModel): PageFieldDef {
  return {
    key: 'county',
    zh: '县区',
    en: 'County',
    type: 'select',
    options: model.counties.map((c) => c.code),
    optionLabels: model.counties.map((c) => `${c.name}（${c.code}）`),
    required: true,
    min: null,
    max: null,
    pattern: null,
    section: '',
    editRoles: [],
    order: 0,
  };
}

function render(model: IntakeFormModel): void {
  setLocale(model.locale);
  if (model.access) {
    // Not in 人员权限: one page saying whom to ask, not a form that is refused at 保存.
    page = null;
    el.title.textContent = t('notListedTitle');
    document.title = el.title.textContent;
    el.who.textContent = t('user', model.access.email);
    for (const part of [el.search, el.form, el.preview, el.save.parentElement!]) part.hidden = true;
    // In the alert banner: read out at once, and the only thing on the page.
    fill(el.banner, notListedPanel(model.access));
    el.banner.hidden = false;
    return;
  }
  const role = model.user.role;
  const opts = controlOptions(role);
  const controls: FieldControl[] = [];
  const parts: HTMLElement[] = [];

  const choosesCounty = !model.workerNo && (model.user.county === null || (role !== null && ALL_COUNTY_ROLES.has(role)));
  const county = choosesCounty ? createControl(countyDef(model), opts) : null;
  if (county) {
    const own = model.user.county;
    if (own && model.counties.some((c) => c.code === own)) county.write(own);
    controls.push(county);
    parts.push(h('div', { class: 'county' }, county.root));
  }

  // Sections in the order given; fields the sections list does not know go in a last group.
  const fields = [...(model.fields as PageFieldDef[])].sort((a, b) => a.order - b.order);
  const known = new Set(model.sections.map((s) => s.key));
  const groups = [...model.sections.map((s) => ({ key: s.key, title: label(s) }))];
  if (fields.some((f) => !known.has(f.section))) groups.push({ key: '', title: locale() === 'en' ? 'Other' : '其他' });
  for (const g of groups) {
    const inGroup = fields.filter((f) => (g.key === '' ? !known.has(f.section) : f.section === g.key));
    if (inGroup.length === 0) continue;
    const sectionControls = inGroup.map((f) => createControl(f, opts));
    controls.push(...sectionControls);
    const headingId = uid(`section-${g.key}`);
    parts.push(
      h(
        'details',
        { class: 'section', open: true, 'data-section': g.key },
        h('summary', { id: headingId }, g.title),
        h(
          'div',
          { class: 'section-body', role: 'group', 'aria-labelledby': headingId },
          sectionControls.map((c) => c.root),
        ),
      ),
    );
  }

  // An open case: the family's payments over the years, above its form.
  const history = model.workerNo ? historyTable(model.history ?? []) : null;
  if (history) parts.unshift(history);

  const mayOverride = role !== null && OVERRIDING_ROLES.has(role);
  const preview = new PreviewPanel(mayOverride);
  fill(el.form, parts);
  fill(el.preview, preview.root);

  const values = model.values ?? {};
  for (const c of controls) if (c !== county) c.write(values[c.def.key]);

  page = {
    model,
    controls,
    county,
    preview,
    touched: new WeakSet(),
    workerNo: model.workerNo,
    version: model.version,
  };
  renderChrome();
  if (page.workerNo) void runPreview();
}

/** Page texts that follow the locale and the mode (new case / editing one). */
function renderChrome(): void {
  if (!page) return;
  const { model, workerNo } = page;
  const status = model.status && workerNo === model.workerNo ? `（${model.status}）` : '';
  el.title.textContent = workerNo ? t('intakeTitleEdit', workerNo) + status : t('intakeTitleNew');
  document.title = el.title.textContent;
  const u = model.user;
  const countyName = model.counties.find((c) => c.code === u.county)?.name ?? u.county;
  el.who.textContent = [t('user', u.email), u.roleLabel, countyName].filter((s) => s).join(' · ');
  el.searchSummary.textContent = t('openExisting');
  el.searchLabel.textContent = t('searchLabel');
  el.searchGo.textContent = t('search');
  el.newCase.textContent = t('newCase');
  el.newCase.hidden = !workerNo;
  el.save.textContent = t('save');
  el.save.disabled = false;
  if (u.role === null) announce(el.banner, t('noRole'), 'error');
}

// ── preview ─────────────────────────────────────────────────────────────────

/** What the form holds, for previewCase and saveCase: restricted fields are left out, so the server keeps them. */
function formValues(includeRestricted: boolean): Record<string, Json> {
  const out: Record<string, Json> = {};
  if (!page) return out;
  for (const c of page.controls) {
    if (c === page.county || c.def.computed) continue;
    if (!c.editable && !includeRestricted) continue;
    out[c.def.key] = c.read();
  }
  return out;
}

const schedulePreview = debounce(() => void runPreview(), PREVIEW_DELAY_MS);

async function runPreview(): Promise<void> {
  if (!page) return;
  const current = page;
  const seq = ++previewSeq;
  const values = formValues(true);
  // The case being edited must not count as its own duplicate.
  if (current.workerNo) values.worker_no = current.workerNo;
  current.preview.busy();
  try {
    const result = await call('previewCase', values);
    if (seq !== previewSeq || page !== current) return; // an older answer after a newer question
    current.preview.show(result);
    for (const c of current.controls) {
      if (!c.def.computed) continue;
      const v = (result.derived as Record<string, Json | undefined>)[c.def.key];
      c.write(v ?? '');
    }
  } catch (e) {
    if (seq === previewSeq) current.preview.failed((e as Error).message);
  }
}

// ── save ────────────────────────────────────────────────────────────────────

function showFieldErrors(errors: FieldError[]): FieldControl | null {
  if (!page) return null;
  const unplaced: string[] = [];
  let first: FieldControl | null = null;
  for (const err of errors) {
    const c = page.controls.find((x) => x.def.key === err.field);
    if (c) c.showError(err.message);
    else unplaced.push(err.message);
  }
  for (const c of page.controls) if (!first && c.hasError()) first = c;
  if (unplaced.length > 0) announce(el.banner, unplaced.join('；'), 'error');
  return first;
}

function setSaving(on: boolean): void {
  saving = on;
  // aria-disabled rather than disabled: a disabled button loses keyboard focus mid-save.
  el.save.setAttribute('aria-disabled', String(on));
  el.save.setAttribute('aria-busy', String(on));
  el.save.textContent = on ? t('saving') : t('save');
}

async function save(): Promise<void> {
  if (!page || saving) return;
  const current = page;
  announce(el.banner, '');
  const invalid = current.controls.filter((c) => validate(c) !== null);
  if (invalid.length > 0) {
    announce(el.status, t('fixErrors', invalid.length), 'error');
    reveal(invalid[0]);
    return;
  }
  const override = current.preview.check();
  if (!override.ok) {
    announce(el.status, override.message, 'error');
    return;
  }
  const payload: Omit<SaveCaseRequest, 'requestId'> = {
    ...(current.workerNo ? { workerNo: current.workerNo, version: current.version } : {}),
    ...(current.county ? { county: String(current.county.read()) } : {}),
    values: formValues(false),
    ...(override.reason ? { override: { reason: override.reason } } : {}),
  };
  const requestId = saveIds.idFor(payload);
  setSaving(true);
  announce(el.status, t('saving'), 'busy');
  try {
    const result = await call('saveCase', { requestId, ...payload });
    if (page !== current) return;
    if (result.ok) {
      saveIds.done();
      current.workerNo = result.workerNo;
      current.version = result.version;
      if (current.county) current.county.root.closest('.county')?.remove();
      current.controls = current.controls.filter((c) => c !== current.county);
      current.county = null;
      current.preview.reset();
      renderChrome();
      announce(el.status, result.message || t('intakeTitleEdit', result.workerNo), 'ok');
    } else {
      const first = showFieldErrors(result.errors);
      current.preview.setWarnings(result.warnings);
      announce(el.status, result.message, 'error');
      if (first) reveal(first);
    }
  } catch (e) {
    announce(el.status, '');
    announce(el.banner, `${t('saveFailed', (e as Error).message)} ${t('retryHint')}`, 'error');
  } finally {
    setSaving(false);
  }
}

// ── loading and search ──────────────────────────────────────────────────────

async function load(workerNo?: string): Promise<void> {
  announce(el.banner, '');
  try {
    const model = await call('getIntakeForm', ...(workerNo ? [workerNo] : []));
    render(model);
    if (workerNo) announce(el.status, t('opened', workerNo), 'info');
  } catch (e) {
    announce(el.banner, t(workerNo ? 'openFailed' : 'loadFailed', (e as Error).message), 'error');
  }
}

async function search(): Promise<void> {
  const text = el.searchText.value.trim();
  fill(el.searchResults);
  if (text === '') {
    announce(el.searchStatus, t('searchEmpty'), 'error');
    el.searchText.focus();
    return;
  }
  announce(el.searchStatus, t('searching'), 'busy');
  try {
    const found = await call('searchCases', text);
    announce(el.searchStatus, found.length === 0 ? t('noMatch') : t('matches', found.length), 'info');
    fill(el.searchResults, found.map(resultItem));
  } catch (e) {
    announce(el.searchStatus, t('serverError', (e as Error).message), 'error');
  }
}

function resultItem(c: CaseSummaryDto): HTMLElement {
  const open = h(
    'button',
    { type: 'button', class: 'result' },
    h('strong', {}, c.workerNo),
    ` ${c.name}`,
    h('span', { class: 'muted' }, ` · ${c.statusLabel}`),
  );
  open.addEventListener('click', async () => {
    await load(c.workerNo);
    el.search.open = false;
    el.title.focus();
  });
  return h('li', {}, open);
}

function boot(): void {
  // No implicit submission: Enter in a field must not save half a form.
  el.form.addEventListener('submit', (e) => e.preventDefault());
  el.title.tabIndex = -1;
  el.save.addEventListener('click', () => void save());
  el.searchGo.addEventListener('click', () => void search());
  el.searchText.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void search();
    }
  });
  el.newCase.addEventListener('click', () => {
    void load().then(() => el.title.focus());
    el.search.open = false;
  });
  void load();
}

boot();
