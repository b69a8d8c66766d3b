using BenchmarkDotNet.Attributes;

using LiteAspire.Data.Redis;
using LiteAspire.Proxy.Limits;

using Microsoft.Extensions.Logging.Abstractions;

using StackExchange.Redis;

namespace LiteAspire.Benchmarks.Limits;

/// <summary>
/// One request's pass through the limiter: acquire against key, team and user, then complete with its tokens.
/// The Redis case runs only when <c>REDIS_URL</c> names a server (e.g. <c>REDIS_URL=redis://127.0.0.1:6379</c>).
/// </summary>
[MemoryDiagnoser]
public class RateLimiterBenchmarks
{
    // Never reached, not even by millions of in-memory runs a window; still exact as a Lua (double) number.
    private const long Plenty = 1_000_000_000_000_000;

    private readonly RateLimitDescriptor[] _descriptors =
    [
        new(RateLimitKinds.ApiKey, "88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b", Plenty, Plenty, Plenty),
        new(RateLimitKinds.Team, "team-bench", Plenty, Plenty, null),
        new(RateLimitKinds.User, "user-bench", Plenty, Plenty, null),
    ];

    private IRateLimiter _limiter = null!;
    private ConnectionMultiplexer? _redis;

    /// <summary>Where the counts live.</summary>
    [ParamsSource(nameof(Backends))]
    public string Backend { get; set; } = "in-memory";

    /// <summary>in-memory always; redis when REDIS_URL is set.</summary>
    public static IEnumerable<string> Backends() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("REDIS_URL")) ? ["in-memory"] : ["in-memory", "redis"];

    [GlobalSetup]
    public void Setup()
    {
        var options = new RateLimitOptions();
        if (Backend == "redis")
        {
            _redis = ConnectionMultiplexer.Connect(RedisUrl.Parse(Environment.GetEnvironmentVariable("REDIS_URL")!));
            _limiter = new RedisRateLimiter(_redis, options, TimeProvider.System, NullLogger<RedisRateLimiter>.Instance);
        }
        else
        {
            _limiter = new InMemoryRateLimiter(options, TimeProvider.System);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _redis?.Dispose();

    [Benchmark]
    public async Task AcquireAndComplete()
    {
        var lease = await _limiter.AcquireAsync(_descriptors, CancellationToken.None);
        await lease.CompleteAsync(120);
    }
}
