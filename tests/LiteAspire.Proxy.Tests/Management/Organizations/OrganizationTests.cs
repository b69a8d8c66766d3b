using System.Text.Json.Nodes;

using LiteAspire.Data.Budgets;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Tests.Endpoints;
using LiteAspire.Proxy.Tests.Management.Teams;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Proxy.Tests.Management.Organizations;

[Collection(ManagementTests.Name)]
public sealed class OrganizationTests(ManagementFixture fixture)
{
    private static readonly string[] s_newOrganizationFields =
        ["organization_id", "organization_alias", "budget_id", "spend", "metadata", "models", "created_by", "updated_by", "created_at", "updated_at"];

    private async Task<JsonObject> OrganizationAsync(JsonObject? fields = null)
    {
        var body = fields ?? [];
        body["organization_alias"] ??= ManagementFixture.NewId("org");
        return await fixture.AdminPostAsync("/organization/new", body);
    }

    [Fact]
    public async Task New_CreatesTheOrganizationAndItsBudgetRow()
    {
        var organizationId = ManagementFixture.NewId("org");

        var organization = await OrganizationAsync(new JsonObject
        {
            ["organization_id"] = organizationId,
            ["organization_alias"] = "Acme " + organizationId,
            ["models"] = new JsonArray { "gpt-4o" },
            ["max_budget"] = 100,
            ["soft_budget"] = 80,
            ["tpm_limit"] = 5000,
            ["rpm_limit"] = 50,
            ["max_parallel_requests"] = 4,
            ["budget_duration"] = "1mo",
            ["metadata"] = new JsonObject { ["region"] = "eu" },
        });

        Assert.All(s_newOrganizationFields, field => Assert.True(organization.ContainsKey(field), field));
        Assert.Equal(organizationId, organization["organization_id"].Text());
        Assert.Equal("Acme " + organizationId, organization["organization_alias"].Text());
        Assert.Equal(0, organization["spend"]!.GetValue<double>());
        Assert.Equal("eu", organization["metadata"]!["region"].Text());
        Assert.Equal("default_user_id", organization["created_by"].Text());
        var budgetId = organization["budget_id"].Text();
        await fixture.DbAsync(async db =>
        {
            var row = await db.Organizations.AsNoTracking().SingleAsync(o => o.OrganizationId == organizationId);
            Assert.Equal("gpt-4o", Assert.Single(row.Models));
            var budget = await db.Budgets.AsNoTracking().SingleAsync(b => b.BudgetId == budgetId);
            Assert.Equal(100, budget.MaxBudget);
            Assert.Equal(80, budget.SoftBudget);
            Assert.Equal(5000, budget.TpmLimit);
            Assert.Equal(50, budget.RpmLimit);
            Assert.Equal(4, budget.MaxParallelRequests);
            Assert.Equal("1mo", budget.BudgetDuration);
            // 1mo ends at midnight on the 1st of next month.
            Assert.Equal((1, TimeSpan.Zero), (budget.BudgetResetAt!.Value.Day, budget.BudgetResetAt!.Value.TimeOfDay));
            return 0;
        });
    }

    [Fact]
    public async Task New_WithoutBudgetFields_StillCreatesABudgetRow_AndBudgetIdReusesOne()
    {
        var before = await fixture.CountsAsync();
        var first = await OrganizationAsync();
        Assert.Equal(before.Budgets + 1, (await fixture.CountsAsync()).Budgets);
        Assert.True(Guid.TryParse(first["organization_id"].Text(), out _));

        var second = await OrganizationAsync(new JsonObject { ["budget_id"] = first["budget_id"]!.DeepClone() });

        Assert.Equal(first["budget_id"].Text(), second["budget_id"].Text());
        Assert.Equal(before.Budgets + 1, (await fixture.CountsAsync()).Budgets);
    }

    [Theory]
    [InlineData("""{"models": []}""", "organization_alias")]
    [InlineData("""{"organization_alias": 12}""", "organization_alias")]
    [InlineData("""{"organization_alias": "x", "max_budget": -5}""", "max_budget")]
    [InlineData("""{"organization_alias": "x", "tpm_limit": "many"}""", "tpm_limit")]
    [InlineData("""{"organization_alias": "x", "budget_duration": "soon"}""", "budget_duration")]
    [InlineData("""{"organization_alias": "x", "budget_id": "budget-missing"}""", "budget_id")]
    [InlineData("""{"organization_alias": "x", "budget_id": "budget-missing", "max_budget": 3}""", "not both")]
    [InlineData("""{"organization_alias": "x", "metadata": [1]}""", "metadata")]
    public async Task New_BadInput_Returns400AndWritesNothing(string json, string fragment)
    {
        var before = await fixture.CountsAsync();

        using var response = await fixture.Admin.PostJsonAsync("/organization/new", json);

        await response.AssertErrorAsync(400, fragment);
        Assert.Equal(before, await fixture.CountsAsync());
    }

