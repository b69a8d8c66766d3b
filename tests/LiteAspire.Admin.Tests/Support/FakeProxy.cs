using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace LiteAspire.Admin.Tests;

/// <summary>A real HTTP server on a loopback port that answers <c>/health/readiness</c> the way it is told to.</summary>
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

    public static async Task<FakeProxy> StartAsync(int statusCode, string body)
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
        await app.StartAsync();
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
