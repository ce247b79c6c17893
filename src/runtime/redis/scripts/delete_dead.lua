#!lua flags=allow-oom
-- delete_dead: removes dead jobs for good (`dlq drain` once their records are safe in a file,
-- `dlq purge`). A job that left the dead set meanwhile (retried) is left alone.
-- allow-oom: deleting is how a full Redis gets room back.
-- KEYS[1] dead ZSET
-- ARGV[1] JSON { job_prefix, ids: [id] } (other fields are ignored)
-- returns: JSON { results: [{ id, changed, state }] }, state 'deleted', the state of a job that
--   is not dead, or 'missing'
local args = cjson.decode(ARGV[1])
local results = {}
for _, id in ipairs(args.ids) do
  local key = args.job_prefix .. id
  local state = redis.call('HGET', key, 'state')
  if not state then
    results[#results + 1] = { id = id, changed = false, state = 'missing' }
  elseif state == 'dead' then
    redis.call('DEL', key)
    redis.call('ZREM', KEYS[1], id)
    results[#results + 1] = { id = id, changed = true, state = 'deleted' }
  else
    results[#results + 1] = { id = id, changed = false, state = state }
  end
end
return reply({ results = results })
