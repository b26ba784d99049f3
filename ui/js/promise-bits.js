// Small pieces every promise screen shows the same way: the status badge, the overdue
// mark, the "3 follow-ups, no reply for 12 days" line, and a promise as a table row.
// All figures come worked out from the core; this file only draws them.

import { h } from './dom.js';
import * as fmt from './format.js';

export const STATUS_LABEL = { open: 'Open', kept: 'Kept', broken: 'Broken', withdrawn: 'Withdrawn' };

/** The status as a badge, saying on time or late for a kept promise. */
export function statusBadge(p) {
  if (p.status === 'kept') {
    return p.kept_on_time
      ? h('span', { class: 'badge ok', dataset: { status: 'kept' } }, 'Kept on time')
      : h('span', { class: 'badge warn', dataset: { status: 'kept' } }, `Kept ${fmt.plural(p.days_late, 'day')} late`);
  }
  if (p.status === 'broken') return h('span', { class: 'badge danger', dataset: { status: 'broken' } }, 'Broken');
  if (p.status === 'withdrawn') return h('span', { class: 'badge', dataset: { status: 'withdrawn' } }, 'Withdrawn');
  return h('span', { class: 'badge accent', dataset: { status: 'open' } }, 'Open');
}

/** The marks beside a promise: overdue, disputed, renegotiated, not in writing. */
export function marks(p, { writing = true } = {}) {
  return [
    p.overdue ? h('span', { class: 'badge danger', dataset: { overdue: String(p.days_overdue) } }, `${fmt.plural(p.days_overdue, 'day')} overdue`) : null,
    p.disputed ? h('span', { class: 'badge warn', dataset: { disputed: '' } }, 'Disputed') : null,
    p.renegotiations ? h('span', { class: 'badge', title: `Originally due ${fmt.date(p.original_due_on)}` }, p.renegotiations === 1 ? 'Renegotiated' : `Renegotiated ×${p.renegotiations}`) : null,
    writing && !p.in_writing ? h('span', { class: 'badge warn', dataset: { notInWriting: '' } }, 'Not in writing') : null,
  ];
}

/** "3 follow-ups, no reply for 12 days", stressed once the silence is long. */
export function chaseLine(p, { quiet = false } = {}) {
  const c = p.chase;
  if (!c || (quiet && !c.confirmations && !c.follow_ups)) return null;
  const long = c.days_without_reply !== null && c.days_without_reply !== undefined && c.days_without_reply >= 7;
  return h('span', { class: ['chase', long && 'long', c.days_without_reply === null || c.days_without_reply === undefined ? 'answered' : ''], dataset: { chase: '' } }, c.sentence);
}

/** Who made it, as "Rolf Brandt → Nordlicht Logistik GmbH (Greta Lindqvist)". */
export function parties(p) {
  return `${p.made_by_name} → ${p.account_name}${p.contact_name ? ` (${p.contact_name})` : ''}`;
}

export function channelLabel(c) {
  return { call: 'Call', meeting: 'Meeting', email: 'E-mail', chat: 'Chat', in_person: 'In person' }[c] || c;
}

/** One promise as a row of the ledger table. */
export function promiseRow(p, { showCustomer = true, showPromiser = true } = {}) {
  const open = () => { location.hash = `#/promises/${p.id}`; };
  return h('tr', {
    class: ['clickable', p.overdue && 'overdue', p.status !== 'open' && 'closed'],
    tabindex: '0', dataset: { promise: p.what.slice(0, 80), id: p.id },
    onclick: open,
    onkeydown: (e) => { if (e.key === 'Enter') open(); },
  },
  h('td', { class: ['nowrap', 'due', p.overdue && 'late'] }, fmt.date(p.due_on)),
  h('td', {},
    h('a', { class: 'promise-what', href: `#/promises/${p.id}`, onclick: (e) => e.stopPropagation() }, clip(p.what, 140)),
    h('div', { class: 'row wrap promise-meta' }, marks(p), p.status === 'open' || p.status === 'broken' ? chaseLine(p, { quiet: true }) : null)),
  showPromiser ? h('td', {}, p.made_by_name) : null,
  showCustomer ? h('td', {}, p.account_name, p.contact_name ? h('div', { class: 'muted small' }, p.contact_name) : null) : null,
  h('td', {}, statusBadge(p)),
  h('td', { class: 'num' }, p.value ? fmt.money(p.value) : h('span', { class: 'muted' }, '—')));
}

/** One promise as a list item, for narrow places such as a customer's page. */
export function promiseItem(p, { showCustomer = false } = {}) {
  const who = showCustomer ? `${p.made_by_name} → ${p.account_name}` : p.made_by_name;
  return h('a', { class: ['list-item', 'promise-item', p.overdue && 'overdue'], href: `#/promises/${p.id}`, dataset: { promise: p.what.slice(0, 80), id: p.id } },
    h('div', { class: 'stack' },
      h('div', { class: 'title' }, clip(p.what, 120)),
      h('div', { class: 'meta' }, `${who} · due `, h('span', { class: p.overdue ? 'late' : '' }, fmt.date(p.due_on)), p.value ? ` · ${fmt.money(p.value)}` : ''),
      h('div', { class: 'row wrap promise-meta' }, statusBadge(p), marks(p), p.status === 'open' || p.status === 'broken' ? chaseLine(p, { quiet: true }) : null)));
}

export function promiseTable(rows, { showCustomer = true, showPromiser = true } = {}) {
  return h('table', { class: 'table promise-table', dataset: { promiseTable: '' } },
    h('thead', {}, h('tr', {},
      h('th', { class: 'col-due' }, 'Due'), h('th', {}, 'Promise'),
      showPromiser ? h('th', { class: 'col-who' }, 'Made by') : null,
      showCustomer ? h('th', { class: 'col-whom' }, 'To') : null,
      h('th', {}, 'Status'), h('th', { class: 'num' }, 'At stake'))),
    h('tbody', {}, rows));
}

export function clip(text, n) {
  const first = String(text).split('\n').find((l) => l.trim()) || '';
  return first.length > n ? `${first.slice(0, n - 1)}…` : first;
}

/** Tell every promise screen (and the navigation count) that the ledger changed. */
export function changed() {
  window.dispatchEvent(new CustomEvent('casefile:promises-changed'));
}

/** Listen for ledger changes and for a new day beginning; returns the cleanup. */
export function onLedgerChange(run) {
  window.addEventListener('casefile:promises-changed', run);
  window.addEventListener('casefile:day-changed', run);
  return () => {
    window.removeEventListener('casefile:promises-changed', run);
    window.removeEventListener('casefile:day-changed', run);
  };
}
