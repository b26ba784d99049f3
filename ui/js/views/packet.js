// The packet builder: choose what the escalation packet covers and who it is for, watch
// its figures as you choose, then "Save PDF…" (the native dialog and the PDF are made in
// Rust, off the window's thread, with progress) and "Open" it in the system's viewer.

import * as api from '../api.js';
import { debounce, h, icon, mount } from '../dom.js';
import * as fmt from '../format.js';
import { ICONS } from '../icons.js';
import { register } from '../shortcuts.js';
import { clearErrors, field, showError, toast } from '../ui.js';

const SECTIONS = [
  ['summary', 'Executive summary', 'The figures, by promiser, complaints by status and root cause'],
  ['promises', 'Broken and overdue promises', 'Who promised what, to whom, when it was due, how it was chased, what it cost'],
  ['chronology', 'Chronology', 'Every dated record, with its source and strength; corrections marked'],
  ['complaints', 'Complaints and remedies', 'What each customer said, its root cause, the remedies and their cost'],
  ['decisions', 'Decisions', 'Each decision with its options, risks and contingency plans'],
  ['charts', 'Charts', 'Complaints per month by root cause; kept against broken per promiser'],
  ['exhibits', 'Exhibit index', 'Every attached file with its SHA-256'],
];

const DEFAULT_CONFIDENTIALITY = 'Confidential — for the named recipient only';

const onThisScreen = () => location.hash.startsWith('#/packet');
register({ keys: 'ctrl+s', label: 'Save the packet as PDF…', group: 'Packet', when: onThisScreen, run: () => document.querySelector('[data-action="save-packet"]')?.click() });

function figure(key, label, value, note = null, alert = false) {
  return h('div', { class: ['figure', alert && 'danger'], dataset: { packetFigure: key } },
    h('div', { class: 'value' }, value), h('div', { class: 'label' }, label), note ? h('div', { class: 'note' }, note) : null);
}

/** Sums in several currencies, one per line, so no amount is ever broken in two. */
function amounts(list) {
  if (!list || !list.length) return '—';
  return list.map((m) => h('span', { class: 'amount' }, fmt.money(m)));
}

/** The first and last day of a quick period, counted back from today. */
function period(kind) {
  const now = new Date();
  const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  if (kind === 'all') return ['', ''];
  if (kind === 'year') return [`${now.getFullYear()}-01-01`, iso(now)];
  const months = kind === '3m' ? 3 : 12;
  const from = new Date(now.getFullYear(), now.getMonth() - months, now.getDate() + 1);
  return [iso(from), iso(now)];
}

function previewFigures(p) {
  const f = p.figures;
  const pr = f.promises;
  const rate = pr.on_time_rate ? `${pr.on_time_rate.percent}%` : '—';
  const judged = pr.on_time_rate ? `${pr.on_time_rate.on_time} of ${pr.on_time_rate.out_of} judged` : 'nothing to judge yet';
  return h('div', { class: 'packet-figures' },
    figure('made', 'Promises made', String(pr.made), `${pr.not_in_writing} not in writing`),
    figure('kept', 'Kept on time', String(pr.kept_on_time), `${pr.kept_late} kept late`),
    figure('broken', 'Broken', String(pr.broken), `${pr.withdrawn} withdrawn`, pr.broken > 0),
    figure('open', 'Open', String(pr.open), `${pr.renegotiated} renegotiated`),
    figure('overdue', 'Overdue', String(pr.overdue), 'open, past the due date', pr.overdue > 0),
    figure('rate', 'On-time rate', rate, judged),
    figure('unanswered', 'Follow-ups unanswered', String(pr.follow_ups_unanswered), 'since the last reply', pr.follow_ups_unanswered > 0),
    figure('lost', 'Lost revenue', amounts(f.lost.all), f.lost.all.length ? `${fmt.totals(f.lost.confirmed)} confirmed` : 'none recorded', f.lost.all.length > 0),
    figure('remedies', 'Remedy cost', amounts(f.remedies.cost), `${fmt.totals(f.remedies.delivered)} delivered`),
    figure('complaints', 'Complaints', String(f.complaints), `${f.open_complaints} still open`),
    figure('decisions', 'Decisions', String(f.decisions)),
    figure('entries', 'Timeline entries', String(f.chronology_entries), fmt.plural(f.exhibits, 'exhibit')));
}

function customerList(accounts, chosen, onChange) {
  if (!accounts.length) return h('div', { class: 'muted small', dataset: { empty: 'packet-customers' } }, 'No customer matches.');
  return h('div', { class: 'packet-customers', role: 'group', 'aria-label': 'Customers' },
    accounts.map((s) => {
      const a = s.account;
      const id = `pc-${a.id}`;
      const meta = [s.overdue_promises ? `${s.overdue_promises} overdue` : null, s.open_complaints ? fmt.plural(s.open_complaints, 'open complaint') : null].filter(Boolean).join(' · ');
      return h('label', { class: 'packet-customer', for: id },
        h('input', { id, type: 'checkbox', checked: chosen.has(a.id), dataset: { packetCustomer: a.name },
          onchange: (e) => { if (e.target.checked) chosen.set(a.id, a.name); else chosen.delete(a.id); onChange(); } }),
        h('span', { class: 'who' }, h('span', { class: 'name' }, a.name), meta ? h('span', { class: 'meta' }, meta) : null));
    }));
}

