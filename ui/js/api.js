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

// about and help
export const about = () => call('about');
