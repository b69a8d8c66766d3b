using LiteAspire.Admin.Browser.Tests.Support;
using Microsoft.Playwright;

namespace LiteAspire.Admin.Browser.Tests;

/// <summary>Signing in and out, as an operator does it in the browser.</summary>
[Collection(SharedAdminSystem.Name)]
public class SignInTests(AdminSystem system)
{
    [Fact]
    public async Task MasterKey_SignsIn_LandsOnTheOverview_AndSignOutEndsTheSession()
    {
        var page = await system.NewPageAsync();
        await page.OpenSignInAsync();
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
        await Artifacts.ScreenshotAsync(page, "sign-in");

        await page.GetByTestId("sign-in-key").FillAsync(system.MasterKey);
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await page.WaitUntilSettledAsync();

        Assert.EndsWith("/", page.Url, StringComparison.Ordinal);
        Assert.Contains("Admin", await page.GetByTestId("signed-in-as").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync("**/login");
        await page.GotoAsync("/keys");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongKey_IsRefusedWithAClearMessage()
    {
        var page = await system.NewPageAsync();
        await page.OpenSignInAsync();

        await page.GetByTestId("sign-in-key").FillAsync("sk-not-a-key");
        await page.GetByTestId("sign-in-submit").ClickAsync();

        var error = await page.GetByTestId("sign-in-error").InnerTextAsync();
        Assert.Contains("not valid", error, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-not-a-key", await page.ContentAsync(), StringComparison.Ordinal);
    }
}
