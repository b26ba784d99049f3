// What can happen to a promise, each as a dialog: kept, broken (then: what did it cost?),
// withdrawn, renegotiated, reopened, disputed; and lost revenue. The core refuses what
// makes no sense and says why; the dialogs show that message at the field it names.

import * as api from './api.js';
import { h } from './dom.js';
import * as fmt from './format.js';
import { changed } from './promise-bits.js';
import { field, formDialog, moneyField, toast } from './ui.js';

async function run(dialog, message) {
  const result = await formDialog(dialog);
  if (result) {
    changed();
    if (message) toast(typeof message === 'function' ? message(result) : message);
  }
  return result;
}

const dateField = (name, label, hint = null) => field({ name, label, type: 'date', value: fmt.today(), hint });

export function keep(p) {
  return run({
    title: 'Mark kept', name: 'keep', submitLabel: 'Mark kept',
    body: h('div', { class: 'stack' },
      h('p', { class: 'muted' }, `Due ${fmt.date(p.due_on)}. Kept on or before that day counts as on time.`),
      dateField('kept_on', 'Kept on'),
      field({ name: 'note', label: 'Note', type: 'textarea', rows: 2, hint: 'How it was delivered, who confirmed it.' })),
    submit: (v) => api.keepPromise(p.id, v),
  }, (r) => (r.kept_on_time ? 'Marked kept on time.' : `Marked kept, ${fmt.plural(r.days_late, 'day')} late.`));
}

/** Break, then ask what it cost: lost revenue is what gets management's attention. */
export async function breakIt(p, ctx) {
  const broken = await run({
    title: 'Mark broken', name: 'break', submitLabel: 'Mark broken', danger: true,
    body: h('div', { class: 'stack' },
      dateField('broken_on', 'Broken on'),
      field({ name: 'reason', label: 'Why it was broken', type: 'textarea', rows: 3, required: true })),
    submit: (v) => api.breakPromise(p.id, v),
  }, 'Marked broken.');
  if (broken) await lostRevenue(broken, ctx, { prompt: true });
  return broken;
}

export async function withdraw(p) {
  const people = await api.listPeople({ limit: 200 }).catch(() => ({ items: [] }));
  return run({
    title: 'Withdraw the promise', name: 'withdraw', submitLabel: 'Withdraw',
    body: h('div', { class: 'stack' },
      field({ name: 'withdrawn_by_id', label: 'Withdrawn by', value: p.made_by_id, options: people.items.map((x) => [x.id, x.name]) }),
      dateField('withdrawn_on', 'On'),
      field({ name: 'reason', label: 'Why', type: 'textarea', rows: 3, required: true, hint: 'A withdrawn promise is not counted as kept or broken.' })),
    submit: (v) => api.withdrawPromise(p.id, v),
  }, 'Promise withdrawn.');
}

export function renegotiate(p) {
  return run({
    title: 'Renegotiate the due date', name: 'renegotiate', submitLabel: 'Agree new date',
    body: h('div', { class: 'stack' },
      h('p', { class: 'muted' }, `Due ${fmt.date(p.due_on)}${p.overdue ? `, ${fmt.plural(p.days_overdue, 'day')} overdue` : ''}. A new date agreed with the customer is kept in the history and never counts as broken.`),
      field({ name: 'new_due_on', label: 'New due date', required: true, hint: 'A date, or fri, +2w, end of month.' }),
      h('div', { class: 'grid-2' },
        dateField('agreed_on', 'Agreed on'),
        field({ name: 'agreed_with', label: 'Agreed with', value: p.contact_name || '' })),
      field({ name: 'reason', label: 'Why', type: 'textarea', rows: 2 })),
    submit: (v) => api.renegotiatePromise(p.id, v),
  }, (r) => `Now due ${fmt.date(r.due_on)}.`);
}

export function reopen(p) {
  return run({
    title: 'Reopen the promise', name: 'reopen', submitLabel: 'Reopen',
    body: h('div', { class: 'stack' },
      h('p', { class: 'muted' }, `It is marked ${p.status}${p.closed_on ? ` since ${fmt.date(p.closed_on)}` : ''}. Reopening is recorded with what it was.`),
      field({ name: 'reason', label: 'Why it is reopened', type: 'textarea', rows: 3, required: true })),
    submit: (v) => api.reopenPromise(p.id, v),
  }, 'Promise reopened.');
}

export function dispute(p) {
  const on = !p.disputed;
  return run({
    title: on ? 'Mark disputed' : 'Clear the dispute', name: 'dispute', submitLabel: on ? 'Mark disputed' : 'Clear dispute',
    body: h('div', { class: 'stack' },
      h('p', { class: 'muted' }, on ? 'Someone denies the promise was made, or what it was. The mark shows wherever the promise appears.' : 'The dispute is settled.'),
      field({ name: 'note', label: on ? 'Who disputes it, and what they say' : 'How it was settled', type: 'textarea', rows: 3 })),
    submit: (v) => api.disputePromise(p.id, { disputed: on, note: v.note }),
  }, on ? 'Marked disputed.' : 'Dispute cleared.');
}

/** Record revenue lost; with `prompt`, it follows marking the promise broken. */
export function lostRevenue(p, ctx, { prompt = false } = {}) {
  const currency = (p.value && p.value.currency) || (ctx && ctx.settings && ctx.settings.currency) || 'EUR';
  return run({
    title: prompt ? 'What did this broken promise cost?' : 'Record lost revenue',
    name: 'lost-revenue',
    submitLabel: 'Record lost revenue',
    footHint: prompt ? 'Esc skips — you can record it later' : 'Enter saves · Esc cancels',
    body: h('div', { class: 'stack' },
      prompt ? h('p', { class: 'muted' }, 'Lost revenue is what gets management’s attention. Record the sale or order lost because of it, if there is one.') : null,
      h('div', { class: 'grid-2' },
        moneyField({ name: 'amount', label: 'Amount lost', currency, currencies: [...new Set([currency, 'EUR', 'USD', 'GBP', 'CHF', 'JPY', 'KWD'])] }),
        field({ name: 'certainty', label: 'Certainty', value: 'confirmed', options: [['confirmed', 'Confirmed — the order was lost'], ['estimated', 'Estimated']] })),
      dateField('lost_on', 'Lost on'),
      field({ name: 'note', label: 'Cause', type: 'textarea', rows: 2, hint: 'e.g. Nordlicht cancelled PO 7781, citing the credit.' })),
    submit: (v) => api.recordLostRevenue({ promise_id: p.id, amount: v.amount, currency: v.amount_currency, certainty: v.certainty, lost_on: v.lost_on, note: v.note }),
  }, (r) => `Recorded ${fmt.money(r.amount)} lost (${r.certainty}).`);
}

export function retractLost(entry) {
  return run({
    title: 'Retract this lost-revenue entry', name: 'retract-lost', submitLabel: 'Retract', danger: true,
    body: h('div', { class: 'stack' },
      h('p', { class: 'muted' }, `${fmt.money(entry.amount)} (${entry.certainty}) on ${fmt.date(entry.lost_on)}. It stays in the record, marked, and no longer counts.`),
      field({ name: 'reason', label: 'Why', required: true })),
    submit: (v) => api.retractLostRevenue(entry.id, v.reason),
  }, 'Entry retracted.');
}
