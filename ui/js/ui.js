// Shared pieces of interaction: toasts, modal forms, confirmation. Modal forms use the
// native <dialog>, so Escape closes them and focus stays inside while they are open.

import { h, mount } from './dom.js';

export function toast(message, { kind = 'info', action = null, timeout = 4500 } = {}) {
  const host = document.querySelector('[data-toasts]');
  const el = h('div', { class: ['toast', kind === 'error' && 'error'], role: kind === 'error' ? 'alert' : 'status', dataset: { toast: kind } },
    h('span', {}, message),
    action && h('button', { type: 'button', onclick: () => { action.run(); el.remove(); } }, action.label));
  host.appendChild(el);
  setTimeout(() => el.remove(), action ? timeout * 2 : timeout);
  return el;
}

/** Show an error from the core in the right place: at its field when it names one. */
export function showError(err, form = null) {
  if (form && err && err.field && showFieldError(form, err.field, err.message)) return;
  const slot = form && form.querySelector('[data-form-error]');
  if (slot) { slot.textContent = err.message; slot.hidden = false; return; }
  toast(err.message || String(err), { kind: 'error' });
}

function showFieldError(form, field, message) {
  const input = form.querySelector(`[name="${CSS.escape(field)}"]`);
  const slot = form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
  if (!input && !slot) return false;
  if (slot) slot.textContent = message;
  if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); }
  return true;
}

export function clearErrors(form) {
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('[data-error-for]').forEach((el) => { el.textContent = ''; });
  const slot = form.querySelector('[data-form-error]');
  if (slot) { slot.textContent = ''; slot.hidden = true; }
}

/**
 * A modal form. `body` is the form's fields; `submit(values, form)` saves and returns the
 * result, or throws a core error, which is shown at its field while the dialog stays open.
 * Resolves with the result, or null when cancelled.
 */
export function formDialog({ title, body, submitLabel = 'Save', submit, wide = false, danger = false, name = 'form', footHint = 'Enter saves · Esc cancels', cancelLabel = 'Cancel' }) {
  return new Promise((resolve) => {
    const formError = h('div', { class: 'notice danger', 'data-form-error': '', hidden: true, role: 'alert' });
    const submitBtn = h('button', { class: ['btn', danger ? 'danger' : 'primary'], type: 'submit', dataset: { submit: name } }, submitLabel);
    const form = h('form', { method: 'dialog', novalidate: true, dataset: { form: name } },
      h('div', { class: 'dialog-head' }, h('h2', {}, title)),
      h('div', { class: 'dialog-body stack' }, formError, body),
      h('div', { class: 'dialog-foot' },
        h('span', { class: 'hint' }, footHint),
        cancelLabel && h('button', { class: 'btn', type: 'button', dataset: { cancel: name }, onclick: () => close(null) }, cancelLabel),
        submitBtn));
    const dialog = h('dialog', { class: wide ? 'wide' : '', dataset: { dialog: name } }, form);
    let done = false;
    function close(result) {
      if (done) return;
      done = true;
      dialog.close();
      dialog.remove();
      resolve(result);
    }
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(null); });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      submitBtn.disabled = true;
      try {
        close(await submit(readForm(form), form));
      } catch (err) {
        showError(err, form);
      } finally {
        submitBtn.disabled = false;
      }
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    const first = form.querySelector('input:not([type=hidden]), select, textarea');
    if (first) first.focus();
  });
}

/** Ask a yes/no question; resolves true when confirmed. */
export async function confirmDialog({ title, message, confirmLabel = 'Confirm', danger = false }) {
  const result = await formDialog({
    title,
    name: 'confirm',
    submitLabel: confirmLabel,
    danger,
    footHint: '',
    body: h('p', { class: 'pre-line' }, message),
    submit: async () => true,
  });
  return result === true;
}

/** Collect a form's named values: checkboxes as booleans, everything else as text. */
export function readForm(form) {
  const values = {};
  for (const el of form.querySelectorAll('[name]')) {
    if (el.type === 'checkbox') values[el.name] = el.checked;
    else if (el.type === 'radio') { if (el.checked) values[el.name] = el.value; }
    else values[el.name] = el.value;
  }
  return values;
}

/** A labelled field with a slot for its error. */
export function field({ name, label, type = 'text', value = '', hint = null, options = null, rows = null, required = false, attrs = {}, span = '' }) {
  const id = `f-${name}-${Math.random().toString(36).slice(2, 8)}`;
  let input;
  if (options) {
    input = h('select', { id, name, ...attrs },
      options.map(([v, text]) => h('option', { value: v, selected: String(v) === String(value ?? '') }, text)));
  } else if (type === 'textarea') {
    input = h('textarea', { id, name, rows: rows || 4, ...attrs });
    input.value = value ?? '';
  } else if (type === 'checkbox') {
    input = h('input', { id, name, type: 'checkbox', checked: !!value, ...attrs });
    return h('div', { class: ['field', 'check', span] }, input, h('label', { for: id }, label),
      h('div', { class: 'error', 'data-error-for': name }));
  } else {
    input = h('input', { id, name, type, value: value ?? '', autocomplete: 'off', ...attrs });
  }
  return h('div', { class: ['field', span] },
    h('label', { for: id }, label, required ? h('span', { class: 'muted' }, ' *') : null),
    input,
    hint && h('div', { class: 'hint' }, hint),
    h('div', { class: 'error', 'data-error-for': name, role: 'alert' }));
}

/** An amount with its currency beside it. */
export function moneyField({ name, label, amount = '', currency = 'EUR', currencies = [], hint = null, span = '' }) {
  const id = `f-${name}`;
  const options = (currencies.length ? currencies : [currency]).map((c) => h('option', { value: c, selected: c === currency }, c));
  return h('div', { class: ['field', span] },
    h('label', { for: id }, label),
    h('div', { class: 'money-input' },
      h('input', { id, name, value: amount, inputmode: 'decimal', autocomplete: 'off', placeholder: '0.00' }),
      h('select', { name: `${name}_currency`, 'aria-label': `${label} currency` }, options)),
    hint && h('div', { class: 'hint' }, hint),
    h('div', { class: 'error', 'data-error-for': name, role: 'alert' }),
    h('div', { class: 'error', 'data-error-for': `${name}_currency`, role: 'alert' }));
}

export { mount };