    [Fact]
    public async Task New_DuplicateOrganizationId_Returns400()
    {
        var organization = await OrganizationAsync();
        var before = await fixture.CountsAsync();

        using var response = await fixture.Admin.PostJsonAsync("/organization/new",
            new JsonObject { ["organization_id"] = organization["organization_id"]!.DeepClone(), ["organization_alias"] = "again", ["max_budget"] = 1 });

        await response.AssertErrorAsync(400, "already exists");
        Assert.Equal(before, await fixture.CountsAsync());
    }

    [Theory]
    [InlineData(LiteLLMRoles.ProxyAdminViewer)]
    [InlineData(LiteLLMRoles.InternalUser)]
    [InlineData(LiteLLMRoles.OrgAdmin)]
    public async Task NewUpdateDelete_NotProxyAdmin_Return403(string role)
    {
        var organization = await OrganizationAsync();
        var key = await fixture.NewKeyAsync(ManagementFixture.NewId("user"), role);
        using var client = fixture.Client(key);
        var before = await fixture.CountsAsync();

        using var created = await client.PostJsonAsync("/organization/new", new JsonObject { ["organization_alias"] = "nope" });
        await created.AssertErrorAsync(403, "Only proxy admins");
        using var updated = await client.PostJsonAsync("/organization/update",
            new JsonObject { ["organization_id"] = organization["organization_id"]!.DeepClone(), ["organization_alias"] = "nope" });
        await updated.AssertErrorAsync(403, "Only proxy admins");
        using var deleted = await client.PostJsonAsync("/organization/delete",
            new JsonObject { ["organization_ids"] = new JsonArray { organization["organization_id"]!.DeepClone() } });
        await deleted.AssertErrorAsync(403, "Only proxy admins");
        Assert.Equal(before, await fixture.CountsAsync());
    }

    [Fact]
    public async Task Update_PostAndPatch_ChangeTheOrganizationAndItsBudget_SeenByItsTeamsKeysOnEveryReplica()
    {
        var organization = await OrganizationAsync(new JsonObject { ["max_budget"] = 10, ["models"] = new JsonArray { "gpt-4o" } });
        var organizationId = organization["organization_id"].Text();
        var team = await fixture.NewTeamAsync(new JsonObject { ["organization_id"] = organizationId });
        var key = await fixture.NewKeyAsync(teamId: team["team_id"].Text());
        var token = VirtualKeys.Hash(key);
        var replica = fixture.StartProxy();
        var secondCache = replica.Services.GetRequiredService<ApiKeyCache>();
        Assert.Equal(10, (await secondCache.GetAsync(token, default))!.Organization!.Budget!.MaxBudget);

        var updated = await fixture.AdminPostAsync("/organization/update", new JsonObject
        {
            ["organization_id"] = organizationId,
            ["max_budget"] = 25,
            ["tpm_limit"] = 900,
            ["models"] = new JsonArray { "gpt-4o-mini" },
        });

        Assert.Equal(25, updated["litellm_budget_table"]!["max_budget"]!.GetValue<double>());
        Assert.Equal("gpt-4o-mini", updated["models"]![0].Text());
        Assert.Equal(team["team_id"].Text(), updated["teams"]![0]!["team_id"].Text());
        await TeamTestData.EventuallyAsync(async () =>
        {
            var scope = (await secondCache.GetAsync(token, default))!.Organization!;
            return scope.Budget!.MaxBudget == 25 && scope.Limits.TpmLimit == 900 && scope.Models.SequenceEqual(["gpt-4o-mini"]);
        }, "the second replica's cached key to show the organization's new budget, limit and models");

        using var patched = await fixture.Admin.SendJsonAsync(HttpMethod.Patch, "/organization/update",
            new JsonObject { ["organization_id"] = organizationId, ["organization_alias"] = "renamed", ["spend"] = 1.25 }.ToJsonString());
        var body = await patched.ReadObjectAsync();
        Assert.True(patched.IsSuccessStatusCode, body.ToJsonString());
        Assert.Equal("renamed", body["organization_alias"].Text());
        await fixture.DbAsync(async db =>
        {
            var row = await db.Organizations.AsNoTracking().SingleAsync(o => o.OrganizationId == organizationId);
            Assert.Equal("renamed", row.OrganizationAlias);
            Assert.Equal(1.25, row.Spend);
            Assert.Equal(25, (await db.Budgets.AsNoTracking().SingleAsync(b => b.BudgetId == row.BudgetId)).MaxBudget);
            return 0;
        });
    }

