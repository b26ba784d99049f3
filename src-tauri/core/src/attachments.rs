//! Files kept as evidence: e-mails, PDFs, photos. Owns the SQL of the `attachments` and
//! `attachment_blobs` tables.
//!
//! The bytes live inside the case file itself, so the record travels as one file and a
//! link can never point at a file that has moved. Each file is stored once per SHA-256
//! and its hash is shown next to it; "Save a copy…" re-checks the hash and writes the exact
//! bytes back, so the copy can be shown to match what was attached.

use crate::chain;
use crate::db::{CaseFile, Tx};
use crate::error::{Error, Result};
use crate::hash::sha256_hex;
use crate::{accounts, complaints, events, text};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;

/// The largest file Casefile keeps: big enough for scans and phone photos, small enough that
/// the case file stays quick to back up.
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attachment {
    pub id: String,
    pub name: String,
    pub mime: String,
    pub size: u64,
    pub sha256: String,
    pub event_id: Option<String>,
    pub account_id: Option<String>,
    pub complaint_id: Option<String>,
    pub promise_id: Option<String>,
    pub added_at: String,
}

/// What a file is attached to: exactly one of a timeline entry, a customer, a complaint or a promise.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Target {
    pub event_id: Option<String>,
    pub account_id: Option<String>,
    pub complaint_id: Option<String>,
    pub promise_id: Option<String>,
}

impl Target {
    pub fn event(id: &str) -> Target {
        Target { event_id: Some(id.to_string()), ..Default::default() }
    }
    pub fn account(id: &str) -> Target {
        Target { account_id: Some(id.to_string()), ..Default::default() }
    }
    pub fn complaint(id: &str) -> Target {
        Target { complaint_id: Some(id.to_string()), ..Default::default() }
    }

    fn tidy(&self) -> Target {
        let t = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
        Target { event_id: t(&self.event_id), account_id: t(&self.account_id), complaint_id: t(&self.complaint_id), promise_id: t(&self.promise_id) }
    }

    /// Check the target exists and can take a file.
    fn check(&self, conn: &Connection) -> Result<Target> {
        let t = self.tidy();
        let set = [&t.event_id, &t.account_id, &t.complaint_id, &t.promise_id].iter().filter(|v| v.is_some()).count();
        if set != 1 {
            return Err(Error::validation("target", "Attach a file to one thing: a timeline entry, a customer, a complaint or a promise."));
        }
        if let Some(e) = &t.event_id {
            let event = events::get(conn, e)?;
            if event.retracted_at.is_some() {
                return Err(Error::conflict("That timeline entry was retracted; attach the file to the customer or a new entry instead."));
            }
            if events::superseded_by(conn, e)?.is_some() {
                return Err(Error::conflict("That timeline entry has been revised; attach the file to its newest version."));
            }
        }
        if let Some(a) = &t.account_id {
            accounts::get(conn, a)?;
        }
        if let Some(c) = &t.complaint_id {
            complaints::get(conn, c)?;
        }
        if let Some(p) = &t.promise_id {
            if !conn.prepare_cached("SELECT 1 FROM promises WHERE id = ?1")?.exists([p])? {
                return Err(Error::not_found("promise", p.clone()));
            }
        }
        Ok(t)
    }
}

const SELECT: &str = "SELECT id, name, mime, size, sha256, event_id, account_id, complaint_id, promise_id, added_at FROM attachments";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Attachment> {
    Ok(Attachment {
        id: r.get(0)?,
        name: r.get(1)?,
        mime: r.get(2)?,
        size: r.get::<_, i64>(3)? as u64,
        sha256: r.get(4)?,
        event_id: r.get(5)?,
        account_id: r.get(6)?,
        complaint_id: r.get(7)?,
        promise_id: r.get(8)?,
        added_at: r.get(9)?,
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<Attachment> {
    conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("attachment", id))
}

/// "73.4 MB", "812 KB", "14 bytes": sizes as people read them.
pub fn describe_size(bytes: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / MB)
    } else if bytes >= 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else if bytes == 1 {
        "1 byte".to_string()
    } else {
        format!("{bytes} bytes")
    }
}

