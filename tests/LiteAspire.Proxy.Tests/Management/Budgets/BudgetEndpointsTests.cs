using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.Data.Budgets;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static LiteAspire.Proxy.Tests.Management.Customers.CatalogTestSupport;

namespace LiteAspire.Proxy.Tests.Management.Budgets;

[Collection(ManagementTests.Name)]
public sealed class BudgetEndpointsTests(ManagementFixture fixture)
{
    [Fact]
    public async Task New_StoresEveryField_AndGeneratesAnIdWhenNoneIsGiven()
    {
        var id = ManagementFixture.NewId("budget");
        var before = DateTime.UtcNow;

        var created = await fixture.AdminPostAsync("/budget/new", new
        {
            budget_id = id, max_budget = 10.5, soft_budget = 8, max_parallel_requests = 4, tpm_limit = 5000, rpm_limit = 50,
            budget_duration = "1d", model_max_budget = new Dictionary<string, object> { ["gpt-4o"] = new { max_budget = 1, budget_duration = "1d" } },
        });
        var generated = await fixture.AdminPostAsync("/budget/new", new { max_budget = 1 });

        Assert.Equal(id, created["budget_id"]!.GetValue<string>());
        Assert.Equal(10.5, created["max_budget"]!.GetValue<double>());
        Assert.Equal(1, created["model_max_budget"]!["gpt-4o"]!["max_budget"]!.GetValue<int>());
        Assert.True(Guid.TryParse(generated["budget_id"]!.GetValue<string>(), out _));
        var row = await ReadDbAsync(fixture, db => db.Budgets.SingleAsync(b => b.BudgetId == id));
        Assert.Equal((10.5, 8.0, 4, 5000L, 50L, "1d"), (row.MaxBudget!.Value, row.SoftBudget!.Value, row.MaxParallelRequests!.Value, row.TpmLimit!.Value,
            row.RpmLimit!.Value, row.BudgetDuration!));
        Assert.Equal("1d", JsonNode.Parse(row.ModelMaxBudget!)!["gpt-4o"]!["budget_duration"]!.GetValue<string>());
        Assert.InRange(row.BudgetResetAt!.Value, BudgetCalendar.Utc.NextReset("1d", before)!.Value, BudgetCalendar.Utc.NextReset("1d", DateTime.UtcNow)!.Value);
        Assert.Equal("default_user_id", row.CreatedBy);
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { """{"budget_id": "ID", "max_budget": -1}""", "max_budget" },
        { """{"budget_id": "ID", "soft_budget": -0.5}""", "soft_budget" },
        { """{"budget_id": "ID", "tpm_limit": -10}""", "tpm_limit" },
        { """{"budget_id": "ID", "max_parallel_requests": -1}""", "max_parallel_requests" },
        { """{"budget_id": "ID", "budget_duration": "30x"}""", "budget_duration" },
        { """{"budget_id": "ID", "max_budget": "ten"}""", "max_budget" },
        { """{"budget_id": "ID", "rpm_limit": 1.5}""", "rpm_limit" },
        { """{"budget_id": "ID", "model_max_budget": {"gpt-4o": {"budget_duration": "often"}}}""", "model_max_budget.gpt-4o.budget_duration" },
        { """{"budget_id": "ID", "model_max_budget": ["gpt-4o"]}""", "model_max_budget" },
        { """{"budget_id": "ID", "budget_reset_at": "next tuesday"}""", "budget_reset_at" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task New_BadInput_400NamingTheFieldAndNothingWritten(string template, string param)
    {
        var id = ManagementFixture.NewId("budget");

        var (status, body) = await PostAsync(fixture.Admin, "/budget/new", template.Replace("ID", id));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(param, body!["error"]!["param"]!.GetValue<string>());
        Assert.False(await ReadDbAsync(fixture, db => db.Budgets.AnyAsync(b => b.BudgetId == id)));
    }

    [Fact]
    public async Task New_DuplicateId_400AndTheFirstIsUnchanged()
    {
        var id = ManagementFixture.NewId("budget");
        await fixture.AdminPostAsync("/budget/new", new { budget_id = id, max_budget = 1 });

        var (status, body) = await PostAsync(fixture.Admin, "/budget/new", new { budget_id = id, max_budget = 2 });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($"Budget with id '{id}' already exists.", ErrorMessage(body));
        Assert.Equal(1, await ReadDbAsync(fixture, db => db.Budgets.Where(b => b.BudgetId == id).Select(b => b.MaxBudget).SingleAsync()));
    }

    [Fact]
    public async Task Update_ChangesOnlyGivenFields_RefusesUnknownAndBadInput()
    {
        var id = ManagementFixture.NewId("budget");
        await fixture.AdminPostAsync("/budget/new", new { budget_id = id, max_budget = 1, rpm_limit = 5 });

        var updated = await fixture.AdminPostAsync("/budget/update", new { budget_id = id, max_budget = 20, budget_duration = "1w" });
        var (unknown, _) = await PostAsync(fixture.Admin, "/budget/update", new { budget_id = ManagementFixture.NewId("none"), max_budget = 1 });
        var (noId, _) = await PostAsync(fixture.Admin, "/budget/update", new { max_budget = 1 });
        var (negative, _) = await PostAsync(fixture.Admin, "/budget/update", new { budget_id = id, max_budget = -2, rpm_limit = 1 });

        Assert.Equal(20, updated["max_budget"]!.GetValue<double>());
        Assert.Equal(5, updated["rpm_limit"]!.GetValue<long>());
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (unknown, noId, negative));
        var row = await ReadDbAsync(fixture, db => db.Budgets.SingleAsync(b => b.BudgetId == id));
        Assert.Equal((20.0, 5L, "1w"), (row.MaxBudget!.Value, row.RpmLimit!.Value, row.BudgetDuration!));
        Assert.Equal(DayOfWeek.Monday, row.BudgetResetAt!.Value.DayOfWeek);
        Assert.Equal(TimeSpan.Zero, row.BudgetResetAt!.Value.TimeOfDay);
    }

    [Fact]
    public async Task InfoSettingsAndList_ReadTheRows()
    {
        var a = ManagementFixture.NewId("budget");
        var b = ManagementFixture.NewId("budget");
        await fixture.AdminPostAsync("/budget/new", new { budget_id = a, max_budget = 1, tpm_limit = 7 });
        await fixture.AdminPostAsync("/budget/new", new { budget_id = b, max_budget = 2 });

        var (infoStatus, info) = await PostAsync(fixture.Admin, "/budget/info", new { budgets = new[] { a, b, "no-such-budget" } });
        var (emptyStatus, _) = await PostAsync(fixture.Admin, "/budget/info", new { budgets = Array.Empty<string>() });
        var (settingsStatus, settings) = await GetAsync(fixture.Admin, $"/budget/settings?budget_id={a}");
        var (unknownSettings, _) = await GetAsync(fixture.Admin, "/budget/settings?budget_id=no-such-budget");
        var (listStatus, list) = await GetAsync(fixture.Admin, "/budget/list");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.OK),
            (infoStatus, emptyStatus, settingsStatus, unknownSettings, listStatus));
        var found = info!.AsArray().Select(x => x!["budget_id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal).ToArray(), found);
        var tpm = settings!.AsArray().Single(s => s!["field_name"]!.GetValue<string>() == "tpm_limit")!;
        Assert.Equal(("Integer", 7L, true), (tpm["field_type"]!.GetValue<string>(), tpm["field_value"]!.GetValue<long>(), tpm["stored_in_db"]!.GetValue<bool>()));
        Assert.Contains(settings.AsArray(), s => s!["field_name"]!.GetValue<string>() == "budget_duration" && s["field_value"] is null);
        Assert.Contains(list!.AsArray(), x => x!["budget_id"]!.GetValue<string>() == b);
    }

    [Fact]
    public async Task Delete_RefusedWhileUsed_RemovesWhenFree()
    {
        var used = ManagementFixture.NewId("budget");
        var free = ManagementFixture.NewId("budget");
        await fixture.AdminPostAsync("/budget/new", new { budget_id = used, max_budget = 1 });
        await fixture.AdminPostAsync("/budget/new", new { budget_id = free, max_budget = 1 });
        var customer = ManagementFixture.NewId("cust");
        await fixture.AdminPostAsync("/customer/new", new { user_id = customer, budget_id = used });
        var token = new string('b', 40) + Guid.NewGuid().ToString("N")[..24];
        await using (var scope = fixture.Proxy.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LiteAspire.Data.LiteLLMDbContext>();
            db.VerificationTokens.Add(new VerificationToken { Token = token, BudgetId = used });
            await db.SaveChangesAsync();
        }

        var (refused, body) = await PostAsync(fixture.Admin, "/budget/delete", new { id = used });
        var deleted = await fixture.AdminPostAsync("/budget/delete", new { id = free });
        var (again, _) = await PostAsync(fixture.Admin, "/budget/delete", new { id = free });

        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains($"customers [{customer}]", ErrorMessage(body), StringComparison.Ordinal);
        Assert.Contains($"keys [{token}]", ErrorMessage(body), StringComparison.Ordinal);
        Assert.True(await ReadDbAsync(fixture, db => db.Budgets.AnyAsync(b => b.BudgetId == used)));
        Assert.Equal(free, deleted["budget_id"]!.GetValue<string>());
        Assert.False(await ReadDbAsync(fixture, db => db.Budgets.AnyAsync(b => b.BudgetId == free)));
        Assert.Equal(HttpStatusCode.NotFound, again);
    }

    [Fact]
    public async Task Viewer_ReadsButChangesNothing_InternalUserIsRefused()
    {
        var id = ManagementFixture.NewId("budget");
        await fixture.AdminPostAsync("/budget/new", new { budget_id = id, max_budget = 1 });
        using var viewer = fixture.Client(await KeyWithRoleAsync(fixture, LiteLLMRoles.ProxyAdminViewer));
        using var internalUser = fixture.Client(await KeyWithRoleAsync(fixture, LiteLLMRoles.InternalUser));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(viewer, "/budget/info", new { budgets = new[] { id } })).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(viewer, $"/budget/settings?budget_id={id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(viewer, "/budget/list")).Status);
        foreach (var client in new[] { viewer, internalUser })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, "/budget/new", new { budget_id = ManagementFixture.NewId("budget") })).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, "/budget/update", new { budget_id = id, max_budget = 99 })).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, "/budget/delete", new { id })).Status);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(internalUser, "/budget/list")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(internalUser, "/budget/info", new { budgets = new[] { id } })).Status);
        Assert.Equal(1, await ReadDbAsync(fixture, db => db.Budgets.Where(b => b.BudgetId == id).Select(b => b.MaxBudget).SingleAsync()));
    }
}
