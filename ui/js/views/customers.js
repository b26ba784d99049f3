// Customers: the list on the left, the chosen customer on the right, with contacts,
// the single communicator and every move of the account between reps.

import * as api from '../api.js';
import { debounce, h, icon, initials, mount } from '../dom.js';
import * as fmt from '../format.js';
import { ICONS } from '../icons.js';
import { pagedList } from '../paged.js';
import { register } from '../shortcuts.js';
import { confirmDialog, field, formDialog, moneyField, showError, toast } from '../ui.js';
import { promisesCard } from '../customer-promises.js';

const onThisScreen = () => location.hash.startsWith('#/customers') && !location.hash.endsWith('/timeline');
register({ keys: 'n', label: 'New customer', group: 'Customers', when: onThisScreen, run: () => document.querySelector('[data-action="new-customer"]')?.click() });
register({ keys: 'e', label: 'Edit this customer', group: 'Customers', when: onThisScreen, run: () => document.querySelector('[data-action="edit-customer"]')?.click() });
register({ keys: 'b', label: 'Open this customer’s briefing', group: 'Customers', when: onThisScreen, run: () => document.querySelector('[data-action="open-briefing"]')?.click() });

export async function render(container, params, ctx) {
  let search = '';
  const detail = h('div', { dataset: { customerDetail: '' } });
  const list = pagedList({
    name: 'customers',
    load: (offset, limit) => api.listAccounts({ search, offset, limit }),
    item: (s) => customerRow(s, params.id),
    empty: () => search
      ? h('div', { class: 'empty' }, h('h3', {}, 'No customer matches'), h('p', {}, `Nothing is called “${search}”.`))
      : h('div', { class: 'empty', dataset: { empty: 'customers' } },
        h('h3', {}, 'No customers yet'),
        h('p', {}, 'Add the customers whose promises and complaints you want to keep track of.'),
        h('button', { class: 'btn primary', type: 'button', onclick: () => newCustomer(ctx) }, 'Add the first customer')),
  });
  const filter = h('input', { type: 'search', class: 'search-input', placeholder: 'Filter customers', 'aria-label': 'Filter customers', dataset: { filter: 'customers' } });
  filter.addEventListener('input', debounce(() => { search = filter.value; list.reset().catch(showError); }, 150));

  container.append(
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Customers'), h('div', { class: 'sub' }, 'Who you deal with, who speaks to them, and where trouble is building.')),
      h('span', { class: 'spacer' }),
      h('button', { class: 'btn primary', type: 'button', dataset: { action: 'new-customer' }, onclick: () => newCustomer(ctx) }, icon(ICONS.plus), 'New customer')),
    h('div', { class: 'split' },
      h('div', { class: 'card' }, h('div', { class: 'card-head' }, filter), list.el),
      detail));

  await list.reload();
  if (params.id) await showDetail(detail, params.id, ctx, () => list.reload());
  else mount(detail, h('div', { class: 'card' }, h('div', { class: 'empty' }, h('h3', {}, 'Choose a customer'), h('p', {}, 'Their contacts, single communicator and history appear here.'))));
}

function customerRow(s, selectedId) {
  const a = s.account;
  const flags = [
    s.overdue_promises ? h('span', { class: 'badge danger' }, `${s.overdue_promises} overdue`) : null,
    s.open_complaints ? h('span', { class: 'badge warn' }, fmt.plural(s.open_complaints, 'complaint')) : null,
  ];
  return h('a', { class: 'list-item', href: `#/customers/${a.id}`, 'aria-current': a.id === selectedId ? 'true' : null, dataset: { customer: a.name, id: a.id } },
    h('div', { class: 'avatar' }, initials(a.name)),
    h('div', { class: 'stack' },
      h('div', { class: 'title' }, a.name),
      h('div', { class: 'meta' }, [a.segment, a.communicator_name ? `with ${a.communicator_name}` : 'no communicator'].filter(Boolean).join(' · '))),
    h('span', { class: 'spacer' }),
    h('div', { class: 'row' }, flags));
}

