// Logging a promise: the compact quick-capture dialog (who, to whom, what, due; Enter saves)
// and the full form for every field. While a promiser is chosen, their commitment load for
// the coming weeks is shown with the over-limit warning, before anything is saved.

import * as api from './api.js';
import { debounce, h, mount } from './dom.js';
import * as fmt from './format.js';
import { changed, channelLabel } from './promise-bits.js';
import { typeahead } from './typeahead.js';
import { field, formDialog, moneyField, toast } from './ui.js';

const CHANNELS = ['call', 'meeting', 'email', 'chat', 'in_person'];

function whoField(value = null, onPick = () => {}) {
  return typeahead({
    name: 'made_by_id', label: 'Who made it', required: true, placeholder: 'Type a name',
    source: (t) => api.suggestPromisers(t), value, onPick,
    create: async (name) => {
      const p = await api.createPerson({ name, side: 'internal' });
      toast(`${p.name} added to People.`);
      return { id: p.id, label: p.name, text: p.name, detail: '' };
    },
    createLabel: (t) => `Add “${t}” as a new person`,
  });
}

function whomField(value = null, onPick = () => {}) {
  return typeahead({
    name: 'account_id', label: 'To whom', required: true, placeholder: 'Customer or contact',
    source: (t) => api.suggestCounterparties(t), value, onPick,
    create: async (name) => {
      const a = await api.createAccount({ name });
      toast(`${a.name} added to Customers.`);
      return { id: a.id, kind: 'account', label: a.name, text: a.name, detail: '', account_id: a.id, contact_id: null };
    },
    createLabel: (t) => `Add “${t}” as a new customer`,
  });
}

const dueHint = 'A date, or tomorrow, fri, +2w, next week, end of month.';

/** The commitment load of the chosen promiser, redrawn as the due date is typed. */
function loadPanel() {
  const el = h('div', { class: 'load-panel', dataset: { load: '' }, hidden: true });
  let personId = null;
  let due = '';
  let seq = 0;
  const draw = async () => {
    if (!personId) { el.hidden = true; return; }
    const mine = ++seq;
    let load;
    try { load = await api.commitmentLoad(personId, due || null, 6); } catch { return; }
    if (mine !== seq) return;
    el.hidden = false;
    const max = Math.max(load.limit + 1, ...load.weeks.map((w) => w.count));
    mount(el,
      h('div', { class: 'load-head' },
        h('strong', {}, `${load.person_name}’s commitments`),
        h('span', { class: 'muted small' }, ` · limit ${load.limit} a week`),
        load.adding_due_on ? h('span', { class: 'muted small', dataset: { dueResolved: load.adding_due_on } }, ` · due ${weekday(load.adding_due_on)} ${fmt.date(load.adding_due_on)}`) : null),
      load.overdue.length ? h('div', { class: 'load-overdue', dataset: { loadOverdue: String(load.overdue.length) } }, `${fmt.plural(load.overdue.length, 'promise')} already overdue`) : null,
      h('div', { class: 'load-weeks' }, load.weeks.map((w) => h('div', {
        class: ['load-week', w.over_limit && 'over', w.includes_new && 'new'],
        title: w.promises.map((p) => `${fmt.date(p.due_on)} ${p.what} (${p.account_name})`).join('\n') || 'Nothing due',
        dataset: { week: w.starts_on, count: String(w.count) },
      },
      h('div', { class: 'load-bar' }, barFill(w.count, max)),
      h('div', { class: 'load-count' }, String(w.count)),
      h('div', { class: 'load-label' }, w.label || fmt.date(w.starts_on))))),
      load.later ? h('div', { class: 'muted small' }, `${load.later} more due later`) : null,
      load.warnings.map((w) => h('div', { class: 'notice warn', role: 'status', dataset: { loadWarning: '' } }, w)),
      overLimitList(load));
  };
  const drawSoon = debounce(draw, 200);
  return {
    el,
    setPerson(id) { personId = id; draw(); },
    setDue(text) { due = text; drawSoon(); },
  };
}

