using System.Security.Cryptography;
using System.Text;

using LiteAspire.FakeProvider;
using LiteAspire.Proxy.Auth;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Proxy.Tests.Health;

/// <summary>A fake upstream (it counts its requests, by path: <see cref="FakeProviderServer.Requests"/>) and its OpenAI api_base.</summary>
public sealed class CountingFake : IAsyncDisposable
{
    private CountingFake(FakeProviderServer server) => Server = server;

    public FakeProviderServer Server { get; }

    /// <summary>Requests so far.</summary>
    public int Count => Server.Requests.Total;

    /// <summary>The OpenAI-compatible api_base of this fake.</summary>
    public string ApiBase => Server.BaseAddress + "v1";

    public static async Task<CountingFake> StartAsync(Action<FakeProviderOptions>? configure = null) =>
        new(await FakeProviderApp.StartAsync(configure: configure));

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

/// <summary>A healthy fake, a fake that fails every call, and the proxy started on a config.yaml written for them.</summary>
public sealed class HealthTestSetup : IAsyncDisposable
{
    public CountingFake Good { get; private set; } = null!;

    public CountingFake Failing { get; private set; } = null!;

    public ProxyFactory Proxy { get; private set; } = null!;

    /// <summary>Starts it all; <paramref name="generalSettings"/> are extra indented <c>general_settings</c> lines, <paramref name="modelList"/> the <c>model_list</c> entries.</summary>
    public static async Task<HealthTestSetup> StartAsync(string generalSettings, Func<HealthTestSetup, string> modelList)
    {
        var setup = new HealthTestSetup();
        setup.Good = await CountingFake.StartAsync();
        setup.Failing = await CountingFake.StartAsync(options => options.ErrorRate = 1);
        setup.Proxy = HealthTestProxy.Start(
            $"general_settings:\n  master_key: {HealthTestProxy.MasterKey}\n{generalSettings}model_list:\n{modelList(setup)}");
        _ = setup.Proxy.Server;
        return setup;
    }

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await Good.DisposeAsync();
        await Failing.DisposeAsync();
    }
}

/// <summary>The pieces the health tests share: keys, a closed port, the proxy built from a config.yaml text.</summary>
internal static class HealthTestProxy
{
    public const string MasterKey = "sk-master-health-1234";

    /// <summary>A virtual key of an <c>internal_user</c>, known to the stub key store.</summary>
    public const string InternalUserKey = "sk-internal-user-health-5678";

    /// <summary>Deployment secrets: the response must never contain them.</summary>
    public const string GoodSecret = "sk-good-upstream-secret-0001";
    public const string BadSecret = "sk-bad-upstream-secret-0002";

    public static ProxyFactory Start(string yaml) =>
        ProxyFactory.FromYaml(yaml, testServices: services => services.AddSingleton<IApiKeyStore>(new InternalUserKeyStore()));

    public static HttpRequestMessage Get(string path, string? key = MasterKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return request;
    }

    private sealed class InternalUserKeyStore : IApiKeyStore
    {
        private static readonly string s_token = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(InternalUserKey)));

        public Task<ApiKeyAuth?> FindAsync(string token, CancellationToken cancellationToken) =>
            Task.FromResult(token == s_token
                ? new ApiKeyAuth { Token = token, UserRole = LiteLLMRoles.InternalUser, UserId = "user-internal-health" }
                : null);
    }
}
