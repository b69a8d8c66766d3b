using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Tests.Endpoints;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Proxy.Tests.Management.Teams;

[Collection(ManagementTests.Name)]
public sealed class TeamMemberTests(ManagementFixture fixture)
{
    private async Task<string> TeamAsync(JsonArray? members = null, double? teamMemberBudget = null)
    {
        var fields = new JsonObject { ["members_with_roles"] = members ?? [] };
        if (teamMemberBudget is { } budget)
        {
            fields["team_member_budget"] = budget;
        }

        return (await fixture.NewTeamAsync(fields))["team_id"].Text();
    }

    [Fact]
    public async Task MemberAdd_One_CreatesTheUserMembershipAndOwnBudget()
    {
        var teamId = await TeamAsync();
        var userId = ManagementFixture.NewId("user");

        var answer = await fixture.AdminPostAsync("/team/member_add", new JsonObject
        {
            ["team_id"] = teamId,
            ["member"] = TeamTestData.Member("user", userId),
            ["max_budget_in_team"] = 4,
        });

        Assert.Equal(teamId, answer["team_id"].Text());
        Assert.Equal(userId, answer["members_with_roles"]![0]!["user_id"].Text());
        var user = Assert.Single(answer["updated_users"]!.AsArray())!;
        Assert.Equal(userId, user["user_id"].Text());
        Assert.Contains(teamId, user["teams"]!.AsArray().Select(t => t.Text()));
        var membership = Assert.Single(answer["updated_team_memberships"]!.AsArray())!;
        Assert.Equal(4, membership["litellm_budget_table"]!["max_budget"]!.GetValue<double>());
        await fixture.DbAsync(async db =>
        {
            var row = await db.Users.AsNoTracking().SingleAsync(u => u.UserId == userId);
            Assert.Equal(LiteLLMRoles.InternalUser, row.UserRole);
            Assert.Equal(new[] { teamId }, row.Teams);
            var stored = await db.TeamMemberships.AsNoTracking().Include(m => m.Budget).SingleAsync(m => m.TeamId == teamId && m.UserId == userId);
            Assert.Equal(4, stored.Budget!.MaxBudget);
            return 0;
        });
    }

    [Fact]
    public async Task MemberAdd_EightDifferentMembersAtOnce_TheTeamKeepsAllEight()
    {
        var teamId = await TeamAsync();
        var userIds = Enumerable.Range(0, 8).Select(_ => ManagementFixture.NewId("user")).ToList();

        var answers = await Task.WhenAll(userIds.Select(userId => fixture.Admin.PostJsonAsync("/team/member_add", new JsonObject
        {
            ["team_id"] = teamId,
            ["member"] = TeamTestData.Member("user", userId),
        })));

        Assert.All(answers, a => Assert.True(a.IsSuccessStatusCode, $"member_add answered {(int)a.StatusCode}"));
        var info = await (await fixture.Admin.GetAsync(new Uri($"/team/info?team_id={teamId}", UriKind.Relative))).ReadObjectAsync();
        var members = info["team_info"]!["members_with_roles"]!.AsArray().Select(m => m!["user_id"].Text()).ToHashSet();
        Assert.True(members.SetEquals(userIds), $"members: {string.Join(", ", members)}");
        await fixture.DbAsync(async db =>
        {
            Assert.Equal(8, await db.TeamMemberships.AsNoTracking().CountAsync(m => m.TeamId == teamId));
            return 0;
        });
    }

