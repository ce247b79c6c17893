//! Airgap: where a host's jobs go while its Redis is unreachable or airgap is forced. Jobs
//! wait, sealed, in a local spool (a local store opened with a key) until `sync` pushes them;
//! the job id is the idempotency key, so nothing arrives twice.

pub mod control;
pub mod key;
pub mod seal;
pub mod settings;
pub mod state;
pub mod sync;
pub mod worker;

use crate::runtime::backend::Backend;
use crate::runtime::config::{BackendAddress, Settings};
use crate::runtime::error::{BackendError, Classified, ExitKind};
use crate::runtime::job::{EnqueueOutcome, EnqueueStatus, NewJob, now_ms};
use crate::runtime::local::LocalBackend;
use anyhow::Context;
use key::SpoolKey;
use seal::Sealer;
use settings::AirgapSettings;
use state::{AirgapState, Outage, Probe};
use std::sync::Arc;

/// Whether an error means Redis could not be reached (spool the job) rather than that it
/// answered and refused (report the error).
pub fn is_unreachable(error: &BackendError) -> bool {
    matches!(
        error,
        BackendError::Unavailable { .. } | BackendError::Busy { .. }
    )
}

/// Airgap applies to this host: it is enabled and the backend is Redis.
pub fn applies(settings: &Settings, address: &BackendAddress) -> bool {
    settings.airgap.enabled && address.is_redis()
}

/// The key: `FLEETQ_SPOOL_KEY` wins over the key file.
pub fn spool_key(settings: &AirgapSettings) -> Result<SpoolKey, Classified> {
    if let Ok(text) = std::env::var("FLEETQ_SPOOL_KEY") {
        return SpoolKey::decode(&text, key::KeySource::Environment);
    }
    match &settings.key_file {
        Some(path) => SpoolKey::read_file(path),
        None => Err(Classified::usage(format!(
            "no spool key is configured, so nothing can be spooled to {}",
            settings.spool.display()
        ))
        .with_hint("create one with `fleetq airgap keygen ~/.config/fleetq/spool.key` and set airgap.key_file (FLEETQ_AIRGAP_KEY_FILE)")),
    }
}

/// Opens the spool with the configured key; a wrong key is refused before anything is read.
pub async fn open_spool(settings: &AirgapSettings) -> anyhow::Result<LocalBackend> {
    let key = spool_key(settings)?;
    Ok(LocalBackend::open_spool(
        &settings.spool,
        Arc::new(Sealer::new(&key)),
        settings.max_spooled,
    )
    .await?)
}

/// The host's airgap state file, with the error named.
pub fn load_state(settings: &AirgapSettings) -> anyhow::Result<AirgapState> {
    state::load(&settings.spool).with_context(|| {
        format!(
            "cannot read the airgap state {}",
            state::state_path(&settings.spool).display()
        )
    })
}

pub fn update_state<T>(
    settings: &AirgapSettings,
    change: impl FnOnce(&mut AirgapState) -> T,
) -> anyhow::Result<T> {
    state::update(&settings.spool, change).with_context(|| {
        format!(
            "cannot write the airgap state {}",
            state::state_path(&settings.spool).display()
        )
    })
}

/// Records a probe (or an enqueue that served as one): an unreachable Redis starts or
/// continues an outage, a reachable one ends it.
pub fn record_probe(
    settings: &AirgapSettings,
    failure: Option<&BackendError>,
) -> anyhow::Result<()> {
    let now = now_ms();
    update_state(settings, |state| {
        state.last_probe = Some(Probe {
            at: now,
            reachable: failure.is_none(),
        });
        match failure {
            Some(error) => {
                let since = state.outage.as_ref().map_or(now, |outage| outage.since);
                state.outage = Some(Outage {
                    reason: error.to_string(),
                    since,
                });
            }
            None => state.outage = None,
        }
    })
}

/// Why this host spools right now, without trying Redis: forced, or an outage seen within
/// the last probe interval.
pub fn spooling_without_trying(settings: &AirgapSettings, state: &AirgapState) -> Option<String> {
    if let Some(forced) = &state.forced {
        return Some(match &forced.reason {
            Some(reason) => format!("airgap is forced on this host ({reason})"),
            None => "airgap is forced on this host".to_string(),
        });
    }
    let outage = state.outage.as_ref()?;
    let probed = state.last_probe.as_ref()?.at;
    let fresh = now_ms() < probed + settings.probe_interval.as_millis() as i64;
    fresh.then(|| format!("Redis was unreachable at the last probe: {}", outage.reason))
}

