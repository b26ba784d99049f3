// Safety: the tamper-evident record, the passphrase and the idle lock, backups, and
// export/import. Everything here protects the file itself rather than what is in it.

import * as api from '../api.js';
import { h, icon, mount } from '../dom.js';
import * as fmt from '../format.js';
import { describe } from '../integrity.js';
import { ICONS } from '../icons.js';
import { field, formDialog, showError, toast } from '../ui.js';
import { backupsCard, exchangeCard } from './safety-data.js';

export async function render(container, _params, ctx) {
  const record = h('div', { class: 'card', dataset: { card: 'record' } });
  const secret = h('div', { class: 'card', dataset: { card: 'passphrase' } });
  const backups = h('div', { class: 'card', dataset: { card: 'backups' } });
  const exchange = h('div', { class: 'card', dataset: { card: 'exchange' } });
  container.append(
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Safety'), h('div', { class: 'sub' }, 'The record cannot be quietly rewritten, the file can be locked, and nothing is lost if the laptop is.'))),
    h('div', { class: 'safety-grid' }, h('div', { class: 'stack' }, record, secret), h('div', { class: 'stack' }, backups, exchange)));
  const drawRecord = (i) => mount(record, ...recordCard(i, drawRecord));
  drawRecord(await api.integrityStatus());
  const unlisten = await api.on('integrity', drawRecord);
  mount(secret, ...passphraseCard(ctx));
  await backupsCard(backups, ctx);
  const unlistenBackups = await api.on('backups', () => backupsCard(backups, ctx).catch(() => {}));
  exchangeCard(exchange, ctx);
  return () => { unlisten(); unlistenBackups(); };
}

function recordCard(i, redraw) {
  const { text, detail } = describe(i);
  const state = i ? i.state : 'none';
  const badge = { intact: 'ok', broken: 'danger', damaged: 'danger', checking: '' }[state] || '';
  const verify = h('button', { class: 'btn small', type: 'button', dataset: { action: 'verify' } }, 'Verify now');
  verify.addEventListener('click', async () => {
    verify.disabled = true;
    verify.textContent = 'Verifying…';
    try { redraw(await api.verifyRecord()); } catch (err) { showError(err); verify.disabled = false; }
  });
  return [
    h('div', { class: 'card-head' }, h('h2', {}, 'The record'), h('span', { class: 'spacer' }), verify),
    h('div', { class: 'card-body stack' },
      h('div', { class: 'row wrap' }, h('span', { class: ['badge', badge], dataset: { recordState: state } }, text || 'No file open')),
      state === 'broken' || state === 'damaged'
        ? h('div', { class: 'notice danger pre-line', role: 'alert', dataset: { recordProblem: '' } }, detail,
          '\n\nSomething changed the file outside Casefile. Restore the last backup that verifies, or keep this file as it is for an expert to examine.')
        : null,
      h('p', { class: 'muted' }, 'Every entry joins a SHA-256 hash chain when it is written. Verifying recomputes the chain and checks every entry against it, so an entry changed, added or removed behind Casefile\'s back is named.'),
      i && i.head ? h('dl', { class: 'kv' },
        h('dt', {}, 'Links'), h('dd', { dataset: { recordLinks: '' } }, i.links.toLocaleString('en-US')),
        h('dt', {}, 'Head'), h('dd', { class: 'mono wrap-anywhere', dataset: { recordHead: '' } }, i.head),
        h('dt', {}, 'Checked'), h('dd', {}, i.checked_at ? `${fmt.instant(i.checked_at)} · ${i.millis.toLocaleString('en-US')} ms` : '—')) : null,
      h('p', { class: 'hint' }, 'Write the head down somewhere else (or print it on a packet): it pins the whole record as it is now.')),
  ];
}

function passphraseCard(ctx) {
  const file = ctx.status.file;
  const minutes = ctx.settings ? ctx.settings.lock_after_minutes : 0;
  const action = (name, label, run, cls = '') => h('button', { class: ['btn', cls], type: 'button', dataset: { action: name }, onclick: run }, label);
  const body = file.encrypted
    ? [
      h('p', {}, h('span', { class: 'badge ok', dataset: { encrypted: 'yes' } }, icon(ICONS.lock), 'Encrypted'), ' The file is encrypted with its passphrase (SQLCipher, AES-256). Without it the file, its backups and its exports are unreadable.'),
      h('p', { class: 'muted' }, minutes > 0 ? `It locks itself after ${fmt.plural(minutes, 'idle minute')}.` : 'It does not lock itself when idle: choose a number of minutes in Settings.', ' Ctrl+Shift+L locks it now.'),
      h('div', { class: 'row wrap' },
        action('lock', 'Lock now', () => lockNow(ctx)),
        action('change-passphrase', 'Change passphrase…', () => changePassphrase(ctx, 'change')),
        action('remove-passphrase', 'Remove passphrase…', () => changePassphrase(ctx, 'remove'), 'danger')),
    ]
    : [
      h('p', {}, h('span', { class: 'badge warn', dataset: { encrypted: 'no' } }, 'Not encrypted'), ' Anyone who can open this laptop\'s files can read this one.'),
      h('p', { class: 'muted' }, 'A passphrase encrypts the file, its backups and its exports. Casefile never stores it: if you forget it, nothing can open the file.'),
      h('div', { class: 'row' }, action('set-passphrase', 'Set a passphrase…', () => changePassphrase(ctx, 'set'), 'primary')),
    ];
  return [h('div', { class: 'card-head' }, h('h2', {}, 'Passphrase')), h('div', { class: 'card-body stack' }, body)];
}

export async function lockNow(ctx) {
  try {
    await api.lockCaseFile();
    await ctx.refresh();
    ctx.navigate('/unlock');
  } catch (err) {
    showError(err);
  }
}

async function changePassphrase(ctx, mode) {
  const titles = { set: 'Set a passphrase', change: 'Change the passphrase', remove: 'Remove the passphrase' };
  const fields = [];
  if (mode !== 'set') fields.push(field({ name: 'current', label: 'Current passphrase', type: 'password', attrs: { autocomplete: 'current-password' } }));
  if (mode !== 'remove') {
    fields.push(field({ name: 'new', label: 'New passphrase', type: 'password', hint: 'At least 8 characters. A few unrelated words are easy to remember and hard to guess.', attrs: { autocomplete: 'new-password' } }));
    fields.push(field({ name: 'repeat', label: 'The new passphrase again', type: 'password', attrs: { autocomplete: 'new-password' } }));
  }
  const warning = mode === 'remove'
    ? 'The file and its backups will be written unencrypted: anyone with access to this computer\'s files can then read them.'
    : 'Casefile writes an encrypted copy, checks it, and only then replaces the file. Backups are re-encrypted too. There is no way to recover a forgotten passphrase.';
  const done = await formDialog({
    title: titles[mode],
    name: 'passphrase',
    danger: mode === 'remove',
    submitLabel: { set: 'Encrypt the file', change: 'Change passphrase', remove: 'Remove encryption' }[mode],
    body: h('div', { class: 'stack' }, h('p', { class: mode === 'remove' ? 'notice warn' : 'muted' }, warning), fields),
    submit: (v) => api.changePassphrase({ current: v.current || '', new: v.new || '', repeat: v.repeat || '' }),
  });
  if (!done) return;
  await ctx.refresh();
  toast({ set: 'The file is now encrypted.', change: 'The passphrase is changed.', remove: 'The file is no longer encrypted.' }[mode]);
  ctx.navigate('/safety');
}
