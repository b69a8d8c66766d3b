using System.Reflection;
using System.Text.Json;
using AngleSharp.Dom;
using Bunit;
using LiteAspire.Admin.Auth;
using LiteAspire.Admin.ProxyApi;
using LiteAspire.Admin.ProxyApi.Users;
using LiteAspire.Admin.Tests.Keys;
using LiteAspire.Admin.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using MudBlazor;
using UsersPage = LiteAspire.Admin.Components.Pages.Users.Users;

namespace LiteAspire.Admin.Tests.Users;

public class UsersPageTests
{
    private const string BobsKey = "sk-KuEDudmpRvlxyvswagMjQQ";

    private static AdminTestContext SignedIn(string role = AdminRoles.ProxyAdmin, string users = UserFixtures.UserListPage)
    {
        var context = new AdminTestContext();
        context.SignInAs(role);
        context.Proxy.On("GET", "/user/list", users).On("GET", "/team/list", KeyFixtures.TeamList).On("GET", "/v1/models", KeyFixtures.Models)
            .On("POST", "/user/new", UserFixtures.NewBob).On("POST", "/user/update", UserFixtures.UpdatedBob).On("POST", "/user/delete", "1");
        return context;
    }

    private static (IRenderedComponent<MudPopoverProvider> Popovers, IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<UsersPage> Page) Render(
        AdminTestContext context)
    {
        var popovers = context.Render<MudPopoverProvider>();
        var dialogs = context.Render<MudDialogProvider>();
        var page = context.Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=page-loading]")));
        return (popovers, dialogs, page);
    }

    private static IElement Input(IRenderedComponent<MudDialogProvider> dialogs, string testId) =>
        dialogs.Find($"input[data-testid={testId}], [data-testid={testId}] input");

    private static void Pick(IRenderedComponent<MudPopoverProvider> popovers, IRenderedComponent<MudDialogProvider> dialogs, string testId, string item)
    {
        dialogs.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == item));
        popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == item).Click();
    }

    private static JsonElement Body(RecordedRequest request) => JsonDocument.Parse(request.Body!).RootElement;

    private static ProxyUser Bob() => JsonSerializer.Deserialize<UserList>(UserFixtures.UserListPage, ProxyJson.Options)!.Users[0];

    [Fact]
    public void UsersPage_IsForRolesThatReadEverything()
    {
        var policies = typeof(UsersPage).GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy);

        Assert.Contains(AdminRoles.ReadAll, policies);
    }

    [Fact]
    public async Task UsersPage_ListsEachUserWithTheirColumns()
    {
        await using var context = SignedIn();

        var (_, _, page) = Render(context);

        var rows = page.FindAll("[data-testid=users-row]");
        Assert.Equal(2, rows.Count);
        var bob = rows[0].TextContent;
        Assert.Contains("bob@example.com", bob, StringComparison.Ordinal);
        Assert.Contains("Bob", bob, StringComparison.Ordinal);
        Assert.Contains("Admin viewer", bob, StringComparison.Ordinal);
        Assert.Contains("Research", bob, StringComparison.Ordinal);
        Assert.Contains("$0.00 / $20.00", bob, StringComparison.Ordinal);
        Assert.Contains("fake-gpt", bob, StringComparison.Ordinal);
        Assert.Contains("2026-12-08", bob, StringComparison.Ordinal);
        Assert.Equal("1", rows[0].QuerySelector("[data-testid=user-keys]")!.TextContent);
        Assert.Equal("/keys?user_id=bob", rows[0].QuerySelector("[data-testid=user-keys]")!.GetAttribute("href"));
        Assert.Contains("Internal user", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("All models", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("1–2 of 2 users", page.Find("[data-testid=pager-range]").TextContent);
        var request = Assert.Single(context.Proxy.To("/user/list"));
        Assert.Equal("1", request.QueryValue("page"));
        Assert.Equal("25", request.QueryValue("page_size"));
    }

    [Fact]
    public async Task UsersPage_Filters_ReachTheProxyFromPageOne()
    {
        await using var context = SignedIn();
        var (popovers, _, page) = Render(context);

        page.Find("input[data-testid=user-search-email], [data-testid=user-search-email] input").Change("ALI");
        page.WaitForAssertion(() => Assert.Equal(2, context.Proxy.To("/user/list").Count));
        page.Find("input[data-testid=user-search-id], [data-testid=user-search-id] input").Change("alice");
        page.WaitForAssertion(() => Assert.Equal(3, context.Proxy.To("/user/list").Count));
        page.Find("[data-testid=filter-role]").Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == "Internal user"));
        popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == "Internal user").Click();
        page.WaitForAssertion(() => Assert.Equal(4, context.Proxy.To("/user/list").Count));

        var request = context.Proxy.To("/user/list")[^1];
        Assert.Equal("ALI", request.QueryValue("user_email"));
        Assert.Equal("alice", request.QueryValue("user_ids"));
        Assert.Equal(AdminRoles.InternalUser, request.QueryValue("role"));
        Assert.Equal("1", request.QueryValue("page"));
    }

    [Fact]
    public async Task UsersPage_PageButton_AsksTheProxyForThatPage()
    {
        var twoPages = UserFixtures.UserListPage.Replace("\"total\":2,\"page\":1,\"page_size\":25,\"total_pages\":1", "\"total\":27,\"page\":1,\"page_size\":25,\"total_pages\":2",
            StringComparison.Ordinal);
        await using var context = SignedIn(users: twoPages);
        var (_, _, page) = Render(context);

        page.Find("button[aria-label='Page 2']").Click();

        page.WaitForAssertion(() => Assert.Equal(2, context.Proxy.To("/user/list").Count));
        Assert.Equal("2", context.Proxy.To("/user/list")[^1].QueryValue("page"));
        Assert.Equal("25", context.Proxy.To("/user/list")[^1].QueryValue("page_size"));
    }

    [Fact]
    public async Task UsersPage_Create_SendsTheFormAndShowsTheUsersKeyOnce()
    {
        await using var context = SignedIn();
        var (popovers, dialogs, page) = Render(context);
        page.Find("[data-testid=create-user]").Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=user-dialog]")));

        Input(dialogs, "user-id").Change("bob");
        Input(dialogs, "user-email").Change("bob@example.com");
        Input(dialogs, "user-alias").Change("Bob");
        Pick(popovers, dialogs, "user-role", "Admin viewer: sees everything, changes nothing");
        Input(dialogs, "user-max-budget").Change("20");
        Pick(popovers, dialogs, "user-models", "fake-gpt");
        Pick(popovers, dialogs, "user-teams", "Research");
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Equal(BobsKey, dialogs.Find("[data-testid=new-key-secret]").TextContent));
        var body = Body(Assert.Single(context.Proxy.To("/user/new")));
        Assert.Equal("bob", body.GetProperty("user_id").GetString());
        Assert.Equal("bob@example.com", body.GetProperty("user_email").GetString());
        Assert.Equal("Bob", body.GetProperty("user_alias").GetString());
        Assert.Equal(AdminRoles.ProxyAdminViewer, body.GetProperty("user_role").GetString());
        Assert.Equal(20, body.GetProperty("max_budget").GetDouble());
        Assert.Equal(["fake-gpt"], body.GetProperty("models").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["team-research"], body.GetProperty("teams").EnumerateArray().Select(m => m.GetString()));
        Assert.False(body.TryGetProperty("budget_duration", out _));
        Assert.Contains("will not be shown again", dialogs.Find("[data-testid=new-key-warning]").TextContent, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Equal(2, context.Proxy.To("/user/list").Count));

        dialogs.Find("[data-testid=dismiss-new-key]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=new-key-secret]")));
        Assert.DoesNotContain(BobsKey, dialogs.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(BobsKey, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersPage_CreateWithDefaults_SendsTheInternalUserRole()
    {
        await using var context = SignedIn();
        var (_, dialogs, page) = Render(context);
        page.Find("[data-testid=create-user]").Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=user-dialog]")));

        Input(dialogs, "user-email").Change("dan@example.com");
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Single(context.Proxy.To("/user/new")));
        Assert.Equal("""{"user_email":"dan@example.com","user_role":"internal_user"}""", context.Proxy.To("/user/new")[0].Body);
    }

    [Theory]
    [InlineData("user-email", "not an email", "is not an email address")]
    [InlineData("user-budget-duration", "monthly", "Budget resets every")]
    public async Task UsersPage_CreateInvalid_SaysWhyAndSendsNothing(string field, string value, string expected)
    {
        await using var context = SignedIn();
        var (_, dialogs, page) = Render(context);
        page.Find("[data-testid=create-user]").Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=user-dialog]")));

        Input(dialogs, field).Change(value);
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Contains(expected, dialogs.Find("[data-testid=user-form-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(context.Proxy.To("/user/new"));
    }

    [Fact]
    public async Task UsersPage_CreateRefused_ShowsTheProxysMessage()
    {
        await using var context = SignedIn();
        context.Proxy.On("POST", "/user/new", """{"error":{"message":"User with id bob already exists","type":"bad_request_error","param":"user_id","code":"409"}}""", 409);
        var (_, dialogs, page) = Render(context);
        page.Find("[data-testid=create-user]").Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=user-dialog]")));

        Input(dialogs, "user-id").Change("bob");
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Contains("The proxy answered 409: User with id bob already exists",
            dialogs.Find("[data-testid=user-form-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(dialogs.FindAll("[data-testid=new-key-secret]"));
    }

    [Fact]
    public async Task UsersPage_Edit_SendsOnlyTheChangedFields()
    {
        await using var context = SignedIn();
        var (popovers, dialogs, page) = Render(context);
        page.FindAll("[data-testid=edit-user]")[0].Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=user-dialog]")));
        Assert.Equal("bob@example.com", Input(dialogs, "user-email").GetAttribute("value"));
        Assert.Empty(dialogs.FindAll("[data-testid=user-id]"));
        Assert.Empty(dialogs.FindAll("[data-testid=user-teams]"));

        Input(dialogs, "user-alias").Change("Bobby");
        Input(dialogs, "user-max-budget").Change("");
        Pick(popovers, dialogs, "user-role", "Admin: manages everything");
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Single(context.Proxy.To("/user/update")));
        var body = Body(context.Proxy.To("/user/update")[0]);
        Assert.Equal(["user_id", "user_alias", "user_role", "max_budget"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("bob", body.GetProperty("user_id").GetString());
        Assert.Equal("Bobby", body.GetProperty("user_alias").GetString());
        Assert.Equal(AdminRoles.ProxyAdmin, body.GetProperty("user_role").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("max_budget").ValueKind);
        page.WaitForAssertion(() => Assert.Equal(2, context.Proxy.To("/user/list").Count));
    }

    [Fact]
    public async Task UsersPage_DeleteConfirmed_PostsTheUserIdAndReloads()
    {
        await using var context = SignedIn();
        var (_, dialogs, page) = Render(context);

        page.FindAll("[data-testid=delete-user]")[1].Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete user alice@example.com? Their 2 key(s) are deleted too", dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(context.Proxy.To("/user/delete"));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Equal(2, context.Proxy.To("/user/list").Count));
        Assert.Equal(["alice"], Body(Assert.Single(context.Proxy.To("/user/delete"))).GetProperty("user_ids").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public async Task UsersPage_Viewer_SeesNoChangeButtonsAndItsHandlersAreRefusedBeforeTheProxy()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdminViewer);
        var (_, dialogs, page) = Render(context);

        Assert.Equal(2, page.FindAll("[data-testid=users-row]").Count);
        Assert.Empty(page.FindAll("[data-testid=create-user]"));
        Assert.Empty(page.FindAll("[data-testid=edit-user]"));
        Assert.Empty(page.FindAll("[data-testid=delete-user]"));

        await page.InvokeAsync(() => page.Instance.DeleteAsync(Bob()));
        Assert.Contains("Admin viewer", page.Find("[data-testid=action-error]").TextContent, StringComparison.Ordinal);
        Assert.Contains("cannot delete users", page.Find("[data-testid=action-error]").TextContent, StringComparison.Ordinal);
        await page.InvokeAsync(() => page.Instance.CreateAsync());
        await page.InvokeAsync(() => page.Instance.EditAsync(Bob()));

        Assert.All(context.Proxy.Requests, r => Assert.Equal("GET", r.Method));
        Assert.Empty(context.Proxy.To("/v1/models"));
        Assert.Empty(dialogs.FindAll("[data-testid=user-dialog]"));
    }

    [Fact]
    public async Task UsersPage_ProxyDown_ShowsWhy()
    {
        await using var context = SignedIn();
        context.Proxy.Down = true;

        var (_, _, page) = Render(context);

        Assert.Contains("unreachable", page.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=users-row]"));
    }

    [Fact]
    public async Task UsersPage_NoUsers_ShowsTheEmptyState()
    {
        await using var context = SignedIn(users: UserFixtures.EmptyList);

        var (_, _, page) = Render(context);

        Assert.Contains("No users yet.", page.Find("[data-testid=page-empty]").TextContent, StringComparison.Ordinal);
    }
}
