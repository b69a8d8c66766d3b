using System.Text.Json.Nodes;

using LiteAspire.Proxy.Budgets;
using LiteAspire.Proxy.Errors;

using Microsoft.Extensions.DependencyInjection;

using static LiteAspire.Proxy.Tests.Management.Customers.CatalogTestSupport;

namespace LiteAspire.Proxy.Tests.Management.Customers;

[Collection(ManagementTests.Name)]
public sealed class EndUserEnforcementTests(ManagementFixture fixture)
{
    private EndUserEnforcer Enforcer => fixture.Proxy.Services.GetRequiredService<EndUserEnforcer>();

    [Fact]
    public async Task OverBudget_RefusedWithLiteLLMsMessage()
    {
        var id = ManagementFixture.NewId("cust");
        await fixture.AdminPostAsync("/customer/new", new { user_id = id, max_budget = 1, spend = 2.5 });

        var refusal = await Assert.ThrowsAsync<GatewayException>(() => Enforcer.CheckAsync(id, CancellationToken.None).AsTask());

        Assert.Equal(400, refusal.StatusCode);
        Assert.Equal("budget_exceeded", refusal.ErrorType);
        Assert.Null(refusal.Param);
        Assert.Equal($"ExceededBudget: End User={id} over budget. Spend=2.5, Budget=1", refusal.Message);
    }

    [Fact]
    public async Task UnderBudget_PassesAndReturnsTheScopeToCountSpendAgainst()
    {
        var id = ManagementFixture.NewId("cust");
        await fixture.AdminPostAsync("/customer/new", new { user_id = id, max_budget = 10, spend = 1 });
        var noBudget = ManagementFixture.NewId("cust");
        await fixture.AdminPostAsync("/customer/new", new { user_id = noBudget, alias = "free" });

        var scope = await Enforcer.CheckAsync(id, CancellationToken.None);

        Assert.NotNull(scope);
        Assert.Equal((EndUserEnforcer.ScopeKind, id, 10.0), (scope.Scope.Kind, scope.Scope.Id, scope.MaxBudget));
        Assert.Null(await Enforcer.CheckAsync(noBudget, CancellationToken.None));
        Assert.Null(await Enforcer.CheckAsync(ManagementFixture.NewId("stranger"), CancellationToken.None));
        Assert.Null(await Enforcer.CheckAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task Block_AppliesAtOnceOnThisReplicaAndSoonOnAnother_UnblockLiftsIt()
    {
        var id = ManagementFixture.NewId("cust");
        await fixture.AdminPostAsync("/customer/new", new { user_id = id });
        var other = fixture.StartProxy();
        _ = other.Server;
        var otherEnforcer = other.Services.GetRequiredService<EndUserEnforcer>();
        // Both replicas now hold the customer, unblocked, in memory.
        Assert.Null(await Enforcer.CheckAsync(id, CancellationToken.None));
        Assert.Null(await otherEnforcer.CheckAsync(id, CancellationToken.None));

        await fixture.AdminPostAsync("/customer/block", new { user_ids = new[] { id } });

        var refusal = await Assert.ThrowsAsync<GatewayException>(() => Enforcer.CheckAsync(id, CancellationToken.None).AsTask());
        Assert.Equal((400, "invalid_request_error"), (refusal.StatusCode, refusal.ErrorType));
        Assert.Equal($"User blocked from making LLM API Calls. User={id}", refusal.Message);
        Assert.True(await EventuallyAsync(async () => await RefusedAsync(otherEnforcer, id)), "the other replica kept its cached customer");

        await fixture.AdminPostAsync("/customer/unblock", new { user_ids = new[] { id } });
        Assert.Null(await Enforcer.CheckAsync(id, CancellationToken.None));
        Assert.True(await EventuallyAsync(async () => !await RefusedAsync(otherEnforcer, id)));
    }

    [Fact]
    public async Task NewCustomer_ReplacesARememberedStranger()
    {
        var id = ManagementFixture.NewId("cust");
        Assert.Null(await Enforcer.CheckAsync(id, CancellationToken.None));

        await fixture.AdminPostAsync("/customer/new", new { user_id = id, blocked = true });

        Assert.True(await RefusedAsync(Enforcer, id));
    }

    [Fact]
    public async Task BudgetAndSpendChanges_ApplyAtOnce()
    {
        var tier = ManagementFixture.NewId("tier");
        await fixture.AdminPostAsync("/budget/new", new { budget_id = tier, max_budget = 10 });
        var id = ManagementFixture.NewId("cust");
        await fixture.AdminPostAsync("/customer/new", new { user_id = id, budget_id = tier, spend = 5 });
        Assert.NotNull(await Enforcer.CheckAsync(id, CancellationToken.None));

        await fixture.AdminPostAsync("/budget/update", new { budget_id = tier, max_budget = 4 });
        Assert.True(await RefusedAsync(Enforcer, id));

        await fixture.AdminPostAsync("/customer/update", new { user_id = id, spend = 0 });
        Assert.NotNull(await Enforcer.CheckAsync(id, CancellationToken.None));

        await fixture.AdminPostAsync("/customer/update", new { user_id = id, spend = 4.5 });
        Assert.True(await RefusedAsync(Enforcer, id));

        await fixture.AdminPostAsync("/customer/delete", new { user_ids = new[] { id } });
        Assert.Null(await Enforcer.CheckAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task LiveSpend_CountsAgainstTheCustomer()
    {
        var id = ManagementFixture.NewId("cust");
        await fixture.AdminPostAsync("/customer/new", new { user_id = id, max_budget = 1 });
        var scope = await Enforcer.CheckAsync(id, CancellationToken.None);

        await new BudgetEnforcer(fixture.Proxy.Services.GetRequiredService<ILiveSpend>()).AddAsync([scope!], 1.5, CancellationToken.None);

        Assert.True(await RefusedAsync(Enforcer, id));
    }

    [Fact]
    public void EndUserIdOf_ReadsUserThenLiteLLMMetadataThenMetadata()
    {
        Assert.Equal("a", EndUserEnforcer.EndUserIdOf(JsonNode.Parse("""{"user": "a", "metadata": {"user_id": "c"}}""")!.AsObject()));
        Assert.Equal("b", EndUserEnforcer.EndUserIdOf(JsonNode.Parse("""{"litellm_metadata": {"user": "b"}}""")!.AsObject()));
        Assert.Equal("c", EndUserEnforcer.EndUserIdOf(JsonNode.Parse("""{"metadata": {"user_id": "c"}}""")!.AsObject()));
        Assert.Null(EndUserEnforcer.EndUserIdOf(JsonNode.Parse("""{"user": 5, "metadata": "x"}""")!.AsObject()));
    }

    private static async Task<bool> RefusedAsync(EndUserEnforcer enforcer, string id)
    {
        try
        {
            await enforcer.CheckAsync(id, CancellationToken.None);
            return false;
        }
        catch (GatewayException)
        {
            return true;
        }
    }
}
