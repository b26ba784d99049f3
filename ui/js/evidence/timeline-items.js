// One timeline row per record: an entry (with its source, strength, revision history,
// retraction, e-mail and files), a complaint, a remedy or a decision. Superseded entries stay
// visible, struck through, next to what the revision changed.

import { h } from '../dom.js';
import * as fmt from '../format.js';
import { toast } from '../ui.js';
import { reviseEvent, retractEvent } from './event-dialog.js';
import { fileList, pickInto } from './files.js';
import { chaseLine, channelLabel, marks, statusBadge } from '../promise-bits.js';
import { COMPLAINT_STATUS, EVENT_KIND, PRECISION, REMEDY_KIND, REMEDY_STATUS, STRENGTH, statusBadgeClass } from './words.js';

const SYSTEM_KINDS = ['account_transfer', 'status_change'];

function when(at, precision, recordedAt) {
  return h('div', { class: 'tl-when' },
    h('div', { class: 'tl-date' }, fmt.moment(at, precision)),
    precision === 'month' || precision === 'approximate' ? h('div', { class: 'tl-precision' }, PRECISION[precision]) : null,
    recordedAt ? h('div', { class: 'tl-recorded', title: 'When it was written down in Casefile' }, `recorded ${fmt.instant(recordedAt)}`) : null);
}

function jumpTo(id) {
  const el = document.querySelector(`[data-entry="${CSS.escape(id)}"]`);
  if (el) { el.scrollIntoView({ block: 'center' }); el.classList.add('flash'); setTimeout(() => el.classList.remove('flash'), 1500); }
  else toast('That version is on another page of the timeline.');
}

function emailBlock(m) {
  if (!m) return null;
  const row = (label, value) => (value ? [h('dt', {}, label), h('dd', {}, value)] : null);
  return h('details', { class: 'email', dataset: { email: '' } },
    h('summary', {}, 'E-mail as received'),
    h('dl', { class: 'kv compact' }, row('From', m.from_addr), row('To', m.to_addrs), row('Cc', m.cc_addrs), row('Subject', m.subject),
      row('Sent', m.sent_at ? fmt.instant(m.sent_at) : null), row('Message-ID', m.message_id)),
    h('div', { class: 'email-body pre-line' }, m.body_text || '(no text)'));
}

/** Redaction removes an entry's text for good (it asks first, on its own page), so it is
 *  offered on every entry a person wrote, including superseded and retracted ones. */
function redactLink(e) {
  if (e.redacted_at) return null;
  return h('a', { class: 'btn small ghost danger', href: `#/redact/${e.id}`, dataset: { action: 'redact' } }, 'Redact…');
}

