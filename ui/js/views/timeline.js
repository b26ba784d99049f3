// A customer's timeline: every entry, complaint, remedy and decision in date order, with
// filters, paging, quick capture, .eml import and files dropped on the window.

import * as api from '../api.js';
import { debounce, h, icon } from '../dom.js';
import { setDropTarget } from '../drop.js';
import { captureEvent } from '../evidence/event-dialog.js';
import { filesCard, pickInto } from '../evidence/files.js';
import { timelineRow } from '../evidence/timeline-items.js';
import { CAPTURE_KINDS, EVENT_KIND } from '../evidence/words.js';
import { ICONS } from '../icons.js';
import { pagedList } from '../paged.js';
import { register } from '../shortcuts.js';
import { showError, toast } from '../ui.js';

const onThisScreen = () => /^#\/customers\/[^/]+\/timeline/.test(location.hash);
register({ keys: 'n', label: 'Log a timeline entry', group: 'Timeline', when: onThisScreen, run: () => document.querySelector('[data-action="log-entry"]')?.click() });
register({ keys: 'i', label: 'Import e-mails (.eml)…', group: 'Timeline', when: onThisScreen, run: () => document.querySelector('[data-action="import-eml"]')?.click() });
register({ keys: '/', label: 'Filter the timeline', group: 'Timeline', when: onThisScreen, run: () => document.querySelector('[data-filter="kind"]')?.focus() });

const KIND_FILTERS = [
  ['', 'Everything'],
  ...[...CAPTURE_KINDS, 'account_transfer', 'status_change'].map((k) => [k, EVENT_KIND[k]]),
  ['complaint', 'Complaints'],
  ['remedy', 'Remedies'],
  ['decision_record', 'Decision records'],
  ['promise', 'Promises'],
];

export async function render(container, params, ctx) {
  let detail;
  try {
    detail = await api.getAccount(params.id);
  } catch (err) {
    container.append(h('div', { class: 'card' }, h('div', { class: 'empty' }, h('h3', {}, 'Customer not found'), h('p', {}, err.message))));
    return null;
  }
  const a = detail.account;
  // A search hit opens the timeline on its day (#/customers/:id/timeline/:day).
  const day = /^\d{4}-\d{2}-\d{2}$/.test(params.day || '') ? params.day : '';
  const filter = { kind: '', from: day, to: day, disputed: false, superseded: true, order: 'newest' };
  const list = pagedList({
    name: 'timeline',
    limit: 50,
    load: (offset, limit) => api.getTimeline({
      account_id: a.id,
      kinds: filter.kind ? [filter.kind] : [],
      from: filter.from || null,
      to: filter.to || null,
      disputed: filter.disputed ? true : null,
      superseded: filter.superseded ? null : false,
      order: filter.order,
      offset,
      limit,
    }),
    item: (item) => timelineRow(item, reload),
    wrap: (rows) => h('ol', { class: 'timeline', dataset: { timeline: a.name } }, rows),
    empty: () => h('div', { class: 'empty', dataset: { empty: 'timeline' } },
      h('h3', {}, filter.kind || filter.from || filter.to || filter.disputed ? 'Nothing matches these filters' : 'Nothing on the timeline yet'),
      h('p', {}, 'Log calls, meetings and notes as they happen, or drop e-mails (.eml) and files on this window.')),
  });
  const files = filesCard({ label: `${a.name}`, target: { account_id: a.id }, done: () => files.reload() }, { title: 'Customer files' });
  async function reload() {
    await list.reload();
    await files.reload();
  }
  const target = { label: `${a.name}’s timeline`, target: { account_id: a.id }, done: reload };
  setDropTarget(target);

  const refilter = () => list.reset().catch(showError);
  const kind = h('select', { 'aria-label': 'Kind', dataset: { filter: 'kind' } }, KIND_FILTERS.map(([v, t]) => h('option', { value: v }, t)));
  kind.addEventListener('change', () => { filter.kind = kind.value; refilter(); });
  const dateInput = (name, label) => {
    const el = h('input', { type: 'text', placeholder: label, 'aria-label': label, class: 'date-filter', dataset: { filter: name }, autocomplete: 'off', value: filter[name] });
    el.addEventListener('input', debounce(() => {
      const v = el.value.trim();
      const ok = v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v);
      el.setAttribute('aria-invalid', ok ? 'false' : 'true');
      if (ok) { filter[name] = v; refilter(); }
    }, 300));
    return el;
  };
  const check = (name, label, checked) => {
    const el = h('input', { type: 'checkbox', checked, dataset: { filter: name } });
    el.addEventListener('change', () => { filter[name] = el.checked; refilter(); });
    return h('label', { class: 'check-filter' }, el, label);
  };
  const order = h('select', { 'aria-label': 'Order', dataset: { filter: 'order' } }, h('option', { value: 'newest' }, 'Newest first'), h('option', { value: 'oldest' }, 'Oldest first'));
  order.addEventListener('change', () => { filter.order = order.value; refilter(); });

  container.append(
    h('div', { class: 'page-head evidence-head' },
      h('div', {},
        h('a', { class: 'back', href: `#/customers/${a.id}` }, `← ${a.name}`),
        h('h1', { dataset: { timelineTitle: '' } }, `Timeline — ${a.name}`),
        h('div', { class: 'sub' }, a.communicator_name ? `Single communicator: ${a.communicator_name}. ` : '', 'What happened, when, and who says so. Corrections supersede; nothing is erased.')),
      h('span', { class: 'spacer' }),
      h('button', { class: 'btn', type: 'button', dataset: { action: 'import-eml' }, onclick: () => pickInto(target, true) }, 'Import e-mails…'),
      h('button', { class: 'btn primary', type: 'button', dataset: { action: 'log-entry' },
        onclick: async () => { if (await captureEvent({ accountId: a.id })) { toast('Entry saved.'); await reload(); } } }, icon(ICONS.plus), 'Log an entry')),
    h('div', { class: 'drop-hint' }, 'Drop .eml e-mails or files anywhere on this window to add them to this customer.'),
    h('div', { class: 'card' },
      h('div', { class: 'card-head filters' }, kind, dateInput('from', 'From 2026-01-01'), dateInput('to', 'To 2026-12-31'),
        check('disputed', 'Disputed only', false), check('superseded', 'Show superseded', true), h('span', { class: 'spacer' }), order),
      list.el),
    files.el);
  try {
    await list.reload();
  } catch (err) {
    showError(err);
  }
  return () => setDropTarget(null);
}
