//! Where each kind of record is searched, and how a found row becomes a [`Hit`].
//!
//! Each kind names its FTS index, the table (alias `t`) whose rowid the index follows, and
//! the columns its filters use. Finding is two queries at most: the newest candidates, then
//! per hit its snippet. The hits themselves are read through the modules that own them.

use super::{segments, Filters, Hit, Link, SearchKind};
use crate::error::Result;
use crate::{accounts, attachments, complaints, contacts, decisions, email, events, people, promises, remedies, text};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

struct Spec {
    fts: &'static str,
    /// FROM clause; `t` is the table the index follows.
    from: &'static str,
    /// The record the hit opens (for an option, its decision).
    id: &'static str,
    /// The record's own date, for newest-first order and the date filter.
    date: Option<&'static str>,
    account: Option<&'static str>,
    status: Option<&'static str>,
    /// Tables that reach a million rows: a filter walks its own index in date order (and
    /// stops at the limit) rather than sorting every match.
    big: bool,
}

fn spec(kind: SearchKind) -> Spec {
    use SearchKind::*;
    match kind {
        Customer => Spec { fts: "accounts_fts", from: "accounts t", id: "t.id", date: None, account: Some("t.id"), status: None, big: false },
        Contact => Spec { fts: "contacts_fts", from: "contacts t", id: "t.id", date: None, account: Some("t.account_id"), status: None, big: false },
        Person => Spec { fts: "people_fts", from: "people t", id: "t.id", date: None, account: None, status: None, big: false },
        Promise => Spec { fts: "promises_fts", from: "promises t", id: "t.id", date: Some("t.made_at"), account: Some("t.account_id"), status: Some("t.status"), big: false },
        Complaint => {
            Spec { fts: "complaints_fts", from: "complaints t", id: "t.id", date: Some("t.received_at"), account: Some("t.account_id"), status: Some("t.status"), big: false }
        }
        Remedy => Spec { fts: "remedies_fts", from: "remedies t", id: "t.id", date: Some("t.remedy_on"), account: Some("t.account_id"), status: Some("t.status"), big: false },
        Decision => Spec {
            fts: "decisions_fts",
            from: "decisions t",
            id: "t.id",
            date: Some("coalesce(t.decided_on, t.recorded_at)"),
            account: Some("t.account_id"),
            status: Some("t.status"),
            big: false,
        },
        Event => Spec { fts: "events_fts", from: "events t", id: "t.id", date: Some("t.occurred_at"), account: Some("t.account_id"), status: None, big: true },
        Email => Spec {
            fts: "emails_fts",
            from: "emails t JOIN events e ON e.id = t.event_id",
            id: "t.event_id",
            date: Some("e.occurred_at"),
            account: Some("e.account_id"),
            status: None,
            big: true,
        },
        Attachment => Spec {
            fts: "attachments_fts",
            from: "attachments t",
            id: "t.id",
            date: Some("t.added_at"),
            account: Some(
                "coalesce(t.account_id, (SELECT account_id FROM events WHERE id = t.event_id), (SELECT account_id FROM complaints WHERE id = t.complaint_id),
                 (SELECT account_id FROM promises WHERE id = t.promise_id))",
            ),
            status: None,
            big: false,
        },
    }
}

/// The options weighed in a decision are found as their decision.
const OPTIONS: Spec = Spec {
    fts: "decision_options_fts",
    from: "decision_options t JOIN decisions d ON d.id = t.decision_id",
    id: "d.id",
    date: Some("coalesce(d.decided_on, d.recorded_at)"),
    account: Some("d.account_id"),
    status: Some("d.status"),
    big: false,
};

/// Which stored statuses a status filter means for a kind; None leaves the kind out.
fn statuses(kind: SearchKind, wanted: &str) -> Option<Vec<&'static str>> {
    use SearchKind::*;
    let (open, closed, all): (&[&str], &[&str], &[&str]) = match kind {
        Promise => (&["open"], &["kept", "broken", "withdrawn"], &["open", "kept", "broken", "withdrawn"]),
        Complaint => (
            &["received", "acknowledged", "investigating", "remedy_offered", "reopened"],
            &["resolved", "closed"],
            &["received", "acknowledged", "investigating", "remedy_offered", "resolved", "closed", "reopened"],
        ),
        Remedy => (&["offered", "accepted"], &["delivered", "declined"], &["offered", "accepted", "delivered", "declined"]),
        Decision => (&["open"], &["decided"], &["open", "decided"]),
        _ => return None,
    };
    let list: Vec<&str> = match wanted {
        "open" => open.to_vec(),
        "closed" => closed.to_vec(),
        w => all.iter().copied().filter(|s| *s == w).collect(),
    };
    (!list.is_empty()).then_some(list)
}

