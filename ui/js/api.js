// The only file that talks to the Rust side. One function per command, so a search for a
// command name finds its single caller. Every failure arrives as {kind, message, field?}.

const tauri = window.__TAURI__;

function normalise(err) {
  if (err && typeof err === 'object' && typeof err.kind === 'string') return err;
  return { kind: 'internal', message: typeof err === 'string' ? err : 'Something went wrong inside Casefile.' };
}

async function call(cmd, args = {}) {
  if (!tauri) throw { kind: 'internal', message: 'Casefile must be opened as the desktop app.' };
  try {
    return await tauri.core.invoke(cmd, args);
  } catch (err) {
    throw normalise(err);
  }
}

// Reads started before the screen that wants them has loaded, so the two overlap at start-up.
// Each is handed out once, and only while fresh: a later visit asks again.
const warmed = new Map();
const WARM_FOR_MS = 2000;

/** Start a read now; the next call of the same read within two seconds gets its answer. */
export function warm(cmd) {
  const answer = call(cmd);
  answer.catch(() => {}); // not unhandled: whoever takes it asks again on a failure
  warmed.set(cmd, { answer, at: performance.now() });
}

function warmOrCall(cmd) {
  const w = warmed.get(cmd);
  warmed.delete(cmd);
  if (!w || performance.now() - w.at >= WARM_FOR_MS) return call(cmd);
  // Asked before a file was open (the first run, a locked file): ask again now.
  return w.answer.catch(() => call(cmd));
}

/** Listen to an event the core emits (progress, dropped files). Returns an unlisten function. */
export async function on(event, handler) {
  if (!tauri) return () => {};
  return tauri.event.listen(event, (e) => handler(e.payload));
}

// the open case file
export const appStatus = () => call('app_status');
export const openCaseFile = (path = null) => call('open_case_file', { path });
export const newCaseFile = (path = null) => call('new_case_file', { path });
export const openDemo = () => call('open_demo');
export const closeCaseFile = () => call('close_case_file');

// settings
export const getSettings = () => call('get_settings');
export const saveSettings = (settings) => call('save_settings', { settings });

// people
export const listPeople = (query = {}) => call('list_people', { query });
export const getPerson = (id) => call('get_person', { id });
export const createPerson = (input) => call('create_person', { input });
export const updatePerson = (id, input) => call('update_person', { id, input });
export const deletePerson = (id) => call('delete_person', { id });

// customers and contacts
export const listAccounts = (query = {}) => call('list_accounts', { query });
export const getAccount = (id) => call('get_account', { id });
export const createAccount = (input) => call('create_account', { input });
export const updateAccount = (id, input) => call('update_account', { id, input });
export const transferAccount = (id, input) => call('transfer_account', { id, input });
export const createContact = (accountId, input) => call('create_contact', { accountId, input });
export const updateContact = (id, input) => call('update_contact', { id, input });
export const deleteContact = (id) => call('delete_contact', { id });

