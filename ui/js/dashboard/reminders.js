// The in-app list of reminders: a promise due tomorrow, overdue, or waiting too long for a
// reply. It works whether or not desktop notifications do. Snooze hides one until a day
// (it notifies again then); dismiss hides it until the promise changes.

import * as api from '../api.js';
import { h, icon, mount } from '../dom.js';
import * as fmt from '../format.js';
import { ICONS } from '../icons.js';
import { showError, toast } from '../ui.js';

/** The list stays short enough to read at a glance; the rest are counted. */
const SHOWN = 4;

const KIND = { overdue: ['Overdue', 'danger'], due_tomorrow: ['Due tomorrow', 'warn'], unanswered: ['No reply', 'warn'] };

/** A card that fills itself in and redraws when the shell says reminders changed. */
export function remindersCard() {
  const body = h('div', {}, h('div', { class: 'empty small-empty' }, h('p', {}, 'Loading reminders…')));
  const count = h('span', { class: 'badge', hidden: true });
  const card = h('section', { class: 'card reminders', id: 'reminders', dataset: { reminders: '' } },
    h('div', { class: 'card-head' }, icon(ICONS.bell), h('h2', {}, 'Reminders'), count, h('span', { class: 'spacer' }),
      h('span', { class: 'muted small' }, 'also sent as desktop notifications')),
    body);

  async function act(run, message) {
    try {
      await run();
      if (message) toast(message);
      window.dispatchEvent(new CustomEvent('casefile:reminders-changed'));
    } catch (err) {
      showError(err);
    }
  }

  function row(r) {
    const [label, tone] = KIND[r.kind] || [r.kind, ''];
    return h('li', { class: ['reminder', r.kind], dataset: { reminder: r.key, kind: r.kind } },
      h('span', { class: ['badge', tone] }, label),
      h('div', { class: 'stack tight reminder-main' },
        h('a', { class: 'reminder-title', href: `#/promises/${r.promise_id}` }, r.title.replace(/^[^:]*: /, '')),
        h('span', { class: 'muted small' }, r.body)),
      h('div', { class: 'reminder-actions' },
        h('span', { class: 'muted' }, 'Snooze:'),
        h('button', { class: 'link', type: 'button', dataset: { snooze: 'tomorrow' }, title: 'Hide until tomorrow', onclick: () => act(() => api.snoozeReminder(r.key, 'tomorrow'), 'Snoozed until tomorrow.') }, 'tomorrow'),
        h('button', { class: 'link', type: 'button', dataset: { snooze: 'week' }, title: 'Hide for a week', onclick: () => act(() => api.snoozeReminder(r.key, '+1w'), 'Snoozed for a week.') }, 'a week'),
        h('span', { class: 'muted' }, '·'),
        h('button', { class: 'link', type: 'button', dataset: { dismiss: '' }, title: 'Hide until the promise changes', onclick: () => act(() => api.dismissReminder(r.key), 'Dismissed.') }, 'Dismiss')));
  }

  async function fill() {
    let all;
    try {
      all = await api.listReminders();
    } catch (err) {
      mount(body, h('div', { class: 'notice danger' }, err.message));
      return;
    }
    const today = fmt.today();
    const active = all.filter((r) => !r.snoozed_until || r.snoozed_until <= today);
    const sleeping = all.filter((r) => r.snoozed_until && r.snoozed_until > today);
    count.hidden = active.length === 0;
    count.textContent = String(active.length);
    count.className = active.some((r) => r.kind === 'overdue') ? 'badge danger' : 'badge warn';
    mount(body,
      active.length ? h('ul', { class: 'reminder-list' }, active.slice(0, SHOWN).map(row))
        : h('div', { class: 'empty small-empty', dataset: { empty: 'reminders' } }, h('p', {}, 'Nothing to chase right now.')),
      active.length > SHOWN ? h('div', { class: 'muted small reminders-more' }, `and ${active.length - SHOWN} more: snooze or dismiss these to see the rest.`) : null,
      sleeping.length ? h('div', { class: 'muted small reminders-more', dataset: { snoozed: String(sleeping.length) } },
        `${fmt.plural(sleeping.length, 'reminder')} snoozed: `, sleeping.map((r) => `${r.what.slice(0, 40)} (until ${fmt.date(r.snoozed_until)})`).join('; ')) : null);
  }

  const onChange = () => fill();
  window.addEventListener('casefile:reminders-changed', onChange);
  fill();
  return { el: card, cleanup: () => window.removeEventListener('casefile:reminders-changed', onChange) };
}
