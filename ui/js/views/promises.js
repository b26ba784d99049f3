// The promise ledger: every promise, soonest due first, with filters for status, promiser,
// customer, overdue, due within 7 days and not in writing. Paged, so at most one page of
// rows is ever drawn. Overdue rows are marked, and the list redraws when a new day begins.

import * as api from '../api.js';
import { debounce, h, icon, mount } from '../dom.js';
import { ICONS } from '../icons.js';
import { pagedList } from '../paged.js';
import { onLedgerChange, promiseRow, promiseTable } from '../promise-bits.js';
import { register } from '../shortcuts.js';
import { showError } from '../ui.js';

const onThisScreen = () => location.hash === '#/promises';
register({ keys: 'n', label: 'Log a promise (full form)', group: 'Promises', when: onThisScreen, run: () => document.querySelector('[data-action="new-promise"]')?.click() });
register({ keys: '/', label: 'Search the promises', group: 'Promises', when: onThisScreen, run: () => document.querySelector('[data-filter="search"]')?.focus() });

const EMPTY = { status: '', made_by_id: '', account_id: '', overdue: false, due_within_days: null, not_in_writing: false, disputed: false, search: '' };
// The ledger opens on what is still live; "Any status" shows the whole history.
const OPEN = { ...EMPTY, status: 'open' };
// Kept while the window is open, so coming back to the ledger finds the same view.
let filter = { ...OPEN };

