using Bunit;
using Bunit.TestDoubles;
using LiteAspire.Admin.Auth;
using LiteAspire.Admin.Extensions;
using LiteAspire.Admin.ProxyApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace LiteAspire.Admin.Tests.Support;

/// <summary>
/// A bUnit context with what the dashboard's pages need: MudBlazor, a <see cref="ProxyApiClient"/> talking to
/// <see cref="FakeProxyApi"/>, and a signed-in operator of a chosen LiteLLM role.
/// </summary>
internal sealed class AdminTestContext : BunitContext
{
    /// <summary>The key the test operator signed in with.</summary>
    public const string OperatorKey = "sk-operator-test-key";

    public AdminTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        var configuration = new ConfigurationBuilder().Build();
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddScoped<ProxyApi.OperatorKey>();
        Services.AddScoped<CurrentOperator>();
        Services.AddSingleton(Proxy);
        Services.AddScoped(provider => new ProxyApiClient(
            new HttpClient(Proxy, disposeHandler: false) { BaseAddress = new Uri(ProxyClient.ServiceBaseAddress) },
            provider.GetRequiredService<ProxyApi.OperatorKey>()));
        Services.AddSingleton<IHttpClientFactory>(new FakeHttpClientFactory(Proxy));
        Authorization = AddAuthorization();
    }

    /// <summary>The proxy the pages call.</summary>
    public FakeProxyApi Proxy { get; } = new();

    /// <summary>bUnit's authorization state.</summary>
    public BunitAuthorizationContext Authorization { get; }

    /// <summary>Signs in an operator with <paramref name="role"/>; the policies are the ones that role satisfies.</summary>
    public void SignInAs(string role, string name = "operator", string? userId = null)
    {
        Authorization.SetAuthorized(name);
        Authorization.SetRoles(role);
        var claims = KeySignIn.Principal(name, userId, role, "key", OperatorKey).Claims.ToArray();
        Authorization.SetClaims(claims);
        var policies = new List<string> { AdminRoles.SignedIn };
        if (AdminRoles.CanReadAll(role))
        {
            policies.Add(AdminRoles.ReadAll);
        }

        if (AdminRoles.IsAdmin(role))
        {
            policies.Add(AdminRoles.Admin);
        }

        Authorization.SetPolicies([.. policies]);
    }

    private sealed class FakeHttpClientFactory(FakeProxyApi proxy) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(proxy, disposeHandler: false)
        {
            BaseAddress = new Uri(ProxyClient.ServiceBaseAddress),
            Timeout = name == AdminServiceExtensions.StreamingClient ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(30),
        };
    }
}
