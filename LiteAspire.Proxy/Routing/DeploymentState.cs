namespace LiteAspire.Proxy.Routing;

/// <summary>
/// What this replica has seen of one deployment: calls in flight (least-busy), recent latencies and times to first token
/// (latency-based routing), and this minute's requests, tokens, successes and failures (usage limits and cooldowns).
/// </summary>
public sealed class DeploymentState
{
    /// <summary>Latency samples kept per deployment, as LiteLLM keeps them.</summary>
    public const int LatencySamples = 10;

    private readonly Lock _lock = new();
    private readonly LatencyWindow _latency = new();
    private readonly LatencyWindow _timeToFirstToken = new();
    private int _inFlight;
    private long _minute = -1;
    private long _requests;
    private long _tokens;
    private int _successes;
    private int _failures;
    private readonly int[] _failuresByType = new int[6];

    /// <summary>Calls to this deployment in flight on this replica.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>A call started: counted in flight and in this minute's requests.</summary>
    public void Started(long minute)
    {
        Interlocked.Increment(ref _inFlight);
        lock (_lock)
        {
            Roll(minute);
            _requests++;
        }
    }

    /// <summary>A call ended, either way.</summary>
    public void Ended() => Interlocked.Decrement(ref _inFlight);

    /// <summary>A success taking <paramref name="latencyMs"/> (time to first token for a stream).</summary>
    public void Succeeded(long minute, double latencyMs, bool stream, long nowMs)
    {
        lock (_lock)
        {
            Roll(minute);
            _successes++;
            (stream ? _timeToFirstToken : _latency).Add(latencyMs, nowMs);
        }
    }

    /// <summary>A failure of policy type index <paramref name="typeIndex"/>; returns this minute's (failures, failures of the type, calls).</summary>
    public (int Failures, int FailuresOfType, int Calls) Failed(long minute, int typeIndex)
    {
        lock (_lock)
        {
            Roll(minute);
            _failures++;
            var ofType = ++_failuresByType[typeIndex];
            return (_failures, ofType, _failures + _successes);
        }
    }

    /// <summary>Tokens used by a finished call, counted against this minute's tpm.</summary>
    public void AddTokens(long minute, long tokens)
    {
        lock (_lock)
        {
            Roll(minute);
            _tokens += tokens;
        }
    }

    /// <summary>This minute's requests and tokens on this replica.</summary>
    public (long Requests, long Tokens) Usage(long minute)
    {
        lock (_lock)
        {
            return _minute == minute ? (_requests, _tokens) : (0, 0);
        }
    }

    /// <summary>The mean latency (or time to first token, for <paramref name="stream"/>) of the samples younger than <paramref name="maxAgeMs"/>; null when none.</summary>
    public double? AverageLatency(bool stream, long nowMs, long maxAgeMs)
    {
        lock (_lock)
        {
            var window = stream && _timeToFirstToken.Count > 0 ? _timeToFirstToken : _latency;
            return window.Average(nowMs, maxAgeMs);
        }
    }

    private void Roll(long minute)
    {
        if (_minute == minute)
        {
            return;
        }

        _minute = minute;
        _requests = _tokens = 0;
        _successes = _failures = 0;
        Array.Clear(_failuresByType);
    }

    // The last samples in a ring; callers hold the state's lock.
    private sealed class LatencyWindow
    {
        private readonly double[] _values = new double[LatencySamples];
        private readonly long[] _at = new long[LatencySamples];
        private int _next;

        public int Count { get; private set; }

        public void Add(double value, long nowMs)
        {
            _values[_next] = value;
            _at[_next] = nowMs;
            _next = (_next + 1) % LatencySamples;
            Count = Math.Min(Count + 1, LatencySamples);
        }

        public double? Average(long nowMs, long maxAgeMs)
        {
            double sum = 0;
            var count = 0;
            for (var i = 0; i < Count; i++)
            {
                if (nowMs - _at[i] <= maxAgeMs)
                {
                    sum += _values[i];
                    count++;
                }
            }

            return count == 0 ? null : sum / count;
        }
    }
}
