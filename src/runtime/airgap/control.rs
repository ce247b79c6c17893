//! What the `airgap` and `sync` commands ask of the runtime: the host's status (with a fresh
//! probe), forcing and releasing airgap, and a sync that records its result.

use super::settings::AirgapSettings;
use super::state::{Forced, Probe, SyncSummary};
use super::sync::{SyncOptions, SyncReport};
use super::{is_unreachable, load_state, open_spool, record_probe, spool_key, update_state};
use crate::runtime::backend::ProgressSink;
use crate::runtime::config::{BackendAddress, Settings};
use crate::runtime::error::Classified;
use crate::runtime::job::now_ms;
use crate::runtime::local::{LocalBackend, SpoolCounts};
use serde::Serialize;

/// The airgap settings, when airgap applies to this host; a usage error naming what to set
/// when it does not.
pub fn require(settings: &Settings) -> Result<(AirgapSettings, BackendAddress), Classified> {
    let address = BackendAddress::from_settings(settings)?;
    if !address.is_redis() {
        return Err(Classified::usage(format!(
            "airgap applies to a Redis backend; this host uses {}",
            address.display()
        ))
        .with_hint("set FLEETQ_BACKEND=redis://host:6379 (or backend: in the config file)"));
    }
    if !settings.airgap.enabled {
        return Err(Classified::usage("airgap is not enabled on this host").with_hint(
            "set airgap.enabled: true in the config file (FLEETQ_AIRGAP_ENABLED=true) and a spool key",
        ));
    }
    Ok((settings.airgap.clone(), address))
}

#[derive(Debug, Clone, Serialize)]
pub struct AirgapStatus {
    /// connected, airgapped, forced or recovering (Redis back, jobs still spooled).
    pub state: &'static str,
    pub reason: Option<String>,
    /// Since when the host is forced or airgapped (Unix ms).
    pub since: Option<i64>,
    pub backend: String,
    pub spool: String,
    pub spooled: u64,
    pub conflicts: u64,
    pub oldest_spooled_at: Option<i64>,
    pub last_probe: Option<Probe>,
    pub last_sync: Option<SyncSummary>,
}

/// The host's airgap status, probing Redis first unless airgap is forced.
pub async fn status(settings: &Settings) -> anyhow::Result<AirgapStatus> {
    let (airgap, address) = require(settings)?;
    if load_state(&airgap)?.forced.is_none() {
        // an unreachable Redis is what status reports; any other refusal is an error
        match crate::runtime::open_backend(&address, settings).await {
            Ok(_) => record_probe(&airgap, None)?,
            Err(error) if is_unreachable(&error) => record_probe(&airgap, Some(&error))?,
            Err(error) => return Err(error.into()),
        }
    }
    let state = load_state(&airgap)?;
    let counts = spool_counts(&airgap).await?;
    let (name, reason, since) = match (&state.forced, &state.outage) {
        (Some(forced), _) => ("forced", forced.reason.clone(), Some(forced.since)),
        (None, Some(outage)) => ("airgapped", Some(outage.reason.clone()), Some(outage.since)),
        (None, None) if counts.held > 0 => ("recovering", None, None),
        (None, None) => ("connected", None, None),
    };
    Ok(AirgapStatus {
        state: name,
        reason,
        since,
        backend: address.display(),
        spool: airgap.spool.display().to_string(),
        spooled: counts.held,
        conflicts: counts.conflicts,
        oldest_spooled_at: counts.oldest_created_at,
        last_probe: state.last_probe,
        last_sync: state.last_sync,
    })
}

/// Counts need no key: they read no payload. A spool never written holds nothing.
async fn spool_counts(airgap: &AirgapSettings) -> anyhow::Result<SpoolCounts> {
    if !airgap.spool.exists() {
        return Ok(SpoolCounts::default());
    }
    Ok(LocalBackend::open(&airgap.spool)
        .await?
        .spool_counts()
        .await?)
}

/// Forces airgap on this host. The key is checked first: a forced host without one could
/// not spool a single job.
pub fn force(settings: &Settings, reason: Option<String>) -> anyhow::Result<Forced> {
    let (airgap, _) = require(settings)?;
    spool_key(&airgap)?;
    let now = now_ms();
    update_state(&airgap, |state| {
        let since = state.forced.as_ref().map_or(now, |forced| forced.since);
        let forced = Forced { reason, since };
        state.forced = Some(forced.clone());
        forced
    })
}

/// Clears a forced airgap; returns whether it was forced, and how many jobs wait to sync.
pub async fn release(settings: &Settings) -> anyhow::Result<(bool, u64)> {
    let (airgap, _) = require(settings)?;
    let was_forced = update_state(&airgap, |state| state.forced.take().is_some())?;
    Ok((was_forced, spool_counts(&airgap).await?.held))
}

/// Runs a sync and records its result (and that Redis answered) in the state.
pub async fn sync(
    settings: &Settings,
    options: SyncOptions,
    progress: &dyn ProgressSink,
) -> anyhow::Result<SyncReport> {
    let (airgap, address) = require(settings)?;
    if load_state(&airgap)?.forced.is_some() {
        return Err(
            Classified::usage("airgap is forced on this host, so nothing is synced")
                .with_hint("release it first: fleetq airgap release")
                .into(),
        );
    }
    let redis = match crate::runtime::open_backend(&address, settings).await {
        Ok(redis) => redis,
        Err(error) => {
            if is_unreachable(&error) {
                record_probe(&airgap, Some(&error))?;
            }
            return Err(anyhow::Error::new(error)
                .context("cannot sync: every spooled job stays in the spool"));
        }
    };
    record_probe(&airgap, None)?;
    if !airgap.spool.exists() {
        return Ok(SyncReport {
            dry_run: options.dry_run,
            ..SyncReport::default()
        });
    }
    let spool = open_spool(&airgap).await?;
    let report = super::sync::sync(redis.as_ref(), &spool, options, progress).await?;
    let attempted = report.pushed + report.already_present + report.failed;
    let attempted = attempted + (report.conflicts.len() + report.tampered.len()) as u64;
    // an empty sync (cron, say) keeps the last one that did something on record
    if !options.dry_run && attempted > 0 {
        let summary = report.summary();
        update_state(&airgap, |state| state.last_sync = Some(summary))?;
    }
    Ok(report)
}
