using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using LiteAspire.FakeProvider;

namespace LiteAspire.Proxy.Tests.Caching;

/// <summary>The fake upstream and proxies with <c>litellm_settings.cache: true</c> pointed at it; each call counted at the fake.</summary>
public sealed class CachingProxy : IAsyncDisposable
{
    public const string MasterKey = "sk-master-cache-1234";

    private readonly List<ProxyFactory> _proxies = [];

    private CachingProxy(FakeProviderServer fake) => Fake = fake;

    public FakeProviderServer Fake { get; }

    /// <summary>Chat and embedding requests the fake has answered.</summary>
    public int UpstreamCalls => Fake.Requests.To("/v1/chat/completions") + Fake.Requests.To("/v1/embeddings");

    /// <summary>Starts the fake; <see cref="StartProxy"/> then starts proxies in front of it.</summary>
    public static async Task<CachingProxy> StartAsync() => new(await FakeProviderApp.StartAsync());

    /// <summary>A proxy whose config has <c>cache_params: <paramref name="cacheParams"/></c>, with <paramref name="settings"/> as host settings.</summary>
    public HttpClient StartProxy(string cacheParams = "{ type: local }", IReadOnlyDictionary<string, string?>? settings = null)
    {
        var proxy = Factory(cacheParams, settings);
        var client = proxy.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MasterKey);
        return client;
    }

    /// <summary>The proxy, not started (starting it throws a config error when the config is bad).</summary>
    public ProxyFactory Factory(string cacheParams, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var proxy = ProxyFactory.FromYaml($"""
            general_settings:
              master_key: {MasterKey}
            litellm_settings:
              cache: true
              cache_params: {cacheParams}
            router_settings:
              num_retries: 0
            model_list:
              - model_name: gpt-4o
                litellm_params: {"{"} model: openai/gpt-4o-mini, api_base: "{Fake.BaseAddress}v1", api_key: sk-fake-openai {"}"}
              - model_name: embed
                litellm_params: {"{"} model: openai/text-embedding-3-small, api_base: "{Fake.BaseAddress}v1", api_key: sk-fake-openai {"}"}
            """, settings);
        _proxies.Add(proxy);
        return proxy;
    }

    /// <summary>A chat request with a unique prompt (tests sharing a cache do not see each other's entries).</summary>
    public static JsonObject Chat(string prompt, bool stream = false) => new()
    {
        ["model"] = "gpt-4o",
        ["messages"] = new JsonArray { new JsonObject { ["role"] = "user", ["content"] = prompt } },
        ["stream"] = stream ? true : null,
    };

    public static string Unique(string what) => $"{what} {Guid.NewGuid():N}";

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, JsonObject body)
    {
        // Leave out the nulls the builders put in, so they are absent rather than null in the request.
        foreach (var name in body.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            body.Remove(name);
        }

        return client.PostAsJsonAsync(path, body);
    }

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public async ValueTask DisposeAsync()
    {
        foreach (var proxy in _proxies)
        {
            await proxy.DisposeAsync();
        }

        await Fake.DisposeAsync();
    }
}
