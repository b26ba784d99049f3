// Building DOM without HTML strings. User text only ever becomes a Text node or a
// textContent, so a customer called <img src=x onerror=alert(1)> shows as those characters.

/**
 * h('div', {class: 'card', dataset: {id}, onclick}, child, 'text', [more])
 * Attributes: class, dataset, on* handlers (as listeners), aria-*, and plain attributes.
 * Children: nodes, strings/numbers (as text), arrays, null/false (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** The same as h(), for SVG elements (charts, icons). */
export function s(tag, attrs = {}, ...children) {
  return build(document.createElementNS('http://www.w3.org/2000/svg', tag), attrs, children);
}

function build(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on')) { if (typeof value === 'function') el.addEventListener(key.slice(2), value); }
    else if (key === 'value' && 'value' in el) el.value = value;
    else if (key === 'checked' || key === 'selected' || key === 'disabled') el[key] = !!value;
    else if (key === 'text') el.textContent = String(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replace everything inside `el`. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Escape text for the rare place that must build markup (search snippets). */
export function escapeHtml(text) {
  return String(text)
    .replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** An icon from the small set in icons.js, as inline SVG built node by node. */
export function icon(paths) {
  return s('svg', { viewBox: '0 0 24 24', 'aria-hidden': 'true' }, paths.map((d) => s('path', { d })));
}

/** Initials for an avatar. */
export function initials(name) {
  // First letter or digit of the first and last words, skipping punctuation such as "<" or "&".
  const words = String(name || '').split(/\s+/).map((w) => (w.match(/[\p{L}\p{N}]/u) || [])[0]).filter(Boolean);
  if (!words.length) return '?';
  return (words[0] + (words.length > 1 ? words[words.length - 1] : '')).toUpperCase();
}

export function debounce(fn, ms = 150) {
  let t;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
}
