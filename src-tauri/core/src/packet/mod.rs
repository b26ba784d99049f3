//! The escalation packet and the one-page briefing as PDFs.
//!
//! The packet is the moment the case file pays off: the user hands it to the boss's manager
//! or to HR, so it reads like a dossier — figures first, every line dated and sourced, the
//! definitions stated, and an integrity page that ties the printed records to the case file.
//!
//! * `layout` is a pure engine (boxes, wrapped text runs, tables that break across pages,
//!   vector charts) that turns a [`layout::Document`] into PDF bytes; it knows nothing of
//!   case files, so paging and wrapping are tested without any data.
//! * [`spec`] checks what the user asked for; [`scope`] reads it through the modules that
//!   own each table; [`figures`] works out the numbers; the section modules turn them into
//!   blocks; [`integrity`] hashes what was printed.
//!
//! [`build`] is a pure function of the case file and the spec (which carries the instant of
//! generation): the same inputs always give the same bytes.

pub mod dates;
pub mod figures;
pub mod integrity;
pub mod layout;
pub mod one_pager;
pub mod scope;
pub mod spec;

mod charts;
mod chronology;
mod complaints;
mod cover;
mod exhibits;
mod promises;
mod summary;

pub use figures::Figures;
pub use spec::{check, PacketInput, PacketSpec, Section, DEFAULT_CONFIDENTIALITY};

use crate::chain;
use crate::error::{Error, Result};
use dates::DateStyle;
use layout::{Block, Document};
use rusqlite::Connection;
use serde::Serialize;

/// How many steps [`build`] reports through its progress callback.
pub const STEPS: u32 = 7;

/// Where a long piece of work has got to, for a progress bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    pub stage: String,
    pub done: u32,
    pub total: u32,
}

impl Progress {
    pub fn new(stage: &str, done: u32, total: u32) -> Progress {
        Progress { stage: stage.to_string(), done, total }
    }
}

/// What the builder shows before generating: the figures, and how big the packet will be.
#[derive(Debug, Clone, Serialize)]
pub struct Preview {
    pub figures: Figures,
    pub promises_broken_or_overdue: u32,
    pub customers: Vec<String>,
    /// True when the chronology will be cut to its newest entries.
    pub chronology_cut: bool,
    pub is_demo: bool,
}

/// A made packet.
#[derive(Debug, Clone)]
pub struct Packet {
    pub pdf: Vec<u8>,
    pub pages: usize,
    pub figures: Figures,
    pub records_sha256: String,
}

pub(crate) struct Context<'a> {
    pub spec: &'a PacketSpec,
    pub gathered: &'a scope::Gathered,
    pub figures: &'a Figures,
    pub dates: DateStyle,
}

/// The figures of a scope, for the builder's live preview.
pub fn preview(conn: &Connection, spec: &PacketSpec) -> Result<Preview> {
    let gathered = scope::gather(conn, spec, &mut |_| {})?;
    let figures = figures::compute(&gathered);
    Ok(Preview {
        promises_broken_or_overdue: figures.promises.broken + figures.promises.overdue,
        customers: gathered.accounts.iter().map(|a| a.name.clone()).collect(),
        chronology_cut: gathered.events_total > gathered.events.len() as u64,
        is_demo: spec.settings.is_demo,
        figures,
    })
}

/// The packet as a layout document, before it is drawn (tests inspect its pages).
pub fn document(conn: &Connection, spec: &PacketSpec, progress: &mut dyn FnMut(Progress)) -> Result<(Document, Figures, String)> {
    document_with(conn, spec, None, progress)
}

/// As [`document`], with the chain's verification already in hand when there is one
/// (`CaseFile::verification`); one of another head is not used.
pub fn document_with(conn: &Connection, spec: &PacketSpec, verified: Option<chain::Verification>, progress: &mut dyn FnMut(Progress)) -> Result<(Document, Figures, String)> {
    let gathered = scope::gather(conn, spec, progress)?;
    let figures = figures::compute(&gathered);
    progress(Progress::new("Hashing the records and checking the hash chain", 4, STEPS));
    let integrity = integrity::Integrity::of(conn, &gathered, verified)?;
    let ctx = Context { spec, gathered: &gathered, figures: &figures, dates: DateStyle::from_setting(&spec.settings.date_format) };
    let mut doc = cover::document(&ctx, &integrity.records_sha256);
    let blocks = &mut doc.blocks;
    use spec::Section as S;
    for section in &spec.sections {
        match section {
            S::Summary => summary::blocks(&ctx, blocks),
            S::Promises => promises::blocks(&ctx, blocks),
            S::Chronology => chronology::blocks(&ctx, blocks),
            S::Complaints => complaints::blocks(&ctx, blocks),
            S::Decisions => complaints::decision_blocks(&ctx, blocks),
            S::Charts => charts::blocks(&ctx, blocks),
            S::Exhibits => exhibits::blocks(&ctx, blocks),
        }
    }
    summary::method_blocks(&ctx, blocks);
    integrity.blocks(&ctx, blocks);
    let digest = integrity.records_sha256.clone();
    Ok((doc, figures, digest))
}

