using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Tests.Endpoints;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Tests.Management.Teams;

[Collection(ManagementTests.Name)]
public sealed class TeamDeleteTests(ManagementFixture fixture)
{
    [Fact]
    public async Task Delete_RemovesKeysMembershipsAndUserTeams_CopiesRows_AndKeysStopWorkingOnEveryReplica()
    {
        var member = ManagementFixture.NewId("user");
        var team = await fixture.NewTeamAsync(new JsonObject { ["members_with_roles"] = new JsonArray { TeamTestData.Member("user", member) } });
        var teamId = team["team_id"].Text();
        var memberKey = await fixture.NewKeyAsync(member, teamId: teamId);
        var teamKey = await fixture.NewKeyAsync(teamId: teamId);
        var replica = fixture.StartProxy();
        using var first = fixture.Client(teamKey);
        using var second = fixture.Client(teamKey, replica);
        using (var warm = await second.ChatAsync())
        {
            Assert.True(warm.IsSuccessStatusCode);
        }

        var answer = await fixture.AdminPostAsync("/team/delete", new JsonObject { ["team_ids"] = new JsonArray { teamId } });

        Assert.Equal(teamId, answer["deleted_teams"]![0].Text());
        using (var refused = await first.ChatAsync())
        {
            await refused.AssertErrorAsync(401, "Unable to find token");
        }

        await TeamTestData.EventuallyAsync(async () =>
        {
            using var response = await second.ChatAsync();
            return (int)response.StatusCode == 401;
        }, "the second replica to refuse the deleted team's key");
        var tokens = new[] { VirtualKeys.Hash(memberKey), VirtualKeys.Hash(teamKey) };
        await fixture.DbAsync(async db =>
        {
            Assert.Null(await db.Teams.FindAsync(teamId));
            var copy = await db.DeletedTeams.AsNoTracking().SingleAsync(t => t.TeamId == teamId);
            Assert.Contains(member, copy.MembersWithRoles, StringComparison.Ordinal);
            Assert.Equal(0, await db.VerificationTokens.CountAsync(k => tokens.Contains(k.Token)));
            Assert.Equal(2, await db.DeletedVerificationTokens.CountAsync(k => tokens.Contains(k.Token) && k.TeamId == teamId));
            Assert.Equal(0, await db.TeamMemberships.CountAsync(m => m.TeamId == teamId));
            Assert.DoesNotContain(teamId, (await db.Users.AsNoTracking().SingleAsync(u => u.UserId == member)).Teams);
            return 0;
        });
    }

    [Fact]
    public async Task Delete_OneUnknownTeam_Returns404AndDeletesNothing()
    {
        var team = await fixture.NewTeamAsync();
        var teamId = team["team_id"].Text();
        await fixture.NewKeyAsync(teamId: teamId);
        var before = await fixture.CountsAsync();

        using var response = await fixture.Admin.PostJsonAsync("/team/delete", new JsonObject { ["team_ids"] = new JsonArray { teamId, "team-missing-y" } });

        await response.AssertErrorAsync(404, "team-missing-y", "not_found_error");
        Assert.Equal(before, await fixture.CountsAsync());
        Assert.NotNull(await fixture.TeamRowAsync(teamId));
    }

    [Theory]
    [InlineData("""{}""", "team_ids")]
    [InlineData("""{"team_ids": []}""", "team_ids")]
    [InlineData("""{"team_ids": "one"}""", "team_ids")]
    public async Task Delete_BadInput_Returns400(string json, string fragment)
    {
        var before = await fixture.CountsAsync();

        using var response = await fixture.Admin.PostJsonAsync("/team/delete", json);

        await response.AssertErrorAsync(400, fragment);
        Assert.Equal(before, await fixture.CountsAsync());
    }

    [Fact]
    public async Task Delete_TeamAdmin_Returns403()
    {
        var admin = ManagementFixture.NewId("user");
        var key = await fixture.NewKeyAsync(admin);
        var team = await fixture.NewTeamAsync(new JsonObject { ["members_with_roles"] = new JsonArray { TeamTestData.Member("admin", admin) } });
        using var client = fixture.Client(key);

        using var response = await client.PostJsonAsync("/team/delete", new JsonObject { ["team_ids"] = new JsonArray { team["team_id"]!.DeepClone() } });

        await response.AssertErrorAsync(403, "Only proxy admins");
        Assert.NotNull(await fixture.TeamRowAsync(team["team_id"].Text()));
    }
}