function barFill(count, max) {
  const fill = h('div', { class: 'load-fill' });
  // CSSOM, not an inline style attribute, so the CSP can stay strict.
  fill.style.height = `${Math.round((100 * count) / max)}%`;
  return fill;
}

function overLimitList(load) {
  const week = load.weeks.find((w) => w.over_limit);
  if (!week || !week.promises.length) return null;
  return h('ul', { class: 'load-list' }, week.promises.map((p) => h('li', {},
    h('span', { class: 'nowrap muted' }, fmt.date(p.due_on)), ' ', p.what.split('\n')[0], h('span', { class: 'muted' }, ` — ${p.account_name}`))));
}

function weekday(iso) {
  const d = new Date(`${iso}T12:00:00`);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleDateString('en-GB', { weekday: 'short' });
}

function toWhomInput(whom) {
  const item = whom.picked();
  return { account_id: item ? item.account_id || item.id : '', contact_id: item && item.contact_id ? item.contact_id : null };
}

/** Quick capture: four fields, Enter saves. Resolves with the saved promise, or null. */
export async function quickCapture({ who = null, whom = null } = {}) {
  if (document.querySelector('dialog[data-dialog="quick-promise"]')) return null;
  const load = loadPanel();
  const whoTa = whoField(who, (item) => load.setPerson(item ? item.id : null));
  if (who) load.setPerson(who.id);
  const whomTa = whomField(whom);
  const due = field({ name: 'due_on', label: 'Due', required: true, hint: dueHint, attrs: { placeholder: 'e.g. fri' } });
  const dueInput = due.querySelector('input');
  dueInput.addEventListener('input', () => load.setDue(dueInput.value));
  const saved = await formDialog({
    title: 'Log a promise',
    name: 'quick-promise',
    submitLabel: 'Log promise',
    footHint: 'Enter saves · Esc cancels · Ctrl+L anywhere',
    body: h('div', { class: 'stack quick-capture' },
      h('div', { class: 'grid-2' }, whoTa.el, whomTa.el),
      field({ name: 'what', label: 'What exactly', required: true, attrs: { placeholder: 'e.g. Credit of €12,000 and expedited shipping' } }),
      h('div', { class: 'grid-3' }, due,
        field({ name: 'made_at', label: 'When it was made', hint: 'Blank for today.', attrs: { placeholder: 'YYYY-MM-DD' } }),
        field({ name: 'channel', label: 'How', value: 'call', options: CHANNELS.map((c) => [c, channelLabel(c)]) })),
      field({ name: 'in_writing', label: 'It is already in writing', type: 'checkbox' }),
      load.el),
    submit: async (v) => {
      const w = whoTa.picked();
      const result = await api.createPromise({
        made_by_id: w ? w.id : '', ...toWhomInput(whomTa), what: v.what, due_on: v.due_on, made_at: v.made_at, channel: v.channel, in_writing: v.in_writing,
      });
      return result;
    },
  });
  if (!saved) return null;
  afterSave(saved, 'Promise logged');
  return saved.promise;
}

function afterSave(saved, message) {
  changed();
  const p = saved.promise;
  toast(`${message}: ${p.made_by_name} → ${p.account_name}, due ${fmt.date(p.due_on)}.`, {
    action: { label: 'Open', run: () => { location.hash = `#/promises/${p.id}`; } },
  });
  for (const w of saved.warnings) toast(w.message, { kind: 'warn', timeout: 9000 });
}

