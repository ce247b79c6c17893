#!lua
-- enqueue: add a batch of jobs to one queue, honouring unique keys and max_len backpressure.
-- Declares no flags, so Redis refuses it whole when at maxmemory: all jobs or none.
-- A job of a stopped session is refused ('stopped'); an accepted one joins its session's job
-- set, and the session's last activity moves.
-- KEYS[1] meta HASH, KEYS[2] delayed ZSET, KEYS[3] stats HASH, KEYS[4] wake ZSET,
--   KEYS[5] sessions ZSET, KEYS[6] events STREAM (absent: record no event)
-- ARGV[1] JSON { job_prefix, ready_prefix, fair_prefix, unique_prefix, session_prefix,
--   session_jobs_suffix, shared: { priority, max_attempts (0 = the consuming pipeline's),
--   timeout_ms, delay_ms, at_ms (server ms, wins over delay_ms), unique_key, unique_ttl_ms (0 =
--   held until the job finishes), correlation_id, session } (optional fields may be absent),
--   own?: [the same, one per job] (when the jobs differ; shared is then ignored) }; then two
--   arguments per job: its id and its data, raw, so payloads are never escaped into JSON. A
--   batch whose jobs share their settings (a bulk file, a bench) carries them once: decoding a
--   table per job cost Redis more than storing the job
-- returns: JSON { enqueued (how many), others: [{ index (1-based, into jobs), id, status }] }
--   for the jobs not enqueued, status 'duplicate' (id is the existing job's), 'full' (max_len
--   reached; not stored) or 'stopped' (its session was stopped; not stored); every job not
--   listed was enqueued under its own id (encoding a thousand outcomes that all say so cost
--   more than enqueueing them)
-- read only: a producer sends the same settings call after call, and decoding them cost a
-- one-job enqueue about a sixth of its time; the table may be an earlier call's (see the prelude)
local args = decode_settings(ARGV[1])
local now = now_ms()
-- formatted once for the whole batch, not once per job
local now_text = tostring(now)
local job_prefix, ready_prefix, unique_prefix = args.job_prefix, args.ready_prefix, args.unique_prefix

local settings = redis.call('HMGET', KEYS[1], 'max_len', 'fair')
local queue = { meta = KEYS[1], ready_prefix = ready_prefix, fair_prefix = args.fair_prefix,
  fair = settings[2] }
local max_len = tonumber(settings[1] or '0')
local size = 0
if max_len > 0 then
  size = redis.call('ZCARD', KEYS[2])
  for level = 0, 9 do size = size + waiting_count(queue, level) end
end

-- First every job is judged, with nothing written: a stopped session, a unique key or id
-- already taken (here or earlier in this batch), a full queue. Then the accepted jobs' indexes
-- go in, a command per ready level rather than one per job, and then their hashes: a cut-off
-- leaves at worst an id without a hash, which dequeue skips, never a hash no index points at.
-- each job's settings; ids and data are positional
local jobs, ids, job_keys = {}, {}, {}
local shared, own = args.shared, args.own
for index = 1, (#ARGV - 1) / 2 do
  local id = ARGV[2 * index]
  ids[index] = id
  job_keys[index] = job_prefix .. id
  jobs[index] = own and own[index] or shared
end
-- one EXISTS answers for the whole batch in the usual case, where no id is taken; only when
-- one is does each job get its own
local taken_count = in_slices('EXISTS', nil, job_keys)
local others, accepted = {}, {}
local seen_ids, claimed_keys, stopped_sessions = {}, {}, {}
for index, job in ipairs(jobs) do
  local id = ids[index]
  local unique_key = job.unique_key
  local existing = nil
  if unique_key then
    existing = claimed_keys[unique_key] or redis.call('GET', unique_prefix .. unique_key)
  end
  local stopped = false
  if job.session then
    stopped = stopped_sessions[job.session]
    if stopped == nil then
      stopped = redis.call('HGET', args.session_prefix .. job.session, 'status') == 'stopped'
      stopped_sessions[job.session] = stopped
    end
  end
  if stopped then
    others[#others + 1] = { index = index, id = id, status = 'stopped' }
  elseif existing then
    others[#others + 1] = { index = index, id = existing, status = 'duplicate' }
  elseif seen_ids[id] or (taken_count > 0 and redis.call('EXISTS', job_keys[index]) == 1) then
    -- an explicit --id that already exists is an idempotent retry of the same enqueue
    others[#others + 1] = { index = index, id = id, status = 'duplicate' }
  elseif max_len > 0 and size >= max_len then
    others[#others + 1] = { index = index, id = id, status = 'full' }
  else
    seen_ids[id] = true
    if unique_key then claimed_keys[unique_key] = id end
    size = size + 1
    accepted[#accepted + 1] = index
  end
end

-- the stored texts of a job's settings, once per settings table (a uniform batch has one)
local setting_texts = {}
local function texts_of(job)
  local texts = setting_texts[job]
  if not texts then
    texts = { priority = text_of(job.priority), max_attempts = text_of(job.max_attempts or 0),
      timeout_ms = text_of(job.timeout_ms or 0) }
    -- a job whose settings are all the defaults stores none of them (readers take a missing
    -- field as its default, since 0.2.0)
    texts.plain = texts.priority == DEFAULT_LEVEL and texts.max_attempts == '0'
      and texts.timeout_ms == '0'
    setting_texts[job] = texts
  end
  return texts
end

local run_ats, delayed, ready_levels, level_order = {}, {}, {}, {}
-- the doorbell rings when any job went straight to a ready list
local rang = false
for _, index in ipairs(accepted) do
  local job = jobs[index]
  local run_at = job.at_ms or (now + (job.delay_ms or 0))
  if run_at > now then
    delayed[#delayed + 1] = run_at
    delayed[#delayed + 1] = ids[index]
  else
    run_at = math.min(run_at, now)
    rang = true
    local level = texts_of(job).priority
    if queue.fair == '1' then
      push_ready(queue, level, ids[index], job.session)
    else
      local level_ids = ready_levels[level]
      if not level_ids then
        level_ids = {}
        ready_levels[level] = level_ids
        level_order[#level_order + 1] = level
      end
      level_ids[#level_ids + 1] = ids[index]
    end
  end
  run_ats[index] = run_at
end
in_slices('ZADD', KEYS[2], delayed)
for _, level in ipairs(level_order) do
  in_slices('RPUSH', ready_prefix .. level, ready_levels[level])
end

-- appends a field and its value to a job's HSET arguments (made once, not a closure per job)
local function add(fields, name, value)
  fields[#fields + 1] = name; fields[#fields + 1] = value
end

local enqueued = {}
-- each session's new jobs, written once per session after the loop, not four commands a job
local session_jobs, session_order = {}, {}
for _, index in ipairs(accepted) do
  local job = jobs[index]
  local id, unique_key = ids[index], job.unique_key
  local run_at = run_ats[index]
  local state = 'pending'
  if run_at > now then state = 'delayed' end
  local texts = texts_of(job)
  -- Only the fields that differ from their defaults are stored (attempts 0, priority 5, the
  -- pipeline's max_attempts, no timeout, run_at = created_at): writing all eight cost a bulk
  -- enqueue about a fifth more Redis CPU and every pending job 65 bytes. The usual job's
  -- fields are one call written out: a table unpacked into it cost Redis about a third more
  -- per job. Any other job's are one call too. No id field: the key names the job
  local extras = unique_key or job.correlation_id or job.session
  if texts.plain and run_at == now and not extras then
    redis.call('HSET', job_keys[index], 'data', ARGV[2 * index + 1], 'state', state,
      'created_at', now_text)
  else
    local fields = { 'data', ARGV[2 * index + 1], 'state', state, 'created_at', now_text }
    if texts.priority ~= DEFAULT_LEVEL then add(fields, 'priority', texts.priority) end
    if texts.max_attempts ~= '0' then add(fields, 'max_attempts', texts.max_attempts) end
    if texts.timeout_ms ~= '0' then add(fields, 'timeout_ms', texts.timeout_ms) end
    if run_at ~= now then add(fields, 'run_at', tostring(run_at)) end
    if unique_key then
      add(fields, 'unique_key', unique_key)
      -- without a TTL the key is held while the job is pending or running, and released
      -- when it finishes (done, dead or cancelled)
      if not job.unique_ttl_ms then add(fields, 'unique_until_done', 1) end
    end
    if job.correlation_id then add(fields, 'correlation_id', job.correlation_id) end
    if job.session then add(fields, 'session', job.session) end
    redis.call('HSET', job_keys[index], unpack(fields))
  end
  if unique_key then
    if job.unique_ttl_ms then
      redis.call('SET', unique_prefix .. unique_key, id, 'PX', job.unique_ttl_ms)
    else
      redis.call('SET', unique_prefix .. unique_key, id)
    end
  end
  if job.session then
    local members = session_jobs[job.session]
    if not members then
      members = {}
      session_jobs[job.session] = members
      session_order[#session_order + 1] = job.session
    end
    members[#members + 1] = id
  end
  enqueued[#enqueued + 1] = id
end
for _, session in ipairs(session_order) do
  local session_key = args.session_prefix .. session
  in_slices('SADD', session_key .. args.session_jobs_suffix, session_jobs[session])
  redis.call('HSETNX', session_key, 'created_at', now_text)
  redis.call('HSET', session_key, 'last_at', now_text)
  redis.call('ZADD', KEYS[5], now_text, session)
end
local added = #accepted
if added > 0 then redis.call('HINCRBY', KEYS[3], 'enqueued', added) end
if rang then redis.call('ZADD', KEYS[4], now, 'ring') end
-- the batch's session goes with the event when all its jobs share one
local session = session_order[1]
if #session_order == 1 and #session_jobs[session] == added then
  emit(KEYS[6], 'enqueued', enqueued, { session = session })
else
  emit(KEYS[6], 'enqueued', enqueued)
end
return reply({ enqueued = added, others = others })
