using System.Net;

using LiteAspire.Proxy.Tests.Endpoints;
using LiteAspire.Proxy.Tests.Management;

namespace LiteAspire.Proxy.Tests.Enforcement;

/// <summary>A key's <c>key_type</c> / <c>allowed_routes</c> limit the routes it may call (LiteLLM's 403), on real PostgreSQL and Redis.</summary>
[Collection(ManagementTests.Name)]
public sealed class RouteAccessTests(ManagementFixture fixture)
{
    private async Task<string> GenerateAsync(string body)
    {
        using var response = await fixture.Admin.PostJsonAsync("/key/generate", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadObjectAsync())["key"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> ChatAsync(HttpClient client, string path = "/v1/chat/completions") =>
        client.PostJsonAsync(path, GatewayClientExtensions.Chat("gpt-4o"));

    [Fact]
    public async Task LlmApiKey_CallsChatAndMessages_ManagementAndInfo403()
    {
        using var client = fixture.Client(await GenerateAsync("""{"key_type": "llm_api"}"""));

        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(client)).StatusCode);
        var messages = await client.PostJsonAsync("/v1/messages", """{"model": "gpt-4o", "max_tokens": 16, "messages": [{"role": "user", "content": "hi"}]}""");
        Assert.Equal(HttpStatusCode.OK, messages.StatusCode);
        var error = await (await client.PostJsonAsync("/key/generate", "{}")).AssertOpenAIErrorAsync(403);
        Assert.Equal("auth_error", error["type"]!.GetValue<string>());
        Assert.Equal("Virtual key is not allowed to call this route. Only allowed to call routes: ['llm_api_routes']. Tried to call route: /key/generate",
            error["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/team/list", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ReadOnlyKey_InfoRoutesOnly()
    {
        var key = await GenerateAsync("""{"key_type": "read_only"}""");
        using var client = fixture.Client(key);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/key/info", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/v1/models", UriKind.Relative))).StatusCode);
        await (await ChatAsync(client)).AssertOpenAIErrorAsync(403);
    }

    [Fact]
    public async Task ManagementKey_NoChat()
    {
        using var client = fixture.Client(await GenerateAsync("""{"key_type": "management"}"""));

        await (await ChatAsync(client)).AssertOpenAIErrorAsync(403);
    }

    [Fact]
    public async Task AllowedRoutes_ExactPathAndWildcard()
    {
        using var exact = fixture.Client(await GenerateAsync("""{"allowed_routes": ["/chat/completions"]}"""));
        using var wildcard = fixture.Client(await GenerateAsync("""{"allowed_routes": ["/v1/*"]}"""));

        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(exact, "/chat/completions")).StatusCode);
        await (await ChatAsync(exact, "/v1/chat/completions")).AssertOpenAIErrorAsync(403);
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(wildcard, "/v1/chat/completions")).StatusCode);
        await (await ChatAsync(wildcard, "/chat/completions")).AssertOpenAIErrorAsync(403);
    }

    [Fact]
    public async Task DefaultKey_NoRouteLimit()
    {
        using var client = fixture.Client(await GenerateAsync("""{"key_type": "default"}"""));

        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(client)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/key/info", UriKind.Relative))).StatusCode);
    }
}
