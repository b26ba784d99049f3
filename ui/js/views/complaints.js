// Complaints: every complaint with its status, how late its first response is, and what
// fixing it has cost. Filters by status, severity, customer and root cause; paged.

import * as api from '../api.js';
import { debounce, h, icon } from '../dom.js';
import * as fmt from '../format.js';
import { newComplaint, rootCauseOptions } from '../evidence/complaint-forms.js';
import { COMPLAINT_STATUS, SEVERITY, options, severityClass, statusBadgeClass } from '../evidence/words.js';
import { ICONS } from '../icons.js';
import { pagedList } from '../paged.js';
import { register } from '../shortcuts.js';
import { showError, toast } from '../ui.js';

const onThisScreen = () => /^#\/complaints(\/(customer|cause)\/.*)?$/.test(location.hash);
register({ keys: 'n', label: 'New complaint', group: 'Complaints', when: onThisScreen, run: () => document.querySelector('[data-action="new-complaint"]')?.click() });
register({ keys: '/', label: 'Search complaints', group: 'Complaints', when: onThisScreen, run: () => document.querySelector('[data-filter="complaints"]')?.focus() });

function row(r) {
  const c = r;
  return h('tr', { class: [r.response_overdue && 'overdue'], dataset: { complaint: c.reference, id: c.id }, tabindex: '0',
    onclick: () => { location.hash = `#/complaints/${c.id}`; },
    onkeydown: (e) => { if (e.key === 'Enter') location.hash = `#/complaints/${c.id}`; } },
  h('td', { class: 'nowrap' }, h('a', { href: `#/complaints/${c.id}` }, c.reference)),
  h('td', { class: 'nowrap' }, fmt.moment(c.received_at, c.received_at.length > 10 ? 'exact' : 'day')),
  h('td', {}, c.account_name, c.complainant_name ? h('div', { class: 'muted small' }, c.complainant_name) : null),
  h('td', { class: 'clip' }, h('div', { class: 'clip-2' }, c.description),
    h('div', { class: 'muted small', title: c.root_cause_path ? 'Root cause' : null }, c.root_cause_path || [c.component, c.lot && `lot ${c.lot}`].filter(Boolean).join(' · '))),
  h('td', {}, h('span', { class: ['badge', severityClass(c.severity)] }, String(c.severity))),
  h('td', {}, h('span', { class: ['badge', statusBadgeClass(c.status)] }, COMPLAINT_STATUS[c.status])),
  h('td', { class: 'nowrap' }, fmt.date(c.response_due_on), r.response_overdue ? h('div', { class: 'badge danger' }, 'late') : null),
  h('td', { class: 'num' }, fmt.totals(r.remedy_cost)));
}

export async function render(container, params, ctx) {
  const q = { search: '', status: '', severity: '', account_id: params.account || '', root_cause_id: params.root || '' };
  const list = pagedList({
    name: 'complaints',
    limit: 50,
    load: (offset, limit) => api.listComplaints({ ...q, offset, limit }),
    item: row,
    wrap: (rows) => h('table', { class: 'table complaints' },
      h('thead', {}, h('tr', {}, ['Reference', 'Received', 'Customer', 'What is wrong', 'Sev.', 'Status', 'Response due', 'Remedy cost'].map((t) => h('th', {}, t)))),
      h('tbody', {}, rows)),
    empty: () => h('div', { class: 'empty', dataset: { empty: 'complaints' } },
      h('h3', {}, Object.values(q).some(Boolean) ? 'No complaint matches' : 'No complaints yet'),
      h('p', {}, 'Log each complaint with its customer, severity and root cause; move it through the workflow and record what fixing it cost.'),
      h('button', { class: 'btn primary', type: 'button', onclick: () => create() }, 'Log a complaint')),
  });
  const refilter = () => list.reset().catch(showError);
  const select = (name, label, opts, value) => {
    const el = h('select', { 'aria-label': label, dataset: { filter: name } }, opts.map(([v, t]) => h('option', { value: v, selected: v === value }, t)));
    el.addEventListener('change', () => { q[name] = el.value; refilter(); });
    return el;
  };
  const [accounts, roots] = await Promise.all([api.listAccounts({ limit: 200 }), rootCauseOptions()]);
  const search = h('input', { type: 'search', class: 'search-input', placeholder: 'Search reference, text, component, lot', 'aria-label': 'Search complaints', dataset: { filter: 'complaints' } });
  search.addEventListener('input', debounce(() => { q.search = search.value; refilter(); }, 200));

  async function create() {
    const saved = await newComplaint(ctx, { accountId: q.account_id });
    if (saved) { toast(`${saved.reference} logged. First response due ${fmt.date(saved.response_due_on)}.`); ctx.navigate(`/complaints/${saved.id}`); }
  }

  const scoped = accounts.items.find((s) => s.account.id === q.account_id)?.account.name;
  container.append(
    h('div', { class: 'page-head evidence-head' },
      h('div', {}, h('h1', {}, scoped ? `Complaints — ${scoped}` : 'Complaints'),
        h('div', { class: 'sub' }, 'Every complaint, where it stands in the workflow, and what fixing it has cost.')),
      h('span', { class: 'spacer' }),
      h('a', { class: 'btn', href: '#/root-causes' }, 'Root causes'),
      h('button', { class: 'btn primary', type: 'button', dataset: { action: 'new-complaint' }, onclick: create }, icon(ICONS.plus), 'New complaint')),
    h('div', { class: 'card' },
      h('div', { class: 'card-head filters' },
        search,
        select('status', 'Status', [['', 'Any status'], ['open', 'Open (not resolved)'], ...options(COMPLAINT_STATUS)], ''),
        select('severity', 'Severity', [['', 'Any severity'], ...options(SEVERITY)], ''),
        select('account_id', 'Customer', [['', 'All customers'], ...accounts.items.map((s) => [s.account.id, s.account.name])], q.account_id),
        select('root_cause_id', 'Root cause', [['', 'Any root cause'], ...roots.slice(1)], q.root_cause_id)),
      list.el));
  await list.reload();
}
