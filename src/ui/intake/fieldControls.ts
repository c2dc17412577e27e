/**
 * One labelled control per 表单定义 field type, with its help text and its error line.
 * Every control reads and writes the JSON value the server expects (normalized by the same
 * helpers the server uses), so what the page validates is what the server will see.
 */
import type { FieldDefDto, Json } from '../../shared/endpoints';
import { normalizeValue } from '../../domain/forms/values';
import { isNameField, nameWarning } from '../../domain/forms/nameCheck';
import { describedBy, h, uid } from '../lib/dom';
import { label, locale, orList, roleName, t } from '../lib/i18n';

/**
 * A field as the server sends it. `optionLabels` is not in the FieldDefDto contract yet, but
 * the server passes FieldDef through, which has it for coded choices (scheme `medical` →
 * 特困职工医疗救助); the page shows the label and stores the code.
 */
export type PageFieldDef = FieldDefDto & { optionLabels?: string[]; columns?: PageFieldDef[] };

export interface ControlEvents {
  /** Typing or ticking: the value may have changed (the preview listens). */
  onInput(control: FieldControl): void;
  /** Leaving a field or a committed change: time to validate it. */
  onCommit(control: FieldControl): void;
}

export interface FieldControl {
  readonly def: PageFieldDef;
  /** The wrapper, holding label, input, help and error line. */
  readonly root: HTMLElement;
  /** Whether the user types into it (not computed, not restricted to other roles). */
  readonly editable: boolean;
  read(): Json;
  write(value: Json | undefined): void;
  showError(message: string | null): void;
  hasError(): boolean;
  focus(): void;
}

export interface ControlOptions {
  role: string | null;
  events: ControlEvents;
  /** Table controls build their row controls through this (avoids an import cycle). */
  tableFactory?: (def: PageFieldDef, opts: ControlOptions, editable: boolean) => FieldControl;
}

/** Empty editRoles = everyone who may edit the case; otherwise the user's role must be listed. */
export function mayEdit(def: PageFieldDef, role: string | null): boolean {
  return def.editRoles.length === 0 || (role !== null && def.editRoles.includes(role));
}

/** The text shown for a stored option value (its label when the option is a code). */
export function optionText(def: PageFieldDef, value: string): string {
  const i = def.optionLabels ? def.options.indexOf(value) : -1;
  return i >= 0 ? def.optionLabels![i] : value;
}

/** Label, help line, error line and the ids that tie them to the input. */
function scaffold(def: PageFieldDef, inputId: string, editable: boolean) {
  const helpId = uid(`${def.key}-help`);
  const errorId = uid(`${def.key}-error`);
  const notes: string[] = [];
  if (def.help) notes.push(def.help);
  if (!def.computed && !editable) notes.push(t('notEditable', orList(def.editRoles.map(roleName))));
  const help = notes.length > 0 ? h('p', { class: 'help', id: helpId }, notes.join('；')) : null;
  // role="alert": the message is announced when it appears, wherever focus is.
  const error = h('p', { class: 'field-error', id: errorId, role: 'alert', hidden: true });
  const labelEl = h(
    'label',
    { for: inputId },
    label(def),
    def.required && !def.computed ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null,
    def.computed ? h('span', { class: 'tag' }, t('computedHint')) : null,
  );
  return { help, helpId: help ? helpId : null, error, errorId, labelEl };
}

/** Error display shared by every control: text, aria-invalid and aria-describedby. */
function errorSlot(error: HTMLElement, errorId: string, targets: () => Element[], root: HTMLElement) {
  return {
    showError(message: string | null) {
      error.textContent = message ?? '';
      error.hidden = message === null;
      root.classList.toggle('invalid', message !== null);
      for (const el of targets()) {
        describedBy(el, errorId, message !== null);
        if (message !== null) el.setAttribute('aria-invalid', 'true');
        else el.removeAttribute('aria-invalid');
      }
    },
    hasError: () => !error.hidden,
  };
}

type InputAttrs = Record<string, string | boolean>;

