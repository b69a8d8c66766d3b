using System.Text;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Caching;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LiteAspire.Proxy.Tests.Caching;

public sealed class MemoryCacheStoreTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task Set_OverMaxEntries_EvictsTheLeastRecentlyUsed()
    {
        var store = new MemoryCacheStore(new CacheSettings { MaxEntries = 2 }, _time);
        await store.SetAsync("a", [1], null);
        await store.SetAsync("b", [2], null);
        Assert.NotNull(await store.GetAsync("a", default)); // a is now the most recent

        await store.SetAsync("c", [3], null);

        Assert.NotNull(await store.GetAsync("a", default));
        Assert.Null(await store.GetAsync("b", default));
        Assert.NotNull(await store.GetAsync("c", default));
    }

    [Fact]
    public async Task Set_LargerThanItemCap_IsNotKept()
    {
        var store = new MemoryCacheStore(new CacheSettings { MaxItemBytes = 4 }, _time);

        await store.SetAsync("small", [1, 2, 3, 4], null);
        await store.SetAsync("big", [1, 2, 3, 4, 5], null);

        Assert.NotNull(await store.GetAsync("small", default));
        Assert.Null(await store.GetAsync("big", default));
    }

    [Fact]
    public async Task Get_AfterTtl_IsAMiss()
    {
        var store = new MemoryCacheStore(new CacheSettings(), _time);
        await store.SetAsync("short", [1], TimeSpan.FromSeconds(10));
        await store.SetAsync("default", [1], null);

        _time.Advance(TimeSpan.FromSeconds(11));

        Assert.Null(await store.GetAsync("short", default));
        Assert.NotNull(await store.GetAsync("default", default));
        _time.Advance(TimeSpan.FromSeconds(CacheSettings.DefaultMemoryTtlSeconds));
        Assert.Null(await store.GetAsync("default", default));
    }

    [Fact]
    public async Task Lookup_OlderThanSMaxAge_IsAMiss()
    {
        var settings = new CacheSettings();
        var store = new MemoryCacheStore(settings, _time);
        var cache = new ResponseCache(settings, store, _time, NullLogger<ResponseCache>.Instance);
        var entry = new CacheEntry(_time.GetUtcNow().ToUnixTimeMilliseconds() / 1000d,
            JsonValue.Create("""{"id":"chatcmpl-1","choices":[{"index":0,"message":{"role":"assistant","content":"x"}}]}"""), "m1");
        await store.SetAsync("k", entry.ToBytes(), null);
        _time.Advance(TimeSpan.FromSeconds(30));

        var fresh = await cache.LookupAsync(Call("k", new CacheControls { MaxAge = 60 }), default);
        var stale = await cache.LookupAsync(Call("k", new CacheControls { MaxAge = 10 }), default);
        var skipped = await cache.LookupAsync(Call("k", new CacheControls { NoCache = true }), default);

        Assert.Equal("m1", fresh?.ModelId);
        Assert.Null(stale);
        Assert.Null(skipped);
    }

    [Fact]
    public void Entry_RoundTrips_InLiteLLMsLayout()
    {
        var entry = new CacheEntry(1767225600.5, JsonValue.Create("{\"choices\":[]}"), "dep-1");

        var bytes = entry.ToBytes();

        Assert.StartsWith("{\"timestamp\":1767225600.5,\"response\":\"{\\u0022choices", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.True(CacheEntry.IsEntry(bytes));
        Assert.Equal("dep-1", CacheEntry.Parse(bytes)!.ModelId);
    }

    private static CacheableCall Call(string key, CacheControls controls) => new() { Keys = [key], Controls = controls };
}
