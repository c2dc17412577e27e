/**
 * A table field (household members) as a repeating group: one fieldset per row, its
 * sub-fields from `columns`, and add/remove buttons. Sub-fields are checked one by one on
 * blur; the table as a whole (row count, every row) is checked on save by the shared rules.
 */
import type { Json } from '../../shared/endpoints';
import { isBlankValue } from '../../domain/forms/values';
import { describedBy, h, uid } from '../lib/dom';
import { label, orList, roleName, t } from '../lib/i18n';
import { createControl, type ControlOptions, type FieldControl, type PageFieldDef } from './fieldControls';

interface Row {
  root: HTMLFieldSetElement;
  legend: HTMLLegendElement;
  remove: HTMLButtonElement;
  cells: FieldControl[];
}

export interface TableControl extends FieldControl {
  /** The sub-field controls of each row that holds anything (blank rows are ignored, as the rules do). */
  filledRows(): FieldControl[][];
}

export function isTableControl(c: FieldControl): c is TableControl {
  return 'filledRows' in c;
}

export function tableControl(def: PageFieldDef, opts: ControlOptions, editable: boolean): TableControl {
  const columns = def.columns ?? [];
  const rows: Row[] = [];
  const helpId = uid(`${def.key}-help`);
  const errorId = uid(`${def.key}-error`);
  const liveId = uid(`${def.key}-live`);
  const notes = [def.help, editable ? '' : t('notEditable', orList(def.editRoles.map(roleName)))].filter((s) => s);
  const list = h('div', { class: 'rows' });
  const empty = h('p', { class: 'muted empty-rows' }, t('noRows'));
  const add = h('button', { type: 'button', class: 'secondary add-row', disabled: !editable }, `＋ ${t('addRow')}`);
  const error = h('p', { class: 'field-error', id: errorId, role: 'alert', hidden: true });
  // Adding and removing rows changes the page out of the reader's sight: say so politely.
  const live = h('p', { class: 'visually-hidden', id: liveId, 'aria-live': 'polite' });
  const root = h(
    'fieldset',
    { class: 'field type-table', 'data-field': def.key },
    h('legend', {}, label(def)),
    notes.length ? h('p', { class: 'help', id: helpId }, notes.join('；')) : null,
    list,
    empty,
    add,
    error,
    live,
  );
  if (notes.length) describedBy(root, helpId, true);

  const renumber = () => {
    rows.forEach((r, i) => {
      r.legend.textContent = t('rowHeading', i + 1);
      r.remove.textContent = t('removeRow', i + 1);
    });
    empty.hidden = rows.length > 0;
    add.disabled = !editable || (def.max !== null && rows.length >= def.max);
  };

  const addRow = (values: Record<string, Json> = {}): Row => {
    const legend = h('legend', {});
    const remove = h('button', { type: 'button', class: 'link remove-row', disabled: !editable });
    const cells = columns.map((col) => {
      // Sub-fields follow the table's edit rights, not their own (they have no section of their own).
      const c = createControl({ ...col, editRoles: def.editRoles }, opts);
      c.root.dataset.field = `${def.key}.${col.key}`; // the 表单定义 key of a sub-field
      c.write(values[col.key]);
      return c;
    });
    const rowRoot = h(
      'fieldset',
      { class: 'row' },
      legend,
      cells.map((c) => c.root),
      remove,
    );
    const row: Row = { root: rowRoot, legend, remove, cells };
    remove.addEventListener('click', () => {
      const i = rows.indexOf(row);
      if (i < 0) return;
      rows.splice(i, 1);
      rowRoot.remove();
      renumber();
      live.textContent = t('rowRemoved');
      // Keep the keyboard user near where they were.
      const next = rows[Math.min(i, rows.length - 1)]?.cells[0];
      if (next) next.focus();
      else add.focus();
      opts.events.onInput(control);
    });
    rows.push(row);
    list.append(rowRoot);
    renumber();
    return row;
  };

  add.addEventListener('click', () => {
    const row = addRow();
    live.textContent = t('rowAdded', rows.length);
    row.cells[0]?.focus();
    opts.events.onInput(control);
  });
  renumber();

  const isFilled = (r: Row) => !r.cells.every((c) => isBlankValue(c.read()));
  const control: TableControl = {
    def,
    root,
    editable,
    filledRows: () => rows.filter(isFilled).map((r) => r.cells),
    read() {
      return rows.filter(isFilled).map((r) => Object.fromEntries(r.cells.map((c) => [c.def.key, c.read()])) as Record<string, Json>);
    },
    write(v) {
      for (const r of rows) r.root.remove();
      rows.length = 0;
      const data = Array.isArray(v) ? v : typeof v === 'string' && v.trim() !== '' ? safeRows(v) : [];
      for (const r of data) if (r && typeof r === 'object' && !Array.isArray(r)) addRow(r as Record<string, Json>);
      renumber();
    },
    showError(message) {
      error.textContent = message ?? '';
      error.hidden = message === null;
      root.classList.toggle('invalid', message !== null);
      describedBy(root, errorId, message !== null);
      if (message === null) for (const r of rows) for (const c of r.cells) c.showError(null);
    },
    hasError: () => !error.hidden,
    focus() {
      const target = rows.flatMap((r) => r.cells).find((c) => c.hasError()) ?? rows[0]?.cells[0];
      if (target) target.focus();
      else add.focus();
    },
  };
  return control;
}

function safeRows(text: string): Json[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? (v as Json[]) : [];
  } catch {
    return [];
  }
}
