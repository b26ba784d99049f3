// The customer briefing: everything to know in the minute before a call. Figures first,
// then the talking points beside the open promises (overdue ones and who made them first),
// then complaints, compensation already given, the last conversations and open decisions.
// Everything is worked out in the core; this screen only lays it out.
//
// Without a customer (#/briefing) it asks which one, with the customers needing attention.

import * as api from '../api.js';
import { h, icon, initials, mount } from '../dom.js';
import * as fmt from '../format.js';
import { ICONS } from '../icons.js';
import { onLedgerChange } from '../promise-bits.js';
import { register } from '../shortcuts.js';
import { typeahead } from '../typeahead.js';
import { showError, toast } from '../ui.js';
import { byAttention, customerSuggestions } from '../before-call.js';
import { complaintsCard, compensationCard, conversationsCard, decisionsCard, figureMoney, promisesCard, spoken, talkingPointsCard } from '../briefing/cards.js';

const onThisScreen = () => /^#\/briefing\/[^/]+$/.test(location.hash);
register({ keys: 't', label: 'Open this customer’s timeline', group: 'Briefing', when: onThisScreen, run: () => document.querySelector('[data-action="briefing-timeline"]')?.click() });

export async function render(container, params, ctx) {
  if (!params.id) return picker(container, ctx);
  const body = h('div', { class: 'briefing', dataset: { briefing: '' } });
  container.append(body);
  const draw = async () => {
    let b;
    try {
      b = await api.getBriefing(params.id);
    } catch (err) {
      mount(body, h('div', { class: 'card' }, h('div', { class: 'empty' }, h('h3', {}, 'No briefing'), h('p', {}, err.message),
        h('a', { class: 'btn', href: '#/briefing' }, 'Choose a customer'))));
      return;
    }
    // What to say beside what was promised and what was already given; the history below.
    mount(body, head(b, ctx), figures(b),
      h('div', { class: 'brief-columns' }, talkingPointsCard(b), h('div', { class: 'brief-stack' }, promisesCard(b), compensationCard(b))),
      h('div', { class: 'brief-columns even' }, complaintsCard(b), h('div', { class: 'brief-stack' }, conversationsCard(b), decisionsCard(b))));
    body.dataset.briefing = b.account.name;
  };
  await draw();
  return onLedgerChange(draw);
}

function head(b, ctx) {
  const a = b.account;
  const c = b.communicator;
  const last = b.last_contact;
  const facts = [
    a.segment ? h('span', {}, a.segment) : null,
    h('span', { dataset: { annualValue: '' } }, a.annual_value ? `${fmt.money(a.annual_value)} a year` : 'Annual value not recorded'),
    h('span', { dataset: { communicator: '' } }, c
      ? ['Single communicator ', h('strong', {}, c.name), c.is_me ? ' (you)' : '', c.since ? ` since ${spoken(c.since)}` : '']
      : h('span', { class: 'warn-text' }, 'No single communicator named')),
  ].filter(Boolean);
  return h('div', { class: 'brief-head' },
    h('div', { class: 'avatar large' }, initials(a.name)),
    h('div', { class: 'brief-title' },
      h('div', { class: 'eyebrow' }, `Briefing · ${fmt.date(b.today)}`),
      h('h1', { dataset: { briefingName: '' } }, a.name),
      h('div', { class: 'brief-facts' }, facts.flatMap((f, i) => (i ? [h('span', { class: 'dot' }, '·'), f] : [f]))),
      h('div', { class: 'brief-last', dataset: { lastContact: '' } }, last
        ? [h('span', { class: 'label' }, 'Last contact '), h('strong', {}, ago(last.days_ago)), ` · ${kindWord(last.kind)}`,
          last.by ? [' by ', h('strong', {}, last.by)] : '', h('span', { class: 'muted' }, ` — ${last.summary}`)]
        : h('span', { class: 'muted' }, 'No conversation on record yet.'))),
    h('div', { class: 'brief-actions' },
      h('a', { class: 'btn small', href: `#/customers/${a.id}/timeline`, dataset: { action: 'briefing-timeline' } }, icon(ICONS.timeline), 'Timeline'),
      h('a', { class: 'btn small', href: `#/customers/${a.id}` }, icon(ICONS.customers), 'Customer'),
      h('button', { class: 'btn small', type: 'button', dataset: { action: 'briefing-pdf' }, title: 'Save this briefing on one page, to print or take into a meeting', onclick: () => saveOnePager(a.id) },
        icon(ICONS.packet), 'One-page PDF…'),
      h('button', { class: 'btn small', type: 'button', title: 'Ctrl+B', onclick: () => import('../before-call.js').then((m) => m.chooseBriefing(ctx)) },
        'Another customer', h('span', { class: 'kbd' }, 'Ctrl+B'))));
}

