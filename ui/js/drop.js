// Files dropped on the window. Tauri reports the drag (tauri://drag-*) with the paths; the
// open screen says where files go (a customer's timeline, a complaint), and a drop right on
// a timeline entry attaches to that entry. The drop then takes the same path as "Attach
// files…": the core imports .eml files as e-mail entries and attaches everything else.
// A journey can simulate the native part by dispatching `casefile:files-dropped`.

import * as api from './api.js';
import { h, mount } from './dom.js';
import { plural } from './format.js';
import { formDialog, showError, toast } from './ui.js';

let screenTarget = null;
let overlay = null;

/** What the open screen accepts: { label, target: {account_id|complaint_id|event_id}, done() }. */
export function setDropTarget(t) {
  screenTarget = t;
}

function entryAt(position) {
  if (!position) return null;
  const ratio = window.devicePixelRatio || 1;
  const el = document.elementFromPoint(position.x / ratio, position.y / ratio);
  const item = el && el.closest('[data-drop-event]');
  return item ? { label: `the entry “${item.dataset.dropLabel}”`, target: { event_id: item.dataset.dropEvent }, done: screenTarget?.done } : null;
}

function showOverlay(position) {
  if (!overlay) {
    overlay = h('div', { class: 'drop-overlay', dataset: { dropOverlay: '' } });
    document.body.appendChild(overlay);
  }
  document.querySelectorAll('.drop-hover').forEach((el) => el.classList.remove('drop-hover'));
  const entry = entryAt(position);
  if (entry) document.querySelector(`[data-drop-event="${CSS.escape(entry.target.event_id)}"]`)?.classList.add('drop-hover');
  const t = entry || screenTarget;
  mount(overlay, h('div', { class: 'drop-card' },
    t ? [h('strong', {}, `Drop to add to ${t.label}`),
      h('span', {}, entry ? 'Files are attached to this entry.' : 'E-mails (.eml) become timeline entries; other files are attached.')]
      : [h('strong', {}, 'Nothing here takes files'), h('span', {}, 'Open a customer’s timeline or a complaint, then drop the files there.')]));
  overlay.classList.toggle('nowhere', !t);
  overlay.hidden = false;
}

function hideOverlay() {
  if (overlay) overlay.hidden = true;
  document.querySelectorAll('.drop-hover').forEach((el) => el.classList.remove('drop-hover'));
}

/** Add dropped or chosen paths to `t`, then say what happened, file by file. */
export async function addPaths(t, paths) {
  if (!paths || !paths.length) return;
  if (!t) {
    toast('Open a customer’s timeline or a complaint, then drop the files there.', { kind: 'error' });
    return;
  }
  try {
    report(await api.addFiles(t.target, paths), t.label);
    if (t.done) await t.done();
  } catch (err) {
    showError(err);
  }
}

/** Tell the user what an intake did: one line when all went well, a list when not. */
export function report(r, label) {
  if (!r) return;
  const parts = [];
  if (r.imported.length) parts.push(`imported ${plural(r.imported.length, 'e-mail')}`);
  if (r.attached.length) parts.push(`attached ${plural(r.attached.length, 'file')}`);
  if (parts.length) toast(`${parts.join(' and ').replace(/^./, (c) => c.toUpperCase())} to ${label}.`);
  if (r.problems.length) {
    formDialog({
      title: `${plural(r.problems.length, 'file was', 'files were')} not added`,
      name: 'file-problems',
      submitLabel: 'OK',
      footHint: '',
      body: h('ul', { class: 'problems', dataset: { fileProblems: '' } },
        r.problems.map((p) => h('li', {}, h('strong', {}, p.file), h('div', { class: 'pre-line' }, p.message)))),
      submit: async () => true,
    });
  }
}

export function install() {
  api.on('tauri://drag-enter', (p) => showOverlay(p && p.position));
  api.on('tauri://drag-over', (p) => showOverlay(p && p.position));
  api.on('tauri://drag-leave', hideOverlay);
  api.on('tauri://drag-drop', (p) => {
    const entry = entryAt(p && p.position);
    hideOverlay();
    addPaths(entry || screenTarget, (p && p.paths) || []);
  });
  window.addEventListener('casefile:files-dropped', (e) => addPaths(screenTarget, e.detail.paths));
  // A screen's target lasts while it is open.
  window.addEventListener('hashchange', () => { screenTarget = null; });
}
