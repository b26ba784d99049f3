//! The demo's imported e-mail: Fiona Hart's message about the Dunmore roof, with a photo,
//! imported through the same path as a dropped .eml file.

use crate::db::CaseFile;
use crate::demo::Story;
use crate::email::{self, ImportTarget};
use crate::error::Result;

/// A small stand-in for a lab report, so the demo has a PDF to "Save a copy…" of.
pub(super) const PEEL_TEST_PDF: &[u8] = b"%PDF-1.4\n% Casefile demo: peel test results, lot 2307\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// A tiny JPEG-shaped photo (the bytes only need to travel intact).
const PHOTO_B64: &str = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==";

pub(super) fn dunmore_eml(story: &Story<'_>, days_ago: i64) -> Vec<u8> {
    let day = story.as_of - chrono::Duration::days(days_ago);
    let date = day.and_hms_opt(8, 47, 0).unwrap_or_default().format("%a, %d %b %Y %H:%M:%S +0000");
    [
        format!("Message-ID: <dunmore-2307-{}@kestrelroofing.example>", story.seed),
        format!("Date: {date}"),
        "From: Fiona Hart <f.hart@kestrelroofing.example>".into(),
        "To: Dana Whitfield <dana@aquila.example>".into(),
        "Cc: Owen Gallagher <owen@kestrelroofing.example>, =?utf-8?q?Priya_Raman?= <priya@aquila.example>".into(),
        "Subject: =?utf-8?q?Dunmore_roof_=E2=80=93_seams_open_again_=28lot_2307=29?=".into(),
        "MIME-Version: 1.0".into(),
        "Content-Type: multipart/mixed; boundary=\"kestrel-1\"".into(),
        String::new(),
        "--kestrel-1".into(),
        "Content-Type: text/plain; charset=utf-8".into(),
        "Content-Transfer-Encoding: 8bit".into(),
        String::new(),
        "Dana,".into(),
        String::new(),
        "the seams on the Dunmore distribution centre roof have opened again, this time on rolls from lot 2307.".into(),
        "Water reached the racking in bay 4 overnight. Photo attached; the lab report on 2291 is still outstanding.".into(),
        String::new(),
        "We need a date for the replacement crew this week, and written confirmation of who pays for the racking damage.".into(),
        String::new(),
        "Fiona Hart".into(),
        "Quality Manager, Kestrel Roofing Ltd".into(),
        String::new(),
        "--kestrel-1".into(),
        "Content-Type: image/jpeg; name=\"dunmore-bay4.jpg\"".into(),
        "Content-Disposition: attachment; filename=\"dunmore-bay4.jpg\"".into(),
        "Content-Transfer-Encoding: base64".into(),
        String::new(),
        PHOTO_B64.into(),
        "--kestrel-1--".into(),
        String::new(),
    ]
    .join("\r\n")
    .into_bytes()
}

pub(super) fn import_dunmore(cf: &mut CaseFile, story: &Story<'_>, account: &str, complaint: &str, days_ago: i64) -> Result<()> {
    let bytes = dunmore_eml(story, days_ago);
    let target = ImportTarget { account_id: Some(account.into()), complaint_id: Some(complaint.into()), ..Default::default() };
    email::import(cf, &bytes, "Dunmore roof - seams open again.eml", &target)?;
    Ok(())
}