/// A row found: its rowid in the indexed table, the record it opens, and its date.
pub(crate) struct Candidate {
    rowid: i64,
    id: String,
    at: Option<String>,
    /// Which index found it (the decision's own, or one of its options).
    fts: &'static str,
}

/// On a big table a filtered search first looks at this many of the newest matches.
const PROBE: u32 = 2000;

/// The queries finding the candidates of one spec, and their parameters after the match
/// expression and the limit.
struct Queries {
    /// On a big table with filters: the newest [`PROBE`] matches, filtered. Enough when the
    /// words are rare (every match is among them) or the filter is broad (the page fills).
    probe: Option<String>,
    /// Otherwise the filter's own index leads, and each row is checked against the matches.
    full: String,
    args: Vec<Value>,
}

fn queries(s: &Spec, kind: SearchKind, f: &Filters) -> Option<Queries> {
    let date = s.date.unwrap_or("NULL");
    if !f.any() {
        // Newest first by the index's own order: FTS5 walks its rowids backwards and stops
        // at the limit, however many rows match.
        let full = format!(
            "SELECT t.rowid, {}, {date} FROM {} f CROSS JOIN {} WHERE t.rowid = f.rowid AND {} MATCH ?1 ORDER BY f.rowid DESC LIMIT ?2",
            s.id, s.fts, s.from, s.fts
        );
        return Some(Queries { probe: None, full, args: Vec::new() });
    }
    let mut conds = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    let arg = |v: String, args: &mut Vec<Value>| {
        args.push(Value::Text(v));
        format!("?{}", args.len() + 2)
    };
    if let Some(a) = &f.account {
        conds.push(format!("{} = {}", s.account?, arg(a.clone(), &mut args)));
    }
    if f.from.is_some() || f.to.is_some() {
        let column = s.date?;
        if let Some(from) = &f.from {
            conds.push(format!("{column} >= {}", arg(from.clone(), &mut args)));
        }
        if let Some(to) = &f.to {
            conds.push(format!("{column} <= {}", arg(to.clone(), &mut args)));
        }
    }
    if let Some(wanted) = &f.status {
        let list = statuses(kind, wanted)?;
        let json = serde_json::to_string(&list).unwrap_or_default();
        conds.push(format!("{} IN (SELECT value FROM json_each({}))", s.status?, arg(json, &mut args)));
    }
    let conds = conds.join(" AND ");
    // The `+` keeps SQLite from driving a big table's query from the whole match set: the
    // filter's index leads, in date order, and stops at the limit.
    let lead = if s.big { "+" } else { "" };
    let full = format!(
        "SELECT t.rowid, {}, {date} FROM {} WHERE {conds} AND {lead}t.rowid IN (SELECT rowid FROM {} WHERE {} MATCH ?1) ORDER BY {date} DESC LIMIT ?2",
        s.id, s.from, s.fts, s.fts
    );
    let probe = s.big.then(|| {
        format!(
            "SELECT t.rowid, {}, {date} FROM (SELECT rowid AS r FROM {} WHERE {} MATCH ?1 ORDER BY rowid DESC LIMIT {PROBE}) f CROSS JOIN {}
             WHERE t.rowid = f.r AND {conds} ORDER BY {date} DESC LIMIT ?2",
            s.id, s.fts, s.fts, s.from
        )
    });
    Some(Queries { probe, full, args })
}

fn candidates(conn: &Connection, sql: &str, params: &[Value], fts: &'static str) -> Result<Vec<Candidate>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| Ok(Candidate { rowid: r.get(0)?, id: r.get(1)?, at: r.get(2)?, fts }))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn run(conn: &Connection, s: &Spec, kind: SearchKind, expr: &str, f: &Filters, limit: u32) -> Result<Option<Vec<Candidate>>> {
    let Some(q) = queries(s, kind, f) else { return Ok(None) };
    let mut params: Vec<Value> = vec![Value::Text(expr.to_string()), Value::Integer(i64::from(limit) + 1)];
    params.extend(q.args);
    if let Some(probe) = &q.probe {
        let newest: u32 = conn
            .prepare_cached(&format!("SELECT count(*) FROM (SELECT rowid FROM {} WHERE {} MATCH ?1 ORDER BY rowid DESC LIMIT {})", s.fts, s.fts, PROBE + 1))?
            .query_row([expr], |r| r.get(0))?;
        let found = candidates(conn, probe, &params, s.fts)?;
        if newest <= PROBE || found.len() > limit as usize {
            return Ok(Some(found));
        }
    }
    Ok(Some(candidates(conn, &q.full, &params, s.fts)?))
}