// the promise ledger
export const listPromises = (query = {}) => call('list_promises', { query });
export const promiseCounts = () => call('promise_counts');
export const getPromise = (id) => call('get_promise', { id });
export const createPromise = (input) => call('create_promise', { input });
export const updatePromise = (id, input) => call('update_promise', { id, input });
export const keepPromise = (id, input) => call('keep_promise', { id, input });
export const breakPromise = (id, input) => call('break_promise', { id, input });
export const withdrawPromise = (id, input) => call('withdraw_promise', { id, input });
export const renegotiatePromise = (id, input) => call('renegotiate_promise', { id, input });
export const reopenPromise = (id, input) => call('reopen_promise', { id, input });
export const disputePromise = (id, input) => call('dispute_promise', { id, input });
export const addFollowUp = (promiseId, input) => call('add_follow_up', { promiseId, input });
export const recordReply = (followUpId, input) => call('record_reply', { followUpId, input });
export const retractFollowUp = (id, reason) => call('retract_follow_up', { id, reason });
export const draftConfirmation = (promiseId, options) => call('draft_confirmation', { promiseId, options });
export const openConfirmationDraft = (promiseId, options) => call('open_confirmation_draft', { promiseId, options });
export const promiserRecords = () => call('promiser_records');
export const commitmentLoad = (personId, addingDue = null, weeks = 6) => call('commitment_load', { personId, addingDue, weeks });
export const suggestPromisers = (text) => call('suggest_promisers', { text });
export const suggestCounterparties = (text) => call('suggest_counterparties', { text });
export const recordLostRevenue = (input) => call('record_lost_revenue', { input });
export const retractLostRevenue = (id, reason) => call('retract_lost_revenue', { id, reason });
export const accountPromises = (accountId) => call('account_promises', { accountId });
export const linkComplaint = (promiseId, complaintId) => call('link_complaint', { promiseId, complaintId });
export const linkableComplaints = (promiseId) => call('linkable_complaints', { promiseId });
// complaints, remedies and root causes
export const listComplaints = (query = {}) => call('list_complaints', { query });
export const getComplaint = (id) => call('get_complaint', { id });
export const createComplaint = (input) => call('create_complaint', { input });
export const editComplaint = (id, input) => call('edit_complaint', { id, input });
export const moveComplaint = (id, input) => call('move_complaint', { id, input });
export const createRemedy = (input) => call('create_remedy', { input });
export const setRemedyStatus = (id, input) => call('set_remedy_status', { id, input });
export const listRootCauses = () => call('list_root_causes');
export const createRootCause = (input) => call('create_root_cause', { input });
export const updateRootCause = (id, input) => call('update_root_cause', { id, input });
export const rootCauseReport = (id, months = 12) => call('root_cause_report', { id, months });

// the evidence timeline and decisions
export const createEvent = (input) => call('create_event', { input });
export const reviseEvent = (id, input) => call('revise_event', { id, input });
export const retractEvent = (id, input) => call('retract_event', { id, input });
export const getEvent = (id) => call('get_event', { id });
export const listEvents = (query = {}) => call('list_events', { query });
export const getTimeline = (query = {}) => call('get_timeline', { query });
export const listDecisions = (query = {}) => call('list_decisions', { query });
export const getDecision = (id) => call('get_decision', { id });
export const createDecision = (input) => call('create_decision', { input });
export const decide = (id, input) => call('decide', { id, input });

// files and e-mails
export const listAttachments = (target) => call('list_attachments', { target });
export const addFiles = (target, paths) => call('add_files', { target, paths });
export const pickFiles = (target, emails = false) => call('pick_files', { target, emails });
export const saveAttachmentCopy = (id, path = null) => call('save_attachment_copy', { id, path });
// trust: the record, locking and the passphrase, backups, redaction, export and import
export const integrityStatus = () => call('integrity_status');
export const verifyRecord = () => call('verify_record');
export const noteActivity = () => call('note_activity');
export const lockCaseFile = () => call('lock_case_file');
export const unlockCaseFile = (passphrase, path = null) => call('unlock_case_file', { path, passphrase });
export const changePassphrase = (input) => call('change_passphrase', { input });
export const listBackups = () => call('list_backups');
export const backUpNow = () => call('back_up_now');
export const restoreBackup = (name, passphrase = null) => call('restore_backup', { name, passphrase });
export const redactionPreview = (id) => call('redaction_preview', { id });
export const redactEvent = (id, confirm) => call('redact_event', { id, confirm });
export const exportCaseFile = () => call('export_case_file');
export const exportCsv = (table, plaintextOk = false) => call('export_csv', { table, plaintextOk });
export const importCaseFile = (source = null, passphrase = null) => call('import_case_file', { source, passphrase });
// about and help
export const about = () => call('about');

// before the call: the briefing, the dashboard, search and reminders
export const getBriefing = (accountId) => call('get_briefing', { accountId });
export const getDashboard = () => warmOrCall('get_dashboard');
export const searchCaseFile = (query) => call('search_case_file', { query });
export const listReminders = () => call('list_reminders');
export const snoozeReminder = (key, until) => call('snooze_reminder', { key, until });
export const dismissReminder = (key) => call('dismiss_reminder', { key });
export const checkReminders = () => call('check_reminders');

// the escalation packet
export const packetPreview = (input) => call('packet_preview', { input });
export const savePacket = (input) => call('save_packet', { input });
export const openPacket = (path) => call('open_packet', { path });
export const saveBriefingPdf = (accountId) => call('save_briefing_pdf', { accountId });
