// People: the user, their boss and the boss's superior, reps, and outsiders such as a
// supplier's manager. Who reports to whom matters: it is who a confirmation can copy.

import * as api from '../api.js';
import { debounce, h, icon, initials, mount } from '../dom.js';
import * as fmt from '../format.js';
import { ICONS } from '../icons.js';
import { pagedList } from '../paged.js';
import { register } from '../shortcuts.js';
import { confirmDialog, field, formDialog, showError, toast } from '../ui.js';

const onThisScreen = () => location.hash.startsWith('#/people');
register({ keys: 'n', label: 'New person', group: 'People', when: onThisScreen, run: () => document.querySelector('[data-action="new-person"]')?.click() });

export async function render(container, params, ctx) {
  let search = '';
  let side = '';
  const detail = h('div', { dataset: { personDetail: '' } });
  const list = pagedList({
    name: 'people',
    load: (offset, limit) => api.listPeople({ search, side: side || null, offset, limit }),
    item: (p) => h('a', { class: 'list-item', href: `#/people/${p.id}`, 'aria-current': p.id === params.id ? 'true' : null, dataset: { person: p.name, id: p.id } },
      h('div', { class: 'avatar' }, initials(p.name)),
      h('div', { class: 'stack' },
        h('div', { class: 'title' }, p.name, p.is_me ? h('span', { class: 'badge accent' }, ' you') : null),
        h('div', { class: 'meta' }, [p.role, p.side === 'external' ? p.organisation || 'External' : null].filter(Boolean).join(' · ') || '—'))),
    empty: () => h('div', { class: 'empty', dataset: { empty: 'people' } },
      h('h3', {}, search || side ? 'Nobody matches' : 'No people yet'),
      h('p', {}, 'Add yourself, your boss, your boss’s superior and the reps — the people who make promises.'),
      h('button', { class: 'btn primary', type: 'button', onclick: () => editPerson(null, ctx) }, 'Add a person')),
  });
  const filter = h('input', { type: 'search', class: 'search-input', placeholder: 'Filter people', 'aria-label': 'Filter people' });
  filter.addEventListener('input', debounce(() => { search = filter.value; list.reset().catch(showError); }, 150));
  const sideSelect = h('select', { 'aria-label': 'Internal or external', class: 'search-input' },
    h('option', { value: '' }, 'Everyone'), h('option', { value: 'internal' }, 'Internal'), h('option', { value: 'external' }, 'External'));
  sideSelect.addEventListener('change', () => { side = sideSelect.value; list.reset().catch(showError); });

  container.append(
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'People'), h('div', { class: 'sub' }, 'Everyone who makes promises, gives orders or speaks for you.')),
      h('span', { class: 'spacer' }),
      h('button', { class: 'btn primary', type: 'button', dataset: { action: 'new-person' }, onclick: () => editPerson(null, ctx) }, icon(ICONS.plus), 'New person')),
    h('div', { class: 'split' },
      h('div', { class: 'card' }, h('div', { class: 'card-head' }, filter, sideSelect), list.el),
      detail));
  await list.reload();
  if (params.id) await showPerson(detail, params.id, ctx, () => list.reload());
  else mount(detail, h('div', { class: 'card' }, h('div', { class: 'empty' }, h('h3', {}, 'Choose a person'), h('p', {}, 'Their role, who they report to, and their record appear here.'))));
}

async function showPerson(el, id, ctx, reloadList) {
  let p;
  try {
    p = await api.getPerson(id);
  } catch (err) {
    mount(el, h('div', { class: 'card' }, h('div', { class: 'empty' }, h('h3', {}, 'Person not found'), h('p', {}, err.message))));
    return;
  }
  mount(el, h('div', { class: 'card', dataset: { personCard: p.name } },
    h('div', { class: 'card-body' },
      h('div', { class: 'detail-head' },
        h('div', { class: 'avatar' }, initials(p.name)),
        h('div', { class: 'stack' }, h('h1', {}, p.name), h('div', { class: 'muted' }, p.role || 'No role recorded')),
        h('span', { class: 'spacer' }),
        h('button', { class: 'btn danger', type: 'button', dataset: { action: 'delete-person' }, onclick: () => removePerson(p, ctx) }, 'Delete'),
        h('button', { class: 'btn', type: 'button', dataset: { action: 'edit-person' }, onclick: () => editPerson(p, ctx, async () => { await showPerson(el, id, ctx, reloadList); await reloadList(); }) }, 'Edit')),
      h('dl', { class: 'kv' },
        h('dt', {}, 'Side'), h('dd', {}, p.side === 'internal' ? 'Internal — one of your own people' : 'External'),
        h('dt', {}, 'Organisation'), h('dd', {}, p.organisation || '—'),
        h('dt', {}, 'Reports to'), h('dd', {}, p.manager_name || '—'),
        h('dt', {}, 'E-mail'), h('dd', {}, p.email || '—'),
        h('dt', {}, 'Phone'), h('dd', {}, p.phone || '—'),
        h('dt', {}, 'Notes'), h('dd', { class: 'pre-line' }, p.notes || '—'),
        h('dt', {}, 'Added'), h('dd', { class: 'muted' }, fmt.instant(p.created_at))))));
}

async function editPerson(p, ctx, after = null) {
  const everyone = await api.listPeople({ limit: 200 }).catch(() => ({ items: [] }));
  const managers = everyone.items.filter((x) => !p || x.id !== p.id).map((x) => [x.id, x.name]);
  const saved = await formDialog({
    title: p ? `Edit ${p.name}` : 'New person',
    name: 'person',
    body: h('div', { class: 'grid-2' },
      field({ name: 'name', label: 'Name', value: p?.name, required: true }),
      field({ name: 'role', label: 'Role', value: p?.role, hint: 'e.g. VP Commercial, Account Manager' }),
      field({ name: 'side', label: 'Side', value: p?.side || 'internal', options: [['internal', 'Internal — one of your people'], ['external', 'External — customer side, supplier…']] }),
      field({ name: 'organisation', label: 'Organisation', value: p?.organisation }),
      field({ name: 'manager_id', label: 'Reports to', value: p?.manager_id || '', options: [['', '— Nobody —'], ...managers], hint: 'Their superior: who to copy, who to escalate to.' }),
      field({ name: 'email', label: 'E-mail', type: 'email', value: p?.email }),
      field({ name: 'phone', label: 'Phone', value: p?.phone }),
      field({ name: 'is_me', label: 'This is me', type: 'checkbox', value: p?.is_me }),
      field({ name: 'notes', label: 'Notes', type: 'textarea', value: p?.notes, span: 'span-2' })),
    submit: (v) => {
      const input = { ...v, manager_id: v.manager_id || null };
      return p ? api.updatePerson(p.id, input) : api.createPerson(input);
    },
  });
  if (!saved) return;
  toast(p ? 'Saved.' : `${saved.name} added.`);
  if (after) await after();
  else ctx.navigate(`/people/${saved.id}`);
}

async function removePerson(p, ctx) {
  if (!(await confirmDialog({ title: `Delete ${p.name}?`, message: 'Only someone the case file does not refer to can be deleted. Anyone who made a promise, speaks for a customer or is cited as a source stays part of the record.', confirmLabel: 'Delete', danger: true }))) return;
  try {
    await api.deletePerson(p.id);
    toast(`${p.name} deleted.`);
    ctx.navigate('/people');
  } catch (err) {
    showError(err);
  }
}