/// The refusal for a file past the limit, naming the file and both sizes.
pub fn too_large(name: &str, size: u64) -> Error {
    let (size, limit) = if describe_size(size) == describe_size(MAX_BYTES) {
        // Just past the limit: rounded, both would read "50.0 MB".
        let bytes = |n: u64| format!("{} bytes", text::group(n as usize));
        (bytes(size), format!("{} ({})", bytes(MAX_BYTES), describe_size(MAX_BYTES)))
    } else {
        (describe_size(size), describe_size(MAX_BYTES))
    };
    Error::validation(
        "file",
        format!(
            "“{}” is {size}; a file kept in the case file can be at most {limit}. Nothing was added. Keep the file elsewhere and add a note saying where it is.",
            text::clip(name, 80)
        ),
    )
}

/// The type of a file from its first bytes, or else its extension.
pub fn mime_for(name: &str, bytes: &[u8]) -> String {
    let magic: &[(&[u8], &str)] = &[
        (b"%PDF-", "application/pdf"),
        (b"\x89PNG\r\n\x1a\n", "image/png"),
        (b"\xff\xd8\xff", "image/jpeg"),
        (b"GIF87a", "image/gif"),
        (b"GIF89a", "image/gif"),
        (b"PK\x03\x04", "application/zip"),
        (b"\xd0\xcf\x11\xe0", "application/vnd.ms-outlook"),
    ];
    let ext = Path::new(name).extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let by_ext = match ext.as_str() {
        "eml" => Some("message/rfc822"),
        "pdf" => Some("application/pdf"),
        "png" => Some("image/png"),
        "jpg" | "jpeg" => Some("image/jpeg"),
        "gif" => Some("image/gif"),
        "webp" => Some("image/webp"),
        "heic" => Some("image/heic"),
        "txt" | "log" => Some("text/plain"),
        "csv" => Some("text/csv"),
        "html" | "htm" => Some("text/html"),
        "docx" => Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        "xlsx" => Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        "pptx" => Some("application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        "doc" => Some("application/msword"),
        "xls" => Some("application/vnd.ms-excel"),
        "msg" => Some("application/vnd.ms-outlook"),
        "zip" => Some("application/zip"),
        "mp3" => Some("audio/mpeg"),
        "m4a" => Some("audio/mp4"),
        "mp4" => Some("video/mp4"),
        "mov" => Some("video/quicktime"),
        _ => None,
    };
    match magic.iter().find(|(m, _)| bytes.starts_with(m)) {
        // Office files are zips inside; the extension says which kind.
        Some((_, "application/zip")) if by_ext.is_some_and(|e| e.contains("openxmlformats")) => by_ext.unwrap_or_default().to_string(),
        Some((_, "application/vnd.ms-outlook")) if by_ext.is_some() => by_ext.unwrap_or_default().to_string(),
        Some((_, m)) => m.to_string(),
        None => by_ext.map(String::from).unwrap_or_else(|| {
            if std::str::from_utf8(&bytes[..bytes.len().min(4096)]).is_ok() { "text/plain".into() } else { "application/octet-stream".into() }
        }),
    }
}

fn file_name(name: &str) -> Result<String> {
    // Keep only the last part of a path: a name is shown and offered back on "Save a copy…".
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    text::name("name", "The file name", base)
}

/// Attach `bytes` under `name` to `target`.
pub fn add(cf: &mut CaseFile, target: &Target, name: &str, bytes: &[u8]) -> Result<Attachment> {
    let name = file_name(name)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large(&name, bytes.len() as u64));
    }
    let target = target.check(cf.conn())?;
    let mime = mime_for(&name, bytes);
    cf.write(|tx| {
        let id = insert(tx, &target, &name, &mime, bytes)?;
        get(tx, &id)
    })
}

