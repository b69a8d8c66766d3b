using LiteAspire.Hosting;
using LiteAspire.Hosting.Redis;
using LiteAspire.Hosting.Testing;

using StackExchange.Redis;

namespace LiteAspire.Worker.Tests.Support;

/// <summary>A real Redis server, started by the same Hosting code the AppHost uses.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private DistributedApplication? _app;

    /// <summary>Connected to the server.</summary>
    public IConnectionMultiplexer Redis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var redis = builder.AddRedis("cache").Resource;
        _app = await builder.StartHealthyAsync("cache");
        Redis = await ConnectionMultiplexer.ConnectAsync(
            $"127.0.0.1:{redis.PrimaryEndpoint.AllocatedPorts[0]},password={redis.PasswordParameter.Value}");
    }

    public async Task DisposeAsync()
    {
        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