    [Theory]
    [InlineData("""{"organization_id": "org-missing", "organization_alias": "x"}""", 404, "Organization not found")]
    [InlineData("""{"organization_alias": "x"}""", 400, "organization_id")]
    [InlineData("""{"organization_id": "ORG", "max_budget": -1}""", 400, "max_budget")]
    [InlineData("""{"organization_id": "ORG", "organization_alias": ""}""", 400, "organization_alias")]
    [InlineData("""{"organization_id": "ORG", "budget_id": "budget-missing"}""", 400, "budget_id")]
    [InlineData("""{"organization_id": "ORG", "spend": -3}""", 400, "spend")]
    public async Task Update_BadInput_Returns4xxAndChangesNothing(string json, int status, string fragment)
    {
        var organization = await OrganizationAsync(new JsonObject { ["max_budget"] = 10 });
        var organizationId = organization["organization_id"].Text();
        var before = await fixture.CountsAsync();

        using var response = await fixture.Admin.PostJsonAsync("/organization/update", json.Replace("\"ORG\"", $"\"{organizationId}\"", StringComparison.Ordinal));

        await response.AssertErrorAsync(status, fragment);
        Assert.Equal(before, await fixture.CountsAsync());
        await fixture.DbAsync(async db =>
        {
            var row = await db.Organizations.AsNoTracking().SingleAsync(o => o.OrganizationId == organizationId);
            Assert.Equal(organization["organization_alias"].Text(), row.OrganizationAlias);
            Assert.Equal(10, (await db.Budgets.AsNoTracking().SingleAsync(b => b.BudgetId == row.BudgetId)).MaxBudget);
            return 0;
        });
    }

    [Fact]
    public async Task Delete_WithTeams_IsRefusedNamingThem_ThenDeletesOnceTheyAreGone()
    {
        var organization = await OrganizationAsync();
        var organizationId = organization["organization_id"].Text();
        var team = await fixture.NewTeamAsync(new JsonObject { ["organization_id"] = organizationId });
        var teamId = team["team_id"].Text();
        await fixture.AdminPostAsync("/organization/member_add",
            new JsonObject { ["organization_id"] = organizationId, ["member"] = TeamTestData.Member("internal_user", ManagementFixture.NewId("user")) });
        var before = await fixture.CountsAsync();

        using var refused = await fixture.Admin.SendJsonAsync(HttpMethod.Delete, "/organization/delete",
            new JsonObject { ["organization_ids"] = new JsonArray { organizationId } }.ToJsonString());

        await refused.AssertErrorAsync(400, teamId);
        Assert.Equal(before, await fixture.CountsAsync());

        await fixture.AdminPostAsync("/team/delete", new JsonObject { ["team_ids"] = new JsonArray { teamId } });
        using var deleted = await fixture.Admin.SendJsonAsync(HttpMethod.Delete, "/organization/delete",
            new JsonObject { ["organization_ids"] = new JsonArray { organizationId } }.ToJsonString());

        var text = await deleted.Content.ReadAsStringAsync();
        Assert.True(deleted.IsSuccessStatusCode, text);
        var gone = Assert.Single(JsonNode.Parse(text)!.AsArray())!;
        Assert.Equal(organizationId, gone["organization_id"].Text());
        Assert.Single(gone["members"]!.AsArray());
        await fixture.DbAsync(async db =>
        {
            Assert.Null(await db.Organizations.FindAsync(organizationId));
            Assert.Equal(0, await db.OrganizationMemberships.CountAsync(m => m.OrganizationId == organizationId));
            return 0;
        });
    }

    [Fact]
    public async Task Delete_UnknownOrganization_Returns404AndDeletesNothing_OverPost()
    {
        var organization = await OrganizationAsync();
        var before = await fixture.CountsAsync();

        using var response = await fixture.Admin.PostJsonAsync("/organization/delete",
            new JsonObject { ["organization_ids"] = new JsonArray { organization["organization_id"]!.DeepClone(), "org-missing" } });

        await response.AssertErrorAsync(404, "org-missing");
        Assert.Equal(before, await fixture.CountsAsync());

        using var empty = await fixture.Admin.PostJsonAsync("/organization/delete", new JsonObject { ["organization_ids"] = new JsonArray() });
        await empty.AssertErrorAsync(400, "organization_ids");
    }

