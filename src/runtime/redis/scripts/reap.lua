-- reap: send jobs whose lease expired back to ready, or to dead once attempts are used up.
-- Only one reaper runs at a time across the fleet: the lock key is taken with SET NX PX.
-- KEYS[1] leased ZSET, KEYS[2] dead ZSET, KEYS[3] stats HASH, KEYS[4] reaper lock STRING,
--   KEYS[5] wake ZSET
-- ARGV[1] job key prefix, ARGV[2] ready key prefix, ARGV[3] lock ms, ARGV[4] max jobs per sweep,
--   ARGV[5] reaper id, ARGV[6] error history length kept, ARGV[7] unique key prefix
-- returns: { retried, dead } or { -1, -1 } when another reaper holds the lock
if not redis.call('SET', KEYS[4], ARGV[5], 'NX', 'PX', ARGV[3]) then return { -1, -1 } end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[4]))
local retried, dead = 0, 0
local keep = tonumber(ARGV[6])
for _, id in ipairs(expired) do
  local key = ARGV[1] .. id
  redis.call('ZREM', KEYS[1], id)
  local fields = redis.call('HMGET', key, 'attempts', 'max_attempts', 'priority', 'owner', 'errors',
    'unique_until_done', 'unique_key')
  if fields[3] then
    local message = 'lease expired (worker ' .. (fields[4] or '?') .. ' stopped heartbeating)'
    local history = cjson.decode(fields[5] or '[]')
    history[#history + 1] = { attempt = tonumber(fields[1]), at = now, error = message }
    while #history > keep do table.remove(history, 1) end
    redis.call('HDEL', key, 'token')
    redis.call('HSET', key, 'last_error', message, 'errors', cjson.encode(history))
    if tonumber(fields[1]) >= tonumber(fields[2]) then
      redis.call('HSET', key, 'state', 'dead', 'finished_at', now)
      redis.call('ZADD', KEYS[2], now, id)
      if fields[6] and redis.call('GET', ARGV[7] .. fields[7]) == id then
        redis.call('DEL', ARGV[7] .. fields[7])
      end
      dead = dead + 1
    else
      redis.call('HSET', key, 'state', 'pending')
      redis.call('RPUSH', ARGV[2] .. fields[3], id)
      retried = retried + 1
    end
  end
end
if retried > 0 then
  redis.call('HINCRBY', KEYS[3], 'retried', retried)
  redis.call('ZADD', KEYS[5], now, 'ring')
end
if dead > 0 then redis.call('HINCRBY', KEYS[3], 'dead', dead) end
return { retried, dead }