function eventRow(e, onChange, ctx) {
  const superseded = !!e.superseded_by;
  const retracted = !!e.retracted_at;
  const active = !superseded && !retracted;
  const system = SYSTEM_KINDS.includes(e.kind);
  const badges = [
    h('span', { class: ['badge', e.kind === 'hostile_incident' ? 'danger' : ''] }, EVENT_KIND[e.kind] || e.kind),
    system ? null : h('span', { class: ['badge', e.strength === 'written' ? 'ok' : ''], title: 'Evidence strength' }, STRENGTH[e.strength]),
    e.disputed ? h('span', { class: 'badge warn', dataset: { disputed: '' } }, 'Disputed') : null,
    e.supersedes_id ? h('span', { class: 'badge accent' }, 'Revision') : null,
    superseded ? h('span', { class: 'badge', dataset: { supersededBadge: '' } }, 'Superseded') : null,
    retracted ? h('span', { class: 'badge danger', dataset: { retractedBadge: '' } }, 'Retracted') : null,
    e.redacted_at ? h('span', { class: 'badge', dataset: { redactedBadge: '' }, title: `Text removed on ${fmt.instant(e.redacted_at)}` }, 'Redacted') : null,
  ];
  const source = [e.source_person_name, e.source_text].filter(Boolean).join(' — ');
  const meta = [
    system ? 'Recorded by Casefile' : source ? `Source: ${source}` : null,
    e.actor_name ? `Acted: ${e.actor_name}` : null,
    ctx.showAccount && e.account_name ? e.account_name : null,
  ].filter(Boolean).join(' · ');
  const actions = active && !system ? h('div', { class: 'tl-actions' },
    h('button', { class: 'btn small ghost', type: 'button', dataset: { action: 'revise' }, onclick: async () => { if (await reviseEvent(e)) { toast('Revised. The original stays on the timeline, superseded.'); await onChange(); } } }, 'Revise…'),
    h('button', { class: 'btn small ghost', type: 'button', dataset: { action: 'attach-entry' }, onclick: () => pickInto({ label: `the entry “${e.summary}”`, target: { event_id: e.id }, done: onChange }) }, 'Attach…'),
    h('button', { class: 'btn small ghost danger', type: 'button', dataset: { action: 'retract' }, onclick: async () => { if (await retractEvent(e)) { toast('Retracted. It stays in the record with your reason.'); await onChange(); } } }, 'Retract…'),
    redactLink(e)) : (!system ? h('div', { class: 'tl-actions' }, redactLink(e)) : null);
  return h('li', {
    class: ['tl-item', superseded && 'superseded', retracted && 'retracted', e.kind === 'hostile_incident' && 'hostile', system && 'system'],
    dataset: { entry: e.id, kind: e.kind, summary: e.summary, ...(active && !system ? { dropEvent: e.id, dropLabel: e.summary } : {}) },
  },
  when(e.occurred_at, e.occurred_precision, e.recorded_at),
  h('div', { class: 'tl-body' },
    h('div', { class: 'tl-head' }, h('span', { class: 'tl-title', dataset: { entryTitle: '' } }, e.summary), h('span', { class: 'row wrap' }, badges)),
    superseded ? h('div', { class: 'notice small', dataset: { supersededNotice: '' } },
      `Superseded: revised on ${fmt.instant(e.superseded_at)}. `,
      h('button', { class: 'link', type: 'button', onclick: () => jumpTo(e.superseded_by) }, 'Show the revision')) : null,
    retracted ? h('div', { class: 'notice danger small', dataset: { retraction: '' } }, `Retracted on ${fmt.instant(e.retracted_at)}: ${e.retraction_reason}`) : null,
    e.changes && e.changes.length ? h('div', { class: 'changes', dataset: { changes: '' } },
      h('div', { class: 'changes-head' }, 'What this revision changed ',
        h('button', { class: 'link', type: 'button', onclick: () => jumpTo(e.supersedes_id) }, '(show the original)')),
      h('ul', {}, e.changes.map((c) => h('li', { dataset: { change: c.field } },
        h('span', { class: 'change-label' }, `${c.label}: `), h('del', {}, c.before), ' → ', h('ins', {}, c.after))))) : null,
    e.details ? h('div', { class: 'tl-details pre-line' }, e.details) : null,
    emailBlock(e.email),
    meta || e.complaint_reference ? h('div', { class: 'tl-meta' }, meta,
      e.complaint_reference ? [meta ? ' · ' : null, h('a', { href: `#/complaints/${e.complaint_id}` }, e.complaint_reference)] : null) : null,
    fileList(e.attachments, { compact: true }),
    actions));
}

function complaintRow(c, item) {
  return h('li', { class: 'tl-item record', dataset: { entry: c.id, kind: 'complaint' } },
    when(item.at, item.precision, c.recorded_at),
    h('div', { class: 'tl-body' },
      h('div', { class: 'tl-head' },
        h('span', { class: 'tl-title' }, 'Complaint ', h('a', { href: `#/complaints/${c.id}` }, c.reference), c.complainant_name ? ` from ${c.complainant_name}` : ''),
        h('span', { class: 'row wrap' }, h('span', { class: 'badge accent' }, 'Complaint'), h('span', { class: ['badge', statusBadgeClass(c.status)] }, COMPLAINT_STATUS[c.status]),
          h('span', { class: 'badge' }, `Severity ${c.severity}`))),
      h('div', { class: 'tl-details pre-line' }, c.description),
      c.root_cause_path ? h('div', { class: 'tl-meta' }, `Root cause: ${c.root_cause_path}`) : null));
}