/** Open the ledger with a filter, e.g. one promiser's promises from the Promisers table. */
export function showLedger(f) {
  filter = { ...EMPTY, ...f };
  location.hash = '#/promises';
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function render(container, _params, ctx) {
  const [people, accounts] = await Promise.all([
    api.listPeople({ side: 'internal', limit: 200 }).catch(() => ({ items: [] })),
    api.listAccounts({ limit: 200 }).catch(() => ({ items: [] })),
  ]);
  const figures = h('div', { class: 'figures', dataset: { promiseFigures: '' } });
  const list = pagedList({
    name: 'promises',
    limit: 100,
    load: (offset, limit) => api.listPromises({ ...query(), offset, limit }),
    item: (p) => promiseRow(p),
    wrap: (rows) => promiseTable(rows),
    empty: () => (same(filter, OPEN)
      ? h('div', { class: 'empty', dataset: { empty: 'promises' } }, h('h3', {}, 'No open promises'),
        h('p', {}, 'Nothing is waiting to be kept. Press Ctrl+L anywhere to log a promise in seconds.'),
        h('div', { class: 'row center' },
          h('button', { class: 'btn primary', type: 'button', onclick: capture }, 'Log a promise'),
          h('button', { class: 'btn', type: 'button', onclick: () => set({ status: '' }) }, 'Show all promises')))
      : isFiltered()
      ? h('div', { class: 'empty', dataset: { empty: 'promises-filtered' } }, h('h3', {}, 'No promise matches'), h('p', {}, 'Try fewer filters.'),
        h('button', { class: 'btn', type: 'button', onclick: () => { filter = { ...EMPTY }; drawFilters(); reload(); } }, 'Clear filters'))
      : h('div', { class: 'empty', dataset: { empty: 'promises' } }, h('h3', {}, 'No promises yet'),
        h('p', {}, 'Write down every promise made to a customer: who made it, what exactly, and by when. Press Ctrl+L anywhere to log one in seconds.'),
        h('button', { class: 'btn primary', type: 'button', onclick: capture }, 'Log the first promise'))),
  });
  const filters = h('div', { class: 'filters', dataset: { promiseFilters: '' } });

  function query() {
    return {
      status: filter.status || null,
      made_by_id: filter.made_by_id || null,
      account_id: filter.account_id || null,
      overdue: filter.overdue,
      due_within_days: filter.due_within_days,
      not_in_writing: filter.not_in_writing,
      disputed: filter.disputed,
      search: filter.search || null,
    };
  }
  function isFiltered() {
    return !same(filter, EMPTY);
  }
  async function reload() {
    try {
      await Promise.all([list.reset(), drawFigures()]);
    } catch (err) {
      showError(err);
    }
  }
  function set(change) {
    filter = { ...filter, ...change };
    drawFilters();
    reload();
  }

  async function drawFigures() {
    const c = await api.promiseCounts();
    const figure = (label, n, f, danger = false) => h('button', {
      type: 'button', class: ['figure', 'figure-button', danger && n ? 'danger' : '', same(filter, { ...EMPTY, ...f }) && 'active'], dataset: { figure: label },
      onclick: () => { filter = { ...EMPTY, ...f }; drawFilters(); reload(); },
    }, h('div', { class: 'value' }, String(n)), h('div', { class: 'label' }, label));
    mount(figures,
      figure('Open', c.open, { status: 'open' }),
      figure('Overdue', c.overdue, { overdue: true }, true),
      figure('Due within 7 days', c.due_within_7_days, { due_within_days: 7 }),
      figure('Open, not in writing', c.not_in_writing, { status: 'open', not_in_writing: true }));
  }

  function drawFilters() {
    const select = (name, label, value, options) => {
      const el = h('select', { 'aria-label': label, dataset: { filter: name } },
        options.map(([v, t]) => h('option', { value: v, selected: String(v) === String(value || '') }, t)));
      el.addEventListener('change', () => set({ [name]: el.value }));
      return el;
    };
    const toggle = (name, label, on, value = true) => h('button', {
      type: 'button', class: ['chip', on && 'on'], 'aria-pressed': on ? 'true' : 'false', dataset: { filter: name },
      onclick: () => set({ [name]: on ? EMPTY[name] : value }),
    }, label);
    const search = h('input', { type: 'search', class: 'search-input', placeholder: 'Search what was promised', 'aria-label': 'Search the promises', value: filter.search, dataset: { filter: 'search' } });
    search.addEventListener('input', debounce(() => { filter.search = search.value; reload(); }, 200));
    mount(filters,
      search,
      select('status', 'Status', filter.status, [['', 'Any status'], ['open', 'Open'], ['kept', 'Kept'], ['broken', 'Broken'], ['withdrawn', 'Withdrawn']]),
      select('made_by_id', 'Made by', filter.made_by_id, [['', 'Anyone'], ...people.items.map((p) => [p.id, p.name])]),
      select('account_id', 'Customer', filter.account_id, [['', 'Any customer'], ...accounts.items.map((s) => [s.account.id, s.account.name])]),
      toggle('overdue', 'Overdue', filter.overdue),
      toggle('due_within_days', 'Due within 7 days', !!filter.due_within_days, 7),
      toggle('not_in_writing', 'Not in writing', filter.not_in_writing),
      toggle('disputed', 'Disputed', filter.disputed),
      isFiltered() ? h('button', { type: 'button', class: 'btn small ghost', dataset: { action: 'clear-filters' }, onclick: () => { filter = { ...EMPTY }; drawFilters(); reload(); } }, 'Clear filters') : null);
  }

  async function capture() {
    const m = await import('../promise-capture.js');
    const p = await m.quickCapture();
    if (p) reload();
  }
  async function full() {
    const m = await import('../promise-capture.js');
    const p = await m.promiseForm(null, ctx);
    if (p) reload();
  }

  container.append(
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Promises'), h('div', { class: 'sub' }, 'Every promise made to a customer, from made to kept or broken. Soonest due first.')),
      h('span', { class: 'spacer' }),
      h('button', { class: 'btn', type: 'button', dataset: { action: 'new-promise' }, onclick: full }, 'Full form…'),
      h('button', { class: 'btn primary', type: 'button', dataset: { action: 'log-promise' }, onclick: capture, title: 'Ctrl+L anywhere' },
        icon(ICONS.plus), 'Log a promise', h('span', { class: 'kbd on-accent' }, 'Ctrl+L'))),
    figures,
    h('div', { class: 'card' }, h('div', { class: 'card-head' }, filters), list.el));
  drawFilters();
  await reload();
  return onLedgerChange(() => reload());
}
