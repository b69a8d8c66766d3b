using AngleSharp.Dom;
using Bunit;
using LiteAspire.Admin.Auth;
using LiteAspire.Admin.Components.Pages.Budgets;
using LiteAspire.Admin.ProxyApi;
using LiteAspire.Admin.ProxyApi.Budgets;
using LiteAspire.Admin.Tests.Support;

namespace LiteAspire.Admin.Tests.Budgets;

public class BudgetListTests
{
    private static AdminTestContext Admin()
    {
        var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/budget/list", BudgetFixtures.List);
        return context;
    }

    private static IRenderedComponent<BudgetList> RenderList(AdminTestContext context)
    {
        var cut = context.Render<BudgetList>();
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=budget-row]").Count));
        return cut;
    }

    private static IElement Starter(IRenderedComponent<BudgetList> cut) =>
        cut.FindAll("[data-testid=budget-row]").Single(r => r.QuerySelector("td")!.TextContent == "starter");

    [Fact]
    public async Task Budgets_ProxyListsFive_ShowsAmountsPeriodsLimitsAndModelBudgets()
    {
        await using var context = Admin();

        var cut = RenderList(context);

        var starter = Starter(cut).TextContent;
        Assert.Contains("$30.00 / $20.00", starter, StringComparison.Ordinal);
        Assert.Contains("30d", starter, StringComparison.Ordinal);
        Assert.Contains("next 2027-01-01 00:00 UTC", starter, StringComparison.Ordinal);
        Assert.Contains("10,000 TPM · 100 RPM", starter, StringComparison.Ordinal);
        Assert.Contains("fake-gpt: $5.00 / 1d", starter, StringComparison.Ordinal);
        Assert.Contains("default_user_id", starter, StringComparison.Ordinal);
        Assert.Single(context.Proxy.Requests);
    }

    [Fact]
    public async Task CreateBudget_WithAModelBudget_SendsEveryField()
    {
        await using var context = Admin();
        context.Proxy.On("POST", "/budget/new", BudgetFixtures.Created);
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderList(context);

        cut.Find("[data-testid=create-budget]").Click();
        dialogs.Fill("budget-id", "pro");
        dialogs.Fill("budget-max", "100");
        dialogs.Fill("budget-soft", "80");
        dialogs.Fill("budget-duration", "1mo");
        dialogs.Fill("budget-tpm", "50000");
        dialogs.Fill("budget-rpm", "500");
        dialogs.Find("[data-testid=add-model-budget]").Click();
        dialogs.Fill("model-budget-model-0", "gpt-4o");
        dialogs.Fill("model-budget-max-0", "10");
        dialogs.Fill("model-budget-duration-0", "1d");
        dialogs.Submit("budget-submit");

        cut.WaitForAssertion(() => Assert.Single(context.Proxy.To("/budget/new")));
        var body = SentJson.BodyOf(context.Proxy, "/budget/new");
        Assert.Equal(["budget_duration", "budget_id", "max_budget", "model_max_budget", "rpm_limit", "soft_budget", "tpm_limit"], SentJson.Names(body));
        Assert.Equal("pro", body.GetProperty("budget_id").GetString());
        Assert.Equal(100, body.GetProperty("max_budget").GetDouble());
        Assert.Equal(80, body.GetProperty("soft_budget").GetDouble());
        Assert.Equal("1mo", body.GetProperty("budget_duration").GetString());
        Assert.Equal(50000, body.GetProperty("tpm_limit").GetInt64());
        Assert.Equal(500, body.GetProperty("rpm_limit").GetInt64());
        var gpt = body.GetProperty("model_max_budget").GetProperty("gpt-4o");
        Assert.Equal(10, gpt.GetProperty("max_budget").GetDouble());
        Assert.Equal("1d", gpt.GetProperty("budget_duration").GetString());
        dialogs.WaitUntilClosed();
        Assert.Equal(2, context.Proxy.To("/budget/list").Count);
    }

    [Fact]
    public async Task CreateBudget_NoId_IsNotSent()
    {
        await using var context = Admin();
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderList(context);

        cut.Find("[data-testid=create-budget]").Click();
        dialogs.Fill("budget-max", "100");
        dialogs.Submit("budget-submit");

        cut.WaitForAssertion(() => Assert.Contains("Give the budget an id.", dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(context.Proxy.To("/budget/new"));
    }

    [Fact]
    public async Task EditBudget_ModelBudgetRemoved_SendsTheChangeWithAnEmptyModelBudgetSet()
    {
        await using var context = Admin();
        context.Proxy.On("POST", "/budget/update", BudgetFixtures.Updated);
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderList(context);

        Starter(cut).QuerySelector("[data-testid=edit-budget]")!.Click();
        Assert.True(dialogs.Find("[data-testid=budget-id]").HasAttribute("disabled"));
        Assert.Equal("fake-gpt", dialogs.Find("[data-testid=model-budget-model-0]").GetAttribute("value"));
        dialogs.Fill("budget-max", "40");
        dialogs.Find("[data-testid=remove-model-budget-0]").Click();
        dialogs.Submit("budget-submit");

        cut.WaitForAssertion(() => Assert.Single(context.Proxy.To("/budget/update")));
        var body = SentJson.BodyOf(context.Proxy, "/budget/update");
        Assert.Equal(["budget_duration", "budget_id", "max_budget", "model_max_budget", "rpm_limit", "soft_budget", "tpm_limit"], SentJson.Names(body));
        Assert.Equal("starter", body.GetProperty("budget_id").GetString());
        Assert.Equal(40, body.GetProperty("max_budget").GetDouble());
        Assert.Equal(20, body.GetProperty("soft_budget").GetDouble());
        Assert.Empty(body.GetProperty("model_max_budget").EnumerateObject());
    }

    [Fact]
    public async Task DeleteBudget_Confirmed_SendsItsId()
    {
        await using var context = Admin();
        context.Proxy.On("POST", "/budget/delete", BudgetFixtures.Deleted);
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderList(context);

        Starter(cut).QuerySelector("[data-testid=delete-budget]")!.Click();
        Assert.Empty(context.Proxy.To("/budget/delete"));
        dialogs.Press("Delete");

        cut.WaitForAssertion(() => Assert.Single(context.Proxy.To("/budget/delete")));
        var body = SentJson.BodyOf(context.Proxy, "/budget/delete");
        Assert.Equal(["id"], SentJson.Names(body));
        Assert.Equal("starter", body.GetProperty("id").GetString());
    }

    [Fact]
    public async Task DeleteBudget_InUse_ShowsTheProxysRefusal()
    {
        await using var context = Admin();
        context.Proxy.On("POST", "/budget/delete", BudgetFixtures.DeleteRefused, 400);
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderList(context);

        Starter(cut).QuerySelector("[data-testid=delete-budget]")!.Click();
        dialogs.Press("Delete");

        cut.WaitForAssertion(() => Assert.Contains("Budget id=starter is still in use by customers [cust-2]",
            cut.Find("[data-testid=action-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteBudget_Cancelled_SendsNothing()
    {
        await using var context = Admin();
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderList(context);

        Starter(cut).QuerySelector("[data-testid=delete-budget]")!.Click();
        dialogs.Press("Cancel");

        dialogs.WaitUntilClosed();
        Assert.Empty(context.Proxy.To("/budget/delete"));
    }

    [Fact]
    public async Task Viewer_SeesBudgetsWithoutChangeButtons_AndTheHandlersRefuseBeforeTheProxy()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdminViewer);
        context.Proxy.On("GET", "/budget/list", BudgetFixtures.List);
        var cut = RenderList(context);

        Assert.Empty(cut.FindAll("[data-testid=create-budget]"));
        Assert.Empty(cut.FindAll("[data-testid=edit-budget]"));
        Assert.Empty(cut.FindAll("[data-testid=delete-budget]"));
        await Assert.ThrowsAsync<ProxyApiException>(() => cut.InvokeAsync(() => cut.Instance.SaveAsync(new BudgetForm { BudgetId = "x" })));
        await cut.InvokeAsync(() => cut.Instance.DeleteAsync(new Budget { BudgetId = "starter" }));

        Assert.Contains("cannot delete budgets", cut.Find("[data-testid=action-error]").TextContent, StringComparison.Ordinal);
        Assert.All(context.Proxy.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task Budgets_NoneYet_ShowsTheEmptyState()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/budget/list", "[]");

        var cut = context.Render<BudgetList>();

        cut.WaitForAssertion(() => Assert.Contains("No budgets yet", cut.Find("[data-testid=page-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Budgets_ProxyDown_SaysItIsUnreachable()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.Down = true;

        var cut = context.Render<BudgetList>();

        cut.WaitForAssertion(() => Assert.Contains("unreachable", cut.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal));
    }
}
