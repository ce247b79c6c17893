#!lua flags=no-writes
-- stats: one consistent snapshot of a queue's counters in a single round trip.
-- no-writes: it runs when Redis is at maxmemory, and on replicas.
-- KEYS[1] meta HASH, KEYS[2] delayed ZSET, KEYS[3] leased ZSET, KEYS[4] dead ZSET,
--   KEYS[5] stats HASH, KEYS[6] throughput buckets HASH, KEYS[7] queue workers ZSET,
--   KEYS[8] cancelled ZSET
-- ARGV[1] JSON { job_prefix, ready_prefix, fair_prefix, worker_liveness_ms }
-- returns: JSON { now, pending_by_priority: [10 counts], delayed, active, stalled (active jobs
--   whose lease deadline has passed), dead, cancelled, done, retried, enqueued, trimmed, paused,
--   workers (beat within the liveness window), oldest_pending_run_at?, next_delayed_at?,
--   max_len, fair_sessions, rate_us, max_inflight, buckets: { bucket: count } }
local args = cjson.decode(ARGV[1])
local now = now_ms()
local pending = {}
local oldest = nil
local queue = { ready_prefix = args.ready_prefix, fair_prefix = args.fair_prefix }
for level = 0, 9 do
  local count = 0
  -- a fair queue's jobs wait in one list per session: each list's head is its oldest
  for _, list in ipairs(waiting_lists(queue, level)) do
    count = count + redis.call('LLEN', list)
    local head = redis.call('LINDEX', list, 0)
    if head then
      -- a job hash without run_at was due when it was created (see the prelude)
      local times = redis.call('HMGET', args.job_prefix .. head, 'run_at', 'created_at')
      local run_at = tonumber(times[1] or times[2] or '')
      if run_at and (not oldest or run_at < oldest) then oldest = run_at end
    end
  end
  pending[#pending + 1] = count
end
local counters = redis.call('HMGET', KEYS[5], 'done', 'retried', 'enqueued', 'trimmed')
local meta = redis.call('HMGET', KEYS[1], 'paused', 'max_len', 'fair', 'rate_us', 'max_inflight')
local buckets = {}
local flat = redis.call('HGETALL', KEYS[6])
for i = 1, #flat, 2 do buckets[flat[i]] = tonumber(flat[i + 1]) end
local next_delayed = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
return reply({
  now = now,
  pending_by_priority = pending,
  delayed = redis.call('ZCARD', KEYS[2]),
  active = redis.call('ZCARD', KEYS[3]),
  stalled = redis.call('ZCOUNT', KEYS[3], '-inf', now),
  dead = redis.call('ZCARD', KEYS[4]),
  cancelled = redis.call('ZCARD', KEYS[8]),
  done = tonumber(counters[1] or '0'),
  retried = tonumber(counters[2] or '0'),
  enqueued = tonumber(counters[3] or '0'),
  trimmed = tonumber(counters[4] or '0'),
  paused = meta[1] == '1',
  workers = redis.call('ZCOUNT', KEYS[7], now - args.worker_liveness_ms, '+inf'),
  oldest_pending_run_at = oldest,
  next_delayed_at = tonumber(next_delayed[2] or ''),
  max_len = tonumber(meta[2] or '0'),
  fair_sessions = meta[3] == '1',
  rate_us = tonumber(meta[4] or '0'),
  max_inflight = tonumber(meta[5] or '0'),
  buckets = buckets,
})
