//! The integrity page: when and from which file the packet was made, a digest over exactly
//! the records it prints, and the state of the case file's hash chain at that moment.
//!
//! **What the records digest covers.** Every row the packet prints or counts: the customers
//! named on the cover, the promises, their follow-ups (retracted ones excluded, as in the
//! counts), the lost revenue entries that count, the complaints, remedies, decisions with
//! their options, the timeline entries printed in the chronology (with the headers of those
//! that are imported e-mails), and the exhibits' file records. For each row, the line
//!
//! ```text
//! <table>\t<id>\t<SHA-256 of the row's canonical form>\n
//! ```
//!
//! is written, where the canonical form is the one the hash chain uses (`chain::canonical_row`:
//! every column by name, sorted, as compact JSON; a file's bytes enter through the SHA-256
//! stored with it). The lines are sorted and the digest is the SHA-256 of all of them.
//! It does not depend on when the packet was made: made again from the same file with the
//! same scope, the packet shows the same digest until a record in it changes.

use super::layout::{Block, Cell, Column, Table, TextStyle};
use super::scope::Gathered;
use super::Context;
use crate::chain::{self, Verification};
use crate::error::Result;
use crate::hash::sha256_hex;
use crate::timeline::Entry;
use rusqlite::Connection;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

pub struct Integrity {
    pub records_sha256: String,
    /// Rows covered, by table.
    pub counts: BTreeMap<&'static str, u32>,
    pub chain_links: u64,
    pub chain_head: String,
    pub verification: Verification,
}

/// The (table, id) of every record a packet covers.
pub fn records(g: &Gathered) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    out.extend(g.accounts.iter().map(|a| ("accounts", a.id.clone())));
    for p in &g.promises {
        out.push(("promises", p.promise.id.clone()));
        out.extend(p.follow_ups.iter().map(|f| ("follow_ups", f.id.clone())));
    }
    out.extend(g.lost.iter().map(|l| ("lost_revenue", l.id.clone())));
    out.extend(g.complaints.iter().map(|c| ("complaints", c.id.clone())));
    out.extend(g.remedies.iter().map(|r| ("remedies", r.id.clone())));
    for d in &g.decisions {
        out.push(("decisions", d.id.clone()));
        out.extend(d.options.iter().map(|o| ("decision_options", o.id.clone())));
    }
    for item in &g.events {
        if let Entry::Event(e) = &item.entry {
            out.push(("events", e.event.id.clone()));
            if e.email.is_some() {
                out.push(("emails", e.event.id.clone()));
            }
        }
    }
    out.extend(g.exhibits.iter().map(|e| ("attachments", e.attachment.id.clone())));
    out.sort();
    out.dedup();
    out
}

