-- retry: make dead, cancelled or delayed jobs ready now, with a fresh attempt budget for the
-- finished ones.
-- KEYS[1] delayed ZSET, KEYS[2] dead ZSET, KEYS[3] wake ZSET
-- ARGV[1] job key prefix, ARGV[2] ready key prefix, ARGV[3] unique key prefix (unused: a
--   retried job does not take its unique key back), then job ids
-- returns: one status per id: 'pending' (made ready now), 'missing', or '=' followed by the
--   state that cannot be retried ('=pending', '=active', '=done'), left alone
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local result = {}
local retried = 0
for i = 4, #ARGV do
  local id = ARGV[i]
  local key = ARGV[1] .. id
  local fields = redis.call('HMGET', key, 'state', 'priority')
  local state = fields[1]
  if not state then
    result[#result + 1] = 'missing'
  elseif state == 'dead' or state == 'cancelled' or state == 'delayed' then
    if state == 'delayed' then
      redis.call('ZREM', KEYS[1], id)
    else
      redis.call('ZREM', KEYS[2], id)
      redis.call('HSET', key, 'attempts', 0)
      redis.call('HDEL', key, 'finished_at')
    end
    redis.call('HSET', key, 'state', 'pending', 'run_at', now)
    redis.call('RPUSH', ARGV[2] .. fields[2], id)
    retried = retried + 1
    result[#result + 1] = 'pending'
  else
    result[#result + 1] = '=' .. state
  end
end
if retried > 0 then redis.call('ZADD', KEYS[3], now, 'ring') end
return result
