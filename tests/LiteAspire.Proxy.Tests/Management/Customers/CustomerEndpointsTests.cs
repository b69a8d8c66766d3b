using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.Data.Budgets;
using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

using static LiteAspire.Proxy.Tests.Management.Customers.CatalogTestSupport;

namespace LiteAspire.Proxy.Tests.Management.Customers;

[Collection(ManagementTests.Name)]
public sealed class CustomerEndpointsTests(ManagementFixture fixture)
{
    [Fact]
    public async Task New_WithBudgetFields_StoresCustomerAndItsOwnBudgetRow()
    {
        var id = ManagementFixture.NewId("cust");
        var before = DateTime.UtcNow;

        var created = await fixture.AdminPostAsync("/customer/new", new
        {
            user_id = id, alias = "Acme", max_budget = 5.5, budget_duration = "30d", tpm_limit = 1000, rpm_limit = 10,
            allowed_model_region = "eu", default_model = "gpt-4o", spend = 1.25, unknown_field = "ignored",
        });

        Assert.Equal(id, created["user_id"]!.GetValue<string>());
        Assert.Equal("Acme", created["alias"]!.GetValue<string>());
        Assert.False(created["blocked"]!.GetValue<bool>());
        Assert.Equal(1.25, created["spend"]!.GetValue<double>());
        Assert.Equal("eu", created["allowed_model_region"]!.GetValue<string>());
        Assert.Equal("gpt-4o", created["default_model"]!.GetValue<string>());
        var budget = created["litellm_budget_table"]!;
        Assert.Equal(5.5, budget["max_budget"]!.GetValue<double>());
        Assert.Equal(1000, budget["tpm_limit"]!.GetValue<long>());
        Assert.Equal("30d", budget["budget_duration"]!.GetValue<string>());
        Assert.Equal(created["budget_id"]!.GetValue<string>(), budget["budget_id"]!.GetValue<string>());

        var row = await ReadDbAsync(fixture, db => db.EndUsers.Include(e => e.Budget).SingleAsync(e => e.UserId == id));
        Assert.Equal("Acme", row.Alias);
        Assert.Equal(1.25, row.Spend);
        Assert.Equal("eu", row.AllowedModelRegion);
        Assert.NotNull(row.Budget);
        Assert.Equal(5.5, row.Budget.MaxBudget);
        Assert.Equal(10, row.Budget.RpmLimit);
        Assert.Equal(ManagementTestsNames.AdminName, row.Budget.CreatedBy);
        Assert.InRange(row.Budget.BudgetResetAt!.Value, BudgetCalendar.Utc.NextReset("30d", before)!.Value, BudgetCalendar.Utc.NextReset("30d", DateTime.UtcNow)!.Value);
    }

    [Fact]
    public async Task New_WithBudgetId_LinksTheExistingBudget()
    {
        var budgetId = ManagementFixture.NewId("tier");
        await fixture.AdminPostAsync("/budget/new", new { budget_id = budgetId, max_budget = 3 });
        var id = ManagementFixture.NewId("cust");

        var created = await fixture.AdminPostAsync("/end_user/new", new { user_id = id, budget_id = budgetId });

        Assert.Equal(budgetId, created["budget_id"]!.GetValue<string>());
        Assert.Equal(3, created["litellm_budget_table"]!["max_budget"]!.GetValue<double>());
        Assert.Equal(budgetId, await ReadDbAsync(fixture, db => db.EndUsers.Where(e => e.UserId == id).Select(e => e.BudgetId).SingleAsync()));
    }

