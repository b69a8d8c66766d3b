using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Tests.Support;

using StackExchange.Redis;

namespace LiteAspire.Proxy.Tests.Caching;

/// <summary><c>cache_params.type: redis</c> on a real redis-server: replicas share entries, flushall keeps other keys, and a Redis that is down never fails a request.</summary>
public sealed class RedisResponseCacheTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private CachingProxy _servers = null!;
    private ConnectionMultiplexer? _connection;

    private string RedisUrl => redis.Url;

    public async Task InitializeAsync() => _servers = await CachingProxy.StartAsync();

    public async Task DisposeAsync()
    {
        await _servers.DisposeAsync();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoProxies_SameRedis_ShareEntries()
    {
        var settings = new Dictionary<string, string?> { ["REDIS_URL"] = RedisUrl };
        var first = _servers.StartProxy("{ type: redis, namespace: shared, ttl: 60 }", settings);
        var second = _servers.StartProxy("{ type: redis, namespace: shared, ttl: 60 }", settings);
        var prompt = CachingProxy.Unique("replicas");
        using var filled = await CachingProxy.PostAsync(first, "/v1/chat/completions", CachingProxy.Chat(prompt));
        var key = CachingProxy.Header(filled, "x-litellm-cache-key")!;
        await WaitForKeyAsync(key);
        var calls = _servers.UpstreamCalls;

        using var hit = await CachingProxy.PostAsync(second, "/v1/chat/completions", CachingProxy.Chat(prompt));
        var ping = await second.GetFromJsonAsync<JsonObject>("/cache/ping");

        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        Assert.Equal(calls, _servers.UpstreamCalls);
        Assert.StartsWith("shared:", key, StringComparison.Ordinal);
        Assert.Equal("0.0", CachingProxy.Header(hit, "x-litellm-response-cost"));
        var ttl = await Database().KeyTimeToLiveAsync(key);
        Assert.InRange(ttl!.Value.TotalSeconds, 1, 60);
        Assert.True(ping!["ping_response"]!.GetValue<bool>());
        Assert.Equal("redis", ping["cache_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Flushall_DeletesCacheEntriesOnly()
    {
        var client = _servers.StartProxy("{ type: redis }", new Dictionary<string, string?> { ["REDIS_URL"] = RedisUrl });
        var prompt = CachingProxy.Unique("flush");
        using var filled = await CachingProxy.PostAsync(client, "/v1/chat/completions", CachingProxy.Chat(prompt));
        var key = CachingProxy.Header(filled, "x-litellm-cache-key")!;
        await WaitForKeyAsync(key);
        var bystander = "not-a-cache-entry:" + new string('a', 64);
        await Database().StringSetAsync(bystander, "keep me");

        using var flushed = await client.PostAsync("/cache/flushall", null);

        Assert.Equal(HttpStatusCode.OK, flushed.StatusCode);
        Assert.False(await Database().KeyExistsAsync(key));
        Assert.Equal("keep me", (string?)await Database().StringGetAsync(bystander));
    }

    [Fact]
    public async Task RedisDown_RequestsStillSucceed_WithoutTheCache()
    {
        var client = _servers.StartProxy("{ type: redis }", new Dictionary<string, string?> { ["REDIS_URL"] = $"redis://127.0.0.1:{LoopbackApp.ClosedPort()}" });
        var prompt = CachingProxy.Unique("down");
        var calls = _servers.UpstreamCalls;

        using var first = await CachingProxy.PostAsync(client, "/v1/chat/completions", CachingProxy.Chat(prompt));
        using var second = await CachingProxy.PostAsync(client, "/v1/chat/completions", CachingProxy.Chat(prompt));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(calls + 2, _servers.UpstreamCalls);
    }

    private IDatabase Database()
    {
        _connection ??= ConnectionMultiplexer.Connect($"{redis.Address},password={redis.Password}");
        return _connection.GetDatabase();
    }

    // The write follows the answer in the background.
    private async Task WaitForKeyAsync(string key)
    {
        for (var i = 0; i < 50 && !await Database().KeyExistsAsync(key); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(await Database().KeyExistsAsync(key), $"the entry {key} was never written");
    }
}
