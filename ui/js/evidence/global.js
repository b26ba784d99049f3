// What the evidence screens add to the whole window: files dropped anywhere, and a shortcut
// to log a timeline entry from any screen, about whatever customer or complaint is open.

import * as api from '../api.js';
import * as drop from '../drop.js';
import { register } from '../shortcuts.js';
import { showError, toast } from '../ui.js';

async function context() {
  const hash = location.hash.replace(/^#/, '');
  const customer = /^\/customers\/([^/]+)/.exec(hash);
  if (customer) return { accountId: decodeURIComponent(customer[1]) };
  const complaint = /^\/complaints\/([^/]+)$/.exec(hash);
  if (complaint) {
    const d = await api.getComplaint(decodeURIComponent(complaint[1])).catch(() => null);
    if (d) return { accountId: d.complaint.account_id, complaintId: d.complaint.id };
  }
  return {};
}

export function install(ctx) {
  drop.install();
  register({
    keys: 't',
    label: 'Open this customer’s timeline',
    group: 'Customers',
    when: () => /^#\/customers\/[^/]+$/.test(location.hash),
    run: () => document.querySelector('[data-action="open-timeline"]')?.click(),
  });
  register({
    keys: 'ctrl+e',
    label: 'Log a timeline entry (from any screen)',
    group: 'Timeline',
    run: async () => {
      if (!ctx.status || !ctx.status.file) return;
      try {
        const { captureEvent } = await import('./event-dialog.js');
        if (await captureEvent(await context())) {
          toast('Entry saved.');
          ctx.navigate(location.hash.replace(/^#/, '') || '/');
        }
      } catch (err) {
        showError(err);
      }
    },
  });
}
