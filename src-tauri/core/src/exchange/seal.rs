//! Sealing an export with the case file's passphrase, so an export of an encrypted case file
//! is as unreadable without the passphrase as the file itself.
//!
//! The sealed form (docs/format.md): one line of magic, one line of JSON parameters, then
//! the AES-256-GCM ciphertext of the export. The key is PBKDF2-HMAC-SHA256 of the passphrase
//! with a random salt; both header lines are authenticated, so none of it can be altered.

use crate::error::{Error, Result};
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::Engine;
use serde::{Deserialize, Serialize};

pub const MAGIC: &[u8] = b"CASEFILE-SEALED-EXPORT 1\n";
/// OWASP's 2023 figure for PBKDF2-HMAC-SHA256.
pub const ITERATIONS: u32 = 600_000;

#[derive(Serialize, Deserialize)]
struct Header {
    kdf: String,
    iterations: u32,
    salt: String,
    cipher: String,
    nonce: String,
}

pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

fn key(passphrase: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(passphrase.as_bytes(), salt, iterations, &mut key);
    key
}

fn random<const N: usize>() -> Result<[u8; N]> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b)
        .map_err(|e| Error::conflict(format!("The system could not provide random bytes: {e}")))?;
    Ok(b)
}

/// Seal `plain` with `passphrase`.
pub fn seal(plain: &[u8], passphrase: &str) -> Result<Vec<u8>> {
    seal_with(plain, passphrase, ITERATIONS)
}

pub(crate) fn seal_with(plain: &[u8], passphrase: &str, iterations: u32) -> Result<Vec<u8>> {
    let b64 = base64::engine::general_purpose::STANDARD;
    let (salt, nonce) = (random::<16>()?, random::<12>()?);
    let header = Header {
        kdf: "pbkdf2-hmac-sha256".into(),
        iterations,
        salt: b64.encode(salt),
        cipher: "aes-256-gcm".into(),
        nonce: b64.encode(nonce),
    };
    let mut out = MAGIC.to_vec();
    out.extend(serde_json::to_vec(&header).map_err(|e| Error::conflict(e.to_string()))?);
    out.push(b'\n');
    let k = key(passphrase, &salt, iterations);
    let cipher = Aes256Gcm::new(&Key::<Aes256Gcm>::from(k));
    let sealed = cipher
        .encrypt(
            &Nonce::from(nonce),
            Payload {
                msg: plain,
                aad: &out,
            },
        )
        .map_err(|_| Error::conflict("The export could not be encrypted."))?;
    out.extend(sealed);
    Ok(out)
}

/// Open a sealed export. A missing passphrase is `needs_passphrase`; a wrong one, or bytes
/// changed after sealing, is `wrong_passphrase`.
pub fn open(bytes: &[u8], passphrase: Option<&str>) -> Result<Vec<u8>> {
    let label = "this export".to_string();
    let rest = &bytes[MAGIC.len().min(bytes.len())..];
    let end = rest.iter().position(|b| *b == b'\n').ok_or_else(|| {
        Error::validation(
            "",
            "This sealed export is cut short: its header is incomplete.",
        )
    })?;
    let header: Header = serde_json::from_slice(&rest[..end])
        .map_err(|_| Error::validation("", "This sealed export's header is damaged."))?;
    let b64 = base64::engine::general_purpose::STANDARD;
    let salt = b64
        .decode(&header.salt)
        .map_err(|_| Error::validation("salt", "This sealed export's salt is damaged."))?;
    let nonce = b64
        .decode(&header.nonce)
        .map_err(|_| Error::validation("nonce", "This sealed export's nonce is damaged."))?;
    if header.kdf != "pbkdf2-hmac-sha256"
        || header.cipher != "aes-256-gcm"
        || nonce.len() != 12
        || header.iterations == 0
        || header.iterations > 10_000_000
    {
        return Err(Error::validation(
            "",
            "This sealed export uses a kind of encryption this Casefile does not read.",
        ));
    }
    let Some(passphrase) = passphrase.filter(|p| !p.is_empty()) else {
        return Err(Error::NeedsPassphrase { path: label });
    };
    let aad = &bytes[..MAGIC.len() + end + 1];
    let k = key(passphrase, &salt, header.iterations);
    let cipher = Aes256Gcm::new(&Key::<Aes256Gcm>::from(k));
    cipher
        .decrypt(
            &Nonce::try_from(nonce.as_slice()).map_err(|_| {
                Error::validation("nonce", "This sealed export's nonce is damaged.")
            })?,
            Payload {
                msg: &rest[end + 1..],
                aad,
            },
        )
        .map_err(|_| Error::WrongPassphrase { path: label })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seals_and_opens_and_refuses_a_wrong_passphrase_or_a_changed_byte() {
        let sealed = seal_with(b"{\"secret\":\"Kroll\"}", "correct horse", 1000).unwrap();
        assert!(is_sealed(&sealed));
        assert!(!sealed.windows(5).any(|w| w == b"Kroll"));
        assert_eq!(
            open(&sealed, Some("correct horse")).unwrap(),
            b"{\"secret\":\"Kroll\"}"
        );
        assert_eq!(
            open(&sealed, Some("wrong")).unwrap_err().kind(),
            "wrong_passphrase"
        );
        assert_eq!(open(&sealed, None).unwrap_err().kind(), "needs_passphrase");
        let mut changed = sealed.clone();
        let last = changed.len() - 1;
        changed[last] ^= 1;
        assert_eq!(
            open(&changed, Some("correct horse")).unwrap_err().kind(),
            "wrong_passphrase"
        );
        let cut = &sealed[..MAGIC.len() + 5];
        assert_eq!(open(cut, Some("x")).unwrap_err().kind(), "validation");
    }
}