/** The per-type attributes of a one-line input: keyboards on phones, no spellcheck on numbers. */
function inputAttrs(def: PageFieldDef): InputAttrs {
  switch (def.type) {
    case 'number':
      return { type: 'text', inputmode: 'decimal', autocomplete: 'off' };
    case 'date':
      return { type: 'date' };
    // No maxlength anywhere: the browser would cut a pasted text silently, and the server's
    // “长度不能大于 30 个字” would never show. The shared rules say it instead (main.ts checks
    // an over-long field as it is typed).
    case 'idcard':
      return { type: 'text', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'characters' };
    case 'phone':
      return { type: 'tel', inputmode: 'tel', autocomplete: 'off' };
    case 'card':
      return { type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false' };
    default:
      return { type: 'text' };
  }
}

function textControl(def: PageFieldDef, opts: ControlOptions, editable: boolean): FieldControl {
  const id = uid(def.key);
  const s = scaffold(def, id, editable);
  // A computed choice (sex, hardship category) is shown as read-only text, not a select.
  const attrs: InputAttrs = def.computed ? { type: 'text' } : inputAttrs(def);
  const input = h('input', {
    id,
    name: def.key,
    ...attrs,
    readonly: def.computed === true,
    disabled: !def.computed && !editable,
    'aria-required': def.required && !def.computed ? 'true' : false,
  });
  if (s.helpId) describedBy(input, s.helpId, true);
  // A name gets a warning line (digits, formula characters, emoji): shown as typed, never blocking.
  const warnId = uid(`${def.key}-warning`);
  const warning = isNameField(def) && editable ? h('p', { class: 'field-warning', id: warnId, role: 'status', hidden: true }) : null;
  const showWarning = () => {
    if (!warning) return;
    const w = nameWarning(input.value, def);
    warning.textContent = w ? (locale() === 'en' ? w[1] : w[0]) : '';
    warning.hidden = w === null;
    describedBy(input, warnId, w !== null);
  };
  const root = h(
    'div',
    { class: `field type-${def.type}${def.computed ? ' computed' : ''}`, 'data-field': def.key },
    s.labelEl,
    input,
    s.help,
    warning,
    s.error,
  );
  input.addEventListener('input', () => {
    showWarning();
    opts.events.onInput(control);
  });
  input.addEventListener('change', () => opts.events.onCommit(control));
  input.addEventListener('blur', () => opts.events.onCommit(control));
  const slot = errorSlot(s.error, s.errorId, () => [input], root);
  const control: FieldControl = {
    def,
    root,
    editable: editable && !def.computed,
    read: () => normalizeValue(def, input.value),
    write(v) {
      if (v === undefined || v === null) input.value = '';
      else if (def.computed && def.type === 'select') input.value = optionText(def, String(v));
      else input.value = Array.isArray(v) ? v.join('、') : typeof v === 'object' ? JSON.stringify(v) : String(v);
      showWarning();
    },
    ...slot,
    focus: () => input.focus(),
  };
  return control;
}

function selectControl(def: PageFieldDef, opts: ControlOptions, editable: boolean): FieldControl {
  const id = uid(def.key);
  const s = scaffold(def, id, editable);
  const select = h(
    'select',
    { id, name: def.key, disabled: !editable, 'aria-required': def.required ? 'true' : false },
    h('option', { value: '' }, t('choose')),
    def.options.map((o) => h('option', { value: o }, optionText(def, o))),
  );
  if (s.helpId) describedBy(select, s.helpId, true);
  const root = h('div', { class: 'field type-select', 'data-field': def.key }, s.labelEl, select, s.help, s.error);
  select.addEventListener('change', () => {
    opts.events.onInput(control);
    opts.events.onCommit(control);
  });
  select.addEventListener('blur', () => opts.events.onCommit(control));
  const control: FieldControl = {
    def,
    root,
    editable,
    read: () => normalizeValue(def, select.value),
    write(v) {
      const text = v === undefined || v === null ? '' : String(v);
      // A stored value no longer among the options stays visible, so the rule can name it.
      if (text !== '' && !def.options.includes(text)) select.append(h('option', { value: text }, text));
      select.value = text;
    },
    ...errorSlot(s.error, s.errorId, () => [select], root),
    focus: () => select.focus(),
  };
  return control;
}

/** A group of checkboxes in a fieldset: the legend names the group, each box has its label. */
function multiselectControl(def: PageFieldDef, opts: ControlOptions, editable: boolean): FieldControl {
  const s = scaffold(def, '', editable);
  const boxes = def.options.map((o) => {
    const id = uid(`${def.key}-opt`);
    const box = h('input', { type: 'checkbox', id, name: def.key, value: o, disabled: !editable });
    box.addEventListener('change', () => {
      opts.events.onInput(control);
      opts.events.onCommit(control);
    });
    return { box, row: h('div', { class: 'check' }, box, h('label', { for: id }, optionText(def, o))) };
  });
  const legend = h('legend', {}, label(def), def.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null);
  const root = h(
    'fieldset',
    { class: 'field type-multiselect', 'data-field': def.key, 'aria-required': def.required ? 'true' : false },
    legend,
    h(
      'div',
      { class: 'checks' },
      boxes.map((b) => b.row),
    ),
    s.help,
    s.error,
  );
  if (s.helpId) describedBy(root, s.helpId, true);
  const control: FieldControl = {
    def,
    root,
    editable,
    read: () =>
      normalizeValue(
        def,
        boxes.filter((b) => b.box.checked).map((b) => b.box.value),
      ),
    write(v) {
      const chosen = new Set(Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(/[、,，|]/).map((x) => x.trim()) : []);
      for (const b of boxes) b.box.checked = chosen.has(b.box.value);
    },
    ...errorSlot(s.error, s.errorId, () => [root], root),
    focus: () => boxes[0]?.box.focus(),
  };
  return control;
}

/** The control for one field, by its type. */
export function createControl(def: PageFieldDef, opts: ControlOptions): FieldControl {
  const editable = mayEdit(def, opts.role);
  if (def.type === 'table') {
    if (!opts.tableFactory) throw new Error('table fields need a tableFactory');
    return opts.tableFactory(def, opts, editable);
  }
  if (def.computed) return textControl(def, opts, false);
  if (def.type === 'select') return selectControl(def, opts, editable);
  if (def.type === 'multiselect') return multiselectControl(def, opts, editable);
  return textControl(def, opts, editable);
}