    public static TheoryData<string, string, string> BadNewBodies() => new()
    {
        { """{"user_id": "ID", "max_budget": 5, "budget_id": "BUDGET"}""", "max_budget", "not both" },
        { """{"user_id": "ID", "budget_id": "BUDGET", "tpm_limit": 5}""", "tpm_limit", "not both" },
        { """{"user_id": "ID", "max_budget": -1}""", "max_budget", ">= 0" },
        { """{"user_id": "ID", "rpm_limit": -3}""", "rpm_limit", ">= 0" },
        { """{"user_id": "ID", "spend": -3}""", "spend", ">= 0" },
        { """{"user_id": "ID", "max_budget": "lots"}""", "max_budget", "expected a number" },
        { """{"user_id": "ID", "blocked": "yes"}""", "blocked", "expected true or false" },
        { """{"user_id": "ID", "budget_duration": "fortnight"}""", "budget_duration", "not a duration" },
        { """{"user_id": "ID", "budget_id": "no-such-budget-anywhere"}""", "budget_id", "does not exist" },
        { """{"user_id": "ID", "allowed_model_region": "asia"}""", "allowed_model_region", "'eu' or 'us'" },
        { """{"user_id": "ID", "default_model": "no-such-model"}""", "default_model", "Default Model not on proxy" },
        { """{"user_id": "ID", "model_max_budget": {"gpt-4o": 5}}""", "model_max_budget.gpt-4o", "expected an object" },
        { """{"user_id": "ID", "model_max_budget": {"gpt-4o": {"max_budget": -5}}}""", "model_max_budget.gpt-4o.max_budget", ">= 0" },
        { """{"alias": "no id"}""", "user_id", "required" },
    };

    [Theory]
    [MemberData(nameof(BadNewBodies))]
    public async Task New_BadInput_400NamingTheFieldAndNothingWritten(string template, string param, string messagePart)
    {
        var budgetId = ManagementFixture.NewId("tier");
        await fixture.AdminPostAsync("/budget/new", new { budget_id = budgetId });
        var id = ManagementFixture.NewId("cust");
        var budgetsBefore = await ReadDbAsync(fixture, db => db.Budgets.CountAsync());

        var (status, body) = await PostAsync(fixture.Admin, "/customer/new", template.Replace("ID", id).Replace("BUDGET", budgetId));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(messagePart, ErrorMessage(body), StringComparison.Ordinal);
        Assert.Equal(param, body!["error"]!["param"]!.GetValue<string>());
        Assert.Equal("400", body["error"]!["code"]!.GetValue<string>());
        Assert.False(await ReadDbAsync(fixture, db => db.EndUsers.AnyAsync(e => e.UserId == id)));
        Assert.Equal(budgetsBefore, await ReadDbAsync(fixture, db => db.Budgets.CountAsync()));
    }

