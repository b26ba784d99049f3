//! Declares the app's own IPC commands so each gets an `allow-*` permission, which the one
//! capability in capabilities/main.json grants explicitly (least privilege).

const COMMANDS: &[&str] = &[
    // the open case file
    "app_status",
    "open_case_file",
    "new_case_file",
    "open_demo",
    "close_case_file",
    // settings
    "get_settings",
    "save_settings",
    // people
    "list_people",
    "get_person",
    "create_person",
    "update_person",
    "delete_person",
    // customers and their contacts
    "list_accounts",
    "get_account",
    "create_account",
    "update_account",
    "transfer_account",
    "create_contact",
    "update_contact",
    "delete_contact",
    // about and help
    "about",
];

fn main() {
    println!("cargo:rerun-if-changed=../ui");
    println!("cargo:rerun-if-changed=capabilities");
    let attributes = tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri build failed: {e:#}");
    }
}
