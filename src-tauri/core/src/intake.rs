//! Files arriving from the desktop, chosen in the native dialog or dropped on the window.
//!
//! One rule decides where each goes, so a drop and a dialog behave the same: an .eml
//! dropped on a customer or a complaint is imported as an e-mail entry on the timeline;
//! any other file (or an .eml dropped on a timeline entry) is attached as it is. Each file
//! is its own write, so one bad file among several is reported without losing the others.

use crate::attachments::{self, Attachment, Target};
use crate::db::CaseFile;
use crate::email::{self, ImportTarget, Imported};
use crate::error::{Error, Result};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// A drop of more files than this is almost certainly a folder dragged by mistake.
pub const MAX_FILES: usize = 50;

#[derive(Debug, Clone, Default, Serialize)]
pub struct IntakeReport {
    pub attached: Vec<Attachment>,
    pub imported: Vec<Imported>,
    pub problems: Vec<FileProblem>,
}

/// A file that was not added, and why, in the words of the core's error.
#[derive(Debug, Clone, Serialize)]
pub struct FileProblem {
    pub file: String,
    pub kind: &'static str,
    pub message: String,
}

pub fn is_eml(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("eml"))
}

/// Add each file to `target`: .eml files become e-mail entries (unless the target is itself
/// a timeline entry), everything else is attached.
pub fn add_files(cf: &mut CaseFile, target: &Target, paths: &[PathBuf]) -> Result<IntakeReport> {
    if paths.is_empty() {
        return Err(Error::validation("paths", "No files were given."));
    }
    if paths.len() > MAX_FILES {
        return Err(Error::validation("paths", format!("That is {} files; add at most {MAX_FILES} at a time.", paths.len())));
    }
    let as_email = target.event_id.as_deref().is_none_or(|e| e.trim().is_empty());
    let mut report = IntakeReport::default();
    for path in paths {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
        let result = if as_email && is_eml(path) {
            let to = ImportTarget { account_id: target.account_id.clone(), complaint_id: target.complaint_id.clone(), promise_id: target.promise_id.clone() };
            email::import_path(cf, path, &to).map(|i| report.imported.push(i))
        } else {
            attachments::add_path(cf, target, path).map(|a| report.attached.push(a))
        };
        if let Err(e) = result {
            report.problems.push(FileProblem { file: name, kind: e.kind(), message: e.to_string() });
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::evidence::world;
    use crate::testing::{day, tempdir};

    #[test]
    fn emails_are_imported_other_files_attached_and_problems_reported_per_file() {
        let mut w = world(day(2026, 3, 10));
        let dir = tempdir::Dir::new("intake");
        let eml = dir.path().join("Owen.EML");
        std::fs::write(&eml, "From: Owen <owen@kestrel.example>\nDate: Mon, 09 Mar 2026 10:00:00 +0000\nSubject: Leak\nMessage-ID: <x1@k>\n\nIt leaks.\n").unwrap();
        let pdf = dir.path().join("report.pdf");
        std::fs::write(&pdf, b"%PDF-1.4 report").unwrap();
        let bad = dir.path().join("broken.eml");
        std::fs::write(&bad, b"Subject: cut").unwrap();
        let paths = vec![eml.clone(), pdf.clone(), bad, dir.path().join("missing.png")];
        let report = add_files(&mut w.cf, &Target::account(&w.account), &paths).unwrap();
        assert_eq!(report.imported.len(), 1);
        assert_eq!(report.imported[0].event.summary, "Leak");
        assert_eq!(report.attached.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), vec!["report.pdf"]);
        let problems: Vec<(&str, &str)> = report.problems.iter().map(|p| (p.file.as_str(), p.kind)).collect();
        assert_eq!(problems, vec![("broken.eml", "validation"), ("missing.png", "io")]);
        // On a timeline entry an .eml is evidence attached to that entry, not a new entry.
        let entry = report.imported[0].event.id.clone();
        let again = add_files(&mut w.cf, &Target::event(&entry), &[eml]).unwrap();
        assert_eq!((again.attached.len(), again.imported.len()), (1, 0));
        assert_eq!(add_files(&mut w.cf, &Target::account(&w.account), &[]).unwrap_err().field(), Some("paths"));
        assert_eq!(add_files(&mut w.cf, &Target::account(&w.account), &vec![pdf; MAX_FILES + 1]).unwrap_err().field(), Some("paths"));
    }
}