    [Fact]
    public async Task New_DuplicateUserId_400AndTheFirstIsUnchanged()
    {
        var id = ManagementFixture.NewId("cust");
        await fixture.AdminPostAsync("/customer/new", new { user_id = id, alias = "first" });

        var (status, body) = await PostAsync(fixture.Admin, "/customer/new", new { user_id = id, alias = "second", max_budget = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"Customer already exists, passed user_id={id}", ErrorMessage(body), StringComparison.Ordinal);
        var row = await ReadDbAsync(fixture, db => db.EndUsers.SingleAsync(e => e.UserId == id));
        Assert.Equal("first", row.Alias);
        Assert.Null(row.BudgetId);
    }

    [Fact]
    public async Task Update_ChangesGivenFieldsAndTheBudgetRow()
    {
        var id = ManagementFixture.NewId("cust");
        var created = await fixture.AdminPostAsync("/customer/new", new { user_id = id, alias = "old", max_budget = 5 });
        var budgetId = created["budget_id"]!.GetValue<string>();

        var updated = await fixture.AdminPostAsync("/customer/update", new { user_id = id, alias = "new", max_budget = 7, blocked = true, spend = 2 });

        Assert.Equal("new", updated["alias"]!.GetValue<string>());
        Assert.True(updated["blocked"]!.GetValue<bool>());
        Assert.Equal(7, updated["litellm_budget_table"]!["max_budget"]!.GetValue<double>());
        var row = await ReadDbAsync(fixture, db => db.EndUsers.Include(e => e.Budget).SingleAsync(e => e.UserId == id));
        Assert.Equal(("new", true, 2.0, budgetId, 7.0), (row.Alias, row.Blocked, row.Spend, row.BudgetId!, row.Budget!.MaxBudget!.Value));

        // A customer without a budget row gets one.
        var plain = ManagementFixture.NewId("cust");
        await fixture.AdminPostAsync("/customer/new", new { user_id = plain });
        var withBudget = await fixture.AdminPostAsync("/end_user/update", new { user_id = plain, rpm_limit = 3 });
        Assert.Equal(3, withBudget["litellm_budget_table"]!["rpm_limit"]!.GetValue<long>());
        Assert.NotNull(await ReadDbAsync(fixture, db => db.EndUsers.Where(e => e.UserId == plain).Select(e => e.BudgetId).SingleAsync()));
    }

    [Fact]
    public async Task Update_UnknownOrBadInput_RefusedAndNothingChanged()
    {
        var id = ManagementFixture.NewId("cust");
        await fixture.AdminPostAsync("/customer/new", new { user_id = id, alias = "kept", max_budget = 5 });
        var tier = ManagementFixture.NewId("tier");
        await fixture.AdminPostAsync("/budget/new", new { budget_id = tier });

        var (unknown, unknownBody) = await PostAsync(fixture.Admin, "/customer/update", new { user_id = ManagementFixture.NewId("nobody"), alias = "x" });
        var (both, _) = await PostAsync(fixture.Admin, "/customer/update", new { user_id = id, alias = "changed", budget_id = tier, max_budget = 1 });
        var (negative, _) = await PostAsync(fixture.Admin, "/customer/update", new { user_id = id, alias = "changed", max_budget = -1 });
        var (missingBudget, _) = await PostAsync(fixture.Admin, "/customer/update", new { user_id = id, alias = "changed", budget_id = "no-such-budget-x" });

        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Contains("does not exist in db", ErrorMessage(unknownBody), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (both, negative, missingBudget));
        var row = await ReadDbAsync(fixture, db => db.EndUsers.Include(e => e.Budget).SingleAsync(e => e.UserId == id));
        Assert.Equal(("kept", 5.0), (row.Alias, row.Budget!.MaxBudget!.Value));
    }

    [Fact]
    public async Task InfoAndList_ShowTheCustomerWithItsBudget()
    {
        var id = ManagementFixture.NewId("cust");
        await fixture.AdminPostAsync("/customer/new", new { user_id = id, alias = "Info", max_budget = 9, allowed_model_region = "us" });

        var (status, info) = await GetAsync(fixture.Admin, $"/customer/info?end_user_id={id}");
        var (aliasStatus, aliasInfo) = await GetAsync(fixture.Admin, $"/end_user/info?end_user_id={id}");
        var (listStatus, list) = await GetAsync(fixture.Admin, "/customer/list");
        var (missing, missingBody) = await GetAsync(fixture.Admin, "/customer/info?end_user_id=nobody-at-all-here");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (status, aliasStatus, listStatus));
        Assert.Equal(id, info!["user_id"]!.GetValue<string>());
        Assert.False(info["blocked"]!.GetValue<bool>());
        Assert.Equal("Info", info["alias"]!.GetValue<string>());
        Assert.Equal(0, info["spend"]!.GetValue<double>());
        Assert.Equal("us", info["allowed_model_region"]!.GetValue<string>());
        Assert.Null(info["default_model"]);
        Assert.Equal(9, info["litellm_budget_table"]!["max_budget"]!.GetValue<double>());
        Assert.Equal(info.ToJsonString(), aliasInfo!.ToJsonString());
        Assert.Contains(list!.AsArray(), c => c!["user_id"]!.GetValue<string>() == id);
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("End User Id=nobody-at-all-here does not exist in db", ErrorMessage(missingBody));
    }

