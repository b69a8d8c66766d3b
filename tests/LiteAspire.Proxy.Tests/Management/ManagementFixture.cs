using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Tests.Endpoints;
using LiteAspire.Proxy.Tests.RealServers;

namespace LiteAspire.Proxy.Tests.Management;

/// <summary>
/// One real PostgreSQL and Redis, a fake OpenAI upstream and the proxy (in memory, with the master key) for every
/// management test class of the "management" collection. Tests share the database, so each uses its own ids.
/// </summary>
public sealed class ManagementFixture : IAsyncLifetime
{
    public const string MasterKey = "sk-master-management-1234";

    private readonly RealInfrastructureFixture _servers = new();
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("liteaspire-management-");
    private readonly List<ProxyFactory> _proxies = [];

    public FakeOpenAIUpstream Upstream { get; private set; } = null!;

    public RealInfrastructureFixture Servers => _servers;

    /// <summary>The first proxy.</summary>
    public ProxyFactory Proxy { get; private set; } = null!;

    /// <summary>A client of <see cref="Proxy"/> sending the master key.</summary>
    public HttpClient Admin { get; private set; } = null!;

    public string ConfigPath => Path.Combine(_folder.FullName, "config.yaml");

    public async Task InitializeAsync()
    {
        await _servers.InitializeAsync();
        Upstream = await FakeOpenAIUpstream.StartAsync();
        await File.WriteAllTextAsync(ConfigPath, Config(Upstream.BaseUri.ToString().TrimEnd('/')));
        Proxy = StartProxy();
        Admin = Client(MasterKey);
    }

    /// <summary>Another proxy on the same database and Redis (a second replica).</summary>
    public ProxyFactory StartProxy(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CONFIG_FILE_PATH"] = ConfigPath,
            ["DATABASE_URL"] = _servers.DatabaseUrl,
            ["REDIS_URL"] = _servers.RedisUrl,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var proxy = new ProxyFactory(settings);
        _proxies.Add(proxy);
        return proxy;
    }

    /// <summary>A client of <see cref="Proxy"/> (or <paramref name="proxy"/>) sending <paramref name="key"/> as a bearer token.</summary>
    public HttpClient Client(string? key, ProxyFactory? proxy = null)
    {
        var client = (proxy ?? Proxy).CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>POSTs <paramref name="body"/> as the admin and returns the JSON answer, asserting success.</summary>
    public async Task<JsonObject> AdminPostAsync(string path, object body)
    {
        using var response = await Admin.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>A new unique id with a readable prefix.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        foreach (var proxy in _proxies)
        {
            await proxy.DisposeAsync();
        }

        await Upstream.DisposeAsync();
        await _servers.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    private static string Config(string fake) => $"""
        general_settings:
          master_key: {MasterKey}
        model_list:
          - model_name: gpt-4o
            litellm_params:
              model: openai/gpt-4o
              api_base: {fake}/v1
              api_key: sk-upstream-openai
              input_cost_per_token: 0.001
              output_cost_per_token: 0.002
          - model_name: gpt-4o-mini
            litellm_params:
              model: openai/gpt-4o-mini
              api_base: {fake}/v1
              api_key: sk-upstream-openai
            model_info:
              access_groups: ["beta-models"]
          - model_name: claude-3-5-sonnet
            litellm_params:
              model: openai/claude-3-5-sonnet
              api_base: {fake}/v1
              api_key: sk-upstream-openai
        """;
}

/// <summary>The management test classes share one <see cref="ManagementFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ManagementTests : ICollectionFixture<ManagementFixture>
{
    public const string Name = "management";
}
