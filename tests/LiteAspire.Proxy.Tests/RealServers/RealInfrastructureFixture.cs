using LiteAspire.Hosting;
using LiteAspire.Hosting.Postgres;
using LiteAspire.Hosting.Redis;
using LiteAspire.Hosting.Testing;

namespace LiteAspire.Proxy.Tests.RealServers;

/// <summary>
/// Real PostgreSQL and Redis for the tests that share this fixture, run by the same Hosting code the AppHost uses
/// (fresh state folder, free ports, stopped on dispose).
/// </summary>
public sealed class RealInfrastructureFixture : IAsyncLifetime
{
    private DistributedApplication? _app;
    private PostgresDatabaseResource? _database;
    private RedisResource? _redis;

    /// <summary>LiteLLM's form, as a user would put it in DATABASE_URL.</summary>
    public string DatabaseUrl
    {
        get
        {
            var server = _database!.Server;
            return $"postgresql://{server.UserName}:{server.PasswordParameter.Value}@127.0.0.1:{server.PrimaryEndpoint.AllocatedPorts[0]}/{_database.DatabaseName}";
        }
    }

    /// <summary>LiteLLM's form, as a user would put it in REDIS_URL.</summary>
    public string RedisUrl => $"redis://:{_redis!.PasswordParameter.Value}@{RedisAddress}";

    /// <summary>host:port of the Redis server.</summary>
    public string RedisAddress => $"127.0.0.1:{_redis!.PrimaryEndpoint.AllocatedPorts[0]}";

    public async Task InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        _database = builder.AddPostgres("pg").AddDatabase("litellm").Resource;
        _redis = builder.AddRedis("cache").Resource;
        _app = await builder.StartHealthyAsync("litellm", "cache");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
