// A keyboard-first type-ahead field (WAI-ARIA combobox with a listbox): type to search,
// ↑/↓ to move, Enter or Tab to choose, Esc to close the list. Suggestions come from an async
// `source`, so the core does the matching; everything shown goes in as text.
//
// The visible input carries the field's `name`, so a core error naming that field lands on
// it; the chosen item is read with `picked()`, not from the input's text.

import { debounce, h } from './dom.js';

let counter = 0;

/**
 * typeahead({ name, label, placeholder, source: async (text) => [{ id, label, detail, text }],
 *             onPick(item|null), create: async (text) => item | null, createLabel: (text) => string,
 *             required, hint, value: item })
 * Returns { el, input, picked(), set(item), clear(), focus() }.
 */
export function typeahead({ name, label, placeholder = '', source, onPick = () => {}, create = null, createLabel = (t) => `Add “${t}”`, required = false, hint = null, value = null }) {
  const id = `ta-${name}-${++counter}`;
  const listId = `${id}-list`;
  const input = h('input', {
    id, name, type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder,
    role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId,
    dataset: { typeahead: name },
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'typeahead-list', hidden: true, dataset: { typeaheadList: name }, 'aria-label': label });
  const status = h('span', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const el = h('div', { class: 'field typeahead' },
    h('label', { for: id }, label, required ? h('span', { class: 'muted' }, ' *') : null),
    h('div', { class: 'typeahead-box' }, input, list),
    hint && h('div', { class: 'hint' }, hint),
    status,
    h('div', { class: 'error', 'data-error-for': name, role: 'alert' }));

  let items = [];
  let active = -1;
  let chosen = null;
  let seq = 0;

  function open() { return !list.hidden; }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function render() {
    list.replaceChildren(...items.map((item, i) => h('li', {
      id: `${id}-opt-${i}`, role: 'option', class: ['typeahead-option', item.create && 'create'],
      'aria-selected': i === active ? 'true' : 'false', dataset: { option: item.label, index: String(i) },
      onmousedown: (e) => { e.preventDefault(); pick(i); },
    }, h('span', { class: 'typeahead-label' }, item.label), item.detail ? h('span', { class: 'typeahead-detail' }, item.detail) : null)));
    if (!items.length) {
      list.append(h('li', { class: 'typeahead-empty', role: 'presentation' }, input.value.trim() ? 'Nothing matches' : 'Start typing'));
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `${id}-opt-${active}`);
    else input.removeAttribute('aria-activedescendant');
    status.textContent = items.length ? `${items.length} suggestion${items.length === 1 ? '' : 's'}` : 'No suggestions';
  }

  async function refresh() {
    const text = input.value;
    const mine = ++seq;
    let found = [];
    try {
      found = await source(text.trim());
    } catch {
      found = [];
    }
    if (mine !== seq || document.activeElement !== input) return;
    const exact = found.some((f) => f.label.toLowerCase() === text.trim().toLowerCase());
    if (create && text.trim() && !exact) found = [...found, { create: true, label: createLabel(text.trim()), detail: '', text: text.trim() }];
    items = found;
    active = items.length ? 0 : -1;
    // Which text these suggestions answer, so a test can wait for the list to catch up.
    list.dataset.query = text.trim();
    render();
  }
  const refreshSoon = debounce(refresh, 120);

  async function pick(i) {
    let item = items[i];
    if (!item) return;
    if (item.create) {
      try {
        item = await create(item.text);
      } catch (err) {
        item = null;
        onPick(null, err);
      }
      if (!item) return;
    }
    set(item);
    close();
    onPick(item);
  }

  function set(item) {
    chosen = item;
    input.value = item ? item.text || item.label : '';
    input.removeAttribute('aria-invalid');
    input.dataset.picked = item ? item.id : '';
  }

  function move(by) {
    if (!items.length) return;
    active = (active + by + items.length) % items.length;
    render();
    const el = list.querySelector(`[data-index="${active}"]`);
    if (el && el.scrollIntoView) el.scrollIntoView({ block: 'nearest' });
  }

  input.addEventListener('input', () => {
    if (chosen && input.value !== (chosen.text || chosen.label)) {
      chosen = null;
      input.dataset.picked = '';
      onPick(null);
    }
    refreshSoon();
  });
  input.addEventListener('focus', () => { if (!chosen) refresh(); });
  input.addEventListener('blur', () => { seq++; close(); });
  input.addEventListener('keydown', (e) => {
    if (e.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open()) { refresh(); return; }
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter' && open() && active >= 0) {
      // Choosing comes first; the next Enter saves the form.
      e.preventDefault();
      e.stopPropagation();
      pick(active);
    } else if (e.key === 'Tab' && open() && active >= 0 && !chosen && input.value.trim()) {
      pick(active);
    } else if (e.key === 'Escape' && open()) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  });

  if (value) set(value);

  return {
    el,
    input,
    picked: () => chosen,
    set: (item) => { set(item); },
    clear: () => { set(null); },
    focus: () => input.focus(),
  };
}
