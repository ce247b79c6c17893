//! One pipeline's consumer: leases jobs in batches sized to free capacity (an idle one with
//! its lease behind the doorbell wait), hands them to `running.rs`, and buffers acks for a few
//! milliseconds so they ride along with the next lease call. Counts only what the backend
//! confirmed.

use super::budget::{JobBudget, Reservation};
use super::lanes::Lanes;
use super::lookahead::{AheadPolicy, HeldJobs, Slot};
use super::pacing::{Hold, burst_wait, idle_wait};
use super::trouble::Trouble;
use super::{JobObserver, StopReason, WorkerOptions};
use crate::runtime::backend::{Backend, BackendResult, Doorbell, LeaseReply, LeaseRequest};
use crate::runtime::error::ExitKind;
use crate::runtime::job::{Completion, LeaseRef, LeasedJob};
use crate::runtime::metrics::{JobLabels, QueueLabel, WorkerMetrics};
use crate::runtime::pipeline::{Pipeline, Services, StepFailure};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{Notify, Semaphore};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// Most jobs asked for in one lease call.
const MAX_BATCH: usize = 256;

#[derive(Default)]
pub struct Counters {
    /// Jobs whose ack the backend confirmed.
    pub done: AtomicU64,
    /// Failed attempts the backend recorded (retry or dead).
    pub failed: AtomicU64,
    pub released: AtomicU64,
    /// Jobs whose lease was lost: stopped mid-run, or finished after another attempt took over.
    pub lost: AtomicU64,
    /// Finished jobs whose ack or failure report was never confirmed; they come back when
    /// their lease expires.
    pub unconfirmed: AtomicU64,
}

/// A running job: its lease token and the switch that stops it.
pub(super) struct InFlight {
    token: String,
    pub(super) abort: CancellationToken,
    /// Set when shutdown stops the job, so its lease is released rather than abandoned.
    pub(super) release: AtomicBool,
}

pub struct Consumer {
    pub(super) backend: Arc<dyn Backend>,
    pub pipeline: Pipeline,
    /// What steps reach the outside through (checkpoints, rates, http, coprocesses).
    pub(super) services: Services,
    owner: String,
    pub(super) observer: Option<Arc<dyn JobObserver>>,
    pub(super) permits: Arc<Semaphore>,
    pub(super) concurrency: usize,
    /// Places for jobs leased ahead of a free slot, waiting to start (see `lookahead.rs`).
    pub(super) ahead: Arc<Semaphore>,
    pub(super) lookahead: AheadPolicy,
    /// Jobs leased ahead, in lease order, waiting for a slot.
    pub(super) held: Mutex<HeldJobs>,
    /// Lease calls sent so far: held jobs start in the order their calls reached the backend.
    pub(super) leases_sent: AtomicU64,
    /// The fetch loops' stop: once it is cancelled no held job starts (a run that ends for
    /// `--max-jobs` or a drained queue runs the jobs it holds).
    pub(super) taking: std::sync::OnceLock<CancellationToken>,
    /// Finished jobs whose ack has not been confirmed yet; their leases are still extended.
    pub(super) acks: Mutex<Vec<Completion>>,
    pub(super) ack_ready: Notify,
    /// The lease loops sharing these slots (see `lanes.rs`).
    pub(super) lanes: Lanes,
    pub(super) in_flight: Mutex<HashMap<String, Arc<InFlight>>>,
    pub(super) to_release: Mutex<Vec<LeaseRef>>,
    pub(super) job_finished: Notify,
    /// Jobs finished so far: a dry lease issued before a job failed did not see its retry.
    pub(super) finished: AtomicU64,
    pub(super) tasks: TaskTracker,
    doorbell: tokio::sync::Mutex<Option<Box<dyn Doorbell>>>,
    pub(super) hold: Mutex<Hold>,
    pub trouble: Arc<Trouble>,
    /// Why a burst run gave up, when it did.
    pub failure: Mutex<Option<(ExitKind, String)>>,
    pub counters: Counters,
    /// `workers pause`: true while no new job may be leased.
    gate: Option<tokio::sync::watch::Receiver<bool>>,
    /// `--metrics-addr`: what this consumer counts for Prometheus.
    pub(super) metrics: Option<Arc<WorkerMetrics>>,
}

