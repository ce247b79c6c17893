-- release: give leased jobs back to the front of their ready list (graceful shutdown).
-- KEYS[1] leased ZSET, KEYS[2] wake ZSET
-- ARGV[1] job key prefix, ARGV[2] ready key prefix, then (id, token) pairs
-- returns: how many jobs were released (stale tokens are skipped)
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local released = 0
for i = 3, #ARGV, 2 do
  local id, token = ARGV[i], ARGV[i + 1]
  local key = ARGV[1] .. id
  if redis.call('HGET', key, 'token') == token then
    redis.call('ZREM', KEYS[1], id)
    -- a released job did not really get its attempt, so give it back
    redis.call('HINCRBY', key, 'attempts', -1)
    redis.call('HSET', key, 'state', 'pending')
    redis.call('HDEL', key, 'token', 'owner')
    redis.call('LPUSH', ARGV[2] .. redis.call('HGET', key, 'priority'), id)
    released = released + 1
  end
end
if released > 0 then redis.call('ZADD', KEYS[2], now, 'ring') end
return released
