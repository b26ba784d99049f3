// One complaint: where it stands in the workflow (and only the next steps it allows), the
// remedies given with their cost and totals, its dated history, files and timeline.

import * as api from '../api.js';
import { h, icon, mount } from '../dom.js';
import { setDropTarget } from '../drop.js';
import * as fmt from '../format.js';
import { editClassification, moveComplaint, offerRemedy, remedyStatus } from '../evidence/complaint-forms.js';
import { newDecision } from '../evidence/decision-forms.js';
import { captureEvent } from '../evidence/event-dialog.js';
import { filesCard } from '../evidence/files.js';
import { timelineRow } from '../evidence/timeline-items.js';
import { COMPLAINT_CHANNEL, COMPLAINT_STATUS, REMEDY_KIND, REMEDY_NEXT, REMEDY_STATUS, SEVERITY, WORKFLOW, severityClass, statusBadgeClass } from '../evidence/words.js';
import { ICONS } from '../icons.js';
import { pagedList } from '../paged.js';
import { register } from '../shortcuts.js';
import { showError, toast } from '../ui.js';

const onThisScreen = () => /^#\/complaints\/[^/]+$/.test(location.hash);
register({ keys: 'r', label: 'Record a remedy', group: 'Complaint', when: onThisScreen, run: () => document.querySelector('[data-action="offer-remedy"]')?.click() });
register({ keys: 'l', label: 'Log an entry about this complaint', group: 'Complaint', when: onThisScreen, run: () => document.querySelector('[data-action="log-entry"]')?.click() });

function stepper(status) {
  // A reopened complaint has been through the whole line once.
  const at = status === 'reopened' ? WORKFLOW.length : WORKFLOW.indexOf(status);
  return h('ol', { class: 'stepper', dataset: { stepper: status } }, WORKFLOW.map((s, i) =>
    h('li', { class: [i < at && 'done', i === at && status !== 'reopened' && 'current'] }, COMPLAINT_STATUS[s])),
  status === 'reopened' ? h('li', { class: 'current reopened' }, 'Reopened') : null);
}

function totalsFigures(t) {
  const fig = (label, value, cls) => h('div', { class: ['figure', cls] }, h('div', { class: 'value' }, value), h('div', { class: 'label' }, label));
  return h('div', { class: 'figures', dataset: { remedyTotals: '' } },
    fig('Committed cost', fmt.totals(t.cost)),
    fig('Delivered', fmt.totals(t.delivered)),
    fig('Still to deliver', fmt.totals(t.outstanding)),
    fig('Remedies', String(t.count)));
}

function remediesCard(d, ctx, refresh) {
  const rows = d.remedies.map((r) => h('tr', { dataset: { remedy: r.kind, status: r.status } },
    h('td', { class: 'nowrap' }, fmt.date(r.remedy_on)),
    h('td', {}, REMEDY_KIND[r.kind], r.description ? h('div', { class: 'muted small' }, r.description) : null),
    h('td', { class: 'num' }, fmt.money(r.cost)),
    h('td', {}, h('span', { class: ['badge', r.status === 'delivered' ? 'ok' : r.status === 'declined' ? 'danger' : ''] }, REMEDY_STATUS[r.status])),
    h('td', {}, r.approved_by_name || '—'),
    h('td', { class: 'nowrap' }, (REMEDY_NEXT[r.status] || []).map((to) => h('button', { class: 'btn small ghost', type: 'button', dataset: { remedyTo: to },
      onclick: async () => { if (await remedyStatus(r, to)) { toast(`Marked ${REMEDY_STATUS[to].toLowerCase()}.`); await refresh(); } } }, REMEDY_STATUS[to])))));
  return h('div', { class: 'card', dataset: { remedies: '' } },
    h('div', { class: 'card-head' }, h('h2', {}, 'Remedies'), h('span', { class: 'spacer' }),
      h('button', { class: 'btn small primary', type: 'button', dataset: { action: 'offer-remedy' },
        onclick: async () => { const r = await offerRemedy(d.complaint, ctx); if (r) { toast(`${REMEDY_KIND[r.kind]} of ${fmt.money(r.cost)} recorded.`); await refresh(); } } },
      icon(ICONS.plus), 'Record a remedy')),
    h('div', { class: 'card-body' }, totalsFigures(d.remedy_totals)),
    rows.length ? h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, ['Date', 'Remedy', 'Cost', 'Status', 'Approved by', ''].map((t) => h('th', { class: t === 'Cost' ? 'num' : '' }, t)))),
      h('tbody', {}, rows))
      : h('div', { class: 'empty' }, h('p', {}, 'No remedy yet. Record each credit, replacement or repair with what it cost.')));
}

function historyCard(d) {
  return h('div', { class: 'card' },
    h('div', { class: 'card-head' }, h('h2', {}, 'Status history')),
    h('ol', { class: 'history', dataset: { history: '' } }, d.history.map((e) => h('li', {},
      h('span', { class: 'nowrap muted' }, fmt.moment(e.changed_at, e.changed_at.length > 10 ? 'exact' : 'day')),
      h('span', {}, e.from_status ? `${COMPLAINT_STATUS[e.from_status]} → ` : '', h('strong', {}, COMPLAINT_STATUS[e.to_status]),
        e.note ? h('div', { class: 'muted small pre-line' }, e.note) : null)))));
}

