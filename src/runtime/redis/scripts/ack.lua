#!lua flags=allow-oom
-- ack: mark leased jobs done, fenced by their lease token; trims done jobs past retention. A
-- queue that keeps no done jobs (retain_done 0) deletes each job as it is acked instead of
-- storing it as done and trimming it: no done entry, no hash write, nothing to trim later.
-- allow-oom: acks must land when Redis is at maxmemory, or the queue jams.
-- Idempotent per token: an ack re-sent after the first one applied counts as `already`.
-- KEYS[1] meta HASH, KEYS[2] leased ZSET, KEYS[3] done ZSET, KEYS[4] stats HASH,
--   KEYS[5] throughput buckets HASH, KEYS[6] events STREAM (absent: record no event)
-- ARGV[1] JSON { job_prefix, unique_prefix, retain_done (default), bucket_ms }, then three
--   arguments per completion: its id, its lease token and its outputs JSON (raw). Positional,
--   not a JSON list: decoding a table per job cost Redis more than acking it.
-- returns: JSON { acked, already, stale: [id] } where stale ids lost their lease (with
--   retain_done 0, a repeat of an ack that applied finds nothing left and counts as stale)
local args = cjson.decode(ARGV[1])
local now = now_ms()
local job_prefix = args.job_prefix
local now_text = tostring(now)
local stale, finished, done_entries, finished_sessions = {}, {}, {}, {}
local already = 0
local retention = redis.call('HMGET', KEYS[1], 'retain_done', 'retain_ms')
local retain = tonumber(retention[1] or args.retain_done)
local keep_none = retain == 0
-- with keep_none an acked job's hash is gone at once, so a completion repeated within this
-- call is recognised here rather than by its state
local taken = {}
for index = 2, #ARGV, 3 do
  local id, token = ARGV[index], ARGV[index + 1]
  local key = job_prefix .. id
  local fields = redis.call('HMGET', key, 'token', 'state', 'unique_until_done', 'unique_key',
    'session')
  if taken[id] == token then
    already = already + 1
  elseif fields[1] == token and fields[2] == 'active' then
    taken[id] = token
    release_unique(args.unique_prefix, id, fields[3], fields[4])
    if keep_none then
      redis.call('UNLINK', key)
    else
      -- the token stays, so a repeat of this ack is recognised; the state fences the rest
      redis.call('HSET', key, 'state', 'done', 'finished_at', now_text, 'outputs', ARGV[index + 2])
      done_entries[#done_entries + 1] = now_text
      done_entries[#done_entries + 1] = id
    end
    finished[#finished + 1] = id
    finished_sessions[#finished_sessions + 1] = fields[5] or false
  elseif fields[1] == token and fields[2] == 'done' then
    already = already + 1
  else
    stale[#stale + 1] = id
  end
end
local acked = #finished
if acked > 0 then
  in_slices('ZREM', KEYS[2], finished)
  in_slices('ZADD', KEYS[3], done_entries)
  emit_by_session(KEYS[6], 'completed', finished, finished_sessions)
  redis.call('HINCRBY', KEYS[4], 'done', acked)
  local width = args.bucket_ms
  local bucket = math.floor(now / width)
  if redis.call('HINCRBY', KEYS[5], bucket, acked) == acked then
    -- a new bucket started: forget buckets older than the widest window (5 minutes)
    for _, field in ipairs(redis.call('HKEYS', KEYS[5])) do
      if tonumber(field) < bucket - math.ceil(300000 / width) - 1 then
        redis.call('HDEL', KEYS[5], field)
      end
    end
  end
  local age = tonumber(retention[2] or '0')
  local before = 0
  if age > 0 then before = now - age end
  -- jobs deleted at once count as trimmed, as they would have been a moment later
  local trimmed = trim_finished(KEYS[3], job_prefix, retain, before)
  if keep_none then trimmed = trimmed + acked end
  if trimmed > 0 then
    redis.call('HINCRBY', KEYS[4], 'trimmed', trimmed)
    emit(KEYS[6], 'trimmed', {}, { count = trimmed })
  end
end
return reply({ acked = acked, already = already, stale = stale })
