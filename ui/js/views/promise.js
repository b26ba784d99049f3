// One promise: what, who, to whom and by when; which expectations are still missing; the
// due-date history; confirmations and follow-ups with "N follow-ups, no reply for D days";
// lost revenue; linked complaints; and every transition on its timeline.

import * as api from '../api.js';
import { h, mount } from '../dom.js';
import * as fmt from '../format.js';
import * as act from '../promise-actions.js';
import { channelLabel, chaseLine, marks, onLedgerChange, statusBadge } from '../promise-bits.js';
import * as writing from '../promise-writing.js';
import { register } from '../shortcuts.js';
import { formDialog, field, showError, toast } from '../ui.js';

const onThisScreen = () => /^#\/promises\/[^/]+$/.test(location.hash);
const click = (action) => () => document.querySelector(`[data-action="${action}"]`)?.click();
register({ keys: 'k', label: 'Mark kept', group: 'A promise', when: onThisScreen, run: click('keep') });
register({ keys: 'b', label: 'Mark broken', group: 'A promise', when: onThisScreen, run: click('break') });
register({ keys: 'w', label: 'Put it in writing', group: 'A promise', when: onThisScreen, run: click('put-in-writing') });
register({ keys: 'f', label: 'Record a follow-up', group: 'A promise', when: onThisScreen, run: click('follow-up') });
register({ keys: 'e', label: 'Correct the promise', group: 'A promise', when: onThisScreen, run: click('edit-promise') });

export async function render(container, params, ctx) {
  const draw = async () => {
    let d;
    try {
      d = await api.getPromise(params.id);
    } catch (err) {
      mount(container, h('div', { class: 'card' }, h('div', { class: 'empty' }, h('h3', {}, 'Promise not found'), h('p', {}, err.message),
        h('a', { class: 'btn', href: '#/promises' }, 'Back to the promises'))));
      return;
    }
    mount(container, page(d, ctx));
  };
  await draw();
  return onLedgerChange(draw);
}

function page(d, ctx) {
  const p = d.promise;
  const open = p.status === 'open';
  const button = (action, label, run, cls = '') => h('button', { class: ['btn', cls], type: 'button', dataset: { action }, onclick: () => run().catch?.(showError) }, label);
  const actions = h('div', { class: 'row wrap promise-actions' },
    open ? button('keep', 'Mark kept…', () => act.keep(p)) : null,
    open ? button('break', 'Mark broken…', () => act.breakIt(p, ctx), 'danger') : null,
    open ? button('renegotiate', 'Renegotiate…', () => act.renegotiate(p)) : null,
    open ? button('withdraw', 'Withdraw…', () => act.withdraw(p)) : null,
    open ? null : button('reopen', 'Reopen…', () => act.reopen(p)),
    h('span', { class: 'spacer' }),
    button('put-in-writing', 'Put it in writing…', () => writing.putInWriting(p), p.in_writing ? '' : 'primary'),
    button('follow-up', 'Record follow-up…', () => writing.followUp(p)));
  const small = (action, label, run) => h('button', { class: 'btn small ghost', type: 'button', dataset: { action }, onclick: () => run().catch?.(showError) }, label);
  return h('div', { class: 'promise-page', dataset: { promisePage: p.id, status: p.status } },
    h('a', { class: 'back', href: '#/promises' }, '← Promises'),
    h('div', { class: ['card', 'promise-head', p.overdue && 'overdue'] },
      h('div', { class: 'card-body stack' },
        h('div', { class: 'row wrap' }, statusBadge(p), marks(p), h('span', { class: 'spacer' }),
          small('dispute', p.disputed ? 'Clear dispute…' : 'Mark disputed…', () => act.dispute(p)),
          small('edit-promise', 'Correct…', () => import('../promise-capture.js').then((m) => m.promiseForm(p, ctx)))),
        h('h1', { class: 'pre-line', dataset: { promiseWhat: '' } }, p.what),
        h('div', { class: 'muted' }, `${p.made_by_name} promised ${p.account_name}${p.contact_name ? ` (${p.contact_name})` : ''} · due ${fmt.date(p.due_on)}`),
        h('div', { class: 'row wrap' }, chaseLine(p)),
        actions)),
    h('div', { class: 'promise-grid' },
      h('div', { class: 'stack' }, facts(p), expectations(p, ctx), followUps(d)),
      h('div', { class: 'stack' }, lost(d, ctx), dueHistory(d), complaints(d), timeline(d))));
}