async function showDetail(el, id, ctx, reloadList) {
  let d;
  try {
    d = await api.getAccount(id);
  } catch (err) {
    mount(el, h('div', { class: 'card' }, h('div', { class: 'empty' }, h('h3', {}, 'Customer not found'), h('p', {}, err.message))));
    return;
  }
  const a = d.account;
  const refresh = async () => { await showDetail(el, id, ctx, reloadList); await reloadList(); };
  mount(el,
    h('div', { class: 'card', dataset: { customerCard: a.name } },
      h('div', { class: 'card-body' },
        h('div', { class: 'detail-head' },
          h('div', { class: 'avatar' }, initials(a.name)),
          h('div', { class: 'stack' },
            h('h1', { dataset: { customerName: '' } }, a.name),
            h('div', { class: 'muted' }, a.segment || 'No segment')),
          h('span', { class: 'spacer' }),
          h('a', { class: 'btn primary', href: `#/briefing/${a.id}`, title: 'Everything to know before a call (b)', dataset: { action: 'open-briefing' } }, 'Briefing'),
          h('button', { class: 'btn', type: 'button', dataset: { action: 'transfer-customer' }, onclick: () => transfer(d, ctx, refresh) }, 'Move to another rep…'),
          h('button', { class: 'btn', type: 'button', dataset: { action: 'edit-customer' }, onclick: () => editCustomer(d, ctx, refresh) }, 'Edit')),
        h('dl', { class: 'kv' },
          h('dt', {}, 'Annual value'), h('dd', { dataset: { annualValue: '' } }, fmt.money(a.annual_value)),
          h('dt', {}, 'Single communicator'), h('dd', { dataset: { communicator: '' } }, a.communicator_name || 'Nobody yet — choose one so the customer hears one voice'),
          h('dt', {}, 'Notes'), h('dd', { class: 'pre-line' }, a.notes || '—')),
        h('div', { class: 'row wrap customer-evidence' },
          h('a', { class: 'btn small', href: `#/customers/${a.id}/timeline`, dataset: { action: 'open-timeline' } }, 'Timeline of evidence'),
          h('a', { class: 'btn small', href: `#/complaints/customer/${a.id}`, dataset: { action: 'open-complaints' } }, 'Complaints')))),
    promisesCard(a),
    contactsCard(d, refresh),
    transfersCard(d));
}

function contactsCard(d, refresh) {
  const rows = d.contacts.map((c) => h('li', { class: 'list-item', dataset: { contact: c.name } },
    h('div', { class: 'avatar' }, initials(c.name)),
    h('div', { class: 'stack' },
      h('div', { class: 'title' }, c.name),
      h('div', { class: 'meta' }, [c.title, c.email, c.phone].filter(Boolean).join(' · ') || 'No details')),
    h('span', { class: 'spacer' }),
    h('button', { class: 'btn small ghost', type: 'button', onclick: () => editContact(d.account, c, refresh) }, 'Edit'),
    h('button', { class: 'btn small ghost danger', type: 'button', onclick: () => removeContact(c, refresh) }, 'Remove')));
  return h('div', { class: 'card' },
    h('div', { class: 'card-head' }, h('h2', {}, 'Contacts'), h('span', { class: 'spacer' }),
      h('button', { class: 'btn small', type: 'button', dataset: { action: 'add-contact' }, onclick: () => editContact(d.account, null, refresh) }, icon(ICONS.plus), 'Add contact')),
    rows.length ? h('ul', { class: 'list', dataset: { contacts: '' } }, rows)
      : h('div', { class: 'empty' }, h('p', {}, 'No contacts yet. Add the people you deal with at this customer.')));
}

function transfersCard(d) {
  if (!d.transfers.length) return null;
  return h('div', { class: 'card' },
    h('div', { class: 'card-head' }, h('h2', {}, 'Account moves')),
    h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Date'), h('th', {}, 'From'), h('th', {}, 'To'), h('th', {}, 'Reason'))),
      h('tbody', {}, d.transfers.map((t) => h('tr', {},
        h('td', { class: 'nowrap' }, fmt.date(t.transferred_on)), h('td', {}, t.from_name || '—'), h('td', {}, t.to_name), h('td', {}, t.reason || '—'))))));
}

async function peopleOptions() {
  const page = await api.listPeople({ side: 'internal', limit: 200 });
  return page.items.map((p) => [p.id, p.role ? `${p.name} — ${p.role}` : p.name]);
}

