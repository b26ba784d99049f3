// The unlock screen: an encrypted case file was asked for (or locked itself after idle
// minutes). The passphrase goes straight to Rust and is never stored by the window.

import * as api from '../api.js';
import { h, icon } from '../dom.js';
import { ICONS } from '../icons.js';
import { clearErrors, field, showError } from '../ui.js';

export function render(container, _params, ctx) {
  const problem = (ctx.status && ctx.status.problem) || {};
  const path = ctx.status && ctx.status.problem_path;
  const name = path ? path.split(/[\\/]/).pop() : 'This case file';
  const locked = problem.kind === 'locked';
  const submit = h('button', { class: 'btn primary', type: 'submit', dataset: { submit: 'unlock' } }, 'Unlock');
  const form = h('form', { class: 'stack', novalidate: true, dataset: { form: 'unlock' } },
    h('div', { class: 'notice danger', 'data-form-error': '', hidden: true, role: 'alert' }),
    field({ name: 'passphrase', label: 'Passphrase', type: 'password', attrs: { autocomplete: 'current-password', dataset: null } }),
    h('div', { class: 'row' },
      h('button', { class: 'btn ghost', type: 'button', dataset: { action: 'open-other' }, onclick: () => import('../main.js').then((m) => m.openFile()) }, 'Open another file…'),
      h('span', { class: 'spacer' }), submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    submit.disabled = true;
    const input = form.querySelector('[name=passphrase]');
    try {
      await api.unlockCaseFile(input.value, path);
      input.value = '';
      await ctx.refresh();
      ctx.navigate('/');
    } catch (err) {
      input.value = '';
      showError(err, form);
    } finally {
      submit.disabled = false;
    }
  });
  container.append(h('div', { class: 'unlock card', dataset: { screen: 'unlock' } },
    h('div', { class: 'unlock-icon' }, icon(ICONS.lock)),
    h('h1', {}, locked ? `${name} is locked` : `${name} is encrypted`),
    h('p', { class: 'muted', dataset: { unlockReason: problem.kind || '' } },
      locked ? problem.message : 'Enter its passphrase to open it. A wrong passphrase changes nothing.'),
    path ? h('p', { class: 'mono small wrap-anywhere' }, path) : null,
    form));
  setTimeout(() => form.querySelector('[name=passphrase]').focus(), 0);
}
