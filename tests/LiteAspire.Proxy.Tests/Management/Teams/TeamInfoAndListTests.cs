using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Tests.Endpoints;

namespace LiteAspire.Proxy.Tests.Management.Teams;

[Collection(ManagementTests.Name)]
public sealed class TeamInfoAndListTests(ManagementFixture fixture)
{
    private async Task<(string TeamId, string MemberKey, string TeamKey)> TeamWithMemberAsync(string? organizationId = null)
    {
        var member = ManagementFixture.NewId("user");
        var memberKey = await fixture.NewKeyAsync(member);
        var fields = new JsonObject
        {
            ["team_alias"] = ManagementFixture.NewId("alias"),
            ["team_member_budget"] = 2,
            ["members_with_roles"] = new JsonArray { TeamTestData.Member("user", member) },
        };
        if (organizationId is not null)
        {
            fields["organization_id"] = organizationId;
        }

        var team = await fixture.NewTeamAsync(fields);
        var teamId = team["team_id"].Text();
        return (teamId, memberKey, await fixture.NewKeyAsync(teamId: teamId));
    }

    [Fact]
    public async Task Info_Admin_SeesTeamMemberBudgetKeysWithoutTokensAndMemberships()
    {
        var (teamId, _, teamKey) = await TeamWithMemberAsync();

        using var response = await fixture.Admin.GetPathAsync($"/team/info?team_id={teamId}");

        var info = await response.ReadObjectAsync();
        Assert.True(response.IsSuccessStatusCode, info.ToJsonString());
        Assert.Equal(teamId, info["team_id"].Text());
        Assert.Equal(teamId, info["team_info"]!["team_id"].Text());
        Assert.Equal(2, info["team_info"]!["team_member_budget_table"]!["max_budget"]!.GetValue<double>());
        var key = Assert.Single(info["keys"]!.AsArray())!.AsObject();
        Assert.Equal(VirtualKeys.DisplayName(teamKey), key["key_name"].Text());
        Assert.False(key.ContainsKey("token"));
        Assert.DoesNotContain(VirtualKeys.Hash(teamKey), info.ToJsonString(), StringComparison.Ordinal);
        var membership = Assert.Single(info["team_memberships"]!.AsArray())!;
        Assert.Equal(2, membership["litellm_budget_table"]!["max_budget"]!.GetValue<double>());
    }

