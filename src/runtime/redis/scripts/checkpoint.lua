-- checkpoint: save a running job's completed steps' outputs, fenced by its lease token, so
-- another attempt (a retry, or a re-delivery after its worker died) resumes after them.
-- KEYS[1] the job HASH
-- ARGV[1] JSON { token, outputs (JSON text of every completed step's output) }
-- returns: JSON { saved } (false: the token no longer owns the job, nothing written)
local args = cjson.decode(ARGV[1])
local fields = redis.call('HMGET', KEYS[1], 'token', 'state')
if fields[1] ~= args.token or fields[2] ~= 'active' then return reply({ saved = false }) end
redis.call('HSET', KEYS[1], 'outputs', args.outputs)
return reply({ saved = true })
