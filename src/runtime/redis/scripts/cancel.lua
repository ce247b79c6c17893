-- cancel: stop jobs that have not finished; a running job's worker learns at its next heartbeat.
-- KEYS[1] delayed ZSET, KEYS[2] leased ZSET, KEYS[3] stats HASH
-- ARGV[1] job key prefix, ARGV[2] ready key prefix, ARGV[3] unique key prefix, then job ids
-- returns: one status per id: 'cancelled', 'missing', or '=' followed by the job's final state
--   ('=done', '=dead', '=cancelled') when it had already finished and was left alone
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local result = {}
local cancelled = 0
for i = 4, #ARGV do
  local id = ARGV[i]
  local key = ARGV[1] .. id
  local fields = redis.call('HMGET', key, 'state', 'priority', 'unique_until_done', 'unique_key')
  local state = fields[1]
  if not state then
    result[#result + 1] = 'missing'
  elseif state == 'done' or state == 'dead' or state == 'cancelled' then
    result[#result + 1] = '=' .. state
  else
    if state == 'pending' then redis.call('LREM', ARGV[2] .. fields[2], 1, id) end
    if state == 'delayed' then redis.call('ZREM', KEYS[1], id) end
    if state == 'active' then redis.call('ZREM', KEYS[2], id) end
    redis.call('HSET', key, 'state', 'cancelled', 'finished_at', now)
    redis.call('HDEL', key, 'token')
    if fields[3] and redis.call('GET', ARGV[3] .. fields[4]) == id then
      redis.call('DEL', ARGV[3] .. fields[4])
    end
    cancelled = cancelled + 1
    result[#result + 1] = 'cancelled'
  end
end
if cancelled > 0 then redis.call('HINCRBY', KEYS[3], 'cancelled', cancelled) end
return result
