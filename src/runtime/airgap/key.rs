//! The spool key: 32 random bytes in base64, read from `FLEETQ_SPOOL_KEY` or a 0600 key file,
//! written by `fleetq airgap keygen`. The key's bytes never reach output or logs.

use crate::runtime::error::Classified;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use std::path::Path;

/// The key's length: XChaCha20-Poly1305 takes 256 bits.
pub const KEY_BYTES: usize = 32;

/// Where the key came from, for error messages (never the key itself).
#[derive(Debug, Clone)]
pub enum KeySource {
    Environment,
    File(std::path::PathBuf),
}

impl std::fmt::Display for KeySource {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeySource::Environment => formatter.write_str("FLEETQ_SPOOL_KEY"),
            KeySource::File(path) => write!(formatter, "key file {}", path.display()),
        }
    }
}

pub struct SpoolKey {
    pub bytes: [u8; KEY_BYTES],
    pub source: KeySource,
}

impl std::fmt::Debug for SpoolKey {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // a stray {:?} must not print the key
        write!(formatter, "SpoolKey({})", self.source)
    }
}

impl SpoolKey {
    /// Decodes a key from its base64 text.
    pub fn decode(text: &str, source: KeySource) -> Result<SpoolKey, Classified> {
        let invalid = || {
            Classified::usage(format!(
                "{source} does not hold a spool key: expected {KEY_BYTES} bytes in base64"
            ))
            .with_hint("create one with: fleetq airgap keygen FILE")
        };
        let decoded = STANDARD.decode(text.trim()).map_err(|_| invalid())?;
        let bytes: [u8; KEY_BYTES] = decoded.try_into().map_err(|_| invalid())?;
        Ok(SpoolKey { bytes, source })
    }

    /// Reads a key file, refusing one that the group or others can read.
    pub fn read_file(path: &Path) -> Result<SpoolKey, Classified> {
        use std::os::unix::fs::MetadataExt;
        let metadata = std::fs::metadata(path).map_err(|error| {
            Classified::usage(format!(
                "cannot read spool key file {}: {error}",
                path.display()
            ))
            .with_hint("create one with: fleetq airgap keygen FILE")
        })?;
        let mode = metadata.mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(Classified::usage(format!(
                "spool key file {} is readable by others (mode {mode:o}); refusing to use it",
                path.display()
            ))
            .with_hint(format!("make it private: chmod 600 {}", path.display())));
        }
        let text = std::fs::read_to_string(path).map_err(|error| {
            Classified::usage(format!(
                "cannot read spool key file {}: {error}",
                path.display()
            ))
        })?;
        SpoolKey::decode(&text, KeySource::File(path.to_path_buf()))
    }

    /// Writes a fresh random key to a new file, created 0600. An existing file is never
    /// replaced: jobs spooled under the old key would become unreadable.
    pub fn generate(path: &Path) -> Result<(), Classified> {
        use chacha20poly1305::aead::{Generate, Key};
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let key = Key::<chacha20poly1305::XChaCha20Poly1305>::generate();
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
            .map_err(|error| {
                let classified =
                    Classified::usage(format!("cannot create {}: {error}", path.display()));
                if error.kind() == std::io::ErrorKind::AlreadyExists {
                    classified.with_hint("a key file is never overwritten (jobs spooled under it would be lost); choose another path")
                } else {
                    classified
                }
            })?;
        let text = format!("{}\n", STANDARD.encode(key.as_slice()));
        file.write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|error| {
                Classified::new(
                    crate::runtime::error::ExitKind::Failure,
                    format!("cannot write {}: {error}", path.display()),
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_key_is_private_and_reads_back() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("spool.key");
        SpoolKey::generate(&path).unwrap();
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let key = SpoolKey::read_file(&path).unwrap();
        assert_ne!(key.bytes, [0; KEY_BYTES]);
        assert!(!format!("{key:?}").contains(&STANDARD.encode(key.bytes)));
        // never overwritten
        assert!(SpoolKey::generate(&path).is_err());
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let error = SpoolKey::read_file(&path).unwrap_err();
        assert!(
            error.message.contains("readable by others"),
            "{}",
            error.message
        );
    }

    #[test]
    fn a_key_of_the_wrong_length_is_refused() {
        let error = SpoolKey::decode("c2hvcnQ=", KeySource::Environment).unwrap_err();
        assert!(
            error.message.contains("FLEETQ_SPOOL_KEY"),
            "{}",
            error.message
        );
    }
}
