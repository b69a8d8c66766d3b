using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Tests.Management.Keys;

[Collection(ManagementTests.Name)]
public sealed class KeyReadAndUpdateTests(ManagementFixture fixture)
{
    private readonly ManagementApi _api = new(fixture);

    [Fact]
    public async Task Info_ByKeyOrHash_ReturnsTheRowWithoutTokenOrPlaintext()
    {
        var alias = ManagementFixture.NewId("info");
        var (key, _) = await _api.NewKeyAsync(new { key_alias = alias, max_budget = 3.0, soft_budget = 1.0 });

        var byKey = await _api.AdminGetAsync($"/key/info?key={key}");
        var byHash = await _api.AdminGetAsync($"/key/info?key={VirtualKeys.Hash(key)}");

        byKey.AssertStatus(HttpStatusCode.OK);
        byHash.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(VirtualKeys.Hash(key), byKey.Json["key"]!.GetValue<string>());
        var info = byKey.Json["info"]!.AsObject();
        Assert.Equal(alias, info["key_alias"]!.GetValue<string>());
        Assert.Equal(3.0, info["max_budget"]!.GetValue<double>());
        Assert.Equal(1.0, info["litellm_budget_table"]!["soft_budget"]!.GetValue<double>());
        Assert.False(info.ContainsKey("token"));
        Assert.DoesNotContain(key, byKey.Text, StringComparison.Ordinal);
        Assert.Equal(info.ToJsonString(), byHash.Json["info"]!.ToJsonString());
    }

    [Fact]
    public async Task Info_WithoutKey_IsTheCallersOwnKey()
    {
        var (key, _) = await _api.NewKeyAsync(new { key_alias = ManagementFixture.NewId("self") });

        var answer = await _api.GetAsAsync(key, "/key/info");

        answer.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(VirtualKeys.Hash(key), answer.Json["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_Paginates_FiltersAndReturnsFullObjectsOnRequest()
    {
        var (userId, _) = await _api.NewUserAsync("internal_user");
        var mine = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            mine.Add((await _api.NewKeyAsync(new { user_id = userId })).Key);
        }

        var page1 = await _api.AdminGetAsync($"/key/list?user_id={userId}&size=2&page=1");
        var page2 = await _api.AdminGetAsync($"/key/list?user_id={userId}&size=2&page=2&return_full_object=true");

        page1.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(4, page1.Json["total_count"]!.GetValue<int>()); // three, plus the key /user/new made
        Assert.Equal(2, page1.Json["total_pages"]!.GetValue<int>());
        Assert.Equal(1, page1.Json["current_page"]!.GetValue<int>());
        Assert.All(page1.Json["keys"]!.AsArray(), k => Assert.Equal(64, k!.GetValue<string>().Length));
        var full = page2.Json["keys"]!.AsArray();
        Assert.Equal(2, full.Count);
        Assert.All(full, k => Assert.Equal(userId, k!["user_id"]!.GetValue<string>()));
        var listed = page1.Json["keys"]!.AsArray().Select(k => k!.GetValue<string>())
            .Concat(full.Select(k => k!["token"]!.GetValue<string>())).ToHashSet();
        Assert.All(mine, k => Assert.Contains(VirtualKeys.Hash(k), listed));
    }

    [Fact]
    public async Task List_ByAlias_FindsOnlyThatKey()
    {
        var alias = ManagementFixture.NewId("find");
        var (key, _) = await _api.NewKeyAsync(new { key_alias = alias });
        await _api.NewKeyAsync();

        var answer = await _api.AdminGetAsync($"/key/list?key_alias={alias}");

        Assert.Equal(1, answer.Json["total_count"]!.GetValue<int>());
        Assert.Equal(VirtualKeys.Hash(key), answer.Json["keys"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_ChangesOnlySentFields_NullClears_MetadataFieldsKept()
    {
        var (key, _) = await _api.NewKeyAsync(new
        {
            key_alias = ManagementFixture.NewId("upd"),
            max_budget = 5.0,
            tpm_limit = 100,
            metadata = new { team = "a" },
            model_rpm_limit = new Dictionary<string, int> { ["gpt-4o"] = 3 },
        });

        var answer = await _api.AdminPostAsync("/key/update", "{\"key\": \"" + key + "\", \"max_budget\": null, \"rpm_limit\": 7, "
            + "\"metadata\": {\"team\": \"b\"}, \"tags\": [\"x\"], \"duration\": \"2d\", \"budget_duration\": \"1d\"}");

        answer.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(VirtualKeys.Hash(key), answer.Json["key"]!.GetValue<string>());
        var row = await _api.KeyRowAsync(key);
        Assert.Null(row!.MaxBudget);
        Assert.Equal(100, row.TpmLimit);
        Assert.Equal(7, row.RpmLimit);
        Assert.NotNull(row.Expires);
        Assert.Equal("1d", row.BudgetDuration);
        Assert.NotNull(row.BudgetResetAt);
        Assert.Equal("default_user_id", row.UpdatedBy);
        var metadata = JsonNode.Parse(row.Metadata)!;
        Assert.Equal("b", metadata["team"]!.GetValue<string>());
        Assert.Equal("x", metadata["tags"]![0]!.GetValue<string>());
        Assert.False(metadata.AsObject().ContainsKey("model_rpm_limit"));

        (await _api.AdminPostAsync("/key/update", new { key, model_tpm_limit = new Dictionary<string, int> { ["gpt-4o"] = 9 } }))
            .AssertStatus(HttpStatusCode.OK);
        metadata = JsonNode.Parse((await _api.KeyRowAsync(key))!.Metadata)!;
        Assert.Equal("b", metadata["team"]!.GetValue<string>());
        Assert.Equal(9, metadata["model_tpm_limit"]!["gpt-4o"]!.GetValue<long>());
    }

    [Fact]
    public async Task Update_SpendAndSoftBudget_StoredWithoutTouchingASharedBudget()
    {
        var (key, generated) = await _api.NewKeyAsync(new { soft_budget = 2.0 });
        var firstBudget = generated["budget_id"]!.GetValue<string>();

        (await _api.AdminPostAsync("/key/update", new { key, spend = 0.5, soft_budget = 4.0 })).AssertStatus(HttpStatusCode.OK);

        var row = await _api.KeyRowAsync(key);
        Assert.Equal(0.5, row!.Spend);
        Assert.Equal(4.0, row.Budget!.SoftBudget);
        Assert.NotEqual(firstBudget, row.BudgetId);
        Assert.Equal(2.0, (await _api.DbAsync(db => db.Budgets.FindAsync(firstBudget).AsTask()))!.SoftBudget);
    }

    [Fact]
    public async Task Update_MoveToTeam_RequiresTheOwnerToBeAMember()
    {
        var (userId, _) = await _api.NewUserAsync("internal_user");
        var (key, _) = await _api.NewKeyAsync(new { user_id = userId });
        var otherTeam = await _api.NewTeamAsync([]);
        var ownTeam = await _api.NewTeamAsync([(userId, "user")]);

        var refused = await _api.AdminPostAsync("/key/update", new { key, team_id = otherTeam });
        var moved = await _api.AdminPostAsync("/key/update", new { key, team_id = ownTeam });

        refused.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains(userId, refused.ErrorMessage, StringComparison.Ordinal);
        moved.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(ownTeam, (await _api.KeyRowAsync(key))!.TeamId);
    }
}
