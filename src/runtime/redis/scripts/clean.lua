#!lua flags=allow-oom
-- clean: deletes jobs of a session whatever their state (`sessions clean`), from every index,
-- with the unique keys they hold; a session left without jobs is forgotten.
-- allow-oom: cleaning is how a full Redis gets room back.
-- KEYS[1] delayed ZSET, KEYS[2] leased ZSET, KEYS[3] done ZSET, KEYS[4] dead ZSET,
--   KEYS[5] cancelled ZSET, KEYS[6] sessions ZSET, KEYS[7] the session HASH,
--   KEYS[8] the session's job SET, KEYS[9] done LIST (KEYS[3] is the done index older
--   versions kept)
-- ARGV[1] JSON { job_prefix, ready_prefix, fair_prefix, unique_prefix, session, ids: [id] }
-- returns: JSON { deleted, forgotten } (forgotten: the session had no jobs left)
local args = cjson.decode(ARGV[1])
local indexes = { delayed = KEYS[1], active = KEYS[2], done = KEYS[3], dead = KEYS[4],
  cancelled = KEYS[5] }
local queue = { ready_prefix = args.ready_prefix, fair_prefix = args.fair_prefix }
local deleted = 0
local done_entries = {}
for _, id in ipairs(args.ids) do
  local key = args.job_prefix .. id
  local fields = redis.call('HMGET', key, 'state', 'priority', 'unique_key', 'session',
    'finished_at')
  local state = fields[1]
  if state and fields[4] == args.session then
    if state == 'pending' then
      unready(queue, fields[2], id, fields[4])
    elseif indexes[state] then
      -- a done job is indexed in the done list, or in the set older versions kept
      if redis.call('ZREM', indexes[state], id) == 0 and state == 'done' and fields[5] then
        done_entries[#done_entries + 1] = done_entry(fields[5], id)
      end
    end
    if fields[3] then
      local unique = args.unique_prefix .. fields[3]
      if redis.call('GET', unique) == id then redis.call('DEL', unique) end
    end
    redis.call('DEL', key)
    deleted = deleted + 1
  end
  redis.call('SREM', KEYS[8], id)
end
remove_done(KEYS[9], done_entries)
local forgotten = false
if redis.call('SCARD', KEYS[8]) == 0 then
  redis.call('DEL', KEYS[7])
  redis.call('ZREM', KEYS[6], args.session)
  -- its turns in a fair queue's rotations (its lists are empty by now)
  for level = 0, 9 do redis.call('ZREM', args.fair_prefix .. level, args.session) end
  forgotten = true
end
return reply({ deleted = deleted, forgotten = forgotten })
