using Microsoft.Playwright;

namespace LiteAspire.Admin.Browser.Tests.Support;

/// <summary>Waiting for a dashboard page the way a person does: until it is live and its data is on screen.</summary>
internal static class PageExtensions
{
    /// <summary>Opens <paramref name="path"/> and waits until the circuit is live and nothing is loading.</summary>
    public static async Task OpenAsync(this IPage page, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(path);
        await page.WaitUntilSettledAsync();
    }

    /// <summary>Waits until the circuit is live, the page has its h1, and no loading indicator is shown.</summary>
    public static async Task WaitUntilSettledAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Locator("html[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.Locator("h1").First.WaitForAsync();
        await page.GetByTestId("page-loading").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
    }

    /// <summary>Opens the sign-in page (a plain server-rendered form: no circuit to wait for).</summary>
    public static async Task OpenSignInAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/login");
        await page.GetByTestId("sign-in-key").WaitForAsync();
    }

    /// <summary>The text field (input or textarea) a MudBlazor field with <paramref name="testId"/> renders.</summary>
    public static ILocator Field(this IPage page, string testId)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Locator($"input[data-testid='{testId}'], textarea[data-testid='{testId}'], [data-testid='{testId}'] input, "
            + $"[data-testid='{testId}'] textarea").First;
    }

    /// <summary>Opens the MudSelect with <paramref name="testId"/> and picks the option reading <paramref name="option"/>.</summary>
    public static async Task PickAsync(this IPage page, string testId, string option)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Locator($".mud-input-control:has([data-testid='{testId}'])").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasTextString = option }).First.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
    }
}
