using System.Text.RegularExpressions;

namespace LiteAspire.Admin.Tests.Support;

/// <summary>Signs in over HTTP the way the browser's form does: read the anti-forgery token, post the key.</summary>
internal static partial class SignInForm
{
    /// <summary>Posts <paramref name="key"/> to <c>/login</c> and returns the response (a redirect on success).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string key, string? returnUrl = null)
    {
        var page = await client.GetStringAsync(new Uri("/login", UriKind.Relative));
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "sign-in",
            ["Input.Key"] = key,
        });
        var path = returnUrl is null ? "/login" : $"/login?returnUrl={Uri.EscapeDataString(returnUrl)}";
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
