using Microsoft.Playwright;

namespace LiteAspire.Admin.Browser.Tests.Support;

/// <summary>Screenshots the browser tests keep, under <c>artifacts/screenshots/</c> at the repository's root.</summary>
internal static class Artifacts
{
    /// <summary>The folder, created on first use.</summary>
    public static string ScreenshotDirectory { get; } = CreateScreenshotDirectory();

    /// <summary>Saves a full-page screenshot as <c>&lt;name&gt;.png</c> and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static string CreateScreenshotDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LiteAspire.sln")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? AppContext.BaseDirectory;
        return Directory.CreateDirectory(Path.Combine(root, "artifacts", "screenshots")).FullName;
    }
}
