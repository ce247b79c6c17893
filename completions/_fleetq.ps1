
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'fleetq' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'fleetq'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'fleetq' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('enqueue', 'enqueue', [CompletionResultType]::ParameterValue, 'Add jobs to a queue: one from --data, or many from a JSONL --file')
            [CompletionResult]::new('worker', 'worker', [CompletionResultType]::ParameterValue, 'Run pipelines against their queues until stopped')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Queue counts, throughput, oldest pending job, workers')
            [CompletionResult]::new('jobs', 'jobs', [CompletionResultType]::ParameterValue, 'Inspect, cancel and retry jobs')
            [CompletionResult]::new('queues', 'queues', [CompletionResultType]::ParameterValue, 'List, pause, resume, purge and configure queues')
            [CompletionResult]::new('bench', 'bench', [CompletionResultType]::ParameterValue, 'Measure enqueue and end-to-end throughput against the configured backend')
            [CompletionResult]::new('dlq', 'dlq', [CompletionResultType]::ParameterValue, 'The dead-letter queue: list, show, retry, drain to a file, import, purge')
            [CompletionResult]::new('airgap', 'airgap', [CompletionResultType]::ParameterValue, 'Airgap on this host: status, force, release, and the spool key')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Push jobs spooled while Redis was unreachable to Redis')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'Sessions: named groups of jobs in a queue (one tenant''s import, one cron run)')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'What is happening: every queue''s state changes as they occur')
            [CompletionResult]::new('workers', 'workers', [CompletionResultType]::ParameterValue, 'The worker fleet: who is working on what')
            [CompletionResult]::new('pipeline', 'pipeline', [CompletionResultType]::ParameterValue, 'Check pipeline files and draw their steps, with no backend')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run one job through a pipeline in this process, with no queue or backend (for developing pipelines)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the backend''s settings a queue depends on: version, persistence, eviction, memory headroom, latency, clock skew (or the local store''s file and disk)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fleetq;enqueue' {
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Payload: JSON text, @file, or - for stdin')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Payload: JSON text, @file, or - for stdin')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Bulk mode: one JSON payload per line (- reads stdin)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Bulk mode: one JSON payload per line (- reads stdin)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, '0 (highest) to 9 (lowest)')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, '0 (highest) to 9 (lowest)')
            [CompletionResult]::new('--delay', '--delay', [CompletionResultType]::ParameterName, 'Run after this long (e.g. 30s, 5m)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Run at this time (RFC 3339, e.g. 2026-11-22T09:00:00Z)')
            [CompletionResult]::new('--unique-key', '--unique-key', [CompletionResultType]::ParameterName, 'Skip the job if another with this key exists (within --unique-ttl)')
            [CompletionResult]::new('--unique-ttl', '--unique-ttl', [CompletionResultType]::ParameterName, 'How long the unique key blocks duplicates [default: until the job finishes]')
            [CompletionResult]::new('--max-attempts', '--max-attempts', [CompletionResultType]::ParameterName, 'Attempts before the job goes dead [default: the pipeline''s retry.max_attempts]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Limit on the whole job''s run time [default: the pipeline''s timeout]')
            [CompletionResult]::new('--correlation-id', '--correlation-id', [CompletionResultType]::ParameterName, 'Free-form id carried into logs and the step context')
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'The session (a named group of jobs: one tenant''s import, one cron run) the jobs join')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Job id [default: a new UUID v7]; enqueueing an existing id reports a duplicate')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--envelope', '--envelope', [CompletionResultType]::ParameterName, 'With --file: each line is {"data": …} with its own optional "id", "session", "priority", "correlation_id" and "unique_key"')
            [CompletionResult]::new('--require-online', '--require-online', [CompletionResultType]::ParameterName, 'Fail (exit 5) instead of spooling when Redis is unreachable or airgap is forced')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;worker' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Jobs run at once per pipeline [default: the pipeline''s concurrency, else 10]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Jobs run at once per pipeline [default: the pipeline''s concurrency, else 10]')
            [CompletionResult]::new('--burst-wait', '--burst-wait', [CompletionResultType]::ParameterName, 'With --burst: once the queue runs dry, wait this long for delayed jobs and expiring leases of crashed workers that fall due, and run them')
            [CompletionResult]::new('--max-jobs', '--max-jobs', [CompletionResultType]::ParameterName, 'Stop after leasing this many jobs')
            [CompletionResult]::new('--max-runtime', '--max-runtime', [CompletionResultType]::ParameterName, 'Stop taking jobs after this long')
            [CompletionResult]::new('--shutdown-grace', '--shutdown-grace', [CompletionResultType]::ParameterName, 'On stop, how long in-flight jobs may finish before they are released')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'A label for `workers ls` (repeatable): --label zone=eu-1')
            [CompletionResult]::new('--metrics-addr', '--metrics-addr', [CompletionResultType]::ParameterName, 'Serve Prometheus /metrics and a /healthz probe here, e.g. 127.0.0.1:9464')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Consume this queue instead of the pipeline''s own (one pipeline only)')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--burst', '--burst', [CompletionResultType]::ParameterName, 'Exit 0 once nothing is ready (for cron)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;stats' {
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Redraw every DUR (with --output jsonl: one object per tick)')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;jobs' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Everything about one job: state, attempts, timings, lease, errors, data, outputs')
            [CompletionResult]::new('why', 'why', [CompletionResultType]::ParameterValue, 'Why a job is not done: its state, lease holder, errors, queue and workers, and what to do')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a queue''s jobs in one state')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel jobs that have not finished')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Run dead, cancelled or delayed jobs again now')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fleetq;jobs;show' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;jobs;why' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;jobs;ls' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Which jobs: next up for pending and delayed, newest first for the others')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Which jobs: next up for pending and delayed, newest first for the others')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Most jobs to show')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Most jobs to show')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only jobs that finished (or, retrying, last failed; else were created) within this long, e.g. 10m')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;jobs;cancel' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;jobs;retry' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;jobs;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Everything about one job: state, attempts, timings, lease, errors, data, outputs')
            [CompletionResult]::new('why', 'why', [CompletionResultType]::ParameterValue, 'Why a job is not done: its state, lease holder, errors, queue and workers, and what to do')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a queue''s jobs in one state')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel jobs that have not finished')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Run dead, cancelled or delayed jobs again now')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fleetq;jobs;help;show' {
            break
        }
        'fleetq;jobs;help;why' {
            break
        }
        'fleetq;jobs;help;ls' {
            break
        }
        'fleetq;jobs;help;cancel' {
            break
        }
        'fleetq;jobs;help;retry' {
            break
        }
        'fleetq;jobs;help;help' {
            break
        }
        'fleetq;queues' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Known queues with their main counts')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Stop handing out jobs (workers notice within a heartbeat); works before a queue''s first job')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Hand out jobs again')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete every job of a queue (settings stay)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a queue''s limits; works before a queue''s first job')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fleetq;queues;ls' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;queues;pause' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;queues;resume' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;queues;purge' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Confirm; purge deletes jobs for good')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;queues;set' {
            [CompletionResult]::new('--max-len', '--max-len', [CompletionResultType]::ParameterName, 'Reject enqueues past this many pending+delayed jobs (0 = no limit)')
            [CompletionResult]::new('--retain-done', '--retain-done', [CompletionResultType]::ParameterName, 'Done (and cancelled) jobs kept for inspection; older ones are trimmed (0 keeps none: each job is deleted as it is acked, the fastest setting)')
            [CompletionResult]::new('--retain-dead', '--retain-dead', [CompletionResultType]::ParameterName, 'Dead jobs kept in the dead-letter queue; the oldest past it are trimmed (0 = all)')
            [CompletionResult]::new('--retain-for', '--retain-for', [CompletionResultType]::ParameterName, 'Done and dead jobs older than this are trimmed (e.g. 7d; 0 = no age limit)')
            [CompletionResult]::new('--fair-sessions', '--fair-sessions', [CompletionResultType]::ParameterName, 'Take jobs round-robin across the queue''s sessions, so a big session cannot starve a small one (costs throughput; see the README)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Jobs started per unit of time across every worker of the queue (e.g. 50/s, 600/m; off removes it); held-back jobs wait without spending an attempt')
            [CompletionResult]::new('--max-inflight', '--max-inflight', [CompletionResultType]::ParameterName, 'Most jobs of the queue running at once across every worker (0 = no limit)')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;queues;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Known queues with their main counts')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Stop handing out jobs (workers notice within a heartbeat); works before a queue''s first job')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Hand out jobs again')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete every job of a queue (settings stay)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a queue''s limits; works before a queue''s first job')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fleetq;queues;help;ls' {
            break
        }
        'fleetq;queues;help;pause' {
            break
        }
        'fleetq;queues;help;resume' {
            break
        }
        'fleetq;queues;help;purge' {
            break
        }
        'fleetq;queues;help;set' {
            break
        }
        'fleetq;queues;help;help' {
            break
        }
        'fleetq;bench' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Jobs to enqueue and process')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Jobs to enqueue and process')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Worker concurrency')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Worker concurrency')
            [CompletionResult]::new('--latency-samples', '--latency-samples', [CompletionResultType]::ParameterName, 'Single jobs timed from enqueue to start on an idle worker')
            [CompletionResult]::new('--pipeline', '--pipeline', [CompletionResultType]::ParameterName, 'Bench this pipeline instead of one no-op step')
            [CompletionResult]::new('--sessions', '--sessions', [CompletionResultType]::ParameterName, 'Spread the jobs over this many sessions, in turn (0 = no sessions)')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'drain: fill the queue, then time the workers alone; e2e: start the workers, then time from the first enqueue to the last ack while a producer enqueues')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Run the workers as this many `fleetq worker` processes [default: one worker inside the bench process]')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Bench on this queue, which must hold no jobs (it is deleted afterwards) [default: a fresh bench-XXXXXXXX]; on a cluster the name picks the master')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--fair-sessions', '--fair-sessions', [CompletionResultType]::ParameterName, 'Run the bench queue with --fair-sessions on')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;dlq' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Dead jobs of a queue, oldest first: id, failed at, attempts, session, last error')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One dead job: its full error history, data and step outputs')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Move dead jobs back to pending with fresh attempts')
            [CompletionResult]::new('drain', 'drain', [CompletionResultType]::ParameterValue, 'Write dead jobs to a JSONL file (fsynced), then delete them; safe to rerun after a crash')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Enqueue the jobs of a drained file again, keeping their ids (duplicates are skipped)')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete dead jobs for good')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fleetq;dlq;ls' {
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'Only jobs of this session')
            [CompletionResult]::new('--error', '--error', [CompletionResultType]::ParameterName, 'Only jobs whose last error matches this regular expression')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only jobs that died within this long (e.g. 10m)')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only jobs that died longer ago than this')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Most jobs to show')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Most jobs to show')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;dlq;show' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;dlq;retry' {
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'Only jobs of this session')
            [CompletionResult]::new('--error', '--error', [CompletionResultType]::ParameterName, 'Only jobs whose last error matches this regular expression')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only jobs that died within this long (e.g. 10m)')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only jobs that died longer ago than this')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many jobs')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Retry at most this fast (50, 50/s, 3000/m), to spare what the jobs call')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every dead job the filters select')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Count what would be retried; change nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;dlq;drain' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The file to append the jobs to (created 0600)')
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'Only jobs of this session')
            [CompletionResult]::new('--error', '--error', [CompletionResultType]::ParameterName, 'Only jobs whose last error matches this regular expression')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only jobs that died within this long (e.g. 10m)')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only jobs that died longer ago than this')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many jobs')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Count what would be drained; write and delete nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;dlq;import' {
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Into this queue instead of each job''s own')
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'Into this session instead of each job''s own (a replay of a stopped session)')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;dlq;purge' {
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'Only jobs of this session')
            [CompletionResult]::new('--error', '--error', [CompletionResultType]::ParameterName, 'Only jobs whose last error matches this regular expression')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only jobs that died within this long (e.g. 10m)')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only jobs that died longer ago than this')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Confirm; purged jobs are gone')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Count what would be deleted; delete nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;dlq;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Dead jobs of a queue, oldest first: id, failed at, attempts, session, last error')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One dead job: its full error history, data and step outputs')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Move dead jobs back to pending with fresh attempts')
            [CompletionResult]::new('drain', 'drain', [CompletionResultType]::ParameterValue, 'Write dead jobs to a JSONL file (fsynced), then delete them; safe to rerun after a crash')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Enqueue the jobs of a drained file again, keeping their ids (duplicates are skipped)')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete dead jobs for good')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fleetq;dlq;help;ls' {
            break
        }
        'fleetq;dlq;help;show' {
            break
        }
        'fleetq;dlq;help;retry' {
            break
        }
        'fleetq;dlq;help;drain' {
            break
        }
        'fleetq;dlq;help;import' {
            break
        }
        'fleetq;dlq;help;purge' {
            break
        }
        'fleetq;dlq;help;help' {
            break
        }
        'fleetq;airgap' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Connected, airgapped, forced or recovering; spooled jobs; last probe and sync')
            [CompletionResult]::new('force', 'force', [CompletionResultType]::ParameterValue, 'Spool every enqueue on this host until `fleetq airgap release`')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Clear a forced airgap; enqueues go to Redis again')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Write a new random spool key to FILE (created 0600, never overwritten)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fleetq;airgap;status' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;airgap;force' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, shown by `fleetq airgap status`')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;airgap;release' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;airgap;keygen' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;airgap;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Connected, airgapped, forced or recovering; spooled jobs; last probe and sync')
            [CompletionResult]::new('force', 'force', [CompletionResultType]::ParameterValue, 'Spool every enqueue on this host until `fleetq airgap release`')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Clear a forced airgap; enqueues go to Redis again')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Write a new random spool key to FILE (created 0600, never overwritten)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fleetq;airgap;help;status' {
            break
        }
        'fleetq;airgap;help;force' {
            break
        }
        'fleetq;airgap;help;release' {
            break
        }
        'fleetq;airgap;help;keygen' {
            break
        }
        'fleetq;airgap;help;help' {
            break
        }
        'fleetq;sync' {
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Jobs per push')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Report what would be pushed; change nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;sessions' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Sessions with their status and job counts, most recently active first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One session: counts per queue, throughput, the oldest pending job, recent errors')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Refuse new jobs, cancel waiting ones, and stop running ones at their next heartbeat')
            [CompletionResult]::new('clean', 'clean', [CompletionResultType]::ParameterValue, 'Delete sessions and all their jobs: one by name, every stopped one, or idle ones')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fleetq;sessions;ls' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;sessions;show' {
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Only in this queue [default: every queue that has it]')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;sessions;stop' {
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Only in this queue [default: every queue that has it]')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;sessions;clean' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Every session with no activity for this long')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Only in this queue [default: every queue]')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--all-stopped', '--all-stopped', [CompletionResultType]::ParameterName, 'Every stopped session')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;sessions;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Sessions with their status and job counts, most recently active first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One session: counts per queue, throughput, the oldest pending job, recent errors')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Refuse new jobs, cancel waiting ones, and stop running ones at their next heartbeat')
            [CompletionResult]::new('clean', 'clean', [CompletionResultType]::ParameterValue, 'Delete sessions and all their jobs: one by name, every stopped one, or idle ones')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fleetq;sessions;help;ls' {
            break
        }
        'fleetq;sessions;help;show' {
            break
        }
        'fleetq;sessions;help;stop' {
            break
        }
        'fleetq;sessions;help;clean' {
            break
        }
        'fleetq;sessions;help;help' {
            break
        }
        'fleetq;events' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Follow events as they happen (Ctrl-C stops): enqueued, started, completed, retried, dead, cancelled, trimmed, paused, resumed, worker_online, worker_offline, session_stopped')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fleetq;events;tail' {
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'Only events of this session: its jobs enqueued, started, completed, retried, dead; its stop')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only events of this type (repeatable)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Start this far back instead of now (e.g. 10m)')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;events;help' {
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Follow events as they happen (Ctrl-C stops): enqueued, started, completed, retried, dead, cancelled, trimmed, paused, resumed, worker_online, worker_offline, session_stopped')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fleetq;events;help;tail' {
            break
        }
        'fleetq;events;help;help' {
            break
        }
        'fleetq;workers' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Registered workers: host, pid, queues, concurrency, in flight, labels, last beat')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Take no new jobs (in-flight ones finish); heartbeats go on')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Take jobs again')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Finish in-flight jobs, then exit')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fleetq;workers;ls' {
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Only workers serving this queue')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Only workers with this label (repeatable; all must match)')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;workers;pause' {
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Every live worker serving this queue')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every live worker')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;workers;resume' {
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Every live worker serving this queue')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every live worker')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;workers;stop' {
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Every live worker serving this queue')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every live worker')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;workers;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Registered workers: host, pid, queues, concurrency, in flight, labels, last beat')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Take no new jobs (in-flight ones finish); heartbeats go on')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Take jobs again')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Finish in-flight jobs, then exit')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fleetq;workers;help;ls' {
            break
        }
        'fleetq;workers;help;pause' {
            break
        }
        'fleetq;workers;help;resume' {
            break
        }
        'fleetq;workers;help;stop' {
            break
        }
        'fleetq;workers;help;help' {
            break
        }
        'fleetq;pipeline' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check pipeline files: every invalid one is reported as FILE:LINE:COLUMN (exit 2)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Draw a pipeline''s steps as a tree (or its parsed form with --output json)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fleetq;pipeline;validate' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;pipeline;show' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;pipeline;help' {
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check pipeline files: every invalid one is reported as FILE:LINE:COLUMN (exit 2)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Draw a pipeline''s steps as a tree (or its parsed form with --output json)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fleetq;pipeline;help;validate' {
            break
        }
        'fleetq;pipeline;help;show' {
            break
        }
        'fleetq;pipeline;help;help' {
            break
        }
        'fleetq;run' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'The job''s payload: JSON, @FILE, or - for stdin [default: {}]')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;doctor' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;completions' {
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Namespace for every key [default: fleetq]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour stderr')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--tls-ca-file', '--tls-ca-file', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to trust for rediss:// instead of the public web roots')
            [CompletionResult]::new('--tls-cert-file', '--tls-cert-file', [CompletionResultType]::ParameterName, 'Client certificate (PEM) for servers that require mutual TLS')
            [CompletionResult]::new('--tls-key-file', '--tls-key-file', [CompletionResultType]::ParameterName, 'Client private key (PEM) for mutual TLS')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr; no status lines or progress bars')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log detail (-v debug, -vv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fleetq;help' {
            [CompletionResult]::new('enqueue', 'enqueue', [CompletionResultType]::ParameterValue, 'Add jobs to a queue: one from --data, or many from a JSONL --file')
            [CompletionResult]::new('worker', 'worker', [CompletionResultType]::ParameterValue, 'Run pipelines against their queues until stopped')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Queue counts, throughput, oldest pending job, workers')
            [CompletionResult]::new('jobs', 'jobs', [CompletionResultType]::ParameterValue, 'Inspect, cancel and retry jobs')
            [CompletionResult]::new('queues', 'queues', [CompletionResultType]::ParameterValue, 'List, pause, resume, purge and configure queues')
            [CompletionResult]::new('bench', 'bench', [CompletionResultType]::ParameterValue, 'Measure enqueue and end-to-end throughput against the configured backend')
            [CompletionResult]::new('dlq', 'dlq', [CompletionResultType]::ParameterValue, 'The dead-letter queue: list, show, retry, drain to a file, import, purge')
            [CompletionResult]::new('airgap', 'airgap', [CompletionResultType]::ParameterValue, 'Airgap on this host: status, force, release, and the spool key')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Push jobs spooled while Redis was unreachable to Redis')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'Sessions: named groups of jobs in a queue (one tenant''s import, one cron run)')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'What is happening: every queue''s state changes as they occur')
            [CompletionResult]::new('workers', 'workers', [CompletionResultType]::ParameterValue, 'The worker fleet: who is working on what')
            [CompletionResult]::new('pipeline', 'pipeline', [CompletionResultType]::ParameterValue, 'Check pipeline files and draw their steps, with no backend')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run one job through a pipeline in this process, with no queue or backend (for developing pipelines)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the backend''s settings a queue depends on: version, persistence, eviction, memory headroom, latency, clock skew (or the local store''s file and disk)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fleetq;help;enqueue' {
            break
        }
        'fleetq;help;worker' {
            break
        }
        'fleetq;help;stats' {
            break
        }
        'fleetq;help;jobs' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Everything about one job: state, attempts, timings, lease, errors, data, outputs')
            [CompletionResult]::new('why', 'why', [CompletionResultType]::ParameterValue, 'Why a job is not done: its state, lease holder, errors, queue and workers, and what to do')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a queue''s jobs in one state')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel jobs that have not finished')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Run dead, cancelled or delayed jobs again now')
            break
        }
        'fleetq;help;jobs;show' {
            break
        }
        'fleetq;help;jobs;why' {
            break
        }
        'fleetq;help;jobs;ls' {
            break
        }
        'fleetq;help;jobs;cancel' {
            break
        }
        'fleetq;help;jobs;retry' {
            break
        }
        'fleetq;help;queues' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Known queues with their main counts')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Stop handing out jobs (workers notice within a heartbeat); works before a queue''s first job')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Hand out jobs again')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete every job of a queue (settings stay)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a queue''s limits; works before a queue''s first job')
            break
        }
        'fleetq;help;queues;ls' {
            break
        }
        'fleetq;help;queues;pause' {
            break
        }
        'fleetq;help;queues;resume' {
            break
        }
        'fleetq;help;queues;purge' {
            break
        }
        'fleetq;help;queues;set' {
            break
        }
        'fleetq;help;bench' {
            break
        }
        'fleetq;help;dlq' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Dead jobs of a queue, oldest first: id, failed at, attempts, session, last error')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One dead job: its full error history, data and step outputs')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Move dead jobs back to pending with fresh attempts')
            [CompletionResult]::new('drain', 'drain', [CompletionResultType]::ParameterValue, 'Write dead jobs to a JSONL file (fsynced), then delete them; safe to rerun after a crash')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Enqueue the jobs of a drained file again, keeping their ids (duplicates are skipped)')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete dead jobs for good')
            break
        }
        'fleetq;help;dlq;ls' {
            break
        }
        'fleetq;help;dlq;show' {
            break
        }
        'fleetq;help;dlq;retry' {
            break
        }
        'fleetq;help;dlq;drain' {
            break
        }
        'fleetq;help;dlq;import' {
            break
        }
        'fleetq;help;dlq;purge' {
            break
        }
        'fleetq;help;airgap' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Connected, airgapped, forced or recovering; spooled jobs; last probe and sync')
            [CompletionResult]::new('force', 'force', [CompletionResultType]::ParameterValue, 'Spool every enqueue on this host until `fleetq airgap release`')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Clear a forced airgap; enqueues go to Redis again')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Write a new random spool key to FILE (created 0600, never overwritten)')
            break
        }
        'fleetq;help;airgap;status' {
            break
        }
        'fleetq;help;airgap;force' {
            break
        }
        'fleetq;help;airgap;release' {
            break
        }
        'fleetq;help;airgap;keygen' {
            break
        }
        'fleetq;help;sync' {
            break
        }
        'fleetq;help;sessions' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Sessions with their status and job counts, most recently active first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One session: counts per queue, throughput, the oldest pending job, recent errors')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Refuse new jobs, cancel waiting ones, and stop running ones at their next heartbeat')
            [CompletionResult]::new('clean', 'clean', [CompletionResultType]::ParameterValue, 'Delete sessions and all their jobs: one by name, every stopped one, or idle ones')
            break
        }
        'fleetq;help;sessions;ls' {
            break
        }
        'fleetq;help;sessions;show' {
            break
        }
        'fleetq;help;sessions;stop' {
            break
        }
        'fleetq;help;sessions;clean' {
            break
        }
        'fleetq;help;events' {
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Follow events as they happen (Ctrl-C stops): enqueued, started, completed, retried, dead, cancelled, trimmed, paused, resumed, worker_online, worker_offline, session_stopped')
            break
        }
        'fleetq;help;events;tail' {
            break
        }
        'fleetq;help;workers' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Registered workers: host, pid, queues, concurrency, in flight, labels, last beat')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Take no new jobs (in-flight ones finish); heartbeats go on')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Take jobs again')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Finish in-flight jobs, then exit')
            break
        }
        'fleetq;help;workers;ls' {
            break
        }
        'fleetq;help;workers;pause' {
            break
        }
        'fleetq;help;workers;resume' {
            break
        }
        'fleetq;help;workers;stop' {
            break
        }
        'fleetq;help;pipeline' {
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check pipeline files: every invalid one is reported as FILE:LINE:COLUMN (exit 2)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Draw a pipeline''s steps as a tree (or its parsed form with --output json)')
            break
        }
        'fleetq;help;pipeline;validate' {
            break
        }
        'fleetq;help;pipeline;show' {
            break
        }
        'fleetq;help;run' {
            break
        }
        'fleetq;help;doctor' {
            break
        }
        'fleetq;help;completions' {
            break
        }
        'fleetq;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
