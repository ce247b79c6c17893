-- prelude: helpers every script shares, joined in front of each script body when the scripts
-- are first loaded (after the script's own `#!lua` line), or on Redis 7 once at the top of the
-- function library that holds them all (see scripts.rs). Not a script of its own.
-- KEYS/ARGV: none; returns: nothing

-- the server's clock in milliseconds: every time fleetq stores comes from here
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

-- the server's clock in microseconds, for rate limits finer than a millisecond
local function now_us()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000000 + tonumber(t[2])
end

-- one GCRA decision for a rate of one start per `interval` µs with bursts of `burst`: how
-- many of `wanted` starts fit now, the µs until one does (when none), and the arrival time
-- to advance by `interval` per start taken (the caller stores it)
local function rate_room(tat, interval, burst, now, wanted)
  if tat < now then tat = now end
  local horizon = now + interval * (math.max(burst, 1) - 1)
  if horizon < tat then return 0, tat - horizon, tat end
  return math.min(math.floor((horizon - tat) / interval) + 1, wanted), 0, tat
end

-- A memo of `compute` that lives in the function library's state on Redis 7, so what one call
-- worked out serves the next; it starts over past `limit` entries. Keys `keep` refuses are not
-- remembered. Through EVALSHA every call starts empty, which costs nothing.
local function bounded_memo(compute, limit, keep)
  local values, count = {}, 0
  return function(key)
    local value = values[key]
    if value == nil then
      value = compute(key)
      if not keep or keep(key) then
        if count >= limit then values, count = {}, 0 end
        values[key] = value
        count = count + 1
      end
    end
    return value
  end
end

-- Lua turns a number into text through printf, which costs more than most commands that take
-- it; small whole numbers (priorities, attempts, counts, a batch's job numbers) are formatted
-- once
local text_of = bounded_memo(function(number) return tostring(number) end, 4096)

-- A worker (and a producer, and a rate-limited step) sends the same settings JSON call after
-- call, and decoding it cost a one-job dequeue 2-4 µs of its ~50: a decoded text is kept (short
-- texts only). The table is only read.
local decode_settings = bounded_memo(function(text) return cjson.decode(text) end, 64,
  function(text) return #text <= 2048 end)

-- variadic commands in slices, keeping unpack() far below Lua's stack limit; returns the sum
-- of their integer replies, and the last reply (RPUSH's is the list's length). `key` is nil for
-- a command that takes only the items (EXISTS).
local function in_slices(command, key, items)
  local total, reply = 0, 0
  for first = 1, #items, 1000 do
    local last = math.min(first + 999, #items)
    if key then
      reply = redis.call(command, key, unpack(items, first, last))
    else
      reply = redis.call(command, unpack(items, first, last))
    end
    total = total + reply
  end
  return total, reply
end

-- Redis keeps a sorted set of up to 128 members as a listpack, where each insert scans the
-- members and parses every score it passes from text. The leased set holds every job in flight
-- and takes a batch of inserts per dequeue: into a listpack of 100 that cost 1.7 to 2.4 µs a
-- job, against 0.35 on a skiplist. A member over 64 bytes makes Redis convert the set (or create
-- it) as a skiplist, which it keeps after that member leaves, until the set is deleted. So a
-- batch that will leave 32 or more in flight first adds such a member, and removes it once the
-- batch is in; no other script ever sees it. Nothing but speed depends on the encoding.
-- (65 `~`, written out: `string` is out of reach while Redis 7 loads the function library)
local wide_member = '~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~'

-- adds a batch of (score, member) pairs to a sorted set that ends up holding `size` members
local function zadd_batch(key, pairs, size)
  local widened = false
  if size >= 32 and redis.call('OBJECT', 'ENCODING', key) ~= 'skiplist' then
    redis.call('ZADD', key, 0, wide_member)
    widened = true
  end
  in_slices('ZADD', key, pairs)
  if widened then redis.call('ZREM', key, wide_member) end
end

-- a unique key held until its job finishes is released when the job does, if it still
-- points at this job
local function release_unique(unique_prefix, id, until_done, unique_key)
  if until_done and unique_key and redis.call('GET', unique_prefix .. unique_key) == id then
    redis.call('DEL', unique_prefix .. unique_key)
  end
end

-- Fair queues (`queues set Q --fair-sessions on`). A pending job waits in its priority's ready
-- list, or, in a fair queue, in its session's list at that priority. Each level then has a
-- rotation (a ZSET: member = a session with waiting jobs, or '' for the level's ready list,
-- which holds the jobs without a session; score = turn order) from which dequeue serves one job
-- per turn. The meta field `fair_lists` stays set while session lists may hold jobs, so turning
-- fairness off still drains them. `queue` is { meta, ready_prefix, fair_prefix, fair ('1' when
-- on) } in every helper below.

-- A job hash may leave out a field whose value is its default, so that a later version can
-- write fewer fields at enqueue (creating the hash is most of enqueue's cost). Every reader
-- takes a missing field as: priority 5 (`DEFAULT_LEVEL`), attempts 0, max_attempts 0 (the
-- consuming pipeline's), timeout_ms 0 (none), run_at the job's created_at. The helpers below
-- take a missing level as the default one.
local DEFAULT_LEVEL = '5'

-- the list where a rotation member's jobs wait
local function waiting_list(queue, level, member)
  if member == '' then return queue.ready_prefix .. level end
  return queue.fair_prefix .. level .. ':' .. member
end

-- gives `member` a turn at the back of the level's rotation, unless it already has one
local function give_turn(queue, level, member)
  local rotation = queue.fair_prefix .. level
  if redis.call('ZSCORE', rotation, member) then return end
  local last = redis.call('ZRANGE', rotation, -1, -1, 'WITHSCORES')
  local score = 0
  if last[2] then score = tonumber(last[2]) + 1 end
  redis.call('ZADD', rotation, score, member)
end

-- makes a job ready, at the back of its list or (`front`, for a job given back before it
-- finished) at the front
local function push_ready(queue, level, id, session, front)
  level = level or DEFAULT_LEVEL
  local command = 'RPUSH'
  if front then command = 'LPUSH' end
  if queue.fair ~= '1' then
    redis.call(command, queue.ready_prefix .. level, id)
    return
  end
  local member = session or ''
  redis.call(command, waiting_list(queue, level, member), id)
  queue.turned = queue.turned or {}
  if not queue.turned[level .. ':' .. member] then
    give_turn(queue, level, member)
    queue.turned[level .. ':' .. member] = true
  end
  if member ~= '' and not queue.marked then
    redis.call('HSET', queue.meta, 'fair_lists', 1)
    queue.marked = true
  end
end

-- every list where jobs of one level may wait
local function waiting_lists(queue, level)
  local lists = { queue.ready_prefix .. level }
  for _, member in ipairs(redis.call('ZRANGE', queue.fair_prefix .. level, 0, -1)) do
    if member ~= '' then lists[#lists + 1] = waiting_list(queue, level, member) end
  end
  return lists
end

-- how many jobs wait at one level
local function waiting_count(queue, level)
  local count = 0
  for _, list in ipairs(waiting_lists(queue, level)) do count = count + redis.call('LLEN', list) end
  return count
end

-- takes a job out of the list it waits in (cancel, clean)
local function unready(queue, level, id, session)
  level = level or DEFAULT_LEVEL
  if redis.call('LREM', queue.ready_prefix .. level, 0, id) == 0 and session then
    redis.call('LREM', waiting_list(queue, level, session), 0, id)
  end
end

-- appends one failed attempt to a job's bounded error history (JSON text in, JSON text out)
local function push_error(history_json, attempt, at, message, keep)
  local history = cjson.decode(history_json or '[]')
  history[#history + 1] = { attempt = attempt, at = at, error = message }
  while #history > keep do table.remove(history, 1) end
  return cjson.encode(history)
end

-- appends one compact event for a batch of jobs to the queue's bounded stream (`fleetq events
-- tail`): its type, the ids space-separated (ids hold no spaces), and extra fields. `stream` is
-- nil when the client records no events (it then leaves the stream out of KEYS). A batch of
-- none is no event, unless it carries a count (trimmed jobs, whose ids are not kept).
local function emit(stream, kind, ids, extra)
  if not stream or (#ids == 0 and not (extra and extra.count)) then return end
  local fields = { 'type', kind, 'ids', table.concat(ids, ' ') }
  for name, value in pairs(extra or {}) do
    fields[#fields + 1] = name
    fields[#fields + 1] = tostring(value)
  end
  redis.call('XADD', stream, 'MAXLEN', '~', '10000', '*', unpack(fields))
end

-- emits one event per session among a batch (sessions[i] is the session of ids[i], or false),
-- so `events tail --session S` sees that session's jobs start, finish and fail
local function emit_by_session(stream, kind, ids, sessions, extra)
  if not stream or #ids == 0 then return end
  local function emit_for(session, group)
    local fields = extra
    if session ~= '' then
      fields = { session = session }
      for name, value in pairs(extra or {}) do fields[name] = value end
    end
    emit(stream, kind, group, fields)
  end
  -- the usual batch is of one session (or none): one event of the ids as they are
  local first = sessions[1] or ''
  local mixed = false
  for i = 2, #ids do
    if (sessions[i] or '') ~= first then mixed = true; break end
  end
  if not mixed then return emit_for(first, ids) end
  local groups, order = {}, {}
  for i, id in ipairs(ids) do
    local session = sessions[i] or ''
    if not groups[session] then groups[session] = {}; order[#order + 1] = session end
    groups[session][#groups[session] + 1] = id
  end
  for _, session in ipairs(order) do emit_for(session, groups[session]) end
end

-- deletes the hashes of jobs that retention let go, in one command per thousand: an UNLINK per
-- job cost a script call's overhead each, once for every ack of a queue at its retention limit
local function unlink_jobs(job_prefix, ids)
  if #ids == 0 then return end
  local keys = {}
  for i, id in ipairs(ids) do keys[i] = job_prefix .. id end
  in_slices('UNLINK', nil, keys)
end

-- removes the members of a finished-jobs index (dead, cancelled, or the done index older
-- versions kept) that retention lets go: the oldest past `keep` (nil: no count limit), and
-- those finished before `before` (0: no age limit); their hashes go too. Returns how many went.
local function trim_finished(index, job_prefix, keep, before)
  local gone = {}
  if keep then
    local excess = redis.call('ZCARD', index) - keep
    if excess > 0 then
      local popped = redis.call('ZPOPMIN', index, excess)
      for j = 1, #popped, 2 do gone[#gone + 1] = popped[j] end
    end
  end
  if before > 0 then
    local old = redis.call('ZRANGEBYSCORE', index, '-inf', '(' .. before, 'LIMIT', 0, 1000)
    if #old > 0 then
      in_slices('ZREM', index, old)
      for _, id in ipairs(old) do gone[#gone + 1] = id end
    end
  end
  unlink_jobs(job_prefix, gone)
  return #gone
end

-- Done jobs are kept in a LIST of `<finished_at ms> <id>` entries in the order they finished:
-- RPUSH at the ack, LPOP at the trim. A ZADD into a sorted set of 50,000 cost an ack 1.5 µs
-- more per job than the RPUSH. The sorted set of done ids that earlier versions kept (`legacy`,
-- id -> finished ms) holds older jobs than the list: it is read and trimmed first until it
-- drains, and then costs a ZCARD per call.

-- the id in a done entry
local function done_id(entry)
  return string.sub(entry, string.find(entry, ' ', 1, true) + 1)
end

-- when the job of a done entry finished (server ms)
local function done_at(entry)
  return tonumber(string.sub(entry, 1, string.find(entry, ' ', 1, true) - 1))
end

-- the done entry of a job that finished at `finished_at` (the text stored in its hash)
local function done_entry(finished_at, id)
  return finished_at .. ' ' .. id
end

-- trim_finished for the done jobs, kept in `list` (`length` long, nil: not known) and the
-- `legacy` set together
local function trim_done(list, legacy, job_prefix, keep, before, length)
  length = length or redis.call('LLEN', list)
  local trimmed = 0
  local legacy_count = redis.call('ZCARD', legacy)
  if legacy_count > 0 then
    local legacy_keep = nil
    if keep then legacy_keep = math.max(keep - length, 0) end
    trimmed = trim_finished(legacy, job_prefix, legacy_keep, before)
    -- what the set still holds counts against what the list may keep
    if keep then keep = math.max(keep - (legacy_count - trimmed), 0) end
  end
  local gone = {}
  if keep and length > keep then
    for _, entry in ipairs(redis.call('LPOP', list, length - keep)) do
      gone[#gone + 1] = done_id(entry)
    end
  end
  -- entries are in finishing order: the old ones are a run at the head
  if before > 0 then
    local head = redis.call('LRANGE', list, 0, 0)[1]
    if head and done_at(head) < before then
      local old = 0
      for _, entry in ipairs(redis.call('LRANGE', list, 0, 999)) do
        if done_at(entry) >= before then break end
        old = old + 1
        gone[#gone + 1] = done_id(entry)
      end
      redis.call('LTRIM', list, old, -1)
    end
  end
  unlink_jobs(job_prefix, gone)
  return trimmed + #gone
end

-- takes done entries out of the list (session clean): one LREM each for a few, or one pass
-- that keeps the rest for many, as each LREM scans the list
local function remove_done(list, entries)
  if #entries <= 8 then
    for _, entry in ipairs(entries) do redis.call('LREM', list, 1, entry) end
    return
  end
  local drop = {}
  for _, entry in ipairs(entries) do drop[entry] = true end
  local kept = {}
  for _, entry in ipairs(redis.call('LRANGE', list, 0, -1)) do
    if not drop[entry] then kept[#kept + 1] = entry end
  end
  redis.call('DEL', list)
  if #kept > 0 then in_slices('RPUSH', list, kept) end
end

-- replies are JSON objects with named fields, decoded by serde on the Rust side
local function reply(fields)
  return cjson.encode(fields)
end
