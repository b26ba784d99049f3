// Attached files, shown with their size, type and SHA-256, and "Save a copy…", which writes
// the exact bytes back out after the core has checked them against that hash.

import * as api from '../api.js';
import { h, mount } from '../dom.js';
import { report } from '../drop.js';
import { showError, toast } from '../ui.js';

export function size(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return bytes === 1 ? '1 byte' : `${bytes} bytes`;
}

async function saveCopy(a) {
  try {
    const saved = await api.saveAttachmentCopy(a.id);
    if (saved) toast(`Saved a copy of “${a.name}” to ${saved.path} (${size(saved.bytes)}, SHA-256 checked).`);
  } catch (err) {
    showError(err);
  }
}

/** The files as a list; `compact` for inside a timeline entry. */
export function fileList(files, { compact = false } = {}) {
  if (!files || !files.length) return null;
  return h('ul', { class: ['files', compact && 'compact'], dataset: { files: '' } }, files.map((a) => h('li', { dataset: { file: a.name } },
    h('span', { class: 'file-type' }, (a.name.split('.').pop() || '').slice(0, 4).toUpperCase() || 'FILE'),
    h('div', { class: 'file-main' },
      h('div', { class: 'file-name' }, a.name),
      h('div', { class: 'file-meta' }, `${size(a.size)} · ${a.mime} · SHA-256 `,
        h('span', { class: 'hash', title: a.sha256, dataset: { sha256: a.sha256 } }, `${a.sha256.slice(0, 16)}…`))),
    h('button', { class: 'btn small ghost', type: 'button', dataset: { action: 'save-copy' }, onclick: () => saveCopy(a) }, 'Save a copy…'))));
}

/** Choose files in the native dialog and add them to `t` ({label, target, done}). */
export async function pickInto(t, emails = false) {
  try {
    const r = await api.pickFiles(t.target, emails);
    if (!r) return;
    report(r, t.label);
    if (t.done) await t.done();
  } catch (err) {
    showError(err);
  }
}

/** A card listing the files attached to `t.target`, with "Attach files…". */
export function filesCard(t, { title = 'Files', hint = null } = {}) {
  const body = h('div', { class: 'card-body' });
  const card = h('div', { class: 'card', dataset: { filesCard: '' } },
    h('div', { class: 'card-head' }, h('h2', {}, title), h('span', { class: 'spacer' }),
      h('button', { class: 'btn small', type: 'button', dataset: { action: 'attach' }, onclick: () => pickInto(t) }, 'Attach files…')),
    body);
  async function load() {
    const files = await api.listAttachments(t.target);
    mount(body, fileList(files) || h('p', { class: 'muted' }, hint || 'No files yet. Attach them here, or drop them anywhere on this window.'));
  }
  load().catch(showError);
  return { el: card, reload: load };
}
