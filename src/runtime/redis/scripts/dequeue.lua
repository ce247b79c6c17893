#!lua flags=allow-oom
-- dequeue: first marks the completions it carries done (fenced by their lease tokens), then
-- leases up to n ready jobs, promoting due delayed jobs first; honours pause. In a fair queue
-- each level's jobs are taken one per session in turn (see the prelude). One script, not an
-- ack script and a dequeue script in one pipeline: a script call costs about 7 µs before it
-- does any work (its arguments decoded, the clock and the queue's settings read), and a busy
-- worker's every round trip carries both. With n = 0 it only acks (`complete`).
-- allow-oom: at maxmemory a worker can still take jobs and must still ack them, or the queue
-- jams; draining is the way out of a full Redis.
-- KEYS[1] meta HASH, KEYS[2] delayed ZSET, KEYS[3] leased ZSET, KEYS[4] wake ZSET,
--   KEYS[5] done ZSET (older versions' index, trimmed first), KEYS[6] stats HASH,
--   KEYS[7] throughput buckets HASH, KEYS[8] done LIST (`<finished_at> <id>`, see the
--   prelude), KEYS[9] events STREAM (absent: record no event)
-- ARGV[1] JSON { job_prefix, unique_prefix, retain_done (default), bucket_ms, max_jobs, and
--   when max_jobs > 0: ready_prefix, fair_prefix, lease_ms, owner, default_max_attempts (for
--   jobs enqueued without one), rate_us?, rate_burst?, max_inflight? (the pipeline's limits;
--   the queue's own in meta apply too, the stricter wins), multi_pop? (Redis 7: LMPOP is
--   there) }, then three arguments per completion: its id, its lease token and its outputs
--   JSON (raw). Positional, not a JSON list: decoding a table per job cost Redis more than
--   acking it. An ack re-sent after the first one applied counts as `already`.
-- returns: [JSON { acks?: { acked, already, stale: [id] } (when completions were given; stale
--   ids lost their lease, and with retain_done 0 a repeat of an ack that applied finds
--   nothing left and counts as stale), acks_error? (the error reply that stopped the acks;
--   with max_jobs 0 the script replies that error instead), and when max_jobs > 0: now,
--   paused, next_delayed_at?, next_lease_expiry? (the last two only when nothing was leased,
--   for idle and burst workers), limited_ms? (a rate or max_inflight holds jobs back this
--   long) }, then three elements per leased job: its record `id token attempts max_attempts
--   timeout_ms priority created_at run_at session correlation_id` (space-separated: ids and
--   session names hold no space, and the correlation id, last, may; an absent session or
--   correlation id is empty), its data and its outputs (nil when none), raw, so payloads are
--   never escaped into JSON]
-- read only: the table may be the one an earlier call decoded (see the prelude)
local args = decode_settings(ARGV[1])
local now = now_ms()
local job_prefix = args.job_prefix
-- numbers go to Redis as text made once: a Lua number argument is printf'd on every call, which
-- at one job per call (concurrency 1) cost more than some of the commands it went to
local now_text = tostring(now)
local events = KEYS[9]

local meta = redis.call('HMGET', KEYS[1], 'paused', 'fence', 'fair', 'fair_lists', 'rate_us',
  'rate_burst', 'rate_tat', 'max_inflight', 'retain_done', 'retain_ms')

-- marks the completions in ARGV done; a queue that keeps no done jobs (retain_done 0) deletes
-- each as it is acked instead: no done entry, no hash write, nothing to trim later
local function ack()
  local stale, finished, done_entries, finished_sessions = {}, {}, {}, {}
  -- counts kept by hand: Lua 5.1 finds a table's length by a binary search, at every append
  local already, acked = 0, 0
  local retain = tonumber(meta[9] or args.retain_done)
  local keep_none = retain == 0
  -- with keep_none an acked job's hash is gone at once, so a completion repeated within this
  -- call is recognised here rather than by its state
  local taken = {}
  for index = 2, #ARGV, 3 do
    local id, token = ARGV[index], ARGV[index + 1]
    local key = job_prefix .. id
    local fields = redis.call('HMGET', key, 'token', 'state', 'unique_until_done', 'unique_key',
      'session')
    if keep_none and taken[id] == token then
      already = already + 1
    elseif fields[1] == token and fields[2] == 'active' then
      if fields[3] then release_unique(args.unique_prefix, id, fields[3], fields[4]) end
      if keep_none then
        taken[id] = token
        redis.call('UNLINK', key)
      else
        -- the token stays, so a repeat of this ack is recognised; the state fences the rest
        redis.call('HSET', key, 'state', 'done', 'finished_at', now_text, 'outputs',
          ARGV[index + 2])
        done_entries[acked + 1] = done_entry(now_text, id)
      end
      acked = acked + 1
      finished[acked] = id
      finished_sessions[acked] = fields[5] or false
    elseif fields[1] == token and fields[2] == 'done' then
      already = already + 1
    else
      stale[#stale + 1] = id
    end
  end
  if acked > 0 then
    in_slices('ZREM', KEYS[3], finished)
    -- the push answers the list's length, which the trim below needs
    local length = nil
    if #done_entries > 0 then
      local _, pushed = in_slices('RPUSH', KEYS[8], done_entries)
      length = pushed
    end
    emit_by_session(events, 'completed', finished, finished_sessions)
    redis.call('HINCRBY', KEYS[6], 'done', text_of(acked))
    local width = args.bucket_ms
    local bucket = math.floor(now / width)
    if redis.call('HINCRBY', KEYS[7], tostring(bucket), text_of(acked)) == acked then
      -- a new bucket started: forget buckets older than the widest window (5 minutes)
      for _, field in ipairs(redis.call('HKEYS', KEYS[7])) do
        if tonumber(field) < bucket - math.ceil(300000 / width) - 1 then
          redis.call('HDEL', KEYS[7], field)
        end
      end
    end
    local age = tonumber(meta[10] or '0')
    local before = 0
    if age > 0 then before = now - age end
    -- jobs deleted at once count as trimmed, as they would have been a moment later
    local trimmed = trim_done(KEYS[8], KEYS[5], job_prefix, retain, before, length)
    if keep_none then trimmed = trimmed + acked end
    if trimmed > 0 then
      redis.call('HINCRBY', KEYS[6], 'trimmed', trimmed)
      emit(events, 'trimmed', {}, { count = trimmed })
    end
  end
  return { acked = acked, already = already, stale = stale }
end

-- before anything is leased: an ack frees room under max_inflight. An ack that fails (a
-- command refused) fails alone, as the lease still reaches the worker; it resends its acks.
local acks, acks_error
if #ARGV > 1 then
  local ok, result = pcall(ack)
  if ok then
    acks = result
  else
    -- a refused command raises a table holding the error reply; anything else, its text
    if type(result) == 'table' then result = result.err end
    acks_error = tostring(result)
  end
end
if args.max_jobs == 0 then
  if acks_error then return redis.error_reply(acks_error) end
  return { reply({ acks = acks }) }
end

-- a lease's reply: `fields` and what the acks did
local function answer(fields, payloads)
  fields.acks, fields.acks_error, fields.now = acks, acks_error, now
  local out = { reply(fields) }
  for i = 1, #(payloads or {}) do out[i + 1] = payloads[i] end
  return out
end

local ready_prefix = args.ready_prefix
local wanted, owner = args.max_jobs, args.owner
local queue = { meta = KEYS[1], ready_prefix = ready_prefix, fair_prefix = args.fair_prefix,
  fair = meta[3] }
-- session lists are served while the queue is fair, and after, until they are empty
local fair_mode = meta[3] == '1' or meta[4] == '1'

-- promote due delayed jobs in bounded chunks so one call never stalls the server
local due = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now_text, 'LIMIT', '0', '1000')
for _, id in ipairs(due) do
  redis.call('ZREM', KEYS[2], id)
  local fields = redis.call('HMGET', job_prefix .. id, 'priority', 'session', 'state')
  if fields[3] then
    redis.call('HSET', job_prefix .. id, 'state', 'pending')
    push_ready(queue, fields[1], id, fields[2])
  end
end

local function first_score(key)
  local first = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  if first[2] then return tonumber(first[2]) end
  return nil
end

if meta[1] == '1' then
  return answer({ paused = true, next_delayed_at = first_score(KEYS[2]) })
end

-- fleet-wide limits, before anything is taken: jobs held back wait in the queue and spend no
-- attempt
local rate_us, rate_burst = tonumber(meta[5] or '0'), tonumber(meta[6] or '0')
if args.rate_us and args.rate_us > rate_us then rate_us, rate_burst = args.rate_us, args.rate_burst end
local cap = tonumber(meta[8] or '0')
if args.max_inflight and (cap == 0 or args.max_inflight < cap) then cap = args.max_inflight end
if cap > 0 then
  local room = cap - redis.call('ZCARD', KEYS[3])
  -- a running job frees a slot when it ends; look again shortly
  if room <= 0 then
    return answer({ paused = false, limited_ms = 20 })
  end
  if room < wanted then wanted = room end
end
local rate_tat
if rate_us > 0 then
  local room, wait
  room, wait, rate_tat = rate_room(tonumber(meta[7] or '0'), rate_us, rate_burst, now_us(), wanted)
  if room == 0 then
    return answer({ paused = false, limited_ms = math.ceil(wait / 1000) })
  end
  wanted = room
end

-- jobs leased so far
local jobs_taken = 0
local payloads = {}
local deadline = now + args.lease_ms
-- formatted once for the whole batch, not once per job
local deadline_text = tostring(deadline)
-- one fence read and one write per batch. The fence counts batches, and a job's token is its
-- batch's fence and its number in the batch (`<fence>.<n>`): a concatenation, where a number
-- per job cost a printf. Tokens are only ever compared whole. Versions that count the fence
-- per job and use it as the token (no dot) never make the same text.
local batch_fence = tostring(tonumber(meta[2] or '0') + 1)
local token_prefix = batch_fence .. '.'
local leased = {}
local started, started_sessions = {}, {}
local last_level = 0
local function lease_each(ids)
  for _, id in ipairs(ids) do
    local key = job_prefix .. id
    local fields = redis.call('HMGET', key, 'data', 'attempts', 'max_attempts', 'timeout_ms',
      'priority', 'created_at', 'run_at', 'correlation_id', 'outputs', 'session', 'state')
    -- a purged or cancelled job can linger in a ready list; skip it
    if fields[1] and fields[11] == 'pending' then
      local token = token_prefix .. text_of(jobs_taken + 1)
      -- fields left out at their defaults read as such (see the prelude)
      local attempts = text_of(tonumber(fields[2] or '0') + 1)
      local max_attempts = fields[3]
      if not max_attempts or max_attempts == '0' then
        max_attempts = text_of(args.default_max_attempts)
      end
      -- the lease deadline lives only in the leased set's score
      redis.call('HSET', key, 'state', 'active', 'attempts', attempts, 'token', token,
        'owner', owner, 'started_at', now_text, 'max_attempts', max_attempts)
      jobs_taken = jobs_taken + 1
      leased[2 * jobs_taken - 1] = deadline_text
      leased[2 * jobs_taken] = id
      started[jobs_taken], started_sessions[jobs_taken] = id, fields[10] or false
      -- one string per job made by a single concatenation: a table per job encoded by cjson
      -- cost Redis about twice as much, and the worker a JSON parse
      local n = 3 * jobs_taken - 3
      payloads[n + 1] = id .. ' ' .. token .. ' ' .. attempts .. ' ' .. max_attempts .. ' '
        .. (fields[4] or '0') .. ' ' .. (fields[5] or DEFAULT_LEVEL) .. ' ' .. fields[6] .. ' '
        .. (fields[7] or fields[6]) .. ' '
        .. (fields[10] or '') .. ' ' .. (fields[8] or '')
      payloads[n + 2] = fields[1]
      payloads[n + 3] = fields[9]
    end
  end
end

-- one job per turn of the level's rotation, a round of turns per ZPOPMIN; a member alone in
-- the rotation gets the rest of the batch. A member whose list turns out empty loses its turn.
local function take_fairly(level)
  local rotation = args.fair_prefix .. level
  local fair = queue.fair == '1'
  -- jobs without a session take turns too (once fairness is off, they are served after)
  if fair and redis.call('LLEN', ready_prefix .. level) > 0 then give_turn(queue, level, '') end
  local last = redis.call('ZRANGE', rotation, -1, -1, 'WITHSCORES')
  local back = 0
  if last[2] then back = tonumber(last[2]) end
  while jobs_taken < wanted do
    local turns = redis.call('ZPOPMIN', rotation, wanted - jobs_taken)
    if #turns == 0 then break end
    local again = {}
    for i = 1, #turns, 2 do
      local member = turns[i]
      local take = 1
      if #turns == 2 and redis.call('ZCARD', rotation) == 0 then take = wanted - jobs_taken end
      local ids = redis.call('LPOP', waiting_list(queue, level, member), take)
      if ids then
        last_level = level
        lease_each(ids)
        -- back of the line; served without fairness, the level's ready list needs no turn
        if fair or member ~= '' then
          back = back + 1
          again[#again + 1] = back
          again[#again + 1] = member
        end
      end
    end
    if #again > 0 then in_slices('ZADD', rotation, again) end
  end
end

if args.multi_pop and not fair_mode then
  -- one LMPOP takes from the highest non-empty level: a call per level that has jobs, not
  -- one per level (a command inside a script costs about as much as the work it does)
  local call = { '10' }
  for level = 0, 9 do call[level + 2] = ready_prefix .. level end
  call[12], call[13] = 'LEFT', 'COUNT'
  while jobs_taken < wanted do
    call[14] = text_of(wanted - jobs_taken)
    local popped = redis.call('LMPOP', unpack(call))
    if not popped then break end
    last_level = tonumber(string.sub(popped[1], #ready_prefix + 1))
    lease_each(popped[2])
  end
else
  for level = 0, 9 do
    if jobs_taken >= wanted then break end
    if fair_mode then take_fairly(level) end
    if jobs_taken < wanted and not (fair_mode and queue.fair == '1') then
      local ids = redis.call('LPOP', ready_prefix .. level, wanted - jobs_taken)
      if ids then last_level = level; lease_each(ids) end
    end
  end
end

-- fairness is off and every session list has drained: back to the plain path
if fair_mode and queue.fair ~= '1' then
  local drained = true
  for level = 0, 9 do
    if redis.call('ZCARD', args.fair_prefix .. level) > 0 then drained = false; break end
  end
  if drained then redis.call('HDEL', KEYS[1], 'fair_lists') end
end

local result = { paused = false }
if jobs_taken > 0 then
  -- a big batch needs no count of what else is in flight to know it is big, and a small one
  -- (a worker at concurrency 1 to 10) skips the count: the set it joins may stay a listpack
  -- until Redis converts it at 129 members, which costs a small batch little
  local in_flight = jobs_taken
  if in_flight >= 8 and in_flight < 32 then in_flight = in_flight + redis.call('ZCARD', KEYS[3]) end
  zadd_batch(KEYS[3], leased, in_flight)
  emit_by_session(events, 'started', started, started_sessions, { worker = args.owner })
  redis.call('HSET', KEYS[1], 'fence', batch_fence)
  if rate_tat then
    redis.call('HSET', KEYS[1], 'rate_tat', string.format('%.0f', rate_tat + jobs_taken * rate_us))
  end
  -- chain the doorbell if work remains; levels above the last one popped were empty
  if jobs_taken >= wanted then
    for level = last_level, 9 do
      if redis.call('LLEN', ready_prefix .. level) > 0
        or (fair_mode and redis.call('ZCARD', args.fair_prefix .. level) > 0) then
        redis.call('ZADD', KEYS[4], now_text, 'ring')
        break
      end
    end
  end
else
  -- only an idle worker needs to know when the next delayed job or lease falls due
  result.next_delayed_at = first_score(KEYS[2])
  result.next_lease_expiry = first_score(KEYS[3])
end
return answer(result, payloads)
