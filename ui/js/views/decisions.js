// Decisions and their contingencies (situation 3): each option with its benefits, risks and
// the plan if it goes wrong; the option chosen and why; and who to escalate to.

import * as api from '../api.js';
import { h, icon, mount } from '../dom.js';
import * as fmt from '../format.js';
import { decideDialog, newDecision } from '../evidence/decision-forms.js';
import { ICONS } from '../icons.js';
import { pagedList } from '../paged.js';
import { register } from '../shortcuts.js';
import { showError, toast } from '../ui.js';

const onThisScreen = () => location.hash.startsWith('#/decisions');
register({ keys: 'n', label: 'Record a decision', group: 'Decisions', when: onThisScreen, run: () => document.querySelector('[data-action="new-decision"]')?.click() });

function statusBadge(d) {
  return h('span', { class: ['badge', d.status === 'open' ? 'warn' : 'ok'] }, d.status === 'open' ? 'Open' : 'Decided');
}

function optionCard(o) {
  const part = (label, text, cls) => h('div', { class: ['option-part', cls] }, h('div', { class: 'option-label' }, label), h('div', { class: 'pre-line' }, text || '—'));
  return h('div', { class: ['option-card', o.chosen && 'chosen'], dataset: { optionCard: o.label } },
    h('div', { class: 'option-head' }, h('span', { class: 'option-number' }, String(o.position)), h('strong', {}, o.label), o.chosen ? h('span', { class: 'badge ok' }, 'Chosen') : null),
    part('Benefits', o.benefits, 'benefits'),
    part('Risks', o.risks, 'risks'),
    part('Contingency — if it goes wrong', o.contingency, 'contingency'));
}

async function showDecision(el, id, reloadList) {
  let d;
  try {
    d = await api.getDecision(id);
  } catch (err) {
    mount(el, h('div', { class: 'card' }, h('div', { class: 'empty' }, h('h3', {}, 'Decision not found'), h('p', {}, err.message))));
    return;
  }
  const chosen = d.options.find((o) => o.chosen);
  const refresh = async () => { await showDecision(el, id, reloadList); await reloadList(); };
  mount(el, h('div', { class: 'card', dataset: { decisionCard: d.title } },
    h('div', { class: 'card-body stack' },
      h('div', { class: 'detail-head' },
        h('div', { class: 'stack tight' }, h('h1', {}, d.title), h('div', { class: 'row wrap' }, statusBadge(d),
          d.account_name ? h('a', { href: `#/customers/${d.account_id}/timeline` }, d.account_name) : null,
          d.complaint_reference ? h('a', { href: `#/complaints/${d.complaint_id}` }, d.complaint_reference) : null,
          h('span', { class: 'muted small' }, `recorded ${fmt.instant(d.recorded_at)}`))),
        h('span', { class: 'spacer' }),
        d.status === 'open' ? h('button', { class: 'btn primary', type: 'button', dataset: { action: 'decide' },
          onclick: async () => { if (await decideDialog(d)) { toast('Decision recorded.'); await refresh(); } } }, 'Decide…') : null),
      d.context ? h('div', { class: 'pre-line context' }, d.context) : null,
      h('dl', { class: 'kv' },
        h('dt', {}, 'Escalate to'), h('dd', { dataset: { escalateTo: '' } }, d.escalate_to_name || 'Nobody named'),
        h('dt', {}, 'Decision'), h('dd', { dataset: { chosen: chosen ? chosen.label : '' } }, chosen
          ? [h('strong', {}, chosen.label), ` — decided by ${d.decided_by_name || 'someone not recorded'} on ${fmt.date(d.decided_on)}`]
          : 'Not decided yet'),
        chosen ? [h('dt', {}, 'Rationale'), h('dd', { class: 'pre-line', dataset: { rationale: '' } }, d.rationale)] : null))),
  h('div', { class: 'options-grid', dataset: { options: '' } }, d.options.map(optionCard)));
}

export async function render(container, params, ctx) {
  const detail = h('div', { dataset: { decisionDetail: '' } });
  const list = pagedList({
    name: 'decisions',
    load: (offset, limit) => api.listDecisions({ offset, limit }),
    item: (d) => h('a', { class: 'list-item', href: `#/decisions/${d.id}`, 'aria-current': d.id === params.id ? 'true' : null, dataset: { decision: d.title } },
      h('div', { class: 'stack' }, h('div', { class: 'title' }, d.title),
        h('div', { class: 'meta' }, [d.account_name, d.decided_on ? `decided ${fmt.date(d.decided_on)}` : `${d.options.length} options`].filter(Boolean).join(' · '))),
      h('span', { class: 'spacer' }), statusBadge(d)),
    empty: () => h('div', { class: 'empty', dataset: { empty: 'decisions' } },
      h('h3', {}, 'No decisions yet'),
      h('p', {}, 'When you must choose a course — comply, escalate, compensate — write down the options with their risks and a plan for each.')),
  });
  async function create() {
    const d = await newDecision();
    if (d) { toast('Decision recorded.'); ctx.navigate(`/decisions/${d.id}`); }
  }
  container.append(
    h('div', { class: 'page-head evidence-head' },
      h('div', {}, h('h1', {}, 'Decisions'), h('div', { class: 'sub' }, 'Your options, their risks and contingencies, what you chose and why — written down at the time.')),
      h('span', { class: 'spacer' }),
      h('button', { class: 'btn primary', type: 'button', dataset: { action: 'new-decision' }, onclick: create }, icon(ICONS.plus), 'New decision')),
    h('div', { class: 'split' }, h('div', { class: 'card' }, list.el), detail));
  try {
    const page = await list.reload();
    const id = params.id || (page.items[0] && page.items[0].id);
    if (id) await showDecision(detail, id, () => list.reload());
    else mount(detail, h('div', { class: 'card' }, h('div', { class: 'empty' }, h('h3', {}, 'Choose a decision'))));
  } catch (err) {
    showError(err);
  }
}