export async function render(container, _params, ctx) {
  const settings = ctx.settings || (await api.getSettings());
  const [accountsPage, records] = await Promise.all([api.listAccounts({ limit: 200 }), api.promiserRecords()]);
  const chosen = new Map();
  let accounts = accountsPage.items;
  let saving = false;
  let seq = 0;

  const customersSlot = h('div', {});
  const chosenLine = h('div', { class: 'hint', dataset: { packetChosen: '' } });
  const filter = h('input', { type: 'search', class: 'packet-filter', placeholder: 'Filter customers…', 'aria-label': 'Filter customers', dataset: { packetFilter: '' },
    oninput: debounce(async () => {
      accounts = (await api.listAccounts({ search: filter.value, limit: 200 })).items;
      drawCustomers();
    }, 150) });
  function drawCustomers() {
    mount(customersSlot, customerList(accounts, chosen, () => { drawChosen(); refresh(); }));
    drawChosen();
  }
  function drawChosen() {
    briefBtn.disabled = chosen.size !== 1;
    chosenLine.textContent = chosen.size
      ? `${fmt.plural(chosen.size, 'customer')} chosen: ${[...chosen.values()].join(', ')}`
      : `None chosen: the packet covers every customer (${accountsPage.total}).`;
  }

  const promisers = records.filter((r) => r.made > 0);
  const sectionBoxes = SECTIONS.map(([key, label, hint]) => h('label', { class: 'packet-section' },
    h('input', { type: 'checkbox', name: 'sections', value: key, checked: true, dataset: { packetSection: key }, onchange: () => refresh() }),
    h('span', {}, h('strong', {}, label), h('span', { class: 'hint' }, hint))));

  const form = h('form', { class: 'stack', novalidate: true, dataset: { form: 'packet' }, onsubmit: (e) => e.preventDefault(), oninput: (e) => { if (!e.target.closest('[data-packet-filter]')) refresh(); },
    onchange: (e) => { if (!e.target.closest('[data-packet-filter]')) refresh(); } },
    h('div', { class: 'notice danger', 'data-form-error': '', hidden: true, role: 'alert' }),
    h('div', { class: 'card' },
      h('div', { class: 'card-head' }, h('h2', {}, 'What it covers')),
      h('div', { class: 'card-body stack' },
        h('div', { class: 'field' }, h('span', { class: 'label' }, 'Customers'), filter, customersSlot, chosenLine,
          h('div', { class: 'error', 'data-error-for': 'account_ids', role: 'alert' })),
        h('div', { class: 'grid-3' },
          field({ name: 'person_id', label: 'Promises made by', options: [['', 'Everyone'], ...promisers.map((r) => [r.person_id, `${r.name} — ${fmt.plural(r.made, 'promise')}`])], hint: 'Only their promises, and what is about them.' }),
          field({ name: 'from', label: 'From', attrs: { placeholder: 'e.g. 2026-01-01', inputmode: 'numeric' }, hint: 'Blank: from the first record.' }),
          field({ name: 'to', label: 'To', attrs: { placeholder: 'e.g. 2026-06-30', inputmode: 'numeric' }, hint: 'Blank: up to today.' })),
        h('div', { class: 'row wrap packet-periods' }, h('span', { class: 'small muted' }, 'Period:'),
          [['3m', 'Last 3 months'], ['12m', 'Last 12 months'], ['year', 'This year'], ['all', 'Everything']].map(([kind, label]) =>
            h('button', { class: 'btn small', type: 'button', dataset: { packetPeriod: kind }, onclick: () => {
              const [from, to] = period(kind);
              form.querySelector('[name=from]').value = from;
              form.querySelector('[name=to]').value = to;
              refresh();
            } }, label))),
        h('div', { class: 'field' }, h('span', { class: 'label' }, 'Sections'), h('div', { class: 'packet-sections' }, sectionBoxes),
          h('div', { class: 'hint' }, 'The cover, the contents, the definitions and the integrity page are always included.'),
          h('div', { class: 'error', 'data-error-for': 'sections', role: 'alert' })))),
    h('div', { class: 'card' },
      h('div', { class: 'card-head' }, h('h2', {}, 'Who it is for')),
      h('div', { class: 'card-body grid-2' },
        field({ name: 'recipient_name', label: 'Recipient', hint: 'e.g. the boss’s manager, or HR.' }),
        field({ name: 'recipient_title', label: 'Their title' }),
        field({ name: 'prepared_by', label: 'Prepared by', value: settings.your_name, hint: settings.your_name ? null : 'Set “your name” in Settings to fill this in.' }),
        field({ name: 'paper', label: 'Paper', value: settings.paper, options: [['a4', 'A4'], ['letter', 'US Letter']] }),
        field({ name: 'confidentiality', label: 'Confidentiality line', value: DEFAULT_CONFIDENTIALITY, span: 'span-all', hint: 'Printed at the top of every page and on the cover.' }))));

  const previewBody = h('div', { class: 'stack', dataset: { packetPreview: '' } }, h('div', { class: 'muted' }, 'Working out the figures…'));
  const progressBar = h('div', { class: 'packet-progress-bar' });
  const progressText = h('div', { class: 'small muted' });
  const progress = h('div', { class: 'packet-progress', hidden: true, dataset: { packetProgress: '' } }, h('div', { class: 'packet-progress-track' }, progressBar), progressText);
  const result = h('div', { class: 'packet-result', hidden: true, dataset: { packetResult: '' } });
  const saveBtn = h('button', { class: 'btn primary', type: 'button', dataset: { action: 'save-packet' }, onclick: () => save() }, icon(ICONS.packet), 'Save PDF…');
  const briefBtn = h('button', { class: 'btn', type: 'button', disabled: true, dataset: { action: 'save-briefing' },
    title: 'Choose exactly one customer for its one-page briefing',
    onclick: () => save(() => api.saveBriefingPdf([...chosen.keys()][0])) }, 'One-page briefing…');

  function input() {
    const v = {};
    for (const el of form.querySelectorAll('[name]')) if (el.type !== 'checkbox') v[el.name] = el.value;
    return {
      account_ids: [...chosen.keys()],
      person_id: v.person_id || null,
      from: v.from || '',
      to: v.to || '',
      sections: [...form.querySelectorAll('[name=sections]')].filter((b) => b.checked).map((b) => b.value),
      recipient_name: v.recipient_name,
      recipient_title: v.recipient_title,
      prepared_by: v.prepared_by,
      confidentiality: v.confidentiality,
      paper: v.paper,
    };
  }

  const refresh = debounce(async () => {
    const mine = ++seq;
    clearErrors(form);
    try {
      const p = await api.packetPreview(input());
      if (mine !== seq) return;
      mount(previewBody,
        p.is_demo ? h('div', { class: 'notice warn', dataset: { packetDemo: '' } }, 'This is the demo case file: the packet will be marked DEMO on its cover and on every page.') : null,
        previewFigures(p),
        h('div', { class: 'small muted', dataset: { packetCustomers: '' } }, `Customers: ${p.customers.length > 4 ? `${p.customers.slice(0, 4).join(', ')} and ${p.customers.length - 4} more` : p.customers.join(', ') || 'none'}`),
        p.chronology_cut ? h('div', { class: 'notice warn' }, `The chronology holds ${p.figures.chronology_entries} entries; only the newest ${p.figures.chronology_printed} will be printed. Narrow the period to print earlier ones.`) : null);
      saveBtn.disabled = saving;
    } catch (err) {
      if (mine !== seq) return;
      showError(err, form);
      saveBtn.disabled = true;
    }
  }, 200);

  async function save(make = () => api.savePacket(input())) {
    if (saving) return;
    clearErrors(form);
    saving = true;
    saveBtn.disabled = true;
    result.hidden = true;
    try {
      const saved = await make();
      if (!saved) return;
      mount(result,
        h('div', { class: 'row' }, icon(ICONS.packet),
          h('div', { class: 'stack tight', dataset: { packetSaved: saved.path } },
            h('strong', {}, saved.name),
            h('span', { class: 'small muted' }, `${fmt.plural(saved.pages, 'page')} · ${saved.size} · ${saved.path}`)),
          h('span', { class: 'spacer' }),
          h('button', { class: 'btn', type: 'button', dataset: { action: 'open-packet' },
            onclick: () => api.openPacket(saved.path).catch((err) => showError(err)) }, 'Open')));
      result.hidden = false;
      toast(saved.records_sha256 ? 'Packet saved.' : 'Briefing saved.');
    } catch (err) {
      showError(err, form);
    } finally {
      saving = false;
      saveBtn.disabled = false;
      progress.hidden = true;
    }
  }

  const unlisten = await api.on('packet-progress', (p) => {
    progress.hidden = p.done >= p.total;
    progressBar.style.width = `${Math.round((100 * p.done) / Math.max(1, p.total))}%`;
    progressText.textContent = p.stage;
  });

  container.append(
    h('div', { class: 'page-head', dataset: { screen: 'packet' } },
      h('div', {}, h('h1', {}, 'Escalation packet'),
        h('div', { class: 'sub' }, 'A PDF someone senior will take seriously: figures first, every line dated and sourced, with an integrity page.'))),
    h('div', { class: 'packet-layout' }, form,
      h('div', { class: 'card packet-side' },
        h('div', { class: 'card-head' }, h('h2', {}, 'Preview of the figures')),
        h('div', { class: 'card-body stack' }, previewBody,
          h('div', { class: 'row wrap packet-actions' }, briefBtn, h('span', { class: 'spacer' }), saveBtn),
          h('div', { class: 'hint' }, h('span', { class: 'kbd' }, 'Ctrl'), '+', h('span', { class: 'kbd' }, 's'),
            ' saves the packet. With one customer chosen, “One-page briefing…” saves what to know before a call, on a single page.'),
          progress, result))));
  drawCustomers();
  refresh();
  return () => unlisten();
}
