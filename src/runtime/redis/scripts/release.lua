#!lua flags=allow-oom
-- release: give leased jobs back to the front of their ready list (graceful shutdown, or a step
-- that could not be started), without spending the attempt.
-- KEYS[1] leased ZSET, KEYS[2] wake ZSET, KEYS[3] meta HASH (fair)
-- ARGV[1] JSON { job_prefix, ready_prefix, fair_prefix, leases: [{ id, token }] }
-- returns: JSON { released } (stale tokens are skipped)
local args = cjson.decode(ARGV[1])
local now = now_ms()
local queue = { meta = KEYS[3], ready_prefix = args.ready_prefix, fair_prefix = args.fair_prefix,
  fair = redis.call('HGET', KEYS[3], 'fair') }
local released = 0
-- in reverse, so the released jobs keep their order at the head of the list
for i = #args.leases, 1, -1 do
  local lease = args.leases[i]
  local key = args.job_prefix .. lease.id
  local fields = redis.call('HMGET', key, 'token', 'state', 'priority', 'session')
  if fields[1] == lease.token and fields[2] == 'active' then
    redis.call('ZREM', KEYS[1], lease.id)
    redis.call('HINCRBY', key, 'attempts', -1)
    redis.call('HSET', key, 'state', 'pending')
    redis.call('HDEL', key, 'token', 'owner')
    push_ready(queue, fields[3], lease.id, fields[4], true)
    released = released + 1
  end
end
if released > 0 then redis.call('ZADD', KEYS[2], now, 'ring') end
return reply({ released = released })
