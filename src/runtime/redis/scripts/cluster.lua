-- cluster: joined in front of every script on a Redis Cluster (after its `#!lua` line), or at
-- the top of every function of the library on Redis 7. Not a script of its own.
-- KEYS[1] any key of the queue (every key of a queue shares its `{queue}` slot); ARGV: none
-- returns: a TRYAGAIN error, and touches nothing, while the queue's slot is being resharded
--
-- Why: `redis-cli --cluster reshard` moves a slot's keys a batch at a time. Meanwhile the old
-- node refuses any command on a key that already left (and on any missing key), and the new
-- one answers nil for keys still on the way. A script that met either halfway would stop with
-- its first writes kept, or act on a job it cannot see: a popped id lost, a lease half taken.
-- Asking for two keys that never exist answers 0 on a settled slot, and fails on both nodes
-- of a migrating or importing one (ASK or TRYAGAIN), before the script has written anything.
-- The client retries TRYAGAIN until the slot has moved, then follows MOVED to its new node.
do
  local base = KEYS[1]
  if base then
    local probe = redis.pcall('EXISTS', base .. ':resharding-probe:a', base .. ':resharding-probe:b')
    if type(probe) == 'table' and probe.err then
      return redis.error_reply('TRYAGAIN the queue\'s slot is being resharded (' .. probe.err .. ')')
    end
  end
end
