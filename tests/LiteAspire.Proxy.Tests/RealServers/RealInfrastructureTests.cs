using System.Net;
using System.Text.Json;

using LiteAspire.Proxy.Health;

using LiteAspire.Data.Database;
using LiteAspire.Data.Redis;

using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Proxy.Tests.RealServers;

public class RealInfrastructureTests(RealInfrastructureFixture servers) : IClassFixture<RealInfrastructureFixture>
{
    private ProxyFactory StartProxy() => new(new Dictionary<string, string?>
    {
        ["DATABASE_URL"] = servers.DatabaseUrl,
        ["REDIS_URL"] = servers.RedisUrl,
    });

    [Fact]
    public async Task Readiness_RealPostgresAndRedis_ReportsDbConnectedAndRedisCache()
    {
        await using var proxy = StartProxy();

        var response = await proxy.CreateClient().GetAsync(new Uri("/health/readiness", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("connected", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("connected", body.RootElement.GetProperty("db").GetString());
        Assert.Equal("redis", body.RootElement.GetProperty("cache").GetString());
    }

    [Fact]
    public async Task Health_RealPostgresAndRedis_BothChecksPass()
    {
        await using var proxy = StartProxy();

        var response = await proxy.CreateClient().GetAsync(new Uri(LiteLLMHealthEndpoints.DependenciesPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Status_RealPostgresAndRedis_AnswersConnectedWithTheParsedUrls()
    {
        await using var proxy = StartProxy();
        _ = proxy.Server;

        var database = proxy.Services.GetRequiredService<DatabaseStatus>();
        var redis = proxy.Services.GetRequiredService<RedisStatus>();

        Assert.Equal(DatabaseProvider.PostgreSql, database.Connection?.Provider);
        Assert.True(await database.IsConnectedAsync(CancellationToken.None));
        Assert.Equal($"redis://{servers.RedisAddress}", redis.Connection?.Describe());
        Assert.True(await redis.IsConnectedAsync(CancellationToken.None));
    }
}
