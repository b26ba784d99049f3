// Root causes: the small tree complaints are filed under ("Membratex > membrane seam >
// lot 2291"), each with its complaint count and remedy cost, and for the chosen one the
// month-by-month figures that show management what a decision really costs.

import * as api from '../api.js';
import { h, icon, mount } from '../dom.js';
import * as fmt from '../format.js';
import { barChart } from '../evidence/chart.js';
import { ICONS } from '../icons.js';
import { register } from '../shortcuts.js';
import { field, formDialog, showError, toast } from '../ui.js';

const onThisScreen = () => location.hash.startsWith('#/root-causes');
register({ keys: 'n', label: 'New root cause', group: 'Root causes', when: onThisScreen, run: () => document.querySelector('[data-action="new-root-cause"]')?.click() });

/** The currency that carries most of the cost, for the chart; the table shows them all. */
function mainCurrency(report, fallback) {
  const all = report.remedies.cost;
  if (!all.length) return fallback;
  return all.reduce((a, b) => (b.minor > a.minor ? b : a)).currency;
}

async function editCause(tree, rc, parentId) {
  const parents = [['', '— Top level —'], ...tree.filter((s) => !rc || s.root_cause.id !== rc.id).map((s) => [s.root_cause.id, s.root_cause.path])];
  return formDialog({
    title: rc ? `Rename or move “${rc.name}”` : 'New root cause',
    name: 'root-cause',
    body: h('div', { class: 'stack' },
      field({ name: 'name', label: 'Name', value: rc?.name, required: true, hint: 'One level only, e.g. “lot 2291”; the path is built from the parents.' }),
      field({ name: 'parent_id', label: 'Under', value: rc ? rc.parent_id || '' : parentId || '', options: parents }),
      field({ name: 'notes', label: 'Notes', type: 'textarea', rows: 2, value: rc?.notes })),
    submit: (v) => (rc ? api.updateRootCause(rc.id, v) : api.createRootCause(v)),
  });
}

function treeRow(sum, selected) {
  const rc = sum.root_cause;
  return h('a', { class: ['list-item', 'tree-row', `depth-${Math.min(rc.depth, 4)}`], href: `#/root-causes/${rc.id}`, 'aria-current': rc.id === selected ? 'true' : null, dataset: { rootCause: rc.path } },
    h('div', { class: 'stack' }, h('div', { class: 'title' }, rc.name),
      h('div', { class: 'meta' }, sum.remedy_cost.length ? `Remedies ${fmt.totals(sum.remedy_cost)}` : 'No remedy cost')),
    h('span', { class: 'spacer' }),
    sum.open_complaints ? h('span', { class: 'badge warn', title: 'Open complaints' }, `${sum.open_complaints} open`) : null,
    h('span', { class: 'badge', title: 'Complaints, children included', dataset: { count: String(sum.complaints) } }, String(sum.complaints)));
}

