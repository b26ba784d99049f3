// Settings kept inside the case file, so they travel with it.

import * as api from '../api.js';
import { h } from '../dom.js';
import { clearErrors, field, readForm, showError, toast } from '../ui.js';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY', 'CAD', 'AUD', 'INR', 'SGD', 'ZAR'];

export async function render(container, _params, ctx) {
  const s = await api.getSettings();
  const save = h('button', { class: 'btn primary', type: 'submit', dataset: { submit: 'settings' } }, 'Save settings');
  const form = h('form', { class: 'stack', novalidate: true, dataset: { form: 'settings' } },
    h('div', { class: 'notice danger', 'data-form-error': '', hidden: true }),
    section('You', h('div', { class: 'grid-2' },
      field({ name: 'your_name', label: 'Your name', value: s.your_name, hint: 'Printed on packets as “prepared by”.' }),
      field({ name: 'currency', label: 'Default currency', value: s.currency, options: withCurrent(CURRENCIES, s.currency).map((c) => [c, c]) }))),
    section('Dates and paper', h('div', { class: 'grid-3' },
      field({ name: 'date_format', label: 'Date format', value: s.date_format, options: [['iso', '2026-03-31'], ['dmy', '31/03/2026'], ['mdy', '03/31/2026']] }),
      field({ name: 'week_start', label: 'Week starts on', value: s.week_start, options: [['monday', 'Monday'], ['sunday', 'Sunday']] }),
      field({ name: 'paper', label: 'Paper for packets', value: s.paper, options: [['a4', 'A4'], ['letter', 'US Letter']] }))),
    section('Promises and follow-ups', h('div', { class: 'grid-3' },
      field({ name: 'load_limit_per_week', label: 'Warn above this many promises due in one week', type: 'number', value: s.load_limit_per_week, attrs: { min: 1, max: 100 } }),
      field({ name: 'unanswered_after_days', label: 'Remind after this many days without a reply', type: 'number', value: s.unanswered_after_days, attrs: { min: 1, max: 365 } }),
      field({ name: 'notifications', label: 'Show desktop notifications', type: 'checkbox', value: s.notifications }))),
    section('Complaint response times (days)', h('div', { class: 'grid-3' },
      [0, 1, 2, 3].map((i) => field({ name: `response_days[${i}]`, label: `Severity ${i + 1}${i === 0 ? ' (critical)' : i === 3 ? ' (minor)' : ''}`, type: 'number', value: s.response_days[i], attrs: { min: 1, max: 365 } })))),
    section('Escalation readiness', h('div', { class: 'grid-3' },
      field({ name: 'escalate_broken_promises', label: 'Broken promises', type: 'number', value: s.escalate_broken_promises, attrs: { min: 1 } }),
      field({ name: 'escalate_lost_minor', label: `Lost revenue (${s.currency} minor units)`, type: 'number', value: s.escalate_lost_minor, attrs: { min: 1 } }))),
    section('Privacy', h('div', { class: 'grid-3' },
      field({ name: 'lock_after_minutes', label: 'Lock after idle minutes (0 = never)', type: 'number', value: s.lock_after_minutes, hint: 'For a file with a passphrase (see Safety): it closes and asks for the passphrase again.', attrs: { min: 0, max: 1440 } }))),
    h('div', { class: 'row' }, h('span', { class: 'spacer' }), save));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = readForm(form);
    const next = {
      ...s,
      your_name: v.your_name,
      currency: v.currency,
      date_format: v.date_format,
      week_start: v.week_start,
      paper: v.paper,
      load_limit_per_week: toInt(v.load_limit_per_week),
      unanswered_after_days: toInt(v.unanswered_after_days),
      notifications: v.notifications,
      response_days: [0, 1, 2, 3].map((i) => toInt(v[`response_days[${i}]`])),
      escalate_broken_promises: toInt(v.escalate_broken_promises),
      escalate_lost_minor: toInt(v.escalate_lost_minor),
      lock_after_minutes: toInt(v.lock_after_minutes),
    };
    try {
      await api.saveSettings(next);
      await ctx.refresh();
      toast('Settings saved.');
    } catch (err) {
      showError(err, form);
    }
  });

  container.append(
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Settings'), h('div', { class: 'sub' }, ctx.status.file.path))),
    form);
}

function section(title, body) {
  return h('div', { class: 'card' }, h('div', { class: 'card-head' }, h('h2', {}, title)), h('div', { class: 'card-body' }, body));
}

function toInt(v) {
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? Math.max(0, n) : 0;
}

function withCurrent(list, current) {
  return list.includes(current) ? list : [current, ...list];
}
