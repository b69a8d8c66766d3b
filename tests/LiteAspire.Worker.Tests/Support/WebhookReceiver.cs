using System.Collections.Concurrent;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace LiteAspire.Worker.Tests.Support;

/// <summary>An HTTP listener on 127.0.0.1:0 standing in for Slack and a generic webhook: records every body posted to it.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Bodies received, by path.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<JsonNode>> Received { get; } = new(StringComparer.Ordinal);

    /// <summary>The listener's base address.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts the listener; <c>/hang</c> never answers, every other path answers 200.</summary>
    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hang", async (HttpContext context) => await Task.Delay(Timeout.Infinite, context.RequestAborted));
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body);
            receiver.Received.GetOrAdd(context.Request.Path.Value!, _ => new()).Enqueue(body!);
            return Results.Ok();
        });
        await app.StartAsync();
        receiver.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    /// <summary>The bodies posted to <paramref name="path"/> so far.</summary>
    public IReadOnlyList<JsonNode> At(string path) => Received.TryGetValue(path, out var bodies) ? [.. bodies] : [];

    /// <summary>Waits until <paramref name="path"/> has received <paramref name="count"/> bodies (or 10 s pass).</summary>
    public async Task<IReadOnlyList<JsonNode>> WaitForAsync(string path, int count)
    {
        for (var i = 0; i < 200 && At(path).Count < count; i++)
        {
            await Task.Delay(50);
        }

        return At(path);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