function facts(p) {
  const outcome = p.status === 'open' ? null : [
    h('dt', {}, p.status === 'withdrawn' ? 'Withdrawn' : p.status === 'kept' ? 'Kept' : 'Broken'),
    h('dd', { dataset: { outcome: p.status } }, fmt.date(p.closed_on), p.withdrawn_by_name ? ` by ${p.withdrawn_by_name}` : '', p.outcome_reason ? h('div', { class: 'pre-line muted' }, p.outcome_reason) : null),
  ];
  return h('div', { class: 'card' },
    h('div', { class: 'card-head' }, h('h2', {}, 'The promise')),
    h('div', { class: 'card-body' }, h('dl', { class: 'kv' },
      h('dt', {}, 'Made by'), h('dd', {}, h('a', { href: `#/people/${p.made_by_id}` }, p.made_by_name)),
      h('dt', {}, 'To'), h('dd', {}, h('a', { href: `#/customers/${p.account_id}` }, p.account_name), p.contact_name ? ` — ${p.contact_name}` : ''),
      h('dt', {}, 'Made'), h('dd', {}, fmt.moment(p.made_at, p.made_at_precision), ` · ${channelLabel(p.channel)}`),
      h('dt', {}, 'In writing'), h('dd', { dataset: { inWriting: p.in_writing ? 'yes' : 'no' } },
        p.in_writing ? `Since ${fmt.date(p.in_writing_since)}` : h('span', { class: 'warn-text' }, 'No — only verbal. Put it in writing.')),
      h('dt', {}, 'Due'), h('dd', { class: p.overdue ? 'late' : '' }, fmt.date(p.due_on),
        p.overdue ? ` — ${fmt.plural(p.days_overdue, 'day')} overdue` : '',
        p.due_on !== p.original_due_on ? h('span', { class: 'muted' }, ` (first promised for ${fmt.date(p.original_due_on)})`) : null),
      h('dt', {}, 'Value at stake'), h('dd', {}, p.value ? fmt.money(p.value) : '—'),
      outcome,
      h('dt', {}, 'Recorded'), h('dd', { class: 'muted' }, fmt.instant(p.recorded_at)))));
}

function expectations(p, ctx) {
  const item = (label, value, missing, why = 'Missing — not agreed yet') => h('li', { class: ['expectation', missing && 'missing'], dataset: { expectation: label, missing: missing ? 'yes' : 'no' } },
    h('span', { class: 'tick', 'aria-hidden': 'true' }, missing ? '!' : '✓'),
    h('div', { class: 'stack' }, h('strong', {}, label), missing ? h('span', { class: 'muted' }, why) : h('span', { class: 'pre-line' }, value)));
  const missing = p.missing.length + (p.in_writing ? 0 : 1);
  return h('div', { class: 'card' },
    h('div', { class: 'card-head' }, h('h2', {}, 'Expectations'), h('span', { class: 'spacer' }),
      missing ? h('span', { class: 'badge warn', dataset: { missingCount: String(missing) } }, `${missing} missing`) : h('span', { class: 'badge ok' }, 'All explicit'),
      p.missing.length ? h('button', { class: 'btn small', type: 'button', onclick: () => import('../promise-capture.js').then((m) => m.promiseForm(p, ctx)) }, 'Fill in…') : null),
    h('ul', { class: 'expectations' },
      item('What exactly', p.what, false),
      item('By when', fmt.date(p.due_on), false),
      item('With what resources', p.resources, p.missing.includes('resources')),
      item('How success will be known', p.success_criteria, p.missing.includes('success_criteria')),
      item('Written down', `Since ${fmt.date(p.in_writing_since)}`, !p.in_writing, 'Only verbal so far — put it in writing')));
}

function followUps(d) {
  const p = d.promise;
  const rows = d.follow_ups.map((f) => {
    const status = f.reply_received_at
      ? h('div', { class: 'reply' }, h('strong', {}, `Reply ${fmt.moment(f.reply_received_at)}: `), f.reply_summary || 'received')
      : h('span', { class: 'muted small' }, f.retracted_at ? `Retracted: ${f.retraction_reason}` : 'No reply');
    const buttons = f.retracted_at ? [h('span', { class: 'badge' }, 'Retracted')] : [
      f.reply_received_at ? null : h('button', { class: 'btn small', type: 'button', dataset: { action: 'record-reply' }, onclick: () => writing.reply(f) }, 'Record reply…'),
      h('button', { class: 'btn small ghost', type: 'button', onclick: () => writing.retractMessage(f) }, 'Retract…')];
    return h('li', { class: ['message', f.retracted_at && 'retracted'], dataset: { followUp: f.kind } },
      h('div', { class: 'row wrap' },
        h('span', { class: ['badge', f.kind === 'confirmation' ? 'accent' : ''] }, f.kind === 'confirmation' ? 'Confirmation' : 'Follow-up'),
        h('strong', {}, fmt.moment(f.sent_at)),
        h('span', { class: 'muted' }, channelLabel(f.channel))),
      f.sent_to || f.cc ? h('div', { class: 'muted small wrap-anywhere' }, `${f.sent_to ? `To ${f.sent_to}` : ''}${f.cc ? ` · cc ${f.cc}` : ''}`) : null,
      h('div', { class: 'row message-foot' }, status, h('span', { class: 'spacer' }), buttons));
  });
  return h('div', { class: 'card', dataset: { followUps: '' } },
    h('div', { class: 'card-head' }, h('h2', {}, 'Confirmations and follow-ups'), h('span', { class: 'spacer' }), chaseLine(p)),
    rows.length ? h('ul', { class: 'list messages' }, rows)
      : h('div', { class: 'empty' }, h('p', {}, p.in_writing ? 'Nothing chased yet.' : 'Nothing in writing yet. Confirm the promise in writing — to the customer, or to the person who made it.'),
        h('button', { class: 'btn primary', type: 'button', onclick: () => writing.putInWriting(p) }, 'Put it in writing…')));
}

