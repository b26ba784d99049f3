//! The escalation packet and the one-page briefing as PDFs.
//!
//! `layout` is a pure engine (boxes, wrapped text runs, tables that break across pages,
//! vector charts) that turns a [`layout::Document`] into PDF bytes; it knows nothing of
//! case files, so paging and wrapping are tested without any data.

pub mod layout;
