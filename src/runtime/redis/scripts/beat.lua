#!lua flags=allow-oom
-- beat: one worker's heartbeat for one queue. Records the worker alive (server time), extends
-- the leases it holds, then recovers expired leases of workers that stopped beating.
-- Extending first and judging by the reaper's own previous beat is what makes a Redis stall
-- harmless: a lease counts as abandoned only if this worker beat after its deadline and its
-- owner did not extend it. The sweep also trims done and dead jobs past the queue's age limit
-- (`retain_ms`), so an idle queue forgets old jobs too, not only one that acks. A lease whose owner beats on but never extended it was leased by a
-- reply the owner never received: it goes back without spending an attempt.
-- KEYS[1] leased ZSET, KEYS[2] queue workers ZSET (id -> last beat, server ms), KEYS[3] reaper
--   lock STRING, KEYS[4] dead ZSET, KEYS[5] stats HASH, KEYS[6] wake ZSET, KEYS[7] meta HASH
--   (fair, retain_ms), KEYS[8] done ZSET (older versions' index), KEYS[9] done LIST,
--   KEYS[10] events STREAM (absent: record no event)
-- ARGV[1] JSON { job_prefix, ready_prefix, fair_prefix, unique_prefix, owner, lease_ms, leases: [{ id, token }],
--   lock_ms, reap_batch, history }
-- returns: JSON { statuses: ['extended' | 'lost' | 'cancelled'] (one per lease), recovered?:
--   { retried, dead, returned } } (recovered is absent when another worker holds the reaper
--   lock or this is the worker's first beat)
local args = cjson.decode(ARGV[1])
local now = now_ms()
local owner = args.owner
local previous = tonumber(redis.call('ZSCORE', KEYS[2], owner))
redis.call('ZADD', KEYS[2], now, owner)

local statuses = {}
local extended = {}
local deadline = now + args.lease_ms
for _, lease in ipairs(args.leases) do
  local fields = redis.call('HMGET', args.job_prefix .. lease.id, 'token', 'state')
  if fields[1] == lease.token and fields[2] == 'active' then
    extended[#extended + 1] = deadline
    extended[#extended + 1] = lease.id
    statuses[#statuses + 1] = 'extended'
  elseif fields[2] == 'cancelled' then
    statuses[#statuses + 1] = 'cancelled'
  else
    statuses[#statuses + 1] = 'lost'
  end
end
if #extended > 0 then
  for first = 1, #extended, 1000 do
    redis.call('ZADD', KEYS[1], 'XX', unpack(extended, first, math.min(first + 999, #extended)))
  end
end

local result = { statuses = statuses }
if not previous or not redis.call('SET', KEYS[3], owner, 'NX', 'PX', args.lock_ms) then
  return reply(result)
end
-- workers gone for an hour are forgotten
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - 3600000)
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. previous, 'WITHSCORES',
  'LIMIT', 0, args.reap_batch)
local queue = { meta = KEYS[7], ready_prefix = args.ready_prefix, fair_prefix = args.fair_prefix,
  fair = redis.call('HGET', KEYS[7], 'fair') }
local retried, dead, returned = 0, 0, 0
local retried_ids, dead_ids = {}, {}
-- from the latest deadline to the earliest, so LPUSH leaves the earliest at the head
for i = #expired - 1, 1, -2 do
  local id, lease_deadline = expired[i], tonumber(expired[i + 1])
  local key = args.job_prefix .. id
  redis.call('ZREM', KEYS[1], id)
  local fields = redis.call('HMGET', key, 'attempts', 'max_attempts', 'priority', 'owner', 'errors',
    'unique_until_done', 'unique_key', 'state', 'session')
  if fields[8] == 'active' then
    local owner_beat = tonumber(redis.call('ZSCORE', KEYS[2], fields[4] or ''))
    redis.call('HDEL', key, 'token')
    if owner_beat and owner_beat > lease_deadline then
      -- the owner is alive and never extended this lease: it never got the job
      redis.call('HINCRBY', key, 'attempts', -1)
      redis.call('HSET', key, 'state', 'pending')
      push_ready(queue, fields[3], id, fields[9], true)
      returned = returned + 1
    else
      local attempts = tonumber(fields[1] or '0')
      local message = 'lease expired (worker ' .. (fields[4] or '?') .. ' stopped heartbeating)'
      redis.call('HSET', key, 'last_error', message,
        'errors', push_error(fields[5], attempts, now, message, args.history))
      if attempts >= tonumber(fields[2] or '0') then
        redis.call('HSET', key, 'state', 'dead', 'finished_at', now)
        redis.call('ZADD', KEYS[4], now, id)
        release_unique(args.unique_prefix, id, fields[6], fields[7])
        dead = dead + 1
        dead_ids[#dead_ids + 1] = id
      else
        redis.call('HSET', key, 'state', 'pending')
        push_ready(queue, fields[3], id, fields[9], true)
        retried = retried + 1
        retried_ids[#retried_ids + 1] = id
      end
    end
  end
end
if retried + returned > 0 then redis.call('ZADD', KEYS[6], now, 'ring') end
emit(KEYS[10], 'retried', retried_ids, { error = 'lease expired' })
emit(KEYS[10], 'dead', dead_ids, { error = 'lease expired' })
if retried > 0 then redis.call('HINCRBY', KEYS[5], 'retried', retried) end
if dead > 0 then redis.call('HINCRBY', KEYS[5], 'dead', dead) end
local age = tonumber(redis.call('HGET', KEYS[7], 'retain_ms') or '0')
if age > 0 then
  local trimmed = trim_done(KEYS[9], KEYS[8], args.job_prefix, nil, now - age)
    + trim_finished(KEYS[4], args.job_prefix, nil, now - age)
  if trimmed > 0 then
    redis.call('HINCRBY', KEYS[5], 'trimmed', trimmed)
    emit(KEYS[10], 'trimmed', {}, { count = trimmed })
  end
end
result.recovered = { retried = retried, dead = dead, returned = returned }
return reply(result)
