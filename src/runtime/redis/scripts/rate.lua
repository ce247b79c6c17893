-- rate: take starts from a fleet-wide rate budget (a step's `rate:`), so every worker process
-- draws from one budget (GCRA: the budget is one theoretical arrival time).
-- KEYS[1] rates HASH (field: the step's name; value: its arrival time in µs)
-- ARGV[1] JSON { scope, interval_us, burst, wanted }
-- returns: JSON { granted, wait_us } (wait_us: until a start is free, when none was granted)
-- read only: the same step asks with the same settings every time (see the prelude)
local args = decode_settings(ARGV[1])
local room, wait, tat = rate_room(tonumber(redis.call('HGET', KEYS[1], args.scope) or '0'),
  args.interval_us, args.burst, now_us(), args.wanted)
if room > 0 then
  redis.call('HSET', KEYS[1], args.scope, string.format('%.0f', tat + room * args.interval_us))
end
return reply({ granted = room, wait_us = wait })
