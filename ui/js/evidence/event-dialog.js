// Capturing a timeline entry in seconds, revising one (the original stays, superseded), and
// retracting one with a reason. Defaults: it happened now, exactly, and you heard it first-hand.

import * as api from '../api.js';
import { h } from '../dom.js';
import { field, formDialog } from '../ui.js';
import { CAPTURE_KINDS, EVENT_KIND, PRECISION, STRENGTH, options } from './words.js';

const pad = (n) => String(n).padStart(2, '0');

/** A stored moment as the user would type it back, in local time for exact instants. */
export function typedMoment(stored, precision) {
  if (!stored) return '';
  if (precision === 'exact' || stored.length > 10) {
    const d = new Date(stored);
    if (Number.isNaN(d.getTime())) return stored;
    const base = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
    return d.getSeconds() ? `${base}:${pad(d.getSeconds())}` : base;
  }
  return stored;
}

/** Now, to the minute, as the user would type it. */
export function nowTyped() {
  const d = new Date();
  d.setSeconds(0, 0);
  return typedMoment(d.toISOString(), 'exact');
}

const HINT = {
  exact: 'e.g. 2026-03-04 14:30 (your local time)',
  day: 'e.g. 2026-03-04',
  month: 'e.g. 2026-03',
  approximate: 'the day you think it was, e.g. 2026-03-04',
};

function reshape(value, precision) {
  const v = value.trim();
  if (precision === 'month') return v.slice(0, 7);
  if (precision === 'day' || precision === 'approximate') return v.slice(0, 10);
  return v.length === 10 ? `${v} 12:00` : v;
}

async function choices() {
  const [people, accounts] = await Promise.all([api.listPeople({ limit: 200 }), api.listAccounts({ limit: 200 })]);
  return { people: people.items, accounts: accounts.items.map((s) => s.account) };
}

async function complaintOptions(accountId) {
  if (!accountId) return [];
  const page = await api.listComplaints({ account_id: accountId, limit: 200 });
  return page.items.map((c) => [c.id, `${c.reference} — ${c.description.slice(0, 60)}`]);
}

function fields(e, ctx, { people, accounts }) {
  const me = people.find((p) => p.is_me);
  const personOptions = [['', '—'], ...people.map((p) => [p.id, p.side === 'external' ? `${p.name} (${p.organisation || 'external'})` : p.name])];
  const precision = e?.occurred_precision || 'exact';
  const occurred = field({ name: 'occurred_at', label: 'When it happened', value: e ? typedMoment(e.occurred_at, precision) : nowTyped(), hint: HINT[precision] });
  const precisionField = field({ name: 'occurred_precision', label: 'How precisely you know', value: precision, options: options(PRECISION) });
  precisionField.querySelector('select').addEventListener('change', (ev) => {
    const input = occurred.querySelector('input');
    input.value = reshape(input.value, ev.target.value);
    occurred.querySelector('.hint').textContent = HINT[ev.target.value];
  });
  const accountField = field({ name: 'account_id', label: 'Customer', value: e?.account_id || ctx.accountId || '',
    options: [['', '— None —'], ...accounts.map((a) => [a.id, a.name])] });
  const complaintField = field({ name: 'complaint_id', label: 'Complaint', value: e?.complaint_id || ctx.complaintId || '', options: [['', '— None —']] });
  const fillComplaints = async (accountId, selected) => {
    const select = complaintField.querySelector('select');
    const opts = await complaintOptions(accountId).catch(() => []);
    select.replaceChildren(...[['', '— None —'], ...opts].map(([v, t]) => h('option', { value: v, selected: v === selected }, t)));
  };
  fillComplaints(e?.account_id || ctx.accountId, e?.complaint_id || ctx.complaintId || '');
  accountField.querySelector('select').addEventListener('change', (ev) => fillComplaints(ev.target.value, ''));
  const kinds = e && !CAPTURE_KINDS.includes(e.kind) ? [e.kind, ...CAPTURE_KINDS] : CAPTURE_KINDS;
  return h('div', { class: 'grid-2' },
    field({ name: 'kind', label: 'What it was', value: e?.kind || ctx.kind || 'note', options: options(EVENT_KIND, kinds) }),
    accountField,
    occurred,
    precisionField,
    field({ name: 'summary', label: 'What happened, in a line', value: e?.summary, required: true, span: 'span-2',
      attrs: { maxlength: 1000, placeholder: 'e.g. Rolf told Owen he would get a €2,000 credit' } }),
    field({ name: 'details', label: 'Details', type: 'textarea', value: e?.details, rows: 4, span: 'span-2', hint: 'Facts, in order. Quote exact words where you can.' }),
    field({ name: 'source_person_id', label: 'Who it comes from', value: e ? e.source_person_id || '' : me?.id || '', options: personOptions }),
    field({ name: 'source_text', label: '… or which document', value: e?.source_text, hint: 'e.g. E-mail of 4 March, minutes of the review' }),
    field({ name: 'strength', label: 'Evidence strength', value: e?.strength || 'first_hand', options: options(STRENGTH) }),
    field({ name: 'actor_id', label: 'Who acted (made the call, gave the order)', value: e?.actor_id || '', options: personOptions }),
    complaintField,
    field({ name: 'disputed', label: 'Disputed — someone says it did not happen this way', type: 'checkbox', value: !!e?.disputed }));
}

function withLinks(v, e, ctx) {
  return { ...v, promise_id: e?.promise_id || ctx.promiseId || null, decision_id: e?.decision_id || null };
}

/** New entry. ctx: { accountId, complaintId, kind }. Resolves with the saved event or null. */
export async function captureEvent(ctx = {}) {
  const lists = await choices();
  return formDialog({
    title: 'Log a timeline entry',
    name: 'event',
    wide: true,
    submitLabel: 'Save entry',
    body: h('div', { class: 'stack' },
      h('p', { class: 'muted small' }, 'When it happened is kept apart from when you write it down, which Casefile records by itself.'),
      fields(null, ctx, lists)),
    submit: (v) => api.createEvent(withLinks(v, null, ctx)),
  });
}

/** Correct an entry: a new revision supersedes it; the original stays visible. */
export async function reviseEvent(e) {
  const lists = await choices();
  return formDialog({
    title: 'Revise this entry',
    name: 'revise',
    wide: true,
    submitLabel: 'Save revision',
    body: h('div', { class: 'stack' },
      h('div', { class: 'notice' }, 'The entry as it stands stays on the timeline, marked superseded, with what you changed. Nothing is overwritten.'),
      fields(e, {}, lists)),
    submit: (v) => api.reviseEvent(e.id, withLinks(v, e, {})),
  });
}

export function retractEvent(e) {
  return formDialog({
    title: 'Retract this entry',
    name: 'retract',
    danger: true,
    submitLabel: 'Retract',
    body: h('div', { class: 'stack' },
      h('p', {}, `“${e.summary}” stays in the case file, marked retracted with your reason. Nothing is erased.`),
      field({ name: 'reason', label: 'Why it should not stand', required: true, attrs: { maxlength: 1000 } })),
    submit: (v) => api.retractEvent(e.id, v),
  });
}
