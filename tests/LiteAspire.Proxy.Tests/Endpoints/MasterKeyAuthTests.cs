using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace LiteAspire.Proxy.Tests.Endpoints;

[Collection(SharedGateway.Name)]
public sealed class MasterKeyAuthTests
{
    private readonly GatewayFixture _gateway;

    public MasterKeyAuthTests(GatewayFixture gateway)
    {
        _gateway = gateway;
        gateway.Upstream.Reset();
    }

    private static HttpRequestMessage Chat() => new(HttpMethod.Post, "/v1/chat/completions")
    {
        Content = new StringContent(GatewayClientExtensions.Chat("gpt-4o").ToJsonString(), Encoding.UTF8, "application/json"),
    };

    [Fact]
    public async Task Chat_NoKey_Returns401NoApiKeyPassed()
    {
        using var client = _gateway.Factory.CreateClient();
        using var request = Chat();

        var response = await client.SendAsync(request);

        var error = await response.AssertOpenAIErrorAsync(401);
        Assert.Equal("Authentication Error, No api key passed in.", error["message"]!.GetValue<string>());
        Assert.Equal("auth_error", error["type"]!.GetValue<string>());
        Assert.Empty(_gateway.Upstream.Requests);
    }

    [Fact]
    public async Task Chat_WrongKey_Returns401WithMaskedKeyOnly()
    {
        using var client = _gateway.Factory.CreateClient();
        using var request = Chat();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-wrong-secret-9876");

        var response = await client.SendAsync(request);

        var error = await response.AssertOpenAIErrorAsync(401);
        var message = error["message"]!.GetValue<string>();
        Assert.StartsWith("Authentication Error, Invalid proxy server token passed. Received API Key = sk-...9876", message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-wrong-secret-9876", message, StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayFixture.MasterKey, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Authorization", "Bearer " + GatewayFixture.MasterKey)]
    [InlineData("Authorization", "bearer " + GatewayFixture.MasterKey)]
    [InlineData("x-api-key", GatewayFixture.MasterKey)]
    [InlineData("api-key", GatewayFixture.MasterKey)]
    [InlineData("x-goog-api-key", GatewayFixture.MasterKey)]
    [InlineData("x-litellm-api-key", "Bearer " + GatewayFixture.MasterKey)]
    public async Task Chat_MasterKeyInAnyAcceptedHeader_IsAllowed(string header, string value)
    {
        using var client = _gateway.Factory.CreateClient();
        using var request = Chat();
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/v1/models")]
    [InlineData("/v1/model/info")]
    public async Task ModelRoutes_NoKey_Return401(string path)
    {
        using var client = _gateway.Factory.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        await response.AssertOpenAIErrorAsync(401);
    }

    [Theory]
    [InlineData("/health/liveliness")]
    [InlineData("/health/readiness")]
    public async Task HealthRoutes_NoKey_StayPublic(string path)
    {
        using var client = _gateway.Factory.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
