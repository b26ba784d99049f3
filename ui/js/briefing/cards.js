// The cards of the briefing screen. Dates are written "5 Nov 2026", as the talking points
// the core writes them, so the whole screen reads the same way.

import { h } from '../dom.js';
import * as fmt from '../format.js';
import { chaseLine, clip, marks } from '../promise-bits.js';
import { COMPLAINT_STATUS, SEVERITY } from '../evidence/words.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Amounts for a figure tile: whole units when there are no cents, so they fit. */
export function figureMoney(list) {
  if (!list || !list.length) return '—';
  return list.map((m) => fmt.money(m).replace(/\.0+(?= |$)/, '')).join(' + ');
}

/** "2026-11-05" (or an instant) as "5 Nov 2026". */
export function spoken(text) {
  if (!text) return '—';
  if (text.length > 10) {
    const d = new Date(text);
    if (!Number.isNaN(d.getTime())) return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
  }
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(text);
  if (!m) return text;
  return m[3] ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

function card(name, title, extra, ...body) {
  return h('section', { class: ['card', 'brief-card', name], dataset: { briefCard: name } },
    h('div', { class: 'card-head' }, h('h2', {}, title), extra), ...body);
}

const ABOUT_ROUTE = { promise: 'promises', complaint: 'complaints', account: 'customers' };

/** What to say and what not to: the most important first, numbered. */
export function talkingPointsCard(b) {
  const points = b.talking_points;
  const avoid = points.filter((p) => p.stance === 'avoid').length;
  const items = points.map((p, i) => {
    const route = p.about && ABOUT_ROUTE[p.about.kind];
    return h('li', { class: ['point', p.priority, p.stance], dataset: { point: p.kind, priority: p.priority, about: p.about ? p.about.id : '' } },
      h('span', { class: 'point-n' }, String(i + 1)),
      h('div', { class: 'point-body' },
        h('div', { class: 'point-head' },
          h('span', { class: ['stance', p.stance] }, p.stance === 'avoid' ? 'Don’t' : 'Say'),
          h('strong', {}, p.title)),
        h('p', { class: 'point-sentence' }, p.sentence),
        route && p.about.kind !== 'account' ? h('a', { class: 'point-about', href: `#/${route}/${p.about.id}` }, p.about.kind === 'complaint' ? `Open ${p.about.label} →` : 'Open the promise →') : null));
  });
  return card('talking-points', 'Talking points',
    h('span', { class: 'muted small' }, `${points.length} · ${avoid} to hold back`),
    h('ol', { class: 'points', dataset: { talkingPoints: '' } }, items));
}

function promiseLine(p, broken = false) {
  const due = broken
    ? h('span', { class: 'due late' }, `broken · was due ${spoken(p.due_on)}`)
    : p.overdue
      ? h('span', { class: 'due late', dataset: { overdue: String(p.days_overdue) } }, `${fmt.plural(p.days_overdue, 'day')} overdue · due ${spoken(p.due_on)}`)
      : h('span', { class: 'due' }, `due ${spoken(p.due_on)}`);
  return h('a', { class: ['brief-promise', p.overdue && 'overdue', broken && 'broken'], href: `#/promises/${p.id}`, dataset: { briefPromise: clip(p.what, 80), id: p.id } },
    due,
    h('div', { class: 'what' }, clip(p.what, 160)),
    h('div', { class: 'who' }, 'by ', h('strong', { dataset: { promiser: p.made_by_name } }, p.made_by_name),
      p.contact_name ? ` · to ${p.contact_name}` : '', p.value ? ` · ${fmt.money(p.value)} at stake` : ''),
    broken ? null : h('div', { class: 'row wrap promise-meta' }, marks(p, { writing: true }).filter((m) => m && !m.dataset.overdue), chaseLine(p, { quiet: true })));
}

/** Open promises, overdue first with who made them; the ones broken recently below. */
export function promisesCard(b) {
  const open = b.promises;
  const overdue = open.filter((p) => p.overdue).length;
  return card('promises', 'Promises',
    h('div', { class: 'row' },
      overdue ? h('span', { class: 'badge danger' }, `${overdue} overdue`) : null,
      h('span', { class: 'badge accent' }, `${open.length} open`)),
    open.length ? h('div', { class: 'brief-promises', dataset: { briefPromises: '' } }, open.map((p) => promiseLine(p)))
      : h('div', { class: 'empty small-empty' }, h('p', {}, 'No open promises to this customer.')),
    b.broken_promises.length ? h('div', { class: 'brief-sub' }, h('h3', {}, 'Broken recently'),
      h('div', { class: 'brief-promises', dataset: { brokenPromises: '' } }, b.broken_promises.map((p) => promiseLine(p, true)))) : null);
}

/** Open complaints, newest first: reference, severity, status and how long it has been open. */
export function complaintsCard(b) {
  const rows = b.complaints.map((c) => h('a', { class: ['brief-complaint', c.response_overdue && 'late-response'], href: `#/complaints/${c.id}`, dataset: { briefComplaint: c.reference } },
    h('div', { class: 'line' },
      h('strong', {}, c.reference),
      h('span', { class: ['sev', `sev-${c.severity}`] }, (SEVERITY[c.severity] || String(c.severity)).replace(/^\d — /, '')),
      h('span', { class: ['badge', c.response_overdue ? 'danger' : ''] }, c.response_overdue ? 'Response late' : COMPLAINT_STATUS[c.status] || c.status),
      h('span', { class: 'spacer' }),
      h('span', { class: 'muted small' }, `open ${fmt.plural(c.age_days, 'day')}`)),
    h('div', { class: 'desc' }, clip(c.description, 150)),
    h('div', { class: 'muted small' }, [c.product, c.root_cause_path, c.remedy_cost.length ? `remedies ${fmt.totals(c.remedy_cost)}` : null].filter(Boolean).join(' · '))));
  return card('complaints', 'Open complaints', b.complaints.length ? h('span', { class: 'badge warn' }, String(b.complaints.length)) : null,
    rows.length ? h('div', { class: 'brief-complaints' }, rows.slice(0, 12),
      rows.length > 12 ? h('a', { class: 'more small', href: `#/complaints/customer/${b.account.id}` }, `All ${rows.length} open complaints →`) : null)
      : h('div', { class: 'empty small-empty' }, h('p', {}, 'No open complaints.')));
}

const REMEDY_STATUS = { offered: 'Offered', accepted: 'Accepted', delivered: 'Delivered', declined: 'Declined' };

/** Compensation already given, so it is not given twice; declined offers shown struck. */
export function compensationCard(b) {
  const list = b.compensation.remedies;
  const rows = list.slice(0, 12).map((r) => h('li', { class: ['remedy-line', r.status === 'declined' && 'declined'], dataset: { remedy: r.id } },
    h('div', { class: 'top' },
      h('strong', { class: 'kind' }, r.kind.replace('_', ' ')), r.complaint_reference ? h('span', { class: 'for' }, ` for ${r.complaint_reference}`) : null,
      h('span', { class: 'spacer' }), h('span', { class: 'num cost' }, fmt.money(r.cost))),
    h('div', { class: 'bottom' }, [spoken(r.remedy_on), REMEDY_STATUS[r.status] || r.status, r.description ? clip(r.description, 90) : null].filter(Boolean).join(' · '))));
  return card('compensation', 'Compensation already given',
    h('span', { class: 'muted small' }, list.length > 12 ? `newest 12 of ${list.length}` : ''),
    list.length ? h('ul', { class: 'remedy-lines', dataset: { compensation: '' } }, rows) : h('div', { class: 'empty small-empty' }, h('p', {}, 'Nothing given yet.')),
    h('div', { class: 'brief-total' },
      h('span', {}, 'Total given'), h('strong', { dataset: { compensationTotal: '' } }, fmt.totals(b.compensation.totals.cost)),
      h('span', { class: 'muted' }, 'Revenue lost'), h('strong', { class: b.lost.entries ? 'late' : '', dataset: { lostTotal: '' } }, b.lost.entries ? fmt.totals(b.lost.all) : 'none recorded')));
}

const KIND = { call: 'Call', meeting: 'Meeting', email: 'E-mail', chat: 'Chat', in_person: 'In person', hostile_incident: 'Hostile' };

export function conversationsCard(b) {
  const items = b.interactions.map((i) => h('li', { class: ['conversation', i.kind === 'hostile_incident' && 'hostile'], dataset: { conversation: i.source } },
    h('div', { class: 'when' }, h('strong', {}, spoken(i.at)), h('span', { class: 'muted small' }, daysAgo(i.days_ago))),
    h('div', { class: 'stack tight' },
      h('div', {}, h('span', { class: 'badge' }, KIND[i.kind] || i.kind), i.by ? h('span', { class: 'by' }, ` ${i.by}`) : null),
      h('div', { class: 'summary' }, clip(i.summary, 160)))));
  return card('conversations', 'Last conversations', h('a', { class: 'small', href: `#/customers/${b.account.id}/timeline` }, 'Whole timeline →'),
    items.length ? h('ol', { class: 'conversations' }, items) : h('div', { class: 'empty small-empty' }, h('p', {}, 'No calls, meetings or e-mails on record.')));
}

function daysAgo(d) {
  if (d === null || d === undefined) return '';
  if (d <= 0) return 'today';
  return d === 1 ? 'yesterday' : `${d} days ago`;
}

export function decisionsCard(b) {
  const items = b.open_decisions.map((d) => h('a', { class: 'list-item', href: `#/decisions/${d.id}` },
    h('div', { class: 'stack' }, h('div', { class: 'title' }, d.title),
      h('div', { class: 'meta' }, `${fmt.plural(d.options.length, 'option')}${d.escalate_to_name ? ` · escalate to ${d.escalate_to_name}` : ''}`))));
  const contacts = b.contacts.map((c) => h('li', {}, h('strong', {}, c.name), c.title ? h('span', { class: 'muted' }, ` — ${c.title}`) : null,
    c.phone || c.email ? h('div', { class: 'muted small' }, [c.phone, c.email].filter(Boolean).join(' · ')) : null));
  return card('decisions', 'Open decisions and contacts', null,
    items.length ? h('div', { class: 'list' }, items) : h('div', { class: 'empty small-empty' }, h('p', {}, 'No open decisions.')),
    contacts.length ? h('div', { class: 'brief-sub' }, h('h3', {}, 'Who you may speak to'), h('ul', { class: 'contacts-mini' }, contacts)) : null);
}
