namespace LiteAspire.Proxy.Limits;

/// <summary>
/// The two Lua scripts of <see cref="RedisRateLimiter"/>. Each runs atomically over all of a request's descriptors.
/// Keys come four per descriptor, under LiteLLM's hash tag <c>{&lt;kind&gt;:&lt;value&gt;}</c>: <c>:window</c> (start, epoch ms),
/// <c>:requests</c>, <c>:tokens</c>, <c>:max_parallel_requests</c> (a sorted set of lease ids scored by their expiry, so the
/// slots of an instance that died time out one by one). Times come from the caller, so every replica (and a test's clock) agrees.
/// </summary>
/// <remarks>
/// One script touches the keys of several hash tags. Redis Cluster runs a script only when all its keys share one slot,
/// so this targets standalone and Sentinel Redis (LiteLLM instead runs one script per hash tag, giving up all-or-nothing).
/// </remarks>
internal static class RedisRateLimitScripts
{
    /// <summary>Keys per descriptor.</summary>
    public const int KeysPerDescriptor = 4;

    /// <summary>ARGV before the per-descriptor ones, in both scripts.</summary>
    public const int FixedArguments = 4;

    /// <summary>
    /// ARGV: now ms, window ms, lease timeout ms, lease id, then per descriptor rpm, tpm, max parallel (-1 when unset).
    /// Returns <c>{0, descriptor (1-based), type (1 requests, 2 tokens, 3 max_parallel_requests), window start}</c> when refused,
    /// else <c>{1, then per descriptor: window start, requests, tokens, in flight}</c>.
    /// </summary>
    public const string Acquire = """
        local now = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local count = #KEYS / 4
        local starts, requests, tokens, parallel, maxParallel = {}, {}, {}, {}, {}
        for i = 1, count do
          local k = (i - 1) * 4
          local a = 4 + (i - 1) * 3
          local rpm, tpm, maxp = tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3])
          local start = tonumber(redis.call('GET', KEYS[k + 1]))
          local r, t, p = 0, 0, 0
          if start and now - start < window then
            r = tonumber(redis.call('GET', KEYS[k + 2])) or 0
            if tpm >= 0 then t = tonumber(redis.call('GET', KEYS[k + 3])) or 0 end
          else
            start = false
          end
          if maxp >= 0 then
            redis.call('ZREMRANGEBYSCORE', KEYS[k + 4], '-inf', now)
            p = redis.call('ZCARD', KEYS[k + 4])
          end
          local shown = start or now
          if rpm >= 0 and r >= rpm then return {0, i, 1, shown} end
          if tpm >= 0 and t >= tpm then return {0, i, 2, shown} end
          if maxp >= 0 and p >= maxp then return {0, i, 3, shown} end
          starts[i], requests[i], tokens[i], parallel[i], maxParallel[i] = start, r, t, p, maxp
        end
        local leaseTimeout = tonumber(ARGV[3])
        local result = {1}
        for i = 1, count do
          local k = (i - 1) * 4
          local start = starts[i]
          if start then
            requests[i] = redis.call('INCR', KEYS[k + 2])
            if requests[i] == 1 then redis.call('PEXPIRE', KEYS[k + 2], math.max(1, start + window - now)) end
          else
            start = now
            redis.call('SET', KEYS[k + 1], ARGV[1], 'PX', window)
            redis.call('SET', KEYS[k + 2], 1, 'PX', window)
            redis.call('DEL', KEYS[k + 3])
            requests[i], tokens[i] = 1, 0
          end
          if maxParallel[i] >= 0 then
            redis.call('ZADD', KEYS[k + 4], now + leaseTimeout, ARGV[4])
            redis.call('PEXPIRE', KEYS[k + 4], leaseTimeout)
            parallel[i] = parallel[i] + 1
          end
          result[#result + 1] = start
          result[#result + 1] = requests[i]
          result[#result + 1] = tokens[i]
          result[#result + 1] = parallel[i]
        end
        return result
        """;

    /// <summary>
    /// ARGV: now ms, window ms, tokens, lease id ('' when no slot was taken), then per descriptor 1 to count the tokens, else 0.
    /// Tokens go to the running window (its TTL set only when the key has none), or start a window when none runs.
    /// </summary>
    public const string Release = """
        local now = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local tokens = tonumber(ARGV[3])
        local lease = ARGV[4]
        for i = 1, #KEYS / 4 do
          local k = (i - 1) * 4
          if tokens > 0 and ARGV[4 + i] == '1' then
            local start = tonumber(redis.call('GET', KEYS[k + 1]))
            if start and now - start < window then
              redis.call('INCRBY', KEYS[k + 3], tokens)
              if redis.call('PTTL', KEYS[k + 3]) < 0 then
                redis.call('PEXPIRE', KEYS[k + 3], math.max(1, start + window - now))
              end
            else
              redis.call('SET', KEYS[k + 1], ARGV[1], 'PX', window)
              redis.call('SET', KEYS[k + 2], 0, 'PX', window)
              redis.call('SET', KEYS[k + 3], tokens, 'PX', window)
            end
          end
          if lease ~= '' then redis.call('ZREM', KEYS[k + 4], lease) end
        end
        return 1
        """;
}
