// The words the core stores (received, first_hand, procedure_change …) as the window shows
// them. The core checks the words; this file only says them nicely.

export const COMPLAINT_STATUS = {
  received: 'Received', acknowledged: 'Acknowledged', investigating: 'Investigating', remedy_offered: 'Remedy offered',
  resolved: 'Resolved', closed: 'Closed', reopened: 'Reopened',
};
/** The workflow's main line, for the stepper. */
export const WORKFLOW = ['received', 'acknowledged', 'investigating', 'remedy_offered', 'resolved', 'closed'];

export const SEVERITY = { 1: '1 — Critical', 2: '2 — Major', 3: '3 — Moderate', 4: '4 — Minor' };

export const COMPLAINT_CHANNEL = { email: 'E-mail', call: 'Call', meeting: 'Meeting', chat: 'Chat', in_person: 'In person', letter: 'Letter', web: 'Web form' };

export const EVENT_KIND = {
  call: 'Call', meeting: 'Meeting', email: 'E-mail', note: 'Note', follow_up: 'Follow-up', decision: 'Decision',
  hostile_incident: 'Hostile incident', account_transfer: 'Account transfer', status_change: 'Status change',
};
/** The kinds a person writes; transfers and status changes are written by their own records. */
export const CAPTURE_KINDS = ['call', 'meeting', 'email', 'note', 'follow_up', 'decision', 'hostile_incident'];
export const RECORD_KIND = { complaint: 'Complaint', remedy: 'Remedy', decision_record: 'Decision record' };

export const PRECISION = { exact: 'Exact time', day: 'Day', month: 'Month', approximate: 'Approximate' };
export const STRENGTH = { written: 'Written', first_hand: 'First-hand verbal', second_hand: 'Second-hand' };

export const REMEDY_KIND = {
  credit: 'Credit', refund: 'Refund', replacement: 'Replacement', repair: 'Repair', discount: 'Discount',
  goodwill: 'Goodwill', procedure_change: 'Procedure change',
};
export const REMEDY_STATUS = { offered: 'Offered', accepted: 'Accepted', delivered: 'Delivered', declined: 'Declined' };
/** Mirrors the core's rule, only to offer the buttons that can work; the core decides. */
export const REMEDY_NEXT = { offered: ['accepted', 'declined', 'delivered'], accepted: ['delivered', 'declined'], declined: ['offered'], delivered: [] };

export function statusBadgeClass(status) {
  return { received: 'warn', acknowledged: 'accent', investigating: 'accent', remedy_offered: 'accent', resolved: 'ok', closed: '', reopened: 'danger' }[status] ?? '';
}

export function severityClass(sev) {
  return { 1: 'danger', 2: 'warn' }[sev] ?? '';
}

export const options = (map, keys = Object.keys(map)) => keys.map((k) => [k, map[k]]);
