// The dashboard, the window's home: what is overdue and due this week, reminders, whether
// the file is ready to take upward, complaints per month by root cause, each promiser's
// on-time rate, and what broken promises and remedies cost this quarter and this year.
// Every figure comes worked out from the core.

import * as api from '../api.js';
import { h, initials, mount } from '../dom.js';
import * as fmt from '../format.js';
import { onLedgerChange, promiseItem } from '../promise-bits.js';
import { showLedger } from './promises.js';
import { remindersCard } from '../dashboard/reminders.js';
import { groupedBars, legend, meter, rateBars, seriesClass, stackedBars } from '../dashboard/charts.js';
import { figureMoney } from '../briefing/cards.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export async function render(container, _params, ctx) {
  const reminders = remindersCard();
  const body = h('div', { class: 'dashboard', dataset: { dashboard: '' } });
  container.append(body);
  const draw = async () => {
    const d = await api.getDashboard();
    const currency = ctx.settings?.currency || 'EUR';
    // What needs doing on the left; who is accountable and what it costs on the right;
    // the trend across the whole width below.
    mount(body, head(d), figures(d, currency),
      h('div', { class: 'dash-columns' },
        h('div', { class: 'dash-main' }, dueCard(d), reminders.el),
        h('div', { class: 'dash-side' }, escalationCard(d, currency), ratesCard(d), moneyCard(d, currency))),
      complaintsCard(d));
  };
  await draw();
  const stop = onLedgerChange(draw);
  return () => { stop(); reminders.cleanup(); };
}

function head(d) {
  const today = new Date(`${d.today}T12:00:00`);
  return h('div', { class: 'page-head' },
    h('div', {},
      h('h1', {}, 'Dashboard'),
      h('div', { class: 'sub' }, `${WEEKDAYS[today.getDay()]} ${fmt.date(d.today)} · this week runs ${fmt.date(d.week.from)} to ${fmt.date(d.week.to)}`)),
    h('span', { class: 'spacer' }),
    h('a', { class: 'btn', href: '#/briefing' }, 'Brief me on a customer', h('span', { class: 'kbd' }, 'Ctrl+B')));
}

function daysBetween(from, to) {
  return Math.round((new Date(`${to}T12:00:00`) - new Date(`${from}T12:00:00`)) / 86_400_000);
}

/** The settings currency's amount in a list of totals, and whether others exist. */
function inCurrency(totals, currency) {
  return { minor: (totals.find((t) => t.currency === currency) || { minor: 0 }).minor, others: totals.filter((t) => t.currency !== currency) };
}

function figures(d, currency) {
  const tile = (name, label, value, sub, tone, onclick) => h(onclick ? 'button' : 'div', {
    class: ['figure', 'dash-figure', tone, onclick && 'figure-button'], type: onclick ? 'button' : null, onclick, dataset: { figure: name },
  }, h('div', { class: 'value' }, value), h('div', { class: 'label' }, label), sub ? h('div', { class: 'sub' }, sub) : null);
  const e = d.escalation.overall;
  const lostQ = d.quarter.lost.all;
  return h('div', { class: 'figures dash-figures', dataset: { dashFigures: '' } },
    tile('overdue', 'Overdue promises', String(d.overdue.total), 'open past their due date', d.overdue.total ? 'danger' : 'calm', () => showLedger({ status: 'open', overdue: true })),
    tile('due-this-week', 'Due this week', String(d.due_this_week.total), `by ${fmt.date(d.week.to)}`, d.due_this_week.total ? 'warn' : '', () => showLedger({ status: 'open', due_within_days: daysBetween(d.today, d.week.to) })),
    tile('lost-quarter', `Lost revenue, ${d.quarter.label}`, figureMoney(lostQ), `${figureMoney(d.year.lost.all)} in ${d.year.label}`, lostQ.length ? 'danger' : ''),
    tile('remedies-quarter', `Remedy cost, ${d.quarter.label}`, figureMoney(d.quarter.remedy_cost), `${figureMoney(d.year.remedy_cost)} in ${d.year.label}`, ''),
    tile('escalation', 'Escalation readiness', `${e.percent}%`, e.ready ? 'ready to take upward' : 'building the file', e.ready ? 'danger' : ''));
}