/// Up to `limit + 1` candidates of one kind (one more than shown, to know there are more),
/// or None when the filters leave the kind out.
pub(crate) fn find(conn: &Connection, kind: SearchKind, expr: &str, f: &Filters, limit: u32) -> Result<Option<Vec<Candidate>>> {
    let Some(mut found) = run(conn, &spec(kind), kind, expr, f, limit)? else { return Ok(None) };
    if kind == SearchKind::Decision {
        for c in run(conn, &OPTIONS, kind, expr, f, limit)?.unwrap_or_default() {
            if !found.iter().any(|d| d.id == c.id) {
                found.push(c);
            }
        }
        found.sort_by(|a, b| b.at.cmp(&a.at));
    }
    Ok(Some(found))
}

/// The EXPLAIN QUERY PLAN of the queries a search of one kind with these filters may run:
/// the probe of the newest matches (if any), then the full query. For tests that check no
/// large table is scanned whole.
pub fn explain(conn: &Connection, kind: SearchKind, account: Option<&str>, from: Option<&str>, to: Option<&str>, status: Option<&str>) -> Result<Vec<Vec<String>>> {
    let f = Filters { account: account.map(String::from), from: from.map(String::from), to: to.map(String::from), status: status.map(String::from) };
    let Some(q) = queries(&spec(kind), kind, &f) else { return Ok(Vec::new()) };
    let mut params: Vec<Value> = vec![Value::Text("\"x\"".into()), Value::Integer(6)];
    params.extend(q.args);
    let mut out = Vec::new();
    for sql in q.probe.iter().chain(std::iter::once(&q.full)) {
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| r.get::<_, String>(3))?;
        out.push(rows.collect::<rusqlite::Result<Vec<_>>>()?);
    }
    Ok(out)
}

fn snippet(conn: &Connection, fts: &str, expr: &str, rowid: i64) -> Result<Vec<super::Segment>> {
    let sql = format!("SELECT snippet({fts}, -1, char(1), char(2), '…', 18) FROM {fts} WHERE {fts} MATCH ?1 AND rowid = ?2");
    let marked: Option<String> = conn.prepare_cached(&sql)?.query_row(rusqlite::params![expr, rowid], |r| r.get(0)).optional()?;
    Ok(marked.map(|m| segments(&m)).unwrap_or_default())
}

fn account_name(conn: &Connection, id: &Option<String>) -> Result<Option<String>> {
    match id {
        Some(a) => Ok(accounts::get(conn, a).ok().map(|a| a.name)),
        None => Ok(None),
    }
}

fn link(view: &'static str, id: &str) -> Option<Link> {
    Some(Link { view, id: id.to_string(), day: None })
}

/// Where a timeline entry opens: its customer's timeline on that day, or what it is about.
fn event_link(e: &events::Event) -> Option<Link> {
    if let Some(a) = &e.account_id {
        return Some(Link { view: "timeline", id: a.clone(), day: crate::when::moment_day(&e.occurred_at).map(crate::when::date) });
    }
    if let Some(c) = &e.complaint_id {
        return link("complaint", c);
    }
    if let Some(d) = &e.decision_id {
        return link("decision", d);
    }
    e.promise_id.as_deref().and_then(|p| link("promise", p))
}

