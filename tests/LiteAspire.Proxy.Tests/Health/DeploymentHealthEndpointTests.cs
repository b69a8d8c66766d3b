using System.Net;
using System.Text.Json;

using LiteAspire.Proxy.Tests.Support;

namespace LiteAspire.Proxy.Tests.Health;

/// <summary>The proxy in memory with deployments on a healthy fake, a fake that fails every call, and a closed port.</summary>
public sealed class OnDemandHealthFixture : IAsyncLifetime
{
    private HealthTestSetup _setup = null!;

    public CountingFake Good => _setup.Good;

    public ProxyFactory Proxy => _setup.Proxy;

    public async Task InitializeAsync()
    {
        var closed = $"http://127.0.0.1:{LoopbackApp.ClosedPort()}/v1";
        _setup = await HealthTestSetup.StartAsync("", setup => $$"""
              - model_name: good-chat
                litellm_params: { model: openai/gpt-4o-mini, api_base: "{{setup.Good.ApiBase}}", api_key: {{HealthTestProxy.GoodSecret}}, rpm: 600 }
                model_info: { id: good-chat-id }
              - model_name: bad-chat
                litellm_params: { model: openai/gpt-4o-mini, api_base: "{{setup.Failing.ApiBase}}", api_key: {{HealthTestProxy.BadSecret}} }
                model_info: { id: bad-chat-id }
              - model_name: down-chat
                litellm_params: { model: openai/gpt-4o-mini, api_base: "{{closed}}", api_key: {{HealthTestProxy.BadSecret}} }
                model_info: { id: down-chat-id, health_check_timeout: 5 }
              - model_name: good-embed
                litellm_params: { model: openai/text-embedding-3-small, api_base: "{{setup.Good.ApiBase}}", api_key: {{HealthTestProxy.GoodSecret}} }
                model_info: { id: good-embed-id, mode: embedding }
              - model_name: "openai/*"
                litellm_params: { model: "openai/*", api_base: "{{setup.Good.ApiBase}}", api_key: {{HealthTestProxy.GoodSecret}} }
                model_info: { id: wildcard-id }

            """);
    }

    public Task DisposeAsync() => _setup.DisposeAsync().AsTask();
}

public sealed class DeploymentHealthEndpointTests(OnDemandHealthFixture fixture) : IClassFixture<OnDemandHealthFixture>
{
    private readonly HttpClient _client = fixture.Proxy.CreateClient();

