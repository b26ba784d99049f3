use crate::state::AppState;
use casefile_core::accounts::{self, Account, AccountInput, AccountQuery, AccountSummary};
use casefile_core::contacts::{self, Contact, ContactInput};
use casefile_core::model::Page;
use casefile_core::transfers::{self, Transfer, TransferInput};
use casefile_core::Result;
use serde::Serialize;
use tauri::State;

#[tauri::command(async)]
pub fn list_accounts(state: State<'_, AppState>, query: AccountQuery) -> Result<Page<AccountSummary>> {
    state.with_file(|cf| accounts::list(cf.conn(), cf.today(), &query))
}

#[derive(Serialize)]
pub struct AccountDetail {
    account: Account,
    contacts: Vec<Contact>,
    transfers: Vec<Transfer>,
}

#[tauri::command(async)]
pub fn get_account(state: State<'_, AppState>, id: String) -> Result<AccountDetail> {
    state.with_file(|cf| {
        Ok(AccountDetail {
            account: accounts::get(cf.conn(), &id)?,
            contacts: contacts::list_for_account(cf.conn(), &id)?,
            transfers: transfers::list_for_account(cf.conn(), &id)?,
        })
    })
}

#[tauri::command(async)]
pub fn create_account(state: State<'_, AppState>, input: AccountInput) -> Result<Account> {
    state.with_file(|cf| accounts::create(cf, &input))
}

#[tauri::command(async)]
pub fn update_account(state: State<'_, AppState>, id: String, input: AccountInput) -> Result<Account> {
    state.with_file(|cf| accounts::update(cf, &id, &input))
}

#[tauri::command(async)]
pub fn transfer_account(state: State<'_, AppState>, id: String, input: TransferInput) -> Result<Transfer> {
    state.with_file(|cf| transfers::transfer(cf, &id, &input))
}

#[tauri::command(async)]
pub fn create_contact(state: State<'_, AppState>, account_id: String, input: ContactInput) -> Result<Contact> {
    state.with_file(|cf| contacts::create(cf, &account_id, &input))
}

#[tauri::command(async)]
pub fn update_contact(state: State<'_, AppState>, id: String, input: ContactInput) -> Result<Contact> {
    state.with_file(|cf| contacts::update(cf, &id, &input))
}

#[tauri::command(async)]
pub fn delete_contact(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with_file(|cf| contacts::delete(cf, &id))
}
