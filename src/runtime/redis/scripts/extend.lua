-- extend: heartbeat for leased jobs; pushes each lease deadline out, fenced by token.
-- KEYS[1] leased ZSET
-- ARGV[1] job key prefix, ARGV[2] lease ms, then (id, token) pairs
-- returns: one status per pair: 1 extended, 0 lost (token no longer owns it), -1 cancelled
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local deadline = now + tonumber(ARGV[2])
local result = {}
for i = 3, #ARGV, 2 do
  local id, token = ARGV[i], ARGV[i + 1]
  local key = ARGV[1] .. id
  local fields = redis.call('HMGET', key, 'token', 'state')
  if fields[1] == token and fields[2] == 'active' then
    redis.call('ZADD', KEYS[1], 'XX', deadline, id)
    result[#result + 1] = 1
  elseif fields[2] == 'cancelled' then
    result[#result + 1] = -1
  else
    result[#result + 1] = 0
  end
end
return result