    [Fact]
    public async Task Health_HealthyAndFailingDeployments_ListsEachInItsListWithCountsAndNoSecrets()
    {
        using var response = await _client.SendAsync(HealthTestProxy.Get("/health"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(text);
        var root = body.RootElement;
        Assert.Equal(["good-chat-id", "good-embed-id"], Ids(root, "healthy_endpoints"));
        Assert.Equal(["bad-chat-id", "down-chat-id"], Ids(root, "unhealthy_endpoints"));
        Assert.Equal(2, root.GetProperty("healthy_count").GetInt32());
        Assert.Equal(2, root.GetProperty("unhealthy_count").GetInt32());

        var good = Endpoint(root, "healthy_endpoints", "good-chat-id");
        Assert.Equal("openai/gpt-4o-mini", good.GetProperty("model").GetString());
        Assert.Equal(fixture.Good.ApiBase, good.GetProperty("api_base").GetString());
        Assert.Equal(600, good.GetProperty("rpm").GetInt64());
        Assert.False(good.TryGetProperty("error", out _));

        var bad = Endpoint(root, "unhealthy_endpoints", "bad-chat-id");
        Assert.StartsWith("error:litellm.APIError: OpenAIException - ", bad.GetProperty("error").GetString(), StringComparison.Ordinal);
        var down = Endpoint(root, "unhealthy_endpoints", "down-chat-id");
        Assert.Contains("APIConnectionError", down.GetProperty("error").GetString(), StringComparison.Ordinal);

        Assert.DoesNotContain(HealthTestProxy.GoodSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(HealthTestProxy.BadSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("api_key", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_ModelFilter_ChecksOnlyThatModelGroup()
    {
        var goodBefore = fixture.Good.Count;

        using var response = await _client.SendAsync(HealthTestProxy.Get("/health?model=bad-chat"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Empty(Ids(body.RootElement, "healthy_endpoints"));
        Assert.Equal(["bad-chat-id"], Ids(body.RootElement, "unhealthy_endpoints"));
        Assert.Equal(1, body.RootElement.GetProperty("unhealthy_count").GetInt32());
        Assert.Equal(goodBefore, fixture.Good.Count);
    }

    [Fact]
    public async Task Health_ModelIdFilter_ChecksOnlyThatDeployment_UnknownIdIs404()
    {
        using var response = await _client.SendAsync(HealthTestProxy.Get("/health?model_id=good-chat-id"));
        using var unknown = await _client.SendAsync(HealthTestProxy.Get("/health?model_id=no-such-id"));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["good-chat-id"], Ids(body.RootElement, "healthy_endpoints"));
        Assert.Empty(Ids(body.RootElement, "unhealthy_endpoints"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var error = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
        Assert.Equal("Model with ID no-such-id not found", error.RootElement.GetProperty("detail").GetProperty("error").GetString());
    }

    [Fact]
    public async Task Health_EmbeddingMode_IsCheckedWithAnEmbeddingCall()
    {
        var (before, embeddings) = (fixture.Good.Count, fixture.Good.Server.Requests.To("/v1/embeddings"));

        using var response = await _client.SendAsync(HealthTestProxy.Get("/health?model=good-embed"));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["good-embed-id"], Ids(body.RootElement, "healthy_endpoints"));
        Assert.Equal(before + 1, fixture.Good.Count);
        Assert.Equal(embeddings + 1, fixture.Good.Server.Requests.To("/v1/embeddings"));
    }

    [Fact]
    public async Task Health_ChatMode_IsCheckedWithOneChatCompletion()
    {
        var (before, chats) = (fixture.Good.Count, fixture.Good.Server.Requests.To("/v1/chat/completions"));

        using var response = await _client.SendAsync(HealthTestProxy.Get("/health?model=good-chat"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, fixture.Good.Count);
        Assert.Equal(chats + 1, fixture.Good.Server.Requests.To("/v1/chat/completions"));
    }

    [Fact]
    public async Task HealthLatest_AfterACheck_ListsTheDeploymentWithItsStatus()
    {
        using var check = await _client.SendAsync(HealthTestProxy.Get("/health?model=bad-chat"));
        using var response = await _client.SendAsync(HealthTestProxy.Get("/health/latest"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var row = body.RootElement.GetProperty("latest_health_checks").GetProperty("bad-chat-id");
        Assert.Equal("unhealthy", row.GetProperty("status").GetString());
        Assert.Equal("bad-chat", row.GetProperty("model_name").GetString());
        Assert.Equal(1, row.GetProperty("unhealthy_count").GetInt32());
        Assert.True(body.RootElement.GetProperty("total_models").GetInt32() >= 1);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/latest")]
    public async Task Health_InternalUserKey_Is401AdminOnly_AndCallsNothing(string path)
    {
        var before = fixture.Good.Count;

        using var response = await _client.SendAsync(HealthTestProxy.Get(path, HealthTestProxy.InternalUserKey));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error");
        Assert.Equal("auth_error", error.GetProperty("type").GetString());
        Assert.Equal("401", error.GetProperty("code").GetString());
        Assert.Equal(
            $"Authentication Error, Only proxy admin can be used to generate, delete, update info for new keys/users/teams. Route={path}. Your role=internal_user. Your user_id=user-i************th",
            error.GetProperty("message").GetString());
        Assert.Equal(before, fixture.Good.Count);
    }

    [Fact]
    public async Task Health_NoKey_Is401()
    {
        using var response = await _client.SendAsync(HealthTestProxy.Get("/health", key: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    internal static string[] Ids(JsonElement root, string list) =>
        [.. root.GetProperty(list).EnumerateArray().Select(e => e.GetProperty("model_id").GetString()!).Order(StringComparer.Ordinal)];

    private static JsonElement Endpoint(JsonElement root, string list, string id) =>
        root.GetProperty(list).EnumerateArray().Single(e => e.GetProperty("model_id").GetString() == id);
}
