#!lua flags=allow-oom
-- dequeue: lease up to n ready jobs, promoting due delayed jobs first; honours pause.
-- allow-oom: at maxmemory a worker can still take jobs, because ack, fail and release run
-- there too; draining is the way out of a full Redis.
-- KEYS[1] meta HASH, KEYS[2] delayed ZSET, KEYS[3] leased ZSET, KEYS[4] wake ZSET,
--   KEYS[5] events STREAM (absent: record no event)
-- ARGV[1] JSON { job_prefix, ready_prefix, max_jobs, lease_ms, owner,
--   default_max_attempts (for jobs enqueued without one) }
-- returns: [JSON { now, paused, jobs: [{ id, token, attempts, max_attempts, timeout_ms,
--   priority, created_at, run_at, correlation_id?, session? }] (numbers as strings),
--   next_delayed_at?,
--   next_lease_expiry? } (the last two only when nothing was leased, for idle and burst
--   workers), then per job its data and its outputs (nil when none), raw, so payloads are
--   never escaped into JSON]
local args = cjson.decode(ARGV[1])
local now = now_ms()
local job_prefix, ready_prefix = args.job_prefix, args.ready_prefix
local wanted, owner = args.max_jobs, args.owner

-- promote due delayed jobs in bounded chunks so one call never stalls the server
local due = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 1000)
for _, id in ipairs(due) do
  redis.call('ZREM', KEYS[2], id)
  local priority = redis.call('HGET', job_prefix .. id, 'priority')
  if priority then
    redis.call('HSET', job_prefix .. id, 'state', 'pending')
    redis.call('RPUSH', ready_prefix .. priority, id)
  end
end

local function first_score(key)
  local first = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  if first[2] then return tonumber(first[2]) end
  return nil
end

local meta = redis.call('HMGET', KEYS[1], 'paused', 'fence')
if meta[1] == '1' then
  return { reply({ now = now, paused = true, jobs = {}, next_delayed_at = first_score(KEYS[2]) }) }
end

local jobs = {}
local payloads = {}
local deadline = now + args.lease_ms
-- one fence read and one write per batch: tokens are consecutive numbers after it
local fence = tonumber(meta[2] or '0')
local leased = {}
local started_sessions = {}
local last_level = 0
for level = 0, 9 do
  if #jobs >= wanted then break end
  local ids = redis.call('LPOP', ready_prefix .. level, wanted - #jobs)
  if ids then
    last_level = level
    for _, id in ipairs(ids) do
      local key = job_prefix .. id
      local fields = redis.call('HMGET', key, 'data', 'attempts', 'max_attempts', 'timeout_ms',
        'priority', 'created_at', 'run_at', 'correlation_id', 'outputs', 'session', 'state')
      -- a purged or cancelled job can linger in a ready list; skip it
      if fields[1] and fields[11] == 'pending' then
        fence = fence + 1
        local attempts = tonumber(fields[2]) + 1
        local max_attempts = fields[3]
        if max_attempts == '0' then max_attempts = tostring(args.default_max_attempts) end
        -- the lease deadline lives only in the leased set's score
        redis.call('HSET', key, 'state', 'active', 'attempts', attempts, 'token', fence,
          'owner', owner, 'started_at', now, 'max_attempts', max_attempts)
        leased[#leased + 1] = deadline
        leased[#leased + 1] = id
        started_sessions[#started_sessions + 1] = fields[10] or false
        -- numbers stay the strings HMGET gave: cjson formats a Lua number three times slower
        jobs[#jobs + 1] = { id = id, token = tostring(fence), attempts = tostring(attempts),
          max_attempts = max_attempts, timeout_ms = fields[4], priority = fields[5],
          created_at = fields[6], run_at = fields[7], correlation_id = fields[8] or nil,
          session = fields[10] or nil }
        payloads[#payloads + 1] = fields[1]
        payloads[#payloads + 1] = fields[9]
      end
    end
  end
end

local result = { now = now, paused = false, jobs = jobs }
if #jobs > 0 then
  in_slices('ZADD', KEYS[3], leased)
  local started = {}
  for i = 2, #leased, 2 do started[#started + 1] = leased[i] end
  emit_by_session(KEYS[5], 'started', started, started_sessions, { worker = args.owner })
  redis.call('HSET', KEYS[1], 'fence', fence)
  -- chain the doorbell if work remains; levels above the last one popped were empty
  if #jobs >= wanted then
    for level = last_level, 9 do
      if redis.call('LLEN', ready_prefix .. level) > 0 then
        redis.call('ZADD', KEYS[4], now, 'ring')
        break
      end
    end
  end
else
  -- only an idle worker needs to know when the next delayed job or lease falls due
  result.next_delayed_at = first_score(KEYS[2])
  result.next_lease_expiry = first_score(KEYS[3])
end
local out = { reply(result) }
for i = 1, #payloads do out[i + 1] = payloads[i] end
return out
