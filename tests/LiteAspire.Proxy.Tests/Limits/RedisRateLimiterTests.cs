using LiteAspire.Data.Redis;
using LiteAspire.Proxy.Limits;
using LiteAspire.Proxy.Tests.RealServers;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

using StackExchange.Redis;

namespace LiteAspire.Proxy.Tests.Limits;

/// <summary>The shared behaviour against a real Redis, each replica with its own connection, plus what only Redis does.</summary>
public sealed class RedisRateLimiterTests(RealInfrastructureFixture servers)
    : RateLimiterBehaviourTests, IClassFixture<RealInfrastructureFixture>, IAsyncLifetime
{
    private readonly List<ConnectionMultiplexer> _connections = [];

    protected override IReadOnlyList<IRateLimiter> CreateReplicas(int count, RateLimitOptions options) =>
        Enumerable.Range(0, count).Select(_ => CreateLimiter(Connect(), options)).ToList();

    private ConnectionMultiplexer Connect(ConfigurationOptions? options = null)
    {
        var connection = ConnectionMultiplexer.Connect(options ?? RedisUrl.Parse(servers.RedisUrl));
        _connections.Add(connection);
        return connection;
    }

    private RedisRateLimiter CreateLimiter(IConnectionMultiplexer connection, RateLimitOptions? options = null, ILogger<RedisRateLimiter>? logger = null) =>
        new(connection, options ?? new RateLimitOptions(), Time, logger ?? new FakeLogger<RedisRateLimiter>());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task Acquire_LiteLLMHashTaggedKeys_AllExpire()
    {
        var connection = Connect();
        var limiter = CreateLimiter(connection, new RateLimitOptions { ParallelLeaseTimeout = TimeSpan.FromMinutes(5) });
        var team = Descriptor(RateLimitKinds.Team, rpm: 10, tpm: 1000, maxParallel: 2);
        var tag = $"{{team:{team.Value}}}";
        var db = connection.GetDatabase();

        var lease = await limiter.AcquireAsync([team], CancellationToken.None);

        Assert.Equal(Start.ToUnixTimeMilliseconds(), (long)await db.StringGetAsync($"{tag}:window"));
        Assert.Equal(1, (long)await db.StringGetAsync($"{tag}:requests"));
        Assert.Equal(1, await db.SortedSetLengthAsync($"{tag}:max_parallel_requests"));
        AssertTtl(await db.KeyTimeToLiveAsync($"{tag}:window"), TimeSpan.FromSeconds(60));
        AssertTtl(await db.KeyTimeToLiveAsync($"{tag}:requests"), TimeSpan.FromSeconds(60));
        AssertTtl(await db.KeyTimeToLiveAsync($"{tag}:max_parallel_requests"), TimeSpan.FromMinutes(5));

        await lease.CompleteAsync(250);

        Assert.Equal(250, (long)await db.StringGetAsync($"{tag}:tokens"));
        AssertTtl(await db.KeyTimeToLiveAsync($"{tag}:tokens"), TimeSpan.FromSeconds(60));
        Assert.False(await db.KeyExistsAsync($"{tag}:max_parallel_requests"));
    }

    private static void AssertTtl(TimeSpan? ttl, TimeSpan atMost)
    {
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMilliseconds(1), atMost);
    }

    [Fact]
    public async Task Acquire_ScriptsRunByShaOnly()
    {
        var admin = RedisUrl.Parse(servers.RedisUrl);
        admin.AllowAdmin = true;
        var connection = Connect(admin);
        var server = connection.GetServers()[0];
        await server.ConfigResetStatisticsAsync();
        var limiter = CreateLimiter(connection);
        var key = Descriptor(RateLimitKinds.ApiKey, tpm: 100, maxParallel: 5);

        for (var i = 0; i < 3; i++)
        {
            await (await limiter.AcquireAsync([key], CancellationToken.None)).CompleteAsync(1);
        }

        var stats = await server.InfoRawAsync("commandstats");
        Assert.Contains("cmdstat_evalsha:calls=6,", stats, StringComparison.Ordinal);
        Assert.DoesNotContain("cmdstat_eval:", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acquire_ReplicaDiedHoldingASlot_SlotFreesAfterTheLeaseTimeout()
    {
        var options = new RateLimitOptions { ParallelLeaseTimeout = TimeSpan.FromMinutes(5) };
        var dying = Connect();
        var key = Descriptor(RateLimitKinds.ApiKey, maxParallel: 1);
        await CreateLimiter(dying, options).AcquireAsync([key], CancellationToken.None);
        await dying.CloseAsync();
        var survivor = CreateLimiter(Connect(), options);
        await Assert.ThrowsAsync<RateLimitExceededException>(async () => await survivor.AcquireAsync([key], CancellationToken.None));

        Time.Advance(TimeSpan.FromMinutes(5));

        await survivor.AcquireAsync([key], CancellationToken.None);
    }

    [Fact]
    public async Task Acquire_RedisUnreachable_InMemoryFallbackEnforcesAndWarnsOncePerMinute()
    {
        var logger = new FakeLogger<RedisRateLimiter>();
        var limiter = CreateLimiter(Connect(UnreachableRedis.Options()), logger: logger);
        var key = Descriptor(RateLimitKinds.ApiKey, rpm: 2, maxParallel: 5);

        await limiter.AcquireAsync([key], CancellationToken.None);
        var second = await limiter.AcquireAsync([key], CancellationToken.None);
        await Assert.ThrowsAsync<RateLimitExceededException>(async () => await limiter.AcquireAsync([key], CancellationToken.None));

        Assert.Equal(2, second.Usages[0].Requests);
        Assert.Equal(1, logger.Collector.Count);
        Assert.Equal(LogLevel.Warning, logger.LatestRecord.Level);
        Time.Advance(TimeSpan.FromMinutes(1));
        await limiter.AcquireAsync([key], CancellationToken.None);
        Assert.Equal(2, logger.Collector.Count);
    }

    [Fact]
    public async Task Acquire_ScriptFails_ThatRequestIsCountedInMemory()
    {
        var connection = Connect();
        var limiter = CreateLimiter(connection);
        var key = Descriptor(RateLimitKinds.ApiKey, rpm: 1);
        var window = $"{{api_key:{key.Value}}}:window";
        var db = connection.GetDatabase();
        await db.HashSetAsync(window, "not", "a string"); // GET on a hash fails the script (WRONGTYPE)

        var fallback = await limiter.AcquireAsync([key], CancellationToken.None);
        await Assert.ThrowsAsync<RateLimitExceededException>(async () => await limiter.AcquireAsync([key], CancellationToken.None));
        await db.KeyDeleteAsync(window);
        var redis = await limiter.AcquireAsync([key], CancellationToken.None);

        Assert.Equal(1, fallback.Usages[0].Requests);
        Assert.Equal(1, redis.Usages[0].Requests);
        Assert.Equal(Start.ToUnixTimeMilliseconds(), (long)await db.StringGetAsync(window));
    }
}
