# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_fleetq_global_optspecs
    string join \n backend= prefix= config= o/output= json q/quiet v/verbose color= log-format= tls-ca-file= tls-cert-file= tls-key-file= h/help V/version
end

function __fish_fleetq_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_fleetq_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_fleetq_using_subcommand
    set -l cmd (__fish_fleetq_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c fleetq -n "__fish_fleetq_needs_command" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_needs_command" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_needs_command" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_needs_command" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_needs_command" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_needs_command" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_needs_command" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_needs_command" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_needs_command" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_needs_command" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_needs_command" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_needs_command" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_needs_command" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_needs_command" -f -a "enqueue" -d 'Add jobs to a queue: one from --data, or many from a JSONL --file'
complete -c fleetq -n "__fish_fleetq_needs_command" -f -a "worker" -d 'Run pipelines against their queues until stopped'
complete -c fleetq -n "__fish_fleetq_needs_command" -f -a "stats" -d 'Queue counts, throughput, oldest pending job, workers'
complete -c fleetq -n "__fish_fleetq_needs_command" -f -a "jobs" -d 'Inspect, cancel and retry jobs'
complete -c fleetq -n "__fish_fleetq_needs_command" -f -a "queues" -d 'List, pause, resume, purge and configure queues'
complete -c fleetq -n "__fish_fleetq_needs_command" -f -a "bench" -d 'Measure enqueue and end-to-end throughput against the configured backend'
complete -c fleetq -n "__fish_fleetq_needs_command" -f -a "dlq" -d 'The dead-letter queue: list, show, retry, drain to a file, import, purge'
complete -c fleetq -n "__fish_fleetq_needs_command" -f -a "airgap" -d 'Airgap on this host: status, force, release, and the spool key'
complete -c fleetq -n "__fish_fleetq_needs_command" -f -a "sync" -d 'Push jobs spooled while Redis was unreachable to Redis'
complete -c fleetq -n "__fish_fleetq_needs_command" -f -a "sessions" -d 'Sessions: named groups of jobs in a queue (one tenant\'s import, one cron run)'
complete -c fleetq -n "__fish_fleetq_needs_command" -f -a "events" -d 'What is happening: every queue\'s state changes as they occur'
complete -c fleetq -n "__fish_fleetq_needs_command" -f -a "workers" -d 'The worker fleet: who is working on what'
complete -c fleetq -n "__fish_fleetq_needs_command" -f -a "pipeline" -d 'Check pipeline files and draw their steps, with no backend'
complete -c fleetq -n "__fish_fleetq_needs_command" -f -a "run" -d 'Run one job through a pipeline in this process, with no queue or backend (for developing pipelines)'
complete -c fleetq -n "__fish_fleetq_needs_command" -f -a "doctor" -d 'Check the backend\'s settings a queue depends on: version, persistence, eviction, memory headroom, latency, clock skew (or the local store\'s file and disk)'
complete -c fleetq -n "__fish_fleetq_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c fleetq -n "__fish_fleetq_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -s d -l data -d 'Payload: JSON text, @file, or - for stdin' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -s f -l file -d 'Bulk mode: one JSON payload per line (- reads stdin)' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -s p -l priority -d '0 (highest) to 9 (lowest)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -l delay -d 'Run after this long (e.g. 30s, 5m)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -l at -d 'Run at this time (RFC 3339, e.g. 2026-11-22T09:00:00Z)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -l unique-key -d 'Skip the job if another with this key exists (within --unique-ttl)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -l unique-ttl -d 'How long the unique key blocks duplicates [default: until the job finishes]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -l max-attempts -d 'Attempts before the job goes dead [default: the pipeline\'s retry.max_attempts]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -l timeout -d 'Limit on the whole job\'s run time [default: the pipeline\'s timeout]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -l correlation-id -d 'Free-form id carried into logs and the step context' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -l session -d 'The session (a named group of jobs: one tenant\'s import, one cron run) the jobs join' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -l id -d 'Job id [default: a new UUID v7]; enqueueing an existing id reports a duplicate' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -l envelope -d 'With --file: each line is {"data": …} with its own optional "id", "session", "priority", "correlation_id" and "unique_key"'
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -l require-online -d 'Fail (exit 5) instead of spooling when Redis is unreachable or airgap is forced'
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand enqueue" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -s c -l concurrency -d 'Jobs run at once per pipeline [default: the pipeline\'s concurrency, else 10]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -l burst-wait -d 'With --burst: once the queue runs dry, wait this long for delayed jobs and expiring leases of crashed workers that fall due, and run them' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -l max-jobs -d 'Stop after leasing this many jobs' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -l max-runtime -d 'Stop taking jobs after this long' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -l shutdown-grace -d 'On stop, how long in-flight jobs may finish before they are released' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -l label -d 'A label for `workers ls` (repeatable): --label zone=eu-1' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -l metrics-addr -d 'Serve Prometheus /metrics and a /healthz probe here, e.g. 127.0.0.1:9464' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -l queue -d 'Consume this queue instead of the pipeline\'s own (one pipeline only)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -l burst -d 'Exit 0 once nothing is ready (for cron)'
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand worker" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand stats" -l watch -d 'Redraw every DUR (with --output jsonl: one object per tick)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand stats" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand stats" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand stats" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand stats" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand stats" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand stats" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand stats" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand stats" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand stats" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand stats" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand stats" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand stats" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand stats" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and not __fish_seen_subcommand_from show why ls cancel retry help" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and not __fish_seen_subcommand_from show why ls cancel retry help" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and not __fish_seen_subcommand_from show why ls cancel retry help" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and not __fish_seen_subcommand_from show why ls cancel retry help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and not __fish_seen_subcommand_from show why ls cancel retry help" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and not __fish_seen_subcommand_from show why ls cancel retry help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and not __fish_seen_subcommand_from show why ls cancel retry help" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and not __fish_seen_subcommand_from show why ls cancel retry help" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and not __fish_seen_subcommand_from show why ls cancel retry help" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and not __fish_seen_subcommand_from show why ls cancel retry help" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and not __fish_seen_subcommand_from show why ls cancel retry help" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and not __fish_seen_subcommand_from show why ls cancel retry help" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and not __fish_seen_subcommand_from show why ls cancel retry help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and not __fish_seen_subcommand_from show why ls cancel retry help" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and not __fish_seen_subcommand_from show why ls cancel retry help" -f -a "show" -d 'Everything about one job: state, attempts, timings, lease, errors, data, outputs'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and not __fish_seen_subcommand_from show why ls cancel retry help" -f -a "why" -d 'Why a job is not done: its state, lease holder, errors, queue and workers, and what to do'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and not __fish_seen_subcommand_from show why ls cancel retry help" -f -a "ls" -d 'List a queue\'s jobs in one state'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and not __fish_seen_subcommand_from show why ls cancel retry help" -f -a "cancel" -d 'Cancel jobs that have not finished'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and not __fish_seen_subcommand_from show why ls cancel retry help" -f -a "retry" -d 'Run dead, cancelled or delayed jobs again now'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and not __fish_seen_subcommand_from show why ls cancel retry help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from show" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from show" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from show" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from show" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from show" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from show" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from show" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from show" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from why" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from why" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from why" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from why" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from why" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from why" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from why" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from why" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from why" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from why" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from why" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from why" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from why" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from why" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from ls" -s s -l state -d 'Which jobs: next up for pending and delayed, newest first for the others' -r -f -a "pending\t''
delayed\t''
active\t''
done\t''
dead\t''
cancelled\t''
retrying\t'Delayed after a failure, waiting out the retry backoff'"
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from ls" -s n -l limit -d 'Most jobs to show' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from ls" -l since -d 'Only jobs that finished (or, retrying, last failed; else were created) within this long, e.g. 10m' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from ls" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from ls" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from ls" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from ls" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from ls" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from ls" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from ls" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from ls" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from ls" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from retry" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from retry" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from retry" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from retry" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from retry" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "show" -d 'Everything about one job: state, attempts, timings, lease, errors, data, outputs'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "why" -d 'Why a job is not done: its state, lease holder, errors, queue and workers, and what to do'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List a queue\'s jobs in one state'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Cancel jobs that have not finished'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "retry" -d 'Run dead, cancelled or delayed jobs again now'
complete -c fleetq -n "__fish_fleetq_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and not __fish_seen_subcommand_from ls pause resume purge set help" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and not __fish_seen_subcommand_from ls pause resume purge set help" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and not __fish_seen_subcommand_from ls pause resume purge set help" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and not __fish_seen_subcommand_from ls pause resume purge set help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and not __fish_seen_subcommand_from ls pause resume purge set help" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and not __fish_seen_subcommand_from ls pause resume purge set help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and not __fish_seen_subcommand_from ls pause resume purge set help" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and not __fish_seen_subcommand_from ls pause resume purge set help" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and not __fish_seen_subcommand_from ls pause resume purge set help" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and not __fish_seen_subcommand_from ls pause resume purge set help" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and not __fish_seen_subcommand_from ls pause resume purge set help" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and not __fish_seen_subcommand_from ls pause resume purge set help" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and not __fish_seen_subcommand_from ls pause resume purge set help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and not __fish_seen_subcommand_from ls pause resume purge set help" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and not __fish_seen_subcommand_from ls pause resume purge set help" -f -a "ls" -d 'Known queues with their main counts'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and not __fish_seen_subcommand_from ls pause resume purge set help" -f -a "pause" -d 'Stop handing out jobs (workers notice within a heartbeat); works before a queue\'s first job'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and not __fish_seen_subcommand_from ls pause resume purge set help" -f -a "resume" -d 'Hand out jobs again'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and not __fish_seen_subcommand_from ls pause resume purge set help" -f -a "purge" -d 'Delete every job of a queue (settings stay)'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and not __fish_seen_subcommand_from ls pause resume purge set help" -f -a "set" -d 'Change a queue\'s limits; works before a queue\'s first job'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and not __fish_seen_subcommand_from ls pause resume purge set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from ls" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from ls" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from ls" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from ls" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from ls" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from ls" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from ls" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from ls" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from ls" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from pause" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from pause" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from pause" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from pause" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from pause" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from pause" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from pause" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from pause" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from pause" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from pause" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from pause" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from pause" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from resume" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from resume" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from resume" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from resume" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from resume" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from resume" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from resume" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from resume" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from resume" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from resume" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from resume" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from resume" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from resume" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from purge" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from purge" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from purge" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from purge" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from purge" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from purge" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from purge" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from purge" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from purge" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from purge" -l yes -d 'Confirm; purge deletes jobs for good'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from purge" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from purge" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from purge" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from purge" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from purge" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -l max-len -d 'Reject enqueues past this many pending+delayed jobs (0 = no limit)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -l retain-done -d 'Done (and cancelled) jobs kept for inspection; older ones are trimmed (0 keeps none: each job is deleted as it is acked, the fastest setting)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -l retain-dead -d 'Dead jobs kept in the dead-letter queue; the oldest past it are trimmed (0 = all)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -l retain-for -d 'Done and dead jobs older than this are trimmed (e.g. 7d; 0 = no age limit)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -l fair-sessions -d 'Take jobs round-robin across the queue\'s sessions, so a big session cannot starve a small one (costs throughput; see the README)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -l rate -d 'Jobs started per unit of time across every worker of the queue (e.g. 50/s, 600/m; off removes it); held-back jobs wait without spending an attempt' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -l max-inflight -d 'Most jobs of the queue running at once across every worker (0 = no limit)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from help" -f -a "ls" -d 'Known queues with their main counts'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Stop handing out jobs (workers notice within a heartbeat); works before a queue\'s first job'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Hand out jobs again'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from help" -f -a "purge" -d 'Delete every job of a queue (settings stay)'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change a queue\'s limits; works before a queue\'s first job'
complete -c fleetq -n "__fish_fleetq_using_subcommand queues; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -s n -l jobs -d 'Jobs to enqueue and process' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -s c -l concurrency -d 'Worker concurrency' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -l latency-samples -d 'Single jobs timed from enqueue to start on an idle worker' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -l pipeline -d 'Bench this pipeline instead of one no-op step' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -l sessions -d 'Spread the jobs over this many sessions, in turn (0 = no sessions)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -l mode -d 'drain: fill the queue, then time the workers alone; e2e: start the workers, then time from the first enqueue to the last ack while a producer enqueues' -r -f -a "drain\t''
e2e\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -l workers -d 'Run the workers as this many `fleetq worker` processes [default: one worker inside the bench process]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -l queue -d 'Bench on this queue, which must hold no jobs (it is deleted afterwards) [default: a fresh bench-XXXXXXXX]; on a cluster the name picks the master' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -l fair-sessions -d 'Run the bench queue with --fair-sessions on'
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand bench" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -f -a "ls" -d 'Dead jobs of a queue, oldest first: id, failed at, attempts, session, last error'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -f -a "show" -d 'One dead job: its full error history, data and step outputs'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -f -a "retry" -d 'Move dead jobs back to pending with fresh attempts'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -f -a "drain" -d 'Write dead jobs to a JSONL file (fsynced), then delete them; safe to rerun after a crash'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -f -a "import" -d 'Enqueue the jobs of a drained file again, keeping their ids (duplicates are skipped)'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -f -a "purge" -d 'Delete dead jobs for good'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and not __fish_seen_subcommand_from ls show retry drain import purge help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from ls" -l session -d 'Only jobs of this session' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from ls" -l error -d 'Only jobs whose last error matches this regular expression' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from ls" -l since -d 'Only jobs that died within this long (e.g. 10m)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from ls" -l older-than -d 'Only jobs that died longer ago than this' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from ls" -s n -l limit -d 'Most jobs to show' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from ls" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from ls" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from ls" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from ls" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from ls" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from ls" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from ls" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from ls" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from ls" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from show" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from show" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from show" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from show" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from show" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from show" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from show" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from show" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -l session -d 'Only jobs of this session' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -l error -d 'Only jobs whose last error matches this regular expression' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -l since -d 'Only jobs that died within this long (e.g. 10m)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -l older-than -d 'Only jobs that died longer ago than this' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -l limit -d 'At most this many jobs' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -l rate -d 'Retry at most this fast (50, 50/s, 3000/m), to spare what the jobs call' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -l all -d 'Every dead job the filters select'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -l dry-run -d 'Count what would be retried; change nothing'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from retry" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l to -d 'The file to append the jobs to (created 0600)' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l session -d 'Only jobs of this session' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l error -d 'Only jobs whose last error matches this regular expression' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l since -d 'Only jobs that died within this long (e.g. 10m)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l older-than -d 'Only jobs that died longer ago than this' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l limit -d 'At most this many jobs' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l dry-run -d 'Count what would be drained; write and delete nothing'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from import" -l queue -d 'Into this queue instead of each job\'s own' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from import" -l session -d 'Into this session instead of each job\'s own (a replay of a stopped session)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from import" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from import" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from import" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from import" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from import" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from import" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from import" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from import" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from import" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from import" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from import" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l session -d 'Only jobs of this session' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l error -d 'Only jobs whose last error matches this regular expression' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l since -d 'Only jobs that died within this long (e.g. 10m)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l older-than -d 'Only jobs that died longer ago than this' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from purge" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l yes -d 'Confirm; purged jobs are gone'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l dry-run -d 'Count what would be deleted; delete nothing'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from purge" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from purge" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from purge" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from purge" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "ls" -d 'Dead jobs of a queue, oldest first: id, failed at, attempts, session, last error'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "show" -d 'One dead job: its full error history, data and step outputs'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "retry" -d 'Move dead jobs back to pending with fresh attempts'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "drain" -d 'Write dead jobs to a JSONL file (fsynced), then delete them; safe to rerun after a crash'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "import" -d 'Enqueue the jobs of a drained file again, keeping their ids (duplicates are skipped)'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "purge" -d 'Delete dead jobs for good'
complete -c fleetq -n "__fish_fleetq_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and not __fish_seen_subcommand_from status force release keygen help" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and not __fish_seen_subcommand_from status force release keygen help" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and not __fish_seen_subcommand_from status force release keygen help" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and not __fish_seen_subcommand_from status force release keygen help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and not __fish_seen_subcommand_from status force release keygen help" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and not __fish_seen_subcommand_from status force release keygen help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and not __fish_seen_subcommand_from status force release keygen help" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and not __fish_seen_subcommand_from status force release keygen help" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and not __fish_seen_subcommand_from status force release keygen help" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and not __fish_seen_subcommand_from status force release keygen help" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and not __fish_seen_subcommand_from status force release keygen help" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and not __fish_seen_subcommand_from status force release keygen help" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and not __fish_seen_subcommand_from status force release keygen help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and not __fish_seen_subcommand_from status force release keygen help" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and not __fish_seen_subcommand_from status force release keygen help" -f -a "status" -d 'Connected, airgapped, forced or recovering; spooled jobs; last probe and sync'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and not __fish_seen_subcommand_from status force release keygen help" -f -a "force" -d 'Spool every enqueue on this host until `fleetq airgap release`'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and not __fish_seen_subcommand_from status force release keygen help" -f -a "release" -d 'Clear a forced airgap; enqueues go to Redis again'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and not __fish_seen_subcommand_from status force release keygen help" -f -a "keygen" -d 'Write a new random spool key to FILE (created 0600, never overwritten)'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and not __fish_seen_subcommand_from status force release keygen help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from status" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from status" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from status" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from status" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from status" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from status" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from status" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from status" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from status" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from force" -l reason -d 'Why, shown by `fleetq airgap status`' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from force" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from force" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from force" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from force" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from force" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from force" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from force" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from force" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from force" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from force" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from force" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from force" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from force" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from force" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from release" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from release" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from release" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from release" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from release" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from release" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from release" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from release" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from release" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from release" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from release" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from release" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from release" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from release" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from keygen" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from keygen" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from keygen" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from keygen" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from keygen" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from keygen" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from keygen" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from keygen" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from keygen" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from keygen" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from keygen" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from keygen" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from keygen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from keygen" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from help" -f -a "status" -d 'Connected, airgapped, forced or recovering; spooled jobs; last probe and sync'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from help" -f -a "force" -d 'Spool every enqueue on this host until `fleetq airgap release`'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from help" -f -a "release" -d 'Clear a forced airgap; enqueues go to Redis again'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from help" -f -a "keygen" -d 'Write a new random spool key to FILE (created 0600, never overwritten)'
complete -c fleetq -n "__fish_fleetq_using_subcommand airgap; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fleetq -n "__fish_fleetq_using_subcommand sync" -l batch -d 'Jobs per push' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand sync" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand sync" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand sync" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sync" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand sync" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand sync" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand sync" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sync" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sync" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sync" -l dry-run -d 'Report what would be pushed; change nothing'
complete -c fleetq -n "__fish_fleetq_using_subcommand sync" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand sync" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand sync" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand sync" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and not __fish_seen_subcommand_from ls show stop clean help" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and not __fish_seen_subcommand_from ls show stop clean help" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and not __fish_seen_subcommand_from ls show stop clean help" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and not __fish_seen_subcommand_from ls show stop clean help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and not __fish_seen_subcommand_from ls show stop clean help" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and not __fish_seen_subcommand_from ls show stop clean help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and not __fish_seen_subcommand_from ls show stop clean help" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and not __fish_seen_subcommand_from ls show stop clean help" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and not __fish_seen_subcommand_from ls show stop clean help" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and not __fish_seen_subcommand_from ls show stop clean help" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and not __fish_seen_subcommand_from ls show stop clean help" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and not __fish_seen_subcommand_from ls show stop clean help" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and not __fish_seen_subcommand_from ls show stop clean help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and not __fish_seen_subcommand_from ls show stop clean help" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and not __fish_seen_subcommand_from ls show stop clean help" -f -a "ls" -d 'Sessions with their status and job counts, most recently active first'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and not __fish_seen_subcommand_from ls show stop clean help" -f -a "show" -d 'One session: counts per queue, throughput, the oldest pending job, recent errors'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and not __fish_seen_subcommand_from ls show stop clean help" -f -a "stop" -d 'Refuse new jobs, cancel waiting ones, and stop running ones at their next heartbeat'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and not __fish_seen_subcommand_from ls show stop clean help" -f -a "clean" -d 'Delete sessions and all their jobs: one by name, every stopped one, or idle ones'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and not __fish_seen_subcommand_from ls show stop clean help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from show" -l queue -d 'Only in this queue [default: every queue that has it]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from show" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from show" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from show" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from show" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from show" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from show" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from show" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from show" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from stop" -l queue -d 'Only in this queue [default: every queue that has it]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from stop" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from stop" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from stop" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from stop" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from stop" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from stop" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from stop" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from stop" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from stop" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from stop" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from stop" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from stop" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from clean" -l older-than -d 'Every session with no activity for this long' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from clean" -l queue -d 'Only in this queue [default: every queue]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from clean" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from clean" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from clean" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from clean" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from clean" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from clean" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from clean" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from clean" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from clean" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from clean" -l all-stopped -d 'Every stopped session'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from clean" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from clean" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from clean" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from clean" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from clean" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "ls" -d 'Sessions with their status and job counts, most recently active first'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "show" -d 'One session: counts per queue, throughput, the oldest pending job, recent errors'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Refuse new jobs, cancel waiting ones, and stop running ones at their next heartbeat'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "clean" -d 'Delete sessions and all their jobs: one by name, every stopped one, or idle ones'
complete -c fleetq -n "__fish_fleetq_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and not __fish_seen_subcommand_from tail help" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and not __fish_seen_subcommand_from tail help" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and not __fish_seen_subcommand_from tail help" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and not __fish_seen_subcommand_from tail help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and not __fish_seen_subcommand_from tail help" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and not __fish_seen_subcommand_from tail help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and not __fish_seen_subcommand_from tail help" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and not __fish_seen_subcommand_from tail help" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and not __fish_seen_subcommand_from tail help" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and not __fish_seen_subcommand_from tail help" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and not __fish_seen_subcommand_from tail help" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and not __fish_seen_subcommand_from tail help" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and not __fish_seen_subcommand_from tail help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and not __fish_seen_subcommand_from tail help" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and not __fish_seen_subcommand_from tail help" -f -a "tail" -d 'Follow events as they happen (Ctrl-C stops): enqueued, started, completed, retried, dead, cancelled, trimmed, paused, resumed, worker_online, worker_offline, session_stopped'
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and not __fish_seen_subcommand_from tail help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and __fish_seen_subcommand_from tail" -l session -d 'Only events of this session: its jobs enqueued, started, completed, retried, dead; its stop' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and __fish_seen_subcommand_from tail" -l type -d 'Only events of this type (repeatable)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and __fish_seen_subcommand_from tail" -l since -d 'Start this far back instead of now (e.g. 10m)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and __fish_seen_subcommand_from tail" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and __fish_seen_subcommand_from tail" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and __fish_seen_subcommand_from tail" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and __fish_seen_subcommand_from tail" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and __fish_seen_subcommand_from tail" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and __fish_seen_subcommand_from tail" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and __fish_seen_subcommand_from tail" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and __fish_seen_subcommand_from tail" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and __fish_seen_subcommand_from tail" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and __fish_seen_subcommand_from tail" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and __fish_seen_subcommand_from tail" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and __fish_seen_subcommand_from tail" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and __fish_seen_subcommand_from tail" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and __fish_seen_subcommand_from tail" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "tail" -d 'Follow events as they happen (Ctrl-C stops): enqueued, started, completed, retried, dead, cancelled, trimmed, paused, resumed, worker_online, worker_offline, session_stopped'
complete -c fleetq -n "__fish_fleetq_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and not __fish_seen_subcommand_from ls pause resume stop help" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and not __fish_seen_subcommand_from ls pause resume stop help" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and not __fish_seen_subcommand_from ls pause resume stop help" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and not __fish_seen_subcommand_from ls pause resume stop help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and not __fish_seen_subcommand_from ls pause resume stop help" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and not __fish_seen_subcommand_from ls pause resume stop help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and not __fish_seen_subcommand_from ls pause resume stop help" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and not __fish_seen_subcommand_from ls pause resume stop help" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and not __fish_seen_subcommand_from ls pause resume stop help" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and not __fish_seen_subcommand_from ls pause resume stop help" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and not __fish_seen_subcommand_from ls pause resume stop help" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and not __fish_seen_subcommand_from ls pause resume stop help" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and not __fish_seen_subcommand_from ls pause resume stop help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and not __fish_seen_subcommand_from ls pause resume stop help" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and not __fish_seen_subcommand_from ls pause resume stop help" -f -a "ls" -d 'Registered workers: host, pid, queues, concurrency, in flight, labels, last beat'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and not __fish_seen_subcommand_from ls pause resume stop help" -f -a "pause" -d 'Take no new jobs (in-flight ones finish); heartbeats go on'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and not __fish_seen_subcommand_from ls pause resume stop help" -f -a "resume" -d 'Take jobs again'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and not __fish_seen_subcommand_from ls pause resume stop help" -f -a "stop" -d 'Finish in-flight jobs, then exit'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and not __fish_seen_subcommand_from ls pause resume stop help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from ls" -l queue -d 'Only workers serving this queue' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from ls" -l label -d 'Only workers with this label (repeatable; all must match)' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from ls" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from ls" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from ls" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from ls" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from ls" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from ls" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from ls" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from ls" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from ls" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from pause" -l queue -d 'Every live worker serving this queue' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from pause" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from pause" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from pause" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from pause" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from pause" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from pause" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from pause" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from pause" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from pause" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from pause" -l all -d 'Every live worker'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from pause" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from pause" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from pause" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from resume" -l queue -d 'Every live worker serving this queue' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from resume" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from resume" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from resume" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from resume" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from resume" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from resume" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from resume" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from resume" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from resume" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from resume" -l all -d 'Every live worker'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from resume" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from resume" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from resume" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from resume" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from stop" -l queue -d 'Every live worker serving this queue' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from stop" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from stop" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from stop" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from stop" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from stop" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from stop" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from stop" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from stop" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from stop" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from stop" -l all -d 'Every live worker'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from stop" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from stop" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from stop" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from help" -f -a "ls" -d 'Registered workers: host, pid, queues, concurrency, in flight, labels, last beat'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Take no new jobs (in-flight ones finish); heartbeats go on'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Take jobs again'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Finish in-flight jobs, then exit'
complete -c fleetq -n "__fish_fleetq_using_subcommand workers; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and not __fish_seen_subcommand_from validate show help" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and not __fish_seen_subcommand_from validate show help" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and not __fish_seen_subcommand_from validate show help" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and not __fish_seen_subcommand_from validate show help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and not __fish_seen_subcommand_from validate show help" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and not __fish_seen_subcommand_from validate show help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and not __fish_seen_subcommand_from validate show help" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and not __fish_seen_subcommand_from validate show help" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and not __fish_seen_subcommand_from validate show help" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and not __fish_seen_subcommand_from validate show help" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and not __fish_seen_subcommand_from validate show help" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and not __fish_seen_subcommand_from validate show help" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and not __fish_seen_subcommand_from validate show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and not __fish_seen_subcommand_from validate show help" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and not __fish_seen_subcommand_from validate show help" -f -a "validate" -d 'Check pipeline files: every invalid one is reported as FILE:LINE:COLUMN (exit 2)'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and not __fish_seen_subcommand_from validate show help" -f -a "show" -d 'Draw a pipeline\'s steps as a tree (or its parsed form with --output json)'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and not __fish_seen_subcommand_from validate show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from validate" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from validate" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from validate" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from validate" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from validate" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from validate" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from validate" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from validate" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from validate" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from validate" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from validate" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from validate" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from validate" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from show" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from show" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from show" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from show" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from show" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from show" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from show" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from show" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from help" -f -a "validate" -d 'Check pipeline files: every invalid one is reported as FILE:LINE:COLUMN (exit 2)'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from help" -f -a "show" -d 'Draw a pipeline\'s steps as a tree (or its parsed form with --output json)'
complete -c fleetq -n "__fish_fleetq_using_subcommand pipeline; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fleetq -n "__fish_fleetq_using_subcommand run" -l data -d 'The job\'s payload: JSON, @FILE, or - for stdin [default: {}]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand run" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand run" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand run" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand run" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand run" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand run" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand run" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand run" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand run" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand run" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand run" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand run" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand run" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand doctor" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand doctor" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand doctor" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand doctor" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand doctor" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand doctor" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand doctor" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand doctor" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand doctor" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand doctor" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand doctor" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand doctor" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand completions" -l backend -d 'Backend: redis://[user:pass@]host:6379[/db], rediss://…, redis+unix:///path.sock, or local:PATH [default: the local store under the XDG data dir]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand completions" -l prefix -d 'Namespace for every key [default: fleetq]' -r
complete -c fleetq -n "__fish_fleetq_using_subcommand completions" -l config -d 'Config file [default: ./fleetq.yaml, then ~/.config/fleetq/config.yaml, then /etc/fleetq/config.yaml]' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand completions" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t''
json\t''
jsonl\t''
prometheus\t'The Prometheus text format (`fleetq stats` only)'"
complete -c fleetq -n "__fish_fleetq_using_subcommand completions" -l color -d 'When to colour stderr' -r -f -a "auto\t''
always\t''
never\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand completions" -l log-format -d 'Log line format on stderr' -r -f -a "text\t''
json\t''"
complete -c fleetq -n "__fish_fleetq_using_subcommand completions" -l tls-ca-file -d 'CA certificate (PEM) to trust for rediss:// instead of the public web roots' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand completions" -l tls-cert-file -d 'Client certificate (PEM) for servers that require mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand completions" -l tls-key-file -d 'Client private key (PEM) for mutual TLS' -r -F
complete -c fleetq -n "__fish_fleetq_using_subcommand completions" -l json -d 'Short for --output json'
complete -c fleetq -n "__fish_fleetq_using_subcommand completions" -s q -l quiet -d 'Only errors on stderr; no status lines or progress bars'
complete -c fleetq -n "__fish_fleetq_using_subcommand completions" -s v -l verbose -d 'More log detail (-v debug, -vv trace)'
complete -c fleetq -n "__fish_fleetq_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fleetq -n "__fish_fleetq_using_subcommand completions" -s V -l version -d 'Print version'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and not __fish_seen_subcommand_from enqueue worker stats jobs queues bench dlq airgap sync sessions events workers pipeline run doctor completions help" -f -a "enqueue" -d 'Add jobs to a queue: one from --data, or many from a JSONL --file'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and not __fish_seen_subcommand_from enqueue worker stats jobs queues bench dlq airgap sync sessions events workers pipeline run doctor completions help" -f -a "worker" -d 'Run pipelines against their queues until stopped'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and not __fish_seen_subcommand_from enqueue worker stats jobs queues bench dlq airgap sync sessions events workers pipeline run doctor completions help" -f -a "stats" -d 'Queue counts, throughput, oldest pending job, workers'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and not __fish_seen_subcommand_from enqueue worker stats jobs queues bench dlq airgap sync sessions events workers pipeline run doctor completions help" -f -a "jobs" -d 'Inspect, cancel and retry jobs'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and not __fish_seen_subcommand_from enqueue worker stats jobs queues bench dlq airgap sync sessions events workers pipeline run doctor completions help" -f -a "queues" -d 'List, pause, resume, purge and configure queues'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and not __fish_seen_subcommand_from enqueue worker stats jobs queues bench dlq airgap sync sessions events workers pipeline run doctor completions help" -f -a "bench" -d 'Measure enqueue and end-to-end throughput against the configured backend'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and not __fish_seen_subcommand_from enqueue worker stats jobs queues bench dlq airgap sync sessions events workers pipeline run doctor completions help" -f -a "dlq" -d 'The dead-letter queue: list, show, retry, drain to a file, import, purge'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and not __fish_seen_subcommand_from enqueue worker stats jobs queues bench dlq airgap sync sessions events workers pipeline run doctor completions help" -f -a "airgap" -d 'Airgap on this host: status, force, release, and the spool key'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and not __fish_seen_subcommand_from enqueue worker stats jobs queues bench dlq airgap sync sessions events workers pipeline run doctor completions help" -f -a "sync" -d 'Push jobs spooled while Redis was unreachable to Redis'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and not __fish_seen_subcommand_from enqueue worker stats jobs queues bench dlq airgap sync sessions events workers pipeline run doctor completions help" -f -a "sessions" -d 'Sessions: named groups of jobs in a queue (one tenant\'s import, one cron run)'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and not __fish_seen_subcommand_from enqueue worker stats jobs queues bench dlq airgap sync sessions events workers pipeline run doctor completions help" -f -a "events" -d 'What is happening: every queue\'s state changes as they occur'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and not __fish_seen_subcommand_from enqueue worker stats jobs queues bench dlq airgap sync sessions events workers pipeline run doctor completions help" -f -a "workers" -d 'The worker fleet: who is working on what'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and not __fish_seen_subcommand_from enqueue worker stats jobs queues bench dlq airgap sync sessions events workers pipeline run doctor completions help" -f -a "pipeline" -d 'Check pipeline files and draw their steps, with no backend'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and not __fish_seen_subcommand_from enqueue worker stats jobs queues bench dlq airgap sync sessions events workers pipeline run doctor completions help" -f -a "run" -d 'Run one job through a pipeline in this process, with no queue or backend (for developing pipelines)'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and not __fish_seen_subcommand_from enqueue worker stats jobs queues bench dlq airgap sync sessions events workers pipeline run doctor completions help" -f -a "doctor" -d 'Check the backend\'s settings a queue depends on: version, persistence, eviction, memory headroom, latency, clock skew (or the local store\'s file and disk)'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and not __fish_seen_subcommand_from enqueue worker stats jobs queues bench dlq airgap sync sessions events workers pipeline run doctor completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and not __fish_seen_subcommand_from enqueue worker stats jobs queues bench dlq airgap sync sessions events workers pipeline run doctor completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "show" -d 'Everything about one job: state, attempts, timings, lease, errors, data, outputs'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "why" -d 'Why a job is not done: its state, lease holder, errors, queue and workers, and what to do'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "ls" -d 'List a queue\'s jobs in one state'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "cancel" -d 'Cancel jobs that have not finished'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "retry" -d 'Run dead, cancelled or delayed jobs again now'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from queues" -f -a "ls" -d 'Known queues with their main counts'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from queues" -f -a "pause" -d 'Stop handing out jobs (workers notice within a heartbeat); works before a queue\'s first job'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from queues" -f -a "resume" -d 'Hand out jobs again'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from queues" -f -a "purge" -d 'Delete every job of a queue (settings stay)'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from queues" -f -a "set" -d 'Change a queue\'s limits; works before a queue\'s first job'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "ls" -d 'Dead jobs of a queue, oldest first: id, failed at, attempts, session, last error'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "show" -d 'One dead job: its full error history, data and step outputs'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "retry" -d 'Move dead jobs back to pending with fresh attempts'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "drain" -d 'Write dead jobs to a JSONL file (fsynced), then delete them; safe to rerun after a crash'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "import" -d 'Enqueue the jobs of a drained file again, keeping their ids (duplicates are skipped)'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "purge" -d 'Delete dead jobs for good'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from airgap" -f -a "status" -d 'Connected, airgapped, forced or recovering; spooled jobs; last probe and sync'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from airgap" -f -a "force" -d 'Spool every enqueue on this host until `fleetq airgap release`'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from airgap" -f -a "release" -d 'Clear a forced airgap; enqueues go to Redis again'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from airgap" -f -a "keygen" -d 'Write a new random spool key to FILE (created 0600, never overwritten)'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "ls" -d 'Sessions with their status and job counts, most recently active first'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "show" -d 'One session: counts per queue, throughput, the oldest pending job, recent errors'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "stop" -d 'Refuse new jobs, cancel waiting ones, and stop running ones at their next heartbeat'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "clean" -d 'Delete sessions and all their jobs: one by name, every stopped one, or idle ones'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "tail" -d 'Follow events as they happen (Ctrl-C stops): enqueued, started, completed, retried, dead, cancelled, trimmed, paused, resumed, worker_online, worker_offline, session_stopped'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from workers" -f -a "ls" -d 'Registered workers: host, pid, queues, concurrency, in flight, labels, last beat'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from workers" -f -a "pause" -d 'Take no new jobs (in-flight ones finish); heartbeats go on'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from workers" -f -a "resume" -d 'Take jobs again'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from workers" -f -a "stop" -d 'Finish in-flight jobs, then exit'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from pipeline" -f -a "validate" -d 'Check pipeline files: every invalid one is reported as FILE:LINE:COLUMN (exit 2)'
complete -c fleetq -n "__fish_fleetq_using_subcommand help; and __fish_seen_subcommand_from pipeline" -f -a "show" -d 'Draw a pipeline\'s steps as a tree (or its parsed form with --output json)'
