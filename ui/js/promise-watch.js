// Keeps the overdue count in the navigation right, and tells promise screens when a new
// day has begun, so a promise due today turns overdue at local midnight without a restart.
// Also installs quick capture (Ctrl+L, "Log a promise") so it works on every screen.
//
// The core decides what is overdue from its own clock; the window only asks again at the
// right moments: at local midnight, when the window regains focus, after a sleep (a minute
// timer notices the date moved), and whenever the ledger changes.

import * as api from './api.js';
import { renderNav, setCount } from './nav.js';
import { current } from './router.js';
import { register } from './shortcuts.js';

register({
  keys: 'ctrl+l',
  label: 'Log a promise (quick capture)',
  group: 'Promises',
  run: () => import('./promise-capture.js').then((m) => m.quickCapture()),
});

let lastDay = null;
let midnightTimer = null;

function localDay() {
  const d = new Date();
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

export async function refreshCounts() {
  let overdue = 0;
  try {
    const c = await api.promiseCounts();
    overdue = c.overdue;
  } catch {
    // No file open (first run, welcome screen): nothing to count.
  }
  setCount('/promises', overdue);
  const nav = document.querySelector('[data-nav]');
  if (nav) renderNav(nav, current());
  return overdue;
}

function newDay() {
  lastDay = localDay();
  refreshCounts();
  window.dispatchEvent(new CustomEvent('casefile:day-changed'));
}

function checkDay() {
  if (lastDay !== localDay()) newDay();
}

function scheduleMidnight() {
  clearTimeout(midnightTimer);
  const now = new Date();
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 2);
  midnightTimer = setTimeout(() => { checkDay(); scheduleMidnight(); }, next - now);
}

function start() {
  lastDay = localDay();
  refreshCounts();
  scheduleMidnight();
  setInterval(checkDay, 60_000);
  window.addEventListener('focus', () => { checkDay(); refreshCounts(); });
  document.addEventListener('visibilitychange', () => { if (!document.hidden) checkDay(); });
  window.addEventListener('hashchange', () => refreshCounts());
  window.addEventListener('casefile:promises-changed', () => refreshCounts());
}

start();
