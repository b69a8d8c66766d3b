namespace LiteAspire.Proxy.Tests.RealServers;

/// <summary>Real PostgreSQL and Redis servers, started once for the tests that share this fixture and stopped after.</summary>
public sealed class RealInfrastructureFixture : IAsyncLifetime
{
    private PostgresServer? _postgres;
    private RedisServer? _redis;

    public string DatabaseUrl => _postgres?.DatabaseUrl ?? throw new InvalidOperationException("PostgreSQL has not started.");

    public string RedisUrl => _redis?.RedisUrl ?? throw new InvalidOperationException("Redis has not started.");

    public async Task InitializeAsync()
    {
        var postgres = PostgresServer.StartAsync();
        var redis = RedisServer.StartAsync();
        try
        {
            _postgres = await postgres;
        }
        finally
        {
            _redis = await redis;
        }
    }

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
