using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LiteAspire.Admin.Browser.Tests.Support;
using Microsoft.Playwright;

namespace LiteAspire.Admin.Browser.Tests;

/// <summary>Who reaches what: a signed-out visitor nothing, a viewer everything but no change, in the browser and at the server.</summary>
[Collection(SharedAdminSystem.Name)]
public class AccessTests(AdminSystem system)
{
    private static readonly string[] AnyKey = ["sk-anything"];

    private static readonly string[] EveryPage =
        ["/", "/keys", "/teams", "/users", "/organizations", "/end-users", "/budgets", "/models", "/spend-logs", "/usage", "/playground", "/settings"];

    [Fact]
    public async Task SignedOutVisitor_EveryPageLeadsToSignIn_AndNoDataIsShown()
    {
        var page = await system.NewPageAsync();
        foreach (var path in EveryPage)
        {
            await page.GotoAsync(path);

            Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
            Assert.Equal(0, await page.GetByTestId("signed-in-as").CountAsync());
            Assert.Equal(0, await page.Locator("table").CountAsync());
        }

        var api = await page.APIRequest.GetAsync("/api/proxy-status");
        Assert.Equal((int)HttpStatusCode.Unauthorized, api.Status);
    }

    [Fact]
    public async Task Viewer_SeesEveryPageButNoChangeButton_AndTheServerRefusesTheirChanges()
    {
        var viewerKey = await NewUserKeyAsync("proxy_admin_viewer");
        var page = await system.SignedInPageAsync(viewerKey);
        Assert.Contains("Admin viewer", await page.GetByTestId("signed-in-as").InnerTextAsync(), StringComparison.Ordinal);

        foreach (var path in EveryPage.Where(p => p != "/playground"))
        {
            await page.OpenAsync(path);

            Assert.Equal(0, await page.GetByTestId("page-error").CountAsync());
            var changeButtons = page.Locator("[data-testid^='create-'], [data-testid^='delete-'], [data-testid^='add-'], [data-testid^='edit-'], "
                + "[data-testid^='block-'], [data-testid^='regenerate-']");
            Assert.True(await changeButtons.CountAsync() == 0, $"{path} shows a viewer: {string.Join(", ", await TestIdsAsync(changeButtons))}");
        }

        using var proxy = system.ProxyClient(viewerKey);
        var refused = new[]
        {
            await proxy.PostAsJsonAsync("/key/generate", new { key_alias = "viewer-made" }),
            await proxy.PostAsJsonAsync("/team/new", new { team_alias = "viewer-team" }),
            await proxy.PostAsJsonAsync("/key/delete", new { keys = AnyKey }),
            await proxy.PostAsJsonAsync("/user/new", new { user_email = "someone@example.com" }),
            await proxy.PostAsJsonAsync("/model/new", new { model_name = "x", litellm_params = new { model = "openai/x" } }),
        };
        Assert.All(refused, response => Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode));
    }

    private async Task<string> NewUserKeyAsync(string role)
    {
        using var proxy = system.ProxyClient(system.MasterKey);
        using var response = await proxy.PostAsJsonAsync("/user/new", new { user_email = $"{role}-{Guid.NewGuid():N}@example.com", user_role = role });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (string)body!["key"]!;
    }

    private static async Task<IEnumerable<string?>> TestIdsAsync(ILocator locator)
    {
        var ids = new List<string?>();
        for (var i = 0; i < await locator.CountAsync(); i++)
        {
            ids.Add(await locator.Nth(i).GetAttributeAsync("data-testid"));
        }

        return ids;
    }
}