function reportView(r, ctx, tree, reload) {
  const rc = r.root_cause;
  const currency = mainCurrency(r, ctx.settings?.currency || 'EUR');
  const costIn = (m) => (m.remedy_cost.find((t) => t.currency === currency) || { minor: 0 }).minor;
  const wholeUnits = (minor) => fmt.money({ minor: Math.round(minor), currency }).replace(/\.\d+$/, '');
  const fig = (label, value) => h('div', { class: 'figure' }, h('div', { class: 'value' }, value), h('div', { class: 'label' }, label));
  return [
    h('div', { class: 'card', dataset: { rootCauseReport: rc.path } },
      h('div', { class: 'card-body stack' },
        h('div', { class: 'stack tight' }, h('h1', { dataset: { rootCauseTitle: '' } }, rc.path), rc.notes ? h('div', { class: 'muted' }, rc.notes) : null),
        h('div', { class: 'row wrap' },
          h('a', { class: 'btn small', href: `#/complaints/cause/${rc.id}`, dataset: { action: 'see-complaints' } }, 'See the complaints'),
          h('button', { class: 'btn small', type: 'button', onclick: async () => { if (await editCause(tree, null, rc.id)) { toast('Added.'); await reload(); } } }, 'Add a cause below…'),
          h('button', { class: 'btn small', type: 'button', onclick: async () => { if (await editCause(tree, rc)) { toast('Saved.'); await reload(); } } }, 'Rename or move…')),
        h('div', { class: 'figures four', dataset: { rootCauseTotals: '' } },
          fig('Complaints (with children)', String(r.complaints)),
          fig('Remedy cost committed', fmt.totals(r.remedies.cost)),
          fig('Delivered', fmt.totals(r.remedies.delivered)),
          fig('Still to deliver', fmt.totals(r.remedies.outstanding))),
        r.remedies.by_kind.length ? h('div', { class: 'row wrap small muted' }, 'By kind: ',
          r.remedies.by_kind.map((k) => h('span', { class: 'badge' }, `${k.kind.replace('_', ' ')} ${fmt.totals(k.cost)} (${k.count})`))) : null)),
    h('div', { class: 'card' },
      h('div', { class: 'card-head' }, h('h2', {}, 'Complaints per month'), h('span', { class: 'muted small' }, 'the last 12 months, children included')),
      h('div', { class: 'card-body' }, barChart({ title: `Complaints per month — ${rc.path}`, name: 'complaints', points: r.months.map((m) => ({ label: m.month, value: m.complaints })), integer: true }))),
    h('div', { class: 'card' },
      h('div', { class: 'card-head' }, h('h2', {}, 'Remedy cost per month'), h('span', { class: 'muted small' }, `in ${currency}, by the remedy’s date; declined remedies cost nothing; other currencies are in the table`)),
      h('div', { class: 'card-body' }, barChart({ title: `Remedy cost per month — ${rc.path}`, name: 'costs', className: 'cost',
        points: r.months.map((m) => ({ label: m.month, value: costIn(m), text: wholeUnits(costIn(m)) })),
        format: (v) => wholeUnits(v) }))),
    h('div', { class: 'card' },
      h('table', { class: 'table', dataset: { monthTable: '' } },
        h('thead', {}, h('tr', {}, h('th', {}, 'Month'), h('th', { class: 'num' }, 'Complaints'), h('th', { class: 'num' }, 'Remedy cost'))),
        h('tbody', {}, r.months.map((m) => h('tr', { dataset: { month: m.month } }, h('td', {}, fmt.moment(m.month, 'month')), h('td', { class: 'num' }, String(m.complaints)), h('td', { class: 'num' }, fmt.totals(m.remedy_cost))))),
        h('tfoot', {}, h('tr', {}, h('th', {}, 'Total, last 12 months'), h('th', { class: 'num' }, String(r.months.reduce((a, m) => a + m.complaints, 0))),
          h('th', { class: 'num', dataset: { yearCost: '' } }, fmt.totals(sumTotals(r.months.map((m) => m.remedy_cost)))))))),
  ];
}

function sumTotals(lists) {
  const by = new Map();
  for (const list of lists) for (const m of list) by.set(m.currency, (by.get(m.currency) || 0) + m.minor);
  return [...by.entries()].sort().map(([currency, minor]) => ({ currency, minor }));
}

export async function render(container, params, ctx) {
  const treeEl = h('div', { dataset: { rootCauseTree: '' } });
  const detail = h('div', { class: 'stack' });
  let tree = [];
  async function load() {
    tree = await api.listRootCauses();
    // Without a choice, open the top-level cause with the most complaints.
    const top = tree.filter((s) => s.root_cause.depth === 0).sort((a, b) => b.complaints - a.complaints)[0];
    const selected = params.id || (top && top.complaints ? top.root_cause.id : null);
    mount(treeEl, tree.length ? h('div', { class: 'list' }, tree.map((s) => treeRow(s, selected)))
      : h('div', { class: 'empty', dataset: { empty: 'root-causes' } }, h('h3', {}, 'No root causes yet'),
        h('p', {}, 'Build a small tree such as “Supplier > component > lot”, then file complaints under it.')));
    if (selected) mount(detail, reportView(await api.rootCauseReport(selected, 12), ctx, tree, load));
    else mount(detail, h('div', { class: 'card' }, h('div', { class: 'empty' }, h('h3', {}, 'Choose a root cause'))));
  }
  container.append(
    h('div', { class: 'page-head evidence-head' },
      h('div', {}, h('h1', {}, 'Root causes'), h('div', { class: 'sub' }, 'Complaint counts and remedy costs by cause, month by month — what a supply decision really costs.')),
      h('span', { class: 'spacer' }),
      h('button', { class: 'btn primary', type: 'button', dataset: { action: 'new-root-cause' },
        onclick: async () => { if (await editCause(tree, null, null)) { toast('Root cause added.'); await load(); } } }, icon(ICONS.plus), 'New root cause')),
    h('div', { class: 'split' }, h('div', { class: 'card' }, treeEl), detail));
  await load().catch(showError);
}