    [Fact]
    public async Task MemberAdd_List_ByEmailAndExistingUser_UsesTheTeamMemberBudget()
    {
        var teamId = await TeamAsync(teamMemberBudget: 1.5);
        var existing = ManagementFixture.NewId("user");
        await fixture.NewKeyAsync(existing);
        var email = ManagementFixture.NewId("mail") + "@example.com";

        var answer = await fixture.AdminPostAsync("/team/member_add", new JsonObject
        {
            ["team_id"] = teamId,
            ["member"] = new JsonArray { TeamTestData.Member("admin", existing), TeamTestData.Member("user", userEmail: email) },
        });

        var members = answer["members_with_roles"]!.AsArray();
        Assert.Equal(2, members.Count);
        var emailUserId = members[1]!["user_id"].Text();
        Assert.Equal(email, members[1]!["user_email"].Text());
        Assert.Equal(2, answer["updated_users"]!.AsArray().Count);
        Assert.All(answer["updated_team_memberships"]!.AsArray(), m => Assert.Equal(1.5, m!["litellm_budget_table"]!["max_budget"]!.GetValue<double>()));
        var created = await fixture.UserRowAsync(emailUserId);
        Assert.Equal(email, created!.UserEmail);
        Assert.Contains(teamId, (await fixture.UserRowAsync(existing))!.Teams);
    }

    [Fact]
    public async Task MemberAdd_UserAlreadyInTeam_Returns400TeamMemberAlreadyInTeam()
    {
        var userId = ManagementFixture.NewId("user");
        var teamId = await TeamAsync([TeamTestData.Member("user", userId)]);
        var before = await fixture.CountsAsync();

        using var response = await fixture.Admin.PostJsonAsync("/team/member_add",
            new JsonObject { ["team_id"] = teamId, ["member"] = TeamTestData.Member("admin", userId) });

        await response.AssertErrorAsync(400, "already in team", "team_member_already_in_team");
        Assert.Equal(before, await fixture.CountsAsync());
    }

    [Theory]
    [InlineData("""[{"role": "user", "user_id": "NEW"}, {"role": "owner", "user_id": "NEW2"}]""", "role")]
    [InlineData("""[{"role": "user", "user_id": "NEW"}, {"role": "user"}]""", "user_id or user_email")]
    [InlineData("""[{"role": "user", "user_id": "NEW"}, {"role": "user", "user_id": "MEMBER"}]""", "already in team")]
    [InlineData("""[{"role": "user", "user_id": "NEW"}, {"role": "user", "user_id": 7}]""", "user_id")]
    [InlineData("""[{"role": "user", "user_id": "NEW"}, "someone"]""", "member[1]")]
    [InlineData("""{"role": "user", "user_id": "NEW", "user_email": 5}""", "member.user_email")]
    [InlineData("\"just-a-name\"", "member")]
    public async Task MemberAdd_AnInvalidMember_Returns400AndAddsNobody(string members, string fragment)
    {
        var existingMember = ManagementFixture.NewId("user");
        var teamId = await TeamAsync([TeamTestData.Member("user", existingMember)]);
        var newUser = ManagementFixture.NewId("user");
        var json = $$"""{"team_id": "{{teamId}}", "member": {{members.Replace("NEW", newUser, StringComparison.Ordinal).Replace("MEMBER", existingMember, StringComparison.Ordinal)}}}""";
        var before = await fixture.CountsAsync();
        var teamBefore = await fixture.TeamRowAsync(teamId);

        using var response = await fixture.Admin.PostJsonAsync("/team/member_add", json);

        await response.AssertErrorAsync(400, fragment);
        Assert.Equal(before, await fixture.CountsAsync());
        Assert.Null(await fixture.UserRowAsync(newUser));
        Assert.Equal(teamBefore!.MembersWithRoles, (await fixture.TeamRowAsync(teamId))!.MembersWithRoles);
    }

    [Fact]
    public async Task MemberAdd_BadRequestShapes_Return4xx()
    {
        var teamId = await TeamAsync();
        using var noMember = await fixture.Admin.PostJsonAsync("/team/member_add", new JsonObject { ["team_id"] = teamId });
        await noMember.AssertErrorAsync(400, "member");

        using var negative = await fixture.Admin.PostJsonAsync("/team/member_add",
            new JsonObject { ["team_id"] = teamId, ["member"] = TeamTestData.Member("user", "x"), ["max_budget_in_team"] = -1 });
        await negative.AssertErrorAsync(400, "max_budget_in_team");

        using var unknown = await fixture.Admin.PostJsonAsync("/team/member_add",
            new JsonObject { ["team_id"] = "team-not-here", ["member"] = TeamTestData.Member("user", "x") });
        await unknown.AssertErrorAsync(404, "Team not found");
    }

