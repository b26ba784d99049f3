// The record's state in the sidebar, the idle-lock heartbeat, and the jump to the unlock
// screen when the file locks. The check itself runs in Rust, off the UI thread, on open and
// after writes; this only draws what it reports.

import * as api from './api.js';
import { h, mount } from './dom.js';

let ctxRef = null;

export function installTrust(ctx) {
  ctxRef = ctx;
  api.on('integrity', (i) => draw(i));
  api.on('locked', async () => {
    await ctx.refresh().catch(() => {});
    ctx.navigate('/unlock');
  });
  // Tell Rust the user is here, at most every 10 s, so the idle lock counts real idleness.
  let last = 0;
  const ping = () => {
    const now = Date.now();
    if (now - last < 10000 || !(ctx.status && ctx.status.file)) return;
    last = now;
    api.noteActivity().catch(() => {});
  };
  for (const ev of ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart']) {
    document.addEventListener(ev, ping, { passive: true, capture: true });
  }
}

/** Re-read the cached state (after opening a file, say). */
export async function refreshIntegrity() {
  const open = ctxRef && ctxRef.status && ctxRef.status.file;
  if (!open) { draw(null); return; }
  draw(await api.integrityStatus().catch(() => null));
}

export function describe(i) {
  if (!i || i.state === 'none') return { text: '', detail: '' };
  const links = `${i.links.toLocaleString('en-US')} link${i.links === 1 ? '' : 's'}`;
  if (i.state === 'checking') return { text: 'Checking the record…', detail: 'The hash chain is being verified in the background.' };
  if (i.state === 'intact') return { text: `✓ Record intact · ${links}`, detail: `Every entry matches its link in the hash chain.\nHead: ${i.head}` };
  if (i.state === 'damaged') return { text: '⚠ The file is damaged', detail: i.damage || '' };
  const p = i.problem || {};
  const where = p.seq ? `link ${p.seq}` : 'an entry with no link';
  return { text: `⚠ Record broken at ${where}`, detail: `${p.entity || ''} ${p.entity_id || ''}: ${p.message || ''}`.trim() };
}

function draw(i) {
  const slot = document.querySelector('[data-integrity]');
  if (!slot) return;
  const { text, detail } = describe(i);
  slot.dataset.integrity = i ? i.state : 'none';
  slot.className = ['integrity', i && `integrity-${i.state}`].filter(Boolean).join(' ');
  if (!text) { mount(slot); return; }
  const bad = i.state === 'broken' || i.state === 'damaged';
  mount(slot, h('a', { href: '#/safety', title: detail, dataset: { integrityText: '' } }, text),
    bad ? h('span', { class: 'integrity-detail', dataset: { integrityDetail: '' } }, detail) : null);
}
