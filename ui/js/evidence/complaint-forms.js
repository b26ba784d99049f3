// The dialogs of a complaint's life: logging it, refining what investigation found, moving
// it along the workflow, and offering and following remedies.

import * as api from '../api.js';
import { h } from '../dom.js';
import * as fmt from '../format.js';
import { field, formDialog, moneyField } from '../ui.js';
import { nowTyped } from './event-dialog.js';
import { COMPLAINT_CHANNEL, COMPLAINT_STATUS, REMEDY_KIND, REMEDY_STATUS, SEVERITY, options } from './words.js';

export async function rootCauseOptions() {
  const tree = await api.listRootCauses();
  return [['', '— Not known yet —'], ...tree.map((s) => [s.root_cause.id, s.root_cause.path])];
}

async function contactOptions(accountId) {
  if (!accountId) return [['', '— Choose the customer first —']];
  const d = await api.getAccount(accountId);
  return [['', '— Not recorded —'], ...d.contacts.map((c) => [c.id, c.title ? `${c.name} — ${c.title}` : c.name])];
}

function fillSelect(select, opts, selected) {
  select.replaceChildren(...opts.map(([v, t]) => h('option', { value: v, selected: String(v) === String(selected ?? '') }, t)));
}

function severityHint(ctx) {
  const days = (ctx.settings && ctx.settings.response_days) || [1, 2, 5, 10];
  return `First response due within ${days.map((d, i) => `${d} day${d === 1 ? '' : 's'} (severity ${i + 1})`).join(', ')} — set in Settings.`;
}

/** Log a new complaint. preset: { accountId }. Resolves with the complaint or null. */
export async function newComplaint(ctx, preset = {}) {
  const [accounts, roots] = await Promise.all([api.listAccounts({ limit: 200 }), rootCauseOptions()]);
  const contactField = field({ name: 'complainant_contact_id', label: 'Complainant', options: await contactOptions(preset.accountId), hint: 'One of the customer’s contacts.' });
  const accountField = field({ name: 'account_id', label: 'Customer', value: preset.accountId || '', required: true,
    options: [['', '— Choose —'], ...accounts.items.map((s) => [s.account.id, s.account.name])] });
  accountField.querySelector('select').addEventListener('change', async (e) => {
    fillSelect(contactField.querySelector('select'), await contactOptions(e.target.value).catch(() => []), '');
  });
  return formDialog({
    title: 'New complaint',
    name: 'complaint',
    wide: true,
    submitLabel: 'Log complaint',
    body: h('div', { class: 'grid-2' },
      accountField,
      contactField,
      field({ name: 'received_at', label: 'Received', value: nowTyped(), hint: 'e.g. 2026-03-04 09:15, or just the day 2026-03-04' }),
      field({ name: 'channel', label: 'How it arrived', value: 'email', options: options(COMPLAINT_CHANNEL) }),
      field({ name: 'description', label: 'What is wrong', type: 'textarea', rows: 4, required: true, span: 'span-2', hint: 'In the customer’s words where you can.' }),
      field({ name: 'product', label: 'Product' }),
      field({ name: 'component', label: 'Component' }),
      field({ name: 'lot', label: 'Lot or batch' }),
      field({ name: 'severity', label: 'Severity', value: '2', options: options(SEVERITY), hint: null }),
      h('p', { class: 'muted small span-2' }, severityHint(ctx)),
      field({ name: 'category', label: 'Category', hint: 'e.g. Product quality, Delivery, Invoicing' }),
      field({ name: 'root_cause_id', label: 'Root cause', options: roots }),
      field({ name: 'remedy_sought', label: 'What the customer asks for', span: 'span-2' })),
    submit: (v) => api.createComplaint(v),
  });
}

