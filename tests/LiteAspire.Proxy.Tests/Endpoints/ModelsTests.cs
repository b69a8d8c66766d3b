using System.Net;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Tests.Endpoints;

[Collection(SharedGateway.Name)]
public sealed class ModelsTests(GatewayFixture gateway)
{
    private readonly HttpClient _client = gateway.Client;

    [Theory]
    [InlineData("/v1/models")]
    [InlineData("/models")]
    public async Task Models_List_IsOpenAIListOfGroupsAndAliases(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal("list", body["object"]!.GetValue<string>());
        var data = body["data"]!.AsArray().Select(m => m!.AsObject()).ToList();
        var ids = data.Select(m => m["id"]!.GetValue<string>()).ToList();
        Assert.Contains("gpt-4o", ids);
        Assert.Contains("azure-gpt", ids);
        Assert.Contains("my-alias", ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var gpt = data.First(m => m["id"]!.GetValue<string>() == "gpt-4o");
        Assert.Equal("model", gpt["object"]!.GetValue<string>());
        Assert.Equal(1677610602, gpt["created"]!.GetValue<long>());
        Assert.Equal("openai", gpt["owned_by"]!.GetValue<string>());
    }

    [Fact]
    public async Task Models_GetOne_ReturnsModelOr404()
    {
        var found = await _client.GetAsync(new Uri("/v1/models/wild/*", UriKind.Relative));
        var missing = await _client.GetAsync(new Uri("/v1/models/nope", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("wild/*", (await found.ReadObjectAsync())["id"]!.GetValue<string>());
        await missing.AssertOpenAIErrorAsync(404);
    }

    [Fact]
    public async Task ModelInfo_ListsDeploymentsWithoutSecrets()
    {
        var response = await _client.GetAsync(new Uri("/v1/model/info", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("sk-upstream-openai", text, StringComparison.Ordinal);
        Assert.DoesNotContain("azure-secret-key", text, StringComparison.Ordinal);
        Assert.DoesNotContain("entra-token", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"api_key\"", text, StringComparison.Ordinal);
        var data = JsonNode.Parse(text)!["data"]!.AsArray();
        var gpt = data.First(d => d!["model_name"]!.GetValue<string>() == "gpt-4o")!;
        Assert.Equal("openai/gpt-4o", gpt["litellm_params"]!["model"]!.GetValue<string>());
        Assert.Equal("org-fake", gpt["litellm_params"]!["organization"]!.GetValue<string>());
        Assert.Equal("gpt4o-deployment-1", gpt["model_info"]!["id"]!.GetValue<string>());
        Assert.Equal("chat", gpt["model_info"]!["mode"]!.GetValue<string>());
        var azure = data.First(d => d!["model_name"]!.GetValue<string>() == "azure-gpt")!;
        Assert.Equal(64, azure["model_info"]!["id"]!.GetValue<string>().Length);
    }
}

public sealed class OpenGatewayTests
{
    [Fact]
    public async Task Models_NoMasterKeyConfigured_AreOpen()
    {
        await using var factory = new ProxyFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/v1/models", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.ReadObjectAsync())["data"]!.AsArray());
    }
}