function remedyRow(r, item) {
  return h('li', { class: 'tl-item record', dataset: { entry: r.id, kind: 'remedy' } },
    when(item.at, item.precision, r.recorded_at),
    h('div', { class: 'tl-body' },
      h('div', { class: 'tl-head' },
        h('span', { class: 'tl-title' }, `${REMEDY_KIND[r.kind]}: ${fmt.money(r.cost)}`),
        h('span', { class: 'row wrap' }, h('span', { class: 'badge ok' }, 'Remedy'), h('span', { class: 'badge' }, REMEDY_STATUS[r.status]))),
      r.description ? h('div', { class: 'tl-details' }, r.description) : null,
      h('div', { class: 'tl-meta' }, r.approved_by_name ? `Approved by ${r.approved_by_name}` : 'Approval not recorded',
        r.complaint_reference ? [' · for ', h('a', { href: `#/complaints/${r.complaint_id}` }, r.complaint_reference)] : null)));
}

function decisionRow(d, item) {
  const chosen = d.options.find((o) => o.chosen);
  return h('li', { class: 'tl-item record', dataset: { entry: d.id, kind: 'decision-record' } },
    when(item.at, item.precision, d.recorded_at),
    h('div', { class: 'tl-body' },
      h('div', { class: 'tl-head' },
        h('span', { class: 'tl-title' }, h('a', { href: `#/decisions/${d.id}` }, d.title)),
        h('span', { class: 'row wrap' }, h('span', { class: 'badge accent' }, 'Decision record'), h('span', { class: ['badge', d.status === 'open' ? 'warn' : 'ok'] }, d.status === 'open' ? 'Open' : 'Decided'))),
      h('div', { class: 'tl-details' }, chosen ? `Chose “${chosen.label}”${d.decided_by_name ? ` — ${d.decided_by_name}` : ''}.` : `${d.options.length} options weighed; not decided yet.`),
      d.escalate_to_name ? h('div', { class: 'tl-meta' }, `Escalate to: ${d.escalate_to_name}`) : null));
}

function promiseRow(p, item) {
  return h('li', { class: ['tl-item', 'record', p.overdue && 'overdue'], dataset: { entry: p.id, kind: 'promise' } },
    when(item.at, item.precision, p.recorded_at),
    h('div', { class: 'tl-body' },
      h('div', { class: 'tl-head' },
        h('span', { class: 'tl-title' }, `${p.made_by_name} promised: `, h('a', { href: `#/promises/${p.id}` }, p.what)),
        h('span', { class: 'row wrap' }, h('span', { class: 'badge accent' }, 'Promise'), statusBadge(p), marks(p))),
      h('div', { class: 'tl-meta' },
        `${channelLabel(p.channel)}${p.contact_name ? ` to ${p.contact_name}` : ''} · due ${fmt.date(p.due_on)}`,
        p.value ? ` · ${fmt.money(p.value)} at stake` : ''),
      chaseLine(p, { quiet: true })));
}

/** A timeline item from get_timeline. ctx: { showAccount }. */
export function timelineRow(item, onChange, ctx = {}) {
  switch (item.source) {
    case 'event': return eventRow(item.record, onChange, ctx);
    case 'complaint': return complaintRow(item.record, item);
    case 'remedy': return remedyRow(item.record, item);
    case 'decision': return decisionRow(item.record, item);
    case 'promise': return promiseRow(item.record, item);
    default: return h('li', { class: 'tl-item' }, item.kind);
  }
}
