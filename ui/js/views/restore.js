// Restoring a file that could not be opened (damaged, cut short) from one of its backups.
// The backup is checked first; the unreadable file is kept aside, never deleted.

import * as api from '../api.js';
import { h, mount } from '../dom.js';
import * as fmt from '../format.js';
import { confirmDialog, field, formDialog, showError, toast } from '../ui.js';

export async function render(container, _params, ctx) {
  const path = ctx.status && ctx.status.problem_path;
  const body = h('div', { class: 'card-body stack' });
  container.append(
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Restore from a backup'),
      h('div', { class: 'sub wrap-anywhere' }, path ? `For ${path}` : 'No file to restore.'))),
    h('div', { class: 'card', dataset: { screen: 'restore' } }, body));
  const b = await api.listBackups().catch((err) => { showError(err); return { backups: [] }; });
  if (!b.backups.length) {
    mount(body, h('div', { class: 'empty' }, h('h3', {}, 'No backups of this file'),
      h('p', {}, 'Casefile keeps backups of the files it has opened on this computer; there are none of this one.'),
      h('a', { class: 'btn', href: '#/welcome' }, 'Back')));
    return;
  }
  mount(body,
    h('p', { class: 'muted' }, 'Choose a backup. Casefile checks it (integrity and hash chain), keeps the damaged file aside as “… damaged …”, and opens the backup in its place.'),
    h('table', { class: 'table', dataset: { backups: '' } },
      h('thead', {}, h('tr', {}, h('th', {}, 'Taken'), h('th', { class: 'num' }, 'Size'), h('th', {}, ''))),
      h('tbody', {}, b.backups.map((x) => h('tr', { dataset: { backup: x.name } },
        h('td', {}, fmt.instant(x.taken_at)),
        h('td', { class: 'num' }, `${Math.round(x.size / 1024).toLocaleString('en-US')} KB`),
        h('td', { class: 'num' }, h('button', { class: 'btn small', type: 'button', dataset: { restore: x.name }, onclick: () => restore(x, ctx) }, 'Restore…')))))));
}

async function restore(x, ctx) {
  if (!(await confirmDialog({ title: `Restore the backup of ${fmt.instant(x.taken_at)}?`, message: 'The damaged file is kept aside, unchanged. Anything written after this backup was taken is only in the damaged file.', confirmLabel: 'Check and restore' }))) return;
  try {
    await api.restoreBackup(x.name);
  } catch (err) {
    if (err.kind !== 'needs_passphrase' && err.kind !== 'wrong_passphrase') { showError(err); return; }
    const done = await formDialog({ title: 'This backup is encrypted', name: 'restore-passphrase', submitLabel: 'Restore',
      body: field({ name: 'passphrase', label: 'Passphrase', type: 'password' }), submit: (v) => api.restoreBackup(x.name, v.passphrase) });
    if (!done) return;
  }
  await ctx.refresh();
  toast('Restored from the backup; the damaged file is kept aside.', { timeout: 8000 });
  ctx.navigate('/customers');
}