    [Fact]
    public async Task Info_AdminsViewersAndMembersRead_OutsidersDoNot()
    {
        var organization = await OrganizationAsync(new JsonObject { ["max_budget"] = 7 });
        var organizationId = organization["organization_id"].Text();
        var team = await fixture.NewTeamAsync(new JsonObject { ["organization_id"] = organizationId });
        var member = ManagementFixture.NewId("user");
        var orgAdmin = ManagementFixture.NewId("user");
        await fixture.AdminPostAsync("/organization/member_add", new JsonObject
        {
            ["organization_id"] = organizationId,
            ["member"] = new JsonArray { TeamTestData.Member("internal_user", member), TeamTestData.Member("org_admin", orgAdmin) },
        });

        using var response = await fixture.Admin.GetPathAsync($"/organization/info?organization_id={organizationId}");
        var info = await response.ReadObjectAsync();
        Assert.True(response.IsSuccessStatusCode, info.ToJsonString());
        Assert.Equal(0, info["spend"]!.GetValue<double>());
        Assert.Equal(7, info["litellm_budget_table"]!["max_budget"]!.GetValue<double>());
        Assert.Equal(2, info["members"]!.AsArray().Count);
        Assert.Equal(team["team_id"].Text(), Assert.Single(info["teams"]!.AsArray())!["team_id"].Text());

        var readers = new[]
        {
            await fixture.NewKeyAsync(ManagementFixture.NewId("user"), LiteLLMRoles.ProxyAdminViewer),
            await fixture.NewKeyAsync(member),
            await fixture.NewKeyAsync(orgAdmin),
        };
        foreach (var key in readers)
        {
            using var client = fixture.Client(key);
            using var read = await client.GetPathAsync($"/organization/info?organization_id={organizationId}");
            Assert.True(read.IsSuccessStatusCode, await read.Content.ReadAsStringAsync());
        }

        using var outsider = fixture.Client(await fixture.NewKeyAsync(ManagementFixture.NewId("user")));
        using var refused = await outsider.GetPathAsync($"/organization/info?organization_id={organizationId}");
        await refused.AssertErrorAsync(403, "not a member");

        using var unknown = await fixture.Admin.GetPathAsync("/organization/info?organization_id=org-nowhere");
        await unknown.AssertErrorAsync(404, "Organization not found");
        using var missing = await fixture.Admin.GetPathAsync("/organization/info");
        await missing.AssertErrorAsync(400, "organization_id");
    }

    [Fact]
    public async Task List_AdminSeesAll_MembersOnlyTheirs()
    {
        var mine = (await OrganizationAsync())["organization_id"].Text();
        var theirs = (await OrganizationAsync())["organization_id"].Text();
        var member = ManagementFixture.NewId("user");
        await fixture.AdminPostAsync("/organization/member_add",
            new JsonObject { ["organization_id"] = mine, ["member"] = TeamTestData.Member("internal_user_viewer", member) });

        var all = await ListAsync(fixture.Admin);
        Assert.Contains(mine, all);
        Assert.Contains(theirs, all);
        using var memberClient = fixture.Client(await fixture.NewKeyAsync(member));
        Assert.Equal(new[] { mine }, await ListAsync(memberClient));
        using var outsider = fixture.Client(await fixture.NewKeyAsync(ManagementFixture.NewId("user")));
        Assert.Empty(await ListAsync(outsider));
    }

    [Fact]
    public async Task MemberAdd_CreatesUsersAndMemberships_WithRolesAndBudgets()
    {
        var organizationId = (await OrganizationAsync())["organization_id"].Text();
        var byId = ManagementFixture.NewId("user");
        var email = ManagementFixture.NewId("mail") + "@example.com";

        var answer = await fixture.AdminPostAsync("/organization/member_add", new JsonObject
        {
            ["organization_id"] = organizationId,
            ["member"] = new JsonArray { TeamTestData.Member("org_admin", byId), TeamTestData.Member("internal_user_viewer", userEmail: email) },
            ["max_budget_in_organization"] = 30,
        });

        Assert.Equal(organizationId, answer["organization_id"].Text());
        Assert.Equal(2, answer["updated_users"]!.AsArray().Count);
        var memberships = answer["updated_organization_memberships"]!.AsArray();
        Assert.Equal("org_admin", memberships[0]!["user_role"].Text());
        Assert.Equal(30, memberships[1]!["litellm_budget_table"]!["max_budget"]!.GetValue<double>());
        await fixture.DbAsync(async db =>
        {
            var rows = await db.OrganizationMemberships.AsNoTracking().Include(m => m.User).Where(m => m.OrganizationId == organizationId).ToListAsync();
            Assert.Equal(2, rows.Count);
            Assert.Equal("org_admin", rows.Single(r => r.UserId == byId).UserRole);
            Assert.Equal("internal_user_viewer", rows.Single(r => r.User!.UserEmail == email).UserRole);
            return 0;
        });
    }

