-- ack: mark leased jobs done, fenced by their lease token; trims done jobs past retention.
-- KEYS[1] meta HASH, KEYS[2] leased ZSET, KEYS[3] done ZSET, KEYS[4] stats HASH,
--   KEYS[5] throughput buckets HASH
-- ARGV[1] job key prefix, ARGV[2] default done retention (jobs), ARGV[3] bucket width ms,
--   ARGV[4] unique key prefix, then (id, token, outputs JSON) per job
-- returns: { acked count, stale id, stale id, ... } where stale ids lost their lease
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
-- variadic commands in slices, keeping unpack() far below Lua's stack limit
local function in_slices(command, key, items)
  for first = 1, #items, 1000 do
    redis.call(command, key, unpack(items, first, math.min(first + 999, #items)))
  end
end
local job_prefix = ARGV[1]
local acked = 0
local stale = {}
local finished, done_entries = {}, {}
for i = 5, #ARGV, 3 do
  local id, token, outputs = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local key = job_prefix .. id
  local fields = redis.call('HMGET', key, 'token', 'unique_until_done', 'unique_key')
  if fields[1] == token then
    if fields[2] and redis.call('GET', ARGV[4] .. fields[3]) == id then
      redis.call('DEL', ARGV[4] .. fields[3])
    end
    -- an empty token fences the job as surely as a deleted one, in the same write
    redis.call('HSET', key, 'state', 'done', 'finished_at', now, 'outputs', outputs, 'token', '')
    finished[#finished + 1] = id
    done_entries[#done_entries + 1] = now
    done_entries[#done_entries + 1] = id
    acked = acked + 1
  else
    stale[#stale + 1] = id
  end
end
if acked > 0 then
  in_slices('ZREM', KEYS[2], finished)
  in_slices('ZADD', KEYS[3], done_entries)
  redis.call('HINCRBY', KEYS[4], 'done', acked)
  local width = tonumber(ARGV[3])
  local bucket = math.floor(now / width)
  if redis.call('HINCRBY', KEYS[5], bucket, acked) == acked then
    -- a new bucket started: forget buckets older than the widest window (5 minutes)
    for _, field in ipairs(redis.call('HKEYS', KEYS[5])) do
      if tonumber(field) < bucket - math.ceil(300000 / width) - 1 then
        redis.call('HDEL', KEYS[5], field)
      end
    end
  end
  local retain = tonumber(redis.call('HGET', KEYS[1], 'retain_done') or ARGV[2])
  local excess = redis.call('ZCARD', KEYS[3]) - retain
  if excess > 0 then
    local trimmed = redis.call('ZPOPMIN', KEYS[3], excess)
    for j = 1, #trimmed, 2 do redis.call('UNLINK', job_prefix .. trimmed[j]) end
    redis.call('HINCRBY', KEYS[4], 'trimmed', excess)
  end
end
local result = { acked }
for _, id in ipairs(stale) do result[#result + 1] = id end
return result
