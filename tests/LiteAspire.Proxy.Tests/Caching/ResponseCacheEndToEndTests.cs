using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Caching;
using LiteAspire.Proxy.Configuration;

using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Proxy.Tests.Caching;

/// <summary>The real proxy with the in-memory cache against the fake upstream; every test counts the calls that reach the fake.</summary>
public sealed class ResponseCacheEndToEndTests : IAsyncLifetime
{
    private CachingProxy _servers = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _servers = await CachingProxy.StartAsync();
        _client = _servers.StartProxy();
    }

    public async Task DisposeAsync() => await _servers.DisposeAsync();

    [Fact]
    public async Task Chat_SecondIdenticalRequest_IsServedFromTheCache()
    {
        var prompt = CachingProxy.Unique("hello");
        using var first = await CachingProxy.PostAsync(_client, "/v1/chat/completions", CachingProxy.Chat(prompt));
        await SettleAsync();
        var calls = _servers.UpstreamCalls;
        using var second = await CachingProxy.PostAsync(_client, "/chat/completions", CachingProxy.Chat(prompt));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(calls, _servers.UpstreamCalls);
        var key = CachingProxy.Header(first, "x-litellm-cache-key");
        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.Equal(key, CachingProxy.Header(second, "x-litellm-cache-key"));
        Assert.Equal("0.0", CachingProxy.Header(second, "x-litellm-response-cost"));
        Assert.Equal("gpt-4o", CachingProxy.Header(second, "x-litellm-model-group"));
        Assert.Equal(CachingProxy.Header(first, "x-litellm-model-id"), CachingProxy.Header(second, "x-litellm-model-id"));
        var firstBody = await first.Content.ReadFromJsonAsync<JsonObject>();
        var secondBody = await second.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(firstBody!["id"]!.GetValue<string>(), secondBody!["id"]!.GetValue<string>());
        Assert.Equal(firstBody["choices"]!.ToJsonString(), secondBody["choices"]!.ToJsonString());
    }

    [Fact]
    public async Task Chat_DifferentNamespaceNoCacheOrParam_GoesUpstream()
    {
        var prompt = CachingProxy.Unique("vary");
        (await CachingProxy.PostAsync(_client, "/v1/chat/completions", CachingProxy.Chat(prompt))).Dispose();
        await SettleAsync();
        var calls = _servers.UpstreamCalls;

        var namespaced = CachingProxy.Chat(prompt);
        namespaced["cache"] = new JsonObject { ["namespace"] = "other" };
        using var inNamespace = await CachingProxy.PostAsync(_client, "/v1/chat/completions", namespaced);
        var noCache = CachingProxy.Chat(prompt);
        noCache["cache"] = new JsonObject { ["no-cache"] = true };
        (await CachingProxy.PostAsync(_client, "/v1/chat/completions", noCache)).Dispose();
        var warmer = CachingProxy.Chat(prompt);
        warmer["temperature"] = 0.5;
        (await CachingProxy.PostAsync(_client, "/v1/chat/completions", warmer)).Dispose();
        var off = CachingProxy.Chat(prompt);
        off["caching"] = false;
        using var uncached = await CachingProxy.PostAsync(_client, "/v1/chat/completions", off);

        Assert.Equal(calls + 4, _servers.UpstreamCalls);
        Assert.StartsWith("other:", CachingProxy.Header(inNamespace, "x-litellm-cache-key"), StringComparison.Ordinal);
        Assert.Null(CachingProxy.Header(uncached, "x-litellm-cache-key"));
    }

    [Fact]
    public async Task Chat_NoStore_IsNotKept()
    {
        var request = CachingProxy.Chat(CachingProxy.Unique("nostore"));
        request["cache"] = new JsonObject { ["no-store"] = true };
        (await CachingProxy.PostAsync(_client, "/v1/chat/completions", request.DeepClone().AsObject())).Dispose();
        await SettleAsync();
        var calls = _servers.UpstreamCalls;

        (await CachingProxy.PostAsync(_client, "/v1/chat/completions", request)).Dispose();

        Assert.Equal(calls + 1, _servers.UpstreamCalls);
    }

    [Fact]
    public async Task Stream_SecondIdenticalStream_IsReplayedWithoutUpstreamCall()
    {
        var prompt = CachingProxy.Unique("stream");
        using var first = await CachingProxy.PostAsync(_client, "/v1/chat/completions", CachingProxy.Chat(prompt, stream: true));
        var firstText = Content(await first.Content.ReadAsStringAsync());
        // The entry is written once the stream completes, in the background.
        await SettleAsync();
        var calls = _servers.UpstreamCalls;
        var second = CachingProxy.Chat(prompt, stream: true);
        second["stream_options"] = new JsonObject { ["include_usage"] = true };
        // stream_options is a key parameter: same options as the first, without it, hit; this one is another key.
        using var replay = await CachingProxy.PostAsync(_client, "/v1/chat/completions", CachingProxy.Chat(prompt, stream: true));
        var replayed = await replay.Content.ReadAsStringAsync();

        Assert.Equal(calls, _servers.UpstreamCalls);
        Assert.Equal("text/event-stream", replay.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("data: [DONE]\n\n", replayed, StringComparison.Ordinal);
        Assert.Equal(firstText, Content(replayed));
        Assert.NotEmpty(firstText);
        Assert.DoesNotContain("\"usage\"", replayed, StringComparison.Ordinal);
        // A non-streaming request is another key (LiteLLM keys on "stream"), so it goes upstream.
        (await CachingProxy.PostAsync(_client, "/v1/chat/completions", CachingProxy.Chat(prompt))).Dispose();
        Assert.Equal(calls + 1, _servers.UpstreamCalls);
        (await CachingProxy.PostAsync(_client, "/v1/chat/completions", second)).Dispose();
        Assert.Equal(calls + 2, _servers.UpstreamCalls);
    }

    [Fact]
    public async Task Embeddings_SecondIdenticalRequest_IsServedFromTheCache()
    {
        var body = new JsonObject { ["model"] = "embed", ["input"] = new JsonArray(CachingProxy.Unique("a"), CachingProxy.Unique("b")) };
        using var first = await CachingProxy.PostAsync(_client, "/v1/embeddings", body.DeepClone().AsObject());
        await SettleAsync();
        var calls = _servers.UpstreamCalls;

        using var second = await CachingProxy.PostAsync(_client, "/v1/embeddings", body);

        Assert.Equal(calls, _servers.UpstreamCalls);
        Assert.Equal("0.0", CachingProxy.Header(second, "x-litellm-response-cost"));
        var expected = await first.Content.ReadFromJsonAsync<JsonObject>();
        var cached = await second.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(expected!["data"]!.ToJsonString(), cached!["data"]!.ToJsonString());
        Assert.Equal(expected["usage"]!["prompt_tokens"]!.GetValue<long>(), cached["usage"]!["prompt_tokens"]!.GetValue<long>());
    }

    [Fact]
    public async Task CacheRoutes_PingDeleteFlush_WorkForTheAdmin()
    {
        var prompt = CachingProxy.Unique("admin");
        using var first = await CachingProxy.PostAsync(_client, "/v1/chat/completions", CachingProxy.Chat(prompt));
        var key = CachingProxy.Header(first, "x-litellm-cache-key")!;
        await SettleAsync();

        var ping = await _client.GetFromJsonAsync<JsonObject>("/cache/ping");
        using var deleted = await _client.PostAsJsonAsync("/cache/delete", new JsonObject { ["keys"] = new JsonArray(key) });
        var calls = _servers.UpstreamCalls;
        (await CachingProxy.PostAsync(_client, "/v1/chat/completions", CachingProxy.Chat(prompt))).Dispose();
        await SettleAsync();
        using var flushed = await _client.PostAsync("/cache/flushall", null);
        (await CachingProxy.PostAsync(_client, "/v1/chat/completions", CachingProxy.Chat(prompt))).Dispose();
        using var badDelete = await _client.PostAsJsonAsync("/cache/delete", new JsonObject { ["keys"] = "x" });

        Assert.Equal("healthy", ping!["status"]!.GetValue<string>());
        Assert.Equal("local", ping["cache_type"]!.GetValue<string>());
        Assert.Equal("""{"status":"success"}""", await deleted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, flushed.StatusCode);
        Assert.Equal(calls + 2, _servers.UpstreamCalls);
        Assert.Equal(HttpStatusCode.BadRequest, badDelete.StatusCode);
    }

    [Fact]
    public async Task DefaultOff_OnlyUseCacheRequests_AreCached()
    {
        var client = _servers.StartProxy("{ type: local, mode: default_off }");
        var prompt = CachingProxy.Unique("opt-in");
        (await CachingProxy.PostAsync(client, "/v1/chat/completions", CachingProxy.Chat(prompt))).Dispose();
        (await CachingProxy.PostAsync(client, "/v1/chat/completions", CachingProxy.Chat(prompt))).Dispose();
        var optIn = CachingProxy.Chat(prompt);
        optIn["cache"] = new JsonObject { ["use-cache"] = true };
        (await CachingProxy.PostAsync(client, "/v1/chat/completions", optIn.DeepClone().AsObject())).Dispose();
        await SettleAsync();
        var calls = _servers.UpstreamCalls;

        (await CachingProxy.PostAsync(client, "/v1/chat/completions", optIn)).Dispose();

        Assert.Equal(3, calls);
        Assert.Equal(calls, _servers.UpstreamCalls);
    }

    [Theory]
    [InlineData("{ type: s3 }", "not supported yet")]
    [InlineData("{ type: memcached }", "not a cache type")]
    [InlineData("{ type: redis }", "has no Redis")]
    [InlineData("{ type: local, ttl: -1 }", "positive number of seconds")]
    public void Startup_UnusableCacheParams_StopWithAClearError(string cacheParams, string message)
    {
        var config = ProxyConfigLoader.Parse($"litellm_settings:\n  cache: true\n  cache_params: {cacheParams}\n");

        var error = Assert.Throws<ProxyConfigException>(() => new ServiceCollection().AddResponseCache(config, _ => null));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    // Entries are written in the background once the answer is complete.
    private static Task SettleAsync() => Task.Delay(300);

    // The streamed text: every delta's content, concatenated.
    private static string Content(string sse)
    {
        var text = new System.Text.StringBuilder();
        foreach (var line in sse.Split('\n'))
        {
            if (line.StartsWith("data: {", StringComparison.Ordinal) && JsonNode.Parse(line[6..]) is JsonObject chunk
                && chunk["choices"] is JsonArray { Count: > 0 } choices)
            {
                text.Append(choices[0]!["delta"]?["content"]?.GetValue<string>());
            }
        }

        return text.ToString();
    }
}