    [Theory]
    [InlineData("""[{"role": "internal_user", "user_id": "NEW"}, {"role": "proxy_admin", "user_id": "NEW2"}]""", "role")]
    [InlineData("""[{"role": "internal_user", "user_id": "NEW"}, {"role": "internal_user"}]""", "user_id or user_email")]
    [InlineData("""[{"role": "internal_user", "user_id": "NEW"}, {"role": "internal_user", "user_id": "MEMBER"}]""", "already a member")]
    public async Task MemberAdd_ListWithOneInvalidMember_Returns400AndAddsNobody(string members, string fragment)
    {
        var organizationId = (await OrganizationAsync())["organization_id"].Text();
        var existing = ManagementFixture.NewId("user");
        await fixture.AdminPostAsync("/organization/member_add",
            new JsonObject { ["organization_id"] = organizationId, ["member"] = TeamTestData.Member("internal_user", existing) });
        var newUser = ManagementFixture.NewId("user");
        var json = $$"""{"organization_id": "{{organizationId}}", "member": {{members.Replace("NEW", newUser, StringComparison.Ordinal).Replace("MEMBER", existing, StringComparison.Ordinal)}}}""";
        var before = await fixture.CountsAsync();

        using var response = await fixture.Admin.PostJsonAsync("/organization/member_add", json);

        await response.AssertErrorAsync(400, fragment);
        Assert.Equal(before, await fixture.CountsAsync());
        Assert.Null(await fixture.UserRowAsync(newUser));
    }

    [Fact]
    public async Task MemberAdd_OrgAdminMayAdd_InternalUserMemberOutsiderAndUnknownOrgMayNot()
    {
        var organizationId = (await OrganizationAsync())["organization_id"].Text();
        var orgAdmin = ManagementFixture.NewId("user");
        var plain = ManagementFixture.NewId("user");
        await fixture.AdminPostAsync("/organization/member_add", new JsonObject
        {
            ["organization_id"] = organizationId,
            ["member"] = new JsonArray { TeamTestData.Member("org_admin", orgAdmin), TeamTestData.Member("internal_user", plain) },
        });

        using (var admin = fixture.Client(await fixture.NewKeyAsync(orgAdmin)))
        {
            using var added = await admin.PostJsonAsync("/organization/member_add",
                new JsonObject { ["organization_id"] = organizationId, ["member"] = TeamTestData.Member("internal_user", ManagementFixture.NewId("user")) });
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }

        foreach (var key in new[] { await fixture.NewKeyAsync(plain), await fixture.NewKeyAsync(ManagementFixture.NewId("user")) })
        {
            var newUser = ManagementFixture.NewId("user");
            using var client = fixture.Client(key);
            using var response = await client.PostJsonAsync("/organization/member_add",
                new JsonObject { ["organization_id"] = organizationId, ["member"] = TeamTestData.Member("internal_user", newUser) });
            await response.AssertErrorAsync(403, "not proxy admin OR org admin");
            Assert.Null(await fixture.UserRowAsync(newUser));
        }

        using var unknown = await fixture.Admin.PostJsonAsync("/organization/member_add",
            new JsonObject { ["organization_id"] = "org-unknown", ["member"] = TeamTestData.Member("internal_user", "x") });
        await unknown.AssertErrorAsync(404, "Organization not found");
    }

    [Fact]
    public async Task TeamInAnOrganization_UnknownOrganizationOnUpdate_Returns400()
    {
        var team = await fixture.NewTeamAsync();

        using var response = await fixture.Admin.PostJsonAsync("/team/update",
            new JsonObject { ["team_id"] = team["team_id"]!.DeepClone(), ["organization_id"] = "org-not-real" });

        await response.AssertErrorAsync(400, "Organization not found");
        Assert.Null((await fixture.TeamRowAsync(team["team_id"].Text()))!.OrganizationId);
    }

    private static async Task<List<string>> ListAsync(HttpClient client)
    {
        using var response = await client.GetPathAsync("/organization/list");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!.AsArray().Select(o => o!["organization_id"].Text()).ToList();
    }
}
