using LiteAspire.Hosting;
using LiteAspire.Hosting.Redis;
using LiteAspire.Hosting.Testing;

namespace LiteAspire.Proxy.Tests.Support;

/// <summary>A real redis-server for one test class, started by the same Hosting code the AppHost uses (free port, stopped on dispose).</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private DistributedApplication? _app;
    private RedisResource? _redis;

    /// <summary>LiteLLM's form, as a user would put it in REDIS_URL.</summary>
    public string Url => $"redis://:{_redis!.PasswordParameter.Value}@{Address}";

    /// <summary>host:port.</summary>
    public string Address => $"127.0.0.1:{_redis!.PrimaryEndpoint.AllocatedPorts[0]}";

    /// <summary>The password.</summary>
    public string Password => _redis!.PasswordParameter.Value;

    public async Task InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        _redis = builder.AddRedis("cache").Resource;
        _app = await builder.StartHealthyAsync("cache");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
