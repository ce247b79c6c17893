
use builtin;
use str;

set edit:completion:arg-completer[fleetq] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'fleetq'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'fleetq'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand enqueue 'Add jobs to a queue: one from --data, or many from a JSONL --file'
            cand worker 'Run pipelines against their queues until stopped'
            cand stats 'Queue counts, throughput, oldest pending job, workers'
            cand jobs 'Inspect, cancel and retry jobs'
            cand queues 'List, pause, resume, purge and configure queues'
            cand bench 'Measure enqueue and end-to-end throughput against the configured backend'
            cand dlq 'The dead-letter queue: list, show, retry, drain to a file, import, purge'
            cand airgap 'Airgap on this host: status, force, release, and the spool key'
            cand sync 'Push jobs spooled while Redis was unreachable to Redis'
            cand sessions 'Sessions: named groups of jobs in a queue (one tenant''s import, one cron run)'
            cand events 'What is happening: every queue''s state changes as they occur'
            cand workers 'The worker fleet: who is working on what'
            cand pipeline 'Check pipeline files and draw their steps, with no backend'
            cand run 'Run one job through a pipeline in this process, with no queue or backend (for developing pipelines)'
            cand doctor 'Check the backend''s settings a queue depends on: version, persistence, eviction, memory headroom, latency, clock skew (or the local store''s file and disk)'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fleetq;enqueue'= {
            cand -d 'Payload: JSON text, @file, or - for stdin'
            cand --data 'Payload: JSON text, @file, or - for stdin'
            cand -f 'Bulk mode: one JSON payload per line (- reads stdin)'
            cand --file 'Bulk mode: one JSON payload per line (- reads stdin)'
            cand -p '0 (highest) to 9 (lowest)'
            cand --priority '0 (highest) to 9 (lowest)'
            cand --delay 'Run after this long (e.g. 30s, 5m)'
            cand --at 'Run at this time (RFC 3339, e.g. 2026-11-22T09:00:00Z)'
            cand --unique-key 'Skip the job if another with this key exists (within --unique-ttl)'
            cand --unique-ttl 'How long the unique key blocks duplicates [default: until the job finishes]'
            cand --max-attempts 'Attempts before the job goes dead [default: the pipeline''s retry.max_attempts]'
            cand --timeout 'Limit on the whole job''s run time [default: the pipeline''s timeout]'
            cand --correlation-id 'Free-form id carried into logs and the step context'
            cand --session 'The session (a named group of jobs: one tenant''s import, one cron run) the jobs join'
            cand --id 'Job id [default: a new UUID v7]; enqueueing an existing id reports a duplicate'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --envelope 'With --file: each line is {"data": …} with its own optional "id", "session", "priority", "correlation_id" and "unique_key"'
            cand --require-online 'Fail (exit 5) instead of spooling when Redis is unreachable or airgap is forced'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;worker'= {
            cand -c 'Jobs run at once per pipeline [default: the pipeline''s concurrency, else 10]'
            cand --concurrency 'Jobs run at once per pipeline [default: the pipeline''s concurrency, else 10]'
            cand --burst-wait 'With --burst: once the queue runs dry, wait this long for delayed jobs and expiring leases of crashed workers that fall due, and run them'
            cand --max-jobs 'Stop after leasing this many jobs'
            cand --max-runtime 'Stop taking jobs after this long'
            cand --shutdown-grace 'On stop, how long in-flight jobs may finish before they are released'
            cand --label 'A label for `workers ls` (repeatable): --label zone=eu-1'
            cand --metrics-addr 'Serve Prometheus /metrics and a /healthz probe here, e.g. 127.0.0.1:9464'
            cand --queue 'Consume this queue instead of the pipeline''s own (one pipeline only)'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --burst 'Exit 0 once nothing is ready (for cron)'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;stats'= {
            cand --watch 'Redraw every DUR (with --output jsonl: one object per tick)'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;jobs'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Everything about one job: state, attempts, timings, lease, errors, data, outputs'
            cand why 'Why a job is not done: its state, lease holder, errors, queue and workers, and what to do'
            cand ls 'List a queue''s jobs in one state'
            cand cancel 'Cancel jobs that have not finished'
            cand retry 'Run dead, cancelled or delayed jobs again now'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fleetq;jobs;show'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;jobs;why'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;jobs;ls'= {
            cand -s 'Which jobs: next up for pending and delayed, newest first for the others'
            cand --state 'Which jobs: next up for pending and delayed, newest first for the others'
            cand -n 'Most jobs to show'
            cand --limit 'Most jobs to show'
            cand --since 'Only jobs that finished (or, retrying, last failed; else were created) within this long, e.g. 10m'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;jobs;cancel'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;jobs;retry'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;jobs;help'= {
            cand show 'Everything about one job: state, attempts, timings, lease, errors, data, outputs'
            cand why 'Why a job is not done: its state, lease holder, errors, queue and workers, and what to do'
            cand ls 'List a queue''s jobs in one state'
            cand cancel 'Cancel jobs that have not finished'
            cand retry 'Run dead, cancelled or delayed jobs again now'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fleetq;jobs;help;show'= {
        }
        &'fleetq;jobs;help;why'= {
        }
        &'fleetq;jobs;help;ls'= {
        }
        &'fleetq;jobs;help;cancel'= {
        }
        &'fleetq;jobs;help;retry'= {
        }
        &'fleetq;jobs;help;help'= {
        }
        &'fleetq;queues'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ls 'Known queues with their main counts'
            cand pause 'Stop handing out jobs (workers notice within a heartbeat); works before a queue''s first job'
            cand resume 'Hand out jobs again'
            cand purge 'Delete every job of a queue (settings stay)'
            cand set 'Change a queue''s limits; works before a queue''s first job'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fleetq;queues;ls'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;queues;pause'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;queues;resume'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;queues;purge'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --yes 'Confirm; purge deletes jobs for good'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;queues;set'= {
            cand --max-len 'Reject enqueues past this many pending+delayed jobs (0 = no limit)'
            cand --retain-done 'Done (and cancelled) jobs kept for inspection; older ones are trimmed (0 keeps none: each job is deleted as it is acked, the fastest setting)'
            cand --retain-dead 'Dead jobs kept in the dead-letter queue; the oldest past it are trimmed (0 = all)'
            cand --retain-for 'Done and dead jobs older than this are trimmed (e.g. 7d; 0 = no age limit)'
            cand --fair-sessions 'Take jobs round-robin across the queue''s sessions, so a big session cannot starve a small one (costs throughput; see the README)'
            cand --rate 'Jobs started per unit of time across every worker of the queue (e.g. 50/s, 600/m; off removes it); held-back jobs wait without spending an attempt'
            cand --max-inflight 'Most jobs of the queue running at once across every worker (0 = no limit)'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;queues;help'= {
            cand ls 'Known queues with their main counts'
            cand pause 'Stop handing out jobs (workers notice within a heartbeat); works before a queue''s first job'
            cand resume 'Hand out jobs again'
            cand purge 'Delete every job of a queue (settings stay)'
            cand set 'Change a queue''s limits; works before a queue''s first job'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fleetq;queues;help;ls'= {
        }
        &'fleetq;queues;help;pause'= {
        }
        &'fleetq;queues;help;resume'= {
        }
        &'fleetq;queues;help;purge'= {
        }
        &'fleetq;queues;help;set'= {
        }
        &'fleetq;queues;help;help'= {
        }
        &'fleetq;bench'= {
            cand -n 'Jobs to enqueue and process'
            cand --jobs 'Jobs to enqueue and process'
            cand -c 'Worker concurrency'
            cand --concurrency 'Worker concurrency'
            cand --latency-samples 'Single jobs timed from enqueue to start on an idle worker'
            cand --pipeline 'Bench this pipeline instead of one no-op step'
            cand --sessions 'Spread the jobs over this many sessions, in turn (0 = no sessions)'
            cand --mode 'drain: fill the queue, then time the workers alone; e2e: start the workers, then time from the first enqueue to the last ack while a producer enqueues'
            cand --workers 'Run the workers as this many `fleetq worker` processes [default: one worker inside the bench process]'
            cand --queue 'Bench on this queue, which must hold no jobs (it is deleted afterwards) [default: a fresh bench-XXXXXXXX]; on a cluster the name picks the master'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --fair-sessions 'Run the bench queue with --fair-sessions on'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;dlq'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ls 'Dead jobs of a queue, oldest first: id, failed at, attempts, session, last error'
            cand show 'One dead job: its full error history, data and step outputs'
            cand retry 'Move dead jobs back to pending with fresh attempts'
            cand drain 'Write dead jobs to a JSONL file (fsynced), then delete them; safe to rerun after a crash'
            cand import 'Enqueue the jobs of a drained file again, keeping their ids (duplicates are skipped)'
            cand purge 'Delete dead jobs for good'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fleetq;dlq;ls'= {
            cand --session 'Only jobs of this session'
            cand --error 'Only jobs whose last error matches this regular expression'
            cand --since 'Only jobs that died within this long (e.g. 10m)'
            cand --older-than 'Only jobs that died longer ago than this'
            cand -n 'Most jobs to show'
            cand --limit 'Most jobs to show'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;dlq;show'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;dlq;retry'= {
            cand --session 'Only jobs of this session'
            cand --error 'Only jobs whose last error matches this regular expression'
            cand --since 'Only jobs that died within this long (e.g. 10m)'
            cand --older-than 'Only jobs that died longer ago than this'
            cand --limit 'At most this many jobs'
            cand --rate 'Retry at most this fast (50, 50/s, 3000/m), to spare what the jobs call'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --all 'Every dead job the filters select'
            cand --dry-run 'Count what would be retried; change nothing'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;dlq;drain'= {
            cand --to 'The file to append the jobs to (created 0600)'
            cand --session 'Only jobs of this session'
            cand --error 'Only jobs whose last error matches this regular expression'
            cand --since 'Only jobs that died within this long (e.g. 10m)'
            cand --older-than 'Only jobs that died longer ago than this'
            cand --limit 'At most this many jobs'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --dry-run 'Count what would be drained; write and delete nothing'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;dlq;import'= {
            cand --queue 'Into this queue instead of each job''s own'
            cand --session 'Into this session instead of each job''s own (a replay of a stopped session)'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;dlq;purge'= {
            cand --session 'Only jobs of this session'
            cand --error 'Only jobs whose last error matches this regular expression'
            cand --since 'Only jobs that died within this long (e.g. 10m)'
            cand --older-than 'Only jobs that died longer ago than this'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --yes 'Confirm; purged jobs are gone'
            cand --dry-run 'Count what would be deleted; delete nothing'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;dlq;help'= {
            cand ls 'Dead jobs of a queue, oldest first: id, failed at, attempts, session, last error'
            cand show 'One dead job: its full error history, data and step outputs'
            cand retry 'Move dead jobs back to pending with fresh attempts'
            cand drain 'Write dead jobs to a JSONL file (fsynced), then delete them; safe to rerun after a crash'
            cand import 'Enqueue the jobs of a drained file again, keeping their ids (duplicates are skipped)'
            cand purge 'Delete dead jobs for good'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fleetq;dlq;help;ls'= {
        }
        &'fleetq;dlq;help;show'= {
        }
        &'fleetq;dlq;help;retry'= {
        }
        &'fleetq;dlq;help;drain'= {
        }
        &'fleetq;dlq;help;import'= {
        }
        &'fleetq;dlq;help;purge'= {
        }
        &'fleetq;dlq;help;help'= {
        }
        &'fleetq;airgap'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand status 'Connected, airgapped, forced or recovering; spooled jobs; last probe and sync'
            cand force 'Spool every enqueue on this host until `fleetq airgap release`'
            cand release 'Clear a forced airgap; enqueues go to Redis again'
            cand keygen 'Write a new random spool key to FILE (created 0600, never overwritten)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fleetq;airgap;status'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;airgap;force'= {
            cand --reason 'Why, shown by `fleetq airgap status`'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;airgap;release'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;airgap;keygen'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;airgap;help'= {
            cand status 'Connected, airgapped, forced or recovering; spooled jobs; last probe and sync'
            cand force 'Spool every enqueue on this host until `fleetq airgap release`'
            cand release 'Clear a forced airgap; enqueues go to Redis again'
            cand keygen 'Write a new random spool key to FILE (created 0600, never overwritten)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fleetq;airgap;help;status'= {
        }
        &'fleetq;airgap;help;force'= {
        }
        &'fleetq;airgap;help;release'= {
        }
        &'fleetq;airgap;help;keygen'= {
        }
        &'fleetq;airgap;help;help'= {
        }
        &'fleetq;sync'= {
            cand --batch 'Jobs per push'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --dry-run 'Report what would be pushed; change nothing'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;sessions'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ls 'Sessions with their status and job counts, most recently active first'
            cand show 'One session: counts per queue, throughput, the oldest pending job, recent errors'
            cand stop 'Refuse new jobs, cancel waiting ones, and stop running ones at their next heartbeat'
            cand clean 'Delete sessions and all their jobs: one by name, every stopped one, or idle ones'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fleetq;sessions;ls'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;sessions;show'= {
            cand --queue 'Only in this queue [default: every queue that has it]'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;sessions;stop'= {
            cand --queue 'Only in this queue [default: every queue that has it]'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;sessions;clean'= {
            cand --older-than 'Every session with no activity for this long'
            cand --queue 'Only in this queue [default: every queue]'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --all-stopped 'Every stopped session'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;sessions;help'= {
            cand ls 'Sessions with their status and job counts, most recently active first'
            cand show 'One session: counts per queue, throughput, the oldest pending job, recent errors'
            cand stop 'Refuse new jobs, cancel waiting ones, and stop running ones at their next heartbeat'
            cand clean 'Delete sessions and all their jobs: one by name, every stopped one, or idle ones'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fleetq;sessions;help;ls'= {
        }
        &'fleetq;sessions;help;show'= {
        }
        &'fleetq;sessions;help;stop'= {
        }
        &'fleetq;sessions;help;clean'= {
        }
        &'fleetq;sessions;help;help'= {
        }
        &'fleetq;events'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand tail 'Follow events as they happen (Ctrl-C stops): enqueued, started, completed, retried, dead, cancelled, trimmed, paused, resumed, worker_online, worker_offline, session_stopped'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fleetq;events;tail'= {
            cand --session 'Only events of this session: its jobs enqueued, started, completed, retried, dead; its stop'
            cand --type 'Only events of this type (repeatable)'
            cand --since 'Start this far back instead of now (e.g. 10m)'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;events;help'= {
            cand tail 'Follow events as they happen (Ctrl-C stops): enqueued, started, completed, retried, dead, cancelled, trimmed, paused, resumed, worker_online, worker_offline, session_stopped'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fleetq;events;help;tail'= {
        }
        &'fleetq;events;help;help'= {
        }
        &'fleetq;workers'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ls 'Registered workers: host, pid, queues, concurrency, in flight, labels, last beat'
            cand pause 'Take no new jobs (in-flight ones finish); heartbeats go on'
            cand resume 'Take jobs again'
            cand stop 'Finish in-flight jobs, then exit'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fleetq;workers;ls'= {
            cand --queue 'Only workers serving this queue'
            cand --label 'Only workers with this label (repeatable; all must match)'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;workers;pause'= {
            cand --queue 'Every live worker serving this queue'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --all 'Every live worker'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;workers;resume'= {
            cand --queue 'Every live worker serving this queue'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --all 'Every live worker'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;workers;stop'= {
            cand --queue 'Every live worker serving this queue'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --all 'Every live worker'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;workers;help'= {
            cand ls 'Registered workers: host, pid, queues, concurrency, in flight, labels, last beat'
            cand pause 'Take no new jobs (in-flight ones finish); heartbeats go on'
            cand resume 'Take jobs again'
            cand stop 'Finish in-flight jobs, then exit'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fleetq;workers;help;ls'= {
        }
        &'fleetq;workers;help;pause'= {
        }
        &'fleetq;workers;help;resume'= {
        }
        &'fleetq;workers;help;stop'= {
        }
        &'fleetq;workers;help;help'= {
        }
        &'fleetq;pipeline'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand validate 'Check pipeline files: every invalid one is reported as FILE:LINE:COLUMN (exit 2)'
            cand show 'Draw a pipeline''s steps as a tree (or its parsed form with --output json)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fleetq;pipeline;validate'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;pipeline;show'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;pipeline;help'= {
            cand validate 'Check pipeline files: every invalid one is reported as FILE:LINE:COLUMN (exit 2)'
            cand show 'Draw a pipeline''s steps as a tree (or its parsed form with --output json)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fleetq;pipeline;help;validate'= {
        }
        &'fleetq;pipeline;help;show'= {
        }
        &'fleetq;pipeline;help;help'= {
        }
        &'fleetq;run'= {
            cand --data 'The job''s payload: JSON, @FILE, or - for stdin [default: {}]'
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;doctor'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;completions'= {
            cand --backend 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]'
            cand --prefix 'Namespace for every key [default: fleetq]'
            cand --config 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to colour stderr'
            cand --log-format 'Log line format on stderr'
            cand --tls-ca-file 'CA certificate (PEM) to trust for rediss:// instead of the public web roots'
            cand --tls-cert-file 'Client certificate (PEM) for servers that require mutual TLS'
            cand --tls-key-file 'Client private key (PEM) for mutual TLS'
            cand --json 'Short for --output json'
            cand -q 'Only errors on stderr; no status lines or progress bars'
            cand --quiet 'Only errors on stderr; no status lines or progress bars'
            cand -v 'More log detail (-v debug, -vv trace)'
            cand --verbose 'More log detail (-v debug, -vv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fleetq;help'= {
            cand enqueue 'Add jobs to a queue: one from --data, or many from a JSONL --file'
            cand worker 'Run pipelines against their queues until stopped'
            cand stats 'Queue counts, throughput, oldest pending job, workers'
            cand jobs 'Inspect, cancel and retry jobs'
            cand queues 'List, pause, resume, purge and configure queues'
            cand bench 'Measure enqueue and end-to-end throughput against the configured backend'
            cand dlq 'The dead-letter queue: list, show, retry, drain to a file, import, purge'
            cand airgap 'Airgap on this host: status, force, release, and the spool key'
            cand sync 'Push jobs spooled while Redis was unreachable to Redis'
            cand sessions 'Sessions: named groups of jobs in a queue (one tenant''s import, one cron run)'
            cand events 'What is happening: every queue''s state changes as they occur'
            cand workers 'The worker fleet: who is working on what'
            cand pipeline 'Check pipeline files and draw their steps, with no backend'
            cand run 'Run one job through a pipeline in this process, with no queue or backend (for developing pipelines)'
            cand doctor 'Check the backend''s settings a queue depends on: version, persistence, eviction, memory headroom, latency, clock skew (or the local store''s file and disk)'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fleetq;help;enqueue'= {
        }
        &'fleetq;help;worker'= {
        }
        &'fleetq;help;stats'= {
        }
        &'fleetq;help;jobs'= {
            cand show 'Everything about one job: state, attempts, timings, lease, errors, data, outputs'
            cand why 'Why a job is not done: its state, lease holder, errors, queue and workers, and what to do'
            cand ls 'List a queue''s jobs in one state'
            cand cancel 'Cancel jobs that have not finished'
            cand retry 'Run dead, cancelled or delayed jobs again now'
        }
        &'fleetq;help;jobs;show'= {
        }
        &'fleetq;help;jobs;why'= {
        }
        &'fleetq;help;jobs;ls'= {
        }
        &'fleetq;help;jobs;cancel'= {
        }
        &'fleetq;help;jobs;retry'= {
        }
        &'fleetq;help;queues'= {
            cand ls 'Known queues with their main counts'
            cand pause 'Stop handing out jobs (workers notice within a heartbeat); works before a queue''s first job'
            cand resume 'Hand out jobs again'
            cand purge 'Delete every job of a queue (settings stay)'
            cand set 'Change a queue''s limits; works before a queue''s first job'
        }
        &'fleetq;help;queues;ls'= {
        }
        &'fleetq;help;queues;pause'= {
        }
        &'fleetq;help;queues;resume'= {
        }
        &'fleetq;help;queues;purge'= {
        }
        &'fleetq;help;queues;set'= {
        }
        &'fleetq;help;bench'= {
        }
        &'fleetq;help;dlq'= {
            cand ls 'Dead jobs of a queue, oldest first: id, failed at, attempts, session, last error'
            cand show 'One dead job: its full error history, data and step outputs'
            cand retry 'Move dead jobs back to pending with fresh attempts'
            cand drain 'Write dead jobs to a JSONL file (fsynced), then delete them; safe to rerun after a crash'
            cand import 'Enqueue the jobs of a drained file again, keeping their ids (duplicates are skipped)'
            cand purge 'Delete dead jobs for good'
        }
        &'fleetq;help;dlq;ls'= {
        }
        &'fleetq;help;dlq;show'= {
        }
        &'fleetq;help;dlq;retry'= {
        }
        &'fleetq;help;dlq;drain'= {
        }
        &'fleetq;help;dlq;import'= {
        }
        &'fleetq;help;dlq;purge'= {
        }
        &'fleetq;help;airgap'= {
            cand status 'Connected, airgapped, forced or recovering; spooled jobs; last probe and sync'
            cand force 'Spool every enqueue on this host until `fleetq airgap release`'
            cand release 'Clear a forced airgap; enqueues go to Redis again'
            cand keygen 'Write a new random spool key to FILE (created 0600, never overwritten)'
        }
        &'fleetq;help;airgap;status'= {
        }
        &'fleetq;help;airgap;force'= {
        }
        &'fleetq;help;airgap;release'= {
        }
        &'fleetq;help;airgap;keygen'= {
        }
        &'fleetq;help;sync'= {
        }
        &'fleetq;help;sessions'= {
            cand ls 'Sessions with their status and job counts, most recently active first'
            cand show 'One session: counts per queue, throughput, the oldest pending job, recent errors'
            cand stop 'Refuse new jobs, cancel waiting ones, and stop running ones at their next heartbeat'
            cand clean 'Delete sessions and all their jobs: one by name, every stopped one, or idle ones'
        }
        &'fleetq;help;sessions;ls'= {
        }
        &'fleetq;help;sessions;show'= {
        }
        &'fleetq;help;sessions;stop'= {
        }
        &'fleetq;help;sessions;clean'= {
        }
        &'fleetq;help;events'= {
            cand tail 'Follow events as they happen (Ctrl-C stops): enqueued, started, completed, retried, dead, cancelled, trimmed, paused, resumed, worker_online, worker_offline, session_stopped'
        }
        &'fleetq;help;events;tail'= {
        }
        &'fleetq;help;workers'= {
            cand ls 'Registered workers: host, pid, queues, concurrency, in flight, labels, last beat'
            cand pause 'Take no new jobs (in-flight ones finish); heartbeats go on'
            cand resume 'Take jobs again'
            cand stop 'Finish in-flight jobs, then exit'
        }
        &'fleetq;help;workers;ls'= {
        }
        &'fleetq;help;workers;pause'= {
        }
        &'fleetq;help;workers;resume'= {
        }
        &'fleetq;help;workers;stop'= {
        }
        &'fleetq;help;pipeline'= {
            cand validate 'Check pipeline files: every invalid one is reported as FILE:LINE:COLUMN (exit 2)'
            cand show 'Draw a pipeline''s steps as a tree (or its parsed form with --output json)'
        }
        &'fleetq;help;pipeline;validate'= {
        }
        &'fleetq;help;pipeline;show'= {
        }
        &'fleetq;help;run'= {
        }
        &'fleetq;help;doctor'= {
        }
        &'fleetq;help;completions'= {
        }
        &'fleetq;help;help'= {
        }
    ]
    $completions[$command]
}
