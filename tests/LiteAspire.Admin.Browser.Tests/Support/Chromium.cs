using Microsoft.Playwright;

namespace LiteAspire.Admin.Browser.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright, headless; Playwright's own browser download does not work offline.</summary>
internal static class Chromium
{
    /// <summary>Where Debian's package installs it (<c>apt-get install chromium</c>).</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Launches a headless browser without the background traffic a closed network refuses.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
}