/// Read a file the user chose or dropped and attach it. The size is checked before reading,
/// so a 4 GB video is refused at once rather than after filling memory.
pub fn add_path(cf: &mut CaseFile, target: &Target, path: &Path) -> Result<Attachment> {
    let bytes = read_file(path)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "file".into());
    add(cf, target, &name, &bytes)
}

/// Read a file for attaching or importing, refusing it before reading when it is too large.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    let shown = path.display().to_string();
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| shown.clone());
    let meta = std::fs::metadata(path).map_err(|e| Error::io(format!("Cannot read “{shown}”"), e))?;
    if meta.is_dir() {
        return Err(Error::validation("file", format!("“{name}” is a folder; choose the files inside it.")));
    }
    if meta.len() > MAX_BYTES {
        return Err(too_large(&name, meta.len()));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(format!("Cannot read “{shown}”"), e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large(&name, bytes.len() as u64));
    }
    Ok(bytes)
}

/// Store the bytes (once per hash) and the attachment row inside the caller's write.
pub(crate) fn insert(tx: &Tx<'_>, target: &Target, name: &str, mime: &str, bytes: &[u8]) -> Result<String> {
    let sha = sha256_hex(bytes);
    tx.prepare_cached("INSERT INTO attachment_blobs(sha256, size, bytes) VALUES (?1, ?2, ?3) ON CONFLICT(sha256) DO NOTHING")?
        .execute(params![sha, bytes.len() as i64, bytes])?;
    let id = tx.new_id();
    tx.prepare_cached(
        "INSERT INTO attachments(id, name, mime, size, sha256, event_id, account_id, complaint_id, promise_id, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![id, name, mime, bytes.len() as i64, sha, target.event_id, target.account_id, target.complaint_id, target.promise_id, tx.now_str()])?;
    chain::record(tx, "attachments", &id, "create")?;
    Ok(id)
}

/// The files attached to one thing, oldest first. For a timeline entry this includes the
/// files of the versions it revised, so a correction never loses its evidence.
pub fn list_for(conn: &Connection, target: &Target) -> Result<Vec<Attachment>> {
    let t = target.tidy();
    if let Some(e) = &t.event_id {
        let mut out = Vec::new();
        for version in events::versions(conn, e)? {
            out.extend(conn.prepare_cached(&format!("{SELECT} WHERE event_id = ?1 ORDER BY added_at, id"))?.query_map([version], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?);
        }
        return Ok(out);
    }
    let (column, id) = match (&t.account_id, &t.complaint_id, &t.promise_id) {
        (Some(a), _, _) => ("account_id", a),
        (_, Some(c), _) => ("complaint_id", c),
        (_, _, Some(p)) => ("promise_id", p),
        _ => return Ok(Vec::new()),
    };
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE {column} = ?1 ORDER BY added_at, id"))?
        .query_map([id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The stored bytes, checked against their hash: a copy is only ever the original.
pub fn bytes(conn: &Connection, id: &str) -> Result<(Attachment, Vec<u8>)> {
    let a = get(conn, id)?;
    let bytes: Vec<u8> = conn
        .prepare_cached("SELECT bytes FROM attachment_blobs WHERE sha256 = ?1")?
        .query_row([&a.sha256], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::conflict(format!("The bytes of “{}” are missing from the case file.", a.name)))?;
    if sha256_hex(&bytes) != a.sha256 {
        return Err(Error::conflict(format!(
            "The stored bytes of “{}” no longer match the SHA-256 recorded when it was attached; the case file was changed outside Casefile. No copy was written.",
            a.name
        )));
    }
    Ok((a, bytes))
}

/// Write the exact bytes to `dest`, through a temporary file so a failed write leaves no
/// half-written copy. Returns the number of bytes written.
pub fn save_copy(conn: &Connection, id: &str, dest: &Path) -> Result<u64> {
    let (_, bytes) = bytes(conn, id)?;
    let shown = dest.display().to_string();
    let dir = dest.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let tmp = dir.join(format!(".{}.casefile-part", dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()));
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(&bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, dest)
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(format!("Cannot write “{shown}”"), e)
    })?;
    Ok(bytes.len() as u64)
}

#[cfg(test)]
mod tests;
