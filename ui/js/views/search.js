// Search: everything in the case file, grouped by kind, newest first, with the words
// found highlighted. Typing updates the results after a short pause; answers that arrive
// out of order are dropped, and the search itself runs off the window's thread in Rust.
// Snippets arrive as segments and go in as text, highlights as <mark> elements.

import * as api from '../api.js';
import { debounce, h, icon, mount } from '../dom.js';
import * as fmt from '../format.js';
import { ICONS } from '../icons.js';

// Kept while the window is open, so coming back finds the same search.
const state = { text: '', kind: '', account_id: '', from: '', to: '', status: '' };

const KINDS = [['', 'Everything'], ['customer', 'Customers'], ['contact', 'Contacts'], ['person', 'People'], ['promise', 'Promises'], ['complaint', 'Complaints'],
  ['remedy', 'Remedies'], ['decision', 'Decisions'], ['event', 'Timeline entries'], ['email', 'E-mails'], ['attachment', 'Files']];
const STATUSES = {
  '': [['', 'Any status'], ['open', 'Open'], ['closed', 'Closed']],
  promise: [['', 'Any status'], ['open', 'Open'], ['kept', 'Kept'], ['broken', 'Broken'], ['withdrawn', 'Withdrawn']],
  complaint: [['', 'Any status'], ['open', 'Open'], ['closed', 'Resolved or closed'], ['received', 'Received'], ['acknowledged', 'Acknowledged'], ['investigating', 'Investigating'], ['remedy_offered', 'Remedy offered'], ['reopened', 'Reopened']],
  remedy: [['', 'Any status'], ['offered', 'Offered'], ['accepted', 'Accepted'], ['delivered', 'Delivered'], ['declined', 'Declined']],
  decision: [['', 'Any status'], ['open', 'Open'], ['decided', 'Decided']],
};
const STATUS_WORD = { open: 'Open', overdue: 'Overdue', kept: 'Kept', broken: 'Broken', withdrawn: 'Withdrawn', received: 'Received', acknowledged: 'Acknowledged',
  investigating: 'Investigating', remedy_offered: 'Remedy offered', resolved: 'Resolved', closed: 'Closed', reopened: 'Reopened', offered: 'Offered', accepted: 'Accepted',
  delivered: 'Delivered', declined: 'Declined', decided: 'Decided', retracted: 'Retracted', superseded: 'Superseded' };
const BAD = new Set(['overdue', 'broken', 'retracted', 'reopened', 'declined']);

function href(link) {
  if (!link) return null;
  switch (link.view) {
    case 'customer': return `#/customers/${link.id}`;
    case 'person': return `#/people/${link.id}`;
    case 'promise': return `#/promises/${link.id}`;
    case 'complaint': return `#/complaints/${link.id}`;
    case 'decision': return `#/decisions/${link.id}`;
    case 'timeline': return link.day ? `#/customers/${link.id}/timeline/${link.day}` : `#/customers/${link.id}/timeline`;
    default: return null;
  }
}

