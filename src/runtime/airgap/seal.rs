//! Sealing spooled payloads: XChaCha20-Poly1305 with a random nonce per record, additional
//! data that binds the record to its queue, job id and checksum, and a SHA-256 checksum of
//! the job, which is also how `sync` tells an already-present job from a conflict.

use super::key::SpoolKey;
use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD;
use chacha20poly1305::aead::{Aead, Generate, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};

/// Marks a sealed payload and its format version.
const PREFIX: &str = "fq1:";
const NONCE_BYTES: usize = 24;
const CHECKSUM_BYTES: usize = 32;

pub type Checksum = [u8; CHECKSUM_BYTES];

/// A record that failed authentication: tampered with, or sealed under another key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the spooled record failed authentication (tampered with, or sealed under another key)")]
pub struct Tampered;

pub struct Sealer {
    cipher: XChaCha20Poly1305,
}

impl Sealer {
    pub fn new(key: &SpoolKey) -> Sealer {
        Sealer {
            cipher: XChaCha20Poly1305::new(&key.bytes.into()),
        }
    }

    /// `fq1:` + base64(nonce ‖ checksum ‖ ciphertext).
    pub fn seal(&self, queue: &str, id: &str, data: &str) -> String {
        let checksum = checksum(queue, id, data);
        let nonce = XNonce::generate();
        let aad = additional_data(queue, id, &checksum);
        let ciphertext = self
            .cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: data.as_bytes(),
                    aad: &aad,
                },
            )
            .expect("XChaCha20-Poly1305 encrypts any payload under 256 GiB");
        let mut record = Vec::with_capacity(NONCE_BYTES + CHECKSUM_BYTES + ciphertext.len());
        record.extend_from_slice(nonce.as_slice());
        record.extend_from_slice(&checksum);
        record.extend_from_slice(&ciphertext);
        format!("{PREFIX}{}", STANDARD_NO_PAD.encode(record))
    }

    /// The payload and its checksum, or `Tampered`.
    pub fn open(
        &self,
        queue: &str,
        id: &str,
        sealed: &str,
    ) -> Result<(String, Checksum), Tampered> {
        let encoded = sealed.strip_prefix(PREFIX).ok_or(Tampered)?;
        let record = STANDARD_NO_PAD.decode(encoded).map_err(|_| Tampered)?;
        if record.len() < NONCE_BYTES + CHECKSUM_BYTES {
            return Err(Tampered);
        }
        let (nonce, rest) = record.split_at(NONCE_BYTES);
        let (stored, ciphertext) = rest.split_at(CHECKSUM_BYTES);
        let stored: Checksum = stored.try_into().map_err(|_| Tampered)?;
        let nonce = XNonce::try_from(nonce).map_err(|_| Tampered)?;
        let aad = additional_data(queue, id, &stored);
        let plaintext = self
            .cipher
            .decrypt(
                &nonce,
                Payload {
                    msg: ciphertext,
                    aad: &aad,
                },
            )
            .map_err(|_| Tampered)?;
        let data = String::from_utf8(plaintext).map_err(|_| Tampered)?;
        if checksum(queue, id, &data) != stored {
            return Err(Tampered);
        }
        Ok((data, stored))
    }

    /// A value only this key opens: how a spool recognises the wrong key before it touches
    /// a single record.
    pub fn key_check(&self) -> String {
        self.seal(KEY_CHECK_QUEUE, KEY_CHECK_ID, "{}")
    }

    pub fn verify_key_check(&self, sealed: &str) -> bool {
        self.open(KEY_CHECK_QUEUE, KEY_CHECK_ID, sealed).is_ok()
    }
}

const KEY_CHECK_QUEUE: &str = "fleetq:key-check";
const KEY_CHECK_ID: &str = "key-check";

fn additional_data(queue: &str, id: &str, checksum: &Checksum) -> Vec<u8> {
    let mut aad = Vec::with_capacity(queue.len() + id.len() + CHECKSUM_BYTES + 16);
    aad.extend_from_slice(b"fleetq spool 1\0");
    aad.extend_from_slice(queue.as_bytes());
    aad.push(0);
    aad.extend_from_slice(id.as_bytes());
    aad.push(0);
    aad.extend_from_slice(checksum);
    aad
}

/// SHA-256 of the job: queue, id and payload in canonical JSON, so the same job read back
/// from Redis (which re-encodes the payload) sums the same.
pub fn checksum(queue: &str, id: &str, data: &str) -> Checksum {
    let canonical = serde_json::from_str::<serde_json::Value>(data)
        .map(|value| value.to_string())
        .unwrap_or_else(|_| data.to_string());
    checksum_of_value_text(queue, id, &canonical)
}

/// The checksum of a job whose payload is already parsed (a job read back from a backend).
pub fn checksum_of_value(queue: &str, id: &str, data: &serde_json::Value) -> Checksum {
    checksum_of_value_text(queue, id, &data.to_string())
}

fn checksum_of_value_text(queue: &str, id: &str, canonical: &str) -> Checksum {
    let mut hasher = Sha256::new();
    hasher.update(queue.as_bytes());
    hasher.update([0]);
    hasher.update(id.as_bytes());
    hasher.update([0]);
    hasher.update(canonical.as_bytes());
    hasher.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::airgap::key::KeySource;

    fn sealer(byte: u8) -> Sealer {
        Sealer::new(&SpoolKey {
            bytes: [byte; 32],
            source: KeySource::Environment,
        })
    }

    #[test]
    fn a_sealed_payload_opens_only_for_its_queue_id_and_key() {
        let sealer = sealer(7);
        let sealed = sealer.seal("emails", "job-1", r#"{"secret":"hunter2"}"#);
        assert!(!sealed.contains("hunter2"));
        let (data, sum) = sealer.open("emails", "job-1", &sealed).unwrap();
        assert_eq!(data, r#"{"secret":"hunter2"}"#);
        assert_eq!(sum, checksum("emails", "job-1", &data));
        assert_eq!(sealer.open("emails", "job-2", &sealed), Err(Tampered));
        assert_eq!(sealer.open("other", "job-1", &sealed), Err(Tampered));
        assert_eq!(
            super::tests::sealer(8).open("emails", "job-1", &sealed),
            Err(Tampered)
        );
        // two seals of one payload differ: the nonce is random per record
        assert_ne!(
            sealed,
            sealer.seal("emails", "job-1", r#"{"secret":"hunter2"}"#)
        );
        // one flipped character anywhere is caught
        let mut bytes = sealed.into_bytes();
        let middle = bytes.len() / 2;
        bytes[middle] = if bytes[middle] == b'A' { b'B' } else { b'A' };
        let flipped = String::from_utf8(bytes).unwrap();
        assert_eq!(sealer.open("emails", "job-1", &flipped), Err(Tampered));
    }

    #[test]
    fn the_checksum_ignores_json_spacing_but_not_content() {
        let value: serde_json::Value = serde_json::from_str(r#"{"a": 1}"#).unwrap();
        assert_eq!(
            checksum("q", "i", r#"{"a":1}"#),
            checksum_of_value("q", "i", &value)
        );
        assert_ne!(
            checksum("q", "i", r#"{"a":2}"#),
            checksum_of_value("q", "i", &value)
        );
    }
}