/// Make the packet's PDF. `progress` hears about each stage.
pub fn build(conn: &Connection, spec: &PacketSpec, progress: &mut dyn FnMut(Progress)) -> Result<Packet> {
    build_with(conn, spec, None, progress)
}

/// Make the packet of an open case file: the chain's verification is the one the file
/// remembers while nothing has changed (the background check has usually just made it), so
/// a packet of a million-entry file does not walk the whole chain again.
pub fn build_for(cf: &crate::CaseFile, spec: &PacketSpec, progress: &mut dyn FnMut(Progress)) -> Result<Packet> {
    let verified = cf.verification()?;
    build_with(cf.conn(), spec, Some(verified), progress)
}

/// As [`build`], with the chain's verification already in hand (see [`document_with`]).
pub fn build_with(conn: &Connection, spec: &PacketSpec, verified: Option<chain::Verification>, progress: &mut dyn FnMut(Progress)) -> Result<Packet> {
    let (doc, figures, records_sha256) = document_with(conn, spec, verified, progress)?;
    progress(Progress::new("Laying out the pages", 5, STEPS));
    let laid = layout::layout(&doc).map_err(|e| Error::Pdf(e.to_string()))?;
    let pages = laid.pages.len();
    progress(Progress::new("Writing the PDF", 6, STEPS));
    let pdf = layout::render_laid(&doc, &laid).map_err(|e| Error::Pdf(e.to_string()))?;
    progress(Progress::new("Done", STEPS, STEPS));
    Ok(Packet { pdf, pages, figures, records_sha256 })
}

/// The name the save dialog proposes: "Escalation packet — Kestrel Roofing Ltd — 2026-11-20.pdf",
/// with the characters file systems refuse replaced.
pub fn suggested_file_name(spec: &PacketSpec) -> String {
    let subject = match (&spec.promiser, spec.accounts.as_slice()) {
        (Some(p), _) => format!("promises by {}", p.name),
        (None, []) => "all customers".to_string(),
        (None, [one]) => one.name.clone(),
        (None, [first, rest @ ..]) => format!("{} and {} more", first.name, rest.len()),
    };
    let demo = if spec.settings.is_demo { "DEMO " } else { "" };
    safe_file_name(&format!("{demo}Escalation packet — {} — {}", crate::text::clip(&subject, 60), crate::when::date(spec.today)))
}

/// The name the save dialog proposes for a one-page briefing.
pub fn briefing_file_name(account: &str, today: chrono::NaiveDate, demo: bool) -> String {
    let demo = if demo { "DEMO " } else { "" };
    safe_file_name(&format!("{demo}Briefing — {} — {}", crate::text::clip(account, 60), crate::when::date(today)))
}

/// `stem.pdf`, with the characters file systems refuse replaced by a dash.
fn safe_file_name(stem: &str) -> String {
    let safe: String = stem.chars().map(|c| if "/\\:*?\"<>|".contains(c) || c.is_control() { '-' } else { c }).collect();
    format!("{safe}.pdf")
}

/// Write a made PDF to `dest` through a temporary file beside it, so a failure (a full disk,
/// a folder without permission) never leaves half a packet where the user looks for it.
pub fn save(dest: &std::path::Path, pdf: &[u8]) -> Result<()> {
    let shown = dest.display().to_string();
    if dest.is_dir() {
        return Err(Error::validation("path", format!("{shown} is a folder; choose a file name.")));
    }
    let tmp = dest.with_extension("pdf.part");
    std::fs::write(&tmp, pdf).map_err(|e| Error::io(format!("Cannot write {shown}"), e))?;
    std::fs::rename(&tmp, dest).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(format!("Cannot write {shown}"), e)
    })
}

/// A heading followed by a muted line saying the section has nothing, so an empty section
/// still reads as a deliberate statement rather than a missing page.
pub(crate) fn empty_section(blocks: &mut Vec<Block>, title: &str, sentence: &str) {
    blocks.push(Block::heading(1, title));
    blocks.push(Block::styled(sentence, layout::TextStyle::Muted));
}
