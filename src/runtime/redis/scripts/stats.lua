-- stats: one consistent snapshot of a queue's counters in a single round trip.
-- KEYS[1] meta HASH, KEYS[2] delayed ZSET, KEYS[3] leased ZSET, KEYS[4] dead ZSET,
--   KEYS[5] stats HASH, KEYS[6] throughput buckets HASH, KEYS[7] queue workers ZSET
-- ARGV[1] job key prefix, ARGV[2] ready key prefix, ARGV[3] worker liveness window ms
-- returns: { now ms, pending by level (10 numbers), delayed, active, dead, done total,
--   retried total, enqueued total, paused (0|1), live workers, oldest pending run_at (-1 = none),
--   max_len, { bucket, count, ... }, stalled (active jobs whose lease deadline has passed) }
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local result = { now }
local oldest = -1
for level = 0, 9 do
  local list = ARGV[2] .. level
  result[#result + 1] = redis.call('LLEN', list)
  local head = redis.call('LINDEX', list, 0)
  if head then
    local run_at = tonumber(redis.call('HGET', ARGV[1] .. head, 'run_at') or '-1')
    if run_at >= 0 and (oldest < 0 or run_at < oldest) then oldest = run_at end
  end
end
local counters = redis.call('HMGET', KEYS[5], 'done', 'retried', 'enqueued')
local meta = redis.call('HMGET', KEYS[1], 'paused', 'max_len')
result[#result + 1] = redis.call('ZCARD', KEYS[2])
result[#result + 1] = redis.call('ZCARD', KEYS[3])
result[#result + 1] = redis.call('ZCARD', KEYS[4])
result[#result + 1] = tonumber(counters[1] or '0')
result[#result + 1] = tonumber(counters[2] or '0')
result[#result + 1] = tonumber(counters[3] or '0')
if meta[1] == '1' then result[#result + 1] = 1 else result[#result + 1] = 0 end
result[#result + 1] = redis.call('ZCOUNT', KEYS[7], now - tonumber(ARGV[3]), '+inf')
result[#result + 1] = oldest
result[#result + 1] = tonumber(meta[2] or '0')
result[#result + 1] = redis.call('HGETALL', KEYS[6])
result[#result + 1] = redis.call('ZCOUNT', KEYS[3], '-inf', now)
return result