    [Fact]
    public async Task Info_ViewerMemberAndTeamKey_MayRead_OutsidersMayNot()
    {
        var (teamId, memberKey, teamKey) = await TeamWithMemberAsync();
        var (otherTeam, _, otherTeamKey) = await TeamWithMemberAsync();
        var viewerKey = await fixture.NewKeyAsync(ManagementFixture.NewId("user"), LiteLLMRoles.ProxyAdminViewer);
        var outsiderKey = await fixture.NewKeyAsync(ManagementFixture.NewId("user"));

        foreach (var key in new[] { viewerKey, memberKey, teamKey })
        {
            using var client = fixture.Client(key);
            using var response = await client.GetPathAsync($"/team/info?team_id={teamId}");
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        foreach (var key in new[] { outsiderKey, otherTeamKey })
        {
            using var client = fixture.Client(key);
            using var response = await client.GetPathAsync($"/team/info?team_id={teamId}");
            await response.AssertErrorAsync(403, "not authorized to access this team", "auth_error");
        }

        Assert.NotEqual(teamId, otherTeam);
    }

    [Fact]
    public async Task Info_UnknownTeam_Returns404_AndMissingTeamId_Returns400()
    {
        using var unknown = await fixture.Admin.GetPathAsync("/team/info?team_id=team-nowhere");
        await unknown.AssertErrorAsync(404, "Team not found");

        using var missing = await fixture.Admin.GetPathAsync("/team/info");
        await missing.AssertErrorAsync(400, "team_id");
    }

    [Fact]
    public async Task List_AdminSeesEveryTeam_OthersOnlyTheirOwn()
    {
        var organization = await fixture.AdminPostAsync("/organization/new", new JsonObject { ["organization_alias"] = ManagementFixture.NewId("org") });
        var organizationId = organization["organization_id"].Text();
        var (mine, memberKey, teamKey) = await TeamWithMemberAsync(organizationId);
        var (theirs, _, _) = await TeamWithMemberAsync();
        var outsiderKey = await fixture.NewKeyAsync(ManagementFixture.NewId("user"));

        var all = await ListAsync(fixture.Admin, "/team/list");
        Assert.Contains(mine, all);
        Assert.Contains(theirs, all);
        Assert.Equal(new[] { mine }, await ListAsync(fixture.Admin, $"/team/list?organization_id={organizationId}"));
        Assert.DoesNotContain(mine, await ListAsync(fixture.Admin, "/team/list?organization_id=default_organization"));

        using (var member = fixture.Client(memberKey))
        {
            Assert.Equal(new[] { mine }, await ListAsync(member, "/team/list"));
        }

        using (var team = fixture.Client(teamKey))
        {
            Assert.Equal(new[] { mine }, await ListAsync(team, "/team/list"));
        }

        using var outsider = fixture.Client(outsiderKey);
        Assert.Empty(await ListAsync(outsider, "/team/list"));
        using var other = await outsider.GetPathAsync($"/team/list?user_id=someone-else");
        await other.AssertErrorAsync(403, "Only admin users");
    }

    [Fact]
    public async Task List_EachTeamCarriesKeysAndMemberships()
    {
        var (teamId, _, teamKey) = await TeamWithMemberAsync();

        using var response = await fixture.Admin.GetPathAsync("/team/list");

        var teams = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        var team = teams.Single(t => t!["team_id"].Text() == teamId)!;
        Assert.Equal(VirtualKeys.DisplayName(teamKey), team["keys"]![0]!["key_name"].Text());
        Assert.Single(team["team_memberships"]!.AsArray());
    }

    [Fact]
    public async Task V2List_PagesFiltersAndSorts_WithoutKeys_OthersGetTheirOwnTeams()
    {
        var organization = await fixture.AdminPostAsync("/organization/new", new JsonObject { ["organization_alias"] = ManagementFixture.NewId("org") });
        var organizationId = organization["organization_id"].Text();
        var (first, memberKey, _) = await TeamWithMemberAsync(organizationId);
        var (second, _, _) = await TeamWithMemberAsync(organizationId);
        var ordered = new[] { first, second }.Order(StringComparer.Ordinal).ToArray();

        var page1 = await V2Async(fixture.Admin, $"/v2/team/list?organization_id={organizationId}&page=1&page_size=1&sort_by=team_id");
        var page2 = await V2Async(fixture.Admin, $"/v2/team/list?organization_id={organizationId}&page=2&page_size=1&sort_by=team_id");

        Assert.Equal((2, 1, 1, 2), (page1["total"]!.GetValue<int>(), page1["page"]!.GetValue<int>(), page1["page_size"]!.GetValue<int>(),
            page1["total_pages"]!.GetValue<int>()));
        Assert.Equal(ordered, new[] { page1["teams"]![0]!["team_id"].Text(), page2["teams"]![0]!["team_id"].Text() });
        Assert.False(page1["teams"]![0]!.AsObject().ContainsKey("keys"));
        var alias = (await V2Async(fixture.Admin, $"/v2/team/list?team_id={first}"))["teams"]![0]!["team_alias"].Text();
        var byAlias = await V2Async(fixture.Admin, $"/v2/team/list?team_alias={alias[2..].ToUpperInvariant()}");
        Assert.Equal([first], byAlias["teams"]!.AsArray().Select(t => t!["team_id"].Text()));

        using var member = fixture.Client(memberKey);
        Assert.Equal([first], (await V2Async(member, "/v2/team/list"))["teams"]!.AsArray().Select(t => t!["team_id"].Text()));
        using var otherUser = await member.GetPathAsync("/v2/team/list?user_id=someone-else");
        await otherUser.AssertErrorAsync(403, "Only admin users");
        using var unknown = await fixture.Admin.GetPathAsync("/v2/team/list?user_id=nobody-at-all");
        await unknown.AssertErrorAsync(404, "User not found");
    }

    private static async Task<JsonNode> V2Async(HttpClient client, string path)
    {
        using var response = await client.GetPathAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!;
    }

    private static async Task<List<string>> ListAsync(HttpClient client, string path)
    {
        using var response = await client.GetPathAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!.AsArray().Select(t => t!["team_id"].Text()).ToList();
    }
}
