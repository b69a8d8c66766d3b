using AngleSharp.Dom;
using Bunit;
using LiteAspire.Admin.Auth;
using LiteAspire.Admin.Components.Pages.EndUsers;
using LiteAspire.Admin.ProxyApi;
using LiteAspire.Admin.ProxyApi.Customers;
using LiteAspire.Admin.Tests.Support;
using LiteAspire.Admin.Tests.Teams;

namespace LiteAspire.Admin.Tests.EndUsers;

public class EndUserListTests
{
    private static AdminTestContext Admin()
    {
        var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/customer/list", EndUserFixtures.List)
            .On("GET", "/budget/list", EndUserFixtures.Budgets)
            .On("GET", "/v1/models", TeamFixtures.Models);
        return context;
    }

    private static IRenderedComponent<EndUserList> RenderList(AdminTestContext context)
    {
        var cut = context.Render<EndUserList>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=end-user-row]").Count));
        return cut;
    }

    private static IElement Row(IRenderedComponent<EndUserList> cut, int index) => cut.FindAll("[data-testid=end-user-row]")[index];

    [Fact]
    public async Task EndUsers_ProxyListsTwo_ShowsBudgetRegionModelAndStatus()
    {
        await using var context = Admin();

        var cut = RenderList(context);

        var first = Row(cut, 0).TextContent;
        Assert.Contains("Customer One", first, StringComparison.Ordinal);
        Assert.Contains("cust-1", first, StringComparison.Ordinal);
        Assert.Contains("$3.75 / $12.50", first, StringComparison.Ordinal);
        Assert.Contains("EU", first, StringComparison.Ordinal);
        Assert.Contains("fake-gpt", first, StringComparison.Ordinal);
        Assert.Contains("Active", first, StringComparison.Ordinal);
        var second = Row(cut, 1).TextContent;
        Assert.Contains("$0.00 / $30.00", second, StringComparison.Ordinal);
        Assert.Contains("resets every 30d", second, StringComparison.Ordinal);
        Assert.Contains("starter", second, StringComparison.Ordinal);
        Assert.Contains("Any", second, StringComparison.Ordinal);
        Assert.Contains("Blocked", second, StringComparison.Ordinal);
        Assert.Single(context.Proxy.Requests);
    }

    [Fact]
    public async Task Search_ById_KeepsOnlyThatEndUser()
    {
        await using var context = Admin();
        var cut = RenderList(context);

        cut.Find("[data-testid=end-user-search]").Input("CUST-2");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=end-user-row]")));
        Assert.Contains("cust-2", Row(cut, 0).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateEndUser_OwnLimits_SendsIdNameBudgetAndRegion()
    {
        await using var context = Admin();
        context.Proxy.On("POST", "/customer/new", EndUserFixtures.Created);
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderList(context);

        cut.Find("[data-testid=create-end-user]").Click();
        dialogs.Fill("end-user-id", "cust-9");
        dialogs.Fill("end-user-alias", "Customer Nine");
        dialogs.Fill("end-user-max-budget", "12.5");
        dialogs.Fill("end-user-budget-duration", "1mo");
        dialogs.Find("[data-testid=end-user-region-eu]").Click();
        dialogs.Choose("end-user-default-model", "fake-gpt");
        dialogs.Submit("end-user-submit");

        cut.WaitForAssertion(() => Assert.Single(context.Proxy.To("/customer/new")));
        var body = SentJson.BodyOf(context.Proxy, "/customer/new");
        Assert.Equal(["alias", "allowed_model_region", "budget_duration", "default_model", "max_budget", "user_id"], SentJson.Names(body));
        Assert.Equal("cust-9", body.GetProperty("user_id").GetString());
        Assert.Equal("Customer Nine", body.GetProperty("alias").GetString());
        Assert.Equal(12.5, body.GetProperty("max_budget").GetDouble());
        Assert.Equal("1mo", body.GetProperty("budget_duration").GetString());
        Assert.Equal("eu", body.GetProperty("allowed_model_region").GetString());
        Assert.Equal("fake-gpt", body.GetProperty("default_model").GetString());
        dialogs.WaitUntilClosed();
        Assert.Equal(2, context.Proxy.To("/customer/list").Count);
    }

    [Fact]
    public async Task CreateEndUser_SharedBudget_SendsOnlyTheBudgetId()
    {
        await using var context = Admin();
        context.Proxy.On("POST", "/customer/new", EndUserFixtures.Created);
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderList(context);

        cut.Find("[data-testid=create-end-user]").Click();
        dialogs.Fill("end-user-id", "cust-9");
        dialogs.Find("[data-testid=end-user-budget-shared]").Click();
        dialogs.Choose("end-user-budget-id", "starter");
        dialogs.Submit("end-user-submit");

        cut.WaitForAssertion(() => Assert.Single(context.Proxy.To("/customer/new")));
        var body = SentJson.BodyOf(context.Proxy, "/customer/new");
        Assert.Equal(["budget_id", "user_id"], SentJson.Names(body));
        Assert.Equal("starter", body.GetProperty("budget_id").GetString());
    }

    [Fact]
    public async Task CreateEndUser_SharedBudgetNotChosen_AsksForOneAndSendsNothing()
    {
        await using var context = Admin();
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderList(context);

        cut.Find("[data-testid=create-end-user]").Click();
        dialogs.Fill("end-user-id", "cust-9");
        dialogs.Find("[data-testid=end-user-budget-shared]").Click();
        dialogs.Submit("end-user-submit");

        cut.WaitForAssertion(() => Assert.Contains("Choose the budget to share", dialogs.Find("[data-testid=dialog-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(context.Proxy.To("/customer/new"));
    }

    [Fact]
    public async Task CreateEndUser_IdTaken_ShowsTheProxysRefusalInTheDialog()
    {
        await using var context = Admin();
        context.Proxy.On("POST", "/customer/new", EndUserFixtures.Duplicate, 400);
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderList(context);

        cut.Find("[data-testid=create-end-user]").Click();
        dialogs.Fill("end-user-id", "cust-1");
        dialogs.Submit("end-user-submit");

        cut.WaitForAssertion(() => Assert.Contains("Customer already exists, passed user_id=cust-1",
            dialogs.Find("[data-testid=dialog-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditEndUser_NewNameAndBudget_SendsTheChangedBudgetFieldOnly()
    {
        await using var context = Admin();
        context.Proxy.On("POST", "/customer/update", EndUserFixtures.Updated);
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderList(context);

        Row(cut, 0).QuerySelector("[data-testid=edit-end-user]")!.Click();
        Assert.Equal("cust-1", dialogs.Find("[data-testid=end-user-id]").GetAttribute("value"));
        Assert.True(dialogs.Find("[data-testid=end-user-id]").HasAttribute("disabled"));
        dialogs.Fill("end-user-alias", "Customer Uno");
        dialogs.Fill("end-user-max-budget", "20");
        dialogs.Submit("end-user-submit");

        cut.WaitForAssertion(() => Assert.Single(context.Proxy.To("/customer/update")));
        var body = SentJson.BodyOf(context.Proxy, "/customer/update");
        Assert.Equal(["alias", "allowed_model_region", "default_model", "max_budget", "user_id"], SentJson.Names(body));
        Assert.Equal("cust-1", body.GetProperty("user_id").GetString());
        Assert.Equal("Customer Uno", body.GetProperty("alias").GetString());
        Assert.Equal(20, body.GetProperty("max_budget").GetDouble());
        Assert.Equal("eu", body.GetProperty("allowed_model_region").GetString());
        Assert.Equal("fake-gpt", body.GetProperty("default_model").GetString());
    }

    [Theory]
    [InlineData(0, "block-end-user", "/customer/block", "cust-1")]
    [InlineData(1, "unblock-end-user", "/customer/unblock", "cust-2")]
    public async Task BlockButtons_SendTheEndUsersId(int row, string button, string route, string userId)
    {
        await using var context = Admin();
        context.Proxy.On("POST", route, route.EndsWith("unblock", StringComparison.Ordinal) ? EndUserFixtures.Unblocked : EndUserFixtures.Blocked);
        var cut = RenderList(context);

        Row(cut, row).QuerySelector($"[data-testid={button}]")!.Click();

        cut.WaitForAssertion(() => Assert.Single(context.Proxy.To(route)));
        var body = SentJson.BodyOf(context.Proxy, route);
        Assert.Equal([userId], body.GetProperty("user_ids").EnumerateArray().Select(e => e.GetString()));
        cut.WaitForAssertion(() => Assert.Equal(2, context.Proxy.To("/customer/list").Count));
    }

    [Fact]
    public async Task DeleteEndUser_Confirmed_SendsItsId()
    {
        await using var context = Admin();
        context.Proxy.On("POST", "/customer/delete", EndUserFixtures.Deleted);
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderList(context);

        Row(cut, 1).QuerySelector("[data-testid=delete-end-user]")!.Click();
        Assert.Empty(context.Proxy.To("/customer/delete"));
        dialogs.Press("Delete");

        cut.WaitForAssertion(() => Assert.Single(context.Proxy.To("/customer/delete")));
        var body = SentJson.BodyOf(context.Proxy, "/customer/delete");
        Assert.Equal(["cust-2"], body.GetProperty("user_ids").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task DeleteEndUser_Cancelled_SendsNothing()
    {
        await using var context = Admin();
        var dialogs = TenancyDialogs.Render(context);
        var cut = RenderList(context);

        Row(cut, 1).QuerySelector("[data-testid=delete-end-user]")!.Click();
        dialogs.Press("Cancel");

        dialogs.WaitUntilClosed();
        Assert.Empty(context.Proxy.To("/customer/delete"));
    }

    [Fact]
    public async Task Viewer_SeesEndUsersWithoutChangeButtons_AndTheHandlersRefuseBeforeTheProxy()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdminViewer);
        context.Proxy.On("GET", "/customer/list", EndUserFixtures.List);
        var cut = RenderList(context);
        var customer = new Customer { UserId = "cust-1" };

        foreach (var button in new[] { "create-end-user", "edit-end-user", "block-end-user", "unblock-end-user", "delete-end-user" })
        {
            Assert.Empty(cut.FindAll($"[data-testid={button}]"));
        }

        await Assert.ThrowsAsync<ProxyApiException>(() => cut.InvokeAsync(() => cut.Instance.CreateAsync(new EndUserForm { UserId = "x" })));
        await Assert.ThrowsAsync<ProxyApiException>(() => cut.InvokeAsync(() => cut.Instance.UpdateAsync(EndUserForm.From(customer))));
        await cut.InvokeAsync(() => cut.Instance.SetBlockedAsync(customer, true));
        await cut.InvokeAsync(() => cut.Instance.DeleteAsync(customer));

        Assert.Contains("cannot delete end users", cut.Find("[data-testid=action-error]").TextContent, StringComparison.Ordinal);
        Assert.All(context.Proxy.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task EndUsers_NoneYet_ShowsTheEmptyState()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/customer/list", "[]");

        var cut = context.Render<EndUserList>();

        cut.WaitForAssertion(() => Assert.Contains("No end users yet", cut.Find("[data-testid=page-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EndUsers_ProxyDown_SaysItIsUnreachable()
    {
        await using var context = new AdminTestContext();
        context.SignInAs(AdminRoles.ProxyAdmin);
        context.Proxy.Down = true;

        var cut = context.Render<EndUserList>();

        cut.WaitForAssertion(() => Assert.Contains("unreachable", cut.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal));
    }
}