function dueCard(d) {
  const section = (title, page, name, none) => h('div', { class: 'dash-due', dataset: { due: name } },
    h('h3', {}, title, h('span', { class: 'muted' }, ` · ${page.total}`)),
    page.items.length ? h('div', { class: 'list' }, page.items.map((p) => promiseItem(p, { showCustomer: true })))
      : h('div', { class: 'empty small-empty' }, h('p', {}, none)),
    page.total > page.items.length ? h('div', { class: 'muted small more' }, `and ${page.total - page.items.length} more in the ledger`) : null);
  return h('section', { class: 'card', dataset: { dueCard: '' } },
    h('div', { class: 'card-head' }, h('h2', {}, 'Overdue and due this week'), h('span', { class: 'spacer' }),
      h('button', { class: 'btn small', type: 'button', onclick: () => showLedger({ status: 'open' }) }, 'Open the ledger')),
    section('Overdue', d.overdue, 'overdue', 'Nothing is overdue.'),
    section(`Due by ${fmt.date(d.week.to)}`, d.due_this_week, 'this-week', 'Nothing else falls due this week.'));
}

function amount(minor, currency) {
  return fmt.money({ minor, currency }).replace(/\.\d+$/, '');
}

function escalationCard(d, currency) {
  const e = d.escalation.overall;
  const line = (r) => [
    meter({ label: 'Broken promises', value: r.broken, max: r.broken_threshold, text: `${r.broken} of ${r.broken_threshold}`, name: 'broken' }),
    meter({ label: 'Revenue lost', value: r.lost_minor, max: r.lost_threshold_minor, text: `${amount(r.lost_minor, r.currency)} of ${amount(r.lost_threshold_minor, r.currency)}`, name: 'lost' }),
  ];
  const [broken, lost] = line(e);
  return h('section', { class: ['card', 'escalation', e.ready && 'ready'], dataset: { escalation: String(e.percent) } },
    h('div', { class: 'card-head' }, h('h2', {}, 'Escalation readiness'), h('span', { class: 'spacer' }),
      h('span', { class: ['badge', e.ready ? 'danger' : ''] }, e.ready ? 'Ready' : `${e.percent}%`)),
    h('div', { class: 'card-body stack' },
      h('div', { class: 'meter-row' }, h('div', { class: 'meter-label' }, h('span', {}, 'Broken promises'), h('strong', { dataset: { meterBroken: String(e.broken) } }, `${e.broken} of ${e.broken_threshold}`)), broken),
      h('div', { class: 'meter-row' }, h('div', { class: 'meter-label' }, h('span', {}, 'Revenue lost'), h('strong', { dataset: { meterLost: String(e.lost_minor) } }, `${amount(e.lost_minor, currency)} of ${amount(e.lost_threshold_minor, currency)}`)), lost),
      e.lost_other.length ? h('div', { class: 'muted small' }, `Also lost, not converted: ${fmt.totals(e.lost_other)}`) : null,
      d.escalation.promisers.length ? h('div', { class: 'stack tight' }, h('div', { class: 'muted small' }, 'Closest to the thresholds'),
        d.escalation.promisers.map((p) => h('a', { class: 'escalation-person', href: `#/people/${p.person_id}`, dataset: { escalationPerson: p.name } },
          h('span', { class: 'avatar small' }, initials(p.name)), h('span', { class: 'name' }, p.name),
          h('span', { class: 'muted small' }, `${fmt.plural(p.readiness.broken, 'broken promise')} · ${amount(p.readiness.lost_minor, p.readiness.currency)} lost`),
          h('span', { class: ['badge', p.readiness.ready ? 'danger' : ''] }, `${p.readiness.percent}%`)))) : null,
      h('div', { class: 'muted small' }, 'Thresholds are in Settings. Promises you made yourself are not counted.')));
}