/// Read one candidate in full, through the module that owns it.
pub(crate) fn hydrate(conn: &Connection, today: chrono::NaiveDate, kind: SearchKind, expr: &str, c: &Candidate) -> Result<Option<Hit>> {
    use SearchKind::*;
    let snippet = snippet(conn, c.fts, expr, c.rowid)?;
    let mut hit = Hit { kind, id: c.id.clone(), title: String::new(), detail: String::new(), snippet, at: c.at.clone(), account_id: None, account_name: None, status: None, link: None };
    match kind {
        Customer => {
            let a = accounts::get(conn, &c.id)?;
            hit.detail = [a.segment.clone(), a.communicator_name.clone().map(|n| format!("with {n}")).unwrap_or_default()].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(" · ");
            hit.title = a.name.clone();
            hit.link = link("customer", &a.id);
            hit.account_name = Some(a.name);
            hit.account_id = Some(a.id);
        }
        Contact => {
            let k = contacts::get(conn, &c.id)?;
            hit.account_id = Some(k.account_id.clone());
            hit.account_name = account_name(conn, &hit.account_id)?;
            hit.detail = [k.title.clone(), hit.account_name.clone().unwrap_or_default()].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(" at ");
            hit.title = k.name;
            hit.link = link("customer", &k.account_id);
        }
        Person => {
            let p = people::get(conn, &c.id)?;
            hit.detail = [p.role.clone(), p.organisation.clone()].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(" · ");
            hit.title = p.name;
            hit.link = link("person", &p.id);
        }
        Promise => {
            let p = promises::get(conn, &c.id, today)?;
            hit.title = text::clip(&p.what, 160);
            hit.detail = format!("{} → {} · due {}", p.made_by_name, p.account_name, p.due_on);
            hit.status = Some(if p.overdue { "overdue".into() } else { p.status.as_str().into() });
            hit.account_name = Some(p.account_name);
            hit.account_id = Some(p.account_id);
            hit.link = link("promise", &p.id);
        }
        Complaint => {
            let k = complaints::get(conn, &c.id)?;
            hit.title = format!("{} — {}", k.reference, text::clip(&k.description, 140));
            hit.detail = [k.product.clone(), k.root_cause_path.clone().unwrap_or_default()].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(" · ");
            hit.status = Some(k.status.as_str().into());
            hit.account_name = Some(k.account_name);
            hit.account_id = Some(k.account_id);
            hit.link = link("complaint", &k.id);
        }
        Remedy => {
            let r = remedies::get(conn, &c.id)?;
            let about = r.complaint_reference.as_deref().map(|x| format!(" for {x}")).unwrap_or_default();
            hit.title = format!("{} of {}{about}", r.kind.label(), r.cost.format());
            hit.detail = text::clip(&r.description, 140);
            hit.status = Some(r.status.as_str().into());
            hit.link = match &r.complaint_id {
                Some(k) => link("complaint", k),
                None => r.promise_id.as_deref().and_then(|p| link("promise", p)).or_else(|| link("customer", &r.account_id)),
            };
            hit.account_name = Some(r.account_name);
            hit.account_id = Some(r.account_id);
        }
        Decision => {
            let d = decisions::get(conn, &c.id)?;
            hit.title = d.title.clone();
            hit.detail = match (&d.decided_on, d.options.iter().find(|o| o.chosen)) {
                (Some(on), Some(o)) => format!("Decided {on}: {}", text::clip(&o.label, 100)),
                _ => format!("Open · {} options", d.options.len()),
            };
            hit.status = Some(d.status.clone());
            hit.account_name = d.account_name.clone();
            hit.account_id = d.account_id.clone();
            hit.link = link("decision", &d.id);
        }
        Event => {
            let e = events::get(conn, &c.id)?;
            hit.title = e.summary.clone();
            hit.detail = e.kind.label().to_string();
            hit.status = if e.retracted_at.is_some() {
                Some("retracted".into())
            } else if events::superseded_by(conn, &e.id)?.is_some() {
                Some("superseded".into())
            } else {
                None
            };
            hit.link = event_link(&e);
            hit.account_name = account_name(conn, &e.account_id)?;
            hit.account_id = e.account_id;
        }
        Email => {
            let Some(m) = email::for_event(conn, &c.id)? else { return Ok(None) };
            let e = events::get(conn, &c.id)?;
            hit.title = if m.subject.trim().is_empty() { "(no subject)".into() } else { m.subject.clone() };
            hit.detail = format!("From {}", text::clip(&m.from_addr, 120));
            hit.link = event_link(&e);
            hit.account_name = account_name(conn, &e.account_id)?;
            hit.account_id = e.account_id;
        }
        Attachment => {
            let a = attachments::get(conn, &c.id)?;
            hit.title = a.name.clone();
            hit.detail = format!("{} · {}", a.mime, attachments::describe_size(a.size));
            let owner = match (&a.event_id, &a.complaint_id, &a.promise_id, &a.account_id) {
                (Some(e), ..) => {
                    let e = events::get(conn, e)?;
                    hit.account_id = e.account_id.clone();
                    event_link(&e)
                }
                (_, Some(k), ..) => {
                    hit.account_id = complaints::get(conn, k).ok().map(|k| k.account_id);
                    link("complaint", k)
                }
                (_, _, Some(p), _) => link("promise", p),
                (_, _, _, Some(acc)) => {
                    hit.account_id = Some(acc.clone());
                    link("customer", acc)
                }
                _ => None,
            };
            hit.link = owner;
            hit.account_name = account_name(conn, &hit.account_id)?;
        }
    }
    Ok(Some(hit))
}