async function show(el, id, ctx) {
  let d;
  try {
    d = await api.getComplaint(id);
  } catch (err) {
    mount(el, h('div', { class: 'card' }, h('div', { class: 'empty' }, h('h3', {}, 'Complaint not found'), h('p', {}, err.message))));
    return;
  }
  const c = d.complaint;
  const refresh = () => show(el, id, ctx);
  const entries = pagedList({
    name: 'complaint-timeline',
    limit: 20,
    load: (offset, limit) => api.getTimeline({ complaint_id: c.id, offset, limit }),
    item: (item) => timelineRow(item, refresh),
    wrap: (rows) => h('ol', { class: 'timeline' }, rows),
    empty: () => h('div', { class: 'empty' }, h('p', {}, 'Nothing yet.')),
  });
  const target = { label: c.reference, target: { complaint_id: c.id }, done: refresh };
  setDropTarget(target);
  const files = filesCard(target, { title: 'Files' });
  const response = d.first_response_at
    ? `First response ${fmt.moment(d.first_response_at, d.first_response_at.length > 10 ? 'exact' : 'day')} (due ${fmt.date(c.response_due_on)})`
    : `First response due ${fmt.date(c.response_due_on)}`;
  mount(el,
    h('a', { class: 'back', href: '#/complaints' }, '← Complaints'),
    h('div', { class: 'card', dataset: { complaintCard: c.reference } },
      h('div', { class: 'card-body stack' },
        h('div', { class: 'detail-head' },
          h('div', { class: 'stack tight' },
            h('h1', { dataset: { complaintReference: '' } }, c.reference, ' ',
              h('span', { class: ['badge', statusBadgeClass(c.status)], dataset: { complaintStatus: c.status } }, COMPLAINT_STATUS[c.status]), ' ',
              h('span', { class: ['badge', severityClass(c.severity)] }, `Severity ${SEVERITY[c.severity]}`)),
            h('div', { class: 'muted' }, h('a', { href: `#/customers/${c.account_id}/timeline` }, c.account_name),
              c.complainant_name ? ` · ${c.complainant_name}` : '', ` · received ${fmt.moment(c.received_at, c.received_at.length > 10 ? 'exact' : 'day')} by ${COMPLAINT_CHANNEL[c.channel].toLowerCase()}`)),
          h('span', { class: 'spacer' }),
          h('button', { class: 'btn', type: 'button', dataset: { action: 'classify' }, onclick: async () => { if (await editClassification(c)) { toast('Saved; the change is on the timeline.'); await refresh(); } } }, 'Classify…')),
        stepper(c.status),
        h('div', { class: 'row wrap workflow', dataset: { workflow: '' } },
          d.next_steps.length ? h('span', { class: 'muted' }, 'Next:') : null,
          d.next_steps.map((s) => h('button', { class: 'btn small', type: 'button', dataset: { move: s.status },
            onclick: async () => { const moved = await moveComplaint(c, s); if (moved) { toast(`${c.reference} is now ${COMPLAINT_STATUS[moved.status]}.`); await refresh(); } } }, s.label)),
          h('span', { class: 'spacer' }),
          h('span', { class: ['small', d.response_overdue ? 'danger-text' : 'muted'], dataset: { response: d.response_overdue ? 'late' : 'ok' } }, response, d.response_overdue ? ' — late' : '')),
        c.customer_satisfied !== null && c.customer_satisfied !== undefined
          ? h('div', { class: ['notice', c.customer_satisfied ? '' : 'warn'] }, c.customer_satisfied ? 'Closed with the customer satisfied.' : 'Closed with the customer not satisfied.') : null,
        h('dl', { class: 'kv' },
          h('dt', {}, 'What is wrong'), h('dd', { class: 'pre-line' }, c.description),
          h('dt', {}, 'Product'), h('dd', {}, [c.product, c.component, c.lot && `lot ${c.lot}`].filter(Boolean).join(' · ') || '—'),
          h('dt', {}, 'Category'), h('dd', {}, c.category || '—'),
          h('dt', {}, 'Root cause'), h('dd', { dataset: { rootCause: '' } }, c.root_cause_path ? h('a', { href: `#/root-causes/${c.root_cause_id}` }, c.root_cause_path) : 'Not known yet'),
          h('dt', {}, 'Customer asks for'), h('dd', {}, c.remedy_sought || '—')))),
    remediesCard(d, ctx, refresh),
    h('div', { class: 'two-col' },
      historyCard(d),
      files.el),
    h('div', { class: 'card' },
      h('div', { class: 'card-head' }, h('h2', {}, 'Timeline of this complaint'), h('span', { class: 'spacer' }),
        h('button', { class: 'btn small', type: 'button', dataset: { action: 'record-decision' },
          onclick: async () => { const dec = await newDecision({ accountId: c.account_id, complaintId: c.id }); if (dec) ctx.navigate(`/decisions/${dec.id}`); } }, 'Record a decision…'),
        h('button', { class: 'btn small', type: 'button', dataset: { action: 'log-entry' },
          onclick: async () => { if (await captureEvent({ accountId: c.account_id, complaintId: c.id })) { toast('Entry saved.'); await refresh(); } } }, icon(ICONS.plus), 'Log an entry')),
      entries.el));
  await entries.reload();
}

export async function render(container, params, ctx) {
  const el = h('div', { class: 'complaint-detail', dataset: { complaintDetail: '' } });
  container.append(el);
  await show(el, params.id, ctx);
  return () => setDropTarget(null);
}
