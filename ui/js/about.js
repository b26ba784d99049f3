// The About box: which Casefile this is, under what licence, and where the open file and
// Casefile's own folders are, so a user can find (and back up) their data.

import * as api from './api.js';
import { h, icon } from './dom.js';
import { ICONS } from './icons.js';
import { formDialog, showError } from './ui.js';

let opening = false;

export async function showAbout() {
  if (opening || document.querySelector('dialog[open]')) return;
  opening = true;
  let about;
  try {
    about = await api.about();
  } catch (err) {
    showError(err);
    return;
  } finally {
    opening = false;
  }
  const file = about.file;
  const row = (label, hook, ...value) => [h('dt', {}, label), h('dd', { dataset: { about: hook } }, ...value)];
  const path = (text) => h('span', { class: 'mono wrap-anywhere' }, text);
  const body = h('div', { class: 'about' },
    h('div', { class: 'about-head' },
      h('img', { src: 'img/icon.png', alt: '' }),
      h('div', { class: 'stack' },
        h('div', { class: 'about-name' }, 'Casefile'),
        h('div', { class: 'muted' }, `Version ${about.version} · ${about.licence} licence`),
        h('div', { class: 'muted small' }, 'A private case file of promises, complaints and evidence.'))),
    h('dl', { class: 'kv' },
      row('Version', 'version', `${about.version} (${about.platform})`),
      row('Schema', 'schema',
        `This Casefile writes schema version ${about.schema_version}`,
        file ? ` · the open file is at version ${file.schema_version}` : ''),
      row('Open file', 'file', file
        ? [path(file.path), file.is_demo ? h('span', { class: 'badge warn', dataset: { demoBadge: 'about' } }, 'DEMO') : null]
        : h('span', { class: 'muted' }, 'No file is open')),
      row('Data folder', 'data-dir', path(about.data_dir)),
      row('Settings folder', 'config-dir', path(about.config_dir)),
      row('Licence', 'licence', h('details', {},
        h('summary', {}, `${about.licence} — free to use, copy and change`),
        h('div', { class: 'licence-text' }, paragraphs(about.licence_text))))),
    h('p', { class: 'privacy' }, icon(ICONS.lock), 'Everything stays on this computer: Casefile makes no network connections.'));
  await formDialog({ title: 'About Casefile', name: 'about', body, submitLabel: 'Close', cancelLabel: null, footHint: 'Esc closes', submit: async () => true });
}

/** The licence file's hard-wrapped lines, reflowed into paragraphs that fit the box. */
function paragraphs(text) {
  return text.trim().split(/\n\s*\n/).map((p) => h('p', {}, p.replace(/\s*\n\s*/g, ' ')));
}
