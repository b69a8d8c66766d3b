using System.Net;

using LiteAspire.Proxy.Tests.Endpoints;
using LiteAspire.Proxy.Tests.Management;

namespace LiteAspire.Proxy.Tests.Enforcement;

/// <summary><c>/v1/models</c> lists what the caller may call, as LiteLLM's does, against real PostgreSQL and Redis.</summary>
[Collection(ManagementTests.Name)]
public sealed class ModelListAccessTests(ManagementFixture fixture)
{
    private static async Task<List<string>> ListAsync(HttpClient client)
    {
        var body = await (await client.GetAsync(new Uri("/v1/models", UriKind.Relative))).ReadObjectAsync();
        return body["data"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToList();
    }

    [Fact]
    public async Task Models_KeyLimitedToOneModelAndAnAccessGroup_ListsOnlyThose()
    {
        var key = await KeyRows.AddKeyAsync(fixture.Proxy, k => k.Models = ["gpt-4o", "beta-models"]);
        using var client = fixture.Client(key);

        var ids = await ListAsync(client);

        Assert.Equal(["gpt-4o", "gpt-4o-mini"], ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Models_TeamKey_ListsTheTeamsModels()
    {
        var team = await KeyRows.AddTeamAsync(fixture.Proxy, t => t.Models = ["claude-3-5-sonnet"]);
        var key = await KeyRows.AddKeyAsync(fixture.Proxy, k => k.TeamId = team);
        using var client = fixture.Client(key);

        Assert.Equal(["claude-3-5-sonnet"], await ListAsync(client));
    }

    [Fact]
    public async Task Models_UnrestrictedKeyAndMasterKey_ListEverything()
    {
        var key = await KeyRows.AddKeyAsync(fixture.Proxy);
        using var client = fixture.Client(key);

        var all = await ListAsync(fixture.Admin);

        Assert.Contains("claude-3-5-sonnet", all);
        Assert.Equal(all, await ListAsync(client));
    }

    [Fact]
    public async Task ModelById_NotAllowedForTheKey_404()
    {
        var key = await KeyRows.AddKeyAsync(fixture.Proxy, k => k.Models = ["gpt-4o"]);
        using var client = fixture.Client(key);

        var allowed = await client.GetAsync(new Uri("/v1/models/gpt-4o", UriKind.Relative));
        var other = await client.GetAsync(new Uri("/v1/models/claude-3-5-sonnet", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
