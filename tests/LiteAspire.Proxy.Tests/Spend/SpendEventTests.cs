using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using LiteAspire.Data;
using LiteAspire.FakeProvider;
using LiteAspire.Proxy.Tests.RealServers;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Proxy.Tests.Spend;

/// <summary>
/// A request's spend through the real path: proxy → Redis Stream → the proxy's own spend writer → PostgreSQL. The row
/// says who called and what it cost, under LiteLLM's request id, and holds no prompt unless the operator asks for it.
/// </summary>
public sealed class SpendEventTests(RealInfrastructureFixture servers) : IClassFixture<RealInfrastructureFixture>, IAsyncLifetime
{
    private const string MasterKey = "sk-master-spend-event-1";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("liteaspire-spend-event-");
    private FakeProviderServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeProviderApp.StartAsync();

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task AChatCompletion_IsLoggedUnderItsResponseId_WithItsCallIdTokensAndCost_AndNoPrompt()
    {
        await using var proxy = await StartProxyAsync(storePrompts: false);
        using var client = Client(proxy);
        var prompt = $"spend event {Guid.NewGuid():N}";

        using var response = await client.PostAsJsonAsync("/v1/chat/completions", new { model = "fake", messages = new[] { new { role = "user", content = prompt } } });
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var responseId = (string)body["id"]!;
        var callId = response.Headers.GetValues("x-litellm-call-id").Single();

        var row = await WaitForRowAsync(proxy, responseId);
        Assert.Equal(("acompletion", "fake", "openai", "gpt-4o-mini", "success"), (row.CallType, row.ModelGroup, row.CustomLlmProvider, row.Model, row.Status));
        Assert.Equal((int)body["usage"]!["prompt_tokens"]!, row.PromptTokens);
        Assert.Equal((int)body["usage"]!["completion_tokens"]!, row.CompletionTokens);
        Assert.Equal(double.Parse(response.Headers.GetValues("x-litellm-response-cost").Single(), System.Globalization.CultureInfo.InvariantCulture), row.Spend, 12);
        Assert.True(row.Spend > 0);
        Assert.Equal($"{_fake.BaseAddress}v1", row.ApiBase);
        Assert.Equal(callId, (string?)JsonNode.Parse(row.Metadata!)!["litellm_call_id"]);
        Assert.Equal("{}", row.Messages);
        Assert.DoesNotContain(prompt, row.Response, StringComparison.Ordinal);
        Assert.DoesNotContain(MasterKey, row.Metadata, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACacheHit_IsLoggedAtZeroCost_MarkedAsAHit_UnderItsCallId()
    {
        await using var proxy = await StartProxyAsync(storePrompts: false, cache: true);
        using var client = Client(proxy);
        var request = new { model = "fake", messages = new[] { new { role = "user", content = $"cached {Guid.NewGuid():N}" } } };
        using var miss = await client.PostAsJsonAsync("/v1/chat/completions", request);
        var missId = (string)(await miss.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var missRow = await WaitForRowAsync(proxy, missId);
        var upstreamCalls = _fake.Requests.Total;

        using var hit = await client.PostAsJsonAsync("/v1/chat/completions", request);
        var hitCallId = hit.Headers.GetValues("x-litellm-call-id").Single();

        Assert.Equal(upstreamCalls, _fake.Requests.Total);
        var hitRow = await WaitForRowAsync(proxy, hitCallId);
        Assert.Equal(("False", "True"), (missRow.CacheHit, hitRow.CacheHit));
        Assert.True(missRow.Spend > 0);
        Assert.Equal(0, hitRow.Spend);
        Assert.Equal(miss.Headers.GetValues("x-litellm-cache-key").Single(), hitRow.CacheKey);
    }

    [Fact]
    public async Task WithStorePromptsInSpendLogs_TheMessagesAndResponseAreKept()
    {
        await using var proxy = await StartProxyAsync(storePrompts: true);
        using var client = Client(proxy);
        var prompt = $"keep me {Guid.NewGuid():N}";

        using var response = await client.PostAsJsonAsync("/v1/chat/completions", new { model = "fake", messages = new[] { new { role = "user", content = prompt } } });
        var responseId = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        var row = await WaitForRowAsync(proxy, responseId);
        Assert.Equal(prompt, (string?)JsonNode.Parse(row.Messages!)![0]!["content"]);
        Assert.Equal(responseId, (string?)JsonNode.Parse(row.Response!)!["id"]);
    }

    [Fact]
    public async Task AStreamEntryHoldingSomethingElse_GoesToTheDeadLetterStream_AndTheEventsBesideItAreWritten()
    {
        await using var proxy = await StartProxyAsync(storePrompts: false);
        _ = proxy.Server;
        var redis = proxy.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>().GetDatabase();
        var good = new Data.Spend.SpendEvent
        {
            RequestId = $"chatcmpl-beside-garbage-{Guid.NewGuid():N}", CallId = Guid.NewGuid().ToString(), Spend = 0.25,
            StartTime = DateTime.UtcNow, EndTime = DateTime.UtcNow,
        };
        var garbage = System.Text.Encoding.UTF8.GetBytes($"not json {Guid.NewGuid():N}");

        await redis.StreamAddAsync(Data.Spend.Queue.SpendStreamNames.Key,
            [new(Data.Spend.Queue.SpendStreamNames.Field, garbage), new(Data.Spend.Queue.SpendStreamNames.Field, Data.Spend.SpendEventJson.Serialize(good))]);

        Assert.Equal(0.25, (await WaitForRowAsync(proxy, good.RequestId)).Spend);
        var dead = await redis.StreamRangeAsync(Data.Spend.Queue.SpendStreamNames.DeadLetterKey);
        Assert.Contains(dead, entry => entry.Values.Any(v => v.Value == (StackExchange.Redis.RedisValue)garbage));
    }

    private async Task<ProxyFactory> StartProxyAsync(bool storePrompts, bool cache = false)
    {
        var config = Path.Combine(_folder.FullName, $"config-{storePrompts}-{cache}.yaml");
        await File.WriteAllTextAsync(config, $"""
            general_settings:
              master_key: {MasterKey}
              store_prompts_in_spend_logs: {(storePrompts ? "true" : "false")}
            litellm_settings:
              cache: {(cache ? "true" : "false")}
            model_list:
              - model_name: fake
                litellm_params:
                  model: openai/gpt-4o-mini
                  api_base: {_fake.BaseAddress}v1
                  api_key: sk-fake-upstream
            """);
        return new ProxyFactory(new Dictionary<string, string?>
        {
            ["CONFIG_FILE_PATH"] = config,
            ["DATABASE_URL"] = servers.DatabaseUrl,
            ["REDIS_URL"] = servers.RedisUrl,
            ["Spend:JournalDirectory"] = Path.Combine(_folder.FullName, "journal"),
        });
    }

    private static HttpClient Client(ProxyFactory proxy)
    {
        var client = proxy.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MasterKey);
        return client;
    }

    private static async Task<Data.Schema.SpendLogs> WaitForRowAsync(ProxyFactory proxy, string requestId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var scope = proxy.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LiteLLMDbContext>();
            if (await db.SpendLogs.AsNoTracking().SingleOrDefaultAsync(l => l.RequestId == requestId) is { } row)
            {
                return row;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no spend log row {requestId}");
    }
}
