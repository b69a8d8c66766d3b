using System.Text.Json.Nodes;

using LiteAspire.Data.Budgets;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Tests.Endpoints;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Tests.Management.Teams;

[Collection(ManagementTests.Name)]
public sealed class TeamNewTests(ManagementFixture fixture)
{
    [Fact]
    public async Task New_WithMembersAndMemberBudget_StoresTeamUsersMembershipsAndBudget()
    {
        var organization = await fixture.AdminPostAsync("/organization/new", new JsonObject { ["organization_alias"] = ManagementFixture.NewId("org") });
        var teamId = ManagementFixture.NewId("team");
        var admin = ManagementFixture.NewId("user");
        var email = ManagementFixture.NewId("mail") + "@example.com";
        var before = DateTime.UtcNow;

        var team = await fixture.AdminPostAsync("/team/new", new JsonObject
        {
            ["team_id"] = teamId,
            ["team_alias"] = "Core " + teamId,
            ["organization_id"] = organization["organization_id"]!.DeepClone(),
            ["members_with_roles"] = new JsonArray { TeamTestData.Member("admin", userId: admin), TeamTestData.Member("user", userEmail: email) },
            ["metadata"] = new JsonObject { ["owner"] = "infra" },
            ["models"] = new JsonArray { "gpt-4o" },
            ["max_budget"] = 10.5,
            ["soft_budget"] = 5,
            ["budget_duration"] = "30d",
            ["tpm_limit"] = 1000,
            ["rpm_limit"] = 10,
            ["max_parallel_requests"] = 3,
            ["blocked"] = false,
            ["tags"] = new JsonArray { "prod" },
            ["team_member_budget"] = 2,
            ["team_member_rpm_limit"] = 5,
            ["team_member_tpm_limit"] = 500,
            ["model_aliases"] = new JsonObject { ["fast"] = "gpt-4o-mini" },
        });

        Assert.Equal(teamId, team["team_id"].Text());
        Assert.Equal("Core " + teamId, team["team_alias"].Text());
        Assert.Equal(organization["organization_id"].Text(), team["organization_id"].Text());
        Assert.Equal("gpt-4o", Assert.Single(team["models"]!.AsArray()).Text());
        Assert.Equal(10.5, team["max_budget"]!.GetValue<double>());
        Assert.Equal(1000, team["tpm_limit"]!.GetValue<long>());
        Assert.False(team["blocked"]!.GetValue<bool>());
        var resetAt = team["budget_reset_at"]!.GetValue<DateTime>().ToUniversalTime();
        Assert.InRange(resetAt, BudgetCalendar.Utc.NextReset("30d", before)!.Value, BudgetCalendar.Utc.NextReset("30d", DateTime.UtcNow)!.Value);
        Assert.Equal("infra", team["metadata"]!["owner"].Text());
        Assert.Equal("prod", team["metadata"]!["tags"]![0].Text());
        Assert.Equal("gpt-4o-mini", team["litellm_model_table"]!["model_aliases"]!["fast"].Text());
        var members = team["members_with_roles"]!.AsArray();
        Assert.Equal(2, members.Count);
        Assert.Equal(admin, members[0]!["user_id"].Text());
        Assert.Equal("admin", members[0]!["role"].Text());
        Assert.Equal(email, members[1]!["user_email"].Text());
        var emailUserId = members[1]!["user_id"].Text();
        var memberBudgetId = team["metadata"]!["team_member_budget_id"].Text();

        var row = await fixture.TeamRowAsync(teamId);
        Assert.NotNull(row);
        Assert.Equal(10.5, row.MaxBudget);
        Assert.Equal("30d", row.BudgetDuration);
        Assert.Equal(3, row.MaxParallelRequests);
        await fixture.DbAsync(async db =>
        {
            var users = await db.Users.AsNoTracking().Where(u => u.UserId == admin || u.UserId == emailUserId).ToListAsync();
            Assert.Equal(2, users.Count);
            Assert.All(users, u => Assert.Contains(teamId, u.Teams));
            Assert.All(users, u => Assert.Equal(LiteLLMRoles.InternalUser, u.UserRole));
            Assert.Equal(email, users.Single(u => u.UserId == emailUserId).UserEmail);
            var memberships = await db.TeamMemberships.AsNoTracking().Where(m => m.TeamId == teamId).ToListAsync();
            Assert.Equal(2, memberships.Count);
            Assert.All(memberships, m => Assert.Equal(memberBudgetId, m.BudgetId));
            var budget = await db.Budgets.AsNoTracking().SingleAsync(b => b.BudgetId == memberBudgetId);
            Assert.Equal(2, budget.MaxBudget);
            Assert.Equal(5, budget.RpmLimit);
            Assert.Equal(500, budget.TpmLimit);
            return 0;
        });
    }

