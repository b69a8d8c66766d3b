using System.Text.Json;
using Bunit;
using LiteAspire.Admin.Auth;
using LiteAspire.Admin.Components.Pages.Keys;
using LiteAspire.Admin.ProxyApi.Keys;
using LiteAspire.Admin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using KeysPage = LiteAspire.Admin.Components.Pages.Keys.Keys;

namespace LiteAspire.Admin.Tests.Keys;

public class KeysPageTests
{
    private static AdminTestContext SignedIn(string role, string? userId = null, string teams = KeyFixtures.TeamList, string keys = KeyFixtures.KeyListPage)
    {
        var context = new AdminTestContext();
        context.SignInAs(role, userId: userId);
        context.Proxy.On("GET", "/key/list", keys).On("GET", "/team/list", teams).On("GET", "/v1/models", KeyFixtures.Models);
        return context;
    }

    private static (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<KeysPage> Page) Render(AdminTestContext context)
    {
        context.Render<MudPopoverProvider>();
        var dialogs = context.Render<MudDialogProvider>();
        var page = context.Render<KeysPage>();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=page-loading]")));
        return (dialogs, page);
    }

    private static JsonElement Body(RecordedRequest request) => JsonDocument.Parse(request.Body!).RootElement;

    [Fact]
    public async Task KeysPage_Admin_ListsEachKeyWithItsColumns()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);

        var (_, page) = Render(context);

        var rows = page.FindAll("[data-testid=keys-row]");
        Assert.Equal(2, rows.Count);
        var blocked = rows[0].TextContent;
        Assert.Contains("old-batch", blocked, StringComparison.Ordinal);
        Assert.Contains("sk-...GVBg", blocked, StringComparison.Ordinal);
        Assert.Contains("All models", blocked, StringComparison.Ordinal);
        Assert.Contains("$0.00 / $5.00", blocked, StringComparison.Ordinal);
        Assert.Contains("never", blocked, StringComparison.Ordinal);
        Assert.Contains("Blocked", blocked, StringComparison.Ordinal);
        var team = rows[1].TextContent;
        Assert.Contains("ci-bot", team, StringComparison.Ordinal);
        Assert.Contains("Research", team, StringComparison.Ordinal);
        Assert.Contains("alice", team, StringComparison.Ordinal);
        Assert.Contains("fake-gpt", team, StringComparison.Ordinal);
        Assert.Contains("$0.00 / $10.00", team, StringComparison.Ordinal);
        Assert.Contains("2027-01-07", team, StringComparison.Ordinal);
        Assert.Contains("Active", team, StringComparison.Ordinal);
        Assert.Contains("2026-12-08", team, StringComparison.Ordinal);
        Assert.Equal($"/keys/{KeyFixtures.CiBotToken}", rows[1].QuerySelector("[data-testid=key-link]")!.GetAttribute("href"));
        Assert.Equal("1–2 of 3 keys", page.Find("[data-testid=pager-range]").TextContent);
        Assert.NotNull(page.Find("[data-testid=create-key]"));
        Assert.Equal(2, page.FindAll("[data-testid=delete-key]").Count);
    }

    [Fact]
    public async Task KeysPage_FirstLoad_AsksTheProxyForTheFirstPageOfFullRows()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);

        Render(context);

        var request = Assert.Single(context.Proxy.To("/key/list"));
        Assert.Equal("1", request.QueryValue("page"));
        Assert.Equal("25", request.QueryValue("size"));
        Assert.Equal("true", request.QueryValue("return_full_object"));
        Assert.Null(request.QueryValue("include_team_keys"));
        Assert.Equal(AdminTestContext.OperatorKey, request.BearerKey);
    }

    [Fact]
    public async Task KeysPage_PageButton_AsksTheProxyForThatPage()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        var (_, page) = Render(context);

        page.Find("button[aria-label='Page 2']").Click();

        page.WaitForAssertion(() => Assert.Equal(2, context.Proxy.To("/key/list").Count));
        var request = context.Proxy.To("/key/list")[^1];
        Assert.Equal("2", request.QueryValue("page"));
        Assert.Equal("25", request.QueryValue("size"));
    }

    [Fact]
    public async Task KeysPage_PageSize_AsksTheProxyForTheFirstPageOfThatSize()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        var (_, page) = Render(context);
        page.Find("button[aria-label='Page 2']").Click();

        await page.InvokeAsync(() => page.FindComponent<Components.Shared.ListPager>().Instance.SizeChanged.InvokeAsync(50));

        var request = context.Proxy.To("/key/list")[^1];
        Assert.Equal("1", request.QueryValue("page"));
        Assert.Equal("50", request.QueryValue("size"));
    }

    [Fact]
    public async Task KeysPage_SearchByAlias_SendsKeyAliasFromPageOne()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        var (_, page) = Render(context);

        page.Find("[data-testid=key-search] input, input[data-testid=key-search]").Change("ci-bot");

        page.WaitForAssertion(() => Assert.Equal(2, context.Proxy.To("/key/list").Count));
        var request = context.Proxy.To("/key/list")[^1];
        Assert.Equal("ci-bot", request.QueryValue("key_alias"));
        Assert.Equal("1", request.QueryValue("page"));
        Assert.Null(request.QueryValue("key_hash"));
    }

    [Fact]
    public async Task KeysPage_SearchByPlaintextKey_SendsOnlyItsHash()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        var (_, page) = Render(context);

        page.Find("input[data-testid=key-search], [data-testid=key-search] input").Change("sk-4Cj1FVZ8uUH1LsmBNkYcZQ");

        page.WaitForAssertion(() => Assert.Equal(2, context.Proxy.To("/key/list").Count));
        var request = context.Proxy.To("/key/list")[^1];
        Assert.Equal(KeyFixtures.CiBotToken, request.QueryValue("key_hash"));
        Assert.DoesNotContain("sk-4Cj1", request.Query, StringComparison.Ordinal);
        Assert.Null(request.QueryValue("key_alias"));
    }

    [Fact]
    public async Task KeysPage_UserAndOrganizationFilters_ReachTheProxy()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdminViewer);
        var (_, page) = Render(context);

        page.Find("input[data-testid=filter-user], [data-testid=filter-user] input").Change("alice");
        page.WaitForAssertion(() => Assert.Equal(2, context.Proxy.To("/key/list").Count));
        page.Find("input[data-testid=filter-organization], [data-testid=filter-organization] input").Change("org-1");
        page.WaitForAssertion(() => Assert.Equal(3, context.Proxy.To("/key/list").Count));

        var request = context.Proxy.To("/key/list")[^1];
        Assert.Equal("alice", request.QueryValue("user_id"));
        Assert.Equal("org-1", request.QueryValue("organization_id"));
    }

    [Fact]
    public async Task KeysPage_TeamFilter_SendsTeamId()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        var (_, page) = Render(context);
        var filters = page.FindComponent<KeyFilterBar>();

        await page.InvokeAsync(() => filters.Instance.QueryChanged.InvokeAsync(filters.Instance.Query with { TeamId = "team-research", Page = 3 }));

        var request = context.Proxy.To("/key/list")[^1];
        Assert.Equal("team-research", request.QueryValue("team_id"));
        Assert.Equal("1", request.QueryValue("page"));
    }

    [Fact]
    public async Task KeysPage_TeamIdInTheAddress_FiltersTheFirstPage()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/keys?team_id=team-research");

        Render(context);

        Assert.Equal("team-research", Assert.Single(context.Proxy.To("/key/list")).QueryValue("team_id"));
    }

    [Fact]
    public async Task KeysPage_AddressChangesWhileOpen_ListsWithTheNewAddressFilters()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        var navigation = context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("/keys?user_id=alice");
        var (_, page) = Render(context);

        navigation.NavigateTo("/keys");

        page.WaitForAssertion(() => Assert.Equal(2, context.Proxy.To("/key/list").Count));
        Assert.Equal("alice", context.Proxy.To("/key/list")[0].QueryValue("user_id"));
        Assert.Null(context.Proxy.To("/key/list")[1].QueryValue("user_id"));
    }

    [Fact]
    public async Task KeysPage_InternalUser_ListsOwnAndAdministeredTeamKeysWithoutOwnerFilters()
    {
        await using var context = SignedIn(AdminRoles.InternalUser, "alice");

        var (_, page) = Render(context);

        var request = Assert.Single(context.Proxy.To("/key/list"));
        Assert.Equal("true", request.QueryValue("include_team_keys"));
        Assert.Null(request.QueryValue("user_id"));
        Assert.Empty(page.FindAll("[data-testid=filter-user]"));
        Assert.Empty(page.FindAll("[data-testid=filter-organization]"));
        Assert.NotNull(page.Find("[data-testid=create-key]"));
    }

    [Fact]
    public async Task KeysPage_InternalUser_ChangesOwnPersonalKeyButNotATeamKeyAsPlainMember()
    {
        // old-batch made alice's personal key; ci-bot is alice's key in team-research, where she is a plain member.
        var keys = KeyFixtures.KeyListPage.Replace("\"user_id\":null", "\"user_id\":\"alice\"", StringComparison.Ordinal);
        await using var context = SignedIn(AdminRoles.InternalUser, "alice", keys: keys);

        var (_, page) = Render(context);

        var rows = page.FindAll("[data-testid=keys-row]");
        Assert.NotNull(rows[0].QuerySelector("[data-testid=edit-key]"));
        Assert.NotNull(rows[0].QuerySelector("[data-testid=delete-key]"));
        Assert.NotNull(rows[0].QuerySelector("[data-testid=regenerate-key]"));
        Assert.Null(rows[0].QuerySelector("[data-testid=unblock-key]"));
        Assert.Null(rows[1].QuerySelector("[data-testid=edit-key]"));
        Assert.Null(rows[1].QuerySelector("[data-testid=delete-key]"));
        Assert.Null(rows[1].QuerySelector("[data-testid=block-key]"));
    }

    [Fact]
    public async Task KeysPage_InternalUserWhoIsTeamAdmin_MayBlockTheTeamsKeys()
    {
        var teams = KeyFixtures.TeamList.Replace("{\"role\":\"user\",\"user_id\":\"alice\"", "{\"role\":\"admin\",\"user_id\":\"alice\"", StringComparison.Ordinal);
        await using var context = SignedIn(AdminRoles.InternalUser, "alice", teams: teams);

        var (_, page) = Render(context);

        var teamKey = page.FindAll("[data-testid=keys-row]")[1];
        Assert.NotNull(teamKey.QuerySelector("[data-testid=block-key]"));
        Assert.NotNull(teamKey.QuerySelector("[data-testid=edit-key]"));
    }

    [Theory]
    [InlineData(AdminRoles.ProxyAdminViewer)]
    [InlineData(AdminRoles.InternalUserViewer)]
    public async Task KeysPage_Viewer_SeesNoChangeButtons(string role)
    {
        await using var context = SignedIn(role, "alice");

        var (_, page) = Render(context);

        Assert.Equal(2, page.FindAll("[data-testid=keys-row]").Count);
        foreach (var button in new[] { "create-key", "edit-key", "block-key", "unblock-key", "regenerate-key", "delete-key" })
        {
            Assert.Empty(page.FindAll($"[data-testid={button}]"));
        }
    }

    [Fact]
    public async Task KeysPage_ViewerCallingTheHandlers_IsRefusedBeforeTheProxy()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdminViewer);
        var (_, page) = Render(context);
        var key = JsonSerializer.Deserialize<KeyList>(KeyFixtures.KeyListPage, ProxyApi.ProxyJson.Options)!.Keys[1];

        await page.InvokeAsync(() => page.Instance.DeleteAsync(key));
        Assert.Contains("cannot delete this key", page.Find("[data-testid=action-error]").TextContent, StringComparison.Ordinal);
        await page.InvokeAsync(() => page.Instance.CreateAsync());
        await page.InvokeAsync(() => page.Instance.EditAsync(key));
        await page.InvokeAsync(() => page.Instance.SetBlockedAsync(key, blocked: true));
        await page.InvokeAsync(() => page.Instance.RegenerateAsync(key));

        Assert.Contains("Admin viewer", page.Find("[data-testid=action-error]").TextContent, StringComparison.Ordinal);
        Assert.All(context.Proxy.Requests, r => Assert.Equal("GET", r.Method));
        Assert.Empty(context.Proxy.To("/v1/models"));
    }

    [Fact]
    public async Task KeysPage_ProxyDown_ShowsWhy()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        context.Proxy.Down = true;

        var (_, page) = Render(context);

        Assert.Contains("unreachable", page.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Connection refused", page.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=keys-row]"));
        Assert.Empty(page.FindAll("[data-testid=teams-error]"));
    }

    [Fact]
    public async Task KeysPage_ProxyRefusesTheList_ShowsItsMessage()
    {
        await using var context = SignedIn(AdminRoles.InternalUser, "alice");
        context.Proxy.On("GET", "/key/list",
            """{"error":{"message":"You are not authorized to check another user's keys","type":"auth_error","param":"None","code":"403"}}""", 403);

        var (_, page) = Render(context);

        Assert.Contains("The proxy answered 403: You are not authorized to check another user's keys", page.Find("[data-testid=page-error]").TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysPage_NoKeys_ShowsTheEmptyStateWithACreateAction()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin, keys: KeyFixtures.EmptyList);

        var (_, page) = Render(context);

        Assert.Contains("No keys yet.", page.Find("[data-testid=page-empty]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Create the first key", page.Find("[data-testid=page-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysPage_NoKeyMatchesTheSearch_SaysSoAndKeepsTheFilters()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        var (_, page) = Render(context);
        context.Proxy.On("GET", "/key/list", KeyFixtures.EmptyList);

        page.Find("input[data-testid=key-search], [data-testid=key-search] input").Change("nope");

        page.WaitForAssertion(() => Assert.Contains("No key matches these filters.", page.Find("[data-testid=page-empty]").TextContent, StringComparison.Ordinal));
        Assert.NotNull(page.Find("[data-testid=key-filters]"));
    }

    [Fact]
    public async Task KeysPage_TeamsCannotBeLoaded_StillListsKeysAndSaysWhy()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        context.Proxy.On("GET", "/team/list", """{"error":{"message":"boom","type":"internal_error","param":null,"code":"500"}}""", 500);

        var (_, page) = Render(context);

        Assert.Equal(2, page.FindAll("[data-testid=keys-row]").Count);
        Assert.Contains("boom", page.Find("[data-testid=teams-error]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysPage_Block_PostsTheKeysHashAndReloads()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        context.Proxy.On("POST", "/key/block", KeyFixtures.Blocked);
        var (_, page) = Render(context);

        page.FindAll("[data-testid=keys-row]")[1].QuerySelector("[data-testid=block-key]")!.Click();

        page.WaitForAssertion(() => Assert.Equal(2, context.Proxy.To("/key/list").Count));
        Assert.Equal(KeyFixtures.CiBotToken, Body(Assert.Single(context.Proxy.To("/key/block"))).GetProperty("key").GetString());
    }

    [Fact]
    public async Task KeysPage_Unblock_PostsTheKeysHash()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        context.Proxy.On("POST", "/key/unblock", KeyFixtures.Blocked);
        var (_, page) = Render(context);

        page.FindAll("[data-testid=keys-row]")[0].QuerySelector("[data-testid=unblock-key]")!.Click();

        page.WaitForAssertion(() => Assert.Single(context.Proxy.To("/key/unblock")));
        Assert.Equal(KeyFixtures.OldBatchToken, Body(context.Proxy.To("/key/unblock")[0]).GetProperty("key").GetString());
    }

    [Fact]
    public async Task KeysPage_DeleteConfirmed_PostsTheKeyAndReloads()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        context.Proxy.On("POST", "/key/delete", KeyFixtures.Deleted);
        var (dialogs, page) = Render(context);

        page.FindAll("[data-testid=delete-key]")[0].Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete key old-batch?", dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(context.Proxy.To("/key/delete"));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Equal(2, context.Proxy.To("/key/list").Count));
        var body = Body(Assert.Single(context.Proxy.To("/key/delete")));
        Assert.Equal([KeyFixtures.OldBatchToken], body.GetProperty("keys").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task KeysPage_DeleteCancelled_SendsNothing()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        var (dialogs, page) = Render(context);

        page.FindAll("[data-testid=delete-key]")[0].Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete key old-batch?", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Delete key old-batch?", dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(context.Proxy.To("/key/delete"));
    }

    [Fact]
    public async Task KeysPage_DeleteRefusedByTheProxy_ShowsTheProxysMessage()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        context.Proxy.On("POST", "/key/delete",
            """{"error":{"message":"Key not found: e2048947b1183dd5cd8d46c1cb022930711bef945fb23b2ec3a75ad3c31cfdc2","type":"not_found_error","param":"keys","code":"404"}}""", 404);
        var (dialogs, page) = Render(context);

        page.FindAll("[data-testid=delete-key]")[0].Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete key old-batch?", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Contains("The proxy answered 404: Key not found", page.Find("[data-testid=action-error]").TextContent,
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeysPage_Regenerate_ShowsTheNewValueOnceAndForgetsItWhenDismissed()
    {
        await using var context = SignedIn(AdminRoles.ProxyAdmin);
        context.Proxy.On("POST", "/key/regenerate", KeyFixtures.Regenerated);
        var (dialogs, page) = Render(context);

        page.FindAll("[data-testid=regenerate-key]")[0].Click();
        dialogs.WaitForAssertion(() => Assert.Contains("stops working at once", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Regenerate").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("sk-i5qDqjROc7BB9xYRMel9qw", dialogs.Find("[data-testid=new-key-secret]").TextContent));
        Assert.Equal(KeyFixtures.OldBatchToken, Body(Assert.Single(context.Proxy.To("/key/regenerate"))).GetProperty("key").GetString());
        Assert.Contains("will not be shown again", dialogs.Find("[data-testid=new-key-warning]").TextContent, StringComparison.Ordinal);

        dialogs.Find("[data-testid=dismiss-new-key]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=new-key-secret]")));
        Assert.DoesNotContain("sk-i5qDqjROc7BB9xYRMel9qw", dialogs.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-i5qDqjROc7BB9xYRMel9qw", page.Markup, StringComparison.Ordinal);
    }
}
