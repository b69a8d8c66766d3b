using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Tests.Endpoints;

using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Proxy.Tests.Management.Teams;

[Collection(ManagementTests.Name)]
public sealed class TeamUpdateTests(ManagementFixture fixture)
{
    private async Task<string> TeamAsync(string? adminUser = null, string? plainUser = null)
    {
        var members = new JsonArray();
        if (adminUser is not null)
        {
            members.Add(TeamTestData.Member("admin", adminUser));
        }

        if (plainUser is not null)
        {
            members.Add(TeamTestData.Member("user", plainUser));
        }

        var team = await fixture.NewTeamAsync(new JsonObject
        {
            ["team_alias"] = "before",
            ["max_budget"] = 10,
            ["models"] = new JsonArray { "gpt-4o" },
            ["metadata"] = new JsonObject { ["owner"] = "infra" },
            ["members_with_roles"] = members,
        });
        return team["team_id"].Text();
    }

    [Fact]
    public async Task Update_Post_ChangesOnlyTheFieldsSent()
    {
        var teamId = await TeamAsync();

        var answer = await fixture.AdminPostAsync("/team/update", new JsonObject
        {
            ["team_id"] = teamId,
            ["max_budget"] = 20,
            ["tags"] = new JsonArray { "x" },
            ["budget_duration"] = "1d",
        });

        Assert.Equal(teamId, answer["team_id"].Text());
        var data = answer["data"]!;
        Assert.Equal(20, data["max_budget"]!.GetValue<double>());
        Assert.Equal("before", data["team_alias"].Text());
        Assert.Equal("gpt-4o", data["models"]![0].Text());
        Assert.Equal("infra", data["metadata"]!["owner"].Text());
        Assert.Equal("x", data["metadata"]!["tags"]![0].Text());
        var row = await fixture.TeamRowAsync(teamId);
        Assert.Equal(20, row!.MaxBudget);
        Assert.Equal("before", row.TeamAlias);
        Assert.Equal("gpt-4o", Assert.Single(row.Models));
        Assert.Equal("1d", row.BudgetDuration);
        Assert.NotNull(row.BudgetResetAt);
    }

    [Fact]
    public async Task Update_Patch_UpdatesTheTeam()
    {
        var teamId = await TeamAsync();

        using var response = await fixture.Admin.SendJsonAsync(HttpMethod.Patch, "/team/update",
            new JsonObject { ["team_id"] = teamId, ["team_alias"] = "after", ["max_budget"] = null }.ToJsonString());

        var answer = await response.ReadObjectAsync();
        Assert.True(response.IsSuccessStatusCode, answer.ToJsonString());
        Assert.Equal("after", answer["data"]!["team_alias"].Text());
        var row = await fixture.TeamRowAsync(teamId);
        Assert.Equal("after", row!.TeamAlias);
        Assert.Null(row.MaxBudget);
    }

    [Fact]
    public async Task Update_BudgetLimitsAndModels_AreSeenByTeamKeysAtOnceOnEveryReplica()
    {
        var teamId = await TeamAsync();
        var key = await fixture.NewKeyAsync(teamId: teamId);
        var token = VirtualKeys.Hash(key);
        var replica = fixture.StartProxy();
        using var first = fixture.Client(key);
        using var second = fixture.Client(key, replica);
        using (var warm = await second.ChatAsync())
        {
            Assert.True(warm.IsSuccessStatusCode);
        }

        using (var warm = await first.ChatAsync())
        {
            Assert.True(warm.IsSuccessStatusCode);
        }

        var firstCache = fixture.Proxy.Services.GetRequiredService<ApiKeyCache>();
        var secondCache = replica.Services.GetRequiredService<ApiKeyCache>();
        Assert.Equal(10, (await secondCache.GetAsync(token, default))!.Team!.Budget!.MaxBudget);

        await fixture.AdminPostAsync("/team/update", new JsonObject
        {
            ["team_id"] = teamId,
            ["models"] = new JsonArray { "gpt-4o-mini" },
            ["max_budget"] = 1,
            ["tpm_limit"] = 7,
        });

        var here = (await firstCache.GetAsync(token, default))!.Team!;
        Assert.Equal("gpt-4o-mini", Assert.Single(here.Models));
        Assert.Equal(1, here.Budget!.MaxBudget);
        Assert.Equal(7, here.Limits.TpmLimit);
        await TeamTestData.EventuallyAsync(async () =>
        {
            var there = (await secondCache.GetAsync(token, default))!.Team!;
            return there.Models.SequenceEqual(["gpt-4o-mini"]) && there.Budget!.MaxBudget == 1 && there.Limits.TpmLimit == 7;
        }, "the second replica's cached key to show the team's new models, budget and limit");
    }

