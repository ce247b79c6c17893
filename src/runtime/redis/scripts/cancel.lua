#!lua flags=allow-oom
-- cancel: stop jobs that have not finished; a running job's worker learns at its next heartbeat.
-- allow-oom: cancelling is one way to stop the damage when Redis is full.
-- Cancelled jobs are indexed like done ones and trimmed by the same retention.
-- KEYS[1] delayed ZSET, KEYS[2] leased ZSET, KEYS[3] stats HASH, KEYS[4] cancelled ZSET,
--   KEYS[5] meta HASH, KEYS[6] events STREAM (absent: record no event)
-- ARGV[1] JSON { job_prefix, ready_prefix, fair_prefix, unique_prefix, retain_done (default), ids: [id] }
-- returns: JSON { results: [{ id, changed, state }] }, state the job's state afterwards
--   ('cancelled', or the final state it already had), or 'missing'
local args = cjson.decode(ARGV[1])
local now = now_ms()
local queue = { ready_prefix = args.ready_prefix, fair_prefix = args.fair_prefix }
local results = {}
local cancelled = 0
local cancelled_ids = {}
for _, id in ipairs(args.ids) do
  local key = args.job_prefix .. id
  local fields = redis.call('HMGET', key, 'state', 'priority', 'unique_until_done', 'unique_key',
    'session')
  local state = fields[1]
  if not state then
    results[#results + 1] = { id = id, changed = false, state = 'missing' }
  elseif state == 'done' or state == 'dead' or state == 'cancelled' then
    results[#results + 1] = { id = id, changed = false, state = state }
  else
    if state == 'pending' then unready(queue, fields[2], id, fields[5]) end
    if state == 'delayed' then redis.call('ZREM', KEYS[1], id) end
    if state == 'active' then redis.call('ZREM', KEYS[2], id) end
    redis.call('HSET', key, 'state', 'cancelled', 'finished_at', now)
    redis.call('HDEL', key, 'token')
    redis.call('ZADD', KEYS[4], now, id)
    release_unique(args.unique_prefix, id, fields[3], fields[4])
    cancelled = cancelled + 1
    results[#results + 1] = { id = id, changed = true, state = 'cancelled' }
    cancelled_ids[#cancelled_ids + 1] = id
  end
end
if cancelled > 0 then
  redis.call('HINCRBY', KEYS[3], 'cancelled', cancelled)
  local retain = tonumber(redis.call('HGET', KEYS[5], 'retain_done') or args.retain_done)
  local excess = redis.call('ZCARD', KEYS[4]) - retain
  if excess > 0 then
    local trimmed = redis.call('ZPOPMIN', KEYS[4], excess)
    for j = 1, #trimmed, 2 do redis.call('UNLINK', args.job_prefix .. trimmed[j]) end
    redis.call('HINCRBY', KEYS[3], 'trimmed', excess)
  end
end
emit(KEYS[6], 'cancelled', cancelled_ids)
return reply({ results = results })
