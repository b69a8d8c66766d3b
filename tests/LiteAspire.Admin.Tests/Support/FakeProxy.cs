using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace LiteAspire.Admin.Tests.Support;

/// <summary>
/// A real HTTP server on a loopback port standing in for the proxy: <c>/health/readiness</c> answers the way it is told
/// to, and <c>/auth/me</c> knows the keys (and their roles) a test gives it.
/// </summary>
internal sealed class FakeProxy : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeProxy(WebApplication app)
    {
        _app = app;
    }

    public string BaseUrl => _app.Urls.First();

    /// <summary>The Authorization header of the last readiness request.</summary>
    public string? LastAuthorization { get; private set; }

    /// <summary>Starts the fake; <paramref name="roles"/> maps each valid key to its LiteLLM role.</summary>
    public static async Task<FakeProxy> StartAsync(int statusCode, string body, IReadOnlyDictionary<string, string>? roles = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var proxy = new FakeProxy(app);
        app.MapGet("/health/readiness", (HttpContext context) =>
        {
            proxy.LastAuthorization = context.Request.Headers.Authorization;
            return Results.Text(body, "application/json", statusCode: statusCode);
        });
        app.MapGet("/auth/me", (HttpContext context) =>
        {
            var key = context.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal);
            return roles is not null && roles.TryGetValue(key, out var role)
                ? Results.Json(new { user_id = role == "proxy_admin" ? null : "user-1", user_role = role, is_master_key = role == "proxy_admin" })
                : Results.Json(new { error = new { message = "Authentication Error, Invalid proxy server token passed.", type = "auth_error", code = "401" } }, statusCode: 401);
        });
        await app.StartAsync();
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
