using System.Text.Json.Nodes;

using LiteAspire.Proxy.Tests.Support;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LiteAspire.Proxy.Tests.Auth.Jwt;

/// <summary>An identity provider's JWKS endpoint on 127.0.0.1:0 (Kestrel): serves the public keys it is given and counts fetches.</summary>
internal sealed class JwksServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<JsonObject> _keys = [];
    private int _fetches;

    private JwksServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public int Fetches => Volatile.Read(ref _fetches);

    public void Publish(TestSigningKey key)
    {
        lock (_keys)
        {
            _keys.Add(key.PublicJwk.DeepClone().AsObject());
        }
    }

    public static async Task<JwksServer> StartAsync(params TestSigningKey[] keys)
    {
        var app = LoopbackApp.Create();
        var server = new JwksServer(app);
        foreach (var key in keys)
        {
            server.Publish(key);
        }

        app.MapGet("/.well-known/jwks.json", server.Serve);
        server.Url = new Uri(await LoopbackApp.StartAsync(app), ".well-known/jwks.json");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Serve()
    {
        Interlocked.Increment(ref _fetches);
        JsonArray keys;
        lock (_keys)
        {
            keys = [.. _keys.Select(k => (JsonNode)k.DeepClone())];
        }

        return Results.Text(new JsonObject { ["keys"] = keys }.ToJsonString(), "application/json");
    }
}
