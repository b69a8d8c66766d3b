using LiteAspire.Admin.Browser.Tests.Support;

namespace LiteAspire.Admin.Browser.Tests;

/// <summary>axe on every page, light and dark, as the proxy admin sees it; each page's screenshot is kept as an artifact.</summary>
[Collection(SharedAdminSystem.Name)]
public class AccessibilityTests(AdminSystem system)
{
    /// <summary>Every page of the navigation, by route and artifact name.</summary>
    public static TheoryData<string, string> Pages => new()
    {
        { "/", "overview" },
        { "/keys", "keys" },
        { "/teams", "teams" },
        { "/users", "users" },
        { "/organizations", "organizations" },
        { "/end-users", "end-users" },
        { "/budgets", "budgets" },
        { "/models", "models" },
        { "/spend-logs", "spend-logs" },
        { "/usage", "usage" },
        { "/playground", "playground" },
        { "/settings", "settings" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoSeriousOrCriticalViolations_InLightAndDarkMode(string path, string name)
    {
        var page = await system.SignedInPageAsync(system.MasterKey);
        await page.OpenAsync(path);
        Assert.Equal(0, await page.GetByTestId("page-error").CountAsync());

        var light = await Accessibility.SeriousViolationsAsync(page);
        await Artifacts.ScreenshotAsync(page, name);
        await page.GetByTestId("dark-mode").ClickAsync();
        await page.Locator(".mud-theme-dark, html[data-interactive='true']").First.WaitForAsync();
        await page.WaitForTimeoutAsync(300);
        var dark = await Accessibility.SeriousViolationsAsync(page);
        await Artifacts.ScreenshotAsync(page, name + "-dark");

        Assert.True(light.Count == 0, $"{path} (light): {string.Join("; ", light)}");
        Assert.True(dark.Count == 0, $"{path} (dark): {string.Join("; ", dark)}");
    }
}
