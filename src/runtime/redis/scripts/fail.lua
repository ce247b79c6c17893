#!lua flags=allow-oom
-- fail: record a failed attempt, fenced by the lease token; schedules a retry or buries the job.
-- allow-oom: a failure must be recorded at maxmemory too, or the job sits leased until expiry.
-- KEYS[1] leased ZSET, KEYS[2] delayed ZSET, KEYS[3] dead ZSET, KEYS[4] stats HASH, KEYS[5] wake ZSET,
--   KEYS[6] meta HASH (retain_dead, retain_ms), KEYS[7] events STREAM (absent: record no
--   event)
-- ARGV[1] JSON { job_prefix, unique_prefix, id, token, error, stderr, retry_delay_ms (absent:
--   no retry, fatal or attempts exhausted), outputs (completed steps, so a retry resumes after
--   them), history (error entries kept) }
-- returns: JSON { outcome } with outcome 'retry', 'dead' or 'stale' (the token no longer owns
--   the job)
local args = cjson.decode(ARGV[1])
local now = now_ms()
local id = args.id
local key = args.job_prefix .. id
local fields = redis.call('HMGET', key, 'token', 'state', 'attempts', 'errors', 'unique_until_done',
  'unique_key', 'session')
if fields[1] ~= args.token or fields[2] ~= 'active' then return reply({ outcome = 'stale' }) end

redis.call('ZREM', KEYS[1], id)
redis.call('HDEL', key, 'token')
redis.call('HSET', key, 'last_error', args.error, 'stderr', args.stderr, 'outputs', args.outputs,
  'errors', push_error(fields[4], tonumber(fields[3] or '0'), now, args.error, args.history))
local delay = args.retry_delay_ms
if delay then
  redis.call('HSET', key, 'state', 'delayed', 'run_at', now + delay)
  redis.call('ZADD', KEYS[2], now + delay, id)
  redis.call('HINCRBY', KEYS[4], 'retried', 1)
  if delay == 0 then redis.call('ZADD', KEYS[5], now, 'ring') end
  emit_by_session(KEYS[7], 'retried', { id }, { fields[7] or false }, { error = args.error })
  return reply({ outcome = 'retry' })
end
redis.call('HSET', key, 'state', 'dead', 'finished_at', now)
redis.call('ZADD', KEYS[3], now, id)
release_unique(args.unique_prefix, id, fields[5], fields[6])
redis.call('HINCRBY', KEYS[4], 'dead', 1)
emit_by_session(KEYS[7], 'dead', { id }, { fields[7] or false }, { error = args.error })
-- dead-letter retention: by count (retain_dead) and by age (retain_ms), never silently
local retention = redis.call('HMGET', KEYS[6], 'retain_dead', 'retain_ms')
local age = tonumber(retention[2] or '0')
local before = 0
if age > 0 then before = now - age end
local keep = tonumber(retention[1] or '0')
if keep == 0 then keep = nil end
local trimmed = trim_finished(KEYS[3], args.job_prefix, keep, before)
if trimmed > 0 then
  redis.call('HINCRBY', KEYS[4], 'trimmed', trimmed)
  emit(KEYS[7], 'trimmed', {}, { count = trimmed })
end
return reply({ outcome = 'dead' })