    [Fact]
    public async Task MemberAdd_TeamAdminMayAdd_MemberOutsiderAndViewerMayNot()
    {
        var admin = ManagementFixture.NewId("user");
        var plain = ManagementFixture.NewId("user");
        var adminKey = await fixture.NewKeyAsync(admin);
        var plainKey = await fixture.NewKeyAsync(plain);
        var teamId = await TeamAsync([TeamTestData.Member("admin", admin), TeamTestData.Member("user", plain)]);

        using (var client = fixture.Client(adminKey))
        {
            using var added = await client.PostJsonAsync("/team/member_add",
                new JsonObject { ["team_id"] = teamId, ["member"] = TeamTestData.Member("user", ManagementFixture.NewId("user")) });
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }

        var refused = new[]
        {
            plainKey,
            await fixture.NewKeyAsync(ManagementFixture.NewId("user")),
            await fixture.NewKeyAsync(ManagementFixture.NewId("user"), LiteLLMRoles.ProxyAdminViewer),
            await fixture.NewKeyAsync(teamId: teamId),
        };
        foreach (var key in refused)
        {
            var newUser = ManagementFixture.NewId("user");
            using var client = fixture.Client(key);
            using var response = await client.PostJsonAsync("/team/member_add",
                new JsonObject { ["team_id"] = teamId, ["member"] = TeamTestData.Member("user", newUser) });
            await response.AssertErrorAsync(403, "", "auth_error");
            Assert.Null(await fixture.UserRowAsync(newUser));
        }
    }

    [Fact]
    public async Task MemberUpdate_SetsTheMembersOwnBudgetLimitsAndRole_LeavingTheSharedBudget()
    {
        var member = ManagementFixture.NewId("user");
        var teamId = await TeamAsync([TeamTestData.Member("user", member)], teamMemberBudget: 2);
        var key = await fixture.NewKeyAsync(member, teamId: teamId);
        var cache = fixture.Proxy.Services.GetRequiredService<ApiKeyCache>();
        Assert.Equal(2, (await cache.GetAsync(VirtualKeys.Hash(key), default))!.Team!.MemberBudget!.MaxBudget);

        var answer = await fixture.AdminPostAsync("/team/member_update", new JsonObject
        {
            ["team_id"] = teamId,
            ["user_id"] = member,
            ["max_budget_in_team"] = 9,
            ["tpm_limit"] = 100,
            ["rpm_limit"] = 3,
            ["role"] = "admin",
        });

        Assert.Equal(member, answer["user_id"].Text());
        Assert.Equal(9, answer["max_budget_in_team"]!.GetValue<double>());
        var team = await fixture.TeamRowAsync(teamId);
        var sharedId = JsonNode.Parse(team!.Metadata)!["team_member_budget_id"].Text();
        Assert.Contains("\"admin\"", team.MembersWithRoles, StringComparison.Ordinal);
        await fixture.DbAsync(async db =>
        {
            var membership = await db.TeamMemberships.AsNoTracking().Include(m => m.Budget).SingleAsync(m => m.TeamId == teamId && m.UserId == member);
            Assert.NotEqual(sharedId, membership.BudgetId);
            Assert.Equal(9, membership.Budget!.MaxBudget);
            Assert.Equal(100, membership.Budget.TpmLimit);
            Assert.Equal(3, membership.Budget.RpmLimit);
            Assert.Equal(2, (await db.Budgets.AsNoTracking().SingleAsync(b => b.BudgetId == sharedId)).MaxBudget);
            return 0;
        });
        var scope = (await cache.GetAsync(VirtualKeys.Hash(key), default))!.Team!;
        Assert.Equal(9, scope.MemberBudget!.MaxBudget);
        Assert.Equal(3, scope.MemberLimits.RpmLimit);
        Assert.Equal(LiteLLMRoles.TeamAdmin, scope.MemberRole);
    }

