using System.Net;

using LiteAspire.Data.Spend;
using LiteAspire.Proxy.Tests.Endpoints;
using LiteAspire.Proxy.Tests.Management;

using Microsoft.EntityFrameworkCore;

using static LiteAspire.Proxy.Tests.Management.Customers.CatalogTestSupport;

namespace LiteAspire.Proxy.Tests.Budgets;

/// <summary>
/// The global proxy budget (<c>litellm_settings.max_budget</c>) on a replica of the shared database and Redis whose config sets
/// one: it counts every request, the master key's too, refuses once spent, keeps the spend on the <c>litellm-proxy-budget</c>
/// row and starts over after <c>budget_duration</c>. Each gpt-4o call costs 0.016.
/// </summary>
[Collection(ManagementTests.Name)]
public sealed class GlobalBudgetTests(ManagementFixture fixture)
{
    [Fact]
    public async Task GlobalBudgetExceeded_NextRequest400_TheRowHasTheSpend_AndItResetsAfterBudgetDuration()
    {
        var config = Path.Combine(Path.GetDirectoryName(fixture.ConfigPath)!, "global-budget.yaml");
        await File.WriteAllTextAsync(config, await File.ReadAllTextAsync(fixture.ConfigPath) + """

            litellm_settings:
              max_budget: 0.03
              budget_duration: 6s
            """);
        var proxy = fixture.StartProxy(new Dictionary<string, string?> { ["CONFIG_FILE_PATH"] = config });
        using var admin = fixture.Client(ManagementFixture.MasterKey, proxy);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("gpt-4o"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("gpt-4o"))).StatusCode);
        var error = await (await admin.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("gpt-4o"))).AssertOpenAIErrorAsync(400);

        Assert.Equal("budget_exceeded", error["type"]!.GetValue<string>());
        Assert.Equal("Budget has been exceeded! Current cost: 0.032, Max budget: 0.03", error["message"]!.GetValue<string>());
        var row = await ReadDbAsync(fixture, db => db.Users.AsNoTracking().SingleAsync(u => u.UserId == ProxyBudgetRow.UserId));
        Assert.Equal((0.03, "6s"), (row.MaxBudget!.Value, row.BudgetDuration!));
        Assert.True(await EventuallyAsync(async () =>
            Math.Abs(await ReadDbAsync(fixture, db => db.Users.Where(u => u.UserId == ProxyBudgetRow.UserId).Select(u => u.Spend).SingleAsync()) - 0.032) < 1e-9));

        // The period ends: requests pass again.
        Assert.True(await EventuallyAsync(async () =>
        {
            using var response = await admin.PostJsonAsync("/v1/chat/completions", GatewayClientExtensions.Chat("gpt-4o"));
            return response.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(15)));
    }
}
