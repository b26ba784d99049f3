// Recording a decision with its options (each with benefits, risks and a contingency plan),
// and deciding an open one: which option, why, who, and when.

import * as api from '../api.js';
import { h } from '../dom.js';
import * as fmt from '../format.js';
import { field, formDialog } from '../ui.js';

export const MAX_OPTIONS = 8;

function optionBlock(i) {
  return h('fieldset', { class: 'option-block', dataset: { option: String(i) } },
    h('legend', {}, `Option ${i + 1}`),
    h('div', { class: 'grid-2' },
      field({ name: `options[${i}].label`, label: 'The option', span: 'span-2', attrs: { placeholder: i === 0 ? 'e.g. Comply and stay silent' : 'e.g. Escalate to the MD with the dated record' } }),
      field({ name: `options[${i}].risks`, label: 'Risks', type: 'textarea', rows: 2 }),
      field({ name: `options[${i}].benefits`, label: 'Benefits', type: 'textarea', rows: 2 }),
      field({ name: `options[${i}].contingency`, label: 'If it goes wrong, the plan is…', type: 'textarea', rows: 2, span: 'span-2' })));
}

function collect(v, count) {
  const opts = [];
  for (let i = 0; i < count; i += 1) {
    opts.push({ label: v[`options[${i}].label`] || '', risks: v[`options[${i}].risks`] || '', benefits: v[`options[${i}].benefits`] || '', contingency: v[`options[${i}].contingency`] || '' });
  }
  return opts;
}

async function peopleOptions() {
  const page = await api.listPeople({ limit: 200 });
  return { list: [['', '— Nobody —'], ...page.items.map((p) => [p.id, p.role ? `${p.name} — ${p.role}` : p.name])], me: page.items.find((p) => p.is_me) };
}

/** Record a decision. preset: { accountId, complaintId }. Resolves with it or null. */
export async function newDecision(preset = {}) {
  const [people, accounts] = await Promise.all([peopleOptions(), api.listAccounts({ limit: 200 })]);
  let count = 2;
  const blocks = h('div', { class: 'stack', dataset: { optionBlocks: '' } }, optionBlock(0), optionBlock(1));
  const chosen = h('select', { name: 'chosen', 'aria-label': 'Chosen option' });
  const fillChosen = () => chosen.replaceChildren(h('option', { value: '' }, 'Not decided yet'),
    ...Array.from({ length: count }, (_, i) => h('option', { value: String(i + 1) }, `Option ${i + 1}`)));
  fillChosen();
  const add = h('button', { class: 'btn small', type: 'button', dataset: { action: 'add-option' }, onclick: () => {
    if (count >= MAX_OPTIONS) return;
    blocks.append(optionBlock(count));
    count += 1;
    fillChosen();
    add.disabled = count >= MAX_OPTIONS;
  } }, '+ Add an option');
  return formDialog({
    title: 'Record a decision',
    name: 'decision',
    wide: true,
    submitLabel: 'Save decision',
    footHint: 'Esc cancels',
    body: h('div', { class: 'stack' },
      h('div', { class: 'grid-2' },
        field({ name: 'title', label: 'What is being decided', required: true, span: 'span-2', attrs: { placeholder: 'e.g. Whether to escalate Alder Health to the MD' } }),
        field({ name: 'context', label: 'Context', type: 'textarea', rows: 3, span: 'span-2', hint: 'What happened, who ordered what, and when.' }),
        field({ name: 'account_id', label: 'Customer', value: preset.accountId || '', options: [['', '— None —'], ...accounts.items.map((s) => [s.account.id, s.account.name])] }),
        field({ name: 'escalate_to_id', label: 'Who to escalate to', options: people.list })),
      h('div', { class: 'field' }, h('div', { class: 'label' }, 'Options'), h('div', { class: 'error', 'data-error-for': 'options', role: 'alert' })),
      blocks,
      h('div', {}, add),
      h('fieldset', { class: 'option-block' }, h('legend', {}, 'Decided already?'),
        h('div', { class: 'grid-2' },
          h('div', { class: 'field' }, h('label', {}, 'Chosen option'), chosen, h('div', { class: 'error', 'data-error-for': 'chosen', role: 'alert' })),
          field({ name: 'decided_by_id', label: 'Decided by', value: people.me?.id || '', options: people.list }),
          field({ name: 'decided_on', label: 'Decided on', value: fmt.today() }),
          field({ name: 'rationale', label: 'Why this option', type: 'textarea', rows: 2 })))),
    submit: (v) => api.createDecision({
      title: v.title, context: v.context, account_id: v.account_id, complaint_id: preset.complaintId || null, escalate_to_id: v.escalate_to_id,
      options: collect(v, count), chosen: v.chosen, rationale: v.chosen ? v.rationale : '', decided_by_id: v.chosen ? v.decided_by_id : null, decided_on: v.chosen ? v.decided_on : '',
    }),
  });
}

/** Decide an open decision. */
export async function decideDialog(d) {
  const people = await peopleOptions();
  return formDialog({
    title: `Decide: ${d.title}`,
    name: 'decide',
    submitLabel: 'Record the decision',
    body: h('div', { class: 'stack' },
      h('fieldset', { class: 'field radios' }, h('legend', {}, 'Which option'),
        d.options.map((o) => h('label', {}, h('input', { type: 'radio', name: 'chosen', value: String(o.position) }), ` ${o.position}. ${o.label}`)),
        h('div', { class: 'error', 'data-error-for': 'chosen', role: 'alert' })),
      field({ name: 'rationale', label: 'Why this option', type: 'textarea', rows: 3, required: true }),
      h('div', { class: 'grid-2' },
        field({ name: 'decided_by_id', label: 'Decided by', value: people.me?.id || '', options: people.list }),
        field({ name: 'decided_on', label: 'Decided on', value: fmt.today() }))),
    submit: (v) => api.decide(d.id, { chosen: '', ...v }),
  });
}
