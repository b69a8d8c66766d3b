using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace LiteAspire.Admin.Tests;

public class ProxyStatusPageTests
{
    private const string ConnectedReadiness = """
        {"status":"connected","db":"connected","cache":"redis","litellm_version":"0.1.0","success_callbacks":[],"last_updated":"2026-11-25T10:00:00+00:00"}
        """;

    private static AdminFactory AdminPointingAt(string proxyUrl, string? masterKey = null, string key = "services:proxy:http:0") =>
        new(new Dictionary<string, string?> { [key] = proxyUrl, ["LITELLM_MASTER_KEY"] = masterKey });

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task HomePage_ProxyReady_ShowsItsStatusDbCacheAndVersionInTheFirstResponse()
    {
        await using var proxy = await FakeProxy.StartAsync(200, ConnectedReadiness);
        await using var admin = AdminPointingAt(proxy.BaseUrl);

        var html = await admin.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("LiteAspire Admin", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"proxy-status\">connected<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"proxy-db\">connected<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"proxy-cache\">redis<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"proxy-version\">0.1.0<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomePage_ProxyDown_SaysUnreachableWithTheReasonWhileAdminStaysHealthy()
    {
        await using var admin = AdminPointingAt($"http://127.0.0.1:{ClosedPort()}");
        var client = admin.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Contains("data-testid=\"proxy-status\">unreachable<", html, StringComparison.Ordinal);
        Assert.Contains("Connection refused", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task HomePage_ProxyAnswers503_SaysUnhealthyWithTheProxysMessage()
    {
        await using var proxy = await FakeProxy.StartAsync(503,
            """{"error":{"message":"Service Unhealthy (database not reachable)","type":"no_db_connection","param":null,"code":"503"}}""");
        await using var admin = AdminPointingAt(proxy.BaseUrl);

        var html = await admin.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("data-testid=\"proxy-status\">unhealthy<", html, StringComparison.Ordinal);
        Assert.Contains("The proxy answered 503: Service Unhealthy (database not reachable)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyStatusApi_ProxyReady_Returns200WithWhatTheProxySaid()
    {
        await using var proxy = await FakeProxy.StartAsync(200, ConnectedReadiness);
        await using var admin = AdminPointingAt(proxy.BaseUrl);

        var response = await admin.CreateClient().GetAsync(new Uri("/api/proxy-status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("reachable").GetBoolean());
        Assert.Equal("http://proxy", body.RootElement.GetProperty("base_address").GetString());
        Assert.Equal(200, body.RootElement.GetProperty("status_code").GetInt32());
        Assert.Equal("connected", body.RootElement.GetProperty("readiness").GetProperty("status").GetString());
        Assert.Equal("redis", body.RootElement.GetProperty("readiness").GetProperty("cache").GetString());
    }

    [Fact]
    public async Task ProxyStatusApi_ProxyDown_Returns502WithTheReason()
    {
        await using var admin = AdminPointingAt($"http://127.0.0.1:{ClosedPort()}");

        var response = await admin.CreateClient().GetAsync(new Uri("/api/proxy-status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(body.RootElement.GetProperty("reachable").GetBoolean());
        Assert.Contains("Connection refused", body.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyClient_MasterKeyConfigured_SendsItAsBearerToken()
    {
        await using var proxy = await FakeProxy.StartAsync(200, ConnectedReadiness);
        await using var admin = AdminPointingAt(proxy.BaseUrl, masterKey: "sk-admin-test");

        await admin.CreateClient().GetAsync(new Uri("/api/proxy-status", UriKind.Relative));

        Assert.Equal("Bearer sk-admin-test", proxy.LastAuthorization);
    }

    [Fact]
    public async Task ProxyBaseUrl_NoServiceDiscoveryEntry_PointsHttpProxyAtIt()
    {
        await using var proxy = await FakeProxy.StartAsync(200, ConnectedReadiness);
        await using var admin = AdminPointingAt(proxy.BaseUrl, key: "PROXY_BASE_URL");

        var response = await admin.CreateClient().GetAsync(new Uri("/api/proxy-status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
