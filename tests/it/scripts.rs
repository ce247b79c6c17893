//! Every Lua script path against a real Redis: enqueue, dequeue, ack, fail, extend, release,
//! reap, cancel, retry, plus priorities, delayed jobs, unique keys and backpressure.

use crate::support::{
    Kind, TestEnv, assert_consistent, assert_consistent_on, on_every_backend, wait_until,
};
use fleetq::runtime::backend::{Backend, BeatRequest, LeaseRequest, RecoverReport};
use fleetq::runtime::error::BackendError;
use fleetq::runtime::job::{
    AckReport, Completion, EnqueueStatus, FailOutcome, FailureReport, JobState, LeaseRef,
    LeaseStatus, LeasedJob, NewJob, QueueSettings, Schedule,
};
use std::time::Duration;

on_every_backend!(
    a_worker_never_reaps_leases_it_still_extends,
    a_ring_before_the_wait_is_not_lost,
    enqueue_lease_and_ack_round_trip,
    priorities_lease_highest_first,
    delayed_jobs_wait_until_due_then_promote,
    unique_keys_dedupe_and_expire,
    max_len_rejects_past_the_limit,
    one_batch_refuses_its_own_repeats_and_keeps_each_levels_order,
    fail_retries_with_delay_then_buries,
    extend_keeps_the_lease_and_reports_lost_and_cancelled,
    release_returns_jobs_to_the_front_without_spending_an_attempt,
    reap_retries_expired_leases_then_buries_them,
    only_one_reaper_sweeps_at_a_time,
    a_lease_its_live_owner_never_received_costs_no_attempt,
    expired_leases_return_to_the_head_of_the_queue,
    cancel_and_retry_move_jobs_between_states,
    paused_queues_hand_out_nothing,
    done_retention_trims_the_oldest,
    a_queue_that_keeps_no_done_jobs_forgets_each_at_its_ack,
    a_job_deleted_at_its_ack_still_completes_in_its_session,
    a_unique_key_without_ttl_is_held_until_the_job_finishes,
    acks_riding_with_a_lease_report_stale_ones,
    an_idle_queue_trims_by_age_at_its_next_sweep,
    a_cleaned_session_leaves_nothing_in_the_done_index,
);

fn request(max_jobs: usize, lease: Duration) -> LeaseRequest {
    LeaseRequest {
        max_jobs,
        lease,
        owner: "test-worker".to_string(),
        default_max_attempts: 3,
        rate: None,
        max_inflight: None,
    }
}

fn job(data: &str) -> NewJob {
    NewJob::new(data.to_string())
}

async fn lease_one(backend: &dyn Backend, queue: &str, lease: Duration) -> LeasedJob {
    let batch = backend
        .lease(queue, &request(1, lease), &[])
        .await
        .into_result()
        .expect("lease");
    assert_eq!(
        batch.jobs.len(),
        1,
        "expected one job, got {:?}",
        batch.jobs
    );
    batch.jobs.into_iter().next().expect("one job")
}

fn done(job: &LeasedJob) -> Completion {
    Completion {
        id: job.id.clone(),
        token: job.token.clone(),
        outputs: "{}".to_string(),
    }
}