function customerFields(a, people, ctx, { withCommunicator }) {
  return h('div', { class: 'grid-2' },
    field({ name: 'name', label: 'Name', value: a?.name, required: true, span: 'span-2' }),
    field({ name: 'segment', label: 'Segment', value: a?.segment, hint: 'e.g. Logistics, Healthcare' }),
    moneyField({ name: 'annual_value', label: 'Annual value', amount: fmt.moneyInput(a?.annual_value),
      currency: a?.annual_value?.currency || ctx.settings.currency, currencies: currencyChoices(ctx, a) }),
    withCommunicator ? field({ name: 'communicator_id', label: 'Single communicator', value: a?.communicator_id || '',
      options: [['', '— Nobody yet —'], ...people], hint: 'The one person who speaks to this customer.', span: 'span-2' }) : null,
    field({ name: 'notes', label: 'Notes', type: 'textarea', value: a?.notes, span: 'span-2' }));
}

function currencyChoices(ctx, a) {
  const set = new Set([ctx.settings.currency, 'EUR', 'USD', 'GBP', 'CHF', 'JPY', 'SEK', 'PLN']);
  if (a?.annual_value) set.add(a.annual_value.currency);
  return [...set];
}

async function newCustomer(ctx) {
  const people = await peopleOptions().catch(() => []);
  const saved = await formDialog({
    title: 'New customer',
    name: 'customer',
    body: customerFields(null, people, ctx, { withCommunicator: true }),
    submit: (v) => api.createAccount(v),
  });
  if (saved) {
    toast(`${saved.name} added.`);
    ctx.navigate(`/customers/${saved.id}`);
  }
}

async function editCustomer(d, ctx, refresh) {
  const a = d.account;
  const saved = await formDialog({
    title: `Edit ${a.name}`,
    name: 'customer',
    body: customerFields(a, [], ctx, { withCommunicator: false }),
    submit: (v) => api.updateAccount(a.id, { ...v, communicator_id: a.communicator_id }),
  });
  if (saved) { toast('Saved.'); await refresh(); }
}

async function transfer(d, ctx, refresh) {
  const people = (await peopleOptions()).filter(([id]) => id !== d.account.communicator_id);
  const saved = await formDialog({
    title: `Move ${d.account.name} to another rep`,
    name: 'transfer',
    submitLabel: 'Move account',
    body: h('div', { class: 'stack' },
      h('p', { class: 'muted' }, d.account.communicator_name
        ? `Today ${d.account.communicator_name} speaks for you. The move is dated and kept on the timeline.`
        : 'Nobody speaks for you yet. Choose the single communicator.'),
      field({ name: 'to_person_id', label: 'Move to', options: [['', '— Choose —'], ...people] }),
      field({ name: 'transferred_on', label: 'Date', type: 'date', value: fmt.today() }),
      field({ name: 'reason', label: 'Reason', hint: 'Why the account moves — it will be read later.' })),
    submit: (v) => api.transferAccount(d.account.id, v),
  });
  if (saved) { toast(`${d.account.name} is now with ${saved.to_name}.`); await refresh(); }
}

async function editContact(account, c, refresh) {
  const saved = await formDialog({
    title: c ? `Edit ${c.name}` : `New contact at ${account.name}`,
    name: 'contact',
    body: h('div', { class: 'grid-2' },
      field({ name: 'name', label: 'Name', value: c?.name, required: true }),
      field({ name: 'title', label: 'Title', value: c?.title }),
      field({ name: 'email', label: 'E-mail', type: 'email', value: c?.email }),
      field({ name: 'phone', label: 'Phone', value: c?.phone }),
      field({ name: 'notes', label: 'Notes', type: 'textarea', value: c?.notes, span: 'span-2' })),
    submit: (v) => (c ? api.updateContact(c.id, v) : api.createContact(account.id, v)),
  });
  if (saved) { toast(c ? 'Contact saved.' : `${saved.name} added.`); await refresh(); }
}

async function removeContact(c, refresh) {
  if (!(await confirmDialog({ title: `Remove ${c.name}?`, message: 'Only a contact that no promise or complaint names can be removed.', confirmLabel: 'Remove', danger: true }))) return;
  try {
    await api.deleteContact(c.id);
    toast(`${c.name} removed.`);
    await refresh();
  } catch (err) {
    showError(err);
  }
}
