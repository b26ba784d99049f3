// The first screen: no case file is open yet (a first run, a file closed, or one that could
// not be opened). It offers the three ways in and says where the data lives.

import * as api from '../api.js';
import { showAbout } from '../about.js';
import { h, icon } from '../dom.js';
import { ICONS } from '../icons.js';
import { register, showSheet } from '../shortcuts.js';
import { field, formDialog, showError, toast } from '../ui.js';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY', 'CAD', 'AUD', 'INR', 'SGD', 'ZAR'];

const onWelcome = () => !!document.querySelector('[data-screen=welcome]');
const choose = (name) => () => document.querySelector(`[data-welcome="${name}"]`)?.click();
register({ keys: 'n', label: 'Start a new case file', group: 'Welcome', when: onWelcome, run: choose('new') });
register({ keys: 'd', label: 'Explore the demo', group: 'Welcome', when: onWelcome, run: choose('demo') });
register({ keys: 'o', label: 'Open an existing file…', group: 'Welcome', when: onWelcome, run: choose('open') });

export function render(container, _params, ctx) {
  const problem = ctx.status && ctx.status.problem;
  let busy = false;
  // One choice at a time: a second click while a native dialog is up would queue another.
  const once = (run) => async () => {
    if (busy) return;
    busy = true;
    try { await run(ctx); } finally { busy = false; }
  };
  const choice = (name, glyph, title, text, key, primary) => h('button', {
    class: ['choice', primary && 'primary'], type: 'button', dataset: { welcome: name }, onclick: once(ACTIONS[name]),
  },
  h('span', { class: 'choice-icon' }, icon(glyph)),
  h('strong', {}, title),
  h('span', { class: 'choice-text' }, text),
  h('span', { class: 'choice-key' }, 'Press ', h('span', { class: 'kbd' }, key)));

  container.append(h('div', { class: 'welcome', dataset: { screen: 'welcome' } },
    h('img', { class: 'welcome-icon', src: 'img/icon.png', alt: '' }),
    h('h1', {}, 'Welcome to Casefile'),
    h('p', { class: 'lead' }, 'Keep a dated record of who promised what, what went wrong and what it cost — so you are briefed before every call and ready to escalate with evidence.'),
    problem && h('div', { class: 'notice danger', role: 'alert', dataset: { openProblem: problem.kind } },
      h('strong', {}, 'That file was not opened. '), problem.message,
      problem.kind === 'damaged' ? h('div', {}, h('a', { href: '#/restore', dataset: { action: 'restore-damaged' } }, 'Restore it from a backup…')) : null),
    h('div', { class: 'choices' },
      choice('new', ICONS.filePlus, 'Start a new case file', 'Choose where the file is kept, then add your name and currency.', 'N', true),
      choice('demo', ICONS.eye, 'Explore the demo', 'A year of promises, complaints and remedies to look around in. Marked DEMO while it is open.', 'D'),
      choice('open', ICONS.folderOpen, 'Open an existing file…', 'A .casefile on this computer, or a copy from a backup.', 'O')),
    h('p', { class: 'privacy', dataset: { privacy: '' } }, icon(ICONS.lock),
      'Everything stays on this computer: Casefile keeps your case file on this disk and makes no network connections.'),
    h('div', { class: 'welcome-foot' },
      h('span', {}, `Casefile ${ctx.status.version}`),
      h('button', { class: 'link', type: 'button', dataset: { action: 'about' }, onclick: () => showAbout() }, 'About'),
      h('button', { class: 'link', type: 'button', dataset: { action: 'shortcuts' }, onclick: () => showSheet() }, 'Keyboard shortcuts'))));
}

const ACTIONS = { new: startNew, demo: openDemo, open: openExisting };

async function startNew(ctx) {
  try {
    const status = await api.newCaseFile();
    if (!status.file) return;
    await ctx.refresh();
    ctx.navigate('/');
    const saved = await formDialog({
      title: 'Your new case file',
      name: 'first-run',
      submitLabel: 'Start',
      cancelLabel: 'Later',
      body: h('div', { class: 'stack' },
        h('div', { class: 'notice', dataset: { createdAt: '' } }, 'Created ', h('span', { class: 'mono wrap-anywhere' }, status.file.path)),
        h('p', { class: 'muted' }, 'Your name goes on the packets you print. The currency is the default for new amounts. Both can be changed later in Settings.'),
        h('div', { class: 'grid-2' },
          field({ name: 'your_name', label: 'Your name', value: ctx.settings.your_name, attrs: { placeholder: 'e.g. Dana Whitfield' } }),
          field({ name: 'currency', label: 'Currency', value: ctx.settings.currency, options: CURRENCIES.map((c) => [c, c]) }))),
      submit: (values) => api.saveSettings({ ...ctx.settings, ...values }),
    });
    if (saved) {
      await ctx.refresh();
      ctx.navigate('/');
    }
    toast(`${status.file.name} is ready. Start with your first customer.`);
  } catch (err) {
    showError(err);
  }
}

async function openDemo(ctx) {
  try {
    await api.openDemo();
    await ctx.refresh();
    ctx.navigate('/');
  } catch (err) {
    showError(err);
  }
}

async function openExisting(ctx) {
  try {
    const status = await api.openCaseFile();
    await ctx.refresh();
    if (status.file) ctx.navigate('/');
  } catch (err) {
    await ctx.refresh().catch(() => {});
    if (err.kind === 'needs_passphrase') { ctx.navigate('/unlock'); return; }
    // A file that could not be opened is explained on the welcome screen itself.
    if (!ctx.status || !ctx.status.problem) showError(err);
    ctx.navigate('/welcome');
  }
}
