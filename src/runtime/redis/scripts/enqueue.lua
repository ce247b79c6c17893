-- enqueue: add a batch of jobs to one queue, honouring unique keys and max_len backpressure.
-- KEYS[1] meta HASH, KEYS[2] delayed ZSET, KEYS[3] stats HASH, KEYS[4] wake ZSET
-- ARGV[1] job key prefix, ARGV[2] ready key prefix, ARGV[3] unique key prefix, ARGV[4] job count,
--   then 10 fields per job: id, data, priority, max_attempts, timeout_ms, delay_ms,
--   unique_key ('' = none), unique_ttl_ms, correlation_id ('' = none), session ('' = none)
-- returns: a flat array of (status, id) per job; status is 'enqueued', 'duplicate' or 'full'
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local job_prefix, ready_prefix, unique_prefix = ARGV[1], ARGV[2], ARGV[3]
local count = tonumber(ARGV[4])

local max_len = tonumber(redis.call('HGET', KEYS[1], 'max_len') or '0')
local size = 0
if max_len > 0 then
  size = redis.call('ZCARD', KEYS[2])
  for level = 0, 9 do size = size + redis.call('LLEN', ready_prefix .. level) end
end

local result = {}
local added, rang = 0, false
for i = 0, count - 1 do
  local base = 5 + i * 10
  local id, data, priority = ARGV[base], ARGV[base + 1], ARGV[base + 2]
  local max_attempts, timeout_ms, delay_ms = ARGV[base + 3], ARGV[base + 4], tonumber(ARGV[base + 5])
  local unique_key, unique_ttl = ARGV[base + 6], tonumber(ARGV[base + 7])
  local correlation_id, session = ARGV[base + 8], ARGV[base + 9]
  local job_key = job_prefix .. id
  local existing = nil
  if unique_key ~= '' then existing = redis.call('GET', unique_prefix .. unique_key) end
  if existing then
    result[#result + 1] = 'duplicate'; result[#result + 1] = existing
  elseif redis.call('EXISTS', job_key) == 1 then
    -- an explicit --id that already exists is an idempotent retry of the same enqueue
    result[#result + 1] = 'duplicate'; result[#result + 1] = id
  elseif max_len > 0 and size >= max_len then
    result[#result + 1] = 'full'; result[#result + 1] = id
  else
    local run_at = now + delay_ms
    local state = 'pending'
    if delay_ms > 0 then state = 'delayed' end
    -- index first, then the whole hash in one HSET: if the server refuses a write midway (OOM),
    -- what is left is at worst an id without a hash, which dequeue skips, never a hash that no
    -- index points at
    if delay_ms > 0 then
      redis.call('ZADD', KEYS[2], run_at, id)
    else
      redis.call('RPUSH', ready_prefix .. priority, id)
      rang = true
    end
    local fields = { 'id', id, 'data', data, 'priority', priority, 'state', state,
      'attempts', 0, 'max_attempts', max_attempts, 'timeout_ms', timeout_ms,
      'created_at', now, 'run_at', run_at }
    if unique_key ~= '' then
      fields[#fields + 1] = 'unique_key'; fields[#fields + 1] = unique_key
      -- without a TTL the key is held while the job is pending or running, and released
      -- when it finishes (done, dead or cancelled)
      if unique_ttl == 0 then
        fields[#fields + 1] = 'unique_until_done'; fields[#fields + 1] = 1
      end
    end
    if correlation_id ~= '' then
      fields[#fields + 1] = 'correlation_id'; fields[#fields + 1] = correlation_id
    end
    if session ~= '' then fields[#fields + 1] = 'session'; fields[#fields + 1] = session end
    redis.call('HSET', job_key, unpack(fields))
    if unique_key ~= '' then
      if unique_ttl > 0 then
        redis.call('SET', unique_prefix .. unique_key, id, 'PX', unique_ttl)
      else
        redis.call('SET', unique_prefix .. unique_key, id)
      end
    end
    size = size + 1
    added = added + 1
    result[#result + 1] = 'enqueued'; result[#result + 1] = id
  end
end
if added > 0 then redis.call('HINCRBY', KEYS[3], 'enqueued', added) end
if rang then redis.call('ZADD', KEYS[4], now, 'ring') end
return result