/// Where a producer's jobs go: Redis while it answers, the spool while it does not.
pub struct Producer {
    online: Option<Arc<dyn Backend>>,
    spool: Option<LocalBackend>,
    airgap: Option<AirgapSettings>,
    /// Why jobs are being spooled, once they are.
    pub spooling: Option<String>,
    require_online: bool,
}

impl Producer {
    /// Connects to the configured backend; where airgap applies, an unreachable Redis (or a
    /// forced airgap) means spooling instead of failing.
    pub async fn connect(settings: &Settings, require_online: bool) -> anyhow::Result<Producer> {
        let mut producer = Producer {
            online: None,
            spool: None,
            airgap: None,
            spooling: None,
            require_online,
        };
        let address = BackendAddress::from_settings(settings)?;
        if !applies(settings, &address) {
            producer.online = Some(crate::runtime::open_backend(&address, settings).await?);
            return Ok(producer);
        }
        let airgap = settings.airgap.clone();
        let state = load_state(&airgap)?;
        if let Some(reason) = spooling_without_trying(&airgap, &state) {
            producer.airgap = Some(airgap);
            producer.start_spooling(reason)?;
            return Ok(producer);
        }
        match crate::runtime::open_backend(&address, settings).await {
            Ok(backend) => {
                if state.outage.is_some() {
                    record_probe(&airgap, None)?;
                }
                producer.online = Some(backend);
            }
            Err(error) if is_unreachable(&error) => {
                record_probe(&airgap, Some(&error))?;
                producer.airgap = Some(airgap);
                producer.start_spooling(error.to_string())?;
                return Ok(producer);
            }
            Err(error) => return Err(error.into()),
        }
        producer.airgap = Some(airgap);
        Ok(producer)
    }

    fn start_spooling(&mut self, reason: String) -> anyhow::Result<()> {
        if self.require_online {
            return Err(Classified::new(
                ExitKind::Unavailable,
                format!("{reason}; --require-online is set, so nothing was enqueued"),
            )
            .with_hint("drop --require-online to spool jobs locally until Redis is back")
            .into());
        }
        self.online = None;
        self.spooling = Some(reason);
        Ok(())
    }

    /// Redis, while jobs still go there.
    pub fn online(&self) -> Option<&Arc<dyn Backend>> {
        self.online.as_ref()
    }

    /// Where the next jobs go, for status lines and JSON.
    pub fn destination(&self) -> String {
        match (&self.online, &self.airgap) {
            (Some(backend), _) => backend.describe(),
            (None, Some(airgap)) => format!("spool:{}", airgap.spool.display()),
            (None, None) => String::new(),
        }
    }

    /// Enqueues to Redis, or spools. A Redis call that fails for want of Redis is spooled
    /// whole: the ids it carried are the idempotency keys that keep `sync` from adding a job
    /// the failed call did store.
    pub async fn enqueue(
        &mut self,
        queue: &str,
        jobs: &[NewJob],
    ) -> anyhow::Result<Vec<EnqueueOutcome>> {
        if let Some(backend) = &self.online {
            match backend.enqueue(queue, jobs).await {
                Ok(outcomes) => return Ok(outcomes),
                Err(error) if self.airgap.is_some() && is_unreachable(&error) => {
                    if let Some(airgap) = &self.airgap {
                        record_probe(airgap, Some(&error))?;
                    }
                    self.start_spooling(error.to_string())?;
                }
                Err(error) => return Err(error.into()),
            }
        }
        let airgap = self.airgap.as_ref().context("no backend to enqueue to")?;
        if self.spool.is_none() {
            self.spool = Some(open_spool(airgap).await?);
        }
        let spool = self.spool.as_ref().context("the spool did not open")?;
        let mut outcomes = spool.enqueue(queue, jobs).await?;
        for outcome in &mut outcomes {
            if outcome.status == EnqueueStatus::Enqueued {
                outcome.status = EnqueueStatus::Spooled;
            }
        }
        Ok(outcomes)
    }
}