function complaintsCard(d) {
  const c = d.complaints;
  const total = c.totals.reduce((a, b) => a + b, 0);
  return h('section', { class: 'card', dataset: { complaintsChart: String(total) } },
    h('div', { class: 'card-head' }, h('h2', {}, 'Complaints per month, by root cause'), h('span', { class: 'muted small' }, `${total} in the last 12 months`),
      h('span', { class: 'spacer' }), h('a', { class: 'btn small', href: '#/root-causes' }, 'Root causes')),
    h('div', { class: 'card-body' },
      total ? [stackedBars({ title: 'Complaints received per month, by root cause', months: c.months, series: c.series, totals: c.totals, name: 'complaints-by-cause' }),
        legend(c.series.map((sr, k) => ({ label: sr.name, cls: `series-${seriesClass(sr, k)}`, value: String(sr.total) })), 'complaints')]
        : h('div', { class: 'empty small-empty' }, h('p', {}, 'No complaints received in the last 12 months.'))));
}

function ratesCard(d) {
  const rows = d.promisers.map((p) => ({
    name: p.name,
    is_me: p.is_me,
    percent: p.on_time_rate ? p.on_time_rate.percent : null,
    detail: p.on_time_rate ? `${p.on_time_rate.on_time} of ${p.on_time_rate.out_of}` : '',
  })).sort((a, b) => (a.percent ?? 101) - (b.percent ?? 101));
  return h('section', { class: 'card', dataset: { ratesChart: '' } },
    h('div', { class: 'card-head' }, h('h2', {}, 'On-time rate by promiser'), h('span', { class: 'spacer' }), h('a', { class: 'btn small', href: '#/promisers' }, 'Records')),
    h('div', { class: 'card-body' },
      rows.length ? [rateBars({ title: 'Share of promises kept on time, by who made them', rows, name: 'on-time' }),
        legend([{ label: 'Kept on time 80% or more', cls: 'rate-good' }, { label: '50–79%', cls: 'rate-meh' }, { label: 'Under 50%', cls: 'rate-bad' }], 'rates'),
        h('div', { class: 'muted small' }, 'Kept on time, out of everything kept, broken or overdue. Withdrawn and not-yet-due promises are left out.')]
        : h('div', { class: 'empty small-empty' }, h('p', {}, 'No promises recorded yet.'))));
}

function moneyCard(d, currency) {
  const q = { lost: inCurrency(d.quarter.lost.all, currency), rem: inCurrency(d.quarter.remedy_cost, currency) };
  const y = { lost: inCurrency(d.year.lost.all, currency), rem: inCurrency(d.year.remedy_cost, currency) };
  const others = [...q.lost.others, ...q.rem.others, ...y.lost.others, ...y.rem.others];
  const series = [{ label: 'Revenue lost', cls: 'money-lost' }, { label: 'Remedy cost', cls: 'money-remedy' }];
  return h('section', { class: 'card', dataset: { moneyChart: '' } },
    h('div', { class: 'card-head' }, h('h2', {}, 'What it cost'), h('span', { class: 'muted small' }, `in ${currency}`)),
    h('div', { class: 'card-body' },
      !y.lost.minor && !y.rem.minor ? h('div', { class: 'empty small-empty' }, h('p', {}, `No revenue lost and no remedies in ${currency} in ${d.year.label} yet.`)) : groupedBars({
        title: `Revenue lost and remedy cost, ${d.quarter.label} and ${d.year.label}`,
        groups: [{ label: d.quarter.label, values: [q.lost.minor, q.rem.minor] }, { label: d.year.label, values: [y.lost.minor, y.rem.minor] }],
        series,
        format: (v) => compact(v, currency),
        name: 'cost',
      }),
      y.lost.minor || y.rem.minor ? legend(series, 'cost') : null,
      others.length ? h('div', { class: 'muted small' }, `Also in other currencies, not converted: ${d.year.lost.all.filter((t) => t.currency !== currency).map(fmt.money).concat(d.year.remedy_cost.filter((t) => t.currency !== currency).map(fmt.money)).join(', ')} this year.`) : null));
}

/** €183,000 -> "€183k", for chart labels; the figures above show exact amounts. */
function compact(minor, currency) {
  const whole = fmt.money({ minor, currency }).replace(/\.\d+$/, '');
  const units = Number(fmt.moneyInput({ minor, currency }));
  if (Math.abs(units) >= 10000) {
    const k = Math.round(units / 1000);
    return whole.replace(/[\d,]+/, `${k.toLocaleString('en-US')}k`);
  }
  return whole;
}
