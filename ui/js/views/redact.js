// Redacting a timeline entry: the one way text leaves the record. The timeline links here
// (#/redact/<entry id>); this screen says exactly what goes and what stays, asks, and then
// shows the dated stub that remains.

import * as api from '../api.js';
import { h, mount } from '../dom.js';
import * as fmt from '../format.js';
import { confirmDialog, showError, toast } from '../ui.js';

const chars = (n) => `${n.toLocaleString('en-US')} character${n === 1 ? '' : 's'}`;
const kb = (n) => (n < 1024 ? `${n} B` : `${Math.round(n / 1024).toLocaleString('en-US')} KB`);

/** The exact list of what a redaction removes, in the user's words. */
export function removals(p) {
  const lines = [];
  const revisions = p.entries.length - 1;
  const summary = p.entries.reduce((n, e) => n + e.summary_chars, 0);
  const details = p.entries.reduce((n, e) => n + e.details_chars, 0);
  lines.push(`• the summary (${chars(summary)}) and details (${chars(details)}) of this entry${revisions ? ` and of its ${revisions} other revision${revisions === 1 ? '' : 's'}` : ''}`);
  const email = p.entries.reduce((n, e) => n + (e.email_chars || 0), 0);
  if (p.entries.some((e) => e.email_chars !== null)) lines.push(`• the subject and body of the imported e-mail (${chars(email)})`);
  const gone = p.attachments.filter((a) => !a.shared);
  if (gone.length) lines.push(`• the contents of ${gone.length === 1 ? 'the attachment' : `${gone.length} attachments`}: ${gone.map((a) => `${a.name} (${kb(a.size)})`).join(', ')}`);
  const kept = p.attachments.filter((a) => a.shared);
  if (kept.length) lines.push(`Kept, because another entry holds the same file: ${kept.map((a) => a.name).join(', ')}.`);
  return lines;
}

export async function render(container, params) {
  const body = h('div', { class: 'card-body stack' });
  container.append(
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Redact a timeline entry'),
      h('div', { class: 'sub' }, 'Corrections supersede and retractions mark. Redaction is for text that must not be kept at all.'))),
    h('div', { class: 'card', dataset: { redact: params.id } }, body));
  await draw(body, params.id);
}

async function draw(body, id) {
  let p;
  try {
    p = await api.redactionPreview(id);
  } catch (err) {
    mount(body, h('div', { class: 'empty' }, h('h3', {}, 'No such entry'), h('p', {}, err.message)));
    return;
  }
  const e = p.entries.find((x) => x.id === id) || p.entries[0];
  const facts = h('dl', { class: 'kv' },
    e.summary ? [h('dt', {}, 'Entry'), h('dd', { class: 'pre-line', dataset: { redactSummary: '' } }, e.summary)] : null,
    h('dt', {}, 'Happened'), h('dd', {}, fmt.moment(e.occurred_at)),
    h('dt', {}, 'Recorded'), h('dd', {}, fmt.instant(e.recorded_at)),
    h('dt', {}, 'Revisions'), h('dd', {}, String(p.entries.length)));
  if (p.already_redacted) {
    mount(body, h('div', { class: 'notice', dataset: { redacted: 'yes' } }, 'This entry was redacted. What remains is a dated stub: when it happened, when it was recorded, and that its text was removed; the hash chain records the redaction.'), facts);
    return;
  }
  const go = h('button', { class: 'btn danger', type: 'button', dataset: { action: 'redact' } }, 'Redact…');
  go.addEventListener('click', async () => {
    const ok = await confirmDialog({
      title: 'Redact this entry for good?',
      message: ['This removes, and cannot be undone:', ...removals(p), '',
        `It keeps a dated stub (when it happened, when it was recorded, and that it was redacted today)${p.attachments.length ? ', the attachments\' names and fingerprints' : ''}, and the hash chain, which gains a “redact” link, so the record still verifies.`,
        'Backups taken before now still hold the text until they expire (at most about five weeks).'].join('\n'),
      confirmLabel: 'Redact',
      danger: true,
    });
    if (!ok) return;
    try {
      await api.redactEvent(id, id);
      toast('Redacted. The stub and the chain remain.');
      await draw(body, id);
    } catch (err) {
      showError(err);
    }
  });
  mount(body, facts,
    h('div', { class: 'stack' }, h('strong', {}, 'Redacting removes'), h('div', { class: 'pre-line', dataset: { removes: '' } }, removals(p).join('\n'))),
    h('div', { class: 'row' }, h('span', { class: 'spacer' }), go));
}