/** The full form, for a new promise or to correct one. */
export async function promiseForm(p = null, ctx = null) {
  const currency = (ctx && ctx.settings && ctx.settings.currency) || fmt.currentSettings().currency || 'EUR';
  const load = loadPanel();
  const whoTa = whoField(p ? { id: p.made_by_id, label: p.made_by_name, text: p.made_by_name } : null, (item) => load.setPerson(item ? item.id : null));
  const contactSelect = field({ name: 'contact_id', label: 'Contact', options: [['', '— None —']] });
  const select = contactSelect.querySelector('select');
  const fillContacts = async (accountId, chosen) => {
    const opts = [['', '— None —']];
    if (accountId) {
      try { (await api.getAccount(accountId)).contacts.forEach((c) => opts.push([c.id, c.title ? `${c.name} — ${c.title}` : c.name])); } catch { /* shown empty */ }
    }
    select.replaceChildren(...opts.map(([v, t]) => h('option', { value: v, selected: v === (chosen || '') }, t)));
  };
  const whomValue = p ? { id: p.account_id, label: p.account_name, text: p.account_name, account_id: p.account_id } : null;
  const whomTa = whomField(whomValue, (item) => fillContacts(item ? item.account_id || item.id : null, item && item.contact_id));
  if (p) fillContacts(p.account_id, p.contact_id);
  if (p) load.setPerson(p.made_by_id);
  const due = field({ name: 'due_on', label: 'Due', value: p ? p.due_on : '', required: true, hint: p ? 'To change it, renegotiate: the old date stays in the history.' : dueHint, attrs: p ? { readonly: true } : {} });
  due.querySelector('input').addEventListener('input', (e) => load.setDue(e.target.value));
  const saved = await formDialog({
    title: p ? 'Correct this promise' : 'Log a promise',
    name: 'promise',
    wide: true,
    submitLabel: p ? 'Save correction' : 'Log promise',
    footHint: p ? 'A correction is kept on the timeline with what it changed.' : 'Enter saves · Esc cancels',
    body: h('div', { class: 'grid-2' },
      whoTa.el, whomTa.el,
      contactSelect,
      field({ name: 'channel', label: 'Channel', value: p ? p.channel : 'call', options: CHANNELS.map((c) => [c, channelLabel(c)]) }),
      field({ name: 'made_at', label: 'When it was made', value: p ? p.made_at.slice(0, p.made_at_precision === 'exact' ? 16 : 10).replace('T', ' ') : fmt.today(), hint: 'A date; with a time for an exact moment.' }),
      field({ name: 'made_at_precision', label: 'How precisely you know that', value: p ? p.made_at_precision : 'day', options: [['day', 'The day'], ['exact', 'The exact time'], ['month', 'Only the month'], ['approximate', 'Roughly']] }),
      field({ name: 'what', label: 'What exactly was promised', type: 'textarea', rows: 3, value: p ? p.what : '', required: true, span: 'span-2' }),
      due,
      moneyField({ name: 'value', label: 'Value at stake', amount: p ? fmt.moneyInput(p.value) : '', currency: p && p.value ? p.value.currency : currency, currencies: [...new Set([currency, 'EUR', 'USD', 'GBP', 'CHF', 'JPY', 'KWD', p && p.value ? p.value.currency : currency])] }),
      field({ name: 'resources', label: 'With what resources', type: 'textarea', rows: 2, value: p ? p.resources : '', hint: 'People, budget, stock it needs.' }),
      field({ name: 'success_criteria', label: 'How success will be known', type: 'textarea', rows: 2, value: p ? p.success_criteria : '' }),
      field({ name: 'in_writing', label: 'It is in writing', type: 'checkbox', value: p ? p.in_writing : false }),
      h('div', { class: 'span-2' }, load.el)),
    submit: (v) => {
      const w = whoTa.picked();
      const whom = toWhomInput(whomTa);
      const input = { ...v, made_by_id: w ? w.id : '', account_id: whom.account_id, contact_id: v.contact_id || whom.contact_id || null, made_at: v.made_at.trim() };
      return p ? api.updatePromise(p.id, input) : api.createPromise(input);
    },
  });
  if (!saved) return null;
  afterSave(saved, p ? 'Correction saved' : 'Promise logged');
  return saved.promise;
}
