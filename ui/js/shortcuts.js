// Keyboard shortcuts, registered by the screens that own them, so the "?" sheet always
// lists exactly what works. Single keys and "g then x" sequences are ignored while typing
// in a field; combinations with Ctrl work everywhere.

import { h } from './dom.js';
import { preloadViews } from './router.js';
import { formDialog } from './ui.js';

const registry = [];
let pending = null;
let pendingTimer = null;

/**
 * register({ keys: 'ctrl+k' | 'g c' | '/', label, group, run, when? })
 * `keys` is either one combination or a space-separated two-key sequence; `when`, if
 * given, limits the shortcut to a screen (e.g. "n" makes a new customer on Customers).
 */
export function register(shortcut) {
  registry.push(shortcut);
}

export function all() {
  return registry.slice();
}

function comboOf(e) {
  const parts = [];
  if (e.ctrlKey || e.metaKey) parts.push('ctrl');
  if (e.altKey) parts.push('alt');
  // Shift counts with Ctrl/Alt (Ctrl+Shift+L is not Ctrl+L) and for named keys, but not for
  // a typed character such as "?", which already says Shift was held.
  if (e.shiftKey && (e.key.length > 1 || e.ctrlKey || e.metaKey || e.altKey)) parts.push('shift');
  parts.push(e.key.length === 1 ? e.key.toLowerCase() : e.key.toLowerCase());
  return parts.join('+');
}

function typing(target) {
  return target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function modalOpen() {
  return !!document.querySelector('dialog[open]');
}

export function install() {
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.isComposing) return;
    const combo = comboOf(e);
    const withModifier = combo.includes('+') && (e.ctrlKey || e.metaKey || e.altKey);
    if (!withModifier && (typing(e.target) || modalOpen())) return;
    if (withModifier && modalOpen()) return;
    if (pending) {
      const seq = `${pending} ${combo}`;
      pending = null;
      clearTimeout(pendingTimer);
      const hit = registry.find((s) => s.keys === seq && (!s.when || s.when()));
      if (hit) { e.preventDefault(); hit.run(); }
      return;
    }
    const hit = registry.find((s) => s.keys === combo && (!s.when || s.when()));
    if (hit) { e.preventDefault(); hit.run(); return; }
    if (registry.some((s) => s.keys.startsWith(`${combo} `))) {
      pending = combo;
      pendingTimer = setTimeout(() => { pending = null; }, 1200);
    }
  });
  register({ keys: '?', label: 'Show keyboard shortcuts', group: 'Help', run: showSheet });
}

const KEY_NAMES = { ctrl: 'Ctrl', shift: 'Shift', alt: 'Alt', escape: 'Esc', enter: 'Enter' };

function keyName(k) {
  return KEY_NAMES[k] || (/^f\d+$/.test(k) ? k.toUpperCase() : k);
}

function renderKeys(keys) {
  return keys.split(' ').flatMap((part, i) => [
    i > 0 ? h('span', { class: 'muted' }, ' then ') : null,
    ...part.split('+').map((k, j) => [j > 0 ? '+' : null, h('span', { class: 'kbd' }, keyName(k))]),
  ]);
}

let sheetOpening = false;

export async function showSheet() {
  if (sheetOpening || document.querySelector('dialog[data-dialog="shortcuts"]')) return;
  sheetOpening = true;
  try { await preloadViews(); } finally { sheetOpening = false; }
  if (document.querySelector('dialog[open]')) return;
  const groups = new Map();
  // Help is registered first (by install) but read last: the sheet leads with getting around.
  for (const s of [...registry.filter((r) => r.group !== 'Help'), ...registry.filter((r) => r.group === 'Help')]) {
    if (!groups.has(s.group)) groups.set(s.group, []);
    groups.get(s.group).push(s);
  }
  const extra = [['Enter', 'Save the open form'], ['Esc', 'Close a dialog without saving'], ['Tab', 'Move between fields and buttons']];
  const body = h('div', { class: 'shortcut-sheet', dataset: { shortcutSheet: '' } },
    [...groups.entries()].map(([group, items]) => h('section', { class: 'stack', dataset: { shortcutGroup: group } },
      h('h3', {}, group),
      h('div', { class: 'shortcuts' }, items.flatMap((s) => [h('span', { dataset: { shortcut: s.keys } }, s.label), h('span', { class: 'nowrap' }, renderKeys(s.keys))])))),
    h('section', { class: 'stack' }, h('h3', {}, 'In forms'),
      h('div', { class: 'shortcuts' }, extra.flatMap(([k, label]) => [h('span', {}, label), h('span', {}, h('span', { class: 'kbd' }, k))]))));
  formDialog({ title: 'Keyboard shortcuts', name: 'shortcuts', body, submitLabel: 'Close', cancelLabel: null, footHint: 'Esc closes', wide: true, submit: async () => true });
}
