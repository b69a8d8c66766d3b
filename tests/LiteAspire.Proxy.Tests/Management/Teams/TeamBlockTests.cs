using System.Text.Json.Nodes;

using LiteAspire.Proxy.Tests.Endpoints;

namespace LiteAspire.Proxy.Tests.Management.Teams;

[Collection(ManagementTests.Name)]
public sealed class TeamBlockTests(ManagementFixture fixture)
{
    [Fact]
    public async Task Block_TeamKeysGet401AtOnceOnEveryReplica_AndUnblockRestoresThem()
    {
        var team = await fixture.NewTeamAsync();
        var teamId = team["team_id"].Text();
        var key = await fixture.NewKeyAsync(teamId: teamId);
        var replica = fixture.StartProxy();
        using var first = fixture.Client(key);
        using var second = fixture.Client(key, replica);
        foreach (var client in new[] { first, second })
        {
            using var warm = await client.ChatAsync();
            Assert.True(warm.IsSuccessStatusCode, await warm.Content.ReadAsStringAsync());
        }

        var blocked = await fixture.AdminPostAsync("/team/block", new JsonObject { ["team_id"] = teamId });

        Assert.True(blocked["blocked"]!.GetValue<bool>());
        Assert.True((await fixture.TeamRowAsync(teamId))!.Blocked);
        using (var refused = await first.ChatAsync())
        {
            await refused.AssertErrorAsync(401, $"Team={teamId} is blocked", "auth_error");
        }

        await TeamTestData.EventuallyAsync(async () =>
        {
            using var response = await second.ChatAsync();
            return (int)response.StatusCode == 401;
        }, "the second replica, which had the key cached, to refuse it");

        var unblocked = await fixture.AdminPostAsync("/team/unblock", new JsonObject { ["team_id"] = teamId });

        Assert.False(unblocked["blocked"]!.GetValue<bool>());
        using (var allowed = await first.ChatAsync())
        {
            Assert.True(allowed.IsSuccessStatusCode, await allowed.Content.ReadAsStringAsync());
        }

        await TeamTestData.EventuallyAsync(async () =>
        {
            using var response = await second.ChatAsync();
            return response.IsSuccessStatusCode;
        }, "the second replica to accept the key again");
    }

    [Fact]
    public async Task Block_TeamAdmin_Returns403()
    {
        var admin = ManagementFixture.NewId("user");
        var key = await fixture.NewKeyAsync(admin);
        var team = await fixture.NewTeamAsync(new JsonObject { ["members_with_roles"] = new JsonArray { TeamTestData.Member("admin", admin) } });
        using var client = fixture.Client(key);

        using var response = await client.PostJsonAsync("/team/block", new JsonObject { ["team_id"] = team["team_id"]!.DeepClone() });

        await response.AssertErrorAsync(403, "Only proxy admins");
        Assert.False((await fixture.TeamRowAsync(team["team_id"].Text()))!.Blocked);
    }

    [Fact]
    public async Task Block_UnknownTeam_Returns404_AndMissingTeamId_Returns400()
    {
        using var unknown = await fixture.Admin.PostJsonAsync("/team/block", new JsonObject { ["team_id"] = "team-missing-z" });
        await unknown.AssertErrorAsync(404, "Team not found");

        using var missing = await fixture.Admin.PostJsonAsync("/team/unblock", "{}");
        await missing.AssertErrorAsync(400, "team_id");
    }
}
