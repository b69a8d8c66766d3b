using System.Net;
using System.Text.Json;

using LiteAspire.Proxy.Health;
using LiteAspire.Proxy.Tests.Support;

namespace LiteAspire.Proxy.Tests.Startup;

public class UnreachableDependencyTests
{
    [Fact]
    public async Task Probes_DatabaseConfiguredButDown_ReadinessAndHealthFailWhileAliveStaysUp()
    {
        await using var factory = new ProxyFactory(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = $"postgresql://postgres:secret-pw@127.0.0.1:{LoopbackApp.ClosedPort()}/litellm?connect_timeout=2",
        });
        var client = factory.CreateClient();

        var readiness = await client.GetAsync(new Uri("/health/readiness", UriKind.Relative));
        var health = await client.GetAsync(new Uri(LiteLLMHealthEndpoints.DependenciesPath, UriKind.Relative));
        var alive = await client.GetAsync(new Uri("/alive", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness.StatusCode);
        var text = await readiness.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        var error = body.RootElement.GetProperty("error");
        Assert.Equal("no_db_connection", error.GetProperty("type").GetString());
        Assert.Equal("503", error.GetProperty("code").GetString());
        Assert.StartsWith("Service Unhealthy (database not reachable: PostgreSQL 127.0.0.1:", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Probes_RedisConfiguredButDown_HealthFailsWhileAliveAndReadinessStayUp()
    {
        await using var factory = new ProxyFactory(new Dictionary<string, string?>
        {
            ["REDIS_URL"] = $"redis://127.0.0.1:{LoopbackApp.ClosedPort()}",
        });
        var client = factory.CreateClient();

        var health = await client.GetAsync(new Uri(LiteLLMHealthEndpoints.DependenciesPath, UriKind.Relative));
        var alive = await client.GetAsync(new Uri("/alive", UriKind.Relative));
        var readiness = await client.GetAsync(new Uri("/health/readiness", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readiness.StatusCode);
        using var body = JsonDocument.Parse(await readiness.Content.ReadAsStringAsync());
        Assert.Equal("redis", body.RootElement.GetProperty("cache").GetString());
    }
}