/** Refine the classification; each change lands on the timeline with its old value. */
export async function editClassification(c) {
  const [roots, contacts] = await Promise.all([rootCauseOptions(), contactOptions(c.account_id)]);
  return formDialog({
    title: `Classify ${c.reference}`,
    name: 'classify',
    wide: true,
    body: h('div', { class: 'stack' },
      h('p', { class: 'muted small' }, 'What the customer said and when stays as logged. Changes here are written on the timeline with the old values.'),
      h('div', { class: 'grid-2' },
        field({ name: 'complainant_contact_id', label: 'Complainant', value: c.complainant_contact_id || '', options: contacts }),
        field({ name: 'severity', label: 'Severity', value: String(c.severity), options: options(SEVERITY) }),
        field({ name: 'product', label: 'Product', value: c.product }),
        field({ name: 'component', label: 'Component', value: c.component }),
        field({ name: 'lot', label: 'Lot or batch', value: c.lot }),
        field({ name: 'category', label: 'Category', value: c.category }),
        field({ name: 'root_cause_id', label: 'Root cause', value: c.root_cause_id || '', options: roots, span: 'span-2' }),
        field({ name: 'remedy_sought', label: 'What the customer asks for', value: c.remedy_sought, span: 'span-2' }))),
    submit: (v) => api.editComplaint(c.id, v),
  });
}

/** Move to the next status, dated; closing asks whether the customer was satisfied. */
export function moveComplaint(c, step) {
  const satisfied = step.asks_satisfaction ? h('fieldset', { class: 'field radios' },
    h('legend', {}, 'Was the customer satisfied?'),
    h('label', {}, h('input', { type: 'radio', name: 'customer_satisfied', value: 'yes' }), ' Yes'),
    h('label', {}, h('input', { type: 'radio', name: 'customer_satisfied', value: 'no' }), ' No'),
    h('div', { class: 'error', 'data-error-for': 'customer_satisfied', role: 'alert' })) : null;
  return formDialog({
    title: `${c.reference}: ${COMPLAINT_STATUS[c.status]} → ${step.label}`,
    name: 'move',
    submitLabel: `Move to ${step.label}`,
    body: h('div', { class: 'stack' },
      field({ name: 'at', label: 'When', value: nowTyped(), hint: 'The day (or day and time) it happened; it goes on the timeline.' }),
      satisfied,
      field({ name: 'note', label: 'Note', type: 'textarea', rows: 3, hint: 'e.g. who you told, what was agreed' })),
    submit: (v) => api.moveComplaint(c.id, { to: step.status, customer_satisfied: '', ...v }),
  });
}

/** Offer a remedy for a complaint, with its cost to the company. */
export async function offerRemedy(c, ctx) {
  const people = await api.listPeople({ side: 'internal', limit: 200 });
  const currencies = [...new Set([ctx.settings?.currency || 'EUR', 'EUR', 'USD', 'GBP', 'CHF', 'JPY', 'SEK', 'PLN'])];
  return formDialog({
    title: `Remedy for ${c.reference}`,
    name: 'remedy',
    submitLabel: 'Record remedy',
    body: h('div', { class: 'grid-2' },
      field({ name: 'kind', label: 'Kind', value: 'credit', options: options(REMEDY_KIND) }),
      field({ name: 'status', label: 'Status', value: 'offered', options: options(REMEDY_STATUS) }),
      moneyField({ name: 'cost', label: 'Cost to the company', currency: ctx.settings?.currency || 'EUR', currencies, hint: 'What it costs us, not its list price. 0 for a change of procedure that costs nothing.' }),
      field({ name: 'remedy_on', label: 'Date', value: fmt.today() }),
      field({ name: 'approved_by_id', label: 'Approved by', options: [['', '— Not recorded —'], ...people.items.map((p) => [p.id, p.name])] }),
      field({ name: 'description', label: 'What exactly', span: 'span-2' })),
    submit: (v) => api.createRemedy({ ...v, complaint_id: c.id }),
  });
}

export function remedyStatus(r, to) {
  return formDialog({
    title: `${REMEDY_KIND[r.kind]} of ${fmt.money(r.cost)}: ${REMEDY_STATUS[to]}`,
    name: 'remedy-status',
    submitLabel: `Mark ${REMEDY_STATUS[to].toLowerCase()}`,
    body: h('div', { class: 'stack' },
      field({ name: 'on', label: 'Date', value: fmt.today() }),
      field({ name: 'note', label: 'Note' })),
    submit: (v) => api.setRemedyStatus(r.id, { ...v, status: to }),
  });
}
