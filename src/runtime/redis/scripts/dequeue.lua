-- dequeue: lease up to n ready jobs, promoting due delayed jobs first; honours pause.
-- KEYS[1] meta HASH, KEYS[2] delayed ZSET, KEYS[3] leased ZSET, KEYS[4] wake ZSET
-- ARGV[1] job key prefix, ARGV[2] ready key prefix, ARGV[3] max jobs, ARGV[4] lease ms,
--   ARGV[5] worker id (lease owner), ARGV[6] max_attempts for jobs enqueued without one
-- returns: { paused (0|1), next delayed run_at ms (-1 = none, or jobs were leased), job, job, ... }
--   where each job is
--   { id, token, data, attempts, max_attempts, timeout_ms, priority, created_at, run_at,
--     correlation_id, outputs, session }
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
-- variadic commands in slices, keeping unpack() far below Lua's stack limit
local function in_slices(command, key, items)
  for first = 1, #items, 1000 do
    redis.call(command, key, unpack(items, first, math.min(first + 999, #items)))
  end
end
local job_prefix, ready_prefix = ARGV[1], ARGV[2]
local wanted, lease_ms, owner = tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[5]
local default_attempts = ARGV[6]

-- promote due delayed jobs in bounded chunks so one call never stalls the server
local due = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 1000)
for _, id in ipairs(due) do
  redis.call('ZREM', KEYS[2], id)
  local priority = redis.call('HGET', job_prefix .. id, 'priority')
  if priority then
    redis.call('HSET', job_prefix .. id, 'state', 'pending')
    redis.call('RPUSH', ready_prefix .. priority, id)
  end
end

local function next_delayed()
  local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  if first[2] then return tonumber(first[2]) end
  return -1
end

local meta = redis.call('HMGET', KEYS[1], 'paused', 'fence')
if meta[1] == '1' then
  return { 1, next_delayed() }
end

local result = { 0, -1 }
local deadline = now + lease_ms
local taken = 0
-- one fence read and one write per batch: tokens are consecutive numbers after it
local fence = tonumber(meta[2] or '0')
local leased = {}
local last_level = 0
for level = 0, 9 do
  if taken >= wanted then break end
  local ids = redis.call('LPOP', ready_prefix .. level, wanted - taken)
  if ids then
    last_level = level
    for _, id in ipairs(ids) do
      local key = job_prefix .. id
      local fields = redis.call('HMGET', key, 'data', 'attempts', 'max_attempts', 'timeout_ms',
        'priority', 'created_at', 'run_at', 'correlation_id', 'outputs', 'session', 'state')
      -- a purged or cancelled job can linger in a ready list; skip it
      if fields[1] and fields[11] == 'pending' then
        fence = fence + 1
        local attempts = tonumber(fields[2]) + 1
        local max_attempts = fields[3]
        if max_attempts == '0' then max_attempts = default_attempts end
        -- the lease deadline lives only in the leased set's score
        redis.call('HSET', key, 'state', 'active', 'attempts', attempts, 'token', fence,
          'owner', owner, 'started_at', now, 'max_attempts', max_attempts)
        leased[#leased + 1] = deadline
        leased[#leased + 1] = id
        result[#result + 1] = { id, tostring(fence), fields[1], attempts, max_attempts, fields[4],
          fields[5], fields[6], fields[7], fields[8] or '', fields[9] or '', fields[10] or '' }
        taken = taken + 1
      end
    end
  end
end

if taken > 0 then
  in_slices('ZADD', KEYS[3], leased)
  redis.call('HSET', KEYS[1], 'fence', fence)
  -- chain the doorbell if work remains; levels above the last one popped were empty
  if taken >= wanted then
    for level = last_level, 9 do
      if redis.call('LLEN', ready_prefix .. level) > 0 then
        redis.call('ZADD', KEYS[4], now, 'ring')
        break
      end
    end
  end
else
  -- only an idle worker needs to know when the next delayed job falls due
  result[2] = next_delayed()
end
return result