/** The one-page PDF of this briefing, saved where the native dialog says, then offered to open. */
async function saveOnePager(accountId) {
  try {
    const saved = await api.saveBriefingPdf(accountId);
    if (saved) toast(`Saved ${saved.name}.`, { action: { label: 'Open', run: () => api.openPacket(saved.path).catch((err) => showError(err)) } });
  } catch (err) {
    showError(err);
  }
}

export function ago(days) {
  if (days === null || days === undefined) return 'date unknown';
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

export function kindWord(kind) {
  return { call: 'call', meeting: 'meeting', email: 'e-mail', chat: 'chat', in_person: 'in person', hostile_incident: 'hostile incident' }[kind] || kind.replace('_', ' ');
}

function figures(b) {
  const f = b.figures;
  const tile = (name, label, value, sub, tone = '') => h('div', { class: ['figure', 'brief-figure', tone], dataset: { figure: name } },
    h('div', { class: 'value' }, value), h('div', { class: 'label' }, label), sub ? h('div', { class: 'sub' }, sub) : null);
  const silence = f.longest_silence_days !== null && f.longest_silence_days !== undefined ? `${fmt.plural(f.longest_silence_days, 'day')} of silence` : 'nothing waiting';
  return h('div', { class: 'figures brief-figures', dataset: { briefFigures: '' } },
    tile('overdue', 'Overdue promises', String(f.overdue_promises), f.broken_recently ? `${f.broken_recently} broken recently` : 'none broken recently', f.overdue_promises ? 'danger' : 'calm'),
    tile('open', 'Open promises', String(f.open_promises), `${f.due_soon} due within a week`, f.due_soon ? 'warn' : ''),
    tile('unanswered', 'Awaiting a reply', String(f.unanswered_follow_ups), silence, f.unanswered_follow_ups ? 'warn' : ''),
    tile('complaints', 'Open complaints', String(f.open_complaints), f.oldest_open_complaint_days !== null && f.oldest_open_complaint_days !== undefined ? `oldest ${fmt.plural(f.oldest_open_complaint_days, 'day')}` : 'none open', f.open_complaints ? 'warn' : ''),
    tile('compensation', 'Compensation given', figureMoney(f.compensation), fmt.plural(b.compensation.remedies.filter((r) => r.status !== 'declined').length, 'remedy', 'remedies')),
    tile('lost', 'Revenue lost', figureMoney(f.lost), b.lost.entries ? `${figureMoney(b.lost.confirmed)} confirmed` : 'none recorded', b.lost.entries ? 'danger' : ''));
}

async function picker(container, ctx) {
  const ta = typeahead({
    name: 'customer', label: 'Which customer are you about to call?', placeholder: 'Type a customer’s name', source: customerSuggestions,
    onPick: (item) => { if (item) ctx.navigate(`/briefing/${item.id}`); },
  });
  const list = h('div', { class: 'list', dataset: { attention: '' } });
  container.append(
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Briefing'),
        h('div', { class: 'sub' }, 'Before a call: what is open, who promised what, what was already given, and what to say. Press ', h('span', { class: 'kbd' }, 'Ctrl+B'), ' on any screen.'))),
    h('div', { class: 'card brief-picker' }, h('div', { class: 'card-body' }, ta.el)),
    h('div', { class: 'card' }, h('div', { class: 'card-head' }, h('h2', {}, 'Customers needing attention'), h('span', { class: 'muted small' }, 'overdue promises and open complaints first')), list));
  ta.focus();
  const page = await api.listAccounts({ limit: 200 });
  const rows = byAttention(page.items);
  mount(list, rows.length ? rows.slice(0, 12).map((s) => h('a', { class: 'list-item', href: `#/briefing/${s.account.id}`, dataset: { briefingFor: s.account.name } },
    h('div', { class: 'avatar' }, initials(s.account.name)),
    h('div', { class: 'stack' }, h('div', { class: 'title' }, s.account.name),
      h('div', { class: 'meta' }, [s.account.segment, s.account.communicator_name ? `with ${s.account.communicator_name}` : null].filter(Boolean).join(' · '))),
    h('span', { class: 'spacer' }),
    h('div', { class: 'row' },
      s.overdue_promises ? h('span', { class: 'badge danger' }, `${s.overdue_promises} overdue`) : null,
      s.open_complaints ? h('span', { class: 'badge warn' }, fmt.plural(s.open_complaints, 'complaint')) : null,
      s.open_promises ? h('span', { class: 'badge' }, `${s.open_promises} open`) : null)))
    : h('div', { class: 'empty' }, h('h3', {}, 'No customers yet'), h('p', {}, 'Add a customer first; their briefing appears here.')));
  return null;
}