function lost(d, ctx) {
  const p = d.promise;
  const t = d.lost_totals;
  return h('div', { class: 'card', dataset: { lostRevenue: '' } },
    h('div', { class: 'card-head' }, h('h2', {}, 'Lost revenue'), h('span', { class: 'spacer' }),
      h('button', { class: 'btn small', type: 'button', dataset: { action: 'record-lost' }, onclick: () => act.lostRevenue(p, ctx) }, 'Record…')),
    t.entries ? h('div', { class: 'card-body stack' },
      h('div', { class: 'lost-total', dataset: { lostTotal: '' } }, fmt.totals(t.all)),
      h('div', { class: 'muted small' }, `Confirmed ${fmt.totals(t.confirmed)} · estimated ${fmt.totals(t.estimated)}`)) : null,
    d.lost.length ? h('ul', { class: 'list' }, d.lost.map((l) => h('li', { class: ['list-item', 'static', l.retracted_at && 'retracted'], dataset: { lost: l.certainty } },
      h('div', { class: 'stack' },
        h('div', { class: 'title' }, fmt.money(l.amount), ' ', h('span', { class: ['badge', l.certainty === 'confirmed' ? 'danger' : 'warn'] }, l.certainty)),
        h('div', { class: 'meta' }, `${fmt.date(l.lost_on)}${l.note ? ` — ${l.note}` : ''}${l.retracted_at ? ` (retracted: ${l.retraction_reason})` : ''}`)),
      h('span', { class: 'spacer' }),
      l.retracted_at ? null : h('button', { class: 'btn small ghost', type: 'button', onclick: () => act.retractLost(l) }, 'Retract…'))))
      : h('div', { class: 'empty small-empty' }, h('p', {}, p.status === 'broken' ? 'Nothing recorded yet. What did this broken promise cost?' : 'None recorded.')));
}

function dueHistory(d) {
  if (d.due_dates.length < 2) return null;
  return h('div', { class: 'card', dataset: { dueHistory: '' } },
    h('div', { class: 'card-head' }, h('h2', {}, 'Due-date history')),
    h('table', { class: 'table due-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Due'), h('th', {}, 'Agreed'), h('th', {}, 'With'), h('th', {}, 'Why'))),
      h('tbody', {}, d.due_dates.map((x, i) => h('tr', { class: i === d.due_dates.length - 1 ? 'current' : 'superseded' },
        h('td', { class: 'nowrap' }, fmt.date(x.due_on)), h('td', { class: 'nowrap' }, fmt.date(x.agreed_on)),
        h('td', {}, x.agreed_with || '—'), h('td', {}, x.original ? 'First promised' : (x.reason || '—')))))));
}

function complaints(d) {
  const p = d.promise;
  const link = async () => {
    const options = await api.linkableComplaints(p.id);
    if (!options.length) { toast(`${p.account_name} has no other complaint to link.`); return; }
    const done = await formDialog({
      title: 'Link a complaint', name: 'link-complaint', submitLabel: 'Link',
      body: field({ name: 'complaint_id', label: 'Complaint', options: options.map((c) => [c.complaint_id, `${c.reference} — ${c.description.slice(0, 80)}`]) }),
      submit: (v) => api.linkComplaint(p.id, v.complaint_id),
    });
    if (done) window.dispatchEvent(new CustomEvent('casefile:promises-changed'));
  };
  return h('div', { class: 'card' },
    h('div', { class: 'card-head' }, h('h2', {}, 'Complaints it answers'), h('span', { class: 'spacer' }),
      h('button', { class: 'btn small', type: 'button', onclick: () => link().catch(showError) }, 'Link…')),
    d.complaints.length ? h('ul', { class: 'list' }, d.complaints.map((c) => h('li', { class: 'list-item static' },
      h('div', { class: 'stack' }, h('div', { class: 'title' }, c.reference), h('div', { class: 'meta' }, c.description.slice(0, 160))),
      h('span', { class: 'spacer' }), h('span', { class: 'badge' }, c.status.replace('_', ' ')))))
      : h('div', { class: 'empty small-empty' }, h('p', {}, 'None linked.')));
}

function timeline(d) {
  return h('div', { class: 'card', dataset: { promiseTimeline: '' } },
    h('div', { class: 'card-head' }, h('h2', {}, 'Timeline')),
    d.timeline.length ? h('ol', { class: 'timeline' }, d.timeline.map((e) => h('li', { dataset: { event: e.kind } },
      h('span', { class: 'when nowrap' }, fmt.moment(e.occurred_at, e.occurred_precision)),
      h('div', { class: 'stack' }, h('span', {}, e.summary), e.details ? h('span', { class: 'muted small pre-line' }, e.details) : null))))
      : h('div', { class: 'empty small-empty' }, h('p', {}, 'Nothing has happened to it yet.')));
}
