using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.Data.Budgets;
using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Tests.Management.Keys;

[Collection(ManagementTests.Name)]
public sealed class GenerateKeyTests(ManagementFixture fixture)
{
    private readonly ManagementApi _api = new(fixture);

    [Fact]
    public async Task Generate_EveryField_StoredAsLiteLLMStoresItAndEchoed()
    {
        var (userId, _) = await _api.NewUserAsync("internal_user");
        var alias = ManagementFixture.NewId("alias");
        var before = DateTime.UtcNow;

        var answer = await _api.AdminPostAsync("/key/generate", new
        {
            key_alias = alias,
            duration = "1h",
            models = new List<string> { "gpt-4o", "gpt-4o-mini" },
            aliases = new { fast = "gpt-4o-mini" },
            config = new { temperature = 0.2 },
            spend = 1.5,
            max_budget = 10.0,
            soft_budget = 8.0,
            budget_duration = "30d",
            tpm_limit = 1000,
            rpm_limit = 10,
            max_parallel_requests = 2,
            model_rpm_limit = new Dictionary<string, int> { ["gpt-4o"] = 5 },
            model_tpm_limit = new Dictionary<string, int> { ["gpt-4o"] = 500 },
            user_id = userId,
            metadata = new { app = "billing" },
            tags = new List<string> { "prod" },
            guardrails = new List<string> { "pii" },
            key_type = "llm_api",
            permissions = new { allow_pii_controls = true },
            allowed_cache_controls = new List<string> { "no-cache" },
            blocked = false,
        });

        answer.AssertStatus(HttpStatusCode.OK);
        var json = answer.Json;
        var key = json["key"]!.GetValue<string>();
        Assert.StartsWith("sk-", key, StringComparison.Ordinal);
        Assert.Equal($"sk-...{key[^4..]}", json["key_name"]!.GetValue<string>());
        Assert.Equal(VirtualKeys.Hash(key), json["token"]!.GetValue<string>());
        Assert.Equal(VirtualKeys.Hash(key), json["token_id"]!.GetValue<string>());
        Assert.Equal(alias, json["key_alias"]!.GetValue<string>());
        Assert.Equal("1h", json["duration"]!.GetValue<string>());
        Assert.Equal(8.0, json["soft_budget"]!.GetValue<double>());
        Assert.Equal(8.0, json["litellm_budget_table"]!["soft_budget"]!.GetValue<double>());
        Assert.Equal(5, json["model_rpm_limit"]!["gpt-4o"]!.GetValue<long>());
        Assert.Equal(500, json["model_tpm_limit"]!["gpt-4o"]!.GetValue<long>());
        Assert.Equal("prod", json["tags"]![0]!.GetValue<string>());
        Assert.Equal(userId, json["user_id"]!.GetValue<string>());
        Assert.Equal("default_user_id", json["created_by"]!.GetValue<string>());
        Assert.Equal("default_user_id", json["updated_by"]!.GetValue<string>());
        Assert.NotNull(json["created_at"]);
        Assert.NotNull(json["updated_at"]);
        var expires = json["expires"]!.GetValue<DateTime>().ToUniversalTime();
        Assert.InRange(expires, before.AddMinutes(59), DateTime.UtcNow.AddMinutes(61));

        var row = await _api.KeyRowAsync(key);
        Assert.NotNull(row);
        Assert.NotEqual(key, row.Token);
        Assert.DoesNotContain(key, row.KeyName!, StringComparison.Ordinal);
        Assert.Equal(alias, row.KeyAlias);
        Assert.Equal(new List<string> { "gpt-4o", "gpt-4o-mini" }, row.Models);
        Assert.Equal(1.5, row.Spend);
        Assert.Equal(10.0, row.MaxBudget);
        Assert.Equal("30d", row.BudgetDuration);
        Assert.InRange(row.BudgetResetAt!.Value, BudgetCalendar.Utc.NextReset("30d", before)!.Value, BudgetCalendar.Utc.NextReset("30d", DateTime.UtcNow)!.Value);
        Assert.Equal(1000, row.TpmLimit);
        Assert.Equal(10, row.RpmLimit);
        Assert.Equal(2, row.MaxParallelRequests);
        Assert.Equal(userId, row.UserId);
        Assert.False(row.Blocked);
        Assert.Equal("llm_api", row.KeyType);
        Assert.Equal(new List<string> { "llm_api_routes" }, row.AllowedRoutes);
        Assert.Equal(new List<string> { "no-cache" }, row.AllowedCacheControls);
        Assert.Equal(8.0, row.Budget!.SoftBudget);
        Assert.Equal("gpt-4o-mini", JsonNode.Parse(row.Aliases)!["fast"]!.GetValue<string>());
        Assert.Equal(0.2, JsonNode.Parse(row.Config)!["temperature"]!.GetValue<double>());
        Assert.True(JsonNode.Parse(row.Permissions)!["allow_pii_controls"]!.GetValue<bool>());
        var metadata = JsonNode.Parse(row.Metadata)!;
        Assert.Equal("billing", metadata["app"]!.GetValue<string>());
        Assert.Equal(5, metadata["model_rpm_limit"]!["gpt-4o"]!.GetValue<long>());
        Assert.Equal(500, metadata["model_tpm_limit"]!["gpt-4o"]!.GetValue<long>());
        Assert.Equal("prod", metadata["tags"]![0]!.GetValue<string>());
        Assert.Equal("pii", metadata["guardrails"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Generate_NewKey_WorksForChatAtOnce()
    {
        var (key, _) = await _api.NewKeyAsync();

        var chat = await _api.ChatAsync(key);

        chat.AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Generate_CustomKey_IsTheKeyThatWorks()
    {
        var custom = "sk-custom-" + Guid.NewGuid().ToString("N");

        var (key, response) = await _api.NewKeyAsync(new { key = custom });

        Assert.Equal(custom, key);
        Assert.Equal(VirtualKeys.Hash(custom), response["token"]!.GetValue<string>());
        (await _api.ChatAsync(custom)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Generate_TeamKey_ModelsMustBeWithinTheTeams()
    {
        var teamId = await _api.NewTeamAsync([], models: ["gpt-4o-mini"]);
        var openTeam = await _api.NewTeamAsync([]);
        var before = await _api.CountsAsync();

        var outside = await _api.AdminPostAsync("/key/generate", new { team_id = teamId, models = new List<string> { "gpt-4o" } });
        var inside = await _api.AdminPostAsync("/key/generate", new { team_id = teamId, models = new List<string> { "gpt-4o-mini" } });
        var teamModels = await _api.AdminPostAsync("/key/generate", new { team_id = teamId, models = new List<string> { "all-team-models" } });
        var anyModel = await _api.AdminPostAsync("/key/generate", new { team_id = openTeam, models = new List<string> { "gpt-4o" } });

        outside.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("gpt-4o", outside.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(teamId, outside.ErrorMessage, StringComparison.Ordinal);
        inside.AssertStatus(HttpStatusCode.OK);
        teamModels.AssertStatus(HttpStatusCode.OK);
        anyModel.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(before.Keys + 3, (await _api.CountsAsync()).Keys);
    }

    [Fact]
    public async Task Generate_WithoutBody_MakesAKeyOfNobodyThatNeverExpires()
    {
        var answer = await _api.AdminPostAsync("/key/generate", "");

        answer.AssertStatus(HttpStatusCode.OK);
        Assert.Null(answer.Json["user_id"]);
        Assert.Null(answer.Json["expires"]);
        var row = await _api.KeyRowAsync(answer.Json["key"]!.GetValue<string>());
        Assert.Null(row!.Expires);
        Assert.Empty(row.Models);
    }
}
