// "Put it in writing", follow-ups and replies. The draft is made by the core from the
// record; Copy puts it on the clipboard, "Open in mail app" asks the shell to open the
// mailto: URL it builds itself, and "Record as sent" files the confirmation, which makes
// the promise count as in writing from that day.

import * as api from './api.js';
import { h, mount } from './dom.js';
import * as fmt from './format.js';
import { changed, channelLabel } from './promise-bits.js';
import { field, formDialog, showError, toast } from './ui.js';

const CHANNELS = ['email', 'call', 'meeting', 'chat', 'in_person'];

/** The whole draft as one text, for the clipboard and for the record. */
function asText(d) {
  return [`To: ${d.to_line || '(add the address)'}`, d.cc_line ? `Cc: ${d.cc_line}` : null, `Subject: ${d.subject}`, '', d.body].filter((l) => l !== null).join('\n');
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older WebKit: copy through a selected, off-screen text area.
    const area = h('textarea', { class: 'visually-hidden', 'aria-hidden': 'true' });
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export async function putInWriting(p) {
  let draft = null;
  const promiser = await api.getPerson(p.made_by_id).catch(() => null);
  const byMe = !!(promiser && promiser.is_me);
  const preview = h('div', { class: 'draft-preview', dataset: { draft: '' } });
  const options = h('div', { class: 'row wrap draft-options' },
    h('label', { class: 'row' }, h('input', { type: 'radio', name: 'to', value: 'customer', checked: true }), ` To the customer${p.contact_name ? ` (${p.contact_name})` : ''}`),
    byMe ? null : h('label', { class: 'row' }, h('input', { type: 'radio', name: 'to', value: 'promiser' }), ` To ${p.made_by_name}`),
    h('label', { class: 'row', hidden: byMe }, h('input', { type: 'checkbox', name: 'cc_promiser', checked: !byMe }), ` Copy ${p.made_by_name}`),
    h('label', { class: 'row' }, h('input', { type: 'checkbox', name: 'cc_manager' }), ' Copy their manager'));
  const read = () => ({
    to: options.querySelector('[name=to]:checked').value,
    cc_promiser: options.querySelector('[name=cc_promiser]').checked,
    cc_manager: options.querySelector('[name=cc_manager]').checked,
  });
  const redraw = async () => {
    const o = read();
    // Writing to the promiser already reaches him; the copy choice only means something for the customer.
    options.querySelector('[name=cc_promiser]').closest('label').hidden = byMe || o.to === 'promiser';
    try {
      draft = await api.draftConfirmation(p.id, o);
    } catch (err) {
      mount(preview, h('div', { class: 'notice danger' }, err.message));
      draft = null;
      return;
    }
    mount(preview,
      draft.warnings.map((w) => h('div', { class: 'notice warn' }, w)),
      h('dl', { class: 'kv draft-head' },
        h('dt', {}, 'To'), h('dd', { dataset: { draftTo: '' } }, draft.to_line || '—'),
        draft.cc_line ? [h('dt', {}, 'Cc'), h('dd', { dataset: { draftCc: '' } }, draft.cc_line)] : null,
        h('dt', {}, 'Subject'), h('dd', { dataset: { draftSubject: '' } }, draft.subject)),
      h('pre', { class: 'draft-body', dataset: { draftBody: '' } }, draft.body));
  };
  options.addEventListener('change', redraw);
  await redraw();
  const buttons = h('div', { class: 'row' },
    h('button', { class: 'btn', type: 'button', dataset: { action: 'copy-draft' }, onclick: async () => {
      if (draft && await copy(asText(draft))) toast('Copied. Paste it into your mail, then record it as sent.');
    } }, 'Copy'),
    h('button', { class: 'btn', type: 'button', dataset: { action: 'open-draft' }, onclick: async () => {
      try {
        await api.openConfirmationDraft(p.id, read());
        toast('Opened in your mail app. Record it as sent once it has gone.');
      } catch (err) {
        showError(err);
      }
    } }, 'Open in mail app'),
    h('span', { class: 'spacer' }),
    field({ name: 'sent_at', label: 'Sent on', type: 'date', value: fmt.today() }));
  const result = await formDialog({
    title: 'Put it in writing',
    name: 'draft',
    wide: true,
    submitLabel: 'Record as sent',
    footHint: 'Once sent, the promise counts as in writing from that day.',
    body: h('div', { class: 'stack' }, options, preview, buttons),
    submit: (v) => {
      if (!draft) throw { kind: 'validation', message: 'There is no draft to record.' };
      return api.addFollowUp(p.id, {
        kind: 'confirmation', channel: 'email', sent_at: v.sent_at, sent_to: draft.to_line, cc: draft.cc_line, body: `Subject: ${draft.subject}\n\n${draft.body}`,
      });
    },
  });
  if (result) {
    changed();
    toast('Confirmation recorded: the promise is in writing.');
  }
  return result;
}

export async function followUp(p) {
  const result = await formDialog({
    title: 'Record a follow-up', name: 'follow-up', submitLabel: 'Record',
    body: h('div', { class: 'stack' },
      h('div', { class: 'grid-3' },
        field({ name: 'kind', label: 'What', value: 'follow_up', options: [['follow_up', 'Follow-up'], ['confirmation', 'Written confirmation']] }),
        field({ name: 'sent_at', label: 'Sent on', type: 'date', value: fmt.today() }),
        field({ name: 'channel', label: 'Channel', value: 'email', options: CHANNELS.map((c) => [c, channelLabel(c)]) })),
      h('div', { class: 'grid-2' },
        field({ name: 'sent_to', label: 'To', value: p.made_by_name, hint: 'Who you chased.' }),
        field({ name: 'cc', label: 'Cc' })),
      field({ name: 'body', label: 'What you wrote or said', type: 'textarea', rows: 3 })),
    submit: (v) => api.addFollowUp(p.id, v),
  });
  if (result) { changed(); toast(result.kind === 'confirmation' ? 'Confirmation recorded.' : 'Follow-up recorded.'); }
  return result;
}

export async function reply(f) {
  const result = await formDialog({
    title: 'Record the reply', name: 'reply', submitLabel: 'Record reply',
    body: h('div', { class: 'stack' },
      h('p', { class: 'muted' }, `To the message of ${fmt.moment(f.sent_at)}${f.sent_to ? ` to ${f.sent_to}` : ''}.`),
      field({ name: 'received_at', label: 'Received on', type: 'date', value: fmt.today() }),
      field({ name: 'summary', label: 'What the reply said', type: 'textarea', rows: 3 })),
    submit: (v) => api.recordReply(f.id, v),
  });
  if (result) { changed(); toast('Reply recorded.'); }
  return result;
}

export async function retractMessage(f) {
  const result = await formDialog({
    title: 'Retract this message', name: 'retract-follow-up', submitLabel: 'Retract', danger: true,
    body: h('div', { class: 'stack' },
      h('p', { class: 'muted' }, 'It stays in the record, marked as retracted, and no longer counts.'),
      field({ name: 'reason', label: 'Why', required: true })),
    submit: (v) => api.retractFollowUp(f.id, v.reason),
  });
  if (result) { changed(); toast('Message retracted.'); }
  return result;
}
