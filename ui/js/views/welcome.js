// The first screen: no case file is open yet (or the one asked for could not be opened).

import * as api from '../api.js';
import { h } from '../dom.js';
import { field, formDialog, showError } from '../ui.js';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY', 'CAD', 'AUD', 'INR', 'SGD', 'ZAR'];

export function render(container, _params, ctx) {
  const problem = ctx.status && ctx.status.problem;
  const choice = (name, title, text, run) => h('button', { class: 'choice', type: 'button', dataset: { welcome: name }, onclick: run },
    h('strong', {}, title), h('span', {}, text));

  container.append(h('div', { class: 'welcome', dataset: { screen: 'welcome' } },
    h('img', { src: 'img/icon.png', alt: '' }),
    h('h1', {}, 'Welcome to Casefile'),
    h('p', { class: 'lead' }, 'A private case file for the promises, complaints and evidence between your customers and your own management — ready to brief you before a call, and to print a packet a senior manager will take seriously.'),
    problem && h('div', { class: 'notice danger', role: 'alert', dataset: { openProblem: problem.kind } },
      h('strong', {}, 'That file was not opened. '), problem.message,
      problem.kind === 'damaged' ? h('div', {}, h('a', { href: '#/restore', dataset: { action: 'restore-damaged' } }, 'Restore it from a backup…')) : null),
    h('div', { class: 'choices' },
      choice('new', 'Start a new case file', 'Choose where it lives, then tell Casefile your name and currency.', () => startNew(ctx)),
      choice('demo', 'Explore the demo', 'A realistic year of broken promises and complaints. Marked DEMO while it is open.', () => openDemo(ctx)),
      choice('open', 'Open an existing file…', 'A .casefile you or a backup made earlier.', () => openExisting(ctx))),
    h('p', { class: 'privacy' }, '🔒 Everything stays on this computer: Casefile makes no network connections.')));
}

async function startNew(ctx) {
  try {
    const status = await api.newCaseFile();
    if (!status.file) return;
    await ctx.refresh();
    const saved = await formDialog({
      title: 'About you',
      name: 'first-run',
      submitLabel: 'Start',
      body: h('div', { class: 'stack' },
        h('p', { class: 'muted' }, 'Your name goes on the packets you print. The currency is the default for new amounts.'),
        field({ name: 'your_name', label: 'Your name', value: ctx.settings.your_name }),
        field({ name: 'currency', label: 'Currency', value: ctx.settings.currency, options: CURRENCIES.map((c) => [c, c]) })),
      submit: (values) => api.saveSettings({ ...ctx.settings, ...values }),
    });
    if (saved) await ctx.refresh();
    ctx.navigate('/customers');
  } catch (err) {
    showError(err);
  }
}

async function openDemo(ctx) {
  try {
    await api.openDemo();
    await ctx.refresh();
    ctx.navigate('/customers');
  } catch (err) {
    showError(err);
  }
}

async function openExisting(ctx) {
  try {
    const status = await api.openCaseFile();
    await ctx.refresh();
    if (status.file) ctx.navigate('/customers');
  } catch (err) {
    await ctx.refresh().catch(() => {});
    if (err.kind === 'needs_passphrase') { ctx.navigate('/unlock'); return; }
    showError(err);
    ctx.navigate('/welcome');
  }
}

