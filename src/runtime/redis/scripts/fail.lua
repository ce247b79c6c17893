-- fail: record a failed attempt, fenced by the lease token; schedules a retry or buries the job.
-- KEYS[1] leased ZSET, KEYS[2] delayed ZSET, KEYS[3] dead ZSET, KEYS[4] stats HASH, KEYS[5] wake ZSET
-- ARGV[1] job key prefix, ARGV[2] id, ARGV[3] token, ARGV[4] error message, ARGV[5] stderr tail,
--   ARGV[6] retry delay ms (-1 = no retry: fatal or attempts exhausted), ARGV[7] outputs JSON
--   (completed steps, so a retry resumes after them), ARGV[8] error history length kept,
--   ARGV[9] unique key prefix
-- returns: 'retry', 'dead' or 'stale' (the token no longer owns the job)
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local key = ARGV[1] .. ARGV[2]
local id, delay = ARGV[2], tonumber(ARGV[6])
if redis.call('HGET', key, 'token') ~= ARGV[3] then return 'stale' end

local attempts = tonumber(redis.call('HGET', key, 'attempts') or '0')
local history = cjson.decode(redis.call('HGET', key, 'errors') or '[]')
history[#history + 1] = { attempt = attempts, at = now, error = ARGV[4] }
local keep = tonumber(ARGV[8])
while #history > keep do table.remove(history, 1) end

redis.call('ZREM', KEYS[1], id)
redis.call('HDEL', key, 'token')
redis.call('HSET', key, 'last_error', ARGV[4], 'stderr', ARGV[5], 'errors', cjson.encode(history),
  'outputs', ARGV[7])
if delay >= 0 then
  redis.call('HSET', key, 'state', 'delayed', 'run_at', now + delay)
  redis.call('ZADD', KEYS[2], now + delay, id)
  redis.call('HINCRBY', KEYS[4], 'retried', 1)
  if delay == 0 then redis.call('ZADD', KEYS[5], now, 'ring') end
  return 'retry'
end
redis.call('HSET', key, 'state', 'dead', 'finished_at', now)
redis.call('ZADD', KEYS[3], now, id)
local unique = redis.call('HMGET', key, 'unique_until_done', 'unique_key')
if unique[1] and redis.call('GET', ARGV[9] .. unique[2]) == id then
  redis.call('DEL', ARGV[9] .. unique[2])
end
redis.call('HINCRBY', KEYS[4], 'dead', 1)
return 'dead'