    [Fact]
    public async Task Update_TeamMemberBudget_IsSeenByMembersKeys()
    {
        var member = ManagementFixture.NewId("user");
        var memberKey = await fixture.NewKeyAsync(member);
        var teamId = await TeamAsync(plainUser: member);
        var token = await fixture.DbAsync(async db =>
        {
            var row = await db.VerificationTokens.FindAsync(VirtualKeys.Hash(memberKey));
            row!.TeamId = teamId;
            await db.SaveChangesAsync();
            return row.Token;
        });
        var cache = fixture.Proxy.Services.GetRequiredService<ApiKeyCache>();
        Assert.Null((await cache.GetAsync(token, default))!.Team!.MemberBudget);

        await fixture.AdminPostAsync("/team/update", new JsonObject { ["team_id"] = teamId, ["team_member_budget"] = 3, ["team_member_rpm_limit"] = 4 });

        var scope = (await cache.GetAsync(token, default))!.Team!;
        Assert.Equal(3, scope.MemberBudget!.MaxBudget);
        Assert.Equal(4, scope.MemberLimits.RpmLimit);
    }

    [Fact]
    public async Task Update_UnknownTeam_Returns404_AndMissingTeamId_Returns400()
    {
        using var unknown = await fixture.Admin.PostJsonAsync("/team/update", new JsonObject { ["team_id"] = "team-missing-x", ["max_budget"] = 1 });
        await unknown.AssertErrorAsync(404, "Team not found", "not_found_error");

        using var missing = await fixture.Admin.PostJsonAsync("/team/update", new JsonObject { ["max_budget"] = 1 });
        await missing.AssertErrorAsync(400, "team_id");
    }

    [Theory]
    [InlineData("""{"max_budget": -1}""", "max_budget")]
    [InlineData("""{"budget_duration": "every day"}""", "budget_duration")]
    [InlineData("""{"organization_id": "org-missing"}""", "organization_id")]
    [InlineData("""{"rpm_limit": "a lot"}""", "rpm_limit")]
    [InlineData("""{"models": {"a": 1}}""", "models")]
    [InlineData("""{"team_member_tpm_limit": -3}""", "team_member_tpm_limit")]
    public async Task Update_BadInput_Returns400AndChangesNothing(string fields, string fragment)
    {
        var teamId = await TeamAsync();
        var before = await fixture.TeamRowAsync(teamId);
        var counts = await fixture.CountsAsync();
        var body = JsonNode.Parse(fields)!.AsObject();
        body["team_id"] = teamId;

        using var response = await fixture.Admin.PostJsonAsync("/team/update", body);

        await response.AssertErrorAsync(400, fragment);
        var after = await fixture.TeamRowAsync(teamId);
        Assert.Equal(before!.UpdatedAt, after!.UpdatedAt);
        Assert.Equal(before.MaxBudget, after.MaxBudget);
        Assert.Equal(counts, await fixture.CountsAsync());
    }

    [Fact]
    public async Task Update_TeamAdmin_MayUpdateButNotBlockOrMove()
    {
        var admin = ManagementFixture.NewId("user");
        var key = await fixture.NewKeyAsync(admin);
        var teamId = await TeamAsync(adminUser: admin);
        using var client = fixture.Client(key);

        using var allowed = await client.PostJsonAsync("/team/update", new JsonObject { ["team_id"] = teamId, ["team_alias"] = "by team admin" });
        Assert.True(allowed.IsSuccessStatusCode, await allowed.Content.ReadAsStringAsync());
        Assert.Equal("by team admin", (await fixture.TeamRowAsync(teamId))!.TeamAlias);

        using var block = await client.PostJsonAsync("/team/update", new JsonObject { ["team_id"] = teamId, ["blocked"] = true });
        await block.AssertErrorAsync(403, "Only proxy admins");
        Assert.False((await fixture.TeamRowAsync(teamId))!.Blocked);
    }

    [Fact]
    public async Task Update_MemberOutsiderOtherTeamKeyAndViewer_Return403()
    {
        var member = ManagementFixture.NewId("user");
        var memberKey = await fixture.NewKeyAsync(member);
        var teamId = await TeamAsync(plainUser: member);
        var otherTeam = await TeamAsync();
        var callers = new[]
        {
            memberKey,
            await fixture.NewKeyAsync(ManagementFixture.NewId("user")),
            await fixture.NewKeyAsync(teamId: otherTeam),
            await fixture.NewKeyAsync(ManagementFixture.NewId("user"), LiteLLMRoles.ProxyAdminViewer),
        };

        foreach (var key in callers)
        {
            using var client = fixture.Client(key);
            using var response = await client.PostJsonAsync("/team/update", new JsonObject { ["team_id"] = teamId, ["team_alias"] = "hijacked" });
            await response.AssertErrorAsync(403, "", "auth_error");
        }

        Assert.Equal("before", (await fixture.TeamRowAsync(teamId))!.TeamAlias);
    }
}
