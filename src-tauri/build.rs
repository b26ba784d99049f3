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
    // the promise ledger and lost revenue
    "list_promises",
    "promise_counts",
    "get_promise",
    "create_promise",
    "update_promise",
    "keep_promise",
    "break_promise",
    "withdraw_promise",
    "renegotiate_promise",
    "reopen_promise",
    "dispute_promise",
    "add_follow_up",
    "record_reply",
    "retract_follow_up",
    "draft_confirmation",
    "open_confirmation_draft",
    "promiser_records",
    "commitment_load",
    "suggest_promisers",
    "suggest_counterparties",
    "record_lost_revenue",
    "retract_lost_revenue",
    "account_promises",
    "link_complaint",
    "linkable_complaints",
    // complaints, remedies and root causes
    "list_complaints",
    "get_complaint",
    "create_complaint",
    "edit_complaint",
    "move_complaint",
    "create_remedy",
    "set_remedy_status",
    "list_root_causes",
    "create_root_cause",
    "update_root_cause",
    "root_cause_report",
    // the evidence timeline and decisions
    "create_event",
    "revise_event",
    "retract_event",
    "get_event",
    "list_events",
    "get_timeline",
    "list_decisions",
    "get_decision",
    "create_decision",
    "decide",
    // files and e-mails
    "list_attachments",
    "add_files",
    "pick_files",
    "save_attachment_copy",
    // trust: the record, the passphrase, backups, redaction, export and import
    "integrity_status",
    "verify_record",
    "note_activity",
    "lock_case_file",
    "unlock_case_file",
    "change_passphrase",
    "list_backups",
    "back_up_now",
    "restore_backup",
    "redaction_preview",
    "redact_event",
    "export_case_file",
    "export_csv",
    "import_case_file",
    // about and help
    "about",
    // the escalation packet
    "packet_preview",
    "save_packet",
    "open_packet",
    "save_briefing_pdf",
    // before the call: briefing, dashboard, search, reminders
    "get_briefing",
    "get_dashboard",
    "search_case_file",
    "list_reminders",
    "snooze_reminder",
    "dismiss_reminder",
    "check_reminders",
];

fn main() {
    println!("cargo:rerun-if-changed=../ui");
    println!("cargo:rerun-if-changed=capabilities");
    let attributes = tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri build failed: {e:#}");
    }
}