/// Beats as a live worker with no leases until a recovery sweep satisfies `wanted` (the
/// first beat only registers; the sweep lock allows one sweep a second).
/// Beats as `reaper-a` until a sweep reports what `wanted` looks for.
pub(crate) async fn reap_until(
    backend: &dyn Backend,
    what: &str,
    wanted: impl Fn(RecoverReport) -> bool,
) {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(report) = beat(backend, "reaper-a", &[], Duration::from_secs(30))
            .await
            .recovered
            && wanted(report)
        {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "timed out waiting for: {what}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn beat(
    backend: &dyn Backend,
    owner: &str,
    leases: &[LeaseRef],
    lease: Duration,
) -> fleetq::runtime::backend::BeatReport {
    backend
        .beat(
            "q",
            &BeatRequest {
                owner: owner.to_string(),
                leases: leases.to_vec(),
                lease,
            },
        )
        .await
        .expect("beat")
}

fn lease_of(job: &LeasedJob) -> LeaseRef {
    LeaseRef {
        id: job.id.clone(),
        token: job.token.clone(),
    }
}

async fn state(backend: &dyn Backend, queue: &str, id: &str) -> JobState {
    backend
        .job(queue, id)
        .await
        .expect("job")
        .expect("job exists")
        .state
}

async fn enqueue_lease_and_ack_round_trip(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    let outcomes = backend
        .enqueue("q", &[job(r#"{"n":1}"#), job(r#"{"n":2}"#)])
        .await
        .unwrap();
    assert!(
        outcomes
            .iter()
            .all(|outcome| outcome.status == EnqueueStatus::Enqueued)
    );
    assert_eq!(backend.queues().await.unwrap(), vec!["q".to_string()]);

    let batch = backend
        .lease("q", &request(10, Duration::from_secs(30)), &[])
        .await
        .into_result()
        .unwrap();
    assert_eq!(batch.jobs.len(), 2);
    assert_eq!(batch.jobs[0].data, r#"{"n":1}"#, "FIFO within a priority");
    assert_eq!(batch.jobs[0].attempts, 1);
    assert_eq!(
        batch.jobs[0].max_attempts, 3,
        "the worker's default fills an unset max_attempts"
    );
    assert_ne!(
        batch.jobs[0].token, batch.jobs[1].token,
        "every lease gets its own fencing token"
    );
    assert_eq!(
        state(backend.as_ref(), "q", &batch.jobs[0].id).await,
        JobState::Active
    );

    // the ack rides with the next lease call
    let next = backend
        .lease(
            "q",
            &request(10, Duration::from_secs(30)),
            &[done(&batch.jobs[0])],
        )
        .await
        .into_result()
        .unwrap();
    assert!(next.jobs.is_empty());
    let stale = backend
        .complete("q", &[done(&batch.jobs[1])])
        .await
        .unwrap()
        .stale;
    assert!(stale.is_empty());
    let stats = backend.queue_stats("q").await.unwrap();
    assert_eq!(
        (stats.pending, stats.active, stats.done, stats.enqueued),
        (0, 0, 2, 2)
    );
    let record = backend.job("q", &batch.jobs[0].id).await.unwrap().unwrap();
    assert_eq!(record.state, JobState::Done);
    assert!(record.finished_at.is_some());
    // an ack re-sent after the first one applied is recognised, not reported as a lost lease,
    // and not counted twice
    let again = backend
        .complete("q", &[done(&batch.jobs[0])])
        .await
        .unwrap();
    assert_eq!((again.acked, again.already), (0, 1));
    assert!(again.stale.is_empty(), "{again:?}");
    assert_eq!(backend.queue_stats("q").await.unwrap().done, 2);
}

async fn priorities_lease_highest_first(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    let mut jobs = Vec::new();
    for priority in [9u8, 5, 0, 5, 3] {
        let mut new = job(&format!(r#"{{"p":{priority}}}"#));
        new.priority = priority;
        jobs.push(new);
    }
    backend.enqueue("q", &jobs).await.unwrap();
    let stats = backend.queue_stats("q").await.unwrap();
    assert_eq!(
        stats.pending_by_priority,
        vec![1, 0, 0, 1, 0, 2, 0, 0, 0, 1]
    );
    let batch = backend
        .lease("q", &request(5, Duration::from_secs(30)), &[])
        .await
        .into_result()
        .unwrap();
    let order: Vec<u8> = batch.jobs.iter().map(|job| job.priority).collect();
    assert_eq!(order, vec![0, 3, 5, 5, 9]);
}

async fn delayed_jobs_wait_until_due_then_promote(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    let mut later = job("{}");
    later.schedule = Schedule::In(Duration::from_millis(300));
    backend.enqueue("q", &[later.clone()]).await.unwrap();
    let batch = backend
        .lease("q", &request(1, Duration::from_secs(30)), &[])
        .await
        .into_result()
        .unwrap();
    assert!(batch.jobs.is_empty(), "a delayed job is not leased early");
    assert!(
        batch.next_delayed_at.is_some(),
        "the worker learns when to wake"
    );
    assert_eq!(
        state(backend.as_ref(), "q", &later.id).await,
        JobState::Delayed
    );
    let stats = backend.queue_stats("q").await.unwrap();
    assert_eq!((stats.pending, stats.delayed), (0, 1));
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    let leased = loop {
        let batch = backend
            .lease("q", &request(1, Duration::from_secs(30)), &[])
            .await
            .into_result()
            .unwrap();
        if let Some(job) = batch.jobs.into_iter().next() {
            break job;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "delayed job never promoted"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(leased.id, later.id);
}

async fn unique_keys_dedupe_and_expire(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    let mut first = job("{}");
    first.unique_key = Some("invoice-7".into());
    first.unique_ttl = Some(Duration::from_millis(300));
    let mut second = job("{}");
    second.unique_key = Some("invoice-7".into());
    let outcomes = backend.enqueue("q", &[first.clone()]).await.unwrap();
    assert_eq!(outcomes[0].status, EnqueueStatus::Enqueued);
    let outcomes = backend.enqueue("q", &[second.clone()]).await.unwrap();
    assert_eq!(outcomes[0].status, EnqueueStatus::Duplicate);
    assert_eq!(
        outcomes[0].id, first.id,
        "a duplicate reports the existing job"
    );
    // an explicit id that already exists is a duplicate too
    let outcomes = backend.enqueue("q", &[first.clone()]).await.unwrap();
    assert_eq!(outcomes[0].status, EnqueueStatus::Duplicate);
    // once the key's TTL has passed, the twin goes in
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    loop {
        let outcomes = backend.enqueue("q", &[second.clone()]).await.unwrap();
        if outcomes[0].status == EnqueueStatus::Enqueued {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the unique key never expired"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Redis judges a whole batch before writing any of it, so a batch must still see its own
/// earlier jobs: an id or a unique key repeated inside one call is a duplicate of the first.
async fn one_batch_refuses_its_own_repeats_and_keeps_each_levels_order(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    let with = |data: &str, priority: u8, unique_key: Option<&str>| {
        let mut new = job(data);
        new.priority = priority;
        new.unique_key = unique_key.map(str::to_string);
        new
    };
    let first = with(r#""a""#, 5, None);
    let keyed = with(r#""b""#, 0, Some("invoice-9"));
    let mut later = with(r#""later""#, 0, None);
    later.schedule = Schedule::In(Duration::from_secs(3600));
    let batch = vec![
        first.clone(),
        keyed.clone(),
        with(r#""c""#, 5, None),
        first.clone(),
        with(r#""twin""#, 0, Some("invoice-9")),
        later,
        with(r#""e""#, 0, None),
    ];
    let outcomes = backend.enqueue("q", &batch).await.unwrap();
    let statuses: Vec<EnqueueStatus> = outcomes.iter().map(|outcome| outcome.status).collect();
    use EnqueueStatus::{Duplicate, Enqueued};
    assert_eq!(
        statuses,
        vec![
            Enqueued, Enqueued, Enqueued, Duplicate, Duplicate, Enqueued, Enqueued
        ]
    );
    assert_eq!(outcomes[3].id, first.id, "a repeated id names the first");
    assert_eq!(outcomes[4].id, keyed.id, "a repeated key names its holder");
    let stats = backend.queue_stats("q").await.unwrap();
    assert_eq!((stats.pending, stats.delayed), (4, 1));
    let leased = backend
        .lease("q", &request(10, Duration::from_secs(30)), &[])
        .await
        .into_result()
        .unwrap();
    let order: Vec<&str> = leased.jobs.iter().map(|job| job.data.as_str()).collect();
    assert_eq!(order, vec![r#""b""#, r#""e""#, r#""a""#, r#""c""#]);
    assert_consistent_on(&env, kind, "q");
}

async fn max_len_rejects_past_the_limit(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    backend
        .configure(
            "q",
            &QueueSettings {
                max_len: Some(2),
                ..QueueSettings::default()
            },
        )
        .await
        .unwrap();
    let outcomes = backend
        .enqueue("q", &[job("{}"), job("{}"), job("{}")])
        .await
        .unwrap();
    let statuses: Vec<EnqueueStatus> = outcomes.iter().map(|outcome| outcome.status).collect();
    assert_eq!(
        statuses,
        vec![
            EnqueueStatus::Enqueued,
            EnqueueStatus::Enqueued,
            EnqueueStatus::Full
        ]
    );
    let stats = backend.queue_stats("q").await.unwrap();
    assert_eq!((stats.pending, stats.max_len), (2, Some(2)));
    assert!(
        backend.job("q", &outcomes[2].id).await.unwrap().is_none(),
        "a rejected job is not stored"
    );
}

async fn fail_retries_with_delay_then_buries(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    let mut new = job("{}");
    new.max_attempts = Some(2);
    backend.enqueue("q", &[new.clone()]).await.unwrap();
    let first = lease_one(backend.as_ref(), "q", Duration::from_secs(30)).await;
    let report = FailureReport {
        id: first.id.clone(),
        token: first.token.clone(),
        error: "boom 1".into(),
        stderr: "trace".into(),
        retry_delay: Some(Duration::ZERO),
        outputs: r#"{"fetch":1}"#.into(),
    };
    assert_eq!(
        backend.fail("q", &report).await.unwrap(),
        FailOutcome::Retry
    );
    assert_eq!(
        backend.fail("q", &report).await.unwrap(),
        FailOutcome::Stale,
        "the token is spent"
    );
    let second = lease_one(backend.as_ref(), "q", Duration::from_secs(30)).await;
    assert_eq!(second.attempts, 2);
    assert_eq!(
        second.outputs, r#"{"fetch":1}"#,
        "completed steps are checkpointed"
    );
    let report = FailureReport {
        id: second.id.clone(),
        token: second.token.clone(),
        error: "boom 2".into(),
        retry_delay: None,
        ..report
    };
    assert_eq!(backend.fail("q", &report).await.unwrap(), FailOutcome::Dead);
    let record = backend.job("q", &second.id).await.unwrap().unwrap();
    assert_eq!(record.state, JobState::Dead);
    assert_eq!(record.last_error.as_deref(), Some("boom 2"));
    assert_eq!(record.stderr_tail.as_deref(), Some("trace"));
    let errors: Vec<&str> = record
        .errors
        .iter()
        .map(|entry| entry.error.as_str())
        .collect();
    assert_eq!(errors, vec!["boom 1", "boom 2"]);
    let stats = backend.queue_stats("q").await.unwrap();
    assert_eq!((stats.retried, stats.dead), (1, 1));
    let dead = backend.list_jobs("q", JobState::Dead, 10).await.unwrap();
    assert_eq!(dead.len(), 1);
}

async fn extend_keeps_the_lease_and_reports_lost_and_cancelled(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    backend.enqueue("q", &[job("{}"), job("{}")]).await.unwrap();
    let kept = lease_one(backend.as_ref(), "q", Duration::from_millis(400)).await;
    let cancelled = lease_one(backend.as_ref(), "q", Duration::from_secs(30)).await;
    let deadline_of = |record: Option<fleetq::runtime::job::JobRecord>| {
        record
            .and_then(|record| record.lease_deadline)
            .unwrap_or_default()
    };
    let before = deadline_of(backend.job("q", &kept.id).await.unwrap());
    let leases = [
        LeaseRef {
            id: kept.id.clone(),
            token: kept.token.clone(),
        },
        LeaseRef {
            id: kept.id.clone(),
            token: "999999".into(),
        },
    ];
    let statuses = beat(
        backend.as_ref(),
        "test-worker",
        &leases,
        Duration::from_secs(60),
    )
    .await
    .statuses;
    assert_eq!(statuses, vec![LeaseStatus::Extended, LeaseStatus::Lost]);
    let after = deadline_of(backend.job("q", &kept.id).await.unwrap());
    assert!(
        after > before + 50_000,
        "the deadline moved out: {before} -> {after}"
    );

    let outcomes = backend
        .cancel("q", std::slice::from_ref(&cancelled.id))
        .await
        .unwrap();
    assert!(outcomes[0].changed && outcomes[0].state == "cancelled");
    let statuses = beat(
        backend.as_ref(),
        "test-worker",
        &[lease_of(&cancelled)],
        Duration::from_secs(30),
    )
    .await
    .statuses;
    assert_eq!(
        statuses,
        vec![LeaseStatus::Cancelled],
        "the worker learns at its next heartbeat"
    );
    assert_eq!(
        backend
            .complete("q", &[done(&cancelled)])
            .await
            .unwrap()
            .stale,
        vec![cancelled.id.clone()]
    );
}

async fn release_returns_jobs_to_the_front_without_spending_an_attempt(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    backend.enqueue("q", &[job("{}"), job("{}")]).await.unwrap();
    let held = lease_one(backend.as_ref(), "q", Duration::from_secs(30)).await;
    let released = backend
        .release(
            "q",
            &[
                LeaseRef {
                    id: held.id.clone(),
                    token: held.token.clone(),
                },
                LeaseRef {
                    id: "nope".into(),
                    token: "1".into(),
                },
            ],
        )
        .await
        .unwrap();
    assert_eq!(released, 1);
    let again = lease_one(backend.as_ref(), "q", Duration::from_secs(30)).await;
    assert_eq!(again.id, held.id, "released jobs go to the front");
    assert_eq!(
        again.attempts, 1,
        "a released job did not use up an attempt"
    );
    assert_eq!(
        backend.complete("q", &[done(&held)]).await.unwrap().stale,
        vec![held.id.clone()],
        "the old token is fenced"
    );
}

async fn reap_retries_expired_leases_then_buries_them(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    let mut new = job("{}");
    new.max_attempts = Some(2);
    backend.enqueue("q", &[new.clone()]).await.unwrap();
    let short = Duration::from_millis(50);
    let first = lease_one(backend.as_ref(), "q", short).await;
    reap_until(
        backend.as_ref(),
        "the reaper retries the expired lease",
        |report| report.retried == 1,
    )
    .await;
    assert_eq!(
        backend.complete("q", &[done(&first)]).await.unwrap().stale,
        vec![first.id.clone()],
        "the expired token is fenced"
    );
    let second = lease_one(backend.as_ref(), "q", short).await;
    assert_eq!(second.attempts, 2);
    reap_until(backend.as_ref(), "the reaper buries the job", |report| {
        report.dead == 1
    })
    .await;
    let record = backend.job("q", &new.id).await.unwrap().unwrap();
    assert_eq!(record.state, JobState::Dead);
    assert!(record.last_error.unwrap().contains("lease expired"));
}

async fn only_one_reaper_sweeps_at_a_time(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    backend.enqueue("q", &[job("{}")]).await.unwrap();
    let lease = Duration::from_secs(30);
    assert!(
        beat(backend.as_ref(), "reaper-a", &[], lease)
            .await
            .recovered
            .is_none(),
        "a worker's first beat only registers it"
    );
    beat(backend.as_ref(), "reaper-b", &[], lease).await;
    let first = beat(backend.as_ref(), "reaper-a", &[], lease).await;
    let second = beat(backend.as_ref(), "reaper-b", &[], lease).await;
    assert!(first.recovered.is_some(), "the first sweep takes the lock");
    assert!(
        second.recovered.is_none(),
        "a second reaper backs off while the lock is held"
    );
}

async fn a_worker_never_reaps_leases_it_still_extends(kind: Kind) {
    // a stall looks like this to the store: every lease expired, and the first beat after it
    // comes from a worker that is alive and still holds its jobs
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    backend.enqueue("q", &[job("{}"), job("{}")]).await.unwrap();
    let short = Duration::from_millis(300);
    beat(backend.as_ref(), "owner", &[], short).await;
    let mine = backend
        .lease(
            "q",
            &LeaseRequest {
                owner: "owner".into(),
                ..request(2, short)
            },
            &[],
        )
        .await
        .into_result()
        .unwrap()
        .jobs;
    assert_eq!(mine.len(), 2);
    // another worker whose last beat was before the deadline cannot judge the lease
    beat(backend.as_ref(), "other", &[], short).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    let other = beat(backend.as_ref(), "other", &[], short).await;
    assert_eq!(
        other.recovered.map(|report| report.retried + report.dead),
        Some(0),
        "a reaper that did not beat after the deadline reaps nothing"
    );
    let leases: Vec<LeaseRef> = mine.iter().map(lease_of).collect();
    let report = beat(backend.as_ref(), "owner", &leases, Duration::from_secs(30)).await;
    assert_eq!(
        report.statuses,
        vec![LeaseStatus::Extended, LeaseStatus::Extended],
        "the owner extends first, so its own expired leases are kept"
    );
    let stats = backend.queue_stats("q").await.unwrap();
    assert_eq!((stats.active, stats.stalled, stats.pending), (2, 0, 0));
    assert_consistent_on(&env, kind, "q");
}

async fn a_lease_its_live_owner_never_received_costs_no_attempt(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    backend.enqueue("q", &[job("{}")]).await.unwrap();
    let short = Duration::from_millis(200);
    beat(backend.as_ref(), "owner", &[], short).await;
    // the reply to this lease call is "lost": the owner goes on beating without the job
    let lost = backend
        .lease(
            "q",
            &LeaseRequest {
                owner: "owner".into(),
                ..request(1, short)
            },
            &[],
        )
        .await
        .into_result()
        .unwrap()
        .jobs;
    assert_eq!(lost[0].attempts, 1);
    tokio::time::sleep(Duration::from_millis(300)).await;
    beat(backend.as_ref(), "owner", &[], short).await;
    reap_until(backend.as_ref(), "the job goes back unspent", |report| {
        report.returned == 1
    })
    .await;
    let record = backend.job("q", &lost[0].id).await.unwrap().unwrap();
    assert_eq!(record.state, JobState::Pending);
    assert_eq!(record.attempts, 0, "the attempt was given back");
    assert!(
        record.errors.is_empty(),
        "nobody is blamed: {:?}",
        record.errors
    );
    let again = lease_one(backend.as_ref(), "q", Duration::from_secs(30)).await;
    assert_eq!(again.attempts, 1);
}

async fn expired_leases_return_to_the_head_of_the_queue(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    backend.enqueue("q", &[job(r#"{"n":1}"#)]).await.unwrap();
    let crashed = lease_one(backend.as_ref(), "q", Duration::from_millis(100)).await;
    backend
        .enqueue("q", &[job(r#"{"n":2}"#), job(r#"{"n":3}"#)])
        .await
        .unwrap();
    reap_until(
        backend.as_ref(),
        "the crashed worker's job comes back",
        |report| report.retried == 1,
    )
    .await;
    let next = lease_one(backend.as_ref(), "q", Duration::from_secs(30)).await;
    assert_eq!(next.id, crashed.id, "re-delivered work goes first");
    assert_eq!(next.attempts, 2);
}

async fn cancel_and_retry_move_jobs_between_states(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    let pending = job("{}");
    let mut delayed = job("{}");
    delayed.schedule = Schedule::In(Duration::from_secs(3600));
    backend
        .enqueue("q", &[pending.clone(), delayed.clone()])
        .await
        .unwrap();
    let ids = vec![
        pending.id.clone(),
        delayed.id.clone(),
        "missing-id".to_string(),
    ];
    let results: Vec<(bool, String)> = backend
        .cancel("q", &ids)
        .await
        .unwrap()
        .into_iter()
        .map(|outcome| (outcome.changed, outcome.state))
        .collect();
    assert_eq!(
        results,
        vec![
            (true, "cancelled".into()),
            (true, "cancelled".into()),
            (false, "missing".into())
        ]
    );
    let stats = backend.queue_stats("q").await.unwrap();
    assert_eq!((stats.pending, stats.delayed), (0, 0));
    assert!(
        backend
            .lease("q", &request(5, Duration::from_secs(30)), &[])
            .await
            .into_result()
            .unwrap()
            .jobs
            .is_empty()
    );
    let again = backend
        .cancel("q", std::slice::from_ref(&pending.id))
        .await
        .unwrap();
    assert!(
        !again[0].changed && again[0].state == "cancelled",
        "cancelling twice changes nothing"
    );

    let retried = backend
        .retry("q", std::slice::from_ref(&pending.id))
        .await
        .unwrap();
    assert!(retried[0].changed && retried[0].state == "pending");
    let leased = lease_one(backend.as_ref(), "q", Duration::from_secs(30)).await;
    assert_eq!(leased.id, pending.id);
    let not_retryable = backend
        .retry("q", std::slice::from_ref(&pending.id))
        .await
        .unwrap();
    assert!(!not_retryable[0].changed && not_retryable[0].state == "active");
}

async fn paused_queues_hand_out_nothing(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    backend.enqueue("q", &[job("{}")]).await.unwrap();
    backend.set_paused("q", true).await.unwrap();
    let batch = backend
        .lease("q", &request(1, Duration::from_secs(30)), &[])
        .await
        .into_result()
        .unwrap();
    assert!(batch.paused && batch.jobs.is_empty());
    assert!(backend.queue_stats("q").await.unwrap().paused);
    backend.set_paused("q", false).await.unwrap();
    lease_one(backend.as_ref(), "q", Duration::from_secs(30)).await;
}

/// Sets how many done jobs queue `q` keeps.
async fn keep_done(backend: &dyn Backend, retain: u64) {
    backend
        .configure(
            "q",
            &QueueSettings {
                retain_done: Some(retain),
                ..QueueSettings::default()
            },
        )
        .await
        .unwrap();
}

/// How many done jobs `jobs ls --state done` shows for `q` (up to 10).
async fn done_listed(backend: &dyn Backend) -> usize {
    backend
        .list_jobs("q", JobState::Done, 10)
        .await
        .unwrap()
        .len()
}

/// Enqueues `job` to `q`, leases it and acks it.
async fn run_one(backend: &dyn Backend, job: &NewJob) {
    backend
        .enqueue("q", std::slice::from_ref(job))
        .await
        .unwrap();
    let leased = lease_one(backend, "q", Duration::from_secs(30)).await;
    backend.complete("q", &[done(&leased)]).await.unwrap();
}

/// Enqueues `count` jobs to `q`, leases them in one batch and acks them all.
async fn run_to_done(
    backend: &dyn Backend,
    count: usize,
) -> (Vec<NewJob>, (Vec<Completion>, AckReport)) {
    let jobs: Vec<NewJob> = (0..count).map(|_| job("{}")).collect();
    backend.enqueue("q", &jobs).await.unwrap();
    let batch = backend
        .lease("q", &request(count, Duration::from_secs(30)), &[])
        .await
        .into_result()
        .unwrap();
    let completions: Vec<Completion> = batch.jobs.iter().map(done).collect();
    let report = backend.complete("q", &completions).await.unwrap();
    (jobs, (completions, report))
}

async fn done_retention_trims_the_oldest(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    keep_done(backend.as_ref(), 2).await;
    let (jobs, _) = run_to_done(backend.as_ref(), 5).await;
    let stats = backend.queue_stats("q").await.unwrap();
    assert_eq!(stats.done, 5, "the done counter counts every completion");
    assert_eq!(done_listed(backend.as_ref()).await, 2);
    assert!(
        backend.job("q", &jobs[0].id).await.unwrap().is_none(),
        "the oldest done job was trimmed"
    );
}

async fn a_queue_that_keeps_no_done_jobs_forgets_each_at_its_ack(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    // one done job kept from before the setting changes: it goes at the next ack too
    let earlier = job("{}");
    run_one(backend.as_ref(), &earlier).await;
    keep_done(backend.as_ref(), 0).await;
    let (jobs, (completions, report)) = run_to_done(backend.as_ref(), 3).await;
    assert_eq!((report.acked, report.already), (3, 0));
    let stats = backend.queue_stats("q").await.unwrap();
    assert_eq!(stats.done, 4, "the done counter counts every completion");
    assert_eq!(
        stats.trimmed, 4,
        "every done job was forgotten, the earlier one too"
    );
    assert_eq!((stats.active, stats.pending), (0, 0));
    assert_eq!(done_listed(backend.as_ref()).await, 0);
    for job in jobs.iter().chain([&earlier]) {
        assert!(backend.job("q", &job.id).await.unwrap().is_none());
    }
    // nothing is left to recognise a repeated ack by
    let again = backend.complete("q", &completions[..1]).await.unwrap();
    assert_eq!((again.acked, again.already), (0, 0));
    assert_eq!(again.stale, vec![completions[0].id.clone()]);
    assert_eq!(backend.queue_stats("q").await.unwrap().done, 4);
    // within one call, a completion sent twice is acked once
    backend.enqueue("q", &[job("{}")]).await.unwrap();
    let last = done(&lease_one(backend.as_ref(), "q", Duration::from_secs(30)).await);
    let twice = backend.complete("q", &[last.clone(), last]).await.unwrap();
    assert_eq!((twice.acked, twice.already), (1, 1));
    assert_eq!(backend.queue_stats("q").await.unwrap().done, 5);
}

async fn a_job_deleted_at_its_ack_still_completes_in_its_session(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    keep_done(backend.as_ref(), 0).await;
    let cursors = backend
        .event_cursors(&["q".to_string()], fleetq::runtime::job::now_ms())
        .await
        .unwrap();
    let mut tenant_job = job("{}");
    tenant_job.session = Some("tenant".to_string());
    run_one(backend.as_ref(), &tenant_job).await;
    assert!(backend.job("q", &tenant_job.id).await.unwrap().is_none());
    let events = backend
        .read_events(&cursors, Duration::from_millis(100))
        .await
        .unwrap();
    let completed: Vec<_> = events
        .iter()
        .filter(|event| event.kind == "completed")
        .collect();
    assert_eq!(completed.len(), 1, "{events:?}");
    assert_eq!(completed[0].ids, vec![tenant_job.id.clone()]);
    assert_eq!(
        completed[0].fields.get("session").map(String::as_str),
        Some("tenant"),
        "`events tail --session tenant` must see it finish: {events:?}"
    );
}

async fn a_ring_before_the_wait_is_not_lost(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    let mut bell = backend.doorbell("q").await.unwrap();
    backend.enqueue("q", &[job("{}")]).await.unwrap();
    let started = std::time::Instant::now();
    assert!(
        bell.wait(Duration::from_secs(5)).await.unwrap(),
        "the ring was kept"
    );
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_doorbell_wakes_an_idle_waiter() {
    let env = TestEnv::new();
    let backend = env.backend().await;
    let mut doorbell = backend.doorbell("q").await.unwrap();
    assert!(
        !doorbell.wait(Duration::from_millis(50)).await.unwrap(),
        "nothing rang yet"
    );
    let waiter = tokio::spawn(async move {
        let started = std::time::Instant::now();
        let rang = doorbell.wait(Duration::from_secs(10)).await.unwrap();
        (rang, started.elapsed())
    });
    // ring only once the waiter is really blocked in BZPOPMIN on the server
    let mut connection = env.redis.connection();
    wait_until(
        "the waiter blocks on the doorbell",
        Duration::from_secs(5),
        || {
            let info: String = redis::cmd("INFO")
                .arg("clients")
                .query(&mut connection)
                .unwrap();
            info.lines().any(|line| {
                line.starts_with("blocked_clients:") && line.trim_end() != "blocked_clients:0"
            })
        },
    );
    backend.enqueue("q", &[job("{}")]).await.unwrap();
    let (rang, waited) = waiter.await.unwrap();
    assert!(rang, "an enqueue rings");
    assert!(
        waited < Duration::from_secs(9),
        "woken by the ring, not the timeout"
    );
}

async fn a_unique_key_without_ttl_is_held_until_the_job_finishes(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    let keyed = || {
        let mut new = job("{}");
        new.unique_key = Some("nightly".into());
        new.max_attempts = Some(1);
        new
    };
    // done releases the key
    let first = keyed();
    backend
        .enqueue("q", std::slice::from_ref(&first))
        .await
        .unwrap();
    assert_eq!(
        backend.enqueue("q", &[keyed()]).await.unwrap()[0].status,
        EnqueueStatus::Duplicate
    );
    let leased = lease_one(backend.as_ref(), "q", Duration::from_secs(30)).await;
    assert_eq!(
        backend.enqueue("q", &[keyed()]).await.unwrap()[0].status,
        EnqueueStatus::Duplicate,
        "held while running"
    );
    backend.complete("q", &[done(&leased)]).await.unwrap();
    // cancel releases the key
    let second = keyed();
    assert_eq!(
        backend
            .enqueue("q", std::slice::from_ref(&second))
            .await
            .unwrap()[0]
            .status,
        EnqueueStatus::Enqueued
    );
    backend
        .cancel("q", std::slice::from_ref(&second.id))
        .await
        .unwrap();
    // dead releases the key
    let third = keyed();
    assert_eq!(
        backend
            .enqueue("q", std::slice::from_ref(&third))
            .await
            .unwrap()[0]
            .status,
        EnqueueStatus::Enqueued
    );
    let leased = lease_one(backend.as_ref(), "q", Duration::from_secs(30)).await;
    let report = FailureReport {
        id: leased.id.clone(),
        token: leased.token.clone(),
        error: "no".into(),
        stderr: String::new(),
        retry_delay: None,
        outputs: "{}".into(),
    };
    assert_eq!(backend.fail("q", &report).await.unwrap(), FailOutcome::Dead);
    assert_eq!(
        backend.enqueue("q", &[keyed()]).await.unwrap()[0].status,
        EnqueueStatus::Enqueued
    );
}

/// Redis over maxmemory: every script either fails before writing (OOM on its first growing
/// write) or runs to the end (Redis lets a script finish once it has written), so each call is
/// all or nothing and no job is lost or left in two places.
#[tokio::test]
async fn scripts_under_oom_are_all_or_nothing() {
    let env = TestEnv::new();
    let backend = env.backend().await;
    backend
        .enqueue("q", &[job("{}"), job("{}"), job("{}")])
        .await
        .unwrap();
    let held = lease_one(backend.as_ref(), "q", Duration::from_secs(30)).await;
    let failing = lease_one(backend.as_ref(), "q", Duration::from_secs(30)).await;
    let mut delayed = job("{}");
    delayed.schedule = Schedule::In(Duration::from_millis(1));
    backend
        .enqueue("q", std::slice::from_ref(&delayed))
        .await
        .unwrap();
    let mut connection = env.redis.connection();
    let due: f64 =
        redis::Commands::zscore(&mut connection, env.key("q", "delayed"), &delayed.id).unwrap();
    wait_until(
        "the delayed job is due by the server's clock",
        Duration::from_secs(5),
        || {
            let (seconds, micros): (u64, u64) = redis::cmd("TIME").query(&mut connection).unwrap();
            (seconds * 1000 + micros / 1000) as f64 > due
        },
    );
    env.redis.config_set("maxmemory-policy", "noeviction");
    env.redis.config_set("maxmemory", "1");

    let refused = |result: &Result<(), fleetq::runtime::error::BackendError>| {
        matches!(
            result,
            Err(fleetq::runtime::error::BackendError::OutOfMemory { .. })
        )
    };
    // an enqueue's first write grows memory, so it is refused whole
    let result = backend.enqueue("q", &[job("{}")]).await.map(|_| ());
    assert!(refused(&result), "{result:?}");
    let results = [
        backend
            .lease("q", &request(10, Duration::from_secs(30)), &[done(&held)])
            .await
            .into_result()
            .map(|_| ()),
        backend
            .fail(
                "q",
                &FailureReport {
                    id: failing.id.clone(),
                    token: failing.token.clone(),
                    error: "x".into(),
                    stderr: String::new(),
                    retry_delay: Some(Duration::from_secs(60)),
                    outputs: "{}".into(),
                },
            )
            .await
            .map(|_| ()),
    ];
    for result in &results {
        assert!(result.is_ok() || refused(result), "{result:?}");
    }
    assert_consistent(&env, "q");
    env.redis.config_set("maxmemory", "0");
    assert_consistent(&env, "q");
    let stats = backend.queue_stats("q").await.unwrap();
    assert_eq!(
        stats.pending + stats.delayed + stats.active + stats.done + stats.dead,
        4,
        "all four jobs are accounted for: {stats:?}"
    );
}

async fn acks_riding_with_a_lease_report_stale_ones(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    backend.enqueue("q", &[job("{}")]).await.unwrap();
    let held = lease_one(backend.as_ref(), "q", Duration::from_secs(30)).await;
    backend
        .cancel("q", std::slice::from_ref(&held.id))
        .await
        .unwrap();
    let reply = backend
        .lease("q", &request(1, Duration::from_secs(30)), &[done(&held)])
        .await;
    assert_eq!(
        reply.acks.unwrap().unwrap().stale,
        vec![held.id.clone()],
        "a cancelled job's ack is reported stale"
    );
    assert!(reply.batch.unwrap().jobs.is_empty());
}

#[tokio::test]
async fn a_failed_ack_never_hides_the_jobs_leased_with_it() {
    let env = TestEnv::new();
    // HINCRBY is only in the dequeue script's ack part: that half of the call fails alone
    let backend = backend_as(&env, "noack", "-hincrby").await;
    let setup = env.backend().await;
    setup.enqueue("q", &[job("{}"), job("{}")]).await.unwrap();
    let held = lease_one(setup.as_ref(), "q", Duration::from_secs(30)).await;
    let reply = backend
        .lease("q", &request(1, Duration::from_secs(30)), &[done(&held)])
        .await;
    // the script catches the refusal and passes on Redis's own words
    assert!(
        matches!(&reply.acks, Some(Err(BackendError::Server { detail, .. })) if detail.contains("can't run this command")),
        "the ack half failed: {:?}",
        reply.acks
    );
    let batch = reply.batch.expect("the lease half still answers");
    assert_eq!(batch.jobs.len(), 1, "the leased job reaches the worker");
}

/// Age retention does not wait for the next ack: a worker's sweep applies it, so an idle queue
/// forgets old done and dead jobs too, and says so in `trimmed` and in a `trimmed` event.
async fn an_idle_queue_trims_by_age_at_its_next_sweep(kind: Kind) {
    let env = TestEnv::new();
    let backend = env.backend_for(kind).await;
    let settings = QueueSettings {
        retain_for: Some(Duration::from_millis(50)),
        ..QueueSettings::default()
    };
    backend.configure("q", &settings).await.unwrap();
    let mut fatal = job("{}");
    fatal.max_attempts = Some(1);
    backend
        .enqueue("q", &[job("{}"), job("{}"), fatal])
        .await
        .unwrap();
    let batch = backend
        .lease("q", &request(3, Duration::from_secs(30)), &[])
        .await
        .into_result()
        .unwrap();
    let (to_fail, to_complete) = batch.jobs.split_last().unwrap();
    let completions: Vec<Completion> = to_complete.iter().map(done).collect();
    backend.complete("q", &completions).await.unwrap();
    let failure = FailureReport {
        id: to_fail.id.clone(),
        token: to_fail.token.clone(),
        error: "boom".to_string(),
        stderr: String::new(),
        retry_delay: None,
        outputs: String::new(),
    };
    assert_eq!(
        backend.fail("q", &failure).await.unwrap(),
        FailOutcome::Dead
    );
    let cursors = backend
        .event_cursors(&["q".to_string()], fleetq::runtime::job::now_ms())
        .await
        .unwrap();
    let finished = fleetq::runtime::job::now_ms();
    wait_until(
        "the jobs are older than the limit",
        Duration::from_secs(5),
        || fleetq::runtime::job::now_ms() > finished + 60,
    );
    reap_until(&*backend, "a sweep ran", |_| true).await;
    let stats = backend.queue_stats("q").await.unwrap();
    assert_eq!((stats.done, stats.dead, stats.trimmed), (2, 0, 3));
    assert_eq!(done_listed(backend.as_ref()).await, 0);
    let events = backend
        .read_events(&cursors, Duration::from_millis(100))
        .await
        .unwrap();
    let trimmed: Vec<&String> = events
        .iter()
        .filter(|event| event.kind == "trimmed")
        .filter_map(|event| event.fields.get("count"))
        .collect();
    assert_eq!(trimmed, vec!["3"], "{events:?}");
}

/// A backend connected as an ACL user allowed everything but `denied` (an ACL rule).
async fn backend_as(
    env: &TestEnv,
    user: &str,
    denied: &str,
) -> fleetq::runtime::redis::RedisBackend {
    redis::cmd("ACL")
        .arg(&["SETUSER", user, "on", ">pw", "~*", "&*", "+@all", denied])
        .query::<()>(&mut env.redis.connection())
        .unwrap();
    let url = format!(
        "redis+unix://{}?user={user}&pass=pw",
        env.redis.socket.display()
    );
    fleetq::runtime::redis::RedisBackend::connect(&url, "test", &env.connect_options())
        .await
        .unwrap()
}

/// Calls made through each path (`fcall` or `evalsha`), from the server's own counters.
fn script_calls(env: &TestEnv, command: &str) -> u64 {
    let info: String = redis::cmd("INFO")
        .arg("commandstats")
        .query(&mut env.redis.connection())
        .unwrap();
    info.lines()
        .find_map(|line| line.strip_prefix(&format!("cmdstat_{command}:calls=")))
        .and_then(|rest| rest.split(',').next())
        .map_or(0, |calls| calls.parse().unwrap())
}

/// Redis 7 runs the scripts as one function library; a server that lost it (a restart without
/// persistence, FUNCTION FLUSH) gets it again, and the call that found it missing runs once.
#[tokio::test]
async fn a_flushed_function_library_is_loaded_again() {
    let env = TestEnv::new();
    let backend = env.backend().await;
    backend.enqueue("q", &[job("{}"), job("{}")]).await.unwrap();
    let first = lease_one(backend.as_ref(), "q", Duration::from_secs(30)).await;
    redis::cmd("FUNCTION")
        .arg("FLUSH")
        .query::<()>(&mut env.redis.connection())
        .unwrap();
    let reply = backend
        .lease("q", &request(1, Duration::from_secs(30)), &[done(&first)])
        .await;
    assert_eq!(reply.acks.unwrap().unwrap().acked, 1);
    assert_eq!(reply.batch.unwrap().jobs.len(), 1);
    let libraries: redis::Value = redis::cmd("FUNCTION")
        .arg("LIST")
        .query(&mut env.redis.connection())
        .unwrap();
    assert!(
        matches!(&libraries, redis::Value::Array(list) if list.len() == 1),
        "{libraries:?}"
    );
    assert!(script_calls(&env, "fcall") >= 4);
    assert_eq!(script_calls(&env, "evalsha"), 0);
    assert_consistent(&env, "q");
}

/// A server that refuses FUNCTION LOAD (here an ACL without it; elsewhere a proxy or an older
/// server) gets the scripts through EVALSHA instead, and nothing else changes.
#[tokio::test]
async fn a_server_that_refuses_the_function_library_gets_the_scripts() {
    for (user, denied) in [("nofunctions", "-function"), ("nofcall", "-fcall")] {
        refused_functions_run_as_scripts(user, denied).await;
    }
}

async fn refused_functions_run_as_scripts(user: &str, denied: &str) {
    let env = TestEnv::new();
    let backend = backend_as(&env, user, denied).await;
    backend.enqueue("q", &[job("{}")]).await.unwrap();
    let leased = lease_one(&backend, "q", Duration::from_secs(30)).await;
    let acks = backend.complete("q", &[done(&leased)]).await.unwrap();
    assert_eq!(acks.acked, 1);
    assert!(script_calls(&env, "evalsha") >= 3);
    let libraries: redis::Value = redis::cmd("FUNCTION")
        .arg("LIST")
        .query(&mut env.redis.connection())
        .unwrap();
    assert!(
        matches!(&libraries, redis::Value::Array(list) if list.is_empty()),
        "{libraries:?}"
    );
}

/// Cleaning a session takes its done jobs out of the done index (a few, and more than eight,
/// which the Redis script removes in one pass), so an id used again later is not trimmed early
/// because of its first life.
async fn a_cleaned_session_leaves_nothing_in_the_done_index(kind: Kind) {
    for in_session in [2usize, 12] {
        let env = TestEnv::new();
        let backend = env.backend_for(kind).await;
        let mut jobs: Vec<NewJob> = (0..in_session)
            .map(|index| NewJob {
                id: format!("s-{index}"),
                session: Some("s".to_string()),
                ..job("{}")
            })
            .collect();
        jobs.push(job("{}"));
        jobs.push(job("{}"));
        backend.enqueue("q", &jobs).await.unwrap();
        let batch = backend
            .lease("q", &request(jobs.len(), Duration::from_secs(30)), &[])
            .await
            .into_result()
            .unwrap();
        let completions: Vec<Completion> = batch.jobs.iter().map(done).collect();
        backend.complete("q", &completions).await.unwrap();
        let ids: Vec<String> = jobs[..in_session]
            .iter()
            .map(|job| job.id.clone())
            .collect();
        let deleted = backend.clean_session("q", "s", &ids).await.unwrap();
        assert_eq!(deleted, in_session as u64);
        assert_eq!(done_listed(backend.as_ref()).await, 2);
        assert_consistent_on(&env, kind, "q");
        // the first id again, then one more job with room for three done jobs: the oldest
        // other job goes, the reused id stays
        run_one(
            backend.as_ref(),
            &NewJob {
                id: "s-0".to_string(),
                ..job("{}")
            },
        )
        .await;
        keep_done(backend.as_ref(), 3).await;
        run_one(backend.as_ref(), &job("{}")).await;
        let reused = backend.job("q", "s-0").await.unwrap();
        assert_eq!(
            reused.map(|job| job.state),
            Some(JobState::Done),
            "{in_session} cleaned: the reused id is still kept"
        );
        let listed = backend.list_jobs("q", JobState::Done, 10).await.unwrap();
        assert_eq!(listed.len(), 3, "{listed:?}");
        // newest first; two jobs finished in the same millisecond may be listed either way
        let finished: Vec<i64> = listed
            .iter()
            .map(|job| job.finished_at.unwrap_or(0))
            .collect();
        assert!(
            finished.windows(2).all(|pair| pair[0] >= pair[1]),
            "{listed:?}"
        );
        if finished[0] > finished[1] {
            assert_eq!(listed[1].id, "s-0", "newest first: {listed:?}");
        } else {
            assert!(listed[..2].iter().any(|job| job.id == "s-0"), "{listed:?}");
        }
        assert_eq!(backend.queue_stats("q").await.unwrap().trimmed, 1);
        assert_consistent_on(&env, kind, "q");
    }
}

/// Versions before the done list kept done jobs in a sorted set. After an upgrade, the jobs
/// it holds are listed after the newer ones and trimmed before them, until it is gone.
#[tokio::test]
async fn a_done_index_left_by_an_earlier_version_is_listed_and_trimmed_first() {
    let env = TestEnv::new();
    let backend = env.backend().await;
    let (old, _) = run_to_done(backend.as_ref(), 3).await;
    // move the three into the sorted set, as an earlier version would have left them
    let mut connection = env.redis.connection();
    let entries: Vec<String> =
        redis::Commands::lrange(&mut connection, env.key("q", "done:list"), 0, -1).unwrap();
    assert_eq!(entries.len(), 3);
    for entry in &entries {
        let (finished_at, id) = entry.split_once(' ').unwrap();
        let _: () = redis::Commands::zadd(
            &mut connection,
            env.key("q", "done"),
            id,
            finished_at.parse::<u64>().unwrap(),
        )
        .unwrap();
    }
    let _: () = redis::Commands::del(&mut connection, env.key("q", "done:list")).unwrap();
    assert_consistent(&env, "q");
    let (new, _) = run_to_done(backend.as_ref(), 2).await;
    let listed: Vec<String> = backend
        .list_jobs("q", JobState::Done, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|job| job.id)
        .collect();
    let ids = |jobs: &[NewJob]| -> Vec<String> {
        let mut ids: Vec<String> = jobs.iter().map(|job| job.id.clone()).collect();
        ids.sort();
        ids
    };
    let sorted = |slice: &[String]| {
        let mut slice = slice.to_vec();
        slice.sort();
        slice
    };
    assert_eq!(sorted(&listed[..2]), ids(&new), "the newer jobs first");
    assert_eq!(sorted(&listed[2..]), ids(&old));
    // room for four: one more done job makes six, and two of the older ones go
    keep_done(backend.as_ref(), 4).await;
    run_one(backend.as_ref(), &job("{}")).await;
    let legacy: u64 = redis::Commands::zcard(&mut connection, env.key("q", "done")).unwrap();
    assert_eq!(legacy, 1);
    for job in &new {
        assert!(backend.job("q", &job.id).await.unwrap().is_some());
    }
    assert_eq!(backend.queue_stats("q").await.unwrap().trimmed, 2);
    assert_consistent(&env, "q");
    // room for two: the last older job goes, then the oldest newer ones; the set is gone
    keep_done(backend.as_ref(), 2).await;
    run_one(backend.as_ref(), &job("{}")).await;
    let exists: bool = redis::Commands::exists(&mut connection, env.key("q", "done")).unwrap();
    assert!(!exists, "the older set drained");
    for job in old.iter().chain(&new) {
        assert!(backend.job("q", &job.id).await.unwrap().is_none());
    }
    assert_eq!(done_listed(backend.as_ref()).await, 2);
    assert_eq!(backend.queue_stats("q").await.unwrap().trimmed, 5);
    assert_consistent(&env, "q");
}

/// Since 0.3.0 a new job's hash leaves out the fields whose value is the default (priority,
/// attempts, max_attempts, timeout_ms, and run_at when it is created_at), to make enqueue
/// cheaper; 0.2.0 wrote every field and already read a missing one as its default. Every path
/// reads them as those defaults, so jobs written either way run alike. The strip below
/// removes whatever a writer of full hashes would have left.
/// A job stores only the settings that differ from their defaults: a plain job's hash is its
/// data, state and creation time, and a job with settings keeps exactly those, with the values
/// it was given.
#[tokio::test]
async fn a_job_hash_holds_only_the_fields_that_differ_from_their_defaults() {
    let env = TestEnv::new();
    let backend = env.backend().await;
    let plain = job("{}");
    let mut urgent = job(r#"{"urgent":true}"#);
    urgent.priority = 1;
    let mut bounded = job("{}");
    (bounded.max_attempts, bounded.timeout) = (Some(7), Some(Duration::from_millis(1500)));
    let mut later = job("{}");
    later.schedule = Schedule::In(Duration::from_secs(60));
    let mut tagged = job("{}");
    (tagged.unique_key, tagged.correlation_id) = (Some("u-1".into()), Some("c-1".into()));
    // one batch of mixed settings and one uniform batch of plain jobs: the script stores a
    // job per settings table, so both ways in must write the same fields
    let mixed = [
        urgent.clone(),
        bounded.clone(),
        later.clone(),
        tagged.clone(),
    ];
    backend.enqueue("q", &mixed).await.unwrap();
    backend
        .enqueue("q", &[plain.clone(), job("{}")])
        .await
        .unwrap();
    let mut connection = env.redis.connection();
    let mut stored = |id: &str| -> Vec<(String, String)> {
        let key = env.key("q", &format!("job:{id}"));
        let fields: std::collections::BTreeMap<String, String> =
            redis::Commands::hgetall(&mut connection, &key).unwrap();
        fields
            .into_iter()
            .filter(|(name, _)| name != "created_at")
            .collect()
    };
    let pairs = |expected: &[(&str, &str)]| -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = expected
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect();
        pairs.sort();
        pairs
    };
    assert_eq!(
        stored(&plain.id),
        pairs(&[("data", "{}"), ("state", "pending")])
    );
    assert_eq!(
        stored(&urgent.id),
        pairs(&[
            ("data", r#"{"urgent":true}"#),
            ("priority", "1"),
            ("state", "pending")
        ])
    );
    assert_eq!(
        stored(&bounded.id),
        pairs(&[
            ("data", "{}"),
            ("max_attempts", "7"),
            ("state", "pending"),
            ("timeout_ms", "1500")
        ])
    );
    let delayed = stored(&later.id);
    assert_eq!(
        delayed
            .iter()
            .map(|(name, _)| name.as_str())
            .collect::<Vec<_>>(),
        ["data", "run_at", "state"]
    );
    assert_eq!(delayed[2].1, "delayed");
    let record = backend.job("q", &later.id).await.unwrap().unwrap();
    assert!(record.run_at >= record.created_at + 60_000, "{record:?}");
    assert_eq!(
        stored(&tagged.id),
        pairs(&[
            ("correlation_id", "c-1"),
            ("data", "{}"),
            ("state", "pending"),
            ("unique_key", "u-1"),
            ("unique_until_done", "1")
        ])
    );
    // and each reads back with the settings it was given
    let record = backend.job("q", &bounded.id).await.unwrap().unwrap();
    assert_eq!((record.priority, record.max_attempts), (5, Some(7)));
    assert_eq!(record.timeout_ms, Some(1500));
    let record = backend.job("q", &urgent.id).await.unwrap().unwrap();
    assert_eq!((record.priority, record.attempts), (1, 0));
    assert_eq!(record.run_at, record.created_at);
    assert_consistent(&env, "q");
}

#[tokio::test]
async fn jobs_without_their_default_fields_read_and_run_as_those_defaults() {
    let env = TestEnv::new();
    let backend = env.backend().await;
    let jobs: Vec<NewJob> = (0..6).map(|n| job(&format!(r#"{{"n":{n}}}"#))).collect();
    let mut later = job(r#"{"later":true}"#);
    later.schedule = Schedule::In(Duration::from_millis(200));
    backend.enqueue("q", &jobs).await.unwrap();
    backend.enqueue("q", &[later.clone()]).await.unwrap();
    let mut connection = env.redis.connection();
    // leaves the job with just `kept` (what a writer of compact hashes stores), whichever
    // way this version wrote it
    let mut strip = |id: &str, fields: &[&str], kept: &[&str]| {
        let key = env.key("q", &format!("job:{id}"));
        let _: usize = redis::Commands::hdel(&mut connection, &key, fields).unwrap();
        let mut left: Vec<String> = redis::Commands::hkeys(&mut connection, &key).unwrap();
        left.sort();
        assert_eq!(left, kept, "job {id}");
    };
    let defaults = ["priority", "attempts", "max_attempts", "timeout_ms"];
    for new in &jobs {
        strip(
            &new.id,
            &[&defaults[..], &["run_at"]].concat(),
            &["created_at", "data", "state"],
        );
    }
    // a delayed job keeps run_at, the one field of these whose value is its own
    strip(
        &later.id,
        &defaults,
        &["created_at", "data", "run_at", "state"],
    );

    let record = backend.job("q", &jobs[0].id).await.unwrap().unwrap();
    assert_eq!(record.state, JobState::Pending);
    assert_eq!(
        (record.priority, record.attempts, record.max_attempts),
        (5, 0, None)
    );
    assert_eq!(record.timeout_ms, None);
    assert!(record.created_at > 0 && record.run_at == record.created_at);
    let listed = backend.list_jobs("q", JobState::Pending, 10).await.unwrap();
    assert_eq!(listed.len(), 6);
    for summary in &listed {
        assert_eq!((summary.priority, summary.attempts), (5, 0));
        assert!(summary.created_at > 0 && summary.run_at == summary.created_at);
    }
    let stats = backend.queue_stats("q").await.unwrap();
    assert_eq!((stats.pending, stats.delayed), (6, 1));
    assert!(stats.oldest_pending_age_ms.is_some(), "{stats:?}");

    // cancel finds the job in the default level's list, and retry puts it back there
    let cancelled = backend
        .cancel("q", std::slice::from_ref(&jobs[5].id))
        .await
        .unwrap();
    assert!(cancelled[0].changed);
    assert_eq!(backend.queue_stats("q").await.unwrap().pending, 5);
    let retried = backend
        .retry("q", std::slice::from_ref(&jobs[5].id))
        .await
        .unwrap();
    assert!(retried[0].changed && retried[0].state == "pending");

    let first = lease_one(backend.as_ref(), "q", Duration::from_secs(30)).await;
    assert_eq!(first.id, jobs[0].id);
    assert_eq!((first.attempts, first.max_attempts), (1, 3));
    assert_eq!((first.priority, first.timeout), (5, None));
    assert_eq!(first.run_at, first.created_at);
    assert_eq!(
        backend.complete("q", &[done(&first)]).await.unwrap().acked,
        1
    );

    // a failed attempt is counted and retried
    let second = lease_one(backend.as_ref(), "q", Duration::from_secs(30)).await;
    let failure = FailureReport {
        id: second.id.clone(),
        token: second.token.clone(),
        error: "boom".into(),
        stderr: String::new(),
        retry_delay: Some(Duration::ZERO),
        outputs: "{}".into(),
    };
    assert_eq!(
        backend.fail("q", &failure).await.unwrap(),
        FailOutcome::Retry
    );
    // an expired lease is retried by the reaper
    let expiring = lease_one(backend.as_ref(), "q", Duration::from_millis(50)).await;
    reap_until(backend.as_ref(), "the reaper retries the lease", |report| {
        report.retried == 1
    })
    .await;
    // a released job goes back to the front of its level without spending the attempt
    let held = lease_one(backend.as_ref(), "q", Duration::from_secs(30)).await;
    assert_eq!(backend.release("q", &[lease_of(&held)]).await.unwrap(), 1);
    let again = lease_one(backend.as_ref(), "q", Duration::from_secs(30)).await;
    assert_eq!(
        (again.id.as_str(), again.attempts),
        (held.id.as_str(), held.attempts)
    );
    assert_eq!(
        backend.complete("q", &[done(&again)]).await.unwrap().acked,
        1
    );

    // the rest, the delayed job too once due, run to done
    let mut attempts = std::collections::HashMap::new();
    attempts.insert(first.id.clone(), first.attempts);
    attempts.insert(again.id.clone(), again.attempts);
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while backend.queue_stats("q").await.unwrap().done < 7 {
        assert!(
            std::time::Instant::now() < deadline,
            "timed out waiting for every job to be done"
        );
        let batch = backend
            .lease("q", &request(10, Duration::from_secs(30)), &[])
            .await
            .into_result()
            .unwrap();
        if batch.jobs.is_empty() {
            // the delayed job is not due yet
            tokio::time::sleep(Duration::from_millis(20)).await;
            continue;
        }
        for leased in &batch.jobs {
            attempts.insert(leased.id.clone(), leased.attempts);
        }
        let completions: Vec<Completion> = batch.jobs.iter().map(done).collect();
        assert_eq!(
            backend.complete("q", &completions).await.unwrap().acked,
            completions.len() as u64
        );
    }
    assert_eq!(attempts.len(), 7);
    assert_eq!(attempts[&second.id], 2, "the failed attempt counted");
    assert_eq!(attempts[&expiring.id], 2, "the expired lease counted");
    assert_eq!(attempts[&later.id], 1);
    assert_consistent(&env, "q");
}
