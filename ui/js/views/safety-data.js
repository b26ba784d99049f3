// The Safety screen's backups and export/import cards.

import * as api from '../api.js';
import { h, mount } from '../dom.js';
import * as fmt from '../format.js';
import { confirmDialog, field, formDialog, showError, toast } from '../ui.js';

function size(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export async function backupsCard(el, ctx) {
  const b = await api.listBackups();
  const now = h('button', { class: 'btn small', type: 'button', dataset: { action: 'back-up' } }, 'Back up now');
  now.addEventListener('click', async () => {
    now.disabled = true;
    try {
      const info = await api.backUpNow();
      toast(`Backed up (${size(info.size)}).`);
      await backupsCard(el, ctx);
    } catch (err) { showError(err); now.disabled = false; }
  });
  const rows = b.backups.map((x, i) => h('tr', { dataset: { backup: x.name } },
    h('td', { class: 'nowrap' }, fmt.instant(x.taken_at), i === 0 ? h('span', { class: 'badge accent' }, ' newest') : null),
    h('td', { class: 'num' }, size(x.size)),
    h('td', { class: 'num' }, h('button', { class: 'btn small ghost', type: 'button', dataset: { restore: x.name }, onclick: () => restore(x, ctx, el) }, 'Restore…'))));
  mount(el,
    h('div', { class: 'card-head' }, h('h2', {}, 'Backups'), h('span', { class: 'spacer' }), now),
    h('div', { class: 'card-body stack' },
      h('p', { class: 'muted' }, 'Taken when the file opens and once a day, as consistent snapshots (never a copy of a file being written). Kept: one a day for 7 days, one a week for 4 weeks before that, and always the 3 newest.',
        ctx.status.file.encrypted ? ' They are encrypted with the file\'s passphrase.' : ''),
      rows.length
        ? h('table', { class: 'table', dataset: { backups: '' } }, h('thead', {}, h('tr', {}, h('th', {}, 'Taken'), h('th', { class: 'num' }, 'Size'), h('th', {}, ''))), h('tbody', {}, rows))
        : h('div', { class: 'empty' }, h('p', {}, 'No backup yet. One is taken in the background a moment after the file opens.')),
      b.folder ? h('p', { class: 'hint wrap-anywhere' }, `In ${b.folder}`) : null));
}

async function restore(x, ctx, el) {
  const ok = await confirmDialog({
    title: `Restore the backup of ${fmt.instant(x.taken_at)}?`,
    message: `Casefile first checks the backup: SQLite's full integrity check, and its hash chain. If both pass, the file open now is kept aside beside it (named “… before-restore …”, never deleted) and the backup takes its place.\n\nAnything written after ${fmt.instant(x.taken_at)} will only be in the file kept aside.`,
    confirmLabel: 'Check and restore',
    danger: true,
  });
  if (!ok) return;
  try {
    const r = await api.restoreBackup(x.name);
    await ctx.refresh();
    toast(`Restored: ${r.links.toLocaleString('en-US')} links verified. The previous file is kept as ${r.kept_aside.split(/[\\/]/).pop()}.`, { timeout: 9000 });
    ctx.navigate('/safety');
  } catch (err) {
    showError(err);
    await backupsCard(el, ctx).catch(() => {});
  }
}

export function exchangeCard(el, ctx) {
  const result = h('div', { class: 'notice', hidden: true, dataset: { exchangeResult: '' } });
  const bar = h('progress', { max: 1, value: 0, dataset: { importProgress: '' } });
  const barText = h('span', { class: 'muted small', dataset: { importProgressText: '' } });
  const progress = h('div', { class: 'row', hidden: true }, bar, barText);
  const say = (text) => { result.textContent = text; result.hidden = false; };
  const act = (name, label, run) => h('button', { class: 'btn', type: 'button', dataset: { action: name }, onclick: async (e) => {
    e.currentTarget.disabled = true;
    const btn = e.currentTarget;
    try { await run(); } catch (err) { showError(err); } finally { btn.disabled = false; }
  } }, label);
  const encrypted = ctx.status.file.encrypted;
  const csv = async (table, label) => {
    let plaintextOk = false;
    if (encrypted) {
      plaintextOk = await confirmDialog({ title: `Write ${label} as plain CSV?`, message: 'This case file is encrypted, and a CSV file cannot be: anyone who can read the folder you choose can read it. Formulas are neutralised either way.', confirmLabel: 'Write unencrypted CSV' });
      if (!plaintextOk) return;
    }
    const r = await api.exportCsv(table, plaintextOk);
    if (r) say(`Wrote ${r.summary.rows.toLocaleString('en-US')} ${label.toLowerCase()} to ${r.path}.`);
  };
  mount(el,
    h('div', { class: 'card-head' }, h('h2', {}, 'Export and import')),
    h('div', { class: 'card-body stack' },
      h('p', { class: 'muted' }, 'Everything as one JSON file in a documented format (attachments included), to keep or to move to another computer.',
        encrypted ? ' Exports of this file are sealed with its passphrase.' : ''),
      h('div', { class: 'row wrap' },
        act('export-json', 'Export everything…', async () => {
          const r = await api.exportCaseFile();
          if (r) say(`Exported ${r.summary.rows.toLocaleString('en-US')} rows to ${r.path}${r.summary.encrypted ? ', sealed with the passphrase' : ''}.`);
        }),
        act('import-json', 'Import an export…', () => runImport(ctx, progress, bar, barText, say))),
      h('div', { class: 'row wrap' },
        act('export-csv-promises', 'Promises as CSV…', () => csv('promises', 'Promises')),
        act('export-csv-complaints', 'Complaints as CSV…', () => csv('complaints', 'Complaints'))),
      progress, result));
}

async function runImport(ctx, progress, bar, barText, say) {
  const unlisten = await api.on('import-progress', (p) => {
    progress.hidden = false;
    bar.max = Math.max(1, p.total);
    bar.value = p.done;
    barText.textContent = `${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} rows`;
  });
  try {
    let r;
    try {
      r = await api.importCaseFile();
    } catch (err) {
      if (err.field !== 'passphrase') throw err;
      const source = (err.message.match(/^(.*) is sealed/) || [])[1];
      r = await formDialog({
        title: 'This export is sealed',
        name: 'import-passphrase',
        submitLabel: 'Import',
        body: h('div', { class: 'stack' }, h('p', { class: 'muted' }, err.message), field({ name: 'passphrase', label: 'Passphrase', type: 'password' })),
        submit: (v) => api.importCaseFile(source || null, v.passphrase),
      });
    }
    if (!r) return;
    await ctx.refresh();
    say(`Imported ${r.summary.rows.toLocaleString('en-US')} rows into ${r.status.file.path}; the record verifies (${r.summary.links.toLocaleString('en-US')} links). It is now the open file.`);
    toast('Import complete.');
  } finally {
    unlisten();
  }
}
