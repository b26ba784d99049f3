// The customer's promises, as a card on the customer's page: open ones first with who made
// them and whether they are overdue, then the rest, and what the broken ones cost.

import * as api from './api.js';
import { h, mount } from './dom.js';
import * as fmt from './format.js';
import { promiseItem } from './promise-bits.js';

/** A card that fills itself in; `account` is the customer being shown. */
export function promisesCard(account) {
  const body = h('div', {}, h('div', { class: 'empty small-empty' }, h('p', {}, 'Loading promises…')));
  const head = h('div', { class: 'card-head' }, h('h2', {}, 'Promises'));
  const card = h('div', { class: 'card', dataset: { customerPromises: account.name } }, head, body);
  const log = async () => {
    const m = await import('./promise-capture.js');
    const p = await m.quickCapture({ whom: { id: account.id, label: account.name, text: account.name, account_id: account.id } });
    if (p) fill();
  };
  async function fill() {
    let d;
    try {
      d = await api.accountPromises(account.id);
    } catch (err) {
      mount(body, h('div', { class: 'notice danger' }, err.message));
      return;
    }
    const open = d.promises.filter((p) => p.status === 'open');
    const overdue = open.filter((p) => p.overdue).length;
    mount(head, h('h2', {}, 'Promises'),
      open.length ? h('span', { class: 'badge accent' }, `${open.length} open`) : null,
      overdue ? h('span', { class: 'badge danger' }, `${overdue} overdue`) : null,
      d.lost.entries ? h('span', { class: 'badge danger', dataset: { customerLost: '' } }, `${fmt.totals(d.lost.all)} lost`) : null,
      h('span', { class: 'spacer' }),
      h('button', { class: 'btn small', type: 'button', dataset: { action: 'log-promise-for-customer' }, onclick: log }, 'Log a promise'));
    mount(body, d.promises.length
      ? h('div', { class: 'list' }, d.promises.slice(0, 50).map((p) => promiseItem(p)))
      : h('div', { class: 'empty small-empty' }, h('p', {}, 'No promises made to this customer yet.')));
  }
  fill();
  return card;
}
