using System.Net;
using System.Text.Json;

using LiteAspire.Proxy.Health;

namespace LiteAspire.Proxy.Tests.Health;

public class HealthEndpointTests : IClassFixture<ProxyFactory>
{
    private readonly HttpClient _client;

    public HealthEndpointTests(ProxyFactory factory)
    {
        _client = factory.CreateClient();
    }

    [Theory]
    [InlineData(LiteLLMHealthEndpoints.DependenciesPath)]
    [InlineData("/alive")]
    public async Task ServiceDefaultsProbe_NoDependencies_IsHealthy(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/health/liveliness")]
    [InlineData("/health/liveness")]
    public async Task Liveliness_Always_AnswersTheJsonStringImAlive(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("\"I'm alive!\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_NoDatabaseNoRedis_IsHealthyWithLiteLLMShape()
    {
        var response = await _client.GetAsync(new Uri("/health/readiness", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal("healthy", root.GetProperty("status").GetString());
        Assert.Equal("Not connected", root.GetProperty("db").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("cache").ValueKind);
        Assert.Equal(ProxyVersion.Current, root.GetProperty("litellm_version").GetString());
        Assert.Equal(0, root.GetProperty("success_callbacks").GetArrayLength());
        var lastUpdated = root.GetProperty("last_updated").GetDateTimeOffset();
        Assert.InRange(lastUpdated, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }
}
