using LiteAspire.FakeProvider.Faults;
using LiteAspire.FakeProvider.Providers;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiteAspire.FakeProvider;

/// <summary>Builds the fake upstream: every provider's routes on one Kestrel server, for <c>dotnet run</c> and for in-process tests.</summary>
public static class FakeProviderApp
{
    /// <summary>The app, configured from <paramref name="args"/> and the environment (<c>--urls</c>, <c>FakeProvider__*</c>), not started.</summary>
    public static WebApplication Create(string[] args, Action<FakeProviderOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        // Per-request logging costs more than the fake's own work; warnings still show.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024);
        // No appsettings.json ships with the fake (a referencing test project would get it copied over its own): defaults live in FakeProviderOptions.
        var options = builder.Configuration.GetSection(FakeProviderOptions.SectionName).Get<FakeProviderOptions>() ?? new FakeProviderOptions();
        configure?.Invoke(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new FakeRuntime(options));
        var requests = new FakeRequestCounter();
        builder.Services.AddSingleton(requests);

        var app = builder.Build();
        app.Use((context, next) =>
        {
            requests.Add(context.Request.Path.Value ?? "/");
            return next(context);
        });
        app.MapGet("/", () => "LiteAspire fake provider: OpenAI, Azure, Anthropic, Gemini/Vertex, Bedrock, Cohere, Ollama wire formats.");
        app.MapGet("/health", () => "ok");
        app.MapOpenAIChat();
        app.MapOpenAIOther();
        app.MapResponses();
        app.MapAnthropic();
        app.MapGoogle();
        app.MapBedrock();
        app.MapCohere();
        app.MapOllama();
        return app;
    }

    /// <summary>Starts a fake on <paramref name="url"/> (default: a free loopback port) and returns it with its real base address.</summary>
    public static async Task<FakeProviderServer> StartAsync(string url = "http://127.0.0.1:0", Action<FakeProviderOptions>? configure = null,
        CancellationToken cancellationToken = default)
    {
        var app = Create(["--urls", url], configure);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        // After start, Kestrel reports the port it bound for ":0".
        return new FakeProviderServer(app, new Uri(app.Urls.First()));
    }
}

/// <summary>A running in-process fake: its base address (e.g. <c>http://127.0.0.1:41234/</c>) and its stop.</summary>
public sealed class FakeProviderServer(WebApplication app, Uri baseAddress) : IAsyncDisposable
{
    /// <summary>Where the fake listens, with a trailing slash; point an adapter's api_base here.</summary>
    public Uri BaseAddress { get; } = new(baseAddress.ToString().TrimEnd('/') + "/");

    /// <summary>The hosted app (its services, its options).</summary>
    public WebApplication App { get; } = app;

    /// <summary>The options in force; change them between requests to switch global latency or faults.</summary>
    public FakeProviderOptions Options => App.Services.GetRequiredService<FakeProviderOptions>();

    /// <summary>Counts the requests the fake has received (tests check a call did or did not reach the upstream).</summary>
    public FakeRequestCounter Requests => App.Services.GetRequiredService<FakeRequestCounter>();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync().ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
    }
}