impl Consumer {
    pub fn new(
        backend: Arc<dyn Backend>,
        pipeline: Pipeline,
        concurrency: usize,
        owner: String,
        observer: Option<Arc<dyn JobObserver>>,
        trouble: Arc<Trouble>,
    ) -> Consumer {
        let lookahead = AheadPolicy::new(&pipeline, concurrency.max(1));
        let lanes = Lanes::new(
            lookahead.lane_slots(concurrency.max(1)),
            backend.works_apart(),
        );
        Consumer {
            services: Services::new(Some(backend.clone()), &pipeline),
            backend,
            pipeline,
            owner,
            observer,
            permits: Arc::new(Semaphore::new(concurrency.max(1))),
            concurrency: concurrency.max(1),
            ahead: Arc::new(Semaphore::new(lookahead.depth())),
            lookahead,
            held: Mutex::new(HeldJobs::default()),
            leases_sent: AtomicU64::new(0),
            taking: std::sync::OnceLock::new(),
            acks: Mutex::new(Vec::new()),
            ack_ready: Notify::new(),
            lanes,
            in_flight: Mutex::new(HashMap::new()),
            to_release: Mutex::new(Vec::new()),
            job_finished: Notify::new(),
            finished: AtomicU64::new(0),
            tasks: TaskTracker::new(),
            doorbell: tokio::sync::Mutex::new(None),
            hold: Mutex::new(Hold::default()),
            trouble,
            failure: Mutex::new(None),
            counters: Counters::default(),
            gate: None,
            metrics: None,
        }
    }

    pub fn with_metrics(mut self, metrics: Option<Arc<WorkerMetrics>>) -> Consumer {
        self.metrics = metrics;
        self
    }

    /// The labels this consumer's job metrics carry.
    pub(super) fn job_labels(&self) -> JobLabels {
        JobLabels {
            queue: self.pipeline.queue.clone(),
            pipeline: self.pipeline.name.clone(),
        }
    }

    pub(super) fn queue_label(&self) -> QueueLabel {
        QueueLabel {
            queue: self.pipeline.queue.clone(),
        }
    }

    /// The pause gate of `workers pause`: no lease is taken while it reads true.
    pub fn with_gate(mut self, gate: tokio::sync::watch::Receiver<bool>) -> Consumer {
        self.gate = Some(gate);
        self
    }

    pub fn with_doorbell(self, doorbell: Box<dyn Doorbell>) -> Consumer {
        *self
            .doorbell
            .try_lock()
            .expect("a new consumer's doorbell is free") = Some(doorbell);
        self
    }

    pub fn in_flight_count(&self) -> usize {
        self.in_flight.lock().map_or(0, |map| map.len())
    }

    pub fn owner(&self) -> &str {
        &self.owner
    }

    /// Every lease this worker must keep: running jobs and finished ones awaiting their ack.
    pub fn held_leases(&self) -> Vec<LeaseRef> {
        let mut leases: Vec<LeaseRef> = self.in_flight.lock().map_or_else(
            |_| Vec::new(),
            |map| {
                map.iter()
                    .map(|(id, entry)| LeaseRef {
                        id: id.clone(),
                        token: entry.token.clone(),
                    })
                    .collect()
            },
        );
        if let Ok(acks) = self.acks.lock() {
            leases.extend(acks.iter().map(|ack| LeaseRef {
                id: ack.id.clone(),
                token: ack.token.clone(),
            }));
        }
        leases
    }

    /// Stops a job whose lease is gone; nothing it reports later would count anyway.
    pub fn abandon(&self, id: &str) {
        if let Some(entry) = self
            .in_flight
            .lock()
            .ok()
            .and_then(|map| map.get(id).cloned())
        {
            entry.abort.cancel();
        }
    }

    /// Until when leasing is held after an unstartable step, if it is.
    fn held_until(&self) -> Option<Instant> {
        self.hold.lock().ok()?.until()
    }

    pub(super) fn hold_leasing(&self, failure: &StepFailure) {
        if let Ok(mut hold) = self.hold.lock() {
            let pause = hold.extend(&failure.error);
            tracing::error!(queue = %self.pipeline.queue, error = %failure.error, ?pause, "a step cannot be started; its job goes back to the queue and this pipeline pauses");
        }
    }

    fn fail_run(&self, kind: ExitKind, reason: String) -> StopReason {
        if let Ok(mut failure) = self.failure.lock() {
            *failure = Some((kind, reason));
        }
        StopReason::Failed
    }

