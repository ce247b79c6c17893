#!lua
-- retry: make dead, cancelled or delayed jobs ready now, with a fresh attempt budget for the
-- finished ones. A retried job does not take its unique key back.
-- KEYS[1] delayed ZSET, KEYS[2] dead ZSET, KEYS[3] wake ZSET, KEYS[4] cancelled ZSET,
--   KEYS[5] meta HASH (fair), KEYS[6] events STREAM (absent: record no event)
-- ARGV[1] JSON { job_prefix, ready_prefix, fair_prefix, ids: [id] }
-- returns: JSON { results: [{ id, changed, state }] }, state 'pending' when made ready now,
--   else the state that cannot be retried ('pending', 'active', 'done'), or 'missing'
local args = cjson.decode(ARGV[1])
local now = now_ms()
local queue = { meta = KEYS[5], ready_prefix = args.ready_prefix, fair_prefix = args.fair_prefix,
  fair = redis.call('HGET', KEYS[5], 'fair') }
local results = {}
local retried = 0
local retried_ids = {}
for _, id in ipairs(args.ids) do
  local key = args.job_prefix .. id
  local fields = redis.call('HMGET', key, 'state', 'priority', 'session')
  local state = fields[1]
  if not state then
    results[#results + 1] = { id = id, changed = false, state = 'missing' }
  elseif state == 'dead' or state == 'cancelled' or state == 'delayed' then
    if state == 'delayed' then
      redis.call('ZREM', KEYS[1], id)
    else
      redis.call('ZREM', KEYS[2], id)
      redis.call('ZREM', KEYS[4], id)
      redis.call('HSET', key, 'attempts', 0)
      redis.call('HDEL', key, 'finished_at')
    end
    redis.call('HSET', key, 'state', 'pending', 'run_at', now)
    push_ready(queue, fields[2], id, fields[3])
    retried = retried + 1
    retried_ids[#retried_ids + 1] = id
    results[#results + 1] = { id = id, changed = true, state = 'pending' }
  else
    results[#results + 1] = { id = id, changed = false, state = state }
  end
end
if retried > 0 then redis.call('ZADD', KEYS[3], now, 'ring') end
emit(KEYS[6], 'retried', retried_ids, { reason = 'retried by hand' })
return reply({ results = results })