    [Fact]
    public async Task New_WithoutTeamId_GeneratesUuid()
    {
        var team = await fixture.AdminPostAsync("/team/new", new JsonObject { ["team_alias"] = "no id" });

        Assert.True(Guid.TryParse(team["team_id"].Text(), out _));
        Assert.NotNull(await fixture.TeamRowAsync(team["team_id"].Text()));
    }

    [Fact]
    public async Task New_ByProxyAdminUser_MakesTheCreatorTeamAdmin()
    {
        var creator = ManagementFixture.NewId("admin");
        var key = await fixture.NewKeyAsync(creator, LiteLLMRoles.ProxyAdmin);
        using var client = fixture.Client(key);

        using var response = await client.PostJsonAsync("/team/new", new JsonObject { ["team_id"] = ManagementFixture.NewId("team") });

        var team = await response.ReadObjectAsync();
        Assert.True(response.IsSuccessStatusCode, team.ToJsonString());
        var member = Assert.Single(team["members_with_roles"]!.AsArray());
        Assert.Equal(creator, member!["user_id"].Text());
        Assert.Equal("admin", member["role"].Text());
    }

    [Theory]
    [InlineData("""{"team_alias": 5}""", "team_alias")]
    [InlineData("""{"max_budget": "ten"}""", "max_budget")]
    [InlineData("""{"max_budget": -1}""", "max_budget")]
    [InlineData("""{"tpm_limit": -5}""", "tpm_limit")]
    [InlineData("""{"rpm_limit": 1.5}""", "rpm_limit")]
    [InlineData("""{"team_member_budget": -0.5}""", "team_member_budget")]
    [InlineData("""{"budget_duration": "30x"}""", "budget_duration")]
    [InlineData("""{"organization_id": "org-that-does-not-exist"}""", "organization_id")]
    [InlineData("""{"members_with_roles": [{"role": "owner", "user_id": "someone-new"}]}""", "role")]
    [InlineData("""{"members_with_roles": [{"role": "user"}]}""", "user_id or user_email")]
    [InlineData("""{"members_with_roles": [{"role": "user", "user_id": "twice"}, {"role": "admin", "user_id": "twice"}]}""", "twice")]
    [InlineData("""{"metadata": "text"}""", "metadata")]
    [InlineData("""{"models": "gpt-4o"}""", "models")]
    [InlineData("""{"blocked": "yes"}""", "blocked")]
    [InlineData("""{"team_id": ""}""", "team_id")]
    [InlineData("""not json""", "not valid JSON")]
    public async Task New_BadInput_Returns400AndWritesNothing(string json, string fragment)
    {
        var before = await fixture.CountsAsync();

        using var response = await fixture.Admin.PostJsonAsync("/team/new", json);

        await response.AssertErrorAsync(400, fragment);
        Assert.Equal(before, await fixture.CountsAsync());
    }

    [Fact]
    public async Task New_DuplicateTeamId_Returns400()
    {
        var team = await fixture.NewTeamAsync();
        var before = await fixture.CountsAsync();

        using var response = await fixture.Admin.PostJsonAsync("/team/new",
            new JsonObject { ["team_id"] = team["team_id"]!.DeepClone(), ["members_with_roles"] = new JsonArray { TeamTestData.Member("user", ManagementFixture.NewId("user")) } });

        await response.AssertErrorAsync(400, "already exists");
        Assert.Equal(before, await fixture.CountsAsync());
    }

    [Theory]
    [InlineData(LiteLLMRoles.ProxyAdminViewer)]
    [InlineData(LiteLLMRoles.InternalUser)]
    [InlineData(LiteLLMRoles.OrgAdmin)]
    public async Task New_NotProxyAdmin_Returns403(string role)
    {
        var key = await fixture.NewKeyAsync(ManagementFixture.NewId("user"), role);
        using var client = fixture.Client(key);
        var before = await fixture.CountsAsync();

        using var response = await client.PostJsonAsync("/team/new", new JsonObject { ["team_alias"] = "not allowed" });

        await response.AssertErrorAsync(403, "Only proxy admins", "auth_error");
        Assert.Equal(before, await fixture.CountsAsync());
    }

    [Fact]
    public async Task New_TeamAdminOfAnotherTeam_Returns403()
    {
        var admin = ManagementFixture.NewId("user");
        var key = await fixture.NewKeyAsync(admin);
        await fixture.NewTeamAsync(new JsonObject { ["members_with_roles"] = new JsonArray { TeamTestData.Member("admin", admin) } });
        using var client = fixture.Client(key);

        using var response = await client.PostJsonAsync("/team/new", new JsonObject { ["team_alias"] = "not allowed" });

        await response.AssertErrorAsync(403, "Only proxy admins");
    }
}