    /// Leases and starts jobs until told to stop or an option ends the run; one of the
    /// consumer's lanes (see `lanes.rs`).
    pub async fn fetch_loop(
        self: Arc<Self>,
        lane: usize,
        options: &WorkerOptions,
        budget: &JobBudget,
        taking: &CancellationToken,
    ) -> StopReason {
        let mut request = LeaseRequest {
            max_jobs: 1,
            lease: self.pipeline.lease,
            owner: self.owner.clone(),
            default_max_attempts: self.pipeline.retry.max_attempts,
            rate: self.pipeline.rate,
            max_inflight: self.pipeline.max_inflight,
        };
        let mut failures = 0u32;
        let mut backlog = false;
        let mut dry_since: Option<Instant> = None;
        // set after a dry lease: the next lease waits on the doorbell first
        let mut waiting: Option<Duration> = None;
        let mut gate = self.gate.clone();
        let _ = self.taking.set(taking.clone());
        if budget.is_limited() {
            // a held job given back at the hold limit would spend the budget without running
            self.lookahead.limited();
        }
        loop {
            if taking.is_cancelled() {
                // the waits below see it too, but a free slot wins their race (biased)
                break StopReason::Signal;
            }
            if let Some(gate) = gate.as_mut()
                && *gate.borrow_and_update()
            {
                tokio::select! {
                    changed = gate.changed() => if changed.is_ok() { continue },
                    _ = taking.cancelled() => break StopReason::Signal,
                }
            }
            if let Some(until) = self.held_until() {
                if options.burst {
                    let reason = self.hold.lock().map(|hold| hold.reason().to_string());
                    break self.fail_run(ExitKind::Failure, reason.unwrap_or_default());
                }
                tokio::select! {
                    _ = tokio::time::sleep_until(until.into()) => {}
                    _ = taking.cancelled() => break StopReason::Signal,
                }
            }
            let first = tokio::select! {
                biased;
                permit = self.permits.clone().acquire_owned() => Slot::Run(permit.expect("the semaphore is never closed")),
                permit = self.ahead.clone().acquire_owned(), if self.lookahead.open() => Slot::Ahead(permit.expect("the semaphore is never closed")),
                _ = taking.cancelled() => break StopReason::Signal,
            };
            let first = match first {
                // closed while this loop waited for the place (a held job waited too long)
                Slot::Ahead(_) if !self.lookahead.open() => continue,
                // held jobs were leased first, so they take a free slot before a new lease
                Slot::Run(permit) => match self.offer(permit) {
                    Some(permit) => Slot::Run(permit),
                    None => continue,
                },
                ahead => ahead,
            };
            if backlog && self.permits.available_permits() < self.concurrency / 4 {
                // work is waiting but few slots are free: let other finishing jobs hand theirs
                // back first, so one round trip leases several jobs instead of one
                tokio::task::yield_now().await;
            }
            let mut permits = vec![first];
            self.more_slots(&mut permits, self.lease_limit(MAX_BATCH));
            let reserved = match budget.reserve(permits.len() as u64) {
                Reservation::Granted(granted) => granted,
                Reservation::Spent => break StopReason::MaxJobs,
                Reservation::Wait => {
                    drop(permits);
                    self.start_held();
                    tokio::select! {
                        _ = tokio::time::sleep(Duration::from_millis(20)) => continue,
                        _ = taking.cancelled() => break StopReason::Signal,
                    }
                }
            };
            permits.truncate(reserved as usize);
            request.max_jobs = permits.len();
            let finished_before = self.finished.load(Ordering::Acquire);
            let (reply, sequence) = match waiting.take() {
                Some(wait) => match self.wait_and_lease(wait, &request, &mut gate, taking).await {
                    Ok(Some(reply)) => (reply, self.leases_sent.fetch_add(1, Ordering::Relaxed)),
                    // the wait ended with no lease taken behind it: look again from the top
                    outcome => {
                        budget.settle(reserved, 0);
                        if let Err(error) = outcome {
                            self.trouble.failed("the doorbell failed; polling", &error);
                            tokio::select! {
                                _ = tokio::time::sleep(Duration::from_millis(200)) => {}
                                _ = taking.cancelled() => break StopReason::Signal,
                            }
                        }
                        continue;
                    }
                },
                None => {
                    self.lanes.before_send(lane).await;
                    let completions = self.take_acks();
                    let started = Instant::now();
                    let sequence = self.leases_sent.fetch_add(1, Ordering::Relaxed);
                    let reply = self
                        .backend
                        .lease(&self.pipeline.queue, &request, &completions)
                        .await;
                    self.lanes.answered(lane, started.elapsed());
                    self.round_trip("lease", started);
                    // the two halves are judged apart: a failed ack never hides leased jobs
                    match &reply.acks {
                        Some(Ok(report)) => self.account(report),
                        Some(Err(_)) => self.restore_acks(completions),
                        None => {}
                    }
                    (reply, sequence)
                }
            };
            let mut batch = match reply.batch {
                Ok(batch) => {
                    failures = 0;
                    self.trouble.recovered();
                    batch
                }
                Err(error) => {
                    budget.settle(reserved, 0);
                    drop(permits);
                    self.start_held();
                    self.trouble.failed("could not lease jobs", &error);
                    if options.burst
                        && self
                            .trouble
                            .duration()
                            .is_some_and(|outage| outage > options.burst_wait)
                    {
                        break self.fail_run(error.exit_kind(), error.to_string());
                    }
                    failures += 1;
                    let pause = Duration::from_millis(200 * u64::from(failures.min(25)));
                    tokio::select! {
                        _ = tokio::time::sleep(pause) => continue,
                        _ = taking.cancelled() => break StopReason::Signal,
                    }
                }
            };
            if batch.limited_ms.is_some() {
                self.lookahead.limited();
            }
            let got = batch.jobs.len();
            backlog = got == request.max_jobs;
            budget.settle(reserved, got as u64);
            let mut leased = Vec::with_capacity(got);
            for (job, slot) in std::mem::take(&mut batch.jobs)
                .into_iter()
                .zip(permits.drain(..))
            {
                // in flight from now, not from when its task first runs: a dry lease answered
                // before then must not take the queue for drained
                let entry = self.track(&job);
                match slot {
                    Slot::Run(permit) if self.lookahead.depth() == 0 => {
                        self.spawn_execute(job, entry, permit)
                    }
                    slot => leased.push((job, entry, slot)),
                }
            }
            drop(permits);
            self.hold(sequence, leased);
            if got > 0 {
                dry_since = None;
                continue;
            }
            if let Some(limited) = batch.limited_ms {
                // jobs are held back by a rate or max_inflight, not missing: not dry
                dry_since = None;
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_millis(limited.clamp(1, 1000))) => continue,
                    _ = taking.cancelled() => break StopReason::Signal,
                }
            }
            let wait = if options.burst {
                if self.in_flight_count() > 0 || self.pending_acks() > 0 {
                    // in-flight jobs may fail and come back; wait for one to finish, then look again
                    tokio::select! {
                        _ = self.job_finished.notified() => {}
                        _ = tokio::time::sleep(Duration::from_millis(50)) => {}
                    }
                    continue;
                }
                if self.finished.load(Ordering::Acquire) != finished_before {
                    // a job finished while that lease was in flight; if it failed, its retry
                    // is in the queue now, and the dry lease's answer did not show it
                    continue;
                }
                let dry = *dry_since.get_or_insert_with(Instant::now);
                match burst_wait(&batch, options.burst_wait.saturating_sub(dry.elapsed())) {
                    Some(wait) => wait,
                    None => break StopReason::Drained,
                }
            } else {
                idle_wait(&batch)
            };
            // the next turn leases behind this wait, in its round trip where the backend can
            waiting = Some(wait);
        }
    }

    /// Waits on the doorbell for `wait` with `request`'s lease behind it (see
    /// `Backend::wait_and_lease`). A stop, or a change at the pause gate, ends the wait early;
    /// a lease taken by then still comes back, as any lease in flight at a stop does.
    async fn wait_and_lease(
        &self,
        wait: Duration,
        request: &LeaseRequest,
        gate: &mut Option<tokio::sync::watch::Receiver<bool>>,
        taking: &CancellationToken,
    ) -> BackendResult<Option<LeaseReply>> {
        let mut doorbell = self.doorbell.lock().await;
        if let Some(observer) = &self.observer {
            observer.idle();
        }
        let interrupt = CancellationToken::new();
        let Some(bell) = doorbell.as_mut() else {
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = taking.cancelled() => {}
            }
            return Ok(None);
        };
        let lease = self.backend.wait_and_lease(
            &self.pipeline.queue,
            bell.as_mut(),
            wait,
            request,
            &interrupt,
        );
        tokio::pin!(lease);
        let gate_changed = async {
            match gate.as_mut() {
                Some(gate) => gate.changed().await.unwrap_or(()),
                None => std::future::pending().await,
            }
        };
        tokio::pin!(gate_changed);
        loop {
            tokio::select! {
                reply = &mut lease => return reply,
                _ = taking.cancelled(), if !interrupt.is_cancelled() => interrupt.cancel(),
                _ = &mut gate_changed, if !interrupt.is_cancelled() => interrupt.cancel(),
            }
        }
    }

    pub(super) fn round_trip(&self, call: &str, started: Instant) {
        if let Some(metrics) = &self.metrics {
            metrics.round_trip(call, started.elapsed());
        }
    }

    /// Registers a leased job as in flight (its lease is extended from now on).
    fn track(&self, job: &LeasedJob) -> Arc<InFlight> {
        if let Some(metrics) = &self.metrics {
            metrics.in_flight.get_or_create(&self.queue_label()).inc();
        }
        let entry = Arc::new(InFlight {
            token: job.token.clone(),
            abort: CancellationToken::new(),
            release: AtomicBool::new(false),
        });
        if let Ok(mut map) = self.in_flight.lock() {
            map.insert(job.id.clone(), entry.clone());
        }
        entry
    }
}