export async function render(container) {
  const input = h('input', { type: 'search', class: 'search-box', placeholder: 'Search promises, complaints, e-mails, people, files…', 'aria-label': 'Search everything', autocomplete: 'off', spellcheck: 'false', value: state.text, dataset: { searchInput: '' } });
  const results = h('div', { class: 'search-results', dataset: { searchResults: '' }, 'aria-live': 'polite' });
  const status = h('div', { class: 'search-status muted small', dataset: { searchStatus: '' } });
  const select = (name, options, label) => {
    const el = h('select', { 'aria-label': label, dataset: { searchFilter: name } }, options.map(([v, t]) => h('option', { value: v, selected: state[name] === v }, t)));
    el.addEventListener('change', () => { state[name] = el.value; if (name === 'kind') drawStatuses(); run(); });
    return el;
  };
  const kind = select('kind', KINDS, 'Kind');
  const statusSlot = h('span', {});
  const drawStatuses = () => {
    const options = STATUSES[state.kind] || [['', 'Any status']];
    if (!options.some(([v]) => v === state.status)) state.status = '';
    mount(statusSlot, select('status', options, 'Status'));
  };
  drawStatuses();
  // The customers arrive after the box is drawn and focused, so no keystroke is lost.
  const customer = select('account_id', [['', 'Every customer']], 'Customer');
  const day = (name, label) => {
    const el = h('input', { type: 'text', class: 'date-filter', placeholder: label, 'aria-label': label, value: state[name], autocomplete: 'off', dataset: { searchFilter: name } });
    el.addEventListener('input', debounce(() => {
      const v = el.value.trim();
      const ok = v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v);
      el.setAttribute('aria-invalid', ok ? 'false' : 'true');
      if (ok) { state[name] = v; run(); }
    }, 300));
    return el;
  };

  container.append(
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Search'),
      h('div', { class: 'sub' }, 'Everything in this case file. Press ', h('span', { class: 'kbd' }, '/'), ' or ', h('span', { class: 'kbd' }, 'Ctrl+K'), ' on any screen.'))),
    h('div', { class: 'card search-card' },
      h('div', { class: 'search-field' }, icon(ICONS.search), input),
      h('div', { class: 'filters search-filters' }, kind, customer, day('from', 'From 2026-01-01'), day('to', 'To 2026-12-31'), statusSlot)),
    status,
    results);

  let seq = 0;
  async function run() {
    const mine = ++seq;
    const text = state.text;
    if (!text.trim()) {
      mount(status);
      mount(results, h('div', { class: 'empty', dataset: { empty: 'search' } }, h('h3', {}, 'Find anything'),
        h('p', {}, 'Words from what was promised, a complaint, a call or an e-mail’s text, a person, a file name. Every word must appear; the last one may be the start of a word.')));
      return;
    }
    status.textContent = 'Searching…';
    let r;
    try {
      r = await api.searchCaseFile({ text, kind: state.kind || null, account_id: state.account_id || null, from: state.from || null, to: state.to || null, status: state.status || null });
    } catch (err) {
      if (mine !== seq) return;
      status.textContent = '';
      mount(results, h('div', { class: 'notice danger', dataset: { searchError: err.field || '' } }, err.message));
      return;
    }
    if (mine !== seq) return;
    const n = r.groups.reduce((a, g) => a + g.hits.length, 0);
    status.textContent = n ? `${n}${r.groups.some((g) => g.more) ? '+' : ''} found for ${r.words.map((w) => `“${w}”`).join(' ')}` : '';
    status.dataset.query = text;
    mount(results, r.groups.length ? r.groups.map(group)
      : h('div', { class: 'empty', dataset: { empty: 'search-none' } }, h('h3', {}, 'Nothing found'), h('p', {}, 'Check the spelling, use fewer words, or clear the filters.')));
  }
  const runSoon = debounce(run, 160);
  input.addEventListener('input', () => { state.text = input.value; runSoon(); });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); state.text = input.value; run(); }
    if (e.key === 'ArrowDown') { const first = results.querySelector('a.hit'); if (first) { e.preventDefault(); first.focus(); } }
  });
  results.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [...results.querySelectorAll('a.hit')];
    const i = links.indexOf(document.activeElement);
    if (i < 0) return;
    e.preventDefault();
    if (e.key === 'ArrowUp' && i === 0) input.focus();
    else links[Math.max(0, Math.min(links.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))].focus();
  });

  function group(g) {
    return h('section', { class: 'card search-group', dataset: { searchGroup: g.kind } },
      h('div', { class: 'card-head' }, h('h2', {}, g.label), h('span', { class: 'badge' }, `${g.hits.length}${g.more ? '+' : ''}`), h('span', { class: 'spacer' }),
        g.more && state.kind !== g.kind ? h('button', { class: 'btn small ghost', type: 'button', dataset: { showAll: g.kind }, onclick: () => { state.kind = g.kind; kind.value = g.kind; drawStatuses(); run(); } }, `Show more ${g.label.toLowerCase()}`) : null),
      h('ul', { class: 'hits' }, g.hits.map(hit)));
  }

  function hit(x) {
    const link = href(x.link);
    const snippet = h('div', { class: 'snippet' }, x.snippet.map((seg) => (seg.hit ? h('mark', {}, seg.text) : seg.text)));
    const meta = [x.at ? fmt.moment(x.at, '') : null, x.account_name, x.detail].filter(Boolean).join(' · ');
    return h('li', {}, h(link ? 'a' : 'div', { class: 'hit', href: link, dataset: { hit: x.kind, id: x.id } },
      h('div', { class: 'hit-head' }, h('span', { class: 'hit-title' }, x.title),
        x.status ? h('span', { class: ['badge', BAD.has(x.status) ? 'danger' : x.status === 'open' ? 'accent' : ''] }, STATUS_WORD[x.status] || x.status) : null),
      x.snippet.length ? snippet : null,
      meta ? h('div', { class: 'hit-meta' }, meta) : null));
  }

  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
  const accounts = await api.listAccounts({ limit: 200 }).catch(() => ({ items: [] }));
  customer.append(...accounts.items.map((s) => h('option', { value: s.account.id, selected: state.account_id === s.account.id }, s.account.name)));
  await run();
  return null;
}
