// Starts the window: loads the status of the open case file, draws the shell, and routes.

import { showAbout } from './about.js';
import * as api from './api.js';
import { mount } from './dom.js';
import { useSettings } from './format.js';
import { renderNav, SECTIONS } from './nav.js';
import { current, match, navigate, route } from './router.js';
import * as shortcuts from './shortcuts.js';
import { showError } from './ui.js';
import './promise-watch.js';
import * as evidence from './evidence/global.js';
import { installTrust, refreshIntegrity } from './integrity.js';
import * as beforeCall from './before-call.js';

route('/welcome', () => import('./views/welcome.js'));
route('/customers', () => import('./views/customers.js'));
route('/customers/:id', () => import('./views/customers.js'));
route('/people', () => import('./views/people.js'));
route('/people/:id', () => import('./views/people.js'));
route('/settings', () => import('./views/settings.js'));
route('/promises', () => import('./views/promises.js'));
route('/promises/:id', () => import('./views/promise.js'));
route('/promisers', () => import('./views/promisers.js'));
route('/customers/:id/timeline', () => import('./views/timeline.js'));
route('/complaints', () => import('./views/complaints.js'));
route('/complaints/customer/:account', () => import('./views/complaints.js'));
route('/complaints/cause/:root', () => import('./views/complaints.js'));
route('/complaints/:id', () => import('./views/complaint.js'));
route('/root-causes', () => import('./views/root-causes.js'));
route('/root-causes/:id', () => import('./views/root-causes.js'));
route('/decisions', () => import('./views/decisions.js'));
route('/decisions/:id', () => import('./views/decisions.js'));
route('/unlock', () => import('./views/unlock.js'));
route('/safety', () => import('./views/safety.js'));
route('/redact/:id', () => import('./views/redact.js'));
route('/restore', () => import('./views/restore.js'));
route('/dashboard', () => import('./views/dashboard.js'), 'get_dashboard');
route('/briefing', () => import('./views/briefing.js'));
route('/briefing/:id', () => import('./views/briefing.js'));
route('/search', () => import('./views/search.js'));
route('/customers/:id/timeline/:day', () => import('./views/timeline.js'));
route('/packet', () => import('./views/packet.js'));

export const HOME = '/dashboard';

const ctx = {
  status: null,
  navigate,
  /** Re-read the open file's status and settings, e.g. after opening another file. */
  async refresh() {
    // Both at once: the settings are only wanted when a file is open, and asking for them
    // without one is a harmless refusal.
    const settings = api.getSettings().catch(() => null);
    ctx.status = await api.appStatus();
    ctx.settings = ctx.status.file ? await settings : null;
    useSettings(ctx.settings);
    drawChrome();
    return ctx.status;
  },
};

function drawChrome() {
  const file = ctx.status && ctx.status.file;
  document.querySelector('[data-demo-banner]').hidden = !(file && file.is_demo);
  document.querySelector('[data-demo-badge=sidebar]').hidden = !(file && file.is_demo);
  document.querySelector('[data-file-name]').textContent = file ? file.name : 'No file open';
  document.querySelector('[data-file-name]').title = file ? file.path : '';
  document.querySelector('[data-app]').dataset.fileOpen = file ? 'yes' : 'no';
  // Mirrors the native title the shell sets, so both say which file (and DEMO) is open.
  document.title = file ? `${file.name}${file.is_demo ? ' — DEMO' : ''} — Casefile` : 'Casefile';
  renderNav(document.querySelector('[data-nav]'), current());
  refreshIntegrity();
}

let cleanup = null;
let renderSeq = 0;

async function render() {
  const seq = ++renderSeq;
  let path = current();
  const askKey = needsPassphrase(ctx.status);
  if (!ctx.status.file && path !== '/welcome' && path !== '/restore' && !(askKey && path === '/unlock')) { navigate(askKey ? '/unlock' : '/welcome'); return; }
  if (path === '/') { navigate(HOME); return; }
  const found = match(path);
  if (!found) { navigate(HOME); return; }
  if (cleanup) { try { cleanup(); } catch { /* a view's cleanup must never block navigation */ } cleanup = null; }
  renderNav(document.querySelector('[data-nav]'), path);
  const container = document.querySelector('[data-view]');
  try {
    const view = await found.route.load();
    if (seq !== renderSeq) return;
    mount(container);
    container.dataset.route = found.route.pattern;
    cleanup = (await view.render(container, found.params, ctx)) || null;
  } catch (err) {
    if (seq === renderSeq) showError(err);
  } finally {
    // Ready once the first screen is really drawn, not while the start-up redirect is pending.
    if (seq === renderSeq && document.body.dataset.ready !== 'yes') {
      document.body.dataset.ready = 'yes';
      // The benchmarks time start-up to this mark (docs/BENCHMARKS.md).
      performance.mark('interactive');
    }
  }
}

async function start() {
  shortcuts.install();
  evidence.install(ctx);
  beforeCall.install(ctx);
  for (const s of SECTIONS) {
    shortcuts.register({ keys: `g ${s.key}`, label: `Go to ${s.label}`, group: 'Go to', run: () => navigate(s.route) });
  }
  shortcuts.register({ keys: 'ctrl+o', label: 'Open a case file…', group: 'Case file', run: () => openFile() });
  shortcuts.register({ keys: 'ctrl+shift+l', label: 'Lock the case file now', group: 'Case file', run: () => import('./views/safety.js').then((m) => m.lockNow(ctx)) });
  installTrust(ctx);
  shortcuts.register({ keys: 'f1', label: 'About Casefile', group: 'Help', run: () => showAbout() });
  document.querySelector('.sidebar-foot [data-action=shortcuts]').addEventListener('click', () => shortcuts.showSheet());
  document.querySelector('.sidebar-foot [data-action=about]').addEventListener('click', () => showAbout());
  document.querySelector('[data-action=leave-demo]').addEventListener('click', () => leaveDemo());
  // The home screen is the usual first screen: go there without a round of hashchange, and
  // fetch its module and its figures while the file's status is read (index.html preloads
  // the modules it needs).
  if (current() === '/') history.replaceState(null, '', `#${HOME}`);
  const first = match(current());
  if (first) first.route.load().catch(() => {});
  if (first && first.route.reads) api.warm(first.route.reads);
  try {
    await ctx.refresh();
  } catch (err) {
    showError(err);
  }
  window.addEventListener('hashchange', render);
  await render();
}

export async function openFile() {
  try {
    const before = ctx.status && ctx.status.file && ctx.status.file.path;
    const status = await api.openCaseFile();
    await ctx.refresh();
    if (status.file && status.file.path !== before) navigate(HOME);
  } catch (err) {
    await ctx.refresh().catch(() => {});
    if (needsPassphrase(ctx.status)) { navigate('/unlock'); return; }
    // A file that could not be opened is explained on the welcome screen itself.
    if (!ctx.status || !ctx.status.problem) showError(err);
    navigate('/welcome');
  }
}

/** An encrypted file was asked for, or the open one locked itself: show the unlock screen. */
export function needsPassphrase(status) {
  const kind = status && !status.file && status.problem && status.problem.kind;
  return kind === 'needs_passphrase' || kind === 'locked';
}

/** Close the demo and go back to the welcome screen; the demo is not reopened on the next start. */
async function leaveDemo() {
  try {
    await api.closeCaseFile();
    await ctx.refresh();
    navigate('/welcome');
  } catch (err) {
    showError(err);
  }
}

start();
