#!lua flags=no-writes
-- session_counts: one slice of a session's jobs counted by state (`sessions ls`), on the server,
-- so a session of a million jobs is counted in slices instead of shipped to the client.
-- no-writes: it runs at maxmemory and on replicas. Ids whose job retention removed are skipped
-- (`sessions show` prunes them).
-- KEYS[1] the session's job SET
-- ARGV[1] JSON { job_prefix, cursor (SSCAN cursor, '0' to start), count (ids per slice) }
-- returns: JSON { cursor ('0' when done), counts: { state: jobs }, last_finished_at (0: none) }
local args = cjson.decode(ARGV[1])
local scan = redis.call('SSCAN', KEYS[1], args.cursor, 'COUNT', args.count)
local counts = {}
local last = 0
for _, id in ipairs(scan[2]) do
  local fields = redis.call('HMGET', args.job_prefix .. id, 'state', 'finished_at')
  if fields[1] then
    counts[fields[1]] = (counts[fields[1]] or 0) + 1
    local finished = tonumber(fields[2] or '0')
    if finished > last then last = finished end
  end
end
return reply({ cursor = scan[1], counts = counts, last_finished_at = last })
