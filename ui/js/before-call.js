// What "before the call" adds to the whole window: Ctrl+B opens any customer's briefing
// from anywhere (type-ahead over customers), "/" and Ctrl+K go to search, and the sidebar
// shows how many reminders are waiting. Notifications are sent by the shell; the window
// only asks it to check again after the ledger changes, and redraws when it says so.

import * as api from './api.js';
import { debounce, h, icon, mount } from './dom.js';
import * as fmt from './format.js';
import { ICONS } from './icons.js';
import { register } from './shortcuts.js';
import { typeahead } from './typeahead.js';
import { formDialog } from './ui.js';

/** Customers needing attention first: overdue promises, then open complaints, then open promises. */
export function byAttention(summaries) {
  return summaries.slice().sort((x, y) => (y.overdue_promises - x.overdue_promises) || (y.open_complaints - x.open_complaints)
    || (y.open_promises - x.open_promises) || x.account.name.localeCompare(y.account.name));
}

/** Customers for a type-ahead, with where trouble is. Before anything is typed, the ones
 *  needing attention come first, so Enter alone opens the most pressing briefing. */
export async function customerSuggestions(text) {
  const page = await api.listAccounts({ search: text, limit: text ? 8 : 200 });
  const items = text ? page.items : byAttention(page.items).slice(0, 8);
  return items.map((s) => ({
    id: s.account.id,
    label: s.account.name,
    text: s.account.name,
    detail: [
      s.overdue_promises ? `${s.overdue_promises} overdue` : null,
      s.open_complaints ? fmt.plural(s.open_complaints, 'open complaint') : null,
      s.account.communicator_name ? `with ${s.account.communicator_name}` : null,
    ].filter(Boolean).join(' · ') || s.account.segment || '',
  }));
}

/** Ask which customer, then open their briefing. Enter on a suggestion opens it at once. */
export async function chooseBriefing(ctx) {
  if (document.querySelector('dialog[data-dialog="open-briefing"]')) return;
  const ta = typeahead({
    name: 'customer', label: 'Customer', placeholder: 'Type a customer’s name', required: true,
    source: customerSuggestions,
    // Choosing a customer is the whole question: open the briefing straight away.
    onPick: (item) => { if (item) ta.input.form?.requestSubmit(); },
  });
  const body = h('div', { class: 'stack' }, ta.el, h('p', { class: 'muted small' }, 'The briefing shows what is open, who promised what, what was already given, and what to say.'));
  const picked = await formDialog({
    title: 'Brief me on…',
    name: 'open-briefing',
    submitLabel: 'Open the briefing',
    footHint: '↑ ↓ to choose · Enter opens · Esc cancels',
    body,
    submit: async () => {
      const item = ta.picked();
      if (!item) throw { kind: 'validation', field: 'customer', message: 'Choose a customer from the list.' };
      return item;
    },
  });
  if (picked) ctx.navigate(`/briefing/${picked.id}`);
  return picked;
}

/** Go to search with the cursor in its box (the view puts it there as soon as it is drawn);
 *  on the search screen already, select what is there so typing replaces it. */
export function focusSearch(ctx) {
  const box = document.querySelector('[data-search-input]');
  if (location.hash === '#/search' && box) {
    box.focus();
    box.select();
    return;
  }
  ctx.navigate('/search');
}

const reminderSlot = () => document.querySelector('[data-reminders-link]');

/** The sidebar line: "3 reminders", linking to the dashboard's list. */
export async function refreshReminderCount() {
  const slot = reminderSlot();
  if (!slot) return;
  let active = [];
  try {
    const today = fmt.today();
    active = (await api.listReminders()).filter((r) => !r.snoozed_until || r.snoozed_until <= today);
  } catch {
    // No file open: nothing to remind about.
  }
  slot.hidden = active.length === 0;
  slot.dataset.count = String(active.length);
  mount(slot, icon(ICONS.bell), h('span', {}, fmt.plural(active.length, 'reminder')));
}

export function install(ctx) {
  // Ctrl+B then type: the briefing of any customer, from any screen.
  register({ keys: 'ctrl+b', label: 'Brief me on a customer (type-ahead)', group: 'Before a call', run: () => { if (ctx.status?.file) chooseBriefing(ctx); } });
  register({ keys: 'ctrl+k', label: 'Search everything', group: 'Before a call', run: () => { if (ctx.status?.file) focusSearch(ctx); } });
  // The ledger keeps "/" for its own filter box.
  register({ keys: '/', label: 'Search everything', group: 'Before a call', when: () => location.hash !== '#/promises', run: () => { if (ctx.status?.file) focusSearch(ctx); } });

  const foot = document.querySelector('.sidebar-foot');
  if (foot && !reminderSlot()) {
    foot.prepend(h('a', { class: 'reminders-link', href: '#/dashboard', hidden: true, dataset: { remindersLink: '' } }));
  }
  const refresh = debounce(refreshReminderCount, 150);
  api.on('reminders-changed', () => {
    refresh();
    window.dispatchEvent(new CustomEvent('casefile:reminders-changed'));
  });
  window.addEventListener('casefile:reminders-changed', refresh);
  window.addEventListener('hashchange', refresh);
  // A promise logged, kept or renegotiated may add or end a reminder: let the shell check
  // (it sends any notification), then redraw.
  const check = debounce(() => api.checkReminders().catch(() => []).finally(refresh), 400);
  window.addEventListener('casefile:promises-changed', check);
  window.addEventListener('casefile:day-changed', check);
  refresh();
}