/// The records digest as defined in the module docs.
pub fn records_sha256(conn: &Connection, records: &[(&'static str, String)]) -> Result<String> {
    let mut lines: Vec<String> = Vec::with_capacity(records.len());
    for (table, id) in records {
        if let Some(row) = chain::canonical_row(conn, table, id)? {
            lines.push(format!("{table}\t{id}\t{}\n", sha256_hex(row.as_bytes())));
        }
    }
    lines.sort();
    let mut h = Sha256::new();
    for l in &lines {
        h.update(l.as_bytes());
    }
    Ok(crate::hash::hex(&h.finalize()))
}

impl Integrity {
    /// `verified`, the whole chain's verification when the caller has one, is used only when
    /// it is of the chain's current head; otherwise the chain is verified now.
    pub fn of(conn: &Connection, g: &Gathered, verified: Option<Verification>) -> Result<Integrity> {
        let records = records(g);
        let mut counts = BTreeMap::new();
        for (table, _) in &records {
            *counts.entry(*table).or_insert(0) += 1;
        }
        let (chain_links, chain_head) = chain::head(conn)?;
        let verification = match verified {
            Some(v) if v.links == chain_links && v.head == chain_head => v,
            _ => chain::verify(conn)?,
        };
        Ok(Integrity { records_sha256: records_sha256(conn, &records)?, counts, chain_links, chain_head, verification })
    }

    pub(crate) fn blocks(&self, ctx: &Context, blocks: &mut Vec<Block>) {
        let spec = ctx.spec;
        blocks.push(Block::heading(1, "Integrity"));
        blocks.push(Block::paragraph(
            "This page ties the packet to the case file it was made from. Casefile never rewrites a record: a correction \
             is a new entry that supersedes the old one, a removal only marks it retracted, and every change is a link in a \
             SHA-256 hash chain. The digests below let anyone with the case file check that what is printed here is what it holds.",
        ));
        let v = &self.verification;
        let verdict = if v.ok {
            Cell::bold(format!("Intact: all {} links verified, and every record matches its latest link", group(v.links)))
        } else {
            let problem = v.problem.as_ref().map(|p| p.message.clone()).unwrap_or_default();
            Cell::alert(format!("NOT INTACT: {problem}")).with_detail("The case file was changed outside Casefile. Treat this packet with caution.")
        };
        let counted: Vec<String> = self.counts.iter().map(|(t, n)| format!("{} {}", group(u64::from(*n)), table_words(t, *n))).collect();
        let rows = vec![
            vec![Cell::muted("Generated"), Cell::new(ctx.dates.instant_with_zone(spec.generated_at)).with_detail(format!("UTC {}", crate::when::instant(spec.generated_at)))],
            vec![Cell::muted("From the case file"), Cell::new(spec.source_file.clone())],
            vec![Cell::muted("Made with"), Cell::new(format!("Casefile {}", env!("CARGO_PKG_VERSION")))],
            vec![Cell::muted("Scope"), Cell::new(format!("{} · {} · promises made by {}", super::cover::customers(ctx), super::cover::period(ctx), super::cover::promiser(ctx)))],
            vec![Cell::muted("Records covered"), Cell::new(counted.join(", "))],
            vec![Cell::muted("Records digest (SHA-256)"), Cell::small(self.records_sha256.clone())],
            vec![Cell::muted("Hash chain head"), Cell::small(self.chain_head.clone()).with_detail(format!("link {} of the chain", group(self.chain_links)))],
            vec![Cell::muted("Chain verification"), verdict],
        ];
        blocks.push(Block::Table(Table { columns: vec![Column::left("Item", 0.27), Column::left("Value", 0.73)], rows }));
        blocks.push(Block::heading(2, "How the records digest is made"));
        blocks.push(Block::styled(
            "For every record the packet prints or counts — the customers on the cover, the promises and their follow-ups \
             (retracted ones excluded), the lost revenue entries that count, the complaints, remedies, decisions and their \
             options, the timeline entries in the chronology and the exhibits' file records — Casefile writes one line: the \
             table name, a tab, the record's id, a tab, and the SHA-256 of the record's canonical form (the form the hash chain \
             uses: every column by name, sorted, as compact JSON; a file enters through the SHA-256 of its bytes), then a line \
             break. The lines are sorted and the digest is the SHA-256 of all of them together. It does not depend on when the \
             packet was made: the same scope of the same case file gives the same digest until one of its records changes.",
            TextStyle::Small,
        ));
        blocks.push(Block::heading(2, "How the hash chain is checked"));
        blocks.push(Block::styled(
            "Each link hashes its own number, time, table, record id, action and the record's canonical hash together with \
             the previous link, so changing any past record or link changes every link after it. Verification walks every \
             link from the first, then checks that every record still hashes to its latest link and that none was deleted. \
             Quoting the chain head pins down the whole case file as it stood when this packet was made.",
            TextStyle::Small,
        ));
    }
}

fn table_words(table: &str, n: u32) -> &'static str {
    let one = n == 1;
    match table {
        "accounts" => if one { "customer" } else { "customers" },
        "promises" => if one { "promise" } else { "promises" },
        "follow_ups" => if one { "follow-up" } else { "follow-ups" },
        "lost_revenue" => if one { "lost revenue entry" } else { "lost revenue entries" },
        "complaints" => if one { "complaint" } else { "complaints" },
        "remedies" => if one { "remedy" } else { "remedies" },
        "decisions" => if one { "decision" } else { "decisions" },
        "decision_options" => if one { "decision option" } else { "decision options" },
        "events" => if one { "timeline entry" } else { "timeline entries" },
        "attachments" => if one { "file" } else { "files" },
        "emails" => if one { "e-mail" } else { "e-mails" },
        _ => "records",
    }
}

pub(crate) fn group(n: u64) -> String {
    crate::text::group(n as usize)
}
