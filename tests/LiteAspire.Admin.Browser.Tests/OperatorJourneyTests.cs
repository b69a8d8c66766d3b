using System.Globalization;
using LiteAspire.Admin.Browser.Tests.Support;
using Microsoft.Playwright;

namespace LiteAspire.Admin.Browser.Tests;

/// <summary>What an operator does on a first day, in the browser, against the whole system started by the AppHost.</summary>
[Collection(SharedAdminSystem.Name)]
public class OperatorJourneyTests(AdminSystem system)
{
    private static readonly TimeSpan SpendArrival = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SignIn_CreateTeamAndKey_SeeTheKeyOnce_ChatInThePlayground_FindTheSpendInLogsAndOnTheOverview()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var team = $"search-{suffix}";
        var alias = $"browser-key-{suffix}";
        var page = await system.SignedInPageAsync(system.MasterKey);
        try
        {
            await JourneyAsync(page, team, alias);
        }
        catch
        {
            await Artifacts.ScreenshotAsync(page, "journey-failed");
            throw;
        }
    }

    private static async Task JourneyAsync(IPage page, string team, string alias)
    {
        await page.WaitUntilSettledAsync();
        await Artifacts.ScreenshotAsync(page, "journey-1-overview-before");

        // A team.
        await page.OpenAsync("/teams");
        await page.GetByTestId("create-team").ClickAsync();
        await page.Field("team-alias").FillAsync(team);
        await page.GetByTestId("team-submit").ClickAsync();
        // Creating a team opens its page.
        await page.Locator("h1").Filter(new LocatorFilterOptions { HasTextString = team }).WaitForAsync();
        await Artifacts.ScreenshotAsync(page, "journey-2-team-created");

        // A key of that team, shown once.
        await page.OpenAsync("/keys");
        await page.GetByTestId("create-key").ClickAsync();
        await page.Field("key-alias").FillAsync(alias);
        await page.PickAsync("key-team", team);
        await page.GetByTestId("submit-key").ClickAsync();
        var secret = (await page.GetByTestId("new-key-secret").InnerTextAsync()).Trim();
        Assert.StartsWith("sk-", secret, StringComparison.Ordinal);
        await Artifacts.ScreenshotAsync(page, "journey-3-key-shown-once");
        await page.GetByTestId("dismiss-new-key").ClickAsync();
        await page.GetByTestId("new-key-dialog").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        var keyRow = page.GetByTestId("keys-row").Filter(new LocatorFilterOptions { HasTextString = alias });
        await keyRow.WaitForAsync();
        Assert.Contains(team, await keyRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        await page.ReloadAsync();
        await page.WaitUntilSettledAsync();
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        // A streamed chat with that key.
        await page.OpenAsync("/playground");
        await page.Field("playground-key").FillAsync(secret);
        await page.Field("playground-key").BlurAsync();
        await page.PickAsync("playground-model", AdminSystem.ModelName);
        await page.Field("playground-message").FillAsync("Hello from the browser test");
        await page.GetByTestId("playground-send").ClickAsync();
        var reply = page.GetByTestId("playground-reply").Last;
        await Assertions.Expect(reply).Not.ToBeEmptyAsync();
        await page.GetByTestId("playground-usage").Last.WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("playground-error").CountAsync());
        await Artifacts.ScreenshotAsync(page, "journey-4-playground");

        // Its spend, once the Worker has written it: in the spend logs, with its detail.
        var logRow = page.GetByTestId("spend-log-row").Filter(new LocatorFilterOptions { HasTextString = alias });
        await ReloadUntilAsync(page, "/spend-logs", async () => await logRow.CountAsync() > 0);
        // As LiteLLM's, the log's model is the deployment's (openai/fake → "fake"), its group the name asked for.
        Assert.Contains("fake", await logRow.InnerTextAsync(), StringComparison.Ordinal);
        await Artifacts.ScreenshotAsync(page, "journey-5-spend-logs");
        await logRow.ClickAsync();
        var detail = page.GetByTestId("spend-log-detail");
        await detail.WaitForAsync();
        Assert.NotEqual("$0.00", (await page.GetByTestId("detail-cost").InnerTextAsync()).Trim());
        await Artifacts.ScreenshotAsync(page, "journey-6-spend-log-detail");

        // And on the overview: today's point of the spend chart (read from the chart's data table), and the team's name.
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var todaysSpendCell = page.Locator($"[data-testid='overview-chart'] tr:has(th:text-is('{today}')) td").First;
        await ReloadUntilAsync(page, "/", async () => UsdOf(await todaysSpendCell.TextContentAsync()) > 0);
        var todaysSpend = (await todaysSpendCell.TextContentAsync())!.Trim();
        Assert.Equal(todaysSpend, (await page.GetByTestId("spend-today").Locator(".figure").InnerTextAsync()).Trim());
        Assert.Contains(team, await page.GetByTestId("top-teams").InnerTextAsync(), StringComparison.Ordinal);
        await Artifacts.ScreenshotAsync(page, "journey-7-overview-after");
    }

    // Spend reaches the database through the Redis stream and the Worker: reload the page until it shows.
    private static async Task ReloadUntilAsync(IPage page, string path, Func<Task<bool>> shown)
    {
        var deadline = DateTime.UtcNow + SpendArrival;
        while (true)
        {
            await page.OpenAsync(path);
            if (await shown())
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} did not show the request's spend within {SpendArrival.TotalSeconds} s.");
            await Task.Delay(1000);
        }
    }

    private static double UsdOf(string? text) =>
        double.TryParse(text?.Trim().TrimStart('$'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