    [Theory]
    [InlineData("""{"user_id": "nobody-here", "max_budget_in_team": 1}""", 400, "User not found in team")]
    [InlineData("""{"user_id": "MEMBER", "role": "owner"}""", 400, "role")]
    [InlineData("""{"user_id": "MEMBER", "max_budget_in_team": -2}""", 400, "max_budget_in_team")]
    [InlineData("""{"user_id": "MEMBER", "rpm_limit": "fast"}""", 400, "rpm_limit")]
    [InlineData("""{"max_budget_in_team": 1}""", 400, "user_id or user_email")]
    public async Task MemberUpdate_BadInput_Returns400AndChangesNothing(string fields, int status, string fragment)
    {
        var member = ManagementFixture.NewId("user");
        var teamId = await TeamAsync([TeamTestData.Member("user", member)]);
        var body = JsonNode.Parse(fields.Replace("MEMBER", member, StringComparison.Ordinal))!.AsObject();
        body["team_id"] = teamId;
        var before = await fixture.CountsAsync();

        using var response = await fixture.Admin.PostJsonAsync("/team/member_update", body);

        await response.AssertErrorAsync(status, fragment);
        Assert.Equal(before, await fixture.CountsAsync());
        Assert.Contains("\"user\"", (await fixture.TeamRowAsync(teamId))!.MembersWithRoles, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberDelete_ByEmail_RemovesTheMemberMembershipAndUserTeam()
    {
        var email = ManagementFixture.NewId("mail") + "@example.com";
        var stays = ManagementFixture.NewId("user");
        var teamId = await TeamAsync([TeamTestData.Member("user", userEmail: email), TeamTestData.Member("user", stays)]);
        var leaving = JsonNode.Parse((await fixture.TeamRowAsync(teamId))!.MembersWithRoles)![0]!["user_id"].Text();

        var answer = await fixture.AdminPostAsync("/team/member_delete", new JsonObject { ["team_id"] = teamId, ["user_email"] = email });

        var remaining = Assert.Single(answer["members_with_roles"]!.AsArray())!;
        Assert.Equal(stays, remaining["user_id"].Text());
        Assert.DoesNotContain(teamId, (await fixture.UserRowAsync(leaving))!.Teams);
        Assert.Contains(teamId, (await fixture.UserRowAsync(stays))!.Teams);
        Assert.Equal(0, await fixture.DbAsync(db => db.TeamMemberships.CountAsync(m => m.TeamId == teamId && m.UserId == leaving)));
    }

    [Fact]
    public async Task MemberDelete_NotInTeam_Returns400_UnknownTeam404_PlainMember403()
    {
        var plain = ManagementFixture.NewId("user");
        var plainKey = await fixture.NewKeyAsync(plain);
        var teamId = await TeamAsync([TeamTestData.Member("user", plain)]);

        using var notIn = await fixture.Admin.PostJsonAsync("/team/member_delete", new JsonObject { ["team_id"] = teamId, ["user_id"] = "stranger" });
        await notIn.AssertErrorAsync(400, "User not found in team");

        using var unknown = await fixture.Admin.PostJsonAsync("/team/member_delete", new JsonObject { ["team_id"] = "team-gone", ["user_id"] = plain });
        await unknown.AssertErrorAsync(404, "Team not found");

        using var client = fixture.Client(plainKey);
        using var self = await client.PostJsonAsync("/team/member_delete", new JsonObject { ["team_id"] = teamId, ["user_id"] = plain });
        await self.AssertErrorAsync(403, "not proxy admin OR team admin");
        Assert.Contains(plain, (await fixture.TeamRowAsync(teamId))!.MembersWithRoles, StringComparison.Ordinal);
    }
}
