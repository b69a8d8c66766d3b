using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using LiteAspire.Data.Redis;
using LiteAspire.Proxy.Caching;
using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Management.Settings;
using LiteAspire.Proxy.Routing;

using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Proxy.Tests.Management.Settings;

/// <summary>
/// The read-only settings routes (<c>/get/config/callbacks</c>, <c>/router/settings</c>, <c>/cache/settings</c>,
/// <c>/router/cooldowns</c>) on a real proxy with the embedded SQLite database (for the viewer and internal-user keys).
/// </summary>
public sealed class SettingsEndpointsTests : IAsyncLifetime, IDisposable
{
    private const string MasterKey = "sk-settings-master-1234";
    private const string CallbackSecret = "lf-secret-value-9876";
    private const string RedisPassword = "redis-password-5432";
    private const string UpstreamKey = "sk-upstream-settings-1111";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("liteaspire-settings-");
    private ProxyFactory _proxy = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        var config = Path.Combine(_folder.FullName, "config.yaml");
        await File.WriteAllTextAsync(config, $$"""
            general_settings:
              master_key: {{MasterKey}}
              database_url: "sqlite:///{{Path.Combine(_folder.FullName, "litellm.db")}}"
              alerting: [slack]
            model_list:
              - model_name: chat
                litellm_params: { model: openai/gpt-4o-mini, api_base: "http://127.0.0.1:9/v1", api_key: {{UpstreamKey}} }
                model_info: { id: chat-a }
              - model_name: chat
                litellm_params: { model: openai/gpt-4o, api_base: "http://127.0.0.1:9/v1", api_key: {{UpstreamKey}} }
                model_info: { id: chat-b }
            litellm_settings:
              success_callback: [langfuse]
              callbacks: [otel]
              cache: true
              cache_params: { type: local, namespace: team-a, ttl: 120, password: {{RedisPassword}} }
            router_settings:
              routing_strategy: least-busy
              num_retries: 4
              redis_password: {{RedisPassword}}
              fallbacks: [{ chat: [other] }]
            environment_variables:
              LANGFUSE_SECRET_KEY: {{CallbackSecret}}
              LANGFUSE_HOST: "https://user:{{CallbackSecret}}@langfuse.example.com/?token={{CallbackSecret}}"
              SLACK_WEBHOOK_URL: "https://hooks.slack.com/services/{{CallbackSecret}}"
            """);
        _proxy = new ProxyFactory(new Dictionary<string, string?> { ["config"] = config });
        _admin = Client(MasterKey);
    }

    [Fact]
    public async Task ConfigCallbacks_ListsCallbacksAlertsAndRouterSettings_WithEveryCredentialRedacted()
    {
        var (status, text, body) = await GetAsync(_admin, "/get/config/callbacks");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("success", body["status"]!.GetValue<string>());
        var langfuse = body["callbacks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "langfuse")!;
        Assert.Equal("success", langfuse["type"]!.GetValue<string>());
        Assert.Equal(SettingsSecrets.Redacted, langfuse["variables"]!["LANGFUSE_SECRET_KEY"]!.GetValue<string>());
        Assert.Equal("https://langfuse.example.com/", langfuse["variables"]!["LANGFUSE_HOST"]!.GetValue<string>());
        Assert.Equal("success_and_failure", body["callbacks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "otel")!["type"]!.GetValue<string>());
        var slack = body["alerts"]!.AsArray().Single()!;
        Assert.Equal("slack", slack["name"]!.GetValue<string>());
        Assert.Equal(SettingsSecrets.Redacted, slack["variables"]!["SLACK_WEBHOOK_URL"]!.GetValue<string>());
        Assert.Equal("least-busy", body["router_settings"]!["routing_strategy"]!.GetValue<string>());
        Assert.Equal(SettingsSecrets.Redacted, body["router_settings"]!["redis_password"]!.GetValue<string>());
        AssertNoSecret(text);
    }

    [Fact]
    public async Task RouterSettings_FieldsCarryTheRunningValues_ConfigWinsAndDefaultsFillTheRest()
    {
        var (status, text, body) = await GetAsync(_admin, "/router/settings");

        Assert.Equal(HttpStatusCode.OK, status);
        var fields = body["fields"]!.AsArray();
        var strategy = fields.Single(f => f!["field_name"]!.GetValue<string>() == "routing_strategy")!;
        Assert.Equal("least-busy", strategy["field_value"]!.GetValue<string>());
        Assert.Equal("simple-shuffle", strategy["field_default"]!.GetValue<string>());
        Assert.Contains("cost-based-routing", strategy["options"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal("Routing Strategy", strategy["ui_field_name"]!.GetValue<string>());
        var values = body["current_values"]!;
        Assert.Equal(4, values["num_retries"]!.GetValue<int>());
        Assert.Equal(5, values["cooldown_time"]!.GetValue<double>());
        Assert.Equal("other", values["fallbacks"]![0]!["chat"]![0]!.GetValue<string>());
        Assert.Equal(SettingsSecrets.Redacted, values["redis_password"]!.GetValue<string>());
        Assert.NotNull(body["routing_strategy_descriptions"]!["least-busy"]);
        AssertNoSecret(text);
    }

    [Fact]
    public async Task CacheSettings_LocalCache_ShowsItsSettingsWithoutCredentials()
    {
        var (status, text, body) = await GetAsync(_admin, "/cache/settings");

        Assert.Equal(HttpStatusCode.OK, status);
        var values = body["current_values"]!;
        Assert.Equal("local", values["type"]!.GetValue<string>());
        Assert.Equal("team-a", values["namespace"]!.GetValue<string>());
        Assert.Equal(120, values["ttl"]!.GetValue<double>());
        Assert.Equal("default_on", values["mode"]!.GetValue<string>());
        Assert.Null(values["password"]);
        Assert.Equal("team-a", body["fields"]!.AsArray().Single(f => f!["field_name"]!.GetValue<string>() == "namespace")!["field_value"]!.GetValue<string>());
        AssertNoSecret(text);
    }

    [Fact]
    public void CacheSettings_RedisCache_ShowsTheConnectionWithThePasswordRedacted_AndCachingOffIsEmpty()
    {
        var options = StackExchange.Redis.ConfigurationOptions.Parse($"cache.internal:6380,password={RedisPassword},defaultDatabase=2");
        var settings = new CacheSettings { Backend = CacheBackend.Redis, Namespace = "n" };

        var values = CacheSettingsEndpoint.CurrentValues(ProxyConfig.Empty, settings, new RedisConnection(options, "REDIS_URL"));
        var off = CacheSettingsEndpoint.CurrentValues(ProxyConfig.Empty, null, new RedisConnection(options, "REDIS_URL"));

        Assert.Equal("redis", values["type"]!.GetValue<string>());
        Assert.Equal("cache.internal", values["host"]!.GetValue<string>());
        Assert.Equal("6380", values["port"]!.GetValue<string>());
        Assert.Equal(2, values["db"]!.GetValue<int>());
        Assert.Equal(SettingsSecrets.Redacted, values["password"]!.GetValue<string>());
        Assert.DoesNotContain(RedisPassword, values.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(off);
    }

    [Fact]
    public async Task RouterCooldowns_ListsTheDeploymentsOutOfRotation_WithTheirGroupAndTimeLeft()
    {
        var cooldowns = _proxy.Services.GetRequiredService<Cooldowns>();
        cooldowns.Clear();
        cooldowns.Start("chat-b", TimeSpan.FromSeconds(60), "test");

        var (status, _, body) = await GetAsync(_admin, "/router/cooldowns");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body["total"]!.GetValue<int>());
        var entry = body["cooldowns"]![0]!;
        Assert.Equal("chat-b", entry["model_id"]!.GetValue<string>());
        Assert.Equal("chat", entry["model_name"]!.GetValue<string>());
        Assert.Equal("openai/gpt-4o", entry["model"]!.GetValue<string>());
        Assert.InRange(entry["remaining_seconds"]!.GetValue<double>(), 1, 60);
        Assert.True(entry["cooldown_until"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow);
        cooldowns.Clear();
    }

    [Fact]
    public async Task SettingsRoutes_AdminViewerReads_InternalUserAndNoKeyAreRefused()
    {
        using var viewer = Client(await NewUserKeyAsync("proxy_admin_viewer"));
        using var user = Client(await NewUserKeyAsync("internal_user"));
        using var anonymous = Client(null);

        foreach (var path in new[] { "/get/config/callbacks", "/router/settings", "/cache/settings", "/router/cooldowns" })
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(viewer, path)).Status);
            var refused = await GetAsync(user, path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.Equal("auth_error", refused.Body["error"]!["type"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(anonymous, path)).Status);
        }
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _proxy.DisposeAsync();
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static void AssertNoSecret(string text)
    {
        Assert.DoesNotContain(CallbackSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(RedisPassword, text, StringComparison.Ordinal);
        Assert.DoesNotContain(UpstreamKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(MasterKey, text, StringComparison.Ordinal);
    }

    private HttpClient Client(string? key)
    {
        var client = _proxy.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    private async Task<string> NewUserKeyAsync(string role)
    {
        using var response = await _admin.PostAsJsonAsync(new Uri("/user/new", UriKind.Relative), new { user_role = role });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!["key"]!.GetValue<string>();
    }

    private static async Task<(HttpStatusCode Status, string Text, JsonNode Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text, JsonNode.Parse(text)!);
    }
}
