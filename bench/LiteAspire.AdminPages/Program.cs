using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

// How long each admin page takes to render, measured in Debian's Chromium the way a person waits for it:
//   html   — navigation start until the server-rendered page (with its data, prerendered) has loaded (DOMContentLoaded);
//   ready  — until the page is live (circuit connected) and no loading indicator remains.
// Usage: dotnet run -c Release --project bench/LiteAspire.AdminPages -- <admin url> <key> [runs]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: LiteAspire.AdminPages <admin url> <key> [runs]");
    return 2;
}

var adminUrl = args[0].TrimEnd('/');
var key = args[1];
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
string[] pages = ["/", "/keys", "/teams", "/users", "/organizations", "/end-users", "/budgets", "/models", "/spend-logs", "/usage", "/playground", "/settings"];

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = adminUrl, ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
context.SetDefaultTimeout(30_000);
var page = await context.NewPageAsync();
await page.GotoAsync("/login");
await page.GetByTestId("sign-in-key").FillAsync(key);
await page.GetByTestId("sign-in-submit").ClickAsync();
await page.GetByTestId("signed-in-as").WaitForAsync();

Console.WriteLine($"{"page",-15} {"html p50",9} {"html max",9} {"ready p50",10} {"ready max",10}  (ms, {runs} runs after one warm-up)");
foreach (var path in pages)
{
    var html = new List<double>();
    var ready = new List<double>();
    for (var run = 0; run <= runs; run++)
    {
        var timing = await MeasureAsync(page, path);
        if (timing is null)
        {
            break;
        }

        if (run > 0)
        {
            html.Add(timing.Value.Html);
            ready.Add(timing.Value.Ready);
        }
    }

    Console.WriteLine(html.Count == 0
        ? $"{path,-15} {"-",9} {"-",9} {"> 30 s",10} {"-",10}"
        : $"{path,-15} {Median(html),9:F0} {html.Max(),9:F0} {Median(ready),10:F0} {ready.Max(),10:F0}");
}

return 0;

// One load: (HTML loaded, page live and settled) in ms, or null when the page was not live within the timeout.
static async Task<(double Html, double Ready)?> MeasureAsync(IPage page, string path)
{
    var clock = Stopwatch.StartNew();
    try
    {
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        var loaded = clock.Elapsed.TotalMilliseconds;
        await page.Locator("html[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.GetByTestId("page-loading").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        var settled = clock.Elapsed.TotalMilliseconds;
        if (await page.GetByTestId("page-error").CountAsync() > 0)
        {
            Console.Error.WriteLine($"{path}: the page shows an error: {await page.GetByTestId("page-error").First.InnerTextAsync()}");
        }

        return (loaded, settled);
    }
    catch (TimeoutException)
    {
        Console.Error.WriteLine($"{path}: not live within 30 s");
        return null;
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