    [Fact]
    public async Task Delete_RemovesAll_OrNoneWhenOneIsUnknown()
    {
        var a = ManagementFixture.NewId("cust");
        var b = ManagementFixture.NewId("cust");
        await fixture.AdminPostAsync("/customer/new", new { user_id = a });
        await fixture.AdminPostAsync("/customer/new", new { user_id = b });

        var (status, body) = await PostAsync(fixture.Admin, "/customer/delete", new { user_ids = new[] { a, "nobody-here-at-all" } });
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("nobody-here-at-all", ErrorMessage(body), StringComparison.Ordinal);
        Assert.True(await ReadDbAsync(fixture, db => db.EndUsers.AnyAsync(e => e.UserId == a)));

        var deleted = await fixture.AdminPostAsync("/customer/delete", new { user_ids = new[] { a, b } });
        Assert.Equal(2, deleted["deleted_customers"]!.GetValue<int>());
        Assert.Equal($"Successfully deleted customers with ids: ['{a}', '{b}']", deleted["message"]!.GetValue<string>());
        Assert.False(await ReadDbAsync(fixture, db => db.EndUsers.AnyAsync(e => e.UserId == a || e.UserId == b)));

        var (empty, _) = await PostAsync(fixture.Admin, "/customer/delete", new { user_ids = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty);
    }

    [Fact]
    public async Task BlockAndUnblock_SetTheFlag_BlockCreatesUnknownIds()
    {
        var known = ManagementFixture.NewId("cust");
        var unknown = ManagementFixture.NewId("cust");
        await fixture.AdminPostAsync("/customer/new", new { user_id = known, alias = "k" });

        var blocked = await fixture.AdminPostAsync("/customer/block", new { user_ids = new[] { known, unknown } });
        Assert.Equal(2, blocked["blocked_users"]!.AsArray().Count);
        Assert.Equal(2, await ReadDbAsync(fixture, db => db.EndUsers.CountAsync(e => (e.UserId == known || e.UserId == unknown) && e.Blocked)));

        var (refused, _) = await PostAsync(fixture.Admin, "/customer/unblock", new { user_ids = new[] { known, ManagementFixture.NewId("nobody") } });
        Assert.Equal(HttpStatusCode.NotFound, refused);
        Assert.True(await ReadDbAsync(fixture, db => db.EndUsers.Where(e => e.UserId == known).Select(e => e.Blocked).SingleAsync()));

        var unblocked = await fixture.AdminPostAsync("/end_user/unblock", new { user_ids = new[] { known } });
        Assert.False(unblocked["unblocked_users"]![0]!["blocked"]!.GetValue<bool>());
        Assert.False(await ReadDbAsync(fixture, db => db.EndUsers.Where(e => e.UserId == known).Select(e => e.Blocked).SingleAsync()));
    }

    [Fact]
    public async Task Viewer_ReadsButChangesNothing_InternalUserIsRefused()
    {
        var id = ManagementFixture.NewId("cust");
        await fixture.AdminPostAsync("/customer/new", new { user_id = id, alias = "kept" });
        using var viewer = fixture.Client(await KeyWithRoleAsync(fixture, LiteLLMRoles.ProxyAdminViewer));
        using var internalUser = fixture.Client(await KeyWithRoleAsync(fixture, LiteLLMRoles.InternalUser));

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(viewer, $"/customer/info?end_user_id={id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(viewer, "/customer/list")).Status);
        var writes = new (string Path, object Body)[]
        {
            ("/customer/new", new { user_id = ManagementFixture.NewId("cust") }),
            ("/customer/update", new { user_id = id, alias = "changed" }),
            ("/customer/block", new { user_ids = new[] { id } }),
            ("/customer/unblock", new { user_ids = new[] { id } }),
            ("/customer/delete", new { user_ids = new[] { id } }),
        };
        foreach (var client in new[] { viewer, internalUser })
        {
            foreach (var (path, body) in writes)
            {
                var (status, error) = await PostAsync(client, path, body);
                Assert.True(status == HttpStatusCode.Forbidden, $"{path} answered {status}: {error?.ToJsonString()}");
            }
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(internalUser, $"/customer/info?end_user_id={id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(internalUser, "/customer/list")).Status);
        var row = await ReadDbAsync(fixture, db => db.EndUsers.SingleAsync(e => e.UserId == id));
        Assert.Equal(("kept", false), (row.Alias, row.Blocked));
    }
}

/// <summary>Names the management API records changes under.</summary>
internal static class ManagementTestsNames
{
    /// <summary>LiteLLM's <c>litellm_proxy_admin_name</c>: the master key has no user id.</summary>
    public const string AdminName = "default_user_id";
}
