//! `--metrics-addr`: a worker's `/metrics` (Prometheus text format) and `/healthz` (200 while
//! the backend answers and the worker is not shutting down, else 503).

use crate::runtime::error::Classified;
use crate::runtime::metrics::WorkerMetrics;
use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio_util::sync::CancellationToken;

/// Whether the worker is healthy right now.
pub type Health = Arc<dyn Fn() -> bool + Send + Sync>;

/// Binds the address (a taken or bad one is the flag's error), then serves until `stop`.
pub async fn serve(
    address: SocketAddr,
    metrics: Arc<WorkerMetrics>,
    healthy: Health,
    stop: CancellationToken,
) -> Result<tokio::task::JoinHandle<()>, Classified> {
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|error| {
            Classified::usage(format!("--metrics-addr {address}: cannot listen: {error}"))
                .with_hint("pick a free port, or another address this host owns")
        })?;
    let router = Router::new()
        .route(
            "/metrics",
            get(move || {
                let metrics = metrics.clone();
                async move {
                    (
                        [(
                            header::CONTENT_TYPE,
                            "application/openmetrics-text; version=1.0.0; charset=utf-8",
                        )],
                        metrics.encode(),
                    )
                }
            }),
        )
        .route(
            "/healthz",
            get(move || {
                let healthy = healthy.clone();
                async move {
                    if healthy() {
                        (StatusCode::OK, "ok\n").into_response()
                    } else {
                        (StatusCode::SERVICE_UNAVAILABLE, "unhealthy\n").into_response()
                    }
                }
            }),
        );
    tracing::info!(%address, "serving /metrics and /healthz");
    Ok(tokio::spawn(async move {
        let _ = axum::serve(listener, router)
            .with_graceful_shutdown(async move { stop.cancelled().await })
            .await;
    }))
}
